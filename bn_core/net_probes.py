"""The network seen as a function of one flat parameter vector θ = (W, b, γ, β of every layer), on
one fixed batch in training mode (batch statistics, running statistics left alone, the step's BN
noise if any): what the landscape probes and the internal-covariate-shift measure step through."""

from __future__ import annotations

import copy

import numpy as np

from .network import Grads, NetConfig, Params, backward, forward, loss_and_grad

GROUPS = ("w", "b", "gamma", "beta")


def flat(p: Params | Grads) -> np.ndarray:
    """Every W, b, γ, β (in that order, layer by layer) in one float64 vector (P,)."""
    parts = [np.ravel(a) for name in GROUPS for a in getattr(p, name)]
    return np.concatenate(parts).astype(np.float64) if parts else np.zeros(0)


def with_flat(p: Params, theta: np.ndarray) -> Params:
    """A copy of p whose W, b, γ, β are read from θ (the layout of `flat`), in p's dtypes;
    running statistics shared with p (training-mode passes with track=False do not touch them)."""
    q = copy.copy(p)
    at = 0
    for name in GROUPS:
        arrays = []
        for a in getattr(p, name):
            arrays.append(theta[at: at + a.size].reshape(a.shape).astype(a.dtype))
            at += a.size
        setattr(q, name, arrays)
    return q


def loss_grad(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray, noise=None):
    """θ -> (mean loss on the batch, flat gradient (P,)), around the layout of p."""
    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        q = with_flat(p, theta)
        tr = forward(cfg, q, x, training=True, track=False, noise=noise)
        loss, dout = loss_and_grad(cfg, tr.out, y)
        return loss, flat(backward(cfg, q, tr, dout))
    return f


def gradients(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray, noise=None) -> Grads:
    """Every parameter's gradient on the batch, in training mode without touching the running statistics."""
    tr = forward(cfg, p, x, training=True, track=False, noise=noise)
    return backward(cfg, p, tr, loss_and_grad(cfg, tr.out, y)[1])
