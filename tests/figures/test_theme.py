"""The shared style: fixed margins, with room on the right for a colour bar."""

import numpy as np
import plotly.graph_objects as go

from figures.theme import has_colour_bar, style

Z = np.arange(6.0).reshape(2, 3)


def test_lines_and_bars_get_fixed_margins():
    fig = style(go.Figure([go.Scatter(y=[1, 2]), go.Bar(y=[3, 1]), go.Heatmap(z=Z, showscale=False)]))
    assert not has_colour_bar(fig)
    assert fig.layout.margin.autoexpand is False


def test_a_shown_colour_bar_gets_a_wide_right_margin():
    for trace in (go.Heatmap(z=Z), go.Contour(z=Z, showscale=True), go.Surface(z=Z)):
        fig = style(go.Figure([go.Scatter(y=[1, 2]), trace]))
        assert has_colour_bar(fig), trace.type
        assert fig.layout.margin.autoexpand is False
        assert fig.layout.margin.r > 4 * style(go.Figure(go.Scatter(y=[1, 2]))).layout.margin.r
