"""LabFigure keeps figures as plain dicts; built the same way, it must send what Plotly's own figure sends."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import plotly.tools
import pytest
from plotly.subplots import make_subplots

from figures.lab_figure import LabFigure, expanded, merge
from figures.packed import pack
from tests.wire import mismatch, plain

X = np.arange(5.0)
Y = np.array([0.5, 2.0, -1.0, 3.5, 0.0])
Z = np.arange(6.0).reshape(2, 3)
SUBPLOTS = {"rows": 1, "cols": 3, "subplot_titles": ("a", "b", "c"), "horizontal_spacing": 0.07,
            "shared_yaxes": True, "column_widths": [0.3, 0.3, 0.4]}


def build(fig, trace, add_subplot_trace):
    """The same steps on a Plotly figure or a LabFigure; `trace(kind, **props)` makes a trace."""
    fig.add_trace(trace("scatter", x=X, y=Y, name="a", marker_color="#E69F00", line={"dash": "dot"}), row=1, col=1)
    add_subplot_trace(fig, trace("heatmap", z=Z, colorbar={"title": "z"}, showscale=False), 2)
    add_subplot_trace(fig, trace("scatter", x=X, y=X**2, mode="markers", error_y={"array": Y}), 3)
    fig.update_layout(height=380, margin={"l": 60, "r": 20}, legend_y=1.2, title="t", plot_bgcolor="#fff")
    fig.update_layout(margin={"t": 90}, legend={"orientation": "h"}, xaxis2_title_text="x₂")
    fig.update_xaxes(title="x", gridcolor="#ccc")
    fig.update_xaxes(range=[0, 4], row=1, col=3)
    fig.update_yaxes(title="y", col=1)
    fig.update_yaxes(autorange="reversed", showgrid=False, row=1, col=2)
    fig.update_yaxes(showgrid=None, row=1, col=2)
    fig.add_shape(type="rect", x0=0.5, x1=1.5, y0=0, y1=1, line={"color": "#D55E00", "width": 3})
    fig.add_annotation(x=1, y=0.5, text="BN", showarrow=False, font_size=15)
    return fig


def test_a_figure_built_both_ways_sends_the_same_tree():
    theirs = build(make_subplots(**SUBPLOTS), lambda kind, **p: go.Figure({"data": [{"type": kind, **p}]}).data[0],
                   lambda f, t, col: f.add_trace(t, row=1, col=col))
    ours = build(LabFigure.subplots(**SUBPLOTS), lambda kind, **p: {"type": kind, **p},
                 lambda f, t, col: f.add_trace(t, row=1, col=col))
    sent, expected = ours.to_dict(), pack(theirs.to_dict())
    sent["layout"].pop("datarevision")     # ours only: see the next test
    expected["layout"].pop("template")    # theirs only: LabFigure sends none
    assert mismatch(plain(sent), plain(expected)) is None, mismatch(plain(sent), plain(expected))


def test_no_template_is_sent_and_datarevision_changes_with_the_data_only():
    def sent(y, title="t"):
        return LabFigure({"type": "scatter", "y": y}).update_layout(title=title).to_dict()["layout"]

    assert "template" not in sent(Y)
    assert sent(Y)["datarevision"] == sent(Y.copy())["datarevision"] == sent(Y, title="u")["datarevision"]
    assert sent(Y)["datarevision"] != sent(Y + 1e-9)["datarevision"]


def test_magic_underscores_and_string_titles_expand_like_plotly():
    props = {"marker_line_color": "red", "error_x": {"array": [1]}, "title": "t", "xaxis_title": "w",
             "legend": {"title_text": "l"}}
    assert expanded(props) == {"marker": {"line": {"color": "red"}}, "error_x": {"array": [1]}, "title": {"text": "t"},
                               "xaxis": {"title": {"text": "w"}}, "legend": {"title": {"text": "l"}}}


def test_updates_merge_nested_dicts_replace_the_rest_and_none_removes():
    target = {"margin": {"l": 1, "r": 2}, "sliders": [{"x": 0}], "dragmode": "zoom"}
    merge(target, {"margin": {"r": 5}, "sliders": [{"x": 1}], "dragmode": None})
    assert target == {"margin": {"l": 1, "r": 5}, "sliders": [{"x": 1}]}


def test_an_update_does_not_share_the_callers_dicts():
    marker = {"color": "red", "line": {"width": 1}}
    fig = LabFigure([{"type": "scatter", "marker": marker}, {"type": "scatter", "marker": marker}])
    fig.update_layout(legend={"font": {"size": 9}})
    fig.data[0]["marker"]["line"]["width"] = 4
    assert marker["line"]["width"] == 1 and fig.data[1]["marker"]["line"]["width"] == 1


def test_axis_updates_without_subplots_reach_every_axis_and_refuse_rows():
    fig = LabFigure({"type": "scatter", "y": Y}).update_xaxes(title="x")
    assert fig.layout["xaxis"] == {"title": {"text": "x"}}
    fig.update_layout(xaxis2={"anchor": "y"}).update_xaxes(range=[0, 1])
    assert fig.layout["xaxis"]["range"] == fig.layout["xaxis2"]["range"] == [0, 1]
    with pytest.raises(ValueError):
        fig.update_yaxes(title="y", row=1, col=1)


def test_subplot_layouts_are_plotlys_and_not_shared_between_figures():
    first = LabFigure.subplots(**SUBPLOTS)
    first.update_xaxes(title="changed", col=1)
    second = LabFigure.subplots(**SUBPLOTS)
    expected = make_subplots(**SUBPLOTS).layout.to_plotly_json()
    expected.pop("template")
    assert plain(second.layout) == plain(expected)
    assert "title" not in second.layout["xaxis"]


def test_frames_are_sent_as_given_and_validated_in_tests():
    fig = LabFigure({"type": "scatter", "x": X, "y": Y})
    fig.frames = [{"name": str(k), "data": [{"type": "scatter", "y": Y[:k]}], "traces": [0]} for k in (2, 4)]
    assert [f["name"] for f in fig.to_dict()["frames"]] == ["2", "4"]
    assert [len(f.data[0].y) for f in fig.to_plotly().frames] == [2, 4]


def test_plotlys_validators_still_catch_a_misspelt_property_in_tests():
    with pytest.raises(ValueError):
        LabFigure({"type": "scatter", "y": Y, "colour": "red"}).to_plotly()
    fig = LabFigure({"type": "scatter", "y": Y})
    fig.frames = [{"name": "0", "data": [{"type": "scatter", "y": Y, "mrker": {}}]}]
    with pytest.raises(ValueError):
        fig.to_plotly()


def test_streamlit_takes_it_as_a_figure_and_sends_its_to_dict():
    fig = LabFigure({"type": "bar", "x": X, "y": Y}).update_layout(title="t")
    sent = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
    assert plain(sent) == plain(fig.to_dict())
