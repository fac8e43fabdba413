"""The five steps of a BN layer in training, kept side by side for teaching.

1. x (N, D) arrives; 2. batch mean mu and biased variance var (D,); 3. x_hat = (x - mu)/sqrt(var + eps);
4. y = gamma * x_hat + beta; 5. the running statistics take one EMA step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .batchnorm import batchnorm_forward
from .conventions import PYTORCH, Convention
from .running import RunningStats


@dataclass(frozen=True)
class FiveSteps:
    """Every intermediate of one training forward pass on (N, D) data."""

    x: np.ndarray
    mu: np.ndarray
    var: np.ndarray
    x_hat: np.ndarray
    gamma: np.ndarray
    beta: np.ndarray
    y: np.ndarray
    eps: float
    before: RunningStats
    after: RunningStats

    @property
    def std(self) -> np.ndarray:
        """sqrt(var + eps), shape (D,): what x - mu is divided by."""
        return np.sqrt(self.var + self.eps)


def five_steps(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    before: RunningStats,
    *,
    momentum: float | None = 0.1,
    eps: float = 1e-5,
    convention: Convention = PYTORCH,
) -> FiveSteps:
    """Run one training forward pass on x (N, D) and keep every step."""
    y, cache, after = batchnorm_forward(
        x, gamma, beta, before, training=True, momentum=momentum, eps=eps, convention=convention
    )
    return FiveSteps(x, cache.mu, cache.var, cache.x_hat, gamma, beta, y, eps, before, after)


def identity_params(run: FiveSteps) -> tuple[np.ndarray, np.ndarray]:
    """gamma = sqrt(var + eps), beta = mu: the choice that makes y equal x ("undo BN")."""
    return run.std.copy(), run.mu.copy()


def state_counts(layer_widths: list[int]) -> dict[str, int]:
    """Numbers in a network's BN state: one gamma, beta, running mean, running var per feature."""
    features = int(sum(layer_widths))
    return {"layers": len(layer_widths), "learnable": 2 * features, "running": 2 * features}
