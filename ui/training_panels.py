"""Chapter 5's panels: curves, the paper's experiment, distributions over time, boundaries, sweeps."""

from __future__ import annotations

import dataclasses

import streamlit as st

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
from .stepper import step_slider

SWEEP_LRS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
SWEEP_INITS = (0.1, 0.3, 1.0, 3.0, 10.0)


def names(t: Translator) -> dict[str, str]:
    return {v: t(f"training.variant.{v}") for v in ("none", "before", "after")}


def curves(runs: dict[str, History], t: Translator) -> None:
    st.subheader(t("training.curves.header"))
    labels = CurveLabels(t("training.curves.loss"), t("training.curves.acc"), t("training.step"),
                         t("training.curves.train"), t("training.curves.val"), names(t))
    charts.show(curves_figure(runs, labels), key="tr_curves")
    for v, h in runs.items():
        if h.diverged:
            st.warning(t("training.diverged", name=names(t)[v], step=int(h.steps[-1]) if len(h.steps) else 0),
                       icon=":material/trending_up:")
    best = {v: f"{h.val_acc[-1]:.1%}" for v, h in runs.items() if len(h.val_acc)}
    st.caption(t("training.curves.caption", acc=", ".join(f"{names(t)[v]} {a}" for v, a in best.items())))


def paper(runs: dict[str, History], cfg: TrainConfig, t: Translator) -> None:
    st.subheader(t("training.paper.header"))
    st.markdown(t("training.paper.intro"))
    labels = PercentileLabels(t("training.step"), t("training.paper.value"),
                              (t("training.paper.p15"), t("training.paper.p50"), t("training.paper.p85")), names(t))
    charts.show(percentiles_figure(runs, labels), key="tr_percentiles")
    with st.container(border=True):
        st.markdown(t("training.paper.card", steps=cfg.steps, lr=f"{cfg.lr:g}", batch=cfg.batch_size))


def distributions(runs: dict[str, History], activation: str, t: Translator) -> int:
    st.subheader(t("training.dist.header"))
    st.markdown(t("training.dist.intro"))
    longest = max(runs.values(), key=lambda h: len(h.steps))
    n = len(longest.steps)
    k = step_slider("tr_rec", t("training.dist.record"), max(n - 1, 0), max(n - 1, 0), t)
    st.caption(t("training.dist.at_step", step=int(longest.steps[min(k, n - 1)])) if n else "")
    labels = DistributionLabels(t("training.dist.layer"), t("training.dist.value"), t("training.dist.share"),
                                names(t), t("common.play"), t("common.pause"))
    charts.show(distributions_figure(runs, labels, active=min(k, n - 1)), key="tr_dist")
    sat = {v: h.saturation.mean(axis=1) for v, h in runs.items() if len(h.steps)}
    steps = {v: h.steps for v, h in runs.items() if len(h.steps)}
    act = "relu" if activation == "relu" else "squash"
    lines = LineLabels(t("training.step"), t(f"training.dist.sat_{act}"), names(t), t(f"training.dist.sat_title_{act}"))
    charts.show(per_variant_lines(steps, sat, lines), key="tr_saturation")
    return k


def boundary(runs: dict[str, History], data_name: str, seed: int, k: int, t: Translator) -> None:
    first = next(iter(runs.values()))
    if first.boundary is None:
        return
    st.subheader(t("training.boundary.header"))
    ds = training_cache.dataset(data_name, seed)
    charts.show(boundary_figure(runs, k, ds.x_val, ds.y_val, names(t)), key="tr_boundary")
    st.caption(t("training.boundary.caption"))


def sweeps(configs: dict[str, TrainConfig], data_name: str, t: Translator) -> None:
    st.subheader(t("training.sweep.header"))
    st.markdown(t("training.sweep.intro"))
    if not controls.flag(t("training.sweep.run"), "tr_sweep", False, t=t, widget="toggle"):
        return
    base = {v: configs.get(v) or dataclasses.replace(next(iter(configs.values())),
                                                      net=dataclasses.replace(next(iter(configs.values())).net, bn=v))
            for v in ("none", "before")}
    short = {v: dataclasses.replace(c, steps=min(c.steps, 300), record_every=max(1, min(c.steps, 300) // 10),
                                    boundary=0) for v, c in base.items()}
    lr_runs = {v: {lr: dataclasses.replace(c, lr=lr) for lr in SWEEP_LRS} for v, c in short.items()}
    init_runs = {v: {s: dataclasses.replace(c, net=dataclasses.replace(c.net, init_scale=s)) for s in SWEEP_INITS}
                 for v, c in short.items()}
    flat = {f"{v}|lr|{k}": c for v, d in lr_runs.items() for k, c in d.items()}
    flat |= {f"{v}|init|{k}": c for v, d in init_runs.items() for k, c in d.items()}
    done = training_cache.run_all(flat, data_name, t("training.sweep.progress"))
    final = lambda h: float("nan") if h.diverged or not len(h.train_loss) else float(h.train_loss[-1])  # noqa: E731
    lr_loss = {v: [final(done[f"{v}|lr|{k}"]) for k in SWEEP_LRS] for v in short}
    init_loss = {v: [final(done[f"{v}|init|{k}"]) for k in SWEEP_INITS] for v in short}
    labels = SweepLabels(t("training.sweep.lr_panel"), t("training.sweep.init_panel"), t("training.ctl.lr"),
                         t("training.ctl.init"), t("training.sweep.loss"), names(t), t("training.sweep.diverged"))
    charts.show(sweep_figure(SWEEP_LRS, SWEEP_INITS, lr_loss, init_loss, labels), key="tr_sweeps")
    st.caption(t("training.sweep.caption"))
