"""Bad input gets a ValueError a learner understands, and nothing in the layer changes."""

import numpy as np
import pytest

from bn_core import BatchNorm


def trained_layer():
    bn = BatchNorm(3)
    bn.forward(np.random.default_rng(0).normal(size=(8, 3)), training=True)
    return bn


def snapshot(bn):
    return bn.running_mean.copy(), bn.running_var.copy(), bn.num_batches_tracked, bn.gamma.copy(), bn.beta.copy()


def assert_unchanged(bn, snap):
    after = snapshot(bn)
    for a, b in zip(snap, after, strict=True):
        np.testing.assert_array_equal(a, b)


BAD_BATCHES = [
    (np.ones((1, 3)), "more than 1 value per feature"),
    (np.ones((1, 3, 1, 1)), "more than 1 value per feature"),
    (np.array([[1.0, np.nan, 2.0], [0.0, 1.0, 2.0]]), "NaN or infinite"),
    (np.array([[1.0, np.inf, 2.0], [0.0, 1.0, 2.0]]), "NaN or infinite"),
    (np.ones(3), "shape \\(N, D\\) or \\(N, C, H, W\\)"),
    (np.ones((2, 3, 4)), "shape \\(N, D\\) or \\(N, C, H, W\\)"),
    (np.ones((4, 5)), "normalizes 3 feature"),
    (np.array([["a", "b", "c"], ["d", "e", "f"]]), "real numbers"),
    (np.ones((0, 3)), "empty"),
]


@pytest.mark.parametrize(("x", "message"), BAD_BATCHES)
def test_bad_batch_raises_and_changes_nothing(x, message):
    bn = trained_layer()
    snap = snapshot(bn)
    with pytest.raises(ValueError, match=message):
        bn.forward(x, training=True)
    assert_unchanged(bn, snap)


def test_single_sample_is_fine_at_inference():
    bn = trained_layer()
    snap = snapshot(bn)
    assert bn.forward(np.ones((1, 3)), training=False).shape == (1, 3)
    assert_unchanged(bn, snap)


@pytest.mark.parametrize(("value", "message"), [
    ([1.0, 2.0], "shape \\(3,\\)"),
    (np.ones((3, 1)), "shape \\(3,\\)"),
    ([1.0, np.nan, 1.0], "NaN or infinite"),
])
@pytest.mark.parametrize("name", ["gamma", "beta"])
def test_bad_gamma_or_beta_raises_and_changes_nothing(name, value, message):
    bn = trained_layer()
    snap = snapshot(bn)
    with pytest.raises(ValueError, match=message):
        setattr(bn, name, value)
    assert_unchanged(bn, snap)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"momentum": 1.5}, "momentum"), ({"momentum": -0.1}, "momentum"), ({"eps": 0.0}, "eps"),
    ({"eps": -1e-5}, "eps"), ({"eps": float("nan")}, "eps"),
])
def test_bad_hyper_parameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        BatchNorm(3, **kwargs)


def test_zero_features_rejected():
    with pytest.raises(ValueError, match="at least 1"):
        BatchNorm(0)


def test_backward_before_forward_and_wrong_dy_shape():
    bn = BatchNorm(3)
    with pytest.raises(ValueError, match="forward before backward"):
        bn.backward(np.ones((4, 3)))
    bn.forward(np.random.default_rng(1).normal(size=(4, 3)), training=True)
    with pytest.raises(ValueError, match="shape"):
        bn.backward(np.ones((5, 3)))


def test_gamma_accepts_a_scalar_broadcast_and_copies():
    bn = BatchNorm(3)
    source = np.array([1.0, 2.0, 3.0])
    bn.gamma = source
    source[0] = 99.0
    np.testing.assert_array_equal(bn.gamma, [1.0, 2.0, 3.0])
    bn.beta = 0.5
    np.testing.assert_array_equal(bn.beta, [0.5, 0.5, 0.5])
