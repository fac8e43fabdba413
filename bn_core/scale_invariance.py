"""Scale invariance of the weights that feed a BN layer (van Laarhoven 2017; Hoffer et al. 2018).

With BN right after z = a W + b, scaling W by c > 0 scales z − μ_B by c and σ_B by c, so the
normalized output, the loss and everything after it are unchanged (exactly when ε = 0; up to
ε/σ² otherwise). Differentiating L(cW) = L(W) gives ∇L(cW) = ∇L(W) / c, and since L does not
change along W, ⟨∇L(W), W⟩ = 0: the gradient is orthogonal to W. A step of SGD then moves W by a
share lr · ‖∇L‖ / ‖W‖ of its length, with ‖∇L‖ itself ∝ 1/‖W‖: the effective learning rate is
lr / ‖W‖². Without weight decay ‖W‖ only grows (orthogonal steps lengthen it), so the effective
rate falls; weight decay shrinks ‖W‖ and keeps it up: it acts as a learning-rate schedule.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from .net_probes import gradients
from .network import NetConfig, Params, forward, loss_and_grad


@dataclass(frozen=True)
class ScaleCheck:
    """The network with W_layer and with c·W_layer on one batch (training mode): both losses, the
    largest output difference, ‖∇W‖ at W and at cW, and cos(∇W, W) at W."""

    c: float
    loss: float
    loss_scaled: float
    out_diff: float
    grad_norm: float
    grad_norm_scaled: float
    cos_grad_w: float


def scaled(p: Params, layer: int, c: float) -> Params:
    """A copy of p with W_layer multiplied by c (everything else shared)."""
    q = copy.copy(p)
    q.w = [w * c if j == layer else w for j, w in enumerate(p.w)]
    return q


def _loss_out(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    out = forward(cfg, p, x, training=True, track=False).out
    return loss_and_grad(cfg, out, y)[0], out


def scale_check(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray, layer: int, c: float) -> ScaleCheck:
    """Compare W_layer with c·W_layer on batch (x, y). Invariance needs BN right after layer `layer`
    (bn == "before" and layer < the last); elsewhere the numbers show its absence."""
    if not c > 0:
        raise ValueError(f"the scale c must be > 0, got {c!r}")
    q = scaled(p, layer, c)
    loss, out = _loss_out(cfg, p, x, y)
    loss_c, out_c = _loss_out(cfg, q, x, y)
    gw = np.asarray(gradients(cfg, p, x, y).w[layer], dtype=np.float64)
    gw_c = np.asarray(gradients(cfg, q, x, y).w[layer], dtype=np.float64)
    w = np.asarray(p.w[layer], dtype=np.float64)
    cos = float(np.sum(gw * w) / (np.linalg.norm(gw) * np.linalg.norm(w))) if np.any(gw) else float("nan")
    return ScaleCheck(float(c), float(loss), float(loss_c), float(np.max(np.abs(out_c - out))),
                      float(np.linalg.norm(gw)), float(np.linalg.norm(gw_c)), cos)


def effective_lr(lr: float, w_norm: np.ndarray) -> np.ndarray:
    """lr / ‖W‖² per recorded ‖W‖ (the step a scale-invariant W takes relative to its own size)."""
    w_norm = np.asarray(w_norm, dtype=np.float64)
    return lr / w_norm**2
