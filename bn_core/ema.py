"""Running statistics over a stream of batches, recorded step by step with bn_core.BatchNorm.

The EMA weight w of the new batch: PyTorch w = momentum, Keras w = 1 - momentum, and
PyTorch momentum=None gives w_t = 1/t (a cumulative average). Averaging window ~ 1/w batches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .conventions import get_convention
from .layer import BatchNorm


@dataclass(frozen=True)
class EMATrace:
    """Per step t = 1..T: batch mean, biased and unbiased batch variance (T,);
    running mean and variance (T + 1,) including the initial values (0, 1) at index 0."""

    batch_mean: np.ndarray
    batch_var: np.ndarray
    batch_var_unbiased: np.ndarray
    running_mean: np.ndarray
    running_var: np.ndarray
    convention: str
    momentum: float | None
    eps: float


def run_ema(xs: np.ndarray, *, convention: str = "pytorch", momentum: float | None = 0.1,
            eps: float | None = None) -> EMATrace:
    """Train a 1-feature BatchNorm on each row of xs (steps, batch_size) and record its state."""
    bn = BatchNorm(1, convention=convention, momentum=momentum, eps=eps)
    means, vars_ = [bn.running_mean[0]], [bn.running_var[0]]
    for batch in xs:
        bn.forward(batch[:, None], training=True)
        means.append(bn.running_mean[0])
        vars_.append(bn.running_var[0])
    return EMATrace(
        batch_mean=xs.mean(axis=1), batch_var=xs.var(axis=1),
        batch_var_unbiased=xs.var(axis=1, ddof=1) if xs.shape[1] > 1 else np.full(len(xs), np.nan),
        running_mean=np.array(means), running_var=np.array(vars_),
        convention=convention, momentum=momentum, eps=bn.eps,
    )


def trained_layer(trace: EMATrace, step: int) -> BatchNorm:
    """A BatchNorm holding the running statistics of `trace` after `step` batches."""
    bn = BatchNorm(1, convention=trace.convention, momentum=trace.momentum, eps=trace.eps)
    bn.set_running_stats([trace.running_mean[step]], [trace.running_var[step]], step)
    return bn


def new_batch_weight(convention: str, momentum: float | None) -> float | None:
    """w for a fixed momentum; None for the cumulative average (whose w is 1/t)."""
    return None if momentum is None else get_convention(convention).new_batch_weight(momentum)


def averaging_window(w: float) -> float:
    """Roughly how many recent batches the EMA averages over: 1/w (inf when w = 0)."""
    return math.inf if w == 0 else 1.0 / w


def half_life(w: float) -> float:
    """Steps after which a batch's weight has halved: ln(1/2) / ln(1 - w)."""
    if w <= 0:
        return math.inf
    if w >= 1:
        return 0.0
    return math.log(0.5) / math.log(1.0 - w)


def equivalent_momentum(convention: str, momentum: float) -> tuple[str, float]:
    """The other framework's momentum with the same EMA: PyTorch m <-> Keras 1 - m."""
    other = "keras" if convention == "pytorch" else "pytorch"
    return other, 1.0 - momentum
