"""Per-layer distributions of the activation inputs over training, as an in-browser animation,
and the decision boundary of 2-D data."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.training import HIST_BINS, History

from .animation import frame_steps, play_controls
from .lab_figure import LabFigure
from .theme import OKABE_ITO, series_colour, style
from .training import VARIANT_COLOURS, VARIANT_DASH

MAX_FRAMES = 40


@dataclass(frozen=True)
class DistributionLabels:
    layer: str        # "hidden layer {l}"
    value: str
    share: str
    names: dict[str, str]
    play: str
    pause: str


def _shares(runs: dict[str, History], k: dict[str, int], layers: int) -> list[np.ndarray]:
    """Per variant and hidden layer, the bin shares at record k[variant], as float32: what is drawn
    needs no more, and the frames (up to 40 of them) are most of the page's bytes."""
    return [h.hist[k[v], layer].astype(np.float32) for v, h in runs.items() for layer in range(layers)]


def _traces(runs: dict[str, History], k: dict[str, int], layers: int) -> list[dict]:
    centres = 0.5 * (HIST_BINS[:-1] + HIST_BINS[1:])
    variants = [v for v in runs for _ in range(layers)]
    return [dict(type="scatter", x=centres, y=y, mode="lines", showlegend=False,
                 line={"shape": "hvh", "color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v], "width": 2})
            for v, y in zip(variants, _shares(runs, k, layers), strict=True)]


def distributions_figure(runs: dict[str, History], labels: DistributionLabels, *, active: int) -> LabFigure:
    """One panel per hidden layer; a step-line histogram per variant; frames over recorded steps.
    `active` indexes the recorded steps of the longest run (runs that stopped early hold their end)."""
    longest = max(runs.values(), key=lambda h: len(h.steps))
    layers = longest.hist.shape[1]
    n = len(longest.steps)
    idx = frame_steps(0, n - 1, active, MAX_FRAMES)
    at = lambda i: {v: min(i, len(h.steps) - 1) for v, h in runs.items()}  # noqa: E731
    fig = LabFigure.subplots(rows=1, cols=layers, shared_yaxes=True, horizontal_spacing=0.03,
                             subplot_titles=[labels.layer.format(l=i + 1) for i in range(layers)])
    for t, trace in enumerate(_traces(runs, at(active), layers)):
        fig.add_trace(trace, row=1, col=t % layers + 1)
    for v in runs:  # legend entries
        fig.add_trace(dict(type="scatter", x=[None], y=[None], mode="lines", name=labels.names[v],
                           line={"color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v], "width": 2}))
    n_traces = len(runs) * layers
    # frames carry only the new y of each histogram; plotly.js keeps the rest of the trace
    frames = [{"data": [{"type": "scatter", "y": y} for y in _shares(runs, at(i), layers)],
               "traces": list(range(n_traces)), "name": str(i)} for i in idx]
    top = max(float(h.hist.max()) for h in runs.values()) * 1.05
    style(fig, height=420)
    fig.update_yaxes(range=[0, top])
    fig.update_yaxes(title=labels.share, col=1)
    fig.update_xaxes(title=labels.value)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    play_controls(fig, play=labels.play, pause=labels.pause, duration_ms=250, redraw=False)
    fig.frames = frames  # plain dicts (LabFigure)
    return fig


def boundary_figure(runs: dict[str, History], step_index: int, x: np.ndarray, y: np.ndarray,
                    names: dict[str, str]) -> LabFigure:
    """The predicted class over the input plane for each variant at a recorded step, with the
    validation points on top."""
    fig = LabFigure.subplots(rows=1, cols=len(runs), subplot_titles=[names[v] for v in runs],
                             horizontal_spacing=0.05)
    classes = int(max(y.max(), max(int(h.boundary.max()) for h in runs.values()))) + 1
    scale = [[i / max(classes - 1, 1), series_colour(i)] for i in range(classes)]
    for c, h in enumerate(runs.values(), start=1):
        k = min(step_index, len(h.steps) - 1)
        fig.add_trace(dict(type="heatmap", x=h.grid, y=h.grid, z=h.boundary[k], colorscale=scale, zmin=0,
                           zmax=classes - 1, showscale=False, opacity=0.35, hoverinfo="skip"), row=1, col=c)
        fig.add_trace(dict(type="scatter", x=x[:, 0], y=x[:, 1], mode="markers", showlegend=False,
                           marker={"color": [series_colour(int(i)) for i in y], "size": 5,
                                   "line": {"width": 0.5, "color": OKABE_ITO["grey"]}}), row=1, col=c)
    style(fig, height=340)
    fig.update_xaxes(range=[-2.5, 2.5], showgrid=False)
    fig.update_yaxes(range=[-2.5, 2.5], showgrid=False)
    return fig
