"""Standardizing data at any finite magnitude (issue 31): 1e308, 1e−308 and both in one file, checked
against exact rational arithmetic (fractions.Fraction on the floats as stored)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from bn_core import features
from figures.histograms import binned
from ui.texfmt import square_parts, variance_text

EPS = 1e-5


def exact(col: np.ndarray, eps: float = EPS) -> tuple[Fraction, Fraction, list[float]]:
    """Mean, biased variance (exact rationals) and z = (x − μ)/√(σ² + ε) (z² exact, then one sqrt)."""
    xs = [Fraction(float(v)) for v in col]
    mu = sum(xs) / len(xs)
    var = sum((v - mu) ** 2 for v in xs) / len(xs)
    z = [math.copysign(math.sqrt(float((v - mu) ** 2 / (var + Fraction(eps)))), float(v - mu)) for v in xs]
    return mu, var, z


def log10_fraction(q: Fraction) -> float:
    """log10 of a positive rational that may be far beyond float64 (1e616, 1e−616): math.log10 takes
    Python integers of any size."""
    return math.log10(q.numerator) - math.log10(q.denominator)


COLUMNS = {
    "near the largest double": np.random.default_rng(1).uniform(-1.7, 1.7, 40) * 1e308,
    "positive, near the largest double": np.random.default_rng(2).uniform(0.1, 1.7, 40) * 1e308,
    "near the smallest normal double": np.random.default_rng(3).uniform(1, 9, 40) * 1e-308,
    "mixed magnitudes": np.array([1e308, -1e308, 1e-308, 0.0, 5e307, -3e-300, 1.0]),
    "huge offset, small spread": 1e300 + np.random.default_rng(4).uniform(-1, 1, 40) * 1e290,
}


@pytest.mark.parametrize("name", COLUMNS)
def test_standardized_values_match_exact_arithmetic(name):
    col = COLUMNS[name]
    mu, var, z = exact(col)
    std = features.standardize(col[:, None], eps=EPS)
    assert np.all(np.isfinite(std.z)) and np.isfinite(std.mu[0]) and np.isfinite(std.std[0])
    np.testing.assert_allclose(std.z[:, 0], z, rtol=1e-9, atol=1e-300)
    assert std.mu[0] == pytest.approx(float(mu), rel=1e-12, abs=1e-320)
    assert math.log10(std.std[0]) == pytest.approx(log10_fraction(var) / 2, abs=1e-12)


@pytest.mark.parametrize("name", COLUMNS)
def test_the_variance_is_written_exactly_where_float64_cannot_hold_it(name):
    col = COLUMNS[name]
    _, var, _ = exact(col)
    std = features.standardize(col[:, None], eps=EPS)
    mantissa, exponent = square_parts(std.std[0])
    assert exponent + math.log10(mantissa) == pytest.approx(log10_fraction(var), abs=1e-11)
    text = variance_text(std.var[0], std.std[0])
    assert "inf" not in text and text not in ("0", "0.0")
    assert 1 <= mantissa < 10


def test_a_variance_beyond_float64_still_reads_as_a_number():
    col = COLUMNS["near the largest double"]
    std = features.standardize(col[:, None])
    assert np.isinf(std.var[0])                   # 1e616 has no float64
    assert variance_text(std.var[0], std.std[0]).endswith(("e+615", "e+616"))


def test_tiny_values_are_not_flattened_to_zero():
    """For values near 1e−308 the variance (~1e−616) is nothing next to ε, so z ≈ (x − μ)/√ε, about
    1e−306: small but not 0 (ε/s² overflowed to inf and made every z exactly 0)."""
    col = COLUMNS["near the smallest normal double"]
    z = features.standardize(col[:, None]).z[:, 0]
    assert np.count_nonzero(z) == len(z)
    assert np.max(np.abs(z)) == pytest.approx(np.max(np.abs(col - col.mean())) / math.sqrt(EPS), rel=1e-6)


@pytest.mark.parametrize("name", COLUMNS)
def test_histogram_bins_stay_finite_at_any_magnitude(name):
    col = COLUMNS[name]
    centres, counts, width = binned(col, 40)
    assert np.all(np.isfinite(centres)) and np.isfinite(width) and width > 0
    assert counts.sum() == len(col)
    assert centres[0] - width / 2 == pytest.approx(col.min(), rel=1e-9)


def test_display_exponents_bring_extreme_columns_to_order_one():
    x = np.column_stack([COLUMNS["near the largest double"], COLUMNS["near the smallest normal double"],
                         np.linspace(1, 5, 40), np.zeros(40)])
    k = features.display_exponents(x)
    assert list(k) == [308, -308, 0, 0]
    scaled = x / 10.0 ** k
    assert np.all((np.max(np.abs(scaled), axis=0) < 10) | (k == 0))


def test_shown_rows_are_a_bounded_seeded_sample():
    rng = np.random.default_rng
    assert np.array_equal(features.shown_rows(100, 5000, rng(0)), np.arange(100))
    rows = features.shown_rows(200_000, 5000, rng(0))
    assert len(rows) == len(set(rows)) == 5000 and np.all(np.diff(rows) > 0)
    assert np.array_equal(rows, features.shown_rows(200_000, 5000, rng(0)))
