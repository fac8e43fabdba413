"""The pitfall checker's core: each slip and its correct version, recomputed here by hand (plain
NumPy EMAs and normalizations, not bn_core's layer), and the symptom each run reports."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import pitfalls
from bn_core.stream import StreamSpec, batch_stream

SPEC = StreamSpec(mean=3.0, std=1.5, drift=0.0, batch_size=4, steps=120, seed=1)


def ema(values, w, init):
    """running_t = (1 − w) running_{t−1} + w value_t, from init; every step's value."""
    out, r = [init], init
    for v in values:
        r = (1 - w) * r + w * v
        out.append(r)
    return np.array(out)


def rows(c: pitfalls.Comparison) -> dict[str, tuple[float, float]]:
    return {k: (right, wrong) for k, right, wrong in c.rows}


def test_biased_running_variance_is_smaller_by_exactly_n_minus_1_over_n():
    c = pitfalls.variance_pitfall(SPEC, 0.1)
    xs = batch_stream(SPEC)
    unbiased = ema(xs.var(axis=1, ddof=1), 0.1, 1.0)[-1]
    biased = ema(xs.var(axis=1), 0.1, 1.0)[-1]
    assert rows(c)["running_var"] == (pytest.approx(unbiased, rel=1e-12), pytest.approx(biased, rel=1e-12))
    assert c.numbers["ratio"] == pytest.approx(4 / 3, rel=1e-3)   # the initial 1 fades: (1 − 0.1)^120
    assert c.symptom == 0


def test_keras_momentum_in_pytorch_jitters_with_the_last_batch():
    c = pitfalls.momentum_pitfall(SPEC)
    means = batch_stream(SPEC).mean(axis=1)
    half = SPEC.steps // 2
    right, wrong = (np.std(np.diff(ema(means, w, 0.0)[half:])) for w in (0.1, 0.9))
    assert rows(c)["jitter"] == (pytest.approx(right, rel=1e-9), pytest.approx(wrong, rel=1e-9))
    assert wrong > 2 * right and c.symptom == 0


def test_a_drifting_mean_is_not_counted_as_jitter():
    """A drift adds the same amount to every step's change; the jitter (std of the changes) of the
    0.1 run stays small next to the 0.9 run's even when the mean drifts fast."""
    c = pitfalls.momentum_pitfall(StreamSpec(mean=0.0, std=1.0, drift=2.0, batch_size=16, steps=100))
    right, wrong = rows(c)["jitter"]
    assert wrong > 2 * right


@pytest.mark.parametrize(("std", "symptom"), [(2.0, 0), (500.0, 2)])
def test_eps_added_to_sigma_shows_only_where_eps_is_not_small_next_to_var(std, symptom):
    spec = StreamSpec(mean=3.0, std=std, batch_size=16, steps=10, seed=2)
    c = pitfalls.eps_pitfall(spec, 1e-5)
    x = batch_stream(spec)[-1] * 1e-3
    right = (x - x.mean()) / np.sqrt(x.var() + 1e-5)
    wrong = (x - x.mean()) / (x.std() + 1e-5)
    assert c.numbers["max_diff"] == pytest.approx(np.max(np.abs(right - wrong)), rel=1e-6)
    assert rows(c)["out_std"] == (pytest.approx(right.std(), rel=1e-6), pytest.approx(wrong.std(), rel=1e-6))
    assert c.symptom == symptom


def test_swapped_gamma_and_beta_trade_centre_and_spread():
    c = pitfalls.swap_pitfall(SPEC, 2.0, 0.5)
    (rm, wm), (rs, ws) = rows(c)["out_mean"], rows(c)["out_std"]
    assert (rm, rs) == (pytest.approx(0.5), pytest.approx(2.0, rel=1e-4))
    assert (wm, ws) == (pytest.approx(2.0), pytest.approx(0.5, rel=1e-4))
    assert c.symptom == 1


def test_a_pair_in_training_mode_comes_out_as_plus_minus_one():
    c = pitfalls.eval_pitfall(SPEC)
    x1, x2 = c.numbers["x1"], c.numbers["x2"]
    d = abs(x1 - x2) / 2
    size = d / np.sqrt(d**2 + 1e-5)
    (r1, w1), (r2, w2) = rows(c)["y1"], rows(c)["y2"]
    assert sorted([w1, w2]) == [pytest.approx(-size, rel=1e-9), pytest.approx(size, rel=1e-9)]
    xs = batch_stream(SPEC)
    rm = ema(xs.mean(axis=1), 0.1, 0.0)[-1]
    rv = ema(xs.var(axis=1, ddof=1), 0.1, 1.0)[-1]
    assert (r1, r2) == (pytest.approx((x1 - rm) / np.sqrt(rv + 1e-5)), pytest.approx((x2 - rm) / np.sqrt(rv + 1e-5)))


def test_evaluating_in_training_mode_moves_the_running_mean_and_couples_predictions():
    c = pitfalls.no_eval_pitfall(SPEC)
    r = rows(c)
    before = ema(batch_stream(SPEC).mean(axis=1), 0.1, 0.0)[-1]
    assert r["running_mean_after"][0] == pytest.approx(before)        # eval mode: nothing moves
    assert r["running_mean_after"][1] != pytest.approx(before, abs=1e-6)
    assert r["sample_spread"][0] == 0.0 and r["sample_spread"][1] > 0.05
    assert c.symptom == 2


def test_fine_tuning_in_training_mode_drags_the_statistics_to_the_new_data():
    c = pitfalls.finetune_pitfall(SPEC)
    r = rows(c)
    xs = batch_stream(SPEC)
    pretrained = ema(xs.mean(axis=1), 0.1, 0.0)[-1]
    new_mean = SPEC.mean + pitfalls.FINETUNE_SHIFT * SPEC.std
    assert r["running_mean_after"][0] == pytest.approx(pretrained)
    # 50 EMA steps of weight 0.1 leave 0.9^50 ≈ 0.5 % of the old value: the new mean, up to batch noise
    assert r["running_mean_after"][1] == pytest.approx(new_mean, abs=0.3)
    assert r["old_error"][1] > 5 * r["old_error"][0]
    assert c.symptom == 1


def test_batches_of_two_normalize_far_from_the_population():
    c = pitfalls.small_batch_pitfall(SPEC)
    r = rows(c)
    assert c.numbers["big"] == 4 and c.numbers["small"] == 2
    assert r["train_error"][1] > 1.5 * r["train_error"][0]
    assert r["batch_mean_noise"][1] == pytest.approx(SPEC.std / np.sqrt(2), rel=0.2)   # σ/√N
    assert c.symptom == 0


def test_every_comparison_is_finite_at_the_smallest_batch():
    spec = StreamSpec(mean=-20.0, std=0.1, drift=1.0, batch_size=2, steps=5, seed=9)
    for run in (pitfalls.variance_pitfall, pitfalls.momentum_pitfall, pitfalls.swap_pitfall, pitfalls.eval_pitfall,
                pitfalls.no_eval_pitfall, pitfalls.finetune_pitfall, pitfalls.small_batch_pitfall,
                lambda s: pitfalls.eps_pitfall(s, 1e-3)):
        c = run(spec)
        assert all(np.isfinite([a, b]).all() for _, a, b in c.rows) and c.symptom in (0, 1, 2)
