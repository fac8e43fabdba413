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


def _symmetric_heatmap(z: np.ndarray, show_scale: bool) -> dict:
    lim = float(np.max(np.abs(z))) or 1.0
    n, d = z.shape
    return dict(
        type="heatmap", z=z, x=np.arange(1, d + 1), y=np.arange(1, n + 1), zmin=-lim, zmax=lim,
        colorscale=DIVERGING, showscale=show_scale, hovertemplate="%{z:.3g}<extra></extra>",
    )


def gradient_panels(dy: np.ndarray, dx: np.ndarray, dgamma: np.ndarray, dbeta: np.ndarray,
                    labels: GradientLabels) -> LabFigure:
    """Three panels: dy (N, D) and dx (N, D) as diverging heatmaps, dγ and dβ (D,) as bars."""
    fig = LabFigure.subplots(rows=1, cols=3, subplot_titles=(labels.dy, labels.dx, labels.params),
                             column_widths=[0.3, 0.3, 0.4], horizontal_spacing=0.08)
    fig.add_trace(_symmetric_heatmap(dy, False), row=1, col=1)
    fig.add_trace(_symmetric_heatmap(dx, False), row=1, col=2)
    features = np.arange(1, dy.shape[1] + 1)
    fig.add_trace(dict(type="bar", x=features, y=dgamma, name=labels.dgamma, marker_color=OKABE_ITO["blue"]),
                  row=1, col=3)
    fig.add_trace(dict(type="bar", x=features, y=dbeta, name=labels.dbeta, marker_color=OKABE_ITO["orange"]),
                  row=1, col=3)
    style(fig, height=380)
    fig.update_layout(barmode="group", margin={"t": 100}, legend={"y": 1.16, "x": 0.62})
    n, d = dy.shape
    for col in (1, 2):
        fig.update_yaxes(autorange="reversed", title=labels.sample if col == 1 else None,
                         showgrid=False, row=1, col=col, **index_ticks(n))
        fig.update_xaxes(title=labels.feature, showgrid=False, row=1, col=col, **index_ticks(d))
    fig.update_xaxes(title=labels.feature, row=1, col=3, **index_ticks(d))
    return fig
