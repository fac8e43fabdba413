"""Running (moving-average) statistics of a BN layer: state, not learned."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conventions import PYTORCH, Convention


@dataclass(frozen=True)
class RunningStats:
    """running_mean, running_var of shape (D,) float64, and how many batches updated them."""

    mean: np.ndarray
    var: np.ndarray
    num_batches_tracked: int = 0

    @classmethod
    def initial(cls, num_features: int) -> RunningStats:
        """Both frameworks start at mean 0, variance 1."""
        return cls(np.zeros(num_features), np.ones(num_features), 0)


def ema_weight(momentum: float | None, num_batches_tracked: int, convention: Convention) -> float:
    """Weight of the new batch in the update; momentum=None gives the cumulative average 1/n."""
    if momentum is None:
        return 1.0 / num_batches_tracked
    return convention.new_batch_weight(momentum)


def update_running(
    stats: RunningStats,
    mu: np.ndarray,
    var: np.ndarray,
    m: int,
    *,
    momentum: float | None = 0.1,
    convention: Convention = PYTORCH,
) -> RunningStats:
    """One EMA step with the batch mean mu and biased batch variance var (both (D,)), m values each.

    running = (1 - w) * running + w * batch, with w from `ema_weight`; the variance fed in is
    unbiased (var * m / (m - 1)) in the PyTorch convention and biased in the Keras one.
    """
    n = stats.num_batches_tracked + 1
    w = ema_weight(momentum, n, convention)
    batch_var = var * (m / (m - 1)) if convention.unbiased_running_var else var
    return RunningStats(
        mean=(1.0 - w) * stats.mean + w * mu,
        var=(1.0 - w) * stats.var + w * batch_var,
        num_batches_tracked=n,
    )
