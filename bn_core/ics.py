"""Internal covariate shift as Santurkar et al. (2018, §2.2) measure it. For weight layer i at a
training step, on the step's batch:

    G_i  = ∇_{W_i} L(W_1, …, W_k)                  (the gradient the step uses)
    G'_i = ∇_{W_i} L(W'_1, …, W'_{i−1}, W_i, …, W_k)  (after the layers before i took their step)

ICS_i = ‖G_i − G'_i‖ (ℓ2), and cos(G_i, G'_i). The update of the earlier layers is plain SGD,
W' = W − lr · ∇W (their b, γ, β alike): how much the layers before i move the ground under layer i
in one step. Layer 1 has no earlier layers, so only layers 2..k are measured.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from .net_probes import gradients
from .network import Grads, NetConfig, Params


@dataclass(frozen=True)
class ShiftMeasure:
    """Per weight layer 2..k (k − 1 values each): ‖G − G'‖, cos(G, G') and ‖G‖."""

    l2: np.ndarray
    cos: np.ndarray
    norm: np.ndarray


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(np.sum(a * b) / (na * nb)) if na > 0 and nb > 0 else float("nan")


def _stepped_before(p: Params, g: Grads, lr: float, layer: int) -> Params:
    """p with weight layers 0..layer−1 (and their hidden layers' γ, β) moved by one SGD step."""
    q = copy.copy(p)
    q.w = [w - lr * gw if j < layer else w for j, (w, gw) in enumerate(zip(p.w, g.w, strict=True))]
    q.b = [b - lr * gb if j < layer else b for j, (b, gb) in enumerate(zip(p.b, g.b, strict=True))]
    q.gamma = [v - lr * gv if j < layer else v for j, (v, gv) in enumerate(zip(p.gamma, g.gamma, strict=True))]
    q.beta = [v - lr * gv if j < layer else v for j, (v, gv) in enumerate(zip(p.beta, g.beta, strict=True))]
    return q


def internal_covariate_shift(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray, lr: float,
                             g: Grads | None = None, noise=None) -> ShiftMeasure:
    """The measure for every weight layer after the first, on batch (x, y); g: the gradients at p
    (computed when not given). lr = 0 (earlier layers frozen) gives ℓ2 = 0 and cosine 1."""
    g = gradients(cfg, p, x, y, noise) if g is None else g
    l2, cos, norm = [], [], []
    for layer in range(1, len(p.w)):
        after = gradients(cfg, _stepped_before(p, g, lr, layer), x, y, noise).w[layer]
        before = np.asarray(g.w[layer], dtype=np.float64)
        after = np.asarray(after, dtype=np.float64)
        l2.append(float(np.linalg.norm(before - after)))
        cos.append(_cosine(before, after))
        norm.append(float(np.linalg.norm(before)))
    return ShiftMeasure(np.array(l2), np.array(cos), np.array(norm))
