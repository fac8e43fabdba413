"""Phone layout: a legend that wraps and a title too long for ~340 px get rows of their own above the
plot, and the plot area keeps its height."""

from __future__ import annotations

import copy

import pytest

from figures.lab_figure import LabFigure
from figures.phone import COLOUR_BAR_PX, LINE_PX, WIDTH_PX, for_phone, legend_px, legend_rows, text_px, title_lines
from figures.stacking import stacked
from figures.theme import style

LONG_TITLE = "Share of saturated activations (sigmoid below 0.01 or above 0.99), averaged over the layers"
ZH_TITLE = "饱和激活的占比（sigmoid 低于 0.01 或高于 0.99，|tanh| 高于 0.99），各层平均"


def lines_figure(names: list[str], title: str | None = None) -> LabFigure:
    fig = LabFigure([{"type": "scatter", "x": [0, 1], "y": [i, i + 1], "name": n} for i, n in enumerate(names)])
    return style(fig, height=300, title=title)


def plot_px(layout: dict) -> float:
    return layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]


def test_text_width_counts_chinese_characters_wider_and_ignores_markup():
    assert text_px("中文", 12) > text_px("ab", 12) > 0
    assert text_px("<b>ab</b><br>", 12) == text_px("ab", 12)


@pytest.mark.parametrize(("names", "width", "rows"), [
    (["a", "b"], 300, 1),
    (["no BN", "BN before the activation"], 220, 2),          # ~236 px in one row
    (["no BN", "BN before the activation", "BN after the activation"], 220, 3),
    (["only one"], 300, 0),                                # Plotly shows no legend for one trace
])
def test_legend_rows_wrap_entries_that_do_not_fit(names, width, rows):
    fig = lines_figure(names)
    assert legend_rows(fig.layout, fig.data, width) == rows


def test_hidden_legends_take_no_rows():
    fig = lines_figure(["a", "b"]).update_layout(showlegend=False)
    assert legend_rows(fig.layout, fig.data, 300) == 0
    fig = lines_figure(["a", "b"])
    for trace in fig.data:
        trace["showlegend"] = False
    assert legend_rows(fig.layout, fig.data, 300) == 0


@pytest.mark.parametrize("title", [LONG_TITLE, ZH_TITLE, "short"])
def test_title_lines_fit_the_width_and_keep_every_character_in_order(title):
    lines = title_lines(title, 16, WIDTH_PX - 10)
    assert all(line and text_px(line, 16) <= WIDTH_PX - 10 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert len(lines) == 1 if title == "short" else len(lines) >= 2


def test_a_wrapping_legend_and_long_title_get_room_and_the_plot_keeps_its_height():
    fig = lines_figure(["no BN", "BN before the activation", "BN after the activation"], title=LONG_TITLE)
    before = copy.deepcopy(fig.layout)
    out = for_phone(fig)
    assert fig.layout == before and out.data is fig.data
    layout = out.layout
    lines = layout["title"]["text"].split("<br>")
    rows = legend_rows(layout, out.data, WIDTH_PX - layout["margin"]["l"])
    assert len(lines) >= 2 and rows >= 2
    assert plot_px(layout) == plot_px(before)
    title_block = layout["title"]["pad"]["t"] + len(lines) * LINE_PX
    legend_block = (layout["legend"]["y"] - 1) * plot_px(layout) + legend_px(rows)
    assert layout["margin"]["t"] >= title_block + legend_block       # both fit above the plot
    assert layout["title"]["yref"] == "container" and layout["title"]["yanchor"] == "top"
    out.to_plotly()


def test_a_figure_that_fits_a_phone_is_sent_as_it_is():
    fig = lines_figure(["a", "b"], title="short")
    assert for_phone(fig) is fig


def test_a_colour_bar_lies_above_the_plot_and_gives_its_width_back():
    heatmap = {"type": "heatmap", "z": [[1, 2], [3, 4]], "colorbar": {"title": {"text": "log10", "side": "right"}}}
    fig = style(LabFigure(heatmap), height=400, title="A contour plot")
    before = copy.deepcopy(fig.spec())
    out = for_phone(fig)
    assert fig.spec() == before                                          # the original is left as it was
    bar = out.data[0]["colorbar"]
    assert bar["orientation"] == "h" and bar["yanchor"] == "bottom" and bar["y"] > 1
    assert "title" not in bar                                            # plotly.js would lift the figure title
    note = next(a for a in out.layout["annotations"] if a["text"] == "log10")  # the bar's title, above it
    assert note["yref"] == "paper" and note["y"] > bar["y"]
    title = next(a for a in out.layout["annotations"] if a["text"] == "A contour plot")   # and the figure's
    assert "title" not in out.layout and title["yanchor"] == "top" and title["y"] > note["y"]
    assert (title["y"] - 1) * plot_px(out.layout) <= out.layout["margin"]["t"]            # inside the chart
    assert out.layout["margin"]["r"] < fig.layout["margin"]["r"]       # its width goes to the plot
    assert plot_px(out.layout) == plot_px(fig.layout)
    assert out.layout["margin"]["t"] >= fig.layout["margin"]["t"] + COLOUR_BAR_PX
    out.to_plotly()


def test_a_legend_moved_under_the_column_gets_the_rows_it_wraps_to():
    """Two panels whose legend keys only the second one's traces (chapter 5's loss and accuracy):
    `stacked` moves the legend under the column with room for one row; the rows it wraps to on a phone
    get room below, and the panels keep their height."""
    names = ["不加 BN", "BN 在激活函数之前", "BN 在激活函数之后"]
    fig = LabFigure.subplots(rows=1, cols=2)
    for i, name in enumerate(names):
        fig.add_trace({"type": "scatter", "x": [0, 1], "y": [i, i], "name": name, "showlegend": False}, row=1, col=1)
        fig.add_trace({"type": "scatter", "x": [0, 1], "y": [i, i], "name": name}, row=1, col=2)
    style(fig, height=300)
    phone = for_phone(fig).layout
    assert phone["legend"]["yanchor"] == "top" and phone["legend"]["y"] < 0      # under the column
    rows = legend_rows(phone, fig.data, WIDTH_PX - phone["margin"]["l"])
    assert rows >= 2
    one_row = stacked(fig).layout
    assert phone["margin"]["b"] - one_row["margin"]["b"] == legend_px(rows) - legend_px(1)
    assert phone["margin"]["t"] == one_row["margin"]["t"] and plot_px(phone) == plot_px(one_row)


def test_an_animation_gets_room_on_a_phone_for_the_legend_of_every_frame():
    from tests.figures.test_legend_room import five_steps_figure

    first, last = (for_phone(five_steps_figure("en", k)).layout for k in (0, 4))   # step 1 has no legend
    assert first["margin"]["t"] == last["margin"]["t"] > five_steps_figure("en", 0).layout["margin"]["t"]
