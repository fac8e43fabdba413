"""Activation functions and their derivatives, written in terms of the input z."""

from __future__ import annotations

import numpy as np

ACTIVATIONS = ("sigmoid", "tanh", "relu")


def forward(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free logistic
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    raise ValueError(f"Unknown activation {name!r}: choose one of {ACTIVATIONS}.")


def backward(name: str, z: np.ndarray, h: np.ndarray, dh: np.ndarray) -> np.ndarray:
    """dL/dz from dL/dh, given z and h = f(z)."""
    if name == "sigmoid":
        return dh * h * (1.0 - h)
    if name == "tanh":
        return dh * (1.0 - h * h)
    return dh * (z > 0)


def saturated_share(name: str, h: np.ndarray) -> float:
    """Share of units×samples in the flat part: sigmoid < 0.01 or > 0.99, |tanh| > 0.99, ReLU off."""
    if name == "sigmoid":
        return float(np.mean((h < 0.01) | (h > 0.99)))
    if name == "tanh":
        return float(np.mean(np.abs(h) > 0.99))
    return float(np.mean(np.all(h <= 0, axis=0)))  # dead units: off for every sample
