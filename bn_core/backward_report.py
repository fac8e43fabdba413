"""Everything the backward-pass panel shows, computed from one batch and one upstream gradient."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .batchnorm import batchnorm_backward, batchnorm_forward
from .gradcheck import bn_gradient_check
from .running import RunningStats
from .staged import staged_backward, staged_forward

UPSTREAM_KINDS = ("random", "ones", "cell")


@dataclass(frozen=True)
class BackwardReport:
    """dy, dx (N, D); dgamma, dbeta, sum_dx, sum_dx_xhat, eps_term (D,); checks.

    Σ_i dx_i = 0 exactly. Σ_i dx_i·x̂_i = γ·dγ·ε / (σ² + ε)^(3/2): zero when ε = 0, and with ε > 0
    a small remainder because Σ x̂² = m·σ²/(σ² + ε) is slightly less than m. eps_term is that value.
    """

    dy: np.ndarray
    dx: np.ndarray
    dgamma: np.ndarray
    dbeta: np.ndarray
    sum_dx: np.ndarray
    sum_dx_xhat: np.ndarray
    eps_term: np.ndarray
    check: dict[str, float]
    staged_max_diff: float


def upstream_gradient(kind: str, shape: tuple[int, int], *, cell: tuple[int, int] = (0, 0),
                      rng: np.random.Generator) -> np.ndarray:
    """dy = dL/dy for L = sum(w * y) with w random ("random"), all ones ("ones"), or one-hot at
    `cell` ("cell", i.e. L = y[i, j])."""
    if kind == "random":
        return rng.standard_normal(shape)
    if kind == "ones":
        return np.ones(shape)
    if kind == "cell":
        dy = np.zeros(shape)
        dy[cell] = 1.0
        return dy
    raise ValueError(f"Unknown upstream gradient {kind!r}: choose one of {UPSTREAM_KINDS}.")


def backward_report(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, dy: np.ndarray,
                    *, eps: float) -> BackwardReport:
    """Backward of a training-mode BN on x (N, D) in float64, with its checks."""
    x = np.asarray(x, np.float64)
    _, cache, _ = batchnorm_forward(x, gamma, beta, RunningStats.initial(x.shape[1]),
                                    training=True, eps=eps)
    dx, dgamma, dbeta = batchnorm_backward(dy, cache)
    staged = staged_backward(dy, staged_forward(x, gamma, beta, eps))
    diff = max(float(np.max(np.abs(staged.dx - dx))), float(np.max(np.abs(staged.dgamma - dgamma))),
               float(np.max(np.abs(staged.dbeta - dbeta))))
    return BackwardReport(
        dy=dy, dx=dx, dgamma=dgamma, dbeta=dbeta,
        sum_dx=dx.sum(axis=0), sum_dx_xhat=(dx * cache.x_hat).sum(axis=0),
        eps_term=gamma * dgamma * eps / (cache.var + eps) ** 1.5,
        check=bn_gradient_check(x, gamma, beta, dy, eps=eps), staged_max_diff=diff,
    )
