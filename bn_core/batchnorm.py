"""Batch Normalization forward and backward, cs231n style: forward -> (y, cache), backward(dy, cache).

Shapes: x is (N, D) or (N, C, H, W); statistics are per feature / channel over m = N or N*H*W
values; gamma, beta, mu, var are (D,). Statistics are accumulated in float64 with a corrected
two-pass variance (never E[x^2] - E[x]^2); y and dx come back in x's dtype.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conventions import PYTORCH, Convention
from .layout import from_rows, to_rows
from .running import RunningStats, update_running
from .validation import as_batch, check_training_size


@dataclass(frozen=True)
class BNCache:
    """What backward needs: x_hat as (m, D) rows in x's dtype, and (D,) float64 vectors."""

    x_hat: np.ndarray
    gamma: np.ndarray
    mu: np.ndarray
    var: np.ndarray
    inv_std: np.ndarray
    eps: float
    shape: tuple[int, ...]
    training: bool


def center(rows: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """rows - mu in rows' dtype, without losing mu's float64 digits. Returns a new array.

    mu rounded to the working dtype is subtracted first (that difference is nearly exact), then
    the small rounding residual mu - round(mu) is removed: a float32 batch at offset 1e4 keeps
    float64-grade centring instead of an error of half an ulp of 1e4.
    """
    mu_w = mu.astype(rows.dtype)
    xc = rows - mu_w
    xc -= (mu - mu_w.astype(np.float64)).astype(rows.dtype)
    return xc


def batch_stats(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-column mean and biased variance of (m, D) rows, in float64, plus the centred rows.

    Corrected two-pass: var = mean(xc^2) - mean(xc)^2 with xc = rows - mu. Because mu is
    accumulated in float64, mean(xc) is only a rounding-level correction (so the working dtype is
    enough for it), never the catastrophic cancellation of E[x^2] - E[x]^2.
    """
    m = rows.shape[0]
    mu = rows.mean(axis=0, dtype=np.float64)
    xc = center(rows, mu)
    drift = xc.mean(axis=0).astype(np.float64)
    var = np.einsum("ij,ij->j", xc, xc, dtype=np.float64) / m - drift**2
    return mu, np.maximum(var, 0.0), xc


def batchnorm_forward(
    x,
    gamma,
    beta,
    stats: RunningStats,
    *,
    training: bool,
    momentum: float | None = 0.1,
    eps: float = 1e-5,
    convention: Convention = PYTORCH,
) -> tuple[np.ndarray, BNCache, RunningStats]:
    """Batch-normalize x of shape (N, D) or (N, C, H, W), per feature/channel.

    Training normalizes with the batch mean and biased batch variance and returns updated running
    statistics (see `update_running` for the convention); inference uses `stats` unchanged.
    gamma, beta: (D,) float64. Returns (y, cache, new_stats).
    """
    x = as_batch(x, np.shape(gamma)[0])
    rows = to_rows(x)
    if training:
        check_training_size(rows.shape[0], x.shape)
        mu, var, xc = batch_stats(rows)
        new_stats = update_running(
            stats, mu, var, rows.shape[0], momentum=momentum, convention=convention
        )
    else:
        mu, var, new_stats = stats.mean, stats.var, stats
        xc = center(rows, mu)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc
    x_hat *= inv_std.astype(x.dtype)  # xc is our own temporary: normalize it in place
    y = x_hat * gamma.astype(x.dtype)
    y += beta.astype(x.dtype)
    cache = BNCache(x_hat, gamma, mu, var, inv_std, eps, x.shape, training)
    return from_rows(y, x.shape), cache, new_stats


def batchnorm_backward(dy, cache: BNCache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) for the upstream gradient dy (same shape as y).

    dbeta = sum dy, dgamma = sum dy * x_hat, and in training
    dx = gamma / (m * sqrt(var + eps)) * (m * dy - dbeta - x_hat * dgamma);
    in inference the statistics are constants, so dx = dy * gamma / sqrt(var + eps).
    """
    dy = np.asarray(dy)
    if dy.shape != cache.shape:
        raise ValueError(f"dy must have the output's shape {cache.shape}, got {dy.shape}.")
    dt = cache.x_hat.dtype
    d = to_rows(dy.astype(dt, copy=False))
    dbeta = d.sum(axis=0, dtype=np.float64)
    dgamma = np.einsum("ij,ij->j", d, cache.x_hat, dtype=np.float64)
    scale = cache.gamma * cache.inv_std
    if cache.training:
        m = d.shape[0]
        dx = d * dt.type(m)                      # in-place steps: one temporary instead of four
        dx -= dbeta.astype(dt)
        dx -= cache.x_hat * dgamma.astype(dt)
        dx *= (scale / m).astype(dt)
    else:
        dx = d * scale.astype(dt)
    return from_rows(dx, cache.shape), dgamma, dbeta
