"""Number lists: what leaves for the browser is what was plotted, to the stated digits, and short."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from figures.packed import DIGITS, DIGITS_F32, fingerprint, number_list, pack, significant

RNG = np.random.default_rng(0)


def digits_printed(x: float) -> int:
    """Significant digits in Python's (and JSON's) shortest form of x."""
    mantissa = repr(abs(x)).split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa.rstrip("0")) or 1


@pytest.mark.parametrize("a", [
    RNG.standard_normal(500) * 10.0 ** RNG.integers(-12, 12, 500),   # every magnitude at once
    np.array([1e-300, -1e300, 123456789.0, 0.1 + 0.2, -2.5e-8, 7.0, 0.0]),
    np.linspace(-3, 7, 11),
])
def test_floats_keep_their_digits_relative_to_each_value_and_print_short(a):
    sent = number_list(a)
    back = np.array(sent)
    np.testing.assert_allclose(back, a, rtol=0.5 * 10.0 ** (1 - DIGITS), atol=0)
    assert max(digits_printed(v) for v in sent) <= DIGITS
    assert json.loads(json.dumps(sent)) == sent


def test_float32_arrays_get_their_own_precision_and_nested_lists():
    a = (RNG.standard_normal((3, 4)) * 1e3).astype(np.float32)
    sent = number_list(a)
    assert len(sent) == 3 and all(len(row) == 4 for row in sent)
    np.testing.assert_allclose(np.array(sent), a, rtol=0.5 * 10.0 ** (1 - DIGITS_F32), atol=0)
    assert max(digits_printed(v) for row in sent for v in row) <= DIGITS_F32


def test_non_finite_values_become_gaps_and_integers_stay_exact():
    assert number_list(np.array([1.5, np.nan, np.inf, -np.inf])) == [1.5, None, None, None]
    assert number_list(np.array([[np.nan, 2.0]])) == [[None, 2.0]]
    big = np.array([0, 2**40, -3], dtype=np.int64)
    assert number_list(big) == [0, 2**40, -3] and all(type(v) is int for v in number_list(big))
    assert number_list(np.array([True, False])) == [True, False]
    assert number_list(np.array(["a", "β"])) == ["a", "β"]
    assert number_list(np.array([])) == []


def test_significant_leaves_zeros_and_specials_alone():
    out = significant(np.array([0.0, -0.0, np.nan, np.inf, 2 / 3]), 3)
    assert out[0] == 0 and math.isnan(out[2]) and out[3] == np.inf and out[4] == 0.667


def test_pack_copies_drops_none_and_unwraps_scalars():
    tree = {"x": np.arange(3.0), "range": np.array([0.0, 1.0]), "n": np.float64(2.5), "t": ("a", np.arange(2)),
            "gone": None}
    out = pack(tree)
    assert out == {"x": [0.0, 1.0, 2.0], "range": [0.0, 1.0], "n": 2.5, "t": ["a", [0, 1]]}
    assert isinstance(out["n"], float) and isinstance(tree["x"], np.ndarray)  # input untouched
    json.dumps(out)


def test_the_fingerprint_follows_every_number_and_nothing_else():
    data = [{"type": "scatter", "x": np.arange(5.0), "y": np.array([1.0, 2.0, 3.0, 4.0, 5.0]), "name": "a"}]
    same = [{"type": "scatter", "x": np.arange(5.0), "y": np.array([1.0, 2.0, 3.0, 4.0, 5.0]), "name": "a"}]
    assert fingerprint(data) == fingerprint(same)
    for change in ({"y": np.array([1.0, 2.0, 3.0, 4.0, 5.000001])}, {"name": "b"}, {"x": np.arange(5)},
                   {"marker": {"color": ["red"] * 5}}):
        assert fingerprint([{**data[0], **change}]) != fingerprint(data), change
