"""Training vs inference: one sample's output across random batchmates, and the train/eval gap."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import OKABE_ITO, log_ticks, role_colour, style


@dataclass(frozen=True)
class BatchmateLabels:
    batch_size: str
    output: str
    training: str
    inference: str
    exact: str


def batchmates_figure(outputs: dict[int, np.ndarray], inference: float, exact: float,
                      labels: BatchmateLabels) -> LabFigure:
    """A box per batch size of the sample's training-mode outputs, with the inference output and
    the exact population normalization as horizontal lines."""
    fig = LabFigure()
    for b, ys in outputs.items():
        fig.add_trace(dict(type="box", y=ys, name=str(b), marker_color=OKABE_ITO["blue"], boxpoints="outliers",
                           showlegend=False, hovertemplate="%{y:.3f}<extra></extra>"))
    for y, name, colour, dash in ((inference, labels.inference, role_colour("inference_line"), "solid"),
                                  (exact, labels.exact, OKABE_ITO["grey"], "dash")):
        fig.add_trace(dict(type="scatter", x=[str(b) for b in outputs], y=[y] * len(outputs), mode="lines", name=name,
                           line={"color": colour, "dash": dash, "width": 2.5}))
    fig.add_trace(dict(type="scatter", x=[None], y=[None], mode="markers", name=labels.training,
                       marker={"color": OKABE_ITO["blue"], "symbol": "square", "size": 10}))
    style(fig, height=400)
    fig.update_xaxes(title=labels.batch_size, type="category")
    fig.update_yaxes(title=labels.output)
    return fig


@dataclass(frozen=True)
class GapLabels:
    step: str
    error: str
    running: str
    batch: str


def gap_figure(steps: np.ndarray, running: np.ndarray, batch: np.ndarray, labels: GapLabels) -> LabFigure:
    """Mean absolute error against the exact population output over training steps (log y, ticked
    as decimals like chapter 5's losses: 1, 0.1, 0.01 rather than 1e+0, 1e−1)."""
    fig = LabFigure([
        dict(type="scatter", x=steps, y=running, name=labels.running, mode="lines",
             line={"color": OKABE_ITO["vermillion"], "width": 3}),
        dict(type="scatter", x=steps, y=batch, name=labels.batch, mode="lines",
             line={"color": OKABE_ITO["blue"], "width": 2.5, "dash": "dash"}),
    ])
    style(fig, height=360)
    fig.update_xaxes(title=labels.step)
    values = np.concatenate([running, batch])
    fig.update_yaxes(title=labels.error, type="log", minor={"showgrid": True},
                     **(padded_log_range(values) | log_ticks(values)))  # a narrow span keeps log_ticks' wider range
    return fig


def padded_log_range(values: np.ndarray, pad: float = 0.06) -> dict:
    """A log axis `range` holding every positive finite value with `pad` of the span (at least 0.05
    decades) to spare at each end, so the curve's first, highest point is not cut by the frame."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return {}
    lo, hi = float(np.log10(v.min())), float(np.log10(v.max()))
    room = max(pad * (hi - lo), 0.05)
    return {"range": [lo - room, hi + room]}
