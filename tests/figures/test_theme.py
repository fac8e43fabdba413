"""The shared style: fixed margins, with room on the right for a colour bar."""

import numpy as np

from figures.lab_figure import LabFigure
from figures.theme import FONT, SEQUENTIAL, TEXT, TEXT_SOFT, has_colour_bar, style

Z = np.arange(6.0).reshape(2, 3)
LINE = {"type": "scatter", "y": [1, 2]}


def test_lines_and_bars_get_fixed_margins():
    fig = style(LabFigure([LINE, {"type": "bar", "y": [3, 1]}, {"type": "heatmap", "z": Z, "showscale": False}]))
    assert not has_colour_bar(fig)
    assert fig.layout["margin"]["autoexpand"] is False


def test_a_shown_colour_bar_gets_a_wide_right_margin():
    for trace in ({"type": "heatmap", "z": Z}, {"type": "contour", "z": Z, "showscale": True},
                  {"type": "surface", "z": Z}):
        fig = style(LabFigure([LINE, trace]))
        assert has_colour_bar(fig), trace["type"]
        assert fig.layout["margin"]["autoexpand"] is False
        assert fig.layout["margin"]["r"] > 4 * style(LabFigure(LINE)).layout["margin"]["r"]


def test_styled_figures_pass_plotlys_validators_unchanged():
    fig = style(LabFigure([LINE, {"type": "heatmap", "z": Z, "colorscale": SEQUENTIAL}]), title="t")
    assert fig.to_plotly().to_plotly_json()["layout"]["title"] == {
        "text": "t", "x": 0, "xanchor": "left", "pad": {"l": 4},
        "font": {"family": FONT, "size": 16, "color": TEXT, "weight": "bold"}}
    assert fig.to_plotly().data[1].colorscale == tuple(tuple(p) for p in SEQUENTIAL)


def test_axis_and_marker_defaults_fill_gaps_but_keep_what_a_builder_set():
    """What Streamlit's template gave (no vertical grid, small ticks, borderless markers), as defaults."""
    fig = LabFigure.subplots(rows=1, cols=2)
    fig.add_trace(dict(LINE, marker={"line": {"width": 2}}), row=1, col=1)
    fig.add_trace(dict(LINE, mode="markers"), row=1, col=2)
    fig.update_xaxes(showgrid=True, row=1, col=2).update_yaxes(title="y", col=1)
    style(fig)
    x1, x2, y1 = fig.layout["xaxis"], fig.layout["xaxis2"], fig.layout["yaxis"]
    assert x1["showgrid"] is False and x2["showgrid"] is True and "showgrid" not in y1
    assert y1["title"] == {"text": "y", "font": {"size": 14}, "standoff": 24}
    assert x1["tickfont"]["size"] == 12 and y1["zerolinecolor"] == x2["gridcolor"] and "tickcolor" not in y1
    assert fig.data[0]["marker"]["line"]["width"] == 2 and fig.data[1]["marker"]["line"]["width"] == 0


def test_text_uses_the_two_marker_colours_and_hover_labels_neither():
    """The page's CSS recolours exactly these two colours (ui.page_css); a hover label sits on its
    own white box, so its text must keep a colour of its own."""
    fig = style(LabFigure(LINE), title="t")
    layout = fig.layout
    assert layout["font"]["color"] == TEXT_SOFT
    assert layout["title"]["font"]["color"] == layout["legend"]["font"]["color"] == TEXT
    assert layout["hoverlabel"]["font"]["color"] not in (TEXT, TEXT_SOFT)
