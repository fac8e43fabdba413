"""Mini-batches, the five steps, undo-BN parameters and state counts."""

import numpy as np
import pytest

from bn_core import (
    ImageBatchSpec,
    MiniBatchSpec,
    RunningStats,
    five_steps,
    identity_params,
    make_image_batch,
    make_minibatch,
    state_counts,
)


def test_minibatch_is_reproducible_and_stable_when_growing():
    a = make_minibatch(MiniBatchSpec(n=10, d=3, seed=5))
    np.testing.assert_array_equal(a, make_minibatch(MiniBatchSpec(n=10, d=3, seed=5)))
    bigger = make_minibatch(MiniBatchSpec(n=50, d=6, seed=5))
    np.testing.assert_array_equal(bigger[:10, :3], a)
    assert not np.array_equal(a, make_minibatch(MiniBatchSpec(n=10, d=3, seed=6)))


def test_features_have_different_scales():
    x = make_minibatch(MiniBatchSpec(n=256, d=8, seed=0))
    assert np.ptp(x.mean(axis=0)) > 3.0
    assert x.std(axis=0).max() / x.std(axis=0).min() > 2.0


def test_minibatch_spec_out_of_range_is_rejected():
    with pytest.raises(ValueError):
        make_minibatch(MiniBatchSpec(n=300, d=3))


def test_five_steps_keep_every_intermediate():
    x = make_minibatch(MiniBatchSpec(n=20, d=4, seed=1))
    gamma, beta = np.array([1.0, 2.0, 0.5, -1.0]), np.array([0.0, 1.0, -2.0, 3.0])
    run = five_steps(x, gamma, beta, RunningStats.initial(4), momentum=0.1, eps=1e-5)
    np.testing.assert_allclose(run.mu, x.mean(0), rtol=1e-12)
    np.testing.assert_allclose(run.var, x.var(0), rtol=1e-12)
    np.testing.assert_allclose(run.x_hat, (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-5), rtol=1e-12)
    np.testing.assert_allclose(run.y, gamma * run.x_hat + beta, rtol=1e-12)
    np.testing.assert_allclose(run.after.mean, 0.1 * x.mean(0), rtol=1e-12)
    np.testing.assert_allclose(run.after.var, 0.9 + 0.1 * x.var(0, ddof=1), rtol=1e-12)
    np.testing.assert_array_equal(run.before.mean, 0.0)


def test_undo_parameters_make_output_equal_input():
    x = make_minibatch(MiniBatchSpec(n=30, d=5, seed=2))
    first = five_steps(x, np.ones(5), np.zeros(5), RunningStats.initial(5), eps=1e-3)
    gamma, beta = identity_params(first)
    undone = five_steps(x, gamma, beta, RunningStats.initial(5), eps=1e-3)
    np.testing.assert_allclose(undone.y, x, rtol=1e-12, atol=1e-12)


def test_image_batch_shape():
    assert make_image_batch(ImageBatchSpec(n=2, c=3, h=4, w=5)).shape == (2, 3, 4, 5)


def test_state_counts():
    assert state_counts([100, 100, 50]) == {"layers": 3, "learnable": 500, "running": 500}
