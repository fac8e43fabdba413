"""Chapter 1's core: the classic data, standardization, the morph, κ and whitening, against closed forms."""

import math

import numpy as np
import pytest

from bn_core.features import (
    FeatureSpec,
    condition_number,
    eigen,
    make_features,
    morph,
    second_moment,
    standardize,
    whiten,
)


def test_classic_ranges_by_default():
    x = make_features(FeatureSpec(n=2000))
    assert x[:, 0].min() >= 1.0 and x[:, 0].max() <= 5.0
    assert x[:, 1].min() >= 1_000.0 and x[:, 1].max() <= 99_999.0
    assert x[:, 1].max() - x[:, 1].min() > 90_000  # the range is really used


@pytest.mark.parametrize("shape", ["uniform", "normal", "skewed"])
def test_shapes_and_correlation(shape):
    x = make_features(FeatureSpec(n=4000, shape=shape, corr=0.8, seed=1))
    r = np.corrcoef(x.T)[0, 1]
    assert r > 0.6
    if shape == "skewed":
        m, s = x[:, 0].mean(), x[:, 0].std()
        assert np.mean(((x[:, 0] - m) / s) ** 3) > 0.5  # right-skewed


def test_standardized_columns_have_mean_zero_and_variance_var_over_var_plus_eps():
    x = make_features(FeatureSpec(n=500, seed=2))
    s = standardize(x, eps=1e-5)
    np.testing.assert_allclose(s.z.mean(axis=0), 0.0, atol=1e-12)
    var = x.var(axis=0)
    np.testing.assert_allclose(s.z.var(axis=0), var / (var + 1e-5), rtol=1e-10)
    np.testing.assert_allclose(s.mu, x.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(s.var, var, rtol=1e-10)


def test_standardize_survives_1e300_and_constant_columns():
    x = np.array([[1e300, 5.0], [2e300, 5.0], [3e300, 5.0]])
    s = standardize(x)
    np.testing.assert_allclose(s.z[:, 0], [-math.sqrt(1.5), 0.0, math.sqrt(1.5)], rtol=1e-12)
    np.testing.assert_array_equal(s.z[:, 1], 0.0)  # ε keeps the constant column finite
    assert np.isinf(s.var[0]) and np.isfinite(s.std[0])


def test_morph_end_points_are_exact():
    x = make_features(FeatureSpec(n=50, seed=3))
    z = standardize(x).z
    np.testing.assert_array_equal(morph(x, z, 0.0), x)
    np.testing.assert_array_equal(morph(x, z, 1.0), z)
    np.testing.assert_allclose(morph(x, z, 0.25), 0.75 * x + 0.25 * z)


def test_kappa_and_eigenvalues_of_the_second_moment_matrix():
    x = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 4.0]])
    a = x.T @ x / 3
    np.testing.assert_allclose(second_moment(x), a)
    lam = np.linalg.eigvalsh(a)
    np.testing.assert_allclose(eigen(x)[0], lam, rtol=1e-12)
    assert condition_number(x) == pytest.approx(lam[-1] / lam[0], rel=1e-12)


def test_standardized_uncorrelated_features_give_kappa_one():
    x = np.array([[1.0, 10.0], [1.0, -10.0], [-1.0, 10.0], [-1.0, -10.0]]) * [2.0, 300.0] + [3.0, 5e4]
    assert condition_number(x) > 1e6
    assert condition_number(standardize(x, eps=0.0).z) == pytest.approx(1.0, abs=1e-12)


def test_standardizing_leaves_correlation_and_whitening_removes_it():
    x = make_features(FeatureSpec(n=3000, corr=0.9, seed=4))
    rho = np.corrcoef(x.T)[0, 1]
    assert condition_number(standardize(x, eps=0.0).z) == pytest.approx((1 + rho) / (1 - rho), rel=1e-9)
    for method in ("pca", "zca"):
        w = whiten(x, method, eps=0.0)
        np.testing.assert_allclose(w.T @ w / len(w), np.eye(2), atol=1e-10)
        assert condition_number(w) == pytest.approx(1.0, abs=1e-9)


def test_bad_specs_are_rejected():
    with pytest.raises(ValueError):
        make_features(FeatureSpec(corr=1.0))
    with pytest.raises(ValueError):
        make_features(FeatureSpec(shape="cauchy"))
    with pytest.raises(ValueError):
        whiten(np.ones((3, 2)), "cholesky")
