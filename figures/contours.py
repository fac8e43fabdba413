"""Loss contours over (w1, w2) with a gradient-descent path that plays in the browser.

The contour shows log10(L - L*) with evenly spaced levels, i.e. log-spaced loss levels. Axes keep
an equal aspect ratio, so a canyon looks as narrow as it is. An invisible grid of markers makes
the plot clickable (Streamlit reports clicks on points), which is how the learner sets the start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.descent import Path, Quadratic

from .animation import frame_steps, play_controls, revealed
from .lab_figure import LabFigure
from .theme import OKABE_ITO, SEQUENTIAL, style

GRID = 90
CLICK_GRID = 19
MAX_FRAMES = 40


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
    now: str          # "step {step}": the readout over the slider


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


def _path_trace(path: Path, labels: ContourLabels) -> dict:
    """The descent path, x over every step and no y: `revealed(path.w[:k + 1, 1])` shows steps 0..k."""
    return dict(type="scatter", x=path.w[:, 0], mode="lines+markers", name=labels.path,
                line={"color": OKABE_ITO["vermillion"], "width": 2.5},
                marker={"size": 5, "color": OKABE_ITO["vermillion"]})


def contour_figure(q: Quadratic, view: View, path: Path, labels: ContourLabels, *, active: int,
                   parts: tuple[np.ndarray, np.ndarray] | None = None) -> LabFigure:
    """Contours, the clickable grid, the start and the minimum, the path up to step `active` (frames
    for every step), and, if given, the gradient's (gentle, steep) parts drawn at w_active."""
    g1, g2 = view.grid(GRID)
    w = np.stack(np.meshgrid(g1, g2), axis=-1)
    z = np.log10(np.maximum(q.excess(w), 1e-300)).astype(np.float32)  # colours only: sent with 6 digits
    fig = LabFigure()
    fig.add_trace(dict(type="contour", x=g1, y=g2, z=z, colorscale=SEQUENTIAL, ncontours=18, hoverinfo="skip",
                       colorbar={"title": {"text": labels.colour, "side": "right"}, "thickness": 12},
                       contours={"coloring": "heatmap"},
                       line={"width": 0.5}))
    c1, c2 = view.grid(CLICK_GRID)
    cw = np.stack(np.meshgrid(c1, c2), axis=-1).reshape(-1, 2)
    fig.add_trace(dict(type="scatter", x=cw[:, 0], y=cw[:, 1], mode="markers", showlegend=False,
                       marker={"size": 14}, opacity=0.0, hovertemplate="(%{x:.3g}, %{y:.3g})<extra></extra>"))
    fig.add_trace(dict(type="scatter", x=[path.w[0, 0]], y=[path.w[0, 1]], mode="markers", name=labels.start,
                       marker={"symbol": "circle-open", "size": 14, "line": {"width": 3},
                               "color": OKABE_ITO["vermillion"]}))
    fig.add_trace(dict(type="scatter", x=[q.w_star[0]], y=[q.w_star[1]], mode="markers", name=labels.minimum,
                       marker={"symbol": "x", "size": 12, "color": OKABE_ITO["yellow"]}))
    total = len(path.w) - 1
    active = min(active, total)
    steps = frame_steps(0, total, active, MAX_FRAMES)
    fig.add_trace(_path_trace(path, labels) | revealed(path.w[: active + 1, 1]))
    frames = [{"data": [revealed(path.w[: k + 1, 1])], "traces": [4], "name": str(k)} for k in steps]
    if parts is not None:
        _arrows(fig, path.w[active], parts, 0.2 * view.half, labels)
    style(fig, height=560, title=labels.title)
    lo = view.centre - view.half
    hi = view.centre + view.half
    fig.update_xaxes(title=labels.w1, range=[lo[0], hi[0]], showgrid=False, zeroline=False)
    fig.update_yaxes(title=labels.w2, range=[lo[1], hi[1]], showgrid=False, zeroline=False,
                     scaleanchor="x", scaleratio=1)
    names = [str(k) for k in steps]
    play_controls(fig, names, names, steps.index(active), play=labels.play, pause=labels.pause,
                  duration_ms=150, redraw=True, now=labels.now)
    # dragmode and hovermode as Streamlit sets them on a selectable chart anyway (it turns dragmode
    # False into "pan"): set here, its update after the first draw finds nothing to change
    fig.update_layout(clickmode="event+select", dragmode="pan", hovermode="closest", showlegend=False)
    fig.frames = frames  # plain dicts (LabFigure)
    return fig


def _arrows(fig: LabFigure, at: np.ndarray, parts, length: float, labels: ContourLabels) -> None:
    """The descent direction -∇L split into its gentle and steep parts, as arrows from w_k; the
    longer arrow is `length` long and the other keeps its ratio to it. Drawn as line traces with an
    arrow-head marker (annotation arrows cost the browser ~20 ms each per redraw)."""
    gentle, steep = parts
    longest = max(float(np.linalg.norm(gentle)), float(np.linalg.norm(steep)), 1e-300)
    for vec, colour, name in ((gentle, OKABE_ITO["bluish_green"], labels.gentle),
                              (steep, OKABE_ITO["reddish_purple"], labels.steep)):
        tip = at - vec / longest * length
        fig.add_trace(dict(type="scatter", x=[at[0], tip[0]], y=[at[1], tip[1]], mode="lines+markers", name=name,
                           line={"color": colour, "width": 3}, hoverinfo="skip",
                           marker={"symbol": "arrow", "angleref": "previous", "size": [0, 13],
                                   "color": colour}))
