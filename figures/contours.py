"""Loss contours over (w1, w2) with a gradient-descent path that plays in the browser.

The colours show log10(L - L*); the level lines are evenly spaced in it, i.e. log-spaced loss levels.
L - L* is a quadratic form, so each level set is an ellipse, drawn exactly from the Hessian (one line
trace) over the colours, a PNG in the layout (figures.raster): plotly.js's own contour trace traced
them from the grid in the browser, 15-20 % of the chart's drawing time (benchmarks/HISTORY.md,
eleventh round). Axes keep an equal aspect
ratio, so a canyon looks as narrow as it is. An invisible grid of markers makes
the plot clickable (Streamlit reports clicks on points), which is how the learner sets the start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.descent import Path, Quadratic

from .animation import frame_steps, play_controls, revealed
from .lab_figure import LabFigure
from .raster import coloured, data_url, png
from .theme import OKABE_ITO, SEQUENTIAL, role_colour, style

GRID = 90
CLICK_GRID = 19
MAX_FRAMES = 40
N_LEVELS = 9          # about this many level lines across the colour range (as plotly.js drew them)
ELLIPSE_POINTS = 73   # per level line (every 5° of the ellipse's parameter)
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
PATH_TRACE = 5        # the descent path's index among the traces (what the frames update)
ARROW_TRACES = (6, 7)  # the gradient's gentle and steep parts, when drawn
ARROW_LENGTH = 0.2     # the longer arrow's length, as a fraction of the box's half-size


@dataclass(frozen=True)
class ContourLabels:
    title: str
    w1: str
    w2: str
    colour: str
    path: str
    start: str
    minimum: str
    steep: str
    gentle: str
    play: str
    pause: str
    diverged: str = "diverged"


@dataclass(frozen=True)
class View:
    """A square box of half-size `half` around the minimum w_star (equal aspect ratio)."""

    centre: np.ndarray
    half: float

    def grid(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        return (np.linspace(self.centre[0] - self.half, self.centre[0] + self.half, n),
                np.linspace(self.centre[1] - self.half, self.centre[1] + self.half, n))


def view_for(q: Quadratic, scale: float = 1.5) -> View:
    """The box holding the level set L - L* = scale * (L(0) - L*): the zero model's excess loss."""
    excess = scale * max(float(q.excess(np.zeros(2))), 1e-12)
    half = float(np.max(np.sqrt(excess * np.diag(np.linalg.inv(q.a)))))
    return View(q.w_star.copy(), half)


def levels(lo: float, hi: float, n: int = N_LEVELS) -> np.ndarray:
    """Evenly spaced values strictly inside (lo, hi), about n of them, at a round step (1, 2, 2.5 or
    5 times a power of ten), as a contour plot picks its levels."""
    if not hi > lo:
        return np.zeros(0)
    raw = (hi - lo) / n
    power = 10.0 ** np.floor(np.log10(raw))
    step = next(m * power for m in NICE_STEPS if m * power >= raw)
    first = np.floor(lo / step + 1) * step
    return np.arange(first, hi, step)


def level_lines(q: Quadratic, log_excess: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y, float32 (L * (ELLIPSE_POINTS + 1),), of the level sets L - L* = 10**c for each of
    the L values c: one closed ellipse each, followed by NaN (a gap in the line).

    L - L* = dᵀ A d with d = w - w*; with A = V diag(λ) Vᵀ, d = √(10**c) V diag(λ^-½) (cos θ, sin θ)
    gives exactly 10**c. An A that is not positive definite has no ellipses: none are drawn."""
    lam, v = np.linalg.eigh(q.a)
    if not np.all(lam > 0):
        return np.zeros(0, np.float32), np.zeros(0, np.float32)
    theta = np.linspace(0.0, 2.0 * np.pi, ELLIPSE_POINTS)
    unit = v @ (np.stack([np.cos(theta), np.sin(theta)]) / np.sqrt(lam)[:, None])   # (2, P): dᵀAd = 1
    d = unit[:, None, :] * np.sqrt(10.0 ** np.asarray(log_excess, float))[None, :, None]   # (2, L, P)
    w = q.w_star[:, None, None] + d
    gap = np.full((2, len(log_excess), 1), np.nan)
    x, y = np.concatenate([w, gap], axis=2).reshape(2, -1).astype(np.float32)
    return x, y


def _path_trace(path: Path, labels: ContourLabels) -> dict:
    """The descent path, x over every step and no y: `revealed(path.w[:k + 1, 1])` shows steps 0..k."""
    return dict(type="scatter", x=path.w[:, 0], mode="lines+markers", name=labels.path,
                line={"color": role_colour("descent_path"), "width": 2.5},
                marker={"size": 5, "color": role_colour("descent_path")})


def diverged_note(labels: ContourLabels) -> dict:
    """The label over a plot whose run diverges (an annotation named "diverged")."""
    return {"name": "diverged", "text": labels.diverged, "xref": "x domain", "yref": "y domain", "x": 0.5,
            "y": 0.97, "xanchor": "center", "yanchor": "top", "showarrow": False,
            "font": {"size": 15, "color": "white"}, "bgcolor": "rgba(25, 25, 25, 0.78)", "borderpad": 4}


def contour_figure(q: Quadratic, view: View, path: Path, labels: ContourLabels, *, active: int,
                   parts: tuple[np.ndarray, np.ndarray] | None = None, diverged: bool = False,
                   click_grid: bool = True) -> LabFigure:
    """Contours, the clickable grid (an empty trace in its place without `click_grid`: a page that
    reads clicks from the mouse's position needs none), the start and the minimum, the path up to step
    `active` (frames for every step), if given, the gradient's (gentle, steep) parts drawn at w_active,
    and the "diverged" label if the run diverges (or its learning rate and momentum are unstable)."""
    g1, g2 = view.grid(GRID)
    w = np.stack(np.meshgrid(g1, g2), axis=-1)
    z = np.log10(np.maximum(q.excess(w), 1e-300)).astype(np.float32)  # colours only: the image's pixels
    zmin, zmax = float(z.min()), float(z.max())
    fig = LabFigure()
    fig.add_trace(_colour_key(view, zmin, zmax, labels))
    lx, ly = level_lines(q, levels(zmin, zmax))
    fig.add_trace(dict(type="scatter", x=lx, y=ly, mode="lines", hoverinfo="skip", showlegend=False,
                       line={"color": "rgba(25, 25, 25, 0.6)", "width": 0.6}))
    c1, c2 = view.grid(CLICK_GRID if click_grid else 0)
    cw = np.stack(np.meshgrid(c1, c2), axis=-1).reshape(-1, 2)
    fig.add_trace(dict(type="scatter", x=cw[:, 0], y=cw[:, 1], mode="markers", showlegend=False,
                       marker={"size": 14}, opacity=0.0, hovertemplate="(%{x:.3g}, %{y:.3g})<extra></extra>"))
    fig.add_trace(dict(type="scatter", x=[path.w[0, 0]], y=[path.w[0, 1]], mode="markers", name=labels.start,
                       marker={"symbol": "circle-open", "size": 14, "line": {"width": 3},
                               "color": role_colour("descent_path")}))
    fig.add_trace(dict(type="scatter", x=[q.w_star[0]], y=[q.w_star[1]], mode="markers", name=labels.minimum,
                       marker={"symbol": "x", "size": 12, "color": OKABE_ITO["yellow"]}))
    total = len(path.w) - 1
    active = min(active, total)
    steps = frame_steps(0, total, active, MAX_FRAMES)
    fig.add_trace(_path_trace(path, labels) | revealed(path.w[: active + 1, 1]))
    frames = [{"data": [revealed(path.w[: k + 1, 1])], "traces": [PATH_TRACE], "name": str(k)} for k in steps]
    if parts is not None:
        _arrows(fig, path.w[active], parts, ARROW_LENGTH * view.half, labels)
    style(fig, height=560, title=labels.title)
    lo = view.centre - view.half
    hi = view.centre + view.half
    fig.update_xaxes(title=labels.w1, range=[lo[0], hi[0]], showgrid=False, zeroline=False)
    fig.update_yaxes(title=labels.w2, range=[lo[1], hi[1]], showgrid=False, zeroline=False,
                     scaleanchor="x", scaleratio=1)
    play_controls(fig, play=labels.play, pause=labels.pause, duration_ms=150, redraw=True)
    # dragmode and hovermode as Streamlit sets them on a selectable chart anyway (it turns dragmode
    # False into "pan"): set here, its update after the first draw finds nothing to change
    fig.update_layout(clickmode="event+select", dragmode="pan", hovermode="closest", showlegend=False,
                      images=[loss_image(g1, g2, z, zmin, zmax)])
    if diverged:
        fig.update_layout(annotations=[diverged_note(labels)])
    fig.frames = frames  # plain dicts (LabFigure)
    return fig


def loss_image(g1: np.ndarray, g2: np.ndarray, z: np.ndarray, zmin: float, zmax: float) -> dict:
    """The colours of z (log-losses on the grid g1 x g2, row i at w2 = g2[i]) as a layout image under
    the traces, each grid point the centre of its pixel, as a heatmap's bricks (figures.raster says
    why not a heatmap)."""
    d1, d2 = g1[1] - g1[0], g2[1] - g2[0]
    rgb = coloured(z[::-1], SEQUENTIAL, zmin, zmax)               # the image's top row is the largest w2
    return {"source": data_url(png(rgb)), "xref": "x", "yref": "y", "x": float(g1[0] - d1 / 2),
            "y": float(g2[-1] + d2 / 2), "sizex": float(g1[-1] - g1[0] + d1), "sizey": float(g2[-1] - g2[0] + d2),
            "xanchor": "left", "yanchor": "top", "sizing": "stretch", "layer": "below"}


def _colour_key(view: View, zmin: float, zmax: float, labels: ContourLabels) -> dict:
    """The colour bar of the loss image: a transparent heatmap of two values, zmin and zmax."""
    lo, hi = view.centre - view.half, view.centre + view.half
    return dict(type="heatmap", x=[lo[0], hi[0]], y=[lo[1]], z=[[zmin, zmax]], zmin=zmin, zmax=zmax,
                colorscale=SEQUENTIAL, opacity=0.0, hoverinfo="skip",
                colorbar={"title": {"text": labels.colour, "side": "right"}, "thickness": 12})


def _arrows(fig: LabFigure, at: np.ndarray, parts, length: float, labels: ContourLabels) -> None:
    """The descent direction -∇L split into its gentle and steep parts, as arrows from w_k; the
    longer arrow is `length` long and the other keeps its ratio to it. Drawn as line traces with an
    arrow-head marker (annotation arrows cost the browser ~20 ms each per redraw)."""
    gentle, steep = parts
    longest = max(float(np.linalg.norm(gentle)), float(np.linalg.norm(steep)), 1e-300)
    for vec, colour, name in ((gentle, role_colour("gentle_part"), labels.gentle),
                              (steep, role_colour("steep_part"), labels.steep)):
        tip = at - vec / longest * length
        fig.add_trace(dict(type="scatter", x=[at[0], tip[0]], y=[at[1], tip[1]], mode="lines+markers", name=name,
                           line={"color": colour, "width": 3}, hoverinfo="skip",
                           marker={"symbol": "arrow", "angleref": "previous", "size": [0, 13],
                                   "color": colour}))
