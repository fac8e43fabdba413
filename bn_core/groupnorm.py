"""Group Normalization (Wu & He 2018) with PyTorch `nn.GroupNorm` semantics, and what it contains:
LayerNorm is GroupNorm(1, C), InstanceNorm is GroupNorm(C, C).

Shapes: x is (N, C, *) with any trailing shape, (N, C) included. Each sample's channels are cut into
G groups of C/G channels; one mean and one (biased) variance per (sample, group), taken over its C/G
channels and every trailing position. gamma, beta are per channel (C,). No running statistics: a
sample is normalized by its own values alone, so batchmates never matter and N = 1 works.
Statistics in float64, two-pass; y comes back in x's dtype, dx in float64. NaN or inf in x propagate
(a diverging network reports them as its outcome), as in the functional BN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class GroupCache:
    """x_hat as (N, G, K) with K = C/G · (positions), and (N, G) float64 inverse std."""

    x_hat: np.ndarray
    inv_std: np.ndarray
    shape: tuple[int, ...]


def group_stats(x: np.ndarray, num_groups: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean (N, G), biased var (N, G), the groups as (N, G, K) float64) of x (N, C, *)."""
    n = x.shape[0]
    g = np.asarray(x, dtype=np.float64).reshape(n, num_groups, -1)
    mu = g.mean(axis=2)
    var = ((g - mu[..., None]) ** 2).mean(axis=2)
    return mu, var, g


class GroupNorm:
    """GroupNorm(num_groups, num_channels, eps=1e-5): forward(x) -> y, backward(dy) -> dx (sets
    dgamma, dbeta). gamma (ones) and beta (zeros) are settable (C,) attributes."""

    def __init__(self, num_groups: int, num_channels: int, eps: float = 1e-5) -> None:
        if num_groups < 1 or num_channels < 1:
            raise ValueError(f"GroupNorm needs at least one group and one channel, got {num_groups}, {num_channels}.")
        if num_channels % num_groups:
            raise ValueError(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups}): "
                             f"each group holds C/G channels.")
        self.num_groups, self.num_channels, self.eps = num_groups, num_channels, float(eps)
        self.gamma = np.ones(num_channels)
        self.beta = np.zeros(num_channels)
        self.dgamma = self.dbeta = None
        self._cache: GroupCache | None = None

    def _check(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x)
        if x.ndim < 2 or x.shape[1] != self.num_channels:
            raise ValueError(f"GroupNorm expects input of shape (N, {self.num_channels}, ...), got {x.shape}.")
        return x

    def _per_channel(self, v: np.ndarray, ndim: int) -> np.ndarray:
        return np.asarray(v, dtype=np.float64).reshape((1, -1) + (1,) * (ndim - 2))

    def forward(self, x) -> np.ndarray:
        x = self._check(x)
        mu, var, g = group_stats(x, self.num_groups)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        x_hat = (g - mu[..., None]) * inv_std[..., None]
        self._cache = GroupCache(x_hat, inv_std, x.shape)
        y = x_hat.reshape(x.shape) * self._per_channel(self.gamma, x.ndim) + self._per_channel(self.beta, x.ndim)
        dt = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
        return y.astype(dt, copy=False)

    def backward(self, dy) -> np.ndarray:
        """dx for the upstream gradient dy (the output's shape); sets dgamma = Σ dy·x̂ and dbeta = Σ dy
        over samples and positions. Per group of K values: dx = inv_std/K · (K·dx̂ − Σdx̂ − x̂·Σ dx̂·x̂)."""
        if self._cache is None:
            raise ValueError("Call forward before backward.")
        c = self._cache
        dy = np.asarray(dy, dtype=np.float64)
        if dy.shape != c.shape:
            raise ValueError(f"dy must have the output's shape {c.shape}, got {dy.shape}.")
        x_hat = c.x_hat.reshape(c.shape)
        axes = (0, *range(2, dy.ndim))
        self.dgamma, self.dbeta = (dy * x_hat).sum(axis=axes), dy.sum(axis=axes)
        dxh = (dy * self._per_channel(self.gamma, dy.ndim)).reshape(c.x_hat.shape)
        k = dxh.shape[2]
        dx = (k * dxh - dxh.sum(axis=2, keepdims=True)
              - c.x_hat * (dxh * c.x_hat).sum(axis=2, keepdims=True)) * (c.inv_std[..., None] / k)
        return dx.reshape(c.shape)


def layer_norm(num_channels: int, eps: float = 1e-5) -> GroupNorm:
    """LayerNorm over (C, *) per sample: GroupNorm with one group."""
    return GroupNorm(1, num_channels, eps)


def instance_norm(num_channels: int, eps: float = 1e-5) -> GroupNorm:
    """InstanceNorm (affine) over (*) per sample and channel: GroupNorm with one channel per group."""
    return GroupNorm(num_channels, num_channels, eps)
