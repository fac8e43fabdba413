"""The NumPy network: whole-network gradient checks, overfitting, determinism, BN's effect."""

import warnings

import numpy as np
import pytest

from bn_core.datasets import spirals, split, two_moons
from bn_core.gradcheck import centred_difference, relative_error
from bn_core.network import NetConfig, backward, forward, init_params, loss_and_grad
from bn_core.training import TrainConfig, evaluate, train


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("bn", ["none", "before", "after"])
@pytest.mark.parametrize("loss", ["xent", "mse"])
def test_whole_network_gradient_check(activation, bn, loss):
    rng = np.random.default_rng(0)
    cfg = NetConfig((5, 7, 6, 3), activation=activation, bn=bn, loss=loss, seed=1)
    p = init_params(cfg)
    x = rng.normal(size=(10, 5))
    y = rng.integers(0, 3, 10) if loss == "xent" else rng.normal(size=(10, 3))
    if bn != "none":
        p.gamma = [rng.uniform(0.5, 1.5, g.shape) for g in p.gamma]
        p.beta = [rng.normal(size=b.shape) for b in p.beta]

    def f() -> float:
        return loss_and_grad(cfg, forward(cfg, p, x, training=True).out, y)[0]

    tr = forward(cfg, p, x, training=True)
    g = backward(cfg, p, tr, loss_and_grad(cfg, tr.out, y)[1])
    pairs = [pair for a, b in ((p.w, g.w), (p.b, g.b), (p.gamma, g.gamma), (p.beta, g.beta))
             for pair in zip(a, b, strict=True)]
    # a bias right before BN has an exactly-zero gradient (BN subtracts the mean), so errors are
    # measured on the scale of the whole network's gradient, not of that zero
    floor = 1e-3 * float(np.sqrt(sum(np.sum(gr**2) for _, gr in pairs)))
    for param, grad in pairs:
        assert relative_error(grad, centred_difference(f, param, 1e-5), floor=floor) < 1e-6
    if bn == "before":
        assert all(np.max(np.abs(gb)) < 1e-12 for gb in g.b[:-1])


def test_network_overfits_twenty_examples():
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(20, 8)), rng.integers(0, 4, 20)
    data = split("tiny", np.vstack([x, x]), np.concatenate([y, y]), val_share=0.5, seed=0)
    cfg = TrainConfig(NetConfig((8, 64, 64, 4), activation="tanh", bn="before", seed=3), lr=0.3,
                      momentum=0.9, batch_size=20, steps=400, record_every=50)
    hist = train(cfg, data)
    assert hist.train_loss[-1] < 0.01


def test_same_seed_same_history():
    x, y = two_moons(400, 0.1, np.random.default_rng(0))
    data = split("moons", x, y, val_share=0.25, seed=0)
    cfg = TrainConfig(NetConfig((2, 16, 16, 2), activation="relu", bn="after"), lr=0.1, steps=60, record_every=10)
    a, b = train(cfg, data), train(cfg, data)
    for field in ("train_loss", "val_loss", "percentiles", "hist", "grad_norm"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))


def digits():
    from sklearn.datasets import load_digits

    d = load_digits()
    return split("digits", d.data, d.target, val_share=0.2, seed=0)


def test_bn_reaches_a_training_loss_in_fewer_steps_on_the_paper_preset():
    data = digits()
    target = 0.3

    def steps_to(bn: str) -> int:
        cfg = TrainConfig(NetConfig((64, 100, 100, 100, 10), activation="sigmoid", bn=bn, seed=0), lr=0.5,
                          batch_size=60, steps=600, record_every=10, seed=0)
        h = train(cfg, data)
        below = np.nonzero(h.train_loss < target)[0]
        return int(h.steps[below[0]]) if len(below) else 10**9

    assert steps_to("before") < steps_to("none")


def test_evaluation_does_not_depend_on_batch_composition():
    x, y = spirals(300, 0.05, np.random.default_rng(1))
    data = split("spirals", x, y, val_share=0.3, seed=1)
    cfg = NetConfig((2, 32, 32, 3), activation="tanh", bn="before")
    hist_cfg = TrainConfig(cfg, lr=0.1, steps=50)
    p = init_params(cfg)
    for _ in range(5):  # give the running statistics something to hold
        forward(cfg, p, data.x_train[:64], training=True)
    alone = forward(cfg, p, data.x_val[:1], training=False).out
    crowd = forward(cfg, p, np.vstack([data.x_val[:1], data.x_train * 10]), training=False).out[:1]
    np.testing.assert_allclose(alone, crowd, rtol=1e-12, atol=1e-12)  # equal up to BLAS rounding
    in_training = forward(cfg, p, np.vstack([data.x_val[:1], data.x_train * 10]), training=True).out[:1]
    assert np.max(np.abs(in_training - alone)) > 1e-3  # whereas a training-mode batch changes it
    assert evaluate(cfg, p, data.x_val, data.y_val)[1] >= 0.0
    assert train(hist_cfg, data).val_acc.shape == (6,)  # step 0 and every 10 steps


def test_a_diverging_run_stops_and_says_so():
    x, y = two_moons(200, 0.1, np.random.default_rng(0))
    data = split("moons", x, y, val_share=0.25, seed=0)
    cfg = TrainConfig(NetConfig((2, 16, 2), activation="tanh"), lr=1e3, steps=200, record_every=10)
    hist = train(cfg, data)
    assert hist.diverged and len(hist.steps) < 20
    assert np.all(np.isfinite(hist.train_loss))


def test_histogram_matches_numpy_inside_the_range():
    from bn_core.training import HIST_BINS, histogram

    u = np.random.default_rng(4).normal(0, 2, size=(300, 7))
    expected = np.histogram(np.clip(u, HIST_BINS[0], HIST_BINS[-1] - 1e-9), HIST_BINS)[0] / u.size
    np.testing.assert_allclose(histogram(u), expected)
    assert histogram(u).sum() == pytest.approx(1.0)


def test_the_shipped_digits_equal_load_digits():
    from sklearn.datasets import load_digits

    from ui.digits import digits

    x, y = digits()
    d = load_digits()
    np.testing.assert_array_equal(x, d.data)
    np.testing.assert_array_equal(y, d.target)


@pytest.mark.parametrize("bn", ["none", "before"])
def test_the_first_record_scores_the_validation_set_and_reads_the_probe_rows(bn):
    """Step 0 is the untrained network: its record equals evaluate() on the whole validation set,
    and its percentiles and histograms come from the probe (the first probe_size rows) alone, each BN
    layer normalizing it with the probe's own batch mean and biased variance (written out here), as
    the training forward pass does, not with the initial running statistics 0 and 1."""
    from bn_core.training import histogram

    x, y = spirals(300, 0.04, np.random.default_rng(5))
    data = split("spirals", x, y, val_share=0.4, seed=1)
    cfg = TrainConfig(NetConfig((2, 12, 9, 3), activation="tanh", bn=bn, seed=4), lr=0.1, steps=20,
                      record_every=10, probe_size=50)
    hist = train(cfg, data)
    p = init_params(cfg.net)
    loss, acc = evaluate(cfg.net, p, data.x_val, data.y_val)
    assert (hist.val_loss[0], hist.val_acc[0]) == (pytest.approx(loss, rel=1e-12), pytest.approx(acc))
    a, act_in = data.x_val[:50], []
    for w, b in zip(p.w[:-1], p.b[:-1], strict=True):
        u = a @ w + b
        if bn == "before":
            u = (u - u.mean(axis=0)) / np.sqrt(u.var(axis=0) + cfg.net.eps)
        act_in.append(u)
        a = np.tanh(u)
    np.testing.assert_allclose(hist.percentiles[0], np.percentile(act_in[-1][:, 0], [15, 50, 85]), rtol=1e-10)
    np.testing.assert_allclose(hist.hist[0], [histogram(u) for u in act_in])
    assert len(data.x_val) > 50


def test_measuring_the_probe_leaves_the_running_statistics_alone():
    """forward(training=True, track=False) normalizes with batch statistics but does not update the
    running statistics (the probe must not become a training batch of the EMA)."""
    cfg = NetConfig((3, 5, 2), bn="before", seed=1)
    p = init_params(cfg)
    x = np.random.default_rng(0).normal(4.0, 2.0, (20, 3))
    before = (p.stats[0].mean.copy(), p.stats[0].var.copy())
    u = forward(cfg, p, x, training=True, track=False).act_in[0]
    np.testing.assert_allclose(u.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_array_equal(p.stats[0].mean, before[0])
    np.testing.assert_array_equal(p.stats[0].var, before[1])
    forward(cfg, p, x, training=True)
    assert not np.array_equal(p.stats[0].mean, before[0])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_a_run_that_overflows_reports_divergence_without_numpy_warnings(dtype):
    from ui.digits import digits as load

    x, y = load()
    data = split("digits", x, y, val_share=0.2, seed=0)
    cfg = TrainConfig(NetConfig((64, *(256,) * 6, 10), activation="relu", init_scale=8.0, loss="mse", dtype=dtype),
                      lr=10.0, batch_size=8, steps=50, record_every=5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hist = train(cfg, data)
    assert hist.diverged and np.all(np.isfinite(hist.train_loss))
