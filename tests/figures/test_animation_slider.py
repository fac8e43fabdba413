"""The slider under an animation: every step labelled (plotly.js thins the labels to fit the width
it has), a readout of the current step while it plays, and the plot keeping its height for it."""

from dataclasses import replace

import numpy as np
import pytest

from bn_core.ema import run_ema
from bn_core.stream import StreamSpec, batch_stream, population_mean
from figures.animation import play_controls
from figures.ema import ema_figure
from figures.lab_figure import LabFigure
from tests.figures.test_reveal_frames import LABELS, contour


def ema(now: str | None) -> LabFigure:
    spec = StreamSpec(mean=1.0, std=1.0, drift=0.0, batch_size=8, steps=150, seed=0)
    tr = run_ema(batch_stream(spec), convention="pytorch", momentum=0.1)
    return ema_figure(tr, population_mean(spec, np.arange(1, spec.steps + 1)), 1.0, replace(LABELS, now=now),
                      active=40)


def slider(fig: LabFigure) -> dict:
    return fig.layout["sliders"][0]


def plot_height(fig: LabFigure) -> int:
    return fig.layout["height"] - fig.layout["margin"]["t"] - fig.layout["margin"]["b"]


@pytest.mark.parametrize("build", [lambda: ema("step {step}"), lambda: contour(steps=90, active=30)[0]])
def test_every_step_is_labelled_with_its_frame(build):
    fig = build()
    steps = slider(fig)["steps"]
    assert len(steps) > 20    # too many to label them all at a chart's width
    assert [s["label"] for s in steps] == [s["args"][0][0] for s in steps] == [f["name"] for f in fig.frames]


def test_the_readout_shows_the_template_around_the_current_label():
    fig = ema("training step {step} of 150")
    readout = slider(fig)["currentvalue"]
    assert readout["visible"] is True
    assert (readout["prefix"], readout["suffix"]) == ("training step ", " of 150")
    assert slider(ema(None))["currentvalue"] == {"visible": False}


def test_the_readout_takes_room_below_the_plot_not_from_it():
    with_readout, without = ema("step {step}"), ema(None)
    assert plot_height(with_readout) == plot_height(without)
    assert with_readout.layout["margin"]["b"] > without.layout["margin"]["b"]


def test_a_template_without_the_step_is_refused():
    with pytest.raises(ValueError):
        play_controls(LabFigure([]).update_layout(height=300), ["0"], ["0"], 0, play="Play", pause="Pause",
                      now="step")
