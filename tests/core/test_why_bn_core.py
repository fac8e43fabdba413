"""Chapter 6's core: noisy BN, the landscape probes, the ICS measure, scale invariance, the depth
spread and the evidence verdicts, each against an independent computation or a closed form."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bn_core.datasets import split
from bn_core.depth import preactivation_spread
from bn_core.evidence import compare, noisy_verdict, typical
from bn_core.ics import internal_covariate_shift
from bn_core.landscape import probe_along_gradient
from bn_core.net_probes import flat, gradients, loss_grad, with_flat
from bn_core.network import NetConfig, backward, forward, init_params, loss_and_grad
from bn_core.noise import draw_noise
from bn_core.scale_invariance import effective_lr, scale_check
from bn_core.training import TrainConfig, train


def batch(n=32, d=5, k=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, d)) * 2 + 1, rng.integers(0, k, n)


# --- the landscape probes on a quadratic -----------------------------------------------------------

def quadratic(a):
    return lambda th: (0.5 * float(th @ a @ th), a @ th)


def test_beta_smoothness_is_the_top_eigenvalue_along_its_eigenvector_and_at_most_it_elsewhere():
    a = np.diag([10.0, 1.0, 0.1])
    along = probe_along_gradient(quadratic(a), np.array([2.0, 0.0, 0.0]), [0.01, 0.05, 0.1])
    assert along.beta == pytest.approx(10.0, rel=1e-12)
    rng = np.random.default_rng(1)
    q, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    rotated = q @ a @ q.T
    for _ in range(5):
        theta = rng.standard_normal(3)
        assert probe_along_gradient(quadratic(rotated), theta, [0.01, 0.1, 0.5]).beta <= 10.0 * (1 + 1e-12)


def test_probe_losses_and_gradient_changes_match_the_closed_form():
    a = np.array([[3.0, 1.0], [1.0, 2.0]])
    theta, etas = np.array([1.0, -2.0]), np.array([0.05, 0.2, 0.4])
    pr = probe_along_gradient(quadratic(a), theta, etas)
    g = a @ theta
    for eta, loss, change in zip(etas, pr.loss, pr.grad_change, strict=True):
        step = theta - eta * g
        assert loss == pytest.approx(0.5 * step @ a @ step, rel=1e-12)
        assert change == pytest.approx(eta * np.linalg.norm(a @ g), rel=1e-12)   # ∇ changes by −ηAg


def test_a_step_whose_loss_overflows_is_nan_not_a_crash():
    def f(th):
        return (float("inf"), th) if th[0] < -1 else (float(th @ th), 2 * th)
    pr = probe_along_gradient(f, np.array([1.0]), [0.1, 2.0])
    assert np.isfinite(pr.loss[0]) and np.isnan(pr.loss[1]) and np.isfinite(pr.beta)


# --- noisy BN ---------------------------------------------------------------------------------------

def test_noise_draws_lie_in_the_stated_ranges_and_strength_zero_is_the_identity():
    rng = np.random.default_rng(0)
    (c, m), = draw_noise(rng, (10_000,), 1.5)
    assert c.min() >= 1.0 and c.max() < 2.5 and m.min() >= -1.5 and m.max() < 1.5
    assert abs(m.mean()) < 0.05 and abs(c.mean() - 1.75) < 0.05
    (c0, m0), = draw_noise(rng, (7,), 0.0)
    assert np.all(c0 == 1) and np.all(m0 == 0)
    with pytest.raises(ValueError):
        draw_noise(rng, (3,), -1.0)


@pytest.mark.parametrize("place", ["before", "after"])
def test_noisy_bn_gradients_pass_a_centred_difference_check(place):
    cfg = NetConfig((5, 6, 4, 3), activation="tanh", bn=place, seed=3)
    p = init_params(cfg)
    x, y = batch()
    noise = draw_noise(np.random.default_rng(4), (6, 4), 0.8)
    f = loss_grad(cfg, p, x, y, noise)
    theta = flat(p) + np.random.default_rng(5).normal(0, 0.1, flat(p).shape)
    _, g = f(theta)
    h = 1e-6
    idx = np.random.default_rng(6).choice(theta.size, 25, replace=False)
    for i in idx:
        e = np.zeros_like(theta)
        e[i] = h
        num = (f(theta + e)[0] - f(theta - e)[0]) / (2 * h)
        assert abs(num - g[i]) <= 1e-7 * max(1.0, abs(num) + abs(g[i])), i


def test_noisy_bn_shifts_and_scales_each_unit_by_its_draw():
    cfg = NetConfig((5, 4, 3), bn="before", seed=1)
    p = init_params(cfg)
    x, _ = batch()
    plain = forward(cfg, p, x, training=True, track=False).act_in[0]
    c, m = np.array([1.0, 2.0, 1.5, 1.2]), np.array([0.5, -1.0, 0.0, 0.3])
    noisy = forward(cfg, p, x, training=True, track=False, noise=[(c, m)]).act_in[0]
    np.testing.assert_allclose(noisy, plain * c + m, rtol=1e-12)
    np.testing.assert_allclose(noisy.mean(axis=0), m, atol=1e-9)            # BN's mean 0 moved to m
    np.testing.assert_allclose(noisy.std(axis=0), c, rtol=1e-4)             # and its std 1 to c


def test_noise_strength_zero_trains_exactly_like_bn_and_the_batch_order_does_not_depend_on_noise():
    rng = np.random.default_rng(0)
    ds = split("t", rng.standard_normal((300, 4)), rng.integers(0, 3, 300), val_share=0.2, seed=0)
    base = TrainConfig(NetConfig((4, 8, 8, 3), bn="before"), lr=0.3, batch_size=20, steps=40, record_every=10)
    plain, zero = train(base, ds), train(dataclasses.replace(base, noise=0.0), ds)
    np.testing.assert_array_equal(plain.val_loss, zero.val_loss)
    noisy = train(dataclasses.replace(base, noise=1.0), ds)
    assert not np.array_equal(noisy.val_loss, plain.val_loss)
    assert percentile_moves(noisy) > percentile_moves(plain)


def percentile_moves(h) -> float:
    return float(np.abs(np.diff(h.percentiles, axis=0)).mean())


# --- internal covariate shift ------------------------------------------------------------------------

@pytest.mark.parametrize("place", ["none", "before"])
def test_ics_is_zero_when_the_earlier_layers_are_frozen(place):
    cfg = NetConfig((5, 6, 6, 3), bn=place, seed=2)
    x, y = batch()
    m = internal_covariate_shift(cfg, init_params(cfg), x, y, lr=0.0)
    assert m.l2.shape == (2,) and np.all(m.l2 == 0) and np.allclose(m.cos, 1.0, atol=1e-12)
    moved = internal_covariate_shift(cfg, init_params(cfg), x, y, lr=0.5)
    assert np.all(moved.l2 > 0) and np.all(moved.cos < 1)


def test_ics_of_the_second_layer_matches_a_hand_made_update_of_the_first():
    cfg = NetConfig((5, 6, 3), bn="before", seed=7)
    p = init_params(cfg)
    x, y = batch()
    lr = 0.4
    g = gradients(cfg, p, x, y)
    q = dataclasses.replace(p, w=[p.w[0] - lr * g.w[0], p.w[1]], b=[p.b[0] - lr * g.b[0], p.b[1]],
                            gamma=[p.gamma[0] - lr * g.gamma[0]], beta=[p.beta[0] - lr * g.beta[0]])
    tr = forward(cfg, q, x, training=True, track=False)
    after = backward(cfg, q, tr, loss_and_grad(cfg, tr.out, y)[1]).w[1]
    m = internal_covariate_shift(cfg, p, x, y, lr)
    assert m.l2[0] == pytest.approx(np.linalg.norm(g.w[1] - after), rel=1e-12)
    assert m.cos[0] == pytest.approx(np.sum(g.w[1] * after) / np.linalg.norm(g.w[1]) / np.linalg.norm(after), rel=1e-12)


def test_flat_and_with_flat_round_trip_and_leave_the_original_alone():
    cfg = NetConfig((5, 6, 6, 3), bn="before", seed=2)
    p = init_params(cfg)
    theta = flat(p)
    q = with_flat(p, theta * 2)
    np.testing.assert_array_equal(flat(q), theta * 2)
    np.testing.assert_array_equal(flat(p), theta)
    assert theta.size == sum(a.size for a in (*p.w, *p.b, *p.gamma, *p.beta))


# --- scale invariance ---------------------------------------------------------------------------------

@pytest.mark.parametrize("c", [0.1, 3.0, 1e3])
def test_scaling_the_weights_into_bn_changes_nothing_but_the_gradient_to_machine_precision(c):
    cfg = NetConfig((5, 8, 8, 3), bn="before", eps=0.0, seed=4)
    x, y = batch()
    r = scale_check(cfg, init_params(cfg), x, y, 0, c)
    assert r.loss_scaled == pytest.approx(r.loss, rel=1e-13)
    assert r.out_diff < 1e-12
    assert r.grad_norm_scaled * c == pytest.approx(r.grad_norm, rel=1e-12)
    assert abs(r.cos_grad_w) < 1e-12


def test_without_bn_scaling_the_weights_changes_the_output():
    cfg = NetConfig((5, 8, 8, 3), bn="none", seed=4)
    x, y = batch()
    r = scale_check(cfg, init_params(cfg), x, y, 0, 3.0)
    assert r.out_diff > 1e-3 and abs(r.loss_scaled - r.loss) > 1e-4


def test_the_effective_learning_rate_is_lr_over_the_squared_norm():
    np.testing.assert_allclose(effective_lr(0.5, np.array([1.0, 2.0, 10.0])), [0.5, 0.125, 0.005])


def test_weight_decay_shrinks_the_weights_into_bn_that_grow_without_it():
    rng = np.random.default_rng(0)
    ds = split("t", rng.standard_normal((400, 6)), rng.integers(0, 3, 400), val_share=0.2, seed=0)
    base = TrainConfig(NetConfig((6, 16, 16, 3), bn="before"), lr=0.5, batch_size=20, steps=200, record_every=50)
    free, decayed = train(base, ds), train(dataclasses.replace(base, weight_decay=1e-2), ds)
    assert free.w_norm[-1, 0] > free.w_norm[0, 0]                 # orthogonal steps only lengthen W
    assert decayed.w_norm[-1, 0] < free.w_norm[-1, 0]


# --- probes inside training --------------------------------------------------------------------------

def test_probes_are_recorded_at_every_record_after_step_0_and_do_not_change_the_run():
    rng = np.random.default_rng(0)
    ds = split("t", rng.standard_normal((300, 4)), rng.integers(0, 3, 300), val_share=0.2, seed=0)
    base = TrainConfig(NetConfig((4, 8, 8, 3), bn="before", dtype="float32"), lr=0.3, batch_size=20, steps=40,
                       record_every=10)
    plain, probed = train(base, ds), train(dataclasses.replace(base, probes=(0.5, 1.0, 2.0)), ds)
    np.testing.assert_array_equal(plain.val_loss, probed.val_loss)
    pr = probed.probes
    np.testing.assert_array_equal(pr.steps, plain.steps[1:])
    assert pr.loss.shape == (4, 3) and pr.ics_l2.shape == (4, 2) and pr.beta.shape == (4,)
    np.testing.assert_allclose(pr.etas, [0.15, 0.3, 0.6])
    assert plain.probes is None


# --- depth and evidence --------------------------------------------------------------------------------

def test_without_bn_relu_spread_grows_geometrically_with_a_large_init_and_bn_holds_it():
    x = np.random.default_rng(0).standard_normal((256, 10))
    sizes = (10, *([64] * 10), 3)
    none = preactivation_spread(NetConfig(sizes, activation="relu", init_scale=2.0), x)
    bn = preactivation_spread(NetConfig(sizes, activation="relu", init_scale=2.0, bn="before"), x)
    assert none[-1] / none[0] > 10                       # ≈ √2 per layer over 9 layers: ≈ 22
    assert bn[1:].max() / bn[1:].min() < 1.3


def test_compare_and_typical():
    assert compare(1.0, 3.0) == "lower" and compare(3.0, 1.0) == "higher" and compare(1.0, 1.4) == "similar"
    assert compare(float("nan"), 1.0) == "unknown" and compare(0.0, 1.0) == "unknown"
    assert typical([1.0, float("nan"), 3.0, 2.0]) == 2.0 and np.isnan(typical([float("nan")]))


@pytest.mark.parametrize(("acc", "drift", "trains", "stability"), [
    ({"none": 0.8, "before": 0.95, "noisy": 0.94}, {"none": 1.0, "before": 0.5, "noisy": 2.0}, "close", "less"),
    ({"none": 0.8, "before": 0.95, "noisy": 0.88}, {"none": 1.0, "before": 0.5, "noisy": 0.6}, "between", "similar"),
    ({"none": 0.8, "before": 0.95, "noisy": 0.7}, {"none": 1.0, "before": 0.5, "noisy": 0.2}, "worse", "more"),
])
def test_noisy_verdicts(acc, drift, trains, stability):
    v = noisy_verdict(acc, drift, {k: False for k in acc})
    assert (v.trains, v.stability) == (trains, stability)
    assert noisy_verdict(acc, drift, {"none": False, "before": True, "noisy": False}).trains == "unknown"
