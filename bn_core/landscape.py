"""The loss landscape along the gradient (Santurkar et al. 2018, §3.2): from weights θ with gradient
g = ∇L(θ), step to θ − η g for a range of step sizes η and measure

- the loss L(θ − η g) at each step (its range: how much the loss varies along the way),
- gradient predictiveness: ‖∇L(θ − η g) − g‖, how far the gradient there is from the one that chose
  the direction (small: the gradient predicts the gradient a step away),
- effective β-smoothness: max over η of ‖∇L(θ − η g) − g‖ / ‖η g‖, the largest change of the
  gradient per unit distance moved (for a quadratic ½ θᵀAθ it is at most A's largest eigenvalue,
  and equal to it when g is an eigenvector of that eigenvalue).

Shapes: θ and g are flat (P,) float64 vectors; `loss_grad(θ) -> (loss, grad (P,))`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LossGrad = Callable[[np.ndarray], tuple[float, np.ndarray]]


@dataclass(frozen=True)
class GradientProbe:
    """etas (K,), the loss (K,) and ‖∇L − g‖ (K,) at θ − η g, and the effective β-smoothness."""

    etas: np.ndarray
    loss: np.ndarray
    grad_change: np.ndarray
    beta: float


def probe_along_gradient(loss_grad: LossGrad, theta: np.ndarray, etas, g: np.ndarray | None = None) -> GradientProbe:
    """Step from θ along −g (g = ∇L(θ) unless given) by each η in etas (> 0) and measure (module doc).
    A step whose loss or gradient is not finite gives NaN in its place; β is taken over the finite ones
    (NaN when none is)."""
    etas = np.asarray(etas, dtype=np.float64)
    if g is None:
        g = loss_grad(theta)[1]
    g_norm = float(np.linalg.norm(g))
    loss, change = np.full(len(etas), np.nan), np.full(len(etas), np.nan)
    with np.errstate(over="ignore", invalid="ignore"):
        for k, eta in enumerate(etas):
            value, grad = loss_grad(theta - eta * g)
            if np.isfinite(value) and np.all(np.isfinite(grad)):
                loss[k], change[k] = value, float(np.linalg.norm(grad - g))
    ratio = change / (etas * g_norm) if g_norm > 0 else np.full(len(etas), np.nan)
    beta = float(np.nanmax(ratio)) if np.any(np.isfinite(ratio)) else float("nan")
    return GradientProbe(etas, loss, change, beta)
