"""The loss as a 3-D surface with the descent path lying on it."""

from __future__ import annotations

import numpy as np

from bn_core.descent import Path, Quadratic

from .contours import View
from .lab_figure import LabFigure
from .theme import OKABE_ITO, SEQUENTIAL, style


def surface_figure(q: Quadratic, view: View, path: Path, title: str, n: int = 60) -> LabFigure:
    """log10(L − L*) over the view's box, with the path's points on the surface."""
    g1, g2 = view.grid(n)
    w = np.stack(np.meshgrid(g1, g2), axis=-1)
    z = np.log10(np.maximum(q.loss(w) - q.l_star, 1e-300))
    pz = np.log10(np.maximum(path.loss - q.l_star, 1e-300))
    fig = LabFigure([
        dict(type="surface", x=g1, y=g2, z=z, colorscale=SEQUENTIAL, showscale=False, opacity=0.9),
        dict(type="scatter3d", x=path.w[:, 0], y=path.w[:, 1], z=pz, mode="lines+markers",
             line={"color": OKABE_ITO["vermillion"], "width": 5}, marker={"size": 3}),
    ])
    style(fig, height=460, title=title)
    fig.update_layout(scene={"xaxis_title": "w₁", "yaxis_title": "w₂", "zaxis_title": "log₁₀(L − L*)"},
                      showlegend=False)
    return fig
