"""A legend above the plot gets the rows it takes on a projector-sized chart, and the plot keeps its size."""

import numpy as np
import pytest

from figures.five_steps import five_steps_animation
from figures.lab_figure import LabFigure
from figures.legend_room import PROJECTOR_PX, legend_px_needed, with_legend_room
from figures.phone import legend_rows, legend_space, text_px
from figures.theme import plot_px, style


def lines_figure(names: list[str], **legend) -> LabFigure:
    fig = LabFigure([dict(type="scatter", x=[0, 1], y=[0, i], name=name) for i, name in enumerate(names)])
    style(fig, height=300)
    if legend:
        fig.update_layout(legend=legend)
    return fig


def room(layout: dict) -> float:
    """Pixels between the legend's anchor (its bottom, above the plot) and the top of the chart."""
    return layout["margin"]["t"] - (layout["legend"]["y"] - 1) * plot_px(layout)


def test_a_legend_that_fits_leaves_the_figure_as_it_is():
    fig = lines_figure(["a", "b"])
    assert legend_rows(fig.layout, fig.data, PROJECTOR_PX) == 1
    assert with_legend_room(fig) is fig


@pytest.mark.parametrize("y", [1.02, 1.25])
def test_a_legend_that_wraps_gets_its_rows_and_the_plot_keeps_its_height(y):
    names = [f"a rather long legend entry number {i}" for i in range(6)]
    fig = lines_figure(names, y=y)
    rows = legend_rows(fig.layout, fig.data, PROJECTOR_PX)
    assert rows >= 3 and room(fig.layout) < legend_px_needed(rows)      # cut off as sent before
    roomy = with_legend_room(fig)
    assert legend_px_needed(rows) <= room(roomy.layout) < legend_px_needed(rows) + 1
    assert plot_px(roomy.layout) == plot_px(fig.layout)
    assert roomy.data is fig.data and fig.layout["margin"]["t"] == 30      # the original is unchanged


def test_a_wider_chart_needs_fewer_rows():
    names = [f"entry {i} with some words" for i in range(6)]
    fig = lines_figure(names)
    assert with_legend_room(fig, 2000) is fig
    assert with_legend_room(fig).layout["margin"]["t"] > fig.layout["margin"]["t"]


def test_a_legend_that_is_not_above_the_plot_is_left_alone():
    names = [f"a rather long legend entry number {i}" for i in range(6)]
    fig = lines_figure(names, y=-0.3, yanchor="top")
    assert with_legend_room(fig) is fig


def five_steps_figure(lang: str, active: int) -> LabFigure:
    from bn_core import MiniBatchSpec, RunningStats, five_steps, make_minibatch
    from ui.i18n import Translator
    from ui.labels import five_steps as labels

    x = make_minibatch(MiniBatchSpec(n=32, d=3, seed=0))
    run = five_steps(x, np.ones(3), np.zeros(3), RunningStats.initial(3), momentum=0.1, eps=1e-5)
    return five_steps_animation(run, labels(Translator(lang)), active=active)


# Rows counted in Chromium (plotly.js 2.x, the page's Source Sans, 2026-11-28) with chapter 3's step-5
# chart drawn 564 px wide, as the page sends it. Too long for one row, so every entry takes the widest
# one's width: in English two of them fit a row, in Chinese one.
STEP_5_ROWS = {"en": 2, "zh": 3}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rows_are_counted_as_plotly_lays_them_out(lang):
    first, last = five_steps_figure(lang, 0), five_steps_figure(lang, 4)
    assert legend_rows(first.layout, first.data, legend_space(first.layout, PROJECTOR_PX, 20)) == 0   # empty traces
    assert legend_rows(last.layout, last.data, legend_space(last.layout, PROJECTOR_PX, 20)) == STEP_5_ROWS[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("active", [0, 4])
def test_an_animation_gets_room_for_the_largest_legend_of_its_frames(lang, active):
    fig = with_legend_room(five_steps_figure(lang, active))
    assert room(fig.layout) >= legend_px_needed(STEP_5_ROWS[lang])


def test_grouped_entries_sit_side_by_side_at_their_own_widths():
    names = ["a", "b", "a rather long legend entry"]
    fig = lines_figure(names)
    width = sum(46 + text_px(n, 12) for n in names) - 10          # one row is too narrow for all three
    assert legend_rows(fig.layout, fig.data, width) == 3           # each as wide as the widest
    for trace in fig.data:
        trace["legendgroup"] = trace["name"]
    assert legend_rows(fig.layout, fig.data, width) == 2           # grouped: "a" and "b" share a row


def test_a_titled_chart_keeps_its_title_above_the_rows_of_its_legend():
    fig = five_steps_figure("en", 4)
    roomy = with_legend_room(fig)
    title = roomy.layout["title"]
    assert (title["y"], title["yref"], title["yanchor"]) == (1, "container", "top")    # not centred in the margin
    assert room(roomy.layout) >= legend_px_needed(STEP_5_ROWS["en"]) + title["pad"]["t"] + 16   # the title's line
    assert roomy.layout["title"]["text"] == fig.layout["title"]["text"]
