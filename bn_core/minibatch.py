"""Synthetic mini-batches for teaching: each feature has its own mean and spread.

The draw is made once for the largest batch (256 x 8) and sliced, so growing N only adds rows
and adding a feature leaves the others unchanged: the learner sees the same numbers stay put.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_N, MAX_D = 256, 8


@dataclass(frozen=True)
class MiniBatchSpec:
    """Batch size n (2..256), features d (1..8), seed of the draw."""

    n: int = 32
    d: int = 3
    seed: int = 0


@dataclass(frozen=True)
class ImageBatchSpec:
    """An image batch (N, C, H, W) for the shapes panel."""

    n: int = 4
    c: int = 3
    h: int = 5
    w: int = 5
    seed: int = 0


def feature_scales(rng: np.random.Generator, d: int = MAX_D) -> tuple[np.ndarray, np.ndarray]:
    """Per-feature means in [-6, 12] and standard deviations log-uniform in [0.4, 5], shape (d,)."""
    means = rng.uniform(-6.0, 12.0, size=d)
    stds = np.exp(rng.uniform(np.log(0.4), np.log(5.0), size=d))
    return means, stds


def make_minibatch(spec: MiniBatchSpec) -> np.ndarray:
    """x of shape (n, d), float64: x[:, j] ~ Normal(mean_j, std_j^2)."""
    if not (1 <= spec.n <= MAX_N and 1 <= spec.d <= MAX_D):
        raise ValueError(f"Batch size must be 1..{MAX_N} and features 1..{MAX_D}, got {spec}.")
    rng = np.random.default_rng(spec.seed)
    means, stds = feature_scales(rng)
    z = rng.standard_normal((MAX_N, MAX_D))
    return (means + stds * z)[: spec.n, : spec.d]


def make_image_batch(spec: ImageBatchSpec) -> np.ndarray:
    """x of shape (n, c, h, w), float64, channel k with its own mean and spread."""
    rng = np.random.default_rng(spec.seed)
    means, stds = feature_scales(rng, spec.c)
    z = rng.standard_normal((spec.n, spec.c, spec.h, spec.w))
    return means[None, :, None, None] + stds[None, :, None, None] * z
