"""Small data sets for training: two moons and spirals (2-D, boundaries drawable), and a fixed
train/validation split for any (x, y) such as scikit-learn's 8×8 digits loaded by the UI."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Dataset:
    """x_* (N, D) float64 standardized with the training statistics, y_* (N,) class indices."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    n_classes: int


def two_moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    t = rng.uniform(0, np.pi, n)
    y = rng.integers(0, 2, n)
    x = np.where(y[:, None] == 0, np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)]))
    return x + noise * rng.standard_normal((n, 2)), y


def spirals(n: int, noise: float, rng: np.random.Generator, arms: int = 3) -> tuple[np.ndarray, np.ndarray]:
    y = rng.integers(0, arms, n)
    r = rng.uniform(0.05, 1.0, n)
    angle = 4.0 * r + 2 * np.pi * y / arms
    x = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    return x + noise * rng.standard_normal((n, 2)), y


def split(name: str, x: np.ndarray, y: np.ndarray, *, val_share: float, seed: int) -> Dataset:
    """Shuffle with the seed, hold out val_share, standardize both parts with the training
    statistics (the network's first layer then sees inputs on one scale, as in chapter 1)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(x))
    n_val = max(1, round(val_share * len(x)))
    val, train = order[:n_val], order[n_val:]
    mu, sd = x[train].mean(axis=0), x[train].std(axis=0)
    sd[sd == 0] = 1.0
    scale = lambda a: (a - mu) / sd  # noqa: E731
    return Dataset(name, scale(x[train]), y[train], scale(x[val]), y[val], int(y.max()) + 1)
