"""The shared style: fixed margins unless a colour bar needs room."""

import numpy as np
import plotly.graph_objects as go

from figures.theme import has_colour_bar, style

Z = np.arange(6.0).reshape(2, 3)


def test_lines_and_bars_get_fixed_margins():
    fig = style(go.Figure([go.Scatter(y=[1, 2]), go.Bar(y=[3, 1]), go.Heatmap(z=Z, showscale=False)]))
    assert not has_colour_bar(fig)
    assert fig.layout.margin.autoexpand is False


def test_a_shown_colour_bar_keeps_growing_margins():
    for trace in (go.Heatmap(z=Z), go.Contour(z=Z, showscale=True), go.Surface(z=Z)):
        fig = style(go.Figure([go.Scatter(y=[1, 2]), trace]))
        assert has_colour_bar(fig), trace.type
        assert fig.layout.margin.autoexpand is True
