"""BN's relatives on one (N, C, H, W) tensor: which cells share a statistic, RMSNorm, Batch Renorm.

Shapes: x (N, C, H, W) for the family; (N, D) for Batch Renorm, as chapter 5's layers. The methods:
BN per channel over (N, H, W); LN per sample over (C, H, W); IN per sample and channel over (H, W);
GN per sample and group of C/G channels over (C/G, H, W); RMSNorm per sample over (C, H, W) without
centring. Only BN (and Batch Renorm) need running statistics at inference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .batchnorm import batchnorm_forward
from .groupnorm import GroupNorm
from .running import RunningStats

METHODS = ("bn", "ln", "in", "gn")


def groups_for(method: str, channels: int, groups: int) -> int:
    """The GroupNorm group count a method amounts to: LN 1, IN C, GN `groups` (BN is not a GroupNorm)."""
    return {"ln": 1, "in": channels, "gn": groups}[method]


def shared_cells(method: str, shape: tuple[int, int, int, int], cell: tuple[int, int, int, int],
                 groups: int = 1) -> np.ndarray:
    """Boolean (N, C, H, W) mask: the cells that share one mean and variance with `cell` (n, c, h, w)."""
    n, c, _, _ = cell
    mask = np.zeros(shape, dtype=bool)
    if method == "bn":
        mask[:, c] = True
    elif method == "in":
        mask[n, c] = True
    elif method in ("ln", "gn"):
        per = shape[1] // groups_for(method, shape[1], groups)
        first = c // per * per
        mask[n, first: first + per] = True
    else:
        raise ValueError(f"Unknown method {method!r}: choose one of {METHODS}.")
    return mask


@dataclass(frozen=True)
class CellReport:
    """One cell normalized by `method`: its value, its group's count, mean and variance, and x̂."""

    value: float
    count: int
    mean: float
    var: float
    x_hat: float


def cell_report(x: np.ndarray, method: str, cell: tuple[int, int, int, int], groups: int = 1,
                eps: float = 1e-5) -> CellReport:
    """The arithmetic of one cell's normalization: x̂ = (x − μ)/√(σ² + ε) over its shared cells."""
    vals = np.asarray(x, dtype=np.float64)[shared_cells(method, x.shape, cell, groups)]
    mu = float(vals.mean())
    var = float(((vals - mu) ** 2).mean())
    v = float(x[cell])
    return CellReport(v, vals.size, mu, var, (v - mu) / np.sqrt(var + eps))


def normalize(x: np.ndarray, method: str, groups: int = 1, eps: float = 1e-5) -> np.ndarray:
    """x (N, C, H, W) normalized by BN (training mode), LN, IN, GN or RMSNorm, with γ = 1, β = 0."""
    if method == "bn":
        c = x.shape[1]
        return batchnorm_forward(x, np.ones(c), np.zeros(c), RunningStats.initial(c), training=True, eps=eps)[0]
    if method == "rms":
        return rms_norm(x, np.ones(x.shape[1]), eps)[0]
    return GroupNorm(groups_for(method, x.shape[1], groups), x.shape[1], eps).forward(x)


def statistics_count(method: str, shape: tuple[int, ...], groups: int = 1) -> tuple[int, int]:
    """(how many statistics the method computes, how many values each one is taken over)."""
    n, c = shape[:2]
    positions = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    if method == "bn":
        return c, n * positions
    if method == "rms":
        return n, c * positions
    g = groups_for(method, c, groups)
    return n * g, c // g * positions


# --- RMSNorm (Zhang & Sennrich 2019): y = γ ⊙ x / √(mean(x²) + ε), per sample over (C, *) ---------

@dataclass(frozen=True)
class RMSCache:
    x: np.ndarray         # (N, K) float64
    inv_rms: np.ndarray   # (N, 1)
    gamma: np.ndarray
    shape: tuple[int, ...]


def rms_norm(x, gamma, eps: float = 1e-5) -> tuple[np.ndarray, RMSCache]:
    """x (N, C, *) scaled per sample by the root mean square of its C·(positions) values; no centring
    and no β. gamma per channel (C,). Returns (y, cache)."""
    x = np.asarray(x)
    rows = x.astype(np.float64).reshape(x.shape[0], -1)
    inv = 1.0 / np.sqrt((rows**2).mean(axis=1, keepdims=True) + eps)
    g = np.asarray(gamma, dtype=np.float64).reshape((1, -1) + (1,) * (x.ndim - 2))
    y = (rows * inv).reshape(x.shape) * g
    return y.astype(x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64), RMSCache(rows, inv, g, x.shape)


def rms_norm_backward(dy, cache: RMSCache) -> tuple[np.ndarray, np.ndarray]:
    """(dx, dgamma): with u = γ·dy per value and K values a row, dx = r·u − x·r³·Σ(u·x)/K, r = 1/rms."""
    dy = np.asarray(dy, dtype=np.float64)
    axes = (0, *range(2, dy.ndim))
    dgamma = (dy * (cache.x * cache.inv_rms).reshape(cache.shape)).sum(axis=axes)
    u = (dy * cache.gamma).reshape(cache.x.shape)
    k = u.shape[1]
    dx = u * cache.inv_rms - cache.x * cache.inv_rms**3 * (u * cache.x).sum(axis=1, keepdims=True) / k
    return dx.reshape(cache.shape), dgamma


# --- Batch Renormalization (Ioffe 2017) on (N, D) ----------------------------------------------------

@dataclass(frozen=True)
class RenormCache:
    x_norm: np.ndarray    # (x − μ_B)/σ_B, (N, D)
    r: np.ndarray
    d: np.ndarray
    sigma_b: np.ndarray
    gamma: np.ndarray


def renorm_corrections(mu_b, sigma_b, stats: RunningStats, eps: float, r_max: float, d_max: float):
    """r = clip(σ_B/σ, 1/r_max, r_max), d = clip((μ_B − μ)/σ, −d_max, d_max), σ = √(running var + ε)."""
    sigma = np.sqrt(stats.var + eps)
    return (np.clip(sigma_b / sigma, 1.0 / r_max, r_max), np.clip((mu_b - stats.mean) / sigma, -d_max, d_max))


def batch_renorm_forward(x, gamma, beta, stats: RunningStats, *, training: bool, momentum: float = 0.1,
                         eps: float = 1e-5, r_max: float = 3.0, d_max: float = 5.0, r=None, d=None):
    """Batch Renorm: in training x̂ = (x − μ_B)/σ_B · r + d, with r, d from the running statistics
    (or given, for a gradient check) and treated as constants in the gradient; y = γ ⊙ x̂ + β. The
    running mean and variance then take an EMA step (PyTorch weighting, biased batch variance: the
    paper's σ is a moving average of σ_B). With r = 1, d = 0 this is BN. Inference: the running
    statistics, as BN. Returns (y, cache or None, new stats)."""
    x = np.asarray(x, dtype=np.float64)
    gamma, beta = np.asarray(gamma, dtype=np.float64), np.asarray(beta, dtype=np.float64)
    if not training:
        return gamma * (x - stats.mean) / np.sqrt(stats.var + eps) + beta, None, stats
    if x.shape[0] < 2:
        raise ValueError("Batch Renorm in training needs at least 2 samples per feature, as BN does.")
    mu_b = x.mean(axis=0)
    var_b = ((x - mu_b) ** 2).mean(axis=0)
    sigma_b = np.sqrt(var_b + eps)
    if r is None or d is None:
        r, d = renorm_corrections(mu_b, sigma_b, stats, eps, r_max, d_max)
    x_norm = (x - mu_b) / sigma_b
    y = gamma * (x_norm * r + d) + beta
    new = RunningStats((1 - momentum) * stats.mean + momentum * mu_b, (1 - momentum) * stats.var + momentum * var_b,
                       stats.num_batches_tracked + 1)
    return y, RenormCache(x_norm, np.asarray(r, float), np.asarray(d, float), sigma_b, gamma), new


def batch_renorm_backward(dy, cache: RenormCache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(dx, dgamma, dbeta) with r and d held constant: BN's backward through x_norm, scaled by γ·r."""
    dy = np.asarray(dy, dtype=np.float64)
    m = dy.shape[0]
    dbeta = dy.sum(axis=0)
    dgamma = (dy * (cache.x_norm * cache.r + cache.d)).sum(axis=0)
    g = dy * cache.gamma * cache.r
    dx = (m * g - g.sum(axis=0) - cache.x_norm * (g * cache.x_norm).sum(axis=0)) / (m * cache.sigma_b)
    return dx, dgamma, dbeta
