"""Numerical gradient checks with centred differences, (f(p + h) - f(p - h)) / 2h."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .batchnorm import batchnorm_backward, batchnorm_forward
from .running import RunningStats


def centred_difference(f: Callable[[], float], p: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """d f / d p for a scalar f() that reads p in place; p is restored afterwards. Shape of p."""
    grad = np.zeros(p.shape, dtype=np.float64)
    flat, gflat = p.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = f()
        flat[i] = old - h
        f_minus = f()
        flat[i] = old
        gflat[i] = (f_plus - f_minus) / (2.0 * h)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """||a - b|| / (||a|| + ||b||), 0 when both are 0. Below ~1e-7 in float64 means "correct"."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def bn_gradient_check(x, gamma, beta, dy, *, eps: float = 1e-5, h: float = 1e-5) -> dict[str, float]:
    """Relative errors of the analytic dx, dgamma, dbeta against centred differences.

    Loss L = sum(dy * y) with y = BN(x) in training mode, all in float64. Returns
    {"dx": err, "dgamma": err, "dbeta": err}.
    """
    x = np.array(x, dtype=np.float64)
    gamma, beta = np.array(gamma, np.float64), np.array(beta, np.float64)
    dy = np.asarray(dy, np.float64)
    stats = RunningStats.initial(gamma.shape[0])

    def loss() -> float:
        y, _, _ = batchnorm_forward(x, gamma, beta, stats, training=True, eps=eps)
        return float(np.sum(y * dy))

    _, cache, _ = batchnorm_forward(x, gamma, beta, stats, training=True, eps=eps)
    dx, dgamma, dbeta = batchnorm_backward(dy, cache)
    return {
        "dx": relative_error(dx, centred_difference(loss, x, h)),
        "dgamma": relative_error(dgamma, centred_difference(loss, gamma, h)),
        "dbeta": relative_error(dbeta, centred_difference(loss, beta, h)),
    }
