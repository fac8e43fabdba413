"""The shared style: fixed margins, with room on the right for a colour bar."""

import numpy as np

from figures.lab_figure import LabFigure
from figures.theme import SEQUENTIAL, has_colour_bar, style

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
    assert fig.to_plotly().to_plotly_json()["layout"]["title"] == {"text": "t", "x": 0, "xanchor": "left"}
    assert fig.to_plotly().data[1].colorscale == tuple(tuple(p) for p in SEQUENTIAL)
