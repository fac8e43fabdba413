"""Typed arrays and LabFigure: what leaves for the browser decodes to exactly what was plotted."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.graph_objects as go
import pytest

from figures.packed import LabFigure, pack, typed_array

JS_DTYPES = {"i1": np.int8, "u1": np.uint8, "i2": np.int16, "u2": np.uint16, "i4": np.int32, "u4": np.uint32,
             "f4": np.float32, "f8": np.float64}


def decode(spec: dict) -> np.ndarray:
    """What plotly.js does with {dtype, bdata, shape}."""
    a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=JS_DTYPES[spec["dtype"]])
    if "shape" in spec:
        a = a.reshape([int(n) for n in spec["shape"].split(",")])
    return a


@pytest.mark.parametrize("a", [
    np.linspace(-3, 7, 11),
    np.array([1e-300, -1e300, np.nan, np.inf]),
    np.arange(12, dtype=np.float32).reshape(3, 4) / 7,
    np.arange(-5, 5),
    np.array([0, 70_000, -3]),
    np.array([0, 2**40]),
    np.arange(6, dtype=np.uint8).reshape(2, 3),
])
def test_typed_array_round_trips_exactly(a):
    spec = typed_array(a)
    back = decode(spec)
    assert back.shape == a.shape
    np.testing.assert_array_equal(back.astype(np.float64), a.astype(np.float64))


def test_int64_shrinks_to_the_smallest_type():
    assert typed_array(np.arange(100))["dtype"] == "i1"
    assert typed_array(np.array([0, 1000]))["dtype"] == "i2"
    assert typed_array(np.array([0, 10**6]))["dtype"] == "i4"


def test_non_numeric_and_empty_arrays_stay_lists():
    assert typed_array(np.array(["a", "β"])) == ["a", "β"]
    assert typed_array(np.array([True, False])) == [True, False]
    assert typed_array(np.array([])) == []


def test_pack_copies_and_leaves_ranges_and_scalars_plain():
    tree = {"x": np.arange(3.0), "range": np.array([0.0, 1.0]), "n": np.float64(2.5), "t": ("a", np.arange(2))}
    out = pack(tree)
    assert out["range"] == [0.0, 1.0] and out["n"] == 2.5 and isinstance(out["n"], float)
    np.testing.assert_array_equal(decode(out["x"]), [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(decode(out["t"][1]), [0, 1])
    assert isinstance(tree["x"], np.ndarray)  # input untouched
    json.dumps(out)


def test_lab_figure_sends_data_layout_and_plain_frames():
    fig = LabFigure(go.Scatter(x=np.arange(4), y=np.array([0.5, 1.5, 2.5, 3.5]), name="a"))
    fig.update_layout(title={"text": "t"}, xaxis={"range": [0, 3]})
    fig.frames = [{"name": str(k), "data": [{"type": "scatter", "x": np.arange(k), "y": np.ones(k)}], "traces": [0]}
                  for k in (1, 2)]
    spec = json.loads(fig.to_json())
    np.testing.assert_array_equal(decode(spec["data"][0]["y"]), [0.5, 1.5, 2.5, 3.5])
    assert spec["layout"]["title"]["text"] == "t" and spec["layout"]["xaxis"]["range"] == [0, 3]
    assert [f["name"] for f in spec["frames"]] == ["1", "2"]
    np.testing.assert_array_equal(decode(spec["frames"][1]["data"][0]["x"]), [0, 1])
    # Plotly's validators accept every frame
    assert [go.Frame(f).name for f in fig.frames] == ["1", "2"]


def test_lab_figure_equals_plotlys_own_serialisation():
    """Same figure through Plotly's to_dict (validated frames) and LabFigure: same numbers."""
    data = [go.Scatter(x=np.arange(5), y=np.linspace(0, 1, 5)), go.Heatmap(z=np.arange(6.0).reshape(2, 3))]
    ours, theirs = LabFigure(data), go.Figure(data)
    a, b = ours.to_dict(), theirs.to_dict()
    for ta, tb in zip(a["data"], b["data"], strict=True):
        for key in ("x", "y", "z"):
            if key in tb:
                np.testing.assert_array_equal(decode(ta[key]), decode(tb[key]))
    assert a["layout"] == b["layout"]
