"""Numerical gradient checks with centred differences, (f(p + h) - f(p - h)) / 2h."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .batchnorm import batchnorm_backward, batchnorm_forward
from .layout import to_rows
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


def relative_error(a: np.ndarray, b: np.ndarray, *, floor: float = 0.0) -> float:
    """||a - b|| / max(||a|| + ||b||, floor); 0 when both are 0.

    `floor` is the size of the terms that cancelled to give a and b: when the true gradient is
    itself a tiny remainder (BN's dx for N = 2 is ~ε/σ² of γ·dy/σ), finite-difference round-off
    would otherwise dominate the ratio. Below ~1e-7 in float64 means "correct".
    """
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    denom = max(float(np.linalg.norm(a) + np.linalg.norm(b)), floor)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def bn_gradient_check(x, gamma, beta, dy, *, eps: float = 1e-5, h: float = 1e-5) -> dict[str, float]:
    """Relative errors of the analytic dx, dgamma, dbeta against centred differences.

    Loss L = sum(dy * y) with y = BN(x) in training mode, all in float64. Each gradient is compared
    on the scale of the terms that sum or cancel to give it (see `relative_error`): ||γ·dy/√(σ² + ε)||
    for dx, ||dy·x̂|| for dγ, ||dy|| for dβ — so an exactly-zero gradient (dy = 1 gives dx = dγ = 0)
    is not judged against round-off alone.
    Returns {"dx": err, "dgamma": err, "dbeta": err}.
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
    d = to_rows(dy)
    return {
        "dx": relative_error(dx, centred_difference(loss, x, h),
                             floor=float(np.linalg.norm(d * (gamma * cache.inv_std)))),
        "dgamma": relative_error(dgamma, centred_difference(loss, gamma, h),
                                 floor=float(np.linalg.norm(d * cache.x_hat))),
        "dbeta": relative_error(dbeta, centred_difference(loss, beta, h), floor=float(np.linalg.norm(d))),
    }
