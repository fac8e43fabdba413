"""Chapter 6's panels: noisy BN, internal covariate shift measured, the landscape along the gradient,
scale invariance and the effective learning rate, large learning rates, and what the evidence says.
Every sentence that states an outcome is chosen by comparing the numbers it shows (bn_core.evidence)."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from bn_core.drift import percentile_drift
from bn_core.evidence import compare, noisy_verdict, typical
from bn_core.scale_invariance import effective_lr
from bn_core.sweep_summary import largest_stable
from bn_core.training import History
from figures.training import (
    LineLabels,
    PercentileLabels,
    SweepLabels,
    per_variant_lines,
    percentiles_figure,
    sweep_panels,
)
from figures.why_bn import (
    LandscapeLabels,
    NormLabels,
    ShiftLabels,
    SliceLabels,
    landscape_figure,
    shift_figure,
    slice_figure,
    weight_norm_figure,
)

from .. import charts, controls
from ..i18n import Translator
from ..stepper import step_slider
from ..tables import comparison_table, number
from ..training_panels import animated_distributions, curves_slot
from . import cache
from .controls import WhyConfig

SCALES = (0.1, 0.25, 0.5, 2.0, 4.0, 10.0)
TRIO = ("none", "before", "noisy")
PAIR = ("none", "before")


def names(t: Translator) -> dict[str, str]:
    return {v: t(f"why.variant.{v}") for v in ("none", "before", "noisy", "decay")}


def _g(x: float, digits: int = 3) -> str:
    return number(x, f"%.{digits}g")


def papers(t: Translator) -> None:
    """The papers behind each explanation, folded: the chapter opens on its first chart."""
    with st.expander(t("why.papers_header"), icon=":material/menu_book:"):
        st.markdown(t("why.papers"))


def train(cfg: WhyConfig, t: Translator) -> dict[str, History]:
    """The four runs, with the noisy-BN experiment's loss curves drawn live while they train."""
    st.header(t("why.noisy.header"))
    draw = curves_slot(cfg.steps, t, variant_names=names(t), key="wb_curves", header=False)
    live = lambda runs: draw({v: runs[v] for v in TRIO})   # noqa: E731
    runs = cache.runs(cfg, t("training.progress"), live=live)
    draw({v: runs[v] for v in TRIO})
    st.markdown(t("why.noisy.intro", s=f"{cfg.noise:g}"))   # under the chart: the picture comes first
    for v in TRIO:
        if runs[v].diverged:
            st.warning(t("training.diverged", name=names(t)[v], step=runs[v].stopped),
                       icon=":material/trending_up:")
    return runs


def noisy(runs: dict[str, History], cfg: WhyConfig, t: Translator) -> None:
    """The percentile panels of the three networks and the computed verdict under them."""
    trio = {v: runs[v] for v in TRIO}
    labels = PercentileLabels(t("training.step"), t("training.paper.value"),
                              (t("training.paper.p15"), t("training.paper.p50"), t("training.paper.p85")), names(t))
    st.markdown(t("why.noisy.pct_intro"))
    charts.show(percentiles_figure(trio, labels, cfg.steps), key="wb_percentiles", alt=t("alt.training_percentiles"))
    st.markdown(noisy_sentence(trio, t))


def noisy_sentence(trio: dict[str, History], t: Translator) -> str:
    """Final accuracies and percentile drifts of the three networks, and what they show together."""
    verdict = _noisy_verdict(trio)
    pct = lambda x: "—" if math.isnan(x) else f"{x:.1%}"  # noqa: E731
    numbers = t("why.noisy.numbers", **{f"acc_{v}": pct(verdict.acc[v]) for v in TRIO},
                **{f"drift_{v}": _g(verdict.drift[v]) for v in TRIO})
    return t.sentences(numbers, t(f"why.noisy.trains.{verdict.trains}"),
                       t(f"why.noisy.stability.{verdict.stability}"))


def _noisy_verdict(trio: dict[str, History]):
    return noisy_verdict({v: float(h.val_acc[-1]) for v, h in trio.items()},
                         {v: percentile_drift(h.percentiles) for v, h in trio.items()},
                         {v: h.diverged for v, h in trio.items()})


@st.fragment
def distributions(runs: dict[str, History], t: Translator) -> None:
    """Chapter 5's animated layer-input distributions, for the three networks."""
    st.subheader(t("why.noisy.dist_header"))
    animated_distributions({v: runs[v] for v in TRIO}, names(t), "wb_rec", "wb_dist", t)


def shift(runs: dict[str, History], t: Translator) -> None:
    """Santurkar's ICS measure per layer over training, without and with BN, and what it shows."""
    st.header(t("why.ics.header"))
    st.markdown(t("why.ics.intro"))
    probes = {v: runs[v].probes for v in PAIR if runs[v].probes is not None and len(runs[v].probes.steps)}
    if len(probes) < 2 or probes["none"].ics_l2.shape[1] == 0:
        st.info(t("why.land.none" if len(probes) < 2 else "why.ics.none"))
        return
    labels = ShiftLabels(t("why.ics.layer"), t("training.step"), t("why.ics.l2"), t("why.ics.cos"), names(t))
    charts.show(shift_figure(probes, labels, measure="l2"), key="wb_ics_l2", alt=t("alt.why_ics_l2"))
    charts.show(shift_figure(probes, labels, measure="cos"), key="wb_ics_cos", alt=t("alt.why_ics_cos"))
    l2 = {v: typical(p.ics_l2) for v, p in probes.items()}
    cos = {v: typical(p.ics_cos) for v, p in probes.items()}
    # cosine: 1 is no shift, so compare the distances 1 − cos the way the ℓ2 differences are compared
    kinds = (compare(l2["before"], l2["none"]), compare(1 - cos["before"], 1 - cos["none"]))
    st.markdown(t.sentences(t("why.ics.numbers", l2_none=_g(l2["none"]), l2_bn=_g(l2["before"]),
                              cos_none=f"{cos['none']:.4f}", cos_bn=f"{cos['before']:.4f}"),
                            t(f"why.ics.l2_{kinds[0]}"), t(f"why.ics.cos_{kinds[1]}")))
    st.caption(t("why.ics.caption"))


def landscape(runs: dict[str, History], cfg: WhyConfig, t: Translator) -> None:
    """The loss range, gradient predictiveness and β-smoothness along −∇L over training, and the slice."""
    st.header(t("why.land.header"))
    lo, hi = cfg.lr * cfg.probe_multiples()[0], cfg.lr * cfg.reach
    st.markdown(t("why.land.intro", lo=f"{lo:.3g}", hi=f"{hi:.3g}", k=len(cfg.probe_multiples())))
    probes = {v: runs[v].probes for v in PAIR if runs[v].probes is not None and len(runs[v].probes.steps)}
    if len(probes) < 2:
        st.info(t("why.land.none"))
        return
    labels = LandscapeLabels(t("training.step"), t("why.land.loss_panel"), t("why.land.change_panel"),
                             t("why.land.beta_panel"), names(t))
    charts.show(landscape_figure(probes, labels), key="wb_land", alt=t("alt.why_landscape"))
    st.markdown(landscape_sentence(probes, t))
    slice_view(probes, cfg.lr, t)


def landscape_sentence(probes: dict, t: Translator) -> str:
    """Typical (median over training) β-smoothness and largest gradient change, and which is smaller."""
    beta = {v: typical(p.beta) for v, p in probes.items()}
    change = {v: typical(_largest(p.grad_change)) for v, p in probes.items()}
    with np.errstate(all="ignore"):
        spread = {v: typical(np.nanmax(p.loss, axis=1) - np.nanmin(p.loss, axis=1)) for v, p in probes.items()}
    return "\n".join("- " + t.sentences(t(f"why.land.{what}_numbers", none=_g(vals["none"]), bn=_g(vals["before"])),
                                        t(f"why.land.{what}_{compare(vals['before'], vals['none'])}"))
                     for what, vals in (("spread", spread), ("change", change), ("beta", beta)))


def smoothness_kind(probes: dict) -> str:
    """The card's verdict on smoothness: gradient predictiveness and β-smoothness agreeing ("lower",
    "higher", "similar"), disagreeing ("mixed"), or not comparable ("unknown")."""
    bn, none = probes["before"], probes["none"]
    kinds = {compare(typical(_largest(bn.grad_change)), typical(_largest(none.grad_change))),
             compare(typical(bn.beta), typical(none.beta))}
    return kinds.pop() if len(kinds) == 1 else "unknown" if "unknown" in kinds else "mixed"


def _largest(change: np.ndarray) -> np.ndarray:
    """Per probe the largest gradient change over the step sizes (NaN where every one is NaN)."""
    with np.errstate(all="ignore"):
        return np.nanmax(change, axis=1) if change.size else np.array([math.nan])


@st.fragment
def slice_view(probes: dict, lr: float, t: Translator) -> None:
    st.subheader(t("why.land.slice_header"))
    steps = max(probes.values(), key=lambda p: len(p.steps)).steps
    k = step_slider("wb_probe", t("why.land.slice_step"), len(steps) - 1, len(steps) - 1, t, shown=steps)
    labels = SliceLabels(t("why.land.eta"), t("why.land.loss"), t("why.land.start"), names(t))
    charts.show(slice_figure(probes, k, lr, labels), key="wb_slice", alt=t("alt.why_slice"))
    st.caption(t("why.land.slice_caption"))


def scale(runs: dict[str, History], cfg: WhyConfig, t: Translator) -> None:
    """W₁ against c·W₁ with numbers, then ‖W₁‖ and lr/‖W₁‖² over training without and with weight decay."""
    st.header(t("why.scale.header"))
    st.markdown(t("why.scale.intro"))
    c = float(controls.choice(t("why.scale.c"), "wb_c", SCALES, 2.0, t=t, widget="select_slider",
                              format_func=lambda v: f"{v:g}"))
    r = cache.scale(cfg, c)
    rows = [t("why.scale.row_loss"), t("why.scale.row_out"), t("why.scale.row_grad"), t("why.scale.row_cos")]
    comparison_table(rows, {t("why.scale.col_w"): [f"{r.loss:.10f}", "0", _g(r.grad_norm, 5), f"{r.cos_grad_w:.1e}"],
                            t("why.scale.col_cw", c=f"{c:g}"): [f"{r.loss_scaled:.10f}", f"{r.out_diff:.1e}",
                                                                 _g(r.grad_norm_scaled, 5), "—"]})
    st.markdown(t("why.scale.check", ratio=_g(r.grad_norm / r.grad_norm_scaled if r.grad_norm_scaled else math.nan, 5),
                  c=f"{c:g}"))
    pair = {v: runs[v] for v in ("before", "decay")}
    steps = {v: h.steps for v, h in pair.items()}
    norm = {v: h.w_norm[:, 0] for v, h in pair.items()}
    eff = {v: effective_lr(cfg.lr, h.w_norm[:, 0]) for v, h in pair.items()}
    labels = NormLabels(t("training.step"), t("why.scale.norm_panel"), t("why.scale.eff_panel"), names(t))
    charts.show(weight_norm_figure(steps, norm, eff, labels, cfg.steps), key="wb_norm", alt=t("alt.why_norm"))
    st.markdown(norm_sentence(norm, eff, cfg, t))


def norm_sentence(norm: dict, eff: dict, cfg: WhyConfig, t: Translator) -> str:
    """How ‖W₁‖ and the effective learning rate moved from start to end in both runs."""
    lines = []
    for v in ("before", "decay"):
        start, end = float(norm[v][0]), float(norm[v][-1])
        moved = "grew" if end > start * 1.01 else "shrank" if end < start / 1.01 else "held"
        lines.append("- " + t(f"why.scale.norm_{moved}", name=names(t)[v], start=_g(start), end=_g(end),
                              eff0=_g(float(eff[v][0])), eff1=_g(float(eff[v][-1]))))
    ratio = float(eff["decay"][-1] / eff["before"][-1])
    kind = "keeps" if ratio > 1.01 else "not"
    lines.append("- " + t(f"why.scale.decay_{kind}", decay=f"{cfg.decay:g}", ratio=_g(ratio)))
    return "\n".join(lines)


def large_lr(cfg: WhyConfig, t: Translator) -> str | None:
    """The spread of z with depth at initialization, and the learning-rate sweep behind a toggle;
    returns how BN's largest stable learning rate compares with no BN's (bn_core.evidence.compare),
    None when the sweep was not run."""
    st.header(t("why.lr.header"))
    st.markdown(t("why.lr.intro", depth=cache.DEEP))
    spread = cache.depth_spread(cfg)
    layers = {v: np.arange(1, cache.DEEP + 1) for v in spread}
    lines = LineLabels(t("why.lr.layer"), t("why.lr.spread"), {v: names(t)[v] for v in spread},
                       t("why.lr.spread_title"))
    charts.show(per_variant_lines(layers, spread, lines, log_y=True), key="wb_depth_chart", alt=t("alt.why_depth"))
    st.markdown(spread_sentence(spread, t))
    return lr_sweep(cfg, t)


def spread_sentence(spread: dict[str, np.ndarray], t: Translator) -> str:
    """How the spread of z changed from the first to the last layer without BN, and how far it
    ranged over layers 2.. with BN (layer 1's z comes from the data, before any BN)."""
    none, bn = spread["none"], spread["before"]
    growth = float(none[-1] / none[0]) if none[0] > 0 else math.nan
    kind = "unknown" if not math.isfinite(growth) else "grows" if growth > 2 else "shrinks" if growth < 0.5 else "holds"
    rest = bn[1:] if len(bn) > 1 else bn
    band = float(rest.max() / rest.min()) if rest.min() > 0 else math.nan
    return t(f"why.lr.spread_{kind}", first=_g(float(none[0])), last=_g(float(none[-1])), none=_g(growth),
             band=_g(band), depth=len(none))


def lr_sweep(cfg: WhyConfig, t: Translator) -> str | None:
    st.subheader(t("why.lr.sweep_header"))
    if not controls.flag(t("why.lr.run"), "wb_sweep", False, t=t, widget="toggle"):
        return None
    done = cache.sweep(cfg, t("training.sweep.progress"))
    final = lambda h: float("nan") if h.diverged or not np.isfinite(h.train_loss[-1]) else float(h.train_loss[-1])  # noqa: E731
    losses = {v: [final(done[v, lr]) for lr in cache.SWEEP_LRS] for v in PAIR}
    labels = SweepLabels(t("why.lr.sweep_panel"), "", t("training.ctl.lr"), "", t("training.sweep.loss"),
                         {v: names(t)[v] for v in PAIR}, t("training.sweep.diverged"), t("training.sweep.all_diverged"))
    charts.show(sweep_panels([(labels.lr_panel, labels.lr, list(cache.SWEEP_LRS), losses)], labels),
                key="wb_sweep_chart", alt=t("alt.training_sweeps"))
    best = {v: largest_stable(cache.SWEEP_LRS, losses[v]) for v in PAIR}
    fmt = lambda x: "—" if math.isnan(x) else f"{x:g}"  # noqa: E731
    kind = compare(best["before"], best["none"], similar=1.0001)
    st.markdown(t.sentences(t("why.lr.best", none=fmt(best["none"]), bn=fmt(best["before"]),
                              steps=min(cfg.steps, cache.SWEEP_STEPS)), t(f"why.lr.best_{kind}")))
    return kind


def evidence(runs: dict[str, History], lr_kind: str | None, t: Translator) -> None:
    """The closing card: which explanation each experiment on this page supports, from its numbers."""
    st.header(t("why.card.header"))
    verdict = _noisy_verdict({v: runs[v] for v in TRIO})
    noisy_kind = ("unknown" if "unknown" in (verdict.trains, verdict.stability) else
                  "against" if verdict.trains in ("close", "between") and verdict.stability == "less" else "unclear")
    probes = {v: runs[v].probes for v in PAIR if runs[v].probes is not None and len(runs[v].probes.steps)}
    if len(probes) == 2 and probes["none"].ics_l2.shape[1]:
        ics_kind = compare(typical(probes["before"].ics_l2), typical(probes["none"].ics_l2))
    else:
        ics_kind = "unknown"
    beta_kind = smoothness_kind(probes) if len(probes) == 2 else "unknown"
    lr_kind = "unrun" if lr_kind is None else lr_kind
    with st.container(border=True):
        st.markdown("\n".join("- " + t(f"why.card.{what}.{kind}") for what, kind in
                              (("noisy", noisy_kind), ("ics", ics_kind), ("smooth", beta_kind), ("lr", lr_kind))))
        st.markdown(t("why.card.open"))
