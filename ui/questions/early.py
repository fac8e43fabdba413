"""Chapters 1 and 2: standardizing features, and descent on the canyon and on the bowl."""

from __future__ import annotations

import dataclasses

import numpy as np

from bn_core import checkpoints
from bn_core.features import FeatureSpec, Standardized

from .. import features_cache
from ..checkpoint import Reveal, ask
from ..features_cache import SurfaceConfig
from ..i18n import Translator

STRONG_CORR = 0.3       # below this the question asks about ρ = ASKED_CORR instead of the page's ρ
ASKED_CORR = 0.8
ASKED_LR = 0.9          # the step-count question's learning rate when the page's is not stable (≥ 1)
LARGE_LR = 1.1


def moments(x: np.ndarray, std: Standardized, t: Translator) -> None:
    """Chapter 1: x2's mean and standard deviation after standardizing."""
    def solve() -> Reveal:
        v = checkpoints.standardized_moments(x[:, 1], std.z[:, 1])
        n = v.numbers
        return Reveal(v, {"n": f"{len(x):,}", "m0": f"{n['m0']:,.6g}", "s0": f"{n['s0']:,.6g}",
                          "m1": f"{n['m1']:.1e}", "s1": f"{n['s1']:.6f}"})
    ask("inputs", "moments", t, solve)


def correlation(spec: FeatureSpec, t: Translator) -> None:
    """Chapter 1: does standardizing each feature change their correlation?"""
    rho = spec.corr if abs(spec.corr) >= STRONG_CORR else ASKED_CORR

    def solve() -> Reveal:
        x, std = features_cache.data(dataclasses.replace(spec, corr=rho))
        v = checkpoints.correlation_kept(x, std.z)
        settings = {} if rho == spec.corr else {"d_corr": rho}
        return Reveal(v, {"before": f"{v.numbers['before']:.6f}", "after": f"{v.numbers['after']:.6f}"}, settings)
    ask("inputs", "corr", t, solve, rho=f"{rho:g}")


def canyon_steps(cfg: SurfaceConfig, ratio: float, t: Translator) -> None:
    """Chapter 2: how many more steps the canyon takes than the bowl, with plain gradient descent."""
    lr = cfg.lr_frac if cfg.lr_frac < 1 else ASKED_LR

    def solve() -> Reveal:
        s = features_cache.surfaces(dataclasses.replace(cfg, lr_frac=lr, momentum=0.0))
        v = checkpoints.canyon_steps(s["raw"].predicted, s["right"].predicted)
        n = v.numbers
        return Reveal(v, {"canyon": f"{n['canyon']:,.0f}", "bowl": f"{n['bowl']:,.0f}", "times": f"{n['ratio']:,.3g}",
                          "k_raw": f"{s['raw'].cond.kappa:,.3g}", "k_bowl": f"{s['right'].cond.kappa:,.3g}"},
                      {"ls_lr": lr, "ls_mom": 0.0})
    ask("loss_surface", "steps", t, solve, ratio=f"{ratio:,.0f}", lr=f"{lr:g}")


def large_step(cfg: SurfaceConfig, t: Translator) -> None:
    """Chapter 2: a step just over 2/λmax on the round bowl."""
    def solve() -> Reveal:
        side = features_cache.surfaces(dataclasses.replace(cfg, lr_frac=LARGE_LR, momentum=0.0))["right"]
        v = checkpoints.large_step(side.quadratic.excess(side.path.w), side.stable)
        n = v.numbers
        return Reveal(v, {"start": f"{n['start']:.4g}", "end": f"{n['end']:.4g}", "steps": str(n["steps"]),
                          "lam": f"{side.cond.lr_max:.4g}"}, {"ls_lr": LARGE_LR, "ls_mom": 0.0})
    ask("loss_surface", "large", t, solve, lr=f"{LARGE_LR:g}")
