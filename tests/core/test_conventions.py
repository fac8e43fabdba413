"""Running statistics over several steps: PyTorch, Keras and the cumulative average (momentum=None)."""

import numpy as np
import pytest

from bn_core import BatchNorm


def batches(k, n=16, d=3, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.normal(loc=rng.uniform(-5, 5, d), scale=rng.uniform(0.5, 3, d), size=(n, d)) for _ in range(k)]


def closed_form(xs, w, unbiased):
    """running_k = (1-w)^k * init + sum_t w (1-w)^(k-t) * stat_t, init mean 0 var 1."""
    k = len(xs)
    mean = (1 - w) ** k * 0.0
    var = (1 - w) ** k * 1.0
    for t, x in enumerate(xs, start=1):
        decay = w * (1 - w) ** (k - t)
        mean = mean + decay * x.mean(axis=0)
        var = var + decay * x.var(axis=0, ddof=1 if unbiased else 0)
    return mean, var


@pytest.mark.parametrize("momentum", [0.1, 0.5, 0.01])
def test_pytorch_running_stats_equal_closed_form(momentum):
    xs = batches(7)
    bn = BatchNorm(3, momentum=momentum)
    for x in xs:
        bn.forward(x, training=True)
    mean, var = closed_form(xs, momentum, unbiased=True)
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, var, rtol=1e-12)
    assert bn.num_batches_tracked == 7


@pytest.mark.parametrize("momentum", [0.99, 0.9, 0.5])
def test_keras_moving_stats_weigh_the_old_value_and_use_biased_variance(momentum):
    xs = batches(6, seed=1)
    bn = BatchNorm(3, convention="keras", momentum=momentum)
    for x in xs:
        bn.forward(x, training=True)
    mean, var = closed_form(xs, 1 - momentum, unbiased=False)
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, var, rtol=1e-12)


def test_pytorch_momentum_m_equals_keras_momentum_one_minus_m_for_the_mean():
    xs = batches(5, seed=2)
    torch_like, keras_like = BatchNorm(3, momentum=0.1), BatchNorm(3, convention="keras", momentum=0.9)
    for x in xs:
        torch_like.forward(x, training=True)
        keras_like.forward(x, training=True)
    np.testing.assert_allclose(torch_like.running_mean, keras_like.running_mean, rtol=1e-12)


def test_unbiased_and_biased_running_var_differ_by_m_over_m_minus_1_after_one_step():
    x = batches(1, n=10, seed=3)[0]
    torch_like = BatchNorm(3, momentum=1.0)
    keras_like = BatchNorm(3, convention="keras", momentum=0.0)
    torch_like.forward(x, training=True)
    keras_like.forward(x, training=True)
    np.testing.assert_allclose(torch_like.running_var / keras_like.running_var, 10 / 9, rtol=1e-12)


def test_momentum_none_is_the_cumulative_average_of_batch_statistics():
    xs = batches(9, seed=4)
    bn = BatchNorm(3, momentum=None)
    for x in xs:
        bn.forward(x, training=True)
    np.testing.assert_allclose(bn.running_mean, np.mean([x.mean(0) for x in xs], axis=0), rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, np.mean([x.var(0, ddof=1) for x in xs], axis=0), rtol=1e-12)


def test_defaults_follow_each_convention():
    torch_like, keras_like = BatchNorm(2), BatchNorm(2, convention="keras")
    assert (torch_like.eps, torch_like.momentum) == (1e-5, 0.1)
    assert (keras_like.eps, keras_like.momentum) == (1e-3, 0.99)
    np.testing.assert_array_equal(torch_like.running_mean, [0.0, 0.0])
    np.testing.assert_array_equal(torch_like.running_var, [1.0, 1.0])


def test_keras_has_no_cumulative_average():
    with pytest.raises(ValueError, match="cumulative"):
        BatchNorm(2, convention="keras", momentum=None)


def test_unknown_convention_is_rejected():
    with pytest.raises(ValueError, match="pytorch"):
        BatchNorm(2, convention="caffe")
