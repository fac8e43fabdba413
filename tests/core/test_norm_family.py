"""GroupNorm (with LayerNorm and InstanceNorm as its ends), RMSNorm and Batch Renorm: formulas written
out here, PyTorch's semantics, and gradient checks (centred differences, float64, rel. error < 1e-7)."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import GroupNorm
from bn_core.gradcheck import centred_difference, relative_error
from bn_core.network import NetConfig, backward, forward, init_params, loss_and_grad
from bn_core.norm_family import (
    batch_renorm_backward,
    batch_renorm_forward,
    cell_report,
    normalize,
    renorm_corrections,
    rms_norm,
    rms_norm_backward,
    shared_cells,
    statistics_count,
)
from bn_core.running import RunningStats

RNG = np.random.default_rng(7)
X = RNG.normal(3.0, 2.0, (4, 6, 3, 2))


@pytest.mark.parametrize("groups", [1, 2, 3, 6])
def test_groupnorm_normalizes_each_sample_and_group_over_its_channels_and_positions(groups):
    gn = GroupNorm(groups, 6, eps=1e-5)
    y = gn.forward(X)
    per = 6 // groups
    for n in range(4):
        for g in range(groups):
            block = X[n, g * per:(g + 1) * per]
            expected = (block - block.mean()) / np.sqrt(block.var() + 1e-5)
            np.testing.assert_allclose(y[n, g * per:(g + 1) * per], expected, rtol=1e-12, atol=1e-12)


def test_groupnorm_takes_any_trailing_shape_and_a_batch_of_one_and_keeps_the_dtype():
    for shape in [(1, 4), (2, 4), (1, 4, 5), (3, 4, 2, 2, 2)]:
        x = RNG.normal(size=shape).astype(np.float32)
        y = GroupNorm(2, 4).forward(x)
        assert y.shape == shape and y.dtype == np.float32 and np.all(np.isfinite(y))


def test_groupnorm_refuses_a_group_count_that_does_not_divide_the_channels():
    with pytest.raises(ValueError, match="divisible"):
        GroupNorm(4, 6)


def test_gamma_and_beta_are_per_channel_and_settable():
    gn = GroupNorm(3, 6)
    gn.gamma, gn.beta = np.arange(1.0, 7.0), np.full(6, 0.5)
    plain = GroupNorm(3, 6).forward(X)
    np.testing.assert_allclose(gn.forward(X), plain * np.arange(1.0, 7.0)[None, :, None, None] + 0.5, rtol=1e-12)


def loss_grads(layer_forward, params: list[np.ndarray], dy: np.ndarray) -> list[np.ndarray]:
    return [centred_difference(lambda: float(np.sum(dy * layer_forward())), p) for p in params]


@pytest.mark.parametrize(("groups", "shape"), [(1, (5, 6)), (2, (5, 6)), (3, (5, 6)), (1, (3, 6, 2, 2)),
                                                (2, (3, 6, 2, 2)), (3, (3, 6, 2, 2)), (6, (3, 6, 2, 2))])
def test_groupnorm_gradient_check(groups, shape):
    """(G = C on a vector has one value per group: x̂ and dx are 0, checked below.)"""
    x = RNG.normal(1.0, 2.0, shape)
    dy = RNG.normal(size=shape)
    gn = GroupNorm(groups, 6)
    gn.gamma, gn.beta = RNG.normal(1, 0.3, 6), RNG.normal(0, 0.3, 6)
    gn.forward(x)
    dx = gn.backward(dy)
    num_dx, num_g, num_b = loss_grads(lambda: gn.forward(x), [x, gn.gamma, gn.beta], dy)
    assert relative_error(dx, num_dx) < 1e-7
    assert relative_error(gn.dgamma, num_g) < 1e-7 and relative_error(gn.dbeta, num_b) < 1e-7


def test_instance_norm_of_a_vector_has_one_value_per_statistic_so_nothing_passes_through():
    gn = GroupNorm(6, 6)
    assert np.all(gn.forward(RNG.normal(size=(5, 6))) == 0)
    assert np.all(gn.backward(np.ones((5, 6))) == 0)


def test_rmsnorm_scales_by_the_root_mean_square_without_centring_and_checks_its_gradients():
    x = RNG.normal(2.0, 1.0, (3, 4, 2))
    gamma = RNG.normal(1, 0.3, 4)
    y, cache = rms_norm(x, gamma, eps=1e-6)
    rms = np.sqrt((x.reshape(3, -1) ** 2).mean(axis=1) + 1e-6)
    np.testing.assert_allclose(y, x / rms[:, None, None] * gamma[None, :, None], rtol=1e-12)
    dy = RNG.normal(size=x.shape)
    dx, dgamma = rms_norm_backward(dy, cache)
    num_dx, num_g = loss_grads(lambda: rms_norm(x, gamma, 1e-6)[0], [x, gamma], dy)
    assert relative_error(dx, num_dx) < 1e-7 and relative_error(dgamma, num_g) < 1e-7


def test_batch_renorm_corrections_are_clipped_and_it_is_bn_when_they_are_neutral():
    x = RNG.normal(4.0, 3.0, (8, 3))
    stats = RunningStats(np.array([4.0, 0.0, 100.0]), np.array([9.0, 1.0, 0.01]), 10)
    sigma_b = np.sqrt(x.var(axis=0) + 1e-5)
    r, d = renorm_corrections(x.mean(axis=0), sigma_b, stats, 1e-5, 3.0, 5.0)
    assert np.all((r >= 1 / 3) & (r <= 3)) and np.all(np.abs(d) <= 5) and d[2] == -5.0 and r[2] == 3.0
    y, _, new = batch_renorm_forward(x, np.ones(3), np.zeros(3), stats, training=True, r=np.ones(3), d=np.zeros(3))
    np.testing.assert_allclose(y, (x - x.mean(axis=0)) / sigma_b, rtol=1e-12)
    np.testing.assert_allclose(new.mean, 0.9 * stats.mean + 0.1 * x.mean(axis=0))


def test_batch_renorm_gradient_check_with_r_and_d_held_constant():
    x = RNG.normal(2.0, 1.5, (6, 3))
    gamma, beta = RNG.normal(1, 0.3, 3), RNG.normal(0, 0.3, 3)
    stats = RunningStats(np.array([1.0, 2.0, 3.0]), np.array([2.0, 0.5, 1.0]), 5)
    _, cache, _ = batch_renorm_forward(x, gamma, beta, stats, training=True)
    r, d = cache.r.copy(), cache.d.copy()
    assert not np.allclose(r, 1)                           # the corrections are really at work
    dy = RNG.normal(size=x.shape)
    dx, dgamma, dbeta = batch_renorm_backward(dy, cache)
    f = lambda: batch_renorm_forward(x, gamma, beta, stats, training=True, r=r, d=d)[0]  # noqa: E731
    num_dx, num_g, num_b = loss_grads(f, [x, gamma, beta], dy)
    for a, b in ((dx, num_dx), (dgamma, num_g), (dbeta, num_b)):
        assert relative_error(a, b) < 1e-7


@pytest.mark.parametrize("norm", ["gn", "ln"])
def test_a_network_with_each_norm_gets_its_gradients_right(norm):
    """(Batch Renorm's gradient treats r and d as constants, which the loss does not: it is checked on
    the layer with r and d held, above, and trained below.)"""
    cfg = NetConfig((3, 8, 8, 2), activation="tanh", bn="before", norm=norm, groups=2, seed=3)
    p = init_params(cfg)
    x, y = RNG.normal(size=(6, 3)), np.array([0, 1, 1, 0, 1, 0])

    def loss():
        stats = list(p.stats)
        out = forward(cfg, p, x, training=True).out
        p.stats[:] = stats                                 # every evaluation from the same running stats
        return loss_and_grad(cfg, out, y)[0]

    stats = list(p.stats)
    tr = forward(cfg, p, x, training=True)
    p.stats[:] = stats
    g = backward(cfg, p, tr, loss_and_grad(cfg, tr.out, y)[1])
    assert relative_error(g.w[0], centred_difference(loss, p.w[0])) < 1e-7
    assert relative_error(g.gamma[1], centred_difference(loss, p.gamma[1])) < 1e-7


@pytest.mark.parametrize("method", ["bn", "ln", "in", "gn"])
def test_the_shared_cells_are_the_ones_each_method_averages(method):
    cell = (1, 3, 2, 0)
    mask = shared_cells(method, X.shape, cell, groups=3)
    report = cell_report(X, method, cell, groups=3)
    assert report.count == mask.sum() == statistics_count(method, X.shape, 3)[1]
    assert report.mean == pytest.approx(X[mask].mean())
    y = normalize(X, method, groups=3)
    assert y[cell] == pytest.approx(report.x_hat, rel=1e-9)
    # BN: N·H·W; LN: C·H·W; IN: H·W; GN with 3 groups of 2 channels: 2·H·W
    assert report.count == {"bn": 4 * 3 * 2, "ln": 6 * 3 * 2, "in": 3 * 2, "gn": 2 * 3 * 2}[method]


def test_batchmates_matter_only_for_bn():
    sample = X[:1]
    others = [np.concatenate([sample, RNG.normal(3.0, 2.0, (3, 6, 3, 2))]) for _ in range(3)]
    for method in ("ln", "in", "gn", "rms"):
        outs = [normalize(b, method, groups=3)[0] for b in others]
        assert all(np.allclose(outs[0], o, rtol=1e-12) for o in outs)
        np.testing.assert_allclose(normalize(sample, method, groups=3)[0], outs[0], rtol=1e-12)
    bn = [normalize(b, "bn")[0] for b in others]
    assert not np.allclose(bn[0], bn[1])
    with pytest.raises(ValueError):
        normalize(np.zeros((1, 6, 1, 1)), "bn")
