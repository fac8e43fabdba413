"""The five steps of a BN layer as one Plotly animation that plays in the browser.

Each feature is a row; its N values are dots. Every frame shows one step: the raw batch, its
mean ± standard deviation, the normalized x_hat, the scaled-and-shifted y, and the running
statistics moving towards the batch statistics. The axis stays fixed so the collapse to 0 ± 1
and the spread back out by γ and β are visible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core import FiveSteps

from .animation import play_controls
from .lab_figure import LabFigure
from .theme import OKABE_ITO, series_colour, style

N_STEPS = 5
AFFINE = 3      # the frame of y = γ x̂ + β (step 4), the only one γ and β change


@dataclass(frozen=True)
class FiveStepsLabels:
    """Translated texts: one title and one short slider label per step, and the rest."""

    step_titles: tuple[str, ...]
    feature: str            # "feature {j}"
    value: str              # x-axis title
    stat: str               # legend: mean ± std of what is shown
    running_before: str
    running_after: str
    sample: str             # "sample {i}"
    play: str
    pause: str


@dataclass(frozen=True)
class StageView:
    """What one frame shows: dots (N, D); a centre ± spread marker per feature (D,) or None."""

    points: np.ndarray
    centre: np.ndarray | None
    spread: np.ndarray | None
    before: np.ndarray | None = None
    after: np.ndarray | None = None
    after_spread: np.ndarray | None = None


def stage_views(run: FiveSteps) -> list[StageView]:
    """The five stages computed from one forward pass."""
    return [
        StageView(run.x, None, None),
        StageView(run.x, run.mu, np.sqrt(run.var)),
        StageView(run.x_hat, run.x_hat.mean(axis=0), run.x_hat.std(axis=0)),
        StageView(run.y, run.y.mean(axis=0), run.y.std(axis=0)),
        StageView(run.x, run.mu, np.sqrt(run.var), run.before.mean, run.after.mean, np.sqrt(run.after.var)),
    ]


def jitter(n: int) -> np.ndarray:
    """Deterministic vertical offsets in [-0.25, 0.25) (golden-ratio sequence; no randomness)."""
    return ((np.arange(n) * 0.6180339887) % 1.0 - 0.5) * 0.5


def _traces(view: StageView, labels: FiveStepsLabels) -> list[dict]:
    n, d = view.points.shape
    rows = np.arange(d)
    traces = []
    for j in range(d):
        traces.append(dict(
            type="scatter", x=view.points[:, j], y=j + jitter(n), mode="markers",
            marker={"color": series_colour(j), "size": 7, "opacity": 0.75},
            name=labels.feature.format(j=j + 1), showlegend=False,
            customdata=np.arange(1, n + 1),
            hovertemplate=labels.sample.replace("{i}", "%{customdata}") + ": %{x:.4g}<extra></extra>",
        ))
    empty = {"x": [], "y": []}
    stat = {"x": view.centre, "y": rows} if view.centre is not None else empty
    traces.append(dict(
        type="scatter", **stat, mode="markers", name=labels.stat,
        marker={"symbol": "line-ns-open", "size": 34, "color": OKABE_ITO["grey"],
                "line": {"width": 3, "color": OKABE_ITO["grey"]}},
        error_x={"type": "data", "array": view.spread, "thickness": 2.5, "width": 10,
                 "color": OKABE_ITO["grey"]},
        hovertemplate="%{x:.4g}<extra></extra>",
    ))
    before = {"x": view.before, "y": rows - 0.38} if view.before is not None else empty
    traces.append(dict(
        type="scatter", **before, mode="markers", name=labels.running_before,
        marker={"symbol": "diamond-open", "size": 12, "color": OKABE_ITO["reddish_purple"],
                "line": {"width": 2}},
        hovertemplate="%{x:.4g}<extra></extra>",
    ))
    after = {"x": view.after, "y": rows - 0.38} if view.after is not None else empty
    traces.append(dict(
        type="scatter", **after, mode="markers", name=labels.running_after,
        marker={"symbol": "diamond", "size": 12, "color": OKABE_ITO["vermillion"]},
        error_x={"type": "data", "array": view.after_spread, "thickness": 1.5, "width": 6,
                 "color": OKABE_ITO["vermillion"]},
        hovertemplate="%{x:.4g}<extra></extra>",
    ))
    return traces


def value_bounds(views: list[StageView]) -> tuple[float, float]:
    """The smallest and largest value the stages show (dots, centre ± spread, running statistics)."""
    parts = [v.points.ravel() for v in views]
    parts += [v.centre + v.spread for v in views if v.centre is not None]
    parts += [v.centre - v.spread for v in views if v.centre is not None]
    parts += [a for v in views for a in (v.before, v.after) if a is not None]
    allv = np.concatenate(parts)
    return float(allv.min()), float(allv.max())


def value_range(views: list[StageView]) -> list[float]:
    """One x-range that holds every stage, with a 5 % margin (1 when every value is the same)."""
    lo, hi = value_bounds(views)
    pad = 0.05 * (hi - lo) or 1.0
    return [lo - pad, hi + pad]


def five_steps_animation(run: FiveSteps, labels: FiveStepsLabels, *, active: int = 0) -> LabFigure:
    """Animated figure of the five steps; `active` (0..4) is the step shown before Play."""
    views = stage_views(run)
    frames = [
        {"data": _traces(v, labels), "name": str(k), "layout": {"title": {"text": labels.step_titles[k]}}}
        for k, v in enumerate(views)
    ]
    fig = LabFigure(data=frames[active]["data"])
    d = run.x.shape[1]
    style(fig, height=300 + 60 * d, title=labels.step_titles[active])
    fig.update_xaxes(range=value_range(views), title=labels.value)
    fig.update_yaxes(
        tickvals=list(range(d)), ticktext=[labels.feature.format(j=j + 1) for j in range(d)],
        range=[d - 0.5, -0.8], zeroline=False,
    )
    play_controls(fig, play=labels.play, pause=labels.pause, redraw=True)
    fig.frames = frames  # plain dicts (LabFigure)
    return fig
