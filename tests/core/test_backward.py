"""Backward pass: centred-difference gradient checks, staged == compact, the two zero sums."""

import numpy as np
import pytest

from bn_core import (
    BatchNorm,
    RunningStats,
    backward_report,
    batchnorm_backward,
    batchnorm_forward,
    bn_gradient_check,
    centred_difference,
    relative_error,
    staged_backward,
    staged_forward,
    upstream_gradient,
)


@pytest.mark.parametrize("shape", [(8, 3), (32, 5), (2, 4), (3, 2, 4, 4)])
@pytest.mark.parametrize("eps", [1e-5, 1e-1])
def test_gradient_check_below_1e_7(shape, eps):
    rng = np.random.default_rng(sum(shape))
    x = rng.normal(2.0, 3.0, size=shape)
    d = shape[1]
    errors = bn_gradient_check(x, rng.normal(size=d), rng.normal(size=d), rng.normal(size=shape), eps=eps)
    assert max(errors.values()) < 1e-7, errors


def test_gradient_check_detects_a_wrong_gradient():
    """The checker itself must be able to fail: a gradient off by 1 % is flagged."""
    rng = np.random.default_rng(0)
    p = rng.normal(size=5)
    true = centred_difference(lambda: float(np.sum(np.sin(p))), p)
    np.testing.assert_allclose(true, np.cos(p), rtol=1e-8)
    assert relative_error(true * 1.01, np.cos(p)) > 1e-3


def test_inference_backward_is_gamma_over_running_std():
    bn = BatchNorm(2)
    bn.gamma = [2.0, -1.0]
    bn.forward(np.random.default_rng(1).normal(size=(10, 2)), training=True)
    bn.forward(np.ones((3, 2)), training=False)
    dx = bn.backward(np.ones((3, 2)))
    np.testing.assert_allclose(dx, np.tile(bn.gamma / np.sqrt(bn.running_var + bn.eps), (3, 1)), rtol=1e-12)


@pytest.mark.parametrize("shape", [(16, 4), (2, 3, 3, 2)])
def test_staged_backward_equals_compact_backward(shape):
    rng = np.random.default_rng(7)
    x, dy = rng.normal(size=shape), rng.normal(size=shape)
    d = shape[1]
    gamma, beta = rng.normal(size=d), rng.normal(size=d)
    _, cache, _ = batchnorm_forward(x, gamma, beta, RunningStats.initial(d), training=True)
    dx, dgamma, dbeta = batchnorm_backward(dy, cache)
    staged = staged_backward(dy, staged_forward(x, gamma, beta, 1e-5))
    np.testing.assert_allclose(staged.dx, dx, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(staged.dgamma, dgamma, rtol=1e-12)
    np.testing.assert_allclose(staged.dbeta, dbeta, rtol=1e-12)


def test_sum_of_dx_is_zero_and_sum_of_dx_xhat_is_the_eps_term():
    rng = np.random.default_rng(8)
    x = rng.normal(1.0, 0.05, size=(40, 3))  # small variance makes the eps term visible
    gamma = np.array([1.5, -0.5, 2.0])
    dy = upstream_gradient("random", x.shape, rng=rng)
    rep = backward_report(x, gamma, np.zeros(3), dy, eps=1e-3)
    np.testing.assert_allclose(rep.sum_dx, 0.0, atol=1e-12)
    var = x.var(axis=0)
    predicted = gamma * rep.dgamma * 1e-3 / (var + 1e-3) ** 1.5
    np.testing.assert_allclose(rep.sum_dx_xhat, predicted, rtol=1e-8)
    assert np.all(np.abs(rep.sum_dx_xhat) > 1e-6)  # not zero with eps > 0 ...
    tiny = backward_report(x, gamma, np.zeros(3), dy, eps=1e-14)
    assert np.all(np.abs(tiny.sum_dx_xhat) < 1e-6 * np.abs(rep.sum_dx_xhat))  # ... and gone as eps -> 0


def test_all_ones_upstream_gradient_gives_zero_dx():
    x = np.random.default_rng(9).normal(size=(12, 2))
    rep = backward_report(x, np.ones(2), np.zeros(2), upstream_gradient("ones", x.shape,
                          rng=np.random.default_rng(0)), eps=1e-5)
    np.testing.assert_allclose(rep.dx, 0.0, atol=1e-12)
    np.testing.assert_allclose(rep.dbeta, 12.0)


def test_single_cell_gradient_reaches_every_sample_of_that_feature_only():
    x = np.random.default_rng(10).normal(size=(6, 3))
    dy = upstream_gradient("cell", x.shape, cell=(2, 1), rng=np.random.default_rng(0))
    rep = backward_report(x, np.ones(3), np.zeros(3), dy, eps=1e-5)
    assert np.all(rep.dx[:, 1] != 0)
    np.testing.assert_array_equal(rep.dx[:, [0, 2]], 0.0)


def test_unknown_upstream_kind_is_rejected():
    with pytest.raises(ValueError, match="random"):
        upstream_gradient("zeros", (2, 2), rng=np.random.default_rng(0))


def test_layer_backward_sets_parameter_gradients():
    rng = np.random.default_rng(11)
    bn = BatchNorm(3)
    x = rng.normal(size=(10, 3))
    y = bn.forward(x, training=True)
    dy = rng.normal(size=y.shape)
    bn.backward(dy)
    x_hat = (x - x.mean(0)) / np.sqrt(x.var(0) + bn.eps)
    np.testing.assert_allclose(bn.dbeta, dy.sum(0), rtol=1e-12)
    np.testing.assert_allclose(bn.dgamma, (dy * x_hat).sum(0), rtol=1e-12)


def test_gradient_check_on_a_batch_of_two():
    """With N = 2 the true dx is a remainder of size ~ε/σ² of γ·dy/σ; the check measures on that
    scale, so round-off in the finite differences does not pass for a wrong gradient."""
    rng = np.random.default_rng(12)
    x, dy = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    errors = bn_gradient_check(x, np.ones(3), np.zeros(3), dy)
    assert max(errors.values()) < 1e-7, errors
    _, cache, _ = batchnorm_forward(x, np.ones(3), np.zeros(3), RunningStats.initial(3), training=True)
    dx, _, _ = batchnorm_backward(dy, cache)
    assert np.linalg.norm(dx) < 1e-3 * np.linalg.norm(dy * cache.inv_std)


def test_floor_still_flags_an_error_on_the_scale_of_the_terms():
    assert relative_error(np.zeros(3), np.full(3, 1e-3), floor=1.0) > 1e-4
    assert relative_error(np.zeros(3), np.full(3, 1e-12), floor=1.0) < 1e-7


def test_gradient_check_when_the_true_gradients_are_zero():
    x = np.random.default_rng(13).normal(size=(10, 2))
    errors = bn_gradient_check(x, np.ones(2), np.zeros(2), np.ones((10, 2)))
    assert max(errors.values()) < 1e-7, errors
