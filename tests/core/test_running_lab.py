"""Chapter 4's core: EMA traces against closed forms, conventions, inference independence,
the train/eval gap and the pitfall numbers."""

import math

import numpy as np
import pytest

from bn_core import BatchNorm
from bn_core.ema import averaging_window, equivalent_momentum, half_life, new_batch_weight, run_ema, trained_layer
from bn_core.inference import (
    batchmate_outputs,
    population_output,
    train_eval_gap,
    training_error_message,
    training_mode_output,
)
from bn_core.stream import StreamSpec, batch_stream, population_draws, population_mean

SPEC = StreamSpec(mean=3.0, std=1.5, drift=0.01, batch_size=8, steps=40, seed=3)


def weighted_sum(stats, w, init):
    """running_k = (1-w)^k init + sum_t w (1-w)^(k-t) stat_t, for every k (the closed form)."""
    out = [init]
    for k in range(1, len(stats) + 1):
        decay = w * (1 - w) ** (k - np.arange(1, k + 1))
        out.append((1 - w) ** k * init + np.sum(decay * stats[:k]))
    return np.array(out)


@pytest.mark.parametrize(("convention", "momentum", "w", "ddof"), [
    ("pytorch", 0.1, 0.1, 1), ("pytorch", 0.3, 0.3, 1), ("keras", 0.99, 0.01, 0), ("keras", 0.8, 0.2, 0)])
def test_ema_trace_equals_closed_form_at_every_step(convention, momentum, w, ddof):
    xs = batch_stream(SPEC)
    tr = run_ema(xs, convention=convention, momentum=momentum)
    np.testing.assert_allclose(tr.running_mean, weighted_sum(xs.mean(axis=1), w, 0.0), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.running_var, weighted_sum(xs.var(axis=1, ddof=ddof), w, 1.0), rtol=1e-12)


def test_cumulative_trace_is_the_running_average_of_batch_statistics():
    xs = batch_stream(SPEC)
    tr = run_ema(xs, momentum=None)
    k = np.arange(1, SPEC.steps + 1)
    np.testing.assert_allclose(tr.running_mean[1:], np.cumsum(xs.mean(axis=1)) / k, rtol=1e-12)
    np.testing.assert_allclose(tr.running_var[1:], np.cumsum(xs.var(axis=1, ddof=1)) / k, rtol=1e-12)


def test_pytorch_m_and_keras_one_minus_m_share_every_running_mean():
    xs = batch_stream(SPEC)
    a = run_ema(xs, convention="pytorch", momentum=0.1)
    b = run_ema(xs, convention="keras", momentum=0.9)
    np.testing.assert_allclose(a.running_mean, b.running_mean, rtol=1e-12, atol=1e-15)


def test_unbiased_and_biased_running_variance_differ_by_exactly_m_over_m_minus_1():
    """Apart from the decayed initial value 1, the two running variances are in ratio m/(m-1)."""
    xs = batch_stream(SPEC)
    w = 0.1
    unbiased = run_ema(xs, convention="pytorch", momentum=w).running_var
    biased = run_ema(xs, convention="keras", momentum=1 - w).running_var
    init = (1 - w) ** np.arange(SPEC.steps + 1)
    m = SPEC.batch_size
    np.testing.assert_allclose(unbiased[1:] - init[1:], m / (m - 1) * (biased[1:] - init[1:]), rtol=1e-10)


def test_weights_windows_and_equivalents():
    assert new_batch_weight("pytorch", 0.1) == 0.1
    assert new_batch_weight("keras", 0.9) == pytest.approx(0.1)
    assert new_batch_weight("pytorch", None) is None
    assert averaging_window(0.1) == pytest.approx(10.0)
    assert math.isinf(averaging_window(0.0))
    assert (1 - 0.1) ** half_life(0.1) == pytest.approx(0.5)
    assert equivalent_momentum("pytorch", 0.1) == ("keras", pytest.approx(0.9))


def test_inference_output_of_one_sample_is_independent_of_any_batch():
    tr = run_ema(batch_stream(SPEC))
    bn = trained_layer(tr, SPEC.steps)
    x0 = np.array([[4.2]])
    alone = bn.forward(x0, training=False)
    others = np.vstack([x0, np.random.default_rng(0).normal(50, 9, size=(20, 1))])
    np.testing.assert_array_equal(bn.forward(others, training=False)[:1], alone)
    expected = (4.2 - tr.running_mean[-1]) / np.sqrt(tr.running_var[-1] + bn.eps)
    np.testing.assert_allclose(alone[0, 0], expected, rtol=1e-12)


def test_training_output_depends_on_batchmates_less_for_bigger_batches():
    out = batchmate_outputs(4.0, SPEC, (2, 8, 64), 300, np.random.default_rng(1))
    # two values normalize to ±d/2/sqrt(d²/4 + ε): just under 1 in size, whatever they are
    assert np.all(np.abs(out[2]) <= 1.0) and np.median(np.abs(out[2])) > 0.999
    assert np.std(out[8]) > np.std(out[64])


def test_batch_of_one_message_is_the_layers_own():
    with pytest.raises(ValueError) as err:
        BatchNorm(1).forward(np.array([[2.0]]), training=True)
    assert training_error_message(2.0) == str(err.value)


def test_running_statistics_beat_batch_statistics_once_trained():
    spec = StreamSpec(mean=3.0, std=1.5, batch_size=4, steps=300, seed=5)
    tr = run_ema(batch_stream(spec), momentum=0.01)
    gap = train_eval_gap(spec, tr, test_size=512, rng=np.random.default_rng(2), every=10)
    assert gap.running[0] > gap.running[-1]          # the EMA settles
    assert gap.running[-1] < 0.5 * gap.batch[-1]     # and is then better than batch statistics
    assert 0.2 < np.mean(gap.batch) < 1.0            # batch-of-4 noise does not shrink with training


def test_population_output_is_the_exact_standardization():
    x = np.array([3.0 + 1.5 * 0.4 + 0.01 * 7])
    np.testing.assert_allclose(population_output(x, SPEC, 7, 0.0), [0.4], rtol=1e-12)
    assert population_mean(SPEC, 10) == pytest.approx(3.1)


def test_stream_rejects_nonsense():
    with pytest.raises(ValueError):
        batch_stream(StreamSpec(std=0.0))


def test_set_running_stats_validates():
    bn = BatchNorm(2)
    with pytest.raises(ValueError, match="negative"):
        bn.set_running_stats([0.0, 0.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="shape"):
        bn.set_running_stats([0.0], [1.0])


def test_batchmate_outputs_equal_one_layer_call_per_batch():
    """Draws as features give, draw by draw, what a BatchNorm(1) on that batch alone gives."""
    out = batchmate_outputs(4.0, SPEC, (2, 5, 32), 40, np.random.default_rng(3), convention="keras")
    rng = np.random.default_rng(3)
    for b in (2, 5, 32):
        one_by_one = [BatchNorm(1, convention="keras").forward(
            np.concatenate([[4.0], population_draws(SPEC, SPEC.steps, b - 1, rng)])[:, None], training=True)[0, 0]
            for _ in range(40)]
        np.testing.assert_allclose(out[b], one_by_one, rtol=1e-12, atol=1e-15)


def test_training_mode_output_normalizes_each_consecutive_batch_alone():
    x = np.random.default_rng(4).normal(3.0, 2.0, size=(24, 1))
    y = training_mode_output(x, 6, 1e-3)
    expected = np.vstack([BatchNorm(1, eps=1e-3).forward(chunk, training=True) for chunk in np.split(x, 4)])
    np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-15)
