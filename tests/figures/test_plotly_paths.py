"""The memoized key parser gives Plotly's own answers."""

from plotly.basedatatypes import _str_to_dict_path_full

from figures.plotly_paths import key_path

PATHS = ["", "margin", "xaxis2", "error_x", "error_x.array", "xaxis_title_text", "annotations[0].text",
         "marker.line.width", "a__b", "_leading", "trailing_", "sliders[1].steps[12].args", "paper_bgcolor",
         "updatemenus[0].buttons[1].label", "scene.camera.eye.x", "marker_line_color", "plot_bgcolor"]


def test_the_cached_parser_matches_plotlys_parser():
    for path in PATHS:
        for _ in range(2):                      # the second call is served from the cache
            assert key_path(path) == tuple(_str_to_dict_path_full(path)[0]), path


def test_underscores_split_except_in_plotlys_underscore_properties():
    assert key_path("marker_line_color") == ("marker", "line", "color")
    assert key_path("error_x") == ("error_x",) and key_path("plot_bgcolor") == ("plot_bgcolor",)
