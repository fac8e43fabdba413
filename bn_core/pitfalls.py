"""The classic BN slips, each demonstrated with numbers computed on the learner's own stream."""

from __future__ import annotations

import numpy as np

from .ema import run_ema
from .layer import BatchNorm
from .stream import StreamSpec, batch_stream


def variance_pitfall(spec: StreamSpec, momentum: float) -> dict[str, float]:
    """Unbiased (PyTorch) vs biased (Keras) running variance with the same EMA weight."""
    xs = batch_stream(spec)
    unbiased = run_ema(xs, convention="pytorch", momentum=momentum).running_var[-1]
    biased = run_ema(xs, convention="keras", momentum=1.0 - momentum).running_var[-1]
    m = spec.batch_size
    return {"unbiased": unbiased, "biased": biased, "ratio": unbiased / biased, "m_ratio": m / (m - 1)}


def momentum_pitfall(spec: StreamSpec) -> dict[str, float]:
    """PyTorch with momentum 0.9 (a Keras habit) vs 0.1: how much the running mean jitters over the
    second half of the stream (its standard deviation across steps)."""
    xs = batch_stream(spec)
    half = spec.steps // 2
    right = run_ema(xs, momentum=0.1).running_mean[half + 1:]
    wrong = run_ema(xs, momentum=0.9).running_mean[half + 1:]
    return {"right": float(np.std(right)), "wrong": float(np.std(wrong))}


def eps_pitfall(spec: StreamSpec, eps: float, scale: float = 1e-3) -> dict[str, float]:
    """ε inside the square root vs added to σ, on the last batch shrunk by `scale` (a near-constant
    feature, where ε matters). Returns the largest |difference| of the outputs."""
    x = batch_stream(spec)[-1] * scale
    mu, sigma = x.mean(), x.std()
    right = (x - mu) / np.sqrt(sigma**2 + eps)
    wrong = (x - mu) / (sigma + eps)
    return {"sigma": float(sigma), "max_diff": float(np.max(np.abs(right - wrong))),
            "right_std": float(right.std()), "wrong_std": float(wrong.std())}


def swap_pitfall(spec: StreamSpec, gamma: float, beta: float) -> dict[str, float]:
    """y = γ·x̂ + β vs the slip y = β·x̂ + γ on the last batch: mean and std of each output."""
    x = batch_stream(spec)[-1][:, None]
    bn = BatchNorm(1)
    x_hat = bn.forward(x, training=True)
    right, wrong = gamma * x_hat + beta, beta * x_hat + gamma
    return {"right_mean": float(right.mean()), "right_std": float(right.std()),
            "wrong_mean": float(wrong.mean()), "wrong_std": float(wrong.std())}


def eval_pitfall(spec: StreamSpec) -> dict[str, float]:
    """Two real samples normalized in training mode come out as about −1 and +1, whatever they are."""
    x1, x2 = batch_stream(spec)[-1][:2]
    y = BatchNorm(1).forward(np.array([[x1], [x2]]), training=True)[:, 0]
    return {"x1": float(x1), "x2": float(x2), "y1": float(y[0]), "y2": float(y[1])}
