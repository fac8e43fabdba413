"""Forward pass against the textbook formulas, for (N, D) and (N, C, H, W)."""

import numpy as np
import pytest

from bn_core import BatchNorm, RunningStats, batchnorm_forward


def textbook(x, gamma, beta, eps):
    """The formula written out directly over axis 0 in float64 (the test's independent oracle)."""
    mu = x.mean(axis=0)
    var = ((x - mu) ** 2).mean(axis=0)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def test_training_output_matches_textbook_formula():
    rng = np.random.default_rng(0)
    x = rng.normal(5.0, 3.0, size=(64, 6))
    gamma, beta = rng.normal(size=6), rng.normal(size=6)
    y, _, _ = batchnorm_forward(x, gamma, beta, RunningStats.initial(6), training=True, eps=1e-5)
    np.testing.assert_allclose(y, textbook(x, gamma, beta, 1e-5), rtol=1e-12, atol=1e-12)


def test_gamma_multiplies_and_beta_adds():
    x = np.array([[0.0], [2.0]])  # mu = 1, var = 1, x_hat = [-1, 1] (eps = 0 effect tiny)
    bn = BatchNorm(1, eps=1e-12)
    bn.gamma, bn.beta = 3.0, 10.0
    np.testing.assert_allclose(bn.forward(x, training=True).ravel(), [7.0, 13.0], rtol=1e-9)


def test_output_has_zero_mean_and_var_below_one_by_eps():
    rng = np.random.default_rng(1)
    x = rng.normal(0.0, 0.1, size=(500, 3))
    eps = 1e-2
    y = BatchNorm(3, eps=eps).forward(x, training=True)
    var = x.var(axis=0)
    np.testing.assert_allclose(y.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=0), var / (var + eps), rtol=1e-10)


def test_nchw_statistics_are_per_channel_over_n_h_w():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(4, 3, 5, 6)) * np.array([1.0, 10.0, 0.1])[None, :, None, None] + 7.0
    y = BatchNorm(3).forward(x, training=True)
    assert y.shape == x.shape
    for c in range(3):
        ref = textbook(x[:, c].reshape(-1, 1), 1.0, 0.0, 1e-5).reshape(4, 5, 6)
        np.testing.assert_allclose(y[:, c], ref, rtol=1e-10, atol=1e-12)


def test_nchw_with_one_sample_but_many_pixels_trains():
    x = np.random.default_rng(3).normal(size=(1, 2, 4, 4))
    y = BatchNorm(2).forward(x, training=True)
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0.0, atol=1e-12)


def test_inference_uses_running_statistics_not_the_batch():
    bn = BatchNorm(2)
    rng = np.random.default_rng(4)
    for _ in range(20):
        bn.forward(rng.normal(3.0, 2.0, size=(32, 2)), training=True)
    one = np.array([[1.0, -1.0]])
    expected = (one - bn.running_mean) / np.sqrt(bn.running_var + bn.eps)
    np.testing.assert_allclose(bn.forward(one, training=False), expected, rtol=1e-12)
    before = (bn.running_mean, bn.running_var, bn.num_batches_tracked)
    bn.forward(rng.normal(size=(8, 2)), training=False)
    np.testing.assert_array_equal(bn.running_mean, before[0])
    np.testing.assert_array_equal(bn.running_var, before[1])
    assert bn.num_batches_tracked == before[2]


def test_inference_of_a_sample_does_not_depend_on_its_batchmates():
    bn = BatchNorm(3)
    rng = np.random.default_rng(5)
    bn.forward(rng.normal(size=(16, 3)), training=True)
    sample = rng.normal(size=(1, 3))
    alone = bn.forward(sample, training=False)
    with_others = bn.forward(np.vstack([sample, rng.normal(size=(9, 3)) * 100]), training=False)[:1]
    np.testing.assert_array_equal(alone, with_others)


def test_affine_false_keeps_gamma_one_and_beta_zero():
    bn = BatchNorm(2, affine=False)
    x = np.random.default_rng(6).normal(4.0, 2.0, size=(10, 2))
    y = bn.forward(x, training=True)
    np.testing.assert_allclose(y, textbook(x, 1.0, 0.0, 1e-5), rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="affine=False"):
        bn.gamma = [2.0, 2.0]
    bn.backward(np.ones_like(y))
    assert bn.dgamma is None and bn.dbeta is None
