"""The memoized key parser gives Plotly's own answers, and figures built through it are unchanged."""

import numpy as np
import plotly.basedatatypes
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures import plotly_paths
from figures.theme import style

PATHS = ["", "margin", "xaxis2", "error_x", "error_x.array", "xaxis_title_text", "annotations[0].text",
         "marker.line.width", "a__b", "_leading", "trailing_", "sliders[1].steps[12].args", "paper_bgcolor",
         "updatemenus[0].buttons[1].label", "scene.camera.eye.x"]


def test_the_cached_parser_matches_plotlys_parser():
    for path in PATHS:
        for _ in range(2):                      # the second call is served from the cache
            assert plotly_paths.str_to_dict_path_full(path) == plotly_paths._ORIGINAL(path), path


def test_each_caller_gets_its_own_list():
    _, starts = plotly_paths.str_to_dict_path_full("marker.line.width")
    starts.append(99)
    assert plotly_paths.str_to_dict_path_full("marker.line.width")[1] == plotly_paths._ORIGINAL("marker.line.width")[1]


def test_importing_figures_installs_it():
    assert plotly.basedatatypes._str_to_dict_path_full is plotly_paths.str_to_dict_path_full


def _subplot_figure() -> dict:
    fig = make_subplots(rows=1, cols=2, subplot_titles=("a", "b"))
    fig.add_trace(go.Scatter(x=np.arange(3), y=np.arange(3), error_y={"array": [1, 2, 3]}), row=1, col=2)
    style(fig, title="t")
    fig.update_layout(xaxis2_title_text="x₂", margin={"t": 90})
    fig.update_yaxes(title="y", col=1)
    return fig.to_plotly_json()


def test_a_figure_is_the_same_with_and_without_the_cache():
    cached = _subplot_figure()
    plotly.basedatatypes._str_to_dict_path_full = plotly_paths._ORIGINAL
    try:
        plain = _subplot_figure()
    finally:
        plotly_paths.install()
    assert repr(cached) == repr(plain)
