"""Phone layout: a row of panels re-laid as a column keeps every trace, gives each panel the full
width and its own rows of pixels, and keeps titles, legend and controls in place."""

from __future__ import annotations

import copy
import itertools

import numpy as np
import pytest

from figures.diagram import DiagramLabels, where_bn_sits
from figures.feature_scatter import ScatterLabels, raw_vs_standardized
from figures.gradients import GradientLabels, gradient_panels
from figures.histograms import HistogramLabels, before_after_histograms
from figures.lab_figure import LabFigure
from figures.stacking import LEGEND_GAP_PX, stacked
from figures.theme import style

RNG = np.random.default_rng(3)


def scatter() -> LabFigure:
    x = RNG.normal(size=(30, 2))
    return raw_vs_standardized(x * [1, 1000], x, ScatterLabels("both", "raw", "standardized", "x1", "x2"))


def histograms() -> LabFigure:
    x = RNG.normal(size=(50, 3))
    return before_after_histograms(x * 5, x, labels=HistogramLabels("before", "after", "f {j}", "a", "b"))


def gradients() -> LabFigure:
    g = RNG.normal(size=(8, 3))
    return gradient_panels(g, g / 2, g[0], g[1], GradientLabels("dy", "dx", "dγ, dβ", "feature", "sample", "dγ", "dβ"))


def shared_y() -> LabFigure:
    fig = LabFigure.subplots(rows=1, cols=3, shared_yaxes=True, subplot_titles=("l1", "l2", "l3"))
    for c in (1, 2, 3):
        fig.add_trace({"type": "bar", "x": [1, 2], "y": [c, 2 * c]}, row=1, col=c)
    style(fig, height=400)
    fig.update_yaxes(title="share", row=1, col=1)
    fig.update_layout(legend={"y": 1.25})
    return fig


ROWS = {"scatter": scatter, "histograms": histograms, "gradients": gradients, "shared_y": shared_y}


def plot_px(layout: dict) -> float:
    return layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]


def panel_rows_px(layout: dict) -> list[tuple[float, float]]:
    """(top, bottom) of each panel in pixels from the top of the plot area, top panel first."""
    plot = plot_px(layout)
    rows = [axis["domain"] for key, axis in layout.items() if key.startswith("yaxis")]
    return sorted(((1 - d1) * plot, (1 - d0) * plot) for d0, d1 in rows)


@pytest.mark.parametrize("build", ROWS.values(), ids=ROWS.keys())
def test_each_panel_gets_the_full_width_and_rows_of_its_own(build):
    fig = build()
    before = copy.deepcopy(fig.layout)
    out = stacked(fig)
    layout = out.layout
    assert fig.layout == before                          # the original is left as it was
    assert out.data is fig.data and out.frames == fig.frames
    xs = [axis for key, axis in layout.items() if key.startswith("xaxis")]
    assert all(axis["domain"] == [0.0, 1.0] for axis in xs)
    rows = panel_rows_px(layout)
    assert len(rows) == len(xs) >= 2
    assert all(bottom - top >= 150 for top, bottom in rows)                  # room to read a panel
    assert all(nxt[0] - prev[1] >= 80 for prev, nxt in itertools.pairwise(rows))  # ticks, title
    assert rows[0][0] == pytest.approx(0) and rows[-1][1] == pytest.approx(plot_px(layout))
    out.to_plotly()                                       # still a figure Plotly accepts


@pytest.mark.parametrize("build", ROWS.values(), ids=ROWS.keys())
def test_subplot_titles_sit_on_their_own_panel_in_the_old_order(build):
    fig = build()
    titles = [a["text"] for a in sorted(fig.layout["annotations"], key=lambda a: a["x"])
              if a.get("yref") == "paper" and a["y"] == 1.0]
    layout = stacked(fig).layout
    plot = plot_px(layout)
    placed = {a["text"]: a for a in layout["annotations"] if a["text"] in titles}
    tops = [top for top, _ in panel_rows_px(layout)]
    for title, top in zip(titles, tops, strict=True):
        assert placed[title]["x"] == pytest.approx(0.5)
        assert (1 - placed[title]["y"]) * plot == pytest.approx(top)          # just above its panel


LEGEND_ABOVE = {k: v for k, v in ROWS.items() if k != "gradients"}   # entries in the first panel or all


@pytest.mark.parametrize("build", LEGEND_ABOVE.values(), ids=LEGEND_ABOVE.keys())
def test_the_legend_keeps_its_distance_above_the_plot(build):
    fig = build()
    layout = stacked(fig).layout
    old = (fig.layout["legend"]["y"] - 1) * plot_px(fig.layout)
    assert (layout["legend"]["y"] - 1) * plot_px(layout) == pytest.approx(old)


def test_a_legend_of_the_last_panel_alone_goes_under_it():
    """The backward pass: two heatmaps (no legend) over the dγ/dβ bars. Above the column the legend
    would sit over the first heatmap, three panels away from its bars."""
    fig = gradients()
    layout = stacked(fig).layout
    legend, margin = layout["legend"], layout["margin"]
    assert legend["yanchor"] == "top" and legend["x"] == 0
    below = -legend["y"] * plot_px(layout)              # px from the bottom of the last panel
    assert below == pytest.approx(fig.layout["margin"]["b"] + LEGEND_GAP_PX)   # under its x ticks and title
    assert margin["b"] - below >= 25                     # a row of room for itself
    moved = gradients()
    moved.data[0]["showlegend"] = True                   # an entry in the first panel too: stays above
    assert stacked(moved).layout["legend"]["y"] > 1


def test_moving_the_legend_under_keeps_the_plot_height_and_grows_the_figure_by_the_gap_only():
    fig = gradients()
    fig.data[0]["showlegend"] = True
    above, under = stacked(fig).layout, stacked(gradients()).layout
    assert under["height"] == above["height"] + LEGEND_GAP_PX
    assert plot_px(under) == plot_px(above)


def test_axes_that_shared_the_first_panels_show_their_ticks_and_its_title():
    fig = shared_y()
    hidden = [k for k, a in fig.layout.items() if k.startswith("yaxis") and a.get("showticklabels") is False]
    assert hidden                                           # make_subplots hid them for the row
    layout = stacked(fig).layout
    ys = [a for k, a in layout.items() if k.startswith("yaxis")]
    assert all(a.get("showticklabels", True) for a in ys)
    assert all(a["title"]["text"] == "share" for a in ys)


def test_an_unshared_axis_does_not_take_the_first_panels_title():
    layout = stacked(gradients()).layout
    assert layout["yaxis"]["title"]["text"] == "sample"
    assert not layout["yaxis3"].get("title", {}).get("text")   # dγ/dβ values, not samples


def test_animation_controls_stay_below_the_plot_at_the_same_distance():
    fig = shared_y()
    fig.update_layout(updatemenus=[{"type": "buttons", "y": -0.3, "yanchor": "top", "buttons": []}])
    layout = stacked(fig).layout
    assert layout["updatemenus"][0]["y"] * plot_px(layout) == pytest.approx(-0.3 * plot_px(fig.layout))


def test_figures_that_are_not_one_row_of_panels_come_back_as_they_are():
    single = LabFigure({"type": "scatter", "x": [1, 2], "y": [3, 4]})
    column = LabFigure.subplots(rows=2, cols=1)
    column.add_trace({"type": "scatter", "x": [1], "y": [1]}, row=2, col=1)
    diagram = where_bn_sits(DiagramLabels(boxes=("a", "b", "BN"), edges=("1", "2")))
    for fig in (single, column, diagram):
        assert stacked(fig) is fig


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_vertical_diagram_puts_the_boxes_in_a_full_width_column_in_order(lang):
    """On a phone the diagram is a column: each box as wide as the chart, top to bottom in the row's
    order, an arrow between each pair pointing down, every label on one line, nothing lost."""
    from ui import labels
    from ui.i18n import Translator

    diagram_labels = labels.diagram(Translator(lang))
    fig = where_bn_sits(diagram_labels, vertical=True)
    rects = [s for s in fig.layout["shapes"] if s["type"] == "rect"]
    assert [(r["x0"], r["x1"]) for r in rects] == [(0, 4)] * len(diagram_labels.boxes)
    assert all(a["y0"] > b["y1"] for a, b in itertools.pairwise(rects))    # top to bottom, apart
    notes = fig.layout["annotations"]
    texts = [n["text"] for n in notes if not n.get("showarrow")]
    assert texts[:len(diagram_labels.boxes)] == list(diagram_labels.boxes)   # one line each, in order
    assert set(diagram_labels.edges[:len(rects) - 1]) <= set(texts)
    arrows = [n for n in notes if n.get("showarrow")]
    assert len(arrows) == len(rects) - 1 and all(a["ay"] > a["y"] for a in arrows)   # pointing down
    assert fig.layout["xaxis"]["range"][0] <= 0 and fig.layout["xaxis"]["range"][1] >= 4
    fig.to_plotly()
