"""The backward pass at a glance: upstream dy, the resulting dx, and dγ, dβ per feature."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import DIVERGING, OKABE_ITO, index_ticks, style


@dataclass(frozen=True)
class GradientLabels:
    """Subplot titles (dy, dx, parameters), axis titles, and bar names for dγ, dβ."""

    dy: str
    dx: str
    params: str
    feature: str
    sample: str
    dgamma: str
    dbeta: str


SPACING = 0.12   # between the panels: the gap after the dx panel holds the colour bar of both heatmaps


def _symmetric_heatmap(z: np.ndarray, lim: float, colour_bar: dict | None) -> dict:
    """z (N, D) on the diverging scale −lim..lim; `colour_bar` given: this heatmap draws the scale."""
    n, d = z.shape
    out = dict(
        type="heatmap", z=z, x=np.arange(1, d + 1), y=np.arange(1, n + 1), zmin=-lim, zmax=lim,
        colorscale=DIVERGING, showscale=colour_bar is not None, hovertemplate="%{z:.3g}<extra></extra>",
    )
    return out | ({"colorbar": colour_bar} if colour_bar else {})


def gradient_panels(dy: np.ndarray, dx: np.ndarray, dgamma: np.ndarray, dbeta: np.ndarray,
                    labels: GradientLabels) -> LabFigure:
    """Three panels: dy (N, D) and dx (N, D) as diverging heatmaps, dγ and dβ (D,) as bars."""
    fig = LabFigure.subplots(rows=1, cols=3, subplot_titles=(labels.dy, labels.dx, labels.params),
                             column_widths=[0.3, 0.3, 0.4], horizontal_spacing=SPACING)
    # one scale for both heatmaps, so that their colours compare (is dx smaller than dy?), drawn once
    # in the gap after the dx panel
    lim = float(max(np.max(np.abs(dy)), np.max(np.abs(dx)))) or 1.0
    dx_right = fig.layout["xaxis2"]["domain"][1]
    bar = {"x": dx_right + 0.01, "xanchor": "left", "thickness": 10, "len": 1.0, "y": 0.5, "yanchor": "middle"}
    fig.add_trace(_symmetric_heatmap(dy, lim, None), row=1, col=1)
    fig.add_trace(_symmetric_heatmap(dx, lim, bar), row=1, col=2)
    features = np.arange(1, dy.shape[1] + 1)
    fig.add_trace(dict(type="bar", x=features, y=dgamma, name=labels.dgamma, marker_color=OKABE_ITO["blue"]),
                  row=1, col=3)
    fig.add_trace(dict(type="bar", x=features, y=dbeta, name=labels.dbeta, marker_color=OKABE_ITO["orange"]),
                  row=1, col=3)
    style(fig, height=380)
    # the colour bar sits between the panels: the right margin that style() keeps for one is not needed
    fig.update_layout(barmode="group", margin={"t": 100, "r": 20}, legend={"y": 1.16, "x": 0.66})
    n, d = dy.shape
    for col in (1, 2):
        fig.update_yaxes(autorange="reversed", title=labels.sample if col == 1 else None,
                         showgrid=False, row=1, col=col, **index_ticks(n))
        fig.update_xaxes(title=labels.feature, showgrid=False, row=1, col=col, **index_ticks(d))
    fig.update_xaxes(title=labels.feature, row=1, col=3, **index_ticks(d))
    return fig
