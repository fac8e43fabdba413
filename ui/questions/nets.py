"""Chapters 5, 6 and 7: networks trained with and without BN, why BN helps, and the norm family."""

from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

from bn_core import checkpoints
from bn_core.drift import percentile_drift
from bn_core.evidence import typical
from bn_core.training import History, TrainConfig

from .. import training_cache
from ..checkpoint import Reveal, ask
from ..i18n import Translator
from ..norm_family import cache as norm_cache
from ..norm_family.controls import CubeConfig
from ..why_bn import cache as why_cache
from ..why_bn.controls import WhyConfig

SCALE_C = 2.0     # the scale question's c when the page's own c slider has not been moved


def _runs(first: TrainConfig, data: str, places: tuple[str, ...], t: Translator) -> dict[str, History]:
    """The page's network with BN at each place (cached runs come back at once; others train now)."""
    configs = {v: dataclasses.replace(first, net=dataclasses.replace(first.net, bn=v)) for v in places}
    return training_cache.run_all(configs, data, t("training.progress"))


def drift(first: TrainConfig, data: str, t: Translator) -> None:
    """Chapter 5: whose layer-input percentiles move more during training, without or with BN."""
    def solve() -> Reveal:
        runs = _runs(first, data, ("none", "before"), t)
        drifts = {v: percentile_drift(h.percentiles) for v, h in runs.items()}
        v = checkpoints.steadier(drifts["before"], drifts["none"])
        return Reveal(v, {"bn": f"{v.numbers['bn']:.3g}", "none": f"{v.numbers['none']:.3g}"},
                      {"tr_cmp_none": True, "tr_cmp_before": True})
    ask("training", "drift", t, solve)


def place(first: TrainConfig, data: str, t: Translator) -> None:
    """Chapter 5: BN before or after the activation, which reaches the lower training loss."""
    def solve() -> Reveal:
        runs = _runs(first, data, ("before", "after"), t)
        v = checkpoints.before_or_after(checkpoints.final_loss(runs["before"].train_loss),
                                        checkpoints.final_loss(runs["after"].train_loss))
        return Reveal(v, {"before": f"{v.numbers['before']:.4g}", "after": f"{v.numbers['after']:.4g}",
                          "steps": f"{first.steps:,}", "within": f"{checkpoints.CLOSE_LOSS:.0%}"},
                      {"tr_cmp_before": True, "tr_cmp_after": True})
    ask("training", "place", t, solve)


def ics(runs: dict[str, History], t: Translator) -> None:
    """Chapter 6: does BN reduce internal covariate shift by Santurkar's ℓ2 measure?"""
    probes = {v: runs[v].probes for v in ("none", "before")}
    if any(p is None or p.ics_l2.size == 0 for p in probes.values()):
        return   # one layer, or no probes: the section below says why there is nothing to measure

    def solve() -> Reveal:
        v = checkpoints.ics_change(typical(probes["before"].ics_l2), typical(probes["none"].ics_l2))
        return Reveal(v, {"bn": f"{v.numbers['bn']:.3g}", "none": f"{v.numbers['none']:.3g}"})
    ask("why_bn", "ics", t, solve)


def scale(cfg: WhyConfig, t: Translator) -> None:
    """Chapter 6: the BN network's loss and gradient when W₁ is multiplied by c."""
    c = float(st.session_state.get("wb_c", SCALE_C))

    def solve() -> Reveal:
        r = why_cache.scale(cfg, c)
        v = checkpoints.scaled_weights(r.loss, r.loss_scaled, r.grad_norm, r.grad_norm_scaled, c)
        n = v.numbers
        return Reveal(v, {"loss": f"{n['loss']:.10f}", "loss_c": f"{n['loss_c']:.10f}", "ratio": f"{n['ratio']:.6g}"})
    ask("why_bn", "scale", t, solve, c=f"{c:g}")


def batchmates(cfg: CubeConfig, t: Translator) -> None:
    """Chapter 7: whose output for one sample changes when its batchmates are drawn afresh."""
    def solve() -> Reveal:
        b, outs = norm_cache.batchmates(cfg)
        v = checkpoints.batchmate_dependence({m: float(np.std(o)) for m, o in outs.items()})
        return Reveal(v, {"bn": f"{v.numbers['bn']:.3g}", "others": f"{v.numbers['others']:.1g}", "b": str(b),
                          "draws": str(norm_cache.BATCHMATE_DRAWS)})
    ask("norm_family", "mates", t, solve)


def rms(cfg: CubeConfig, t: Translator) -> None:
    """Chapter 7: the step of LayerNorm that RMSNorm leaves out."""
    def solve() -> Reveal:
        outs = norm_cache.outputs(cfg)
        v = checkpoints.rms_skips(outs["ln"], outs["rms"])
        return Reveal(v, {k: f"{val:.3g}" for k, val in v.numbers.items()} | {"ln_mean": f"{v.numbers['ln_mean']:.1e}"})
    ask("norm_family", "rms", t, solve)
