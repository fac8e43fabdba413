"""Running statistics chasing the noisy batch statistics, revealed step by step in the browser."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.ema import EMATrace

from .animation import frame_steps, play_controls, revealed
from .lab_figure import LabFigure
from .theme import OKABE_ITO, style

MAX_FRAMES = 40


@dataclass(frozen=True)
class EMALabels:
    """Panel titles, trace names, axis titles and the Play/Pause labels."""

    mean_panel: str
    var_panel: str
    batch: str
    running: str
    population: str
    step: str
    play: str
    pause: str


def _traces(trace: EMATrace, labels: EMALabels) -> list[dict]:
    """The six traces (mean panel, then variance panel), x over every step (1..T, or 0..T for the
    running statistics, which start at step 0) and no y: `_revealed` gives the y of a step."""
    total = len(trace.batch_mean)
    t, t0 = np.arange(1, total + 1), np.arange(0, total + 1)
    batch_style = {"mode": "markers", "marker": {"color": OKABE_ITO["sky_blue"], "size": 6}}
    run_style = {"mode": "lines", "line": {"color": OKABE_ITO["vermillion"], "width": 3}}
    pop_style = {"mode": "lines", "line": {"color": OKABE_ITO["grey"], "dash": "dash", "width": 2}}
    s = "scatter"
    return [
        dict(type=s, x=t, name=labels.batch, legendgroup="b", **batch_style),
        dict(type=s, x=t0, name=labels.running, legendgroup="r", **run_style),
        dict(type=s, x=t, name=labels.population, legendgroup="p", **pop_style),
        dict(type=s, x=t, showlegend=False, legendgroup="b", **batch_style),
        dict(type=s, x=t0, showlegend=False, legendgroup="r", **run_style),
        dict(type=s, x=t, showlegend=False, legendgroup="p", **pop_style),
    ]


def _revealed(trace: EMATrace, pop_mean: np.ndarray, pop_var: float, upto: int) -> list[dict]:
    """The six traces' updates after `upto` steps (the running statistics show upto + 1 values)."""
    return [revealed(y) for y in (trace.batch_mean[:upto], trace.running_mean[: upto + 1], pop_mean[:upto],
                                  trace.batch_var[:upto], trace.running_var[: upto + 1], np.full(upto, pop_var))]


def ema_figure(trace: EMATrace, pop_mean: np.ndarray, pop_var: float, labels: EMALabels,
               *, active: int) -> LabFigure:
    """Two panels (mean, variance) over steps 0..T; frames reveal the first k steps (their y arrays only).
    pop_mean: (T,) population mean per step; `active` is the step shown before Play."""
    total = len(trace.batch_mean)
    steps = frame_steps(1, total, active, MAX_FRAMES)
    frames = [{"data": _revealed(trace, pop_mean, pop_var, k), "name": str(k), "traces": list(range(6))}
              for k in steps]
    fig = LabFigure.subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                             subplot_titles=(labels.mean_panel, labels.var_panel))
    shown = _revealed(trace, pop_mean, pop_var, active)
    for i, (tr, y) in enumerate(zip(_traces(trace, labels), shown, strict=True)):
        fig.add_trace(tr | y, row=1 if i < 3 else 2, col=1)
    style(fig, height=600)
    fig.update_layout(margin={"t": 80}, legend={"y": 1.1})
    fig.update_xaxes(range=[-0.5, total + 0.5])
    fig.update_xaxes(title=labels.step, row=2, col=1)
    _fix_y(fig, 1, [trace.batch_mean, trace.running_mean, pop_mean])
    _fix_y(fig, 2, [trace.batch_var, trace.running_var, [pop_var]])
    play_controls(fig, play=labels.play, pause=labels.pause, duration_ms=120, redraw=False)
    fig.frames = frames  # plain dicts (LabFigure)
    return fig


def _fix_y(fig: LabFigure, row: int, series) -> None:
    """Keep the y-range fixed across frames so the picture does not jump while it plays."""
    values = np.concatenate([np.ravel(s) for s in series])
    lo, hi = float(np.min(values)), float(np.max(values))
    pad = 0.05 * (hi - lo) or 1.0
    fig.update_yaxes(range=[lo - pad, hi + pad], row=row, col=1)
