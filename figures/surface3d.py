"""The loss as a 3-D surface with the descent path lying on it."""

from __future__ import annotations

import numpy as np

from bn_core.descent import Path, Quadratic

from .contours import View, levels
from .lab_figure import LabFigure
from .theme import SEQUENTIAL, role_colour, style

# Camera and box: far enough out that the box's corners, ticks and axis titles stay inside the chart
# at any rotation Plotly starts from; the z side a little shorter than the floor, as a bowl is drawn.
CAMERA = {"eye": {"x": 1.0, "y": 1.25, "z": 1.55}, "center": {"x": 0, "y": 0, "z": -0.15}}
ASPECT = {"x": 1.0, "y": 1.0, "z": 0.7}
LIFT = 0.015  # the path is drawn this fraction of the z span above the surface, which would hide it
Z_TICKS = 4   # about this many z ticks at a round step, without 0, which sat on w₂'s first tick at the front corner


def path_on_box(path: Path, q: Quadratic, view: View) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The path's (w₁, w₂, L − L*), NaN (a gap) where an iterate lies outside the view's box: the
    surface ends there, and a run that diverges or overshoots would otherwise stretch every axis."""
    w = path.w
    inside = np.all(np.abs(w - view.centre) <= view.half, axis=1)
    z = np.where(inside, np.maximum(path.loss - q.l_star, 0.0), np.nan)   # the run's own losses
    return np.where(inside, w[:, 0], np.nan), np.where(inside, w[:, 1], np.nan), z


def camera(six: tuple[float, ...] | None) -> dict:
    """Plotly's scene camera from (eye x, y, z, centre x, y, z); CAMERA for None. Up stays z, as
    Plotly's turntable rotation keeps it."""
    if six is None:
        return CAMERA
    return {"eye": dict(zip("xyz", six[:3], strict=True)), "center": dict(zip("xyz", six[3:], strict=True))}


def surface_figure(q: Quadratic, view: View, path: Path, title: str, n: int = 60,
                   eye_centre: tuple[float, ...] | None = None) -> LabFigure:
    """L − L* (n × n) on a linear scale over the view's box, the contour plot's box, with the path's
    iterates on the surface (drawn just above it; hover gives the value). At equal distance from w*,
    the raw features' canyon is κ times higher across it than along it; the standardized features'
    bowl is round unless the features are correlated. The z axis spans the surface, from 0 at the minimum.
    `eye_centre` (six numbers, see `camera`) is where the reader last turned the view; None: CAMERA."""
    g1, g2 = view.grid(n)
    z = np.maximum(q.excess(np.stack(np.meshgrid(g1, g2), axis=-1)), 0.0)   # ≥ 0: rounding near w*
    top = float(z.max()) or 1.0
    px, py, pz = path_on_box(path, q, view)
    fig = LabFigure([
        dict(type="surface", x=g1, y=g2, z=z, colorscale=SEQUENTIAL, showscale=False, opacity=0.85,
             hoverinfo="skip"),
        dict(type="scatter3d", x=px, y=py, z=pz + LIFT * top, customdata=pz, mode="lines+markers",
             connectgaps=False, line={"color": role_colour("descent_path"), "width": 6}, marker={"size": 3},
             hovertemplate="w₁ %{x:.4g}<br>w₂ %{y:.4g}<br>L − L* %{customdata:.4g}<extra></extra>"),
    ])
    style(fig, height=460, title=title)
    lo, hi = view.centre - view.half, view.centre + view.half
    fig.update_layout(
        scene={"xaxis": {"title": {"text": "w₁"}, "range": [lo[0], hi[0]]},
               "yaxis": {"title": {"text": "w₂"}, "range": [lo[1], hi[1]]},
               "zaxis": {"title": {"text": "L − L*"}, "range": [0.0, top * (1 + LIFT)],
                         "exponentformat": "power", "tickmode": "array",
                         "tickvals": levels(0.0, top * (1 + LIFT), Z_TICKS).tolist()},
               "camera": camera(eye_centre), "aspectmode": "manual", "aspectratio": ASPECT},
        margin={"l": 0, "r": 0, "b": 0}, showlegend=False)
    return fig
