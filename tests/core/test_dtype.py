"""dtype behaviour and float32 accuracy at large offsets."""

import numpy as np
import pytest

from bn_core import BatchNorm


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_output_dtype_follows_input(dtype):
    x = np.random.default_rng(0).normal(size=(16, 3)).astype(dtype)
    bn = BatchNorm(3)
    y = bn.forward(x, training=True)
    assert y.dtype == dtype
    assert bn.backward(np.ones_like(y)).dtype == dtype
    assert bn.running_mean.dtype == np.float64


def test_integer_input_becomes_float64():
    y = BatchNorm(2).forward(np.arange(12).reshape(6, 2), training=True)
    assert y.dtype == np.float64


def naive_float32(x32, eps):
    """A float32 kernel in the style of the frameworks: float32 mean/var, float32 normalize."""
    mu = x32.mean(axis=0, dtype=np.float32)
    var = ((x32 - mu) ** 2).mean(axis=0, dtype=np.float32)
    return (x32 - mu) / np.sqrt(var + np.float32(eps))


@pytest.mark.parametrize("offset", [1e4, 1e5])
def test_float32_at_large_offset_is_accurate(offset):
    rng = np.random.default_rng(1)
    x32 = (offset + rng.normal(size=(512, 4))).astype(np.float32)
    exact = (x32.astype(np.float64) - x32.astype(np.float64).mean(0)) / np.sqrt(
        x32.astype(np.float64).var(0) + 1e-5)
    ours = BatchNorm(4).forward(x32, training=True)
    ours_err = np.max(np.abs(ours - exact))
    naive_err = np.max(np.abs(naive_float32(x32, 1e-5) - exact))
    assert ours_err < 1e-6  # float32 output rounding is ~1e-7 for values of order 1
    assert ours_err < naive_err / 100


def test_variance_never_negative_for_constant_large_feature():
    x = np.full((64, 2), 1e8, dtype=np.float32)
    bn = BatchNorm(2)
    y = bn.forward(x, training=True)
    assert np.all(np.isfinite(y))
    np.testing.assert_array_equal(y, 0.0)
    assert np.all(bn.running_var >= 0)
