"""A mini-batch as a heatmap: rows are samples (N), columns are features (D)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import SEQUENTIAL, index_ticks, rgba, role_colour, style

MIN_HEIGHT = 280  # px: a batch of two rows still leaves its colour bar room for four ticks


@dataclass(frozen=True)
class HeatmapLabels:
    """Axis titles ("feature j", "sample i"), a colour-bar title and the figure title."""

    feature: str
    sample: str
    colour: str
    title: str = ""


def batch_heatmap(x: np.ndarray, labels: HeatmapLabels, *, feature: int, sample: int | None = None) -> LabFigure:
    """Heatmap of x (N, D) with column `feature` outlined (the values one μ_j, σ²_j are taken over)
    and, if given, cell (sample, feature) marked."""
    n, d = x.shape
    fig = LabFigure(dict(
        type="heatmap", z=x, x=np.arange(1, d + 1), y=np.arange(1, n + 1), colorscale=SEQUENTIAL,
        colorbar={"title": {"text": labels.colour}},
        hovertemplate=f"{labels.sample} %{{y}}, {labels.feature} %{{x}}: %{{z:.4g}}<extra></extra>",
    ))
    fig.add_shape(type="rect", x0=feature + 0.5, x1=feature + 1.5, y0=0.5, y1=n + 0.5,
                  line={"color": role_colour("feature_column"), "width": 4})
    if sample is not None:
        fig.add_shape(type="rect", x0=feature + 0.5, x1=feature + 1.5, y0=sample + 0.5, y1=sample + 1.5,
                      line={"color": role_colour("traced_cell"), "width": 3},
                      fillcolor=rgba(role_colour("traced_cell"), 0.35))
    style(fig, height=min(520, max(MIN_HEIGHT, 180 + 6 * n)), title=labels.title or None)
    fig.update_xaxes(title=labels.feature, showgrid=False, **index_ticks(d))
    fig.update_yaxes(title=labels.sample, autorange="reversed", showgrid=False, **index_ticks(n))
    return fig
