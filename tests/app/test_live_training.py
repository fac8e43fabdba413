"""Chapter 5 trains its networks side by side and redraws the curves while they train."""

from __future__ import annotations

import dataclasses
import itertools
import json

import numpy as np
import pytest

from bn_core.network import NetConfig
from bn_core.training import TrainConfig, train
from figures.training import (
    CurveLabels,
    LineLabels,
    PercentileLabels,
    curves_figure,
    per_variant_lines,
    percentiles_figure,
)
from tests.app.conftest import open_page
from tests.wire import plain
from ui import training_cache


def configs(seed: int, steps: int = 60) -> dict[str, TrainConfig]:
    base = TrainConfig(NetConfig((2, 10, 10, 2), activation="relu", seed=seed), lr=0.1, steps=steps,
                       record_every=5, seed=seed)
    return {v: dataclasses.replace(base, net=dataclasses.replace(base.net, bn=v)) for v in ("none", "before")}


class Clock:
    """A clock that moves `tick` seconds each time it is read."""

    def __init__(self, tick: float) -> None:
        self.now, self.tick = 0.0, tick

    def __call__(self) -> float:
        self.now += self.tick
        return self.now


@pytest.fixture(autouse=True)
def empty_cache():
    training_cache._runs.clear()
    yield
    training_cache._runs.clear()


def test_live_frames_show_every_variant_growing_towards_the_finished_runs():
    cfgs, frames = configs(seed=11), []
    runs = training_cache.run_all(cfgs, "moons", "training", live=frames.append, clock=Clock(0.0))
    # a clock that never moves: one frame, after the first turn (one record of each run)
    assert len(frames) == 1 and list(frames[0]) == list(cfgs)
    assert all(list(h.steps) == [0, 5] for h in frames[0].values())
    data = training_cache.dataset("moons", 11)
    for v, cfg in cfgs.items():
        alone = train(cfg, data)
        np.testing.assert_array_equal(runs[v].val_loss, alone.val_loss)
        np.testing.assert_array_equal(frames[0][v].val_loss, alone.val_loss[:2])


def test_frames_come_at_most_every_redraw_interval():
    frames = []
    # each turn reads the clock once, and a frame once more: at 0.1 s a read, every third turn
    training_cache.run_all(configs(seed=12), "moons", "training", live=frames.append,
                           clock=Clock(training_cache.REDRAW_EVERY / 2.5))
    lengths = [len(next(iter(f.values())).steps) for f in frames]
    assert lengths[0] == 2 and len(frames) >= 3
    assert all(b - a == 3 for a, b in itertools.pairwise(lengths)), lengths


def test_a_cached_variant_is_shown_whole_and_nothing_trains_twice():
    cfgs, frames = configs(seed=13), []
    training_cache.run_all({"none": cfgs["none"]}, "moons", "training")        # no live chart: one by one
    training_cache.run_all(cfgs, "moons", "training", live=frames.append, clock=Clock(0.0))
    assert len(frames[0]["none"].steps) == 13 and len(frames[0]["before"].steps) == 2
    again = []
    training_cache.run_all(cfgs, "moons", "training", live=again.append)
    assert again == []


def test_the_curves_keep_the_whole_run_on_the_x_axis_and_show_no_markers():
    labels = CurveLabels("loss", "acc", "step", "train", "val", {"none": "none", "before": "before"})
    runs = {v: train(c, training_cache.dataset("moons", 14)) for v, c in configs(seed=14, steps=40).items()}
    fig = curves_figure(runs, labels, steps=300).to_plotly()
    assert fig.layout.xaxis.range == (0, 300) and fig.layout.xaxis2.range == (0, 300)
    assert {trace.mode for trace in fig.data} == {"lines"}   # Plotly adds markers to short lines by default


def test_a_run_stopped_at_its_first_record_is_drawn_as_a_dot():
    """A run that diverges at once has one record (its step-0 accuracy): a line of one point draws
    nothing, so that run's traces are markers in its colour; the other run keeps its lines."""
    labels = CurveLabels("loss", "acc", "step", "train", "val", {"none": "none", "before": "before"})
    cfgs = configs(seed=15, steps=40)
    cfgs["none"] = dataclasses.replace(cfgs["none"], lr=1e6)
    runs = {v: train(c, training_cache.dataset("moons", 15)) for v, c in cfgs.items()}
    assert len(runs["none"].steps) == 1 and len(runs["before"].steps) > 1
    fig = curves_figure(runs, labels, steps=40).to_plotly()
    modes = {trace.name.split(" · ")[0]: trace.mode for trace in fig.data if trace.name}
    assert modes == {"none": "markers", "before": "lines"}
    dots = [trace for trace in fig.data if trace.mode == "markers"]
    assert len(dots) == 3 and {d.marker.color for d in dots} == {fig.data[0].line.color}
    assert np.isfinite(dots[2].y[0]) and 0 <= dots[2].y[0] <= 1    # the accuracy dot is there to see


def test_runs_that_stopped_at_step_0_keep_the_planned_steps_on_x_and_whole_dots():
    """Step charts of runs that blew up at once: x spans 0..steps (Plotly's own range around one
    point was −1..1, negative steps), and the dots at step 0, on the axis's edge, are not clipped."""
    cfgs = {v: dataclasses.replace(c, lr=1e6) for v, c in configs(seed=16, steps=40).items()}
    runs = {v: train(c, training_cache.dataset("moons", 16)) for v, c in cfgs.items()}
    assert all(len(h.steps) == 1 for h in runs.values())
    names = {"none": "none", "before": "before"}
    figs = [curves_figure(runs, CurveLabels("loss", "acc", "step", "train", "val", names), steps=40),
            percentiles_figure(runs, PercentileLabels("step", "value", ("15", "50", "85"), names), steps=40),
            per_variant_lines({v: h.steps for v, h in runs.items()}, {v: h.saturation.mean(axis=1) for v, h in
                              runs.items()}, LineLabels("step", "share", names), percent=True, x_max=40)]
    for fig in (f.to_plotly() for f in figs):
        axes = [fig.layout[name] for name in fig.layout if name.startswith("xaxis")]
        assert axes and all(axis.range == (0, 40) for axis in axes)
        assert all(trace.cliponaxis is False for trace in fig.data)


def test_the_page_ends_with_the_finished_curves():
    at = open_page("training", "en", tr_steps="100", tr_data="moons", tr_seed="5")
    data = plain(json.loads(at.get("plotly_chart")[0].proto.spec))["data"]
    assert len(data) == 6 and all(trace["x"][-1] == 100 for trace in data)
    assert not at.exception
