"""Chapter 5's panels: curves, the paper's experiment, distributions over time, boundaries, sweeps."""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Callable

import streamlit as st

from bn_core.drift import compare_drift, percentile_drift
from bn_core.sweep_summary import largest_stable, loss_spread
from bn_core.training import History, TrainConfig
from figures.distributions import DistributionLabels, boundary_figure, distributions_figure
from figures.training import (
    CurveLabels,
    LineLabels,
    PercentileLabels,
    SweepLabels,
    curves_figure,
    per_variant_lines,
    percentiles_figure,
    sweep_figure,
)

from . import charts, controls, training_cache
from .i18n import Translator
from .paper_card import paper_card
from .stepper import step_slider

SWEEP_LRS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
SWEEP_INITS = (0.1, 0.3, 1.0, 3.0, 10.0)
SWEEP_VARIANTS = ("none", "before")


def names(t: Translator) -> dict[str, str]:
    return {v: t(f"training.variant.{v}") for v in ("none", "before", "after")}


def curves_slot(steps: int, t: Translator, *, variant_names: dict[str, str] | None = None,
                key: str = "tr_curves", header: bool = True) -> Callable[[dict[str, History]], None]:
    """The curves' header and chart slot, placed before the networks train; returns the function
    that redraws the chart in it, live while they train (x-axis fixed to 0..steps, so the curves grow
    across a still frame) and once they are done. `variant_names` names the runs (chapter 5's by default)."""
    if header:
        st.subheader(t("training.curves.header"))
    slot, drawing = st.empty(), itertools.count(1)
    labels = CurveLabels(t("training.curves.loss"), t("training.curves.acc"), t("training.step"),
                         t("training.curves.train"), t("training.curves.val"), variant_names or names(t))

    def draw(runs: dict[str, History]) -> None:
        with slot:           # one key per drawing: a key may appear once per run of the script
            charts.show(curves_figure(runs, labels, steps), key=f"{key}_{next(drawing)}",
                        alt=t("alt.training_curves"))
    return draw


def curves(runs: dict[str, History], draw: Callable[[dict[str, History]], None], t: Translator) -> None:
    """The finished curves, a warning per run that blew up, and the final accuracies."""
    draw(runs)
    for v, h in runs.items():
        if h.diverged:
            st.warning(t("training.diverged", name=names(t)[v], step=h.stopped), icon=":material/trending_up:")
    # every run records step 0, so each has a last validation accuracy
    best = t("common.list_sep").join(f"{names(t)[v]} {h.val_acc[-1]:.1%}" for v, h in runs.items())
    st.caption(t("training.curves.caption", acc=best))


def paper(runs: dict[str, History], cfg: TrainConfig, data: str, t: Translator) -> None:
    """The paper's percentile plot, and a card on how the networks here differ from the paper's."""
    st.subheader(t("training.paper.header"))
    probe = min(cfg.probe_size, len(training_cache.dataset(data, cfg.seed).x_val))
    st.markdown(t("training.paper.intro", probe=probe))
    labels = PercentileLabels(t("training.step"), t("training.paper.value"),
                              (t("training.paper.p15"), t("training.paper.p50"), t("training.paper.p85")), names(t))
    charts.show(percentiles_figure(runs, labels, cfg.steps), key="tr_percentiles",
                alt=t("alt.training_percentiles"))
    st.markdown(drift_sentences(runs, t))
    with st.container(border=True):
        st.markdown(paper_card(cfg, data, t))


def drift_sentences(runs: dict[str, History], t: Translator) -> str:
    """Markdown, one line per network: how far its percentiles moved over training and, for a BN
    network, whether that is steadier than the no-BN network's (bn_core.drift), with the numbers."""
    ref = percentile_drift(runs["none"].percentiles) if "none" in runs else None
    lines = []
    for v, h in runs.items():
        verdict = compare_drift(percentile_drift(h.percentiles), None if v == "none" else ref)
        kind = "none" if v == "none" and verdict.kind == "alone" else verdict.kind
        lines.append("- " + t(f"training.paper.drift.{kind}", name=names(t)[v], drift=f"{verdict.drift:.2f}",
                              ref=f"{verdict.reference:.2f}", ratio=f"{verdict.ratio:.0%}"))
    return "\n".join(lines)


@st.fragment
def recorded_step(runs: dict[str, History], cfg: TrainConfig, data_name: str, t: Translator) -> None:
    """The recorded-step slider and what it drives (distributions, saturation, decision boundary) rerun
    on their own; the networks are not retrained. `cfg` is any of the runs' configs (they share the
    network, the steps and the seed)."""
    k = distributions(runs, cfg, t)
    boundary(runs, data_name, cfg.seed, k, t)


def animated_distributions(runs: dict[str, History], variant_names: dict[str, str], key: str, chart_key: str,
                           t: Translator) -> int:
    """The animated layer-input distributions of the runs, with the record's Prev / slider / Next (?key=)
    under the chart; returns the chosen record (chapters 5 and 6)."""
    longest = max(runs.values(), key=lambda h: len(h.steps))  # a run that blew up stops early
    last = len(longest.steps) - 1
    chart = st.container()   # the chart first, its step control under it
    k = step_slider(key, t("training.dist.record"), last, last, t, shown=longest.steps)
    labels = DistributionLabels(t("training.dist.layer"), t("training.dist.value"), t("training.dist.share"),
                                variant_names, t("common.play"), t("common.pause"))
    with chart:
        charts.show(distributions_figure(runs, labels, active=k), key=chart_key, alt=t("alt.training_dist"))
    return k


def distributions(runs: dict[str, History], cfg: TrainConfig, t: Translator) -> int:
    st.subheader(t("training.dist.header"))
    st.markdown(t("training.dist.intro"))
    k = animated_distributions(runs, names(t), "tr_rec", "tr_dist", t)
    sat = {v: h.saturation.mean(axis=1) for v, h in runs.items()}
    steps = {v: h.steps for v, h in runs.items()}
    act = "relu" if cfg.net.activation == "relu" else "squash"
    lines = LineLabels(t("training.step"), t(f"training.dist.sat_{act}"), names(t), t(f"training.dist.sat_title_{act}"))
    charts.show(per_variant_lines(steps, sat, lines, percent=True, x_max=cfg.steps), key="tr_saturation",
                alt=t("alt.training_share", title=lines.title))
    return k


def boundary(runs: dict[str, History], data_name: str, seed: int, k: int, t: Translator) -> None:
    first = next(iter(runs.values()))
    if first.boundary is None:
        return
    st.subheader(t("training.boundary.header"))
    ds = training_cache.dataset(data_name, seed)
    charts.show(boundary_figure(runs, k, ds.x_val, ds.y_val, names(t)), key="tr_boundary",
                alt=t("alt.training_boundary"))
    st.caption(t("training.boundary.caption"))


@st.fragment
def sweeps(configs: dict[str, TrainConfig], data_name: str, t: Translator) -> None:
    st.subheader(t("training.sweep.header"))
    st.markdown(t("training.sweep.intro"))
    if not controls.flag(t("training.sweep.run"), "tr_sweep", False, t=t, widget="toggle"):
        return
    done = training_cache.run_all(_sweep_configs(next(iter(configs.values()))), data_name,
                                  t("training.sweep.progress"))
    final = lambda h: float("nan") if h.diverged else float(h.train_loss[-1])  # noqa: E731
    lr_loss = {v: [final(done[v, "lr", lr]) for lr in SWEEP_LRS] for v in SWEEP_VARIANTS}
    init_loss = {v: [final(done[v, "init", s]) for s in SWEEP_INITS] for v in SWEEP_VARIANTS}
    labels = SweepLabels(t("training.sweep.lr_panel"), t("training.sweep.init_panel"), t("training.ctl.lr"),
                         t("training.ctl.init"), t("training.sweep.loss"), names(t), t("training.sweep.diverged"),
                         t("training.sweep.all_diverged"))
    charts.show(sweep_figure(SWEEP_LRS, SWEEP_INITS, lr_loss, init_loss, labels), key="tr_sweeps",
                alt=t("alt.training_sweeps"))
    st.caption(t("training.sweep.caption"))
    st.markdown(sweep_sentences(lr_loss, init_loss, t))


SAME_SPREAD = 1.5   # init sensitivities within a factor 1.5 of each other count as "about as much"


def sweep_sentences(lr_loss: dict[str, list[float]], init_loss: dict[str, list[float]], t: Translator) -> str:
    """Markdown: the largest stable learning rate and the init sensitivity of each network, and which
    network the numbers favour (bn_core.sweep_summary)."""
    lr = {v: largest_stable(SWEEP_LRS, lr_loss[v]) for v in SWEEP_VARIANTS}
    spread = {v: loss_spread(init_loss[v]) for v in SWEEP_VARIANTS}
    fmt = lambda x: "—" if math.isnan(x) else "∞" if math.isinf(x) else f"{x:.3g}"  # noqa: E731
    lines = ((t("training.sweep.lr_readout", none=fmt(lr["none"]), bn=fmt(lr["before"])),
              t(f"training.sweep.lr_{_favoured(lr['none'], lr['before'], larger_wins=True)}")),
             (t("training.sweep.init_readout", none=fmt(spread["none"]), bn=fmt(spread["before"])),
              t(f"training.sweep.init_{_favoured(spread['none'], spread['before'], larger_wins=False)}")))
    return "\n".join("- " + t.sentences(*line) for line in lines)


def _favoured(none: float, bn: float, *, larger_wins: bool) -> str:
    """"bn", "none", "same" or "unknown": which network's number is the better one (the larger stable
    learning rate; the smaller init sensitivity, within SAME_SPREAD of each other counted the same)."""
    if math.isnan(none) or math.isnan(bn):
        return "unknown"
    if none == bn or (not larger_wins and math.isfinite(none) and math.isfinite(bn)
                      and max(none, bn) < SAME_SPREAD * min(none, bn)):
        return "same"
    return "bn" if (bn > none) == larger_wins else "none"


def _sweep_configs(template: TrainConfig) -> dict[tuple, TrainConfig]:
    """Short runs (≤ 300 steps) of the chosen network without BN and with BN before the activation,
    one per learning rate and per initialization scale, keyed (variant, "lr" | "init", value)."""
    steps = min(template.steps, 300)
    out = {}
    for v in SWEEP_VARIANTS:
        c = dataclasses.replace(template, net=dataclasses.replace(template.net, bn=v), steps=steps,
                                record_every=max(1, steps // 10), boundary=0)
        out |= {(v, "lr", lr): dataclasses.replace(c, lr=lr) for lr in SWEEP_LRS}
        out |= {(v, "init", s): dataclasses.replace(c, net=dataclasses.replace(c.net, init_scale=s))
                for s in SWEEP_INITS}
    return out
