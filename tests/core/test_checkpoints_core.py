"""bn_core.checkpoints: each verdict follows the numbers, not a fixed answer."""

import numpy as np
import pytest

from bn_core import checkpoints as c


def test_standardized_moments_tells_centred_unit_data_from_the_rest():
    rng = np.random.default_rng(0)
    x = rng.uniform(1000, 99999, 500)
    z = (x - x.mean()) / x.std()
    assert c.standardized_moments(x, z).correct == 0
    assert c.standardized_moments(x, x - x.mean()).correct == 1   # centred, old spread
    assert c.standardized_moments(x, x / x.std()).correct == 2    # unit spread, not centred


def test_correlation_kept_compares_before_and_after():
    rng = np.random.default_rng(1)
    a = rng.standard_normal(400)
    x = np.column_stack([a, 0.8 * a + 0.6 * rng.standard_normal(400)])
    z = (x - x.mean(0)) / x.std(0)
    v = c.correlation_kept(x, z)
    assert v.correct == 1 and v.numbers["before"] == pytest.approx(v.numbers["after"], abs=1e-12)
    w = np.column_stack([x[:, 0], rng.standard_normal(400)])   # a different, uncorrelated second column
    assert c.correlation_kept(x, w).correct == 0


@pytest.mark.parametrize(("canyon", "bowl", "choice"), [(40, 31, 0), (400, 31, 1), (40_000, 31, 2), (7e6, 31, 3)])
def test_canyon_steps_buckets_the_ratio(canyon, bowl, choice):
    assert c.canyon_steps(canyon, bowl).correct == choice


def test_large_step_reads_the_losses():
    assert c.large_step(np.array([3.0, 30.0, 300.0]), stable=False).correct == 2
    assert c.large_step(np.array([3.0, 1.0, 0.1]), stable=True).correct == 1


def test_affine_moments_finds_the_matching_pair():
    rng = np.random.default_rng(2)
    x = rng.normal(5, 2, 64)
    x_hat = (x - x.mean()) / x.std()
    assert c.affine_moments(x, 2 * x_hat + 3, 2.0, 3.0).correct == 1
    assert c.affine_moments(x, x_hat, 2.0, 3.0).correct == 0
    assert c.affine_moments(x, x, 2.0, 3.0).correct == 3


def test_pair_batch_sees_opposite_values():
    assert c.pair_batch(np.array([-0.99, 0.99])).correct == 1
    assert c.pair_batch(np.array([-0.3, 0.8])).correct == 0
    assert c.pair_batch(np.array([0.0, 0.0])).correct == 2


def test_momentum_lag_compares_the_tails():
    target = np.linspace(0, 10, 101)
    slow, fast = target - 3.0, target - 0.2
    assert c.momentum_lag({0.01: slow, 0.1: fast}, target).correct == 0
    assert c.momentum_lag({0.01: fast, 0.1: slow}, target).correct == 1
    assert c.momentum_lag({0.01: fast, 0.1: fast + 1e-3}, target).correct == 2


def test_lag_target_is_the_drifting_mean():
    assert np.allclose(c.lag_target(5.0, 0.1, 3), [5.0, 5.1, 5.2, 5.3])


@pytest.mark.parametrize("x", [-7.5, 0.3, 1e4])
def test_a_single_sample_normalizes_to_zero(x):
    v = c.single_sample(x, 1e-5)
    assert v.correct == 1 and v.numbers["y"] == 0.0


def test_before_or_after_uses_the_tolerance():
    assert c.before_or_after(0.5, 0.52).correct == 2
    assert c.before_or_after(0.3, 0.6).correct == 0
    assert c.before_or_after(0.6, 0.3).correct == 1
    assert c.before_or_after(float("nan"), 0.3).correct == 2


def test_final_loss_is_the_tail_mean():
    assert c.final_loss(np.arange(20.0)) == pytest.approx(18.5)
    assert np.isnan(c.final_loss(np.array([1.0, np.inf])))


def test_steadier_and_ics_follow_the_comparison():
    assert c.steadier(0.3, 1.2).correct == 0
    assert c.steadier(2.0, 0.5).correct == 1
    assert c.ics_change(0.09, 0.02).correct == 2
    assert c.ics_change(0.01, 0.09).correct == 0
    assert c.ics_change(0.02, 0.025).correct == 1


def test_scaled_weights():
    assert c.scaled_weights(2.39, 2.39 + 1e-8, 4.0, 2.0, 2.0).correct == 0
    assert c.scaled_weights(2.39, 2.39, 4.0, 4.0, 2.0).correct == 1
    assert c.scaled_weights(2.39, 2.9, 4.0, 2.0, 2.0).correct == 2


def test_batchmate_dependence():
    assert c.batchmate_dependence({"bn": 0.4, "ln": 0.0, "gn": 0.0}).correct == 0
    assert c.batchmate_dependence({"bn": 0.4, "ln": 0.1, "gn": 0.0}).correct == 1
    assert c.batchmate_dependence({"bn": 0.0, "ln": 0.0}).correct == 2


def test_rms_skips_the_mean():
    rng = np.random.default_rng(3)
    x = rng.normal(0.5, 1.0, 48)
    ln = (x - x.mean()) / x.std()
    rms = x / np.sqrt(np.mean(x ** 2))
    v = c.rms_skips(ln, rms)
    assert v.correct == 0 and v.numbers["rms_mean"] > 0.1
    assert c.rms_skips(ln, ln).correct == 2
