"""Reshape between a BN input and the (m, D) "rows" view the statistics are taken over.

(N, D)       -> rows (N, D):          one statistic per feature over the N samples.
(N, C, H, W) -> rows (N*H*W, C):      one statistic per channel over every sample and pixel.
"""

from __future__ import annotations

import numpy as np


def to_rows(x: np.ndarray) -> np.ndarray:
    """Return the (m, D) view of x of shape (N, D) or (N, C, H, W)."""
    if x.ndim == 2:
        return x
    n, c, h, w = x.shape
    return x.transpose(0, 2, 3, 1).reshape(n * h * w, c)


def from_rows(rows: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Inverse of `to_rows`: put (m, D) rows back into `shape`."""
    if len(shape) == 2:
        return rows
    n, c, h, w = shape
    return rows.reshape(n, h, w, c).transpose(0, 3, 1, 2)


def num_features_of(shape: tuple[int, ...]) -> int:
    """D for (N, D), C for (N, C, H, W)."""
    return shape[1]


def values_per_feature(shape: tuple[int, ...]) -> int:
    """m: how many values each feature's statistics are taken over (N, or N*H*W)."""
    if len(shape) == 2:
        return shape[0]
    n, _, h, w = shape
    return n * h * w
