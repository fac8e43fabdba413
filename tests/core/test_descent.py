"""Chapter 2's core: the quadratic, gradient descent against closed-form iterates, stability at 2/λmax."""

import math

import numpy as np
import pytest

from bn_core.descent import (
    conditioning,
    fit_quadratic,
    gradient_descent,
    gradient_parts,
    measured_steps,
    regression_targets,
    stable,
    steps_to_tolerance,
)
from bn_core.features import FeatureSpec, make_features, standardize


@pytest.fixture
def problem():
    x = make_features(FeatureSpec(n=300, x2_scale=4e-4, seed=1))
    y = regression_targets(x, np.random.default_rng(0))
    return x, y, fit_quadratic(x, y), conditioning(x)


def test_quadratic_matches_the_mean_squared_error(problem):
    x, y, q, _ = problem
    w = np.array([[0.3, -0.2], [1.0, 2.0]])
    direct = np.mean((w @ x.T - y) ** 2, axis=1)
    np.testing.assert_allclose(q.loss(w), direct, rtol=1e-10)
    np.testing.assert_allclose(q.grad(w[0]), 2 * x.T @ (x @ w[0] - y) / len(y), rtol=1e-8)


def test_plain_descent_equals_the_closed_form_iterates(problem):
    _, _, q, cond = problem
    lr, w0 = 0.5 * cond.lr_max, q.w_star + np.array([0.2, -0.1])
    path = gradient_descent(q, w0, lr=lr, steps=25)
    m = np.eye(2) - lr * 2 * q.a
    for k in (0, 1, 7, 25):
        np.testing.assert_allclose(path.w[k], q.w_star + np.linalg.matrix_power(m, k) @ (w0 - q.w_star), rtol=1e-9)


def test_momentum_descent_equals_the_closed_form_iterates(problem):
    """Heavy ball as a linear system on (w - w*, v): [e; v]_{k+1} = T [e; v]_k."""
    _, _, q, cond = problem
    lr, mu, w0 = 0.3 * cond.lr_max, 0.8, q.w_star + np.array([-0.3, 0.2])
    h = 2 * q.a
    t = np.block([[np.eye(2) - lr * h, mu * np.eye(2)], [-lr * h, mu * np.eye(2)]])
    path = gradient_descent(q, w0, lr=lr, momentum=mu, steps=30)
    state = np.concatenate([w0 - q.w_star, np.zeros(2)])
    for k in range(1, 31):
        state = t @ state
        np.testing.assert_allclose(path.w[k], q.w_star + state[:2], rtol=1e-8, atol=1e-12)


def test_just_below_two_over_lambda_max_converges_and_just_above_diverges(problem):
    _, _, q, cond = problem
    w0 = q.w_star + np.array([0.1, 0.1])
    assert stable(cond, 0.99 * cond.lr_max)
    assert math.isfinite(measured_steps(q, w0, lr=0.99 * cond.lr_max, momentum=0.0, max_steps=200_000))
    assert not stable(cond, 1.01 * cond.lr_max)
    assert math.isinf(measured_steps(q, w0, lr=1.01 * cond.lr_max, momentum=0.0))
    path = gradient_descent(q, w0, lr=3 * cond.lr_max, steps=500)
    assert path.diverged and np.all(np.isfinite(path.w)) and np.all(np.isfinite(path.loss))


def test_momentum_widens_the_stable_range(problem):
    _, _, _, cond = problem
    assert stable(cond, 1.5 * cond.lr_max, momentum=0.9)
    assert not stable(cond, 1.5 * cond.lr_max, momentum=0.0)


def test_predicted_steps_match_the_measured_ones_for_plain_descent(problem):
    _, _, q, cond = problem
    lr = 0.9 * cond.lr_max
    w0 = q.w_star + 0.5 * cond.eigenvectors[:, 0] + 0.5 * cond.eigenvectors[:, 1]
    predicted = steps_to_tolerance(cond, lr)
    measured = measured_steps(q, w0, lr=lr, momentum=0.0, max_steps=200_000)
    assert abs(predicted - measured) <= 0.05 * predicted + 2


def test_standardizing_shrinks_kappa_and_steps(problem):
    x, _, _, cond_raw = problem
    cond_std = conditioning(standardize(x).z)
    assert cond_raw.kappa > 50 * cond_std.kappa
    raw_steps = steps_to_tolerance(cond_raw, 0.9 * cond_raw.lr_max)
    assert raw_steps > 20 * steps_to_tolerance(cond_std, 0.9 * cond_std.lr_max)
    assert cond_std.contraction == pytest.approx((cond_std.kappa - 1) / (cond_std.kappa + 1))


def test_classic_full_ranges_are_computed_exactly():
    x = make_features(FeatureSpec(n=200))
    cond = conditioning(x)
    assert cond.kappa > 1e8
    assert math.isfinite(steps_to_tolerance(cond, 0.9 * cond.lr_max))


def test_gradient_parts_add_up_to_the_gradient(problem):
    _, _, q, cond = problem
    w = q.w_star + np.array([0.3, -0.4])
    gentle, steep = gradient_parts(q, cond, w)
    np.testing.assert_allclose(gentle + steep, q.grad(w), rtol=1e-10, atol=1e-14)
    assert np.linalg.norm(steep) > np.linalg.norm(gentle)


def _steps_one_at_a_time(q, w0, lr, momentum, tol=1e-3, max_steps=20_000):
    """The definition of measured_steps, one heavy-ball step at a time (the oracle)."""
    w, v = np.array(w0, dtype=float), np.zeros(2)
    start = float(np.linalg.norm(w - q.w_star)) or 1.0
    for k in range(1, max_steps + 1):
        v = momentum * v - lr * q.grad(w)
        w = w + v
        err = float(np.linalg.norm(w - q.w_star))
        if not math.isfinite(err) or err > 1e6 * start:
            return math.inf
        if err <= tol * start:
            return float(k)
    return math.inf


@pytest.mark.parametrize("seed", range(6))
def test_measured_steps_match_a_run_one_step_at_a_time(seed):
    """Block products give the same count as stepping, for stable, slow, oscillating and diverging
    runs (lr up to 1.3 × 2/λmax, momentum 0 to 0.95), including runs that reach max_steps."""
    rng = np.random.default_rng(seed)
    x = make_features(FeatureSpec(n=120, x2_scale=float(10 ** rng.uniform(-4, 0)), corr=float(rng.uniform(-0.9, 0.9)),
                                  seed=seed))
    y = regression_targets(x, rng)
    for design in (x, standardize(x).z):
        q, cond = fit_quadratic(design, y), conditioning(design)
        for _ in range(8):
            w0 = q.w_star + rng.uniform(-1, 1, 2) * np.sqrt(np.abs(q.w_star) + 1)
            lr, momentum = float(rng.uniform(0.05, 1.3)) * cond.lr_max, float(rng.choice([0, 0.5, 0.9, 0.95]))
            assert measured_steps(q, w0, lr=lr, momentum=momentum, max_steps=20_000) == \
                _steps_one_at_a_time(q, w0, lr, momentum), (lr / cond.lr_max, momentum)


def test_measured_steps_from_the_minimum_and_with_a_small_budget(problem):
    _, _, q, cond = problem
    assert measured_steps(q, q.w_star, lr=0.5 * cond.lr_max, momentum=0.0) == 1.0
    w0 = q.w_star + np.array([0.1, 0.1])
    slow = _steps_one_at_a_time(q, w0, 0.5 * cond.lr_max, 0.0, max_steps=200_000)
    assert math.isfinite(slow) and slow > 300          # the ill-conditioned side needs many steps
    assert measured_steps(q, w0, lr=0.5 * cond.lr_max, momentum=0.0, max_steps=int(slow)) == slow
    assert math.isinf(measured_steps(q, w0, lr=0.5 * cond.lr_max, momentum=0.0, max_steps=int(slow) - 1))
