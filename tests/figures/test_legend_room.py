"""A legend above the plot gets the rows it takes on a projector-sized chart, and the plot keeps its size."""

import pytest

from figures.lab_figure import LabFigure
from figures.legend_room import PROJECTOR_PX, legend_px_needed, with_legend_room
from figures.phone import legend_rows
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
