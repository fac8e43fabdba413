"""Typed arrays: what leaves for the browser decodes to exactly what was plotted."""

from __future__ import annotations

import json

import numpy as np
import pytest

from figures.packed import pack, typed_array
from tests.wire import decode


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
