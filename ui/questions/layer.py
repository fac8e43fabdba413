"""Chapters 3 and 4: inside the BN layer, and its running statistics."""

from __future__ import annotations

import dataclasses

import numpy as np

import bn_core
from bn_core import checkpoints, ema
from bn_core.stream import batch_stream

from ..cache import LayerConfig, minibatch
from ..checkpoint import Reveal, ask
from ..i18n import Translator
from ..running_cache import RunningConfig

GAMMA, BETA = 2.0, 3.0
MOMENTA = (0.01, 0.1)    # PyTorch momenta the lag question compares
ASKED_DRIFT = 0.02       # the drift the lag question uses when the page's population stands still
STILL = 0.005


def _forward(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> bn_core.FiveSteps:
    return bn_core.five_steps(x, gamma, beta, bn_core.RunningStats.initial(x.shape[1]), eps=eps)


def affine(cfg: LayerConfig, t: Translator) -> None:
    """Chapter 3: the mean and spread a feature leaves the layer with, at γ = 2 and β = 3."""
    def solve() -> Reveal:
        x = minibatch(cfg.spec)
        d = cfg.spec.d
        gamma, beta = np.ones(d), np.zeros(d)
        gamma[0], beta[0] = GAMMA, BETA
        run = _forward(x, gamma, beta, cfg.eps)
        v = checkpoints.affine_moments(x[:, 0], run.y[:, 0], GAMMA, BETA)
        return Reveal(v, {k: f"{val:.4g}" for k, val in v.numbers.items()}, {"bn_g1": GAMMA, "bn_b1": BETA})
    ask("bn_layer", "affine", t, solve, gamma=f"{GAMMA:g}", beta=f"{BETA:g}")


def pair(cfg: LayerConfig, t: Translator) -> None:
    """Chapter 3: x̂ in a batch of two samples."""
    def solve() -> Reveal:
        x = minibatch(dataclasses.replace(cfg.spec, n=2))
        run = _forward(x, np.ones(x.shape[1]), np.zeros(x.shape[1]), cfg.eps)
        v = checkpoints.pair_batch(run.x_hat[:, 0])
        return Reveal(v, {"a": f"{v.numbers['a']:.6f}", "b": f"{v.numbers['b']:.6f}", "eps": f"{cfg.eps:g}",
                          "x1": f"{x[0, 0]:.4g}", "x2": f"{x[1, 0]:.4g}"}, {"bn_n": 2})
    ask("bn_layer", "pair", t, solve)


def lag(cfg: RunningConfig, t: Translator) -> None:
    """Chapter 4: which PyTorch momentum's running mean lags further behind a drifting mean."""
    spec = cfg.stream
    drift = spec.drift if abs(spec.drift) >= STILL else ASKED_DRIFT

    def solve() -> Reveal:
        xs = batch_stream(dataclasses.replace(spec, drift=drift))
        running = {m: ema.run_ema(xs, convention="pytorch", momentum=m).running_mean for m in MOMENTA}
        v = checkpoints.momentum_lag(running, checkpoints.lag_target(spec.mean, drift, spec.steps))
        n = v.numbers
        halves = [f"{ema.half_life(m):.3g}" for m in MOMENTA]
        return Reveal(v, {"lag_small": f"{n['lag_small']:.3g}", "lag_large": f"{n['lag_large']:.3g}",
                          "half_small": halves[0], "half_large": halves[1]},
                      {"rs_drift": drift, "rs_conv": "pytorch", "rs_mom": MOMENTA[0]})
    ask("running_stats", "lag", t, solve, small=f"{MOMENTA[0]:g}", large=f"{MOMENTA[1]:g}", drift=f"{drift:g}")


def single(cfg: RunningConfig, t: Translator) -> None:
    """Chapter 4: one sample through BN with batch statistics (training mode at inference)."""
    def solve() -> Reveal:
        x = float(batch_stream(cfg.stream)[0, 0])
        v = checkpoints.single_sample(x, cfg.eps)
        return Reveal(v, {"x": f"{x:.4g}", "y": f"{v.numbers['y']:g}", "eps": f"{cfg.eps:g}"})
    ask("running_stats", "single", t, solve)
