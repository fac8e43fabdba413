"""Before/after histograms: one picture of what a BN layer does to its inputs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .packed import LabFigure
from .theme import series_colour, style


@dataclass(frozen=True)
class HistogramLabels:
    """Panel titles, the legend name pattern "feature {j}" and the x-axis titles."""

    before: str
    after: str
    feature: str
    x_before: str
    x_after: str


def before_after_histograms(x: np.ndarray, y: np.ndarray, *, labels: HistogramLabels,
                           names: tuple[str, ...] | None = None) -> go.Figure:
    """Overlaid per-feature histograms of x (N, D) on the left and y (N, D) on the right; legend
    entries are `names` if given, else labels.feature formatted with j = 1..D."""
    fig = make_subplots(figure=LabFigure(), rows=1, cols=2, subplot_titles=(labels.before, labels.after),
                        horizontal_spacing=0.1)
    for col, data in ((1, x), (2, y)):
        for j in range(data.shape[1]):
            fig.add_trace(go.Histogram(
                x=data[:, j], name=names[j] if names else labels.feature.format(j=j + 1), legendgroup=str(j),
                showlegend=col == 1, marker_color=series_colour(j), opacity=0.6, nbinsx=40,
            ), row=1, col=col)
    style(fig, height=360)
    fig.update_layout(barmode="overlay", margin={"t": 100}, legend={"y": 1.16})
    fig.update_xaxes(title=labels.x_before, row=1, col=1)
    fig.update_xaxes(title=labels.x_after, row=1, col=2)
    return fig
