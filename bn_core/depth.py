"""How the spread of pre-activations grows or shrinks with depth in an untrained network."""

from __future__ import annotations

import numpy as np

from .network import NetConfig, forward, init_params


def preactivation_spread(cfg: NetConfig, x: np.ndarray) -> np.ndarray:
    """Standard deviation of z = a W + b (all units together) in every hidden layer, (L,), for the
    network cfg at its initial weights on the batch x (N, D_in), in training mode. Without BN each
    layer multiplies the spread by about init_scale · (the activation's gain); with BN before the
    activation every layer's input is renormalized, so the spread stays put."""
    with np.errstate(over="ignore", invalid="ignore"):
        tr = forward(cfg, init_params(cfg), x, training=True, track=False)
        return np.array([float(np.std(z.astype(np.float64))) for z in tr.pre])
