"""Raw vs standardized two-feature data: one shared-axes view and one view each on its own axes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import OKABE_ITO, style


@dataclass(frozen=True)
class ScatterLabels:
    shared: str
    raw: str
    standardized: str
    x1: str
    x2: str
    z1: str = ""    # the standardized panel's x-axis title, where it differs from x1 (x1 in scaled units)


def raw_vs_standardized(x: np.ndarray, z: np.ndarray, labels: ScatterLabels, *, unit: np.ndarray | None = None
                        ) -> LabFigure:
    """Three panels of (N, 2) data: both clouds on shared axes (with the origin), raw alone,
    standardized alone. `unit` (2,): x is drawn in these units (x / unit, for magnitudes plotly.js
    cannot lay an axis out for, near 1e308); the shared panel draws z in the same units."""
    unit = np.ones(2) if unit is None else np.asarray(unit, dtype=np.float64)
    x, z_shared = x / unit, z / unit
    fig = LabFigure.subplots(rows=1, cols=3, subplot_titles=(labels.shared, labels.raw, labels.standardized),
                             horizontal_spacing=0.07)
    raw = {"mode": "markers", "marker": {"color": OKABE_ITO["blue"], "size": 5, "opacity": 0.6}}
    std = {"mode": "markers", "marker": {"color": OKABE_ITO["orange"], "size": 5, "opacity": 0.7}}
    fig.add_trace(dict(type="scatter", x=x[:, 0], y=x[:, 1], name=labels.raw, **raw), row=1, col=1)
    fig.add_trace(dict(type="scatter", x=z_shared[:, 0], y=z_shared[:, 1], name=labels.standardized, **std),
                  row=1, col=1)
    origin = {"symbol": "cross-thin", "size": 14, "line": {"width": 2, "color": OKABE_ITO["grey"]}}
    fig.add_trace(dict(type="scatter", x=[0], y=[0], mode="markers", showlegend=False, hoverinfo="skip", marker=origin),
                  row=1, col=1)
    fig.add_trace(dict(type="scatter", x=x[:, 0], y=x[:, 1], showlegend=False, **raw), row=1, col=2)
    fig.add_trace(dict(type="scatter", x=z[:, 0], y=z[:, 1], showlegend=False, **std), row=1, col=3)
    style(fig, height=380)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.2})
    fig.update_xaxes(title=labels.x1)
    fig.update_yaxes(title=labels.x2, col=1)
    if labels.z1:
        fig.update_xaxes(title=labels.z1, row=1, col=3)
    fig.update_yaxes(scaleanchor="x3", scaleratio=1, row=1, col=3)
    return fig


@dataclass(frozen=True)
class MorphLabels:
    x1: str
    x2: str
    title: str


def morph_scatter(m: np.ndarray, x: np.ndarray, z: np.ndarray, labels: MorphLabels) -> LabFigure:
    """The morphed cloud m (N, 2), with axes fixed to hold both end points so the motion is visible."""
    fig = LabFigure(dict(type="scatter", x=m[:, 0], y=m[:, 1], mode="markers",
                         marker={"color": OKABE_ITO["bluish_green"], "size": 6, "opacity": 0.7}))
    both = np.vstack([x, z, [[0.0, 0.0]]])
    pad = 0.05 * (both.max(axis=0) - both.min(axis=0))
    style(fig, height=360, title=labels.title)
    fig.update_xaxes(title=labels.x1, range=[both[:, 0].min() - pad[0], both[:, 0].max() + pad[0]])
    fig.update_yaxes(title=labels.x2, range=[both[:, 1].min() - pad[1], both[:, 1].max() + pad[1]])
    return fig
