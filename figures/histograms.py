"""Before/after histograms: one picture of what a BN layer does to its inputs.

Counts are binned here with NumPy and drawn as bars: the browser gets 40 counts per feature
instead of every sample, and does no binning of its own on each redraw."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import series_colour, style

BINS = 40


def binned(v: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray, float]:
    """(centres, counts, bin width) of the finite values of v (1-D) in `bins` equal bins over their
    range; a constant v gets one unit-wide range around its value (NumPy's convention).

    The bins are laid out on v divided by its largest magnitude and scaled back, so that values near
    ±1.8e308, whose range is beyond float64, still get finite edges, centres and widths."""
    v = v[np.isfinite(v)]
    if not v.size:
        return np.linspace(0, 1, bins + 1)[:-1] + 0.5 / bins, np.zeros(bins, int), 1.0 / bins
    s = float(np.max(np.abs(v))) or 1.0
    if np.ptp(v / s) == 0:         # constant: NumPy's unit-wide range around the value itself
        counts, edges = np.histogram(v, bins=bins)
        return 0.5 * (edges[:-1] + edges[1:]), counts, float(edges[1] - edges[0])
    counts, edges = np.histogram(v / s, bins=bins)
    return (edges[:-1] / 2 + edges[1:] / 2) * s, counts, float((edges[1] - edges[0]) * s)


@dataclass(frozen=True)
class HistogramLabels:
    """Panel titles, the legend name pattern "feature {j}" and the x-axis titles."""

    before: str
    after: str
    feature: str
    x_before: str
    x_after: str


def before_after_histograms(x: np.ndarray, y: np.ndarray, *, labels: HistogramLabels,
                           names: tuple[str, ...] | None = None) -> LabFigure:
    """Overlaid per-feature histograms of x (N, D) on the left and y (N, D) on the right; legend
    entries are `names` if given, else labels.feature formatted with j = 1..D."""
    fig = LabFigure.subplots(rows=1, cols=2, subplot_titles=(labels.before, labels.after),
                             horizontal_spacing=0.1)
    for col, data in ((1, x), (2, y)):
        for j in range(data.shape[1]):
            centres, counts, width = binned(data[:, j], BINS)
            fig.add_trace(dict(
                type="bar", x=centres, y=counts, width=width,
                name=names[j] if names else labels.feature.format(j=j + 1), legendgroup=str(j), showlegend=col == 1,
                marker={"color": series_colour(j), "line": {"width": 0}},
                opacity=0.6, hovertemplate="%{x:.4g}: %{y}<extra></extra>",
            ), row=1, col=col)
    style(fig, height=360)
    fig.update_layout(barmode="overlay", bargap=0, margin={"t": 100}, legend={"y": 1.16})
    fig.update_xaxes(title=labels.x_before, row=1, col=1)
    fig.update_xaxes(title=labels.x_after, row=1, col=2)
    return fig
