"""Chapter 7's panels: the cube, one tensor five ways, batchmates, the batch-size sweep, where each
normalization is used, and what to remember."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from bn_core.norm_family import cell_report, shared_cells, statistics_count
from figures.norm_cube import (
    BatchmateLabels,
    CubeLabels,
    OutputsLabels,
    SweepLabels,
    batchmates_figure,
    cube_figure,
    error_figure,
    outputs_figure,
)

from .. import charts, controls
from ..i18n import Translator
from ..tables import formatted_table
from ..texfmt import paren, tex
from . import cache
from .controls import CubeConfig

WORSE = 1.5   # BN counts as hurt by small batches when its error at batch 2 is 1.5× the best at batch 2


def names(t: Translator) -> dict[str, str]:
    return {m: t(f"norm.method.{m}") for m in (*cache.FAMILY, "brn")}


def cube(cfg: CubeConfig, t: Translator) -> None:
    """The cube with the chosen method's shared cells lit, and the chosen cell's arithmetic."""
    mask = shared_cells(cfg.method, cfg.shape, cfg.cell, cfg.groups)
    labels = CubeLabels(t("norm.cube.n"), t("norm.cube.c"), t("norm.cube.hw"), t("norm.cube.shared"),
                        t("norm.cube.chosen"), t("norm.cube.other"))
    left, right = st.columns([3, 2])
    with left:
        charts.show(cube_figure(mask, cfg.cell, labels), key="nf_cube", alt=t("alt.norm_cube"))
    x = cache.tensor(cfg.shape, cfg.seed)
    r = cell_report(x, cfg.method, cfg.cell, cfg.groups)
    n, c, h, w = (i + 1 for i in cfg.cell)
    right.markdown(t(f"norm.cube.rule.{cfg.method}", g=cfg.groups, per=cfg.shape[1] // max(cfg.groups, 1)))
    right.markdown(t("norm.cube.cell", n=n, c=c, h=h, w=w, count=r.count))
    right.latex(rf"\mu = {tex(r.mean)}")
    right.latex(rf"\sigma^2 = {tex(r.var)}")
    # the formula in three lines: each fits a projector's column
    right.latex(r"\hat x = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}")
    right.latex(rf"= \frac{{{tex(r.value)} - {paren(r.mean)}}}{{\sqrt{{{tex(r.var)} + 10^{{-5}}}}}}")
    right.latex(rf"= {tex(r.x_hat)}")
    right.caption(t("norm.cube.ends"))


def five_ways(cfg: CubeConfig, t: Translator) -> None:
    """What each method computes on the tensor, what it learns and keeps, and one sample's outputs."""
    st.header(t("norm.five.header"))
    st.markdown(t("norm.five.intro", n=cfg.cell[0] + 1))
    rows = []
    for m in cache.FAMILY:
        count, size = statistics_count(m, cfg.shape, cfg.groups)
        rows.append({t("norm.one.method"): names(t)[m], t("norm.five.row_stats"): t("norm.five.stats", count=count,
                                                                                     size=size),
                     t("norm.five.row_params"): t(f"norm.five.params.{m}", c=cfg.shape[1]),
                     t("norm.five.row_running"): t("norm.five.running_yes" if m == "bn" else "norm.five.running_no")})
    formatted_table(rows)
    st.caption(t("norm.five.params_note"))
    outs = cache.outputs(cfg)
    labels = OutputsLabels(names(t), t("norm.cube.c"), t("norm.cube.hw"), t("norm.five.colour"))
    charts.show(outputs_figure(outs, labels), key="nf_outputs", alt=t("alt.norm_outputs"))
    if "bn" not in outs:
        st.caption(t("norm.five.no_bn"))


def batchmates(cfg: CubeConfig, t: Translator) -> None:
    st.header(t("norm.mates.header"))
    st.markdown(t("norm.mates.intro"))
    b, outs = cache.batchmates(cfg)
    charts.show(batchmates_figure(outs, BatchmateLabels(names(t), t("norm.mates.output"))), key="nf_mates",
                alt=t("alt.norm_mates"))
    spread = {m: float(np.std(v)) for m, v in outs.items()}
    moved = [names(t)[m] for m, s in spread.items() if s > 1e-9]
    st.markdown(t("norm.mates.readout", b=b, draws=cache.BATCHMATE_DRAWS, bn=f"{spread['bn']:.3g}",
                  others=f"{max(s for m, s in spread.items() if m != 'bn'):.1g}",
                  moved=t("common.list_sep").join(moved) or "—"))
    st.subheader(t("norm.one.header"))
    rows = []
    for m, outcome in cache.batch_of_one(cfg).items():
        rows.append({t("norm.one.method"): names(t)[m], t("norm.one.outcome"): t(f"norm.one.{outcome}")})
    formatted_table(rows)


@st.fragment
def sweep(seed: int, t: Translator) -> None:
    """Eval error against the batch size for BN, Batch Renorm, GN and LN, behind a toggle."""
    st.header(t("norm.sweep.header"))
    st.markdown(t("norm.sweep.intro", examples=f"{cache.EXAMPLES:,}", width=cache.WIDTH, groups=cache.GROUPS,
                  lr=f"{cache.BASE_LR:g}", base=cache.BASE_BATCH))
    if not controls.flag(t("norm.sweep.run"), "nf_sweep", False, t=t, widget="toggle"):
        return
    runs = cache.sweep(seed, t("norm.sweep.progress"))
    errors = {m: [math.nan if runs[m, b].diverged else 1.0 - float(runs[m, b].val_acc[-1])
                  for b in cache.SWEEP_BATCHES] for m in cache.SWEEP_NORMS}
    labels = SweepLabels(names(t), t("norm.sweep.batch"), t("norm.sweep.error"), t("norm.sweep.diverged"))
    charts.show(error_figure(cache.SWEEP_BATCHES, errors, labels), key="nf_sweep_chart", alt=t("alt.norm_sweep"))
    st.markdown(sweep_sentence(errors, t))
    st.caption(t("norm.sweep.caption"))


def sweep_sentence(errors: dict[str, list[float]], t: Translator) -> str:
    """BN's error at the smallest and the largest batch against the others', and whether BN is the one
    hurt by small batches, from the numbers."""
    small = {m: es[0] for m, es in errors.items()}
    large = {m: es[-1] for m, es in errors.items()}
    fmt = lambda v: "—" if math.isnan(v) else f"{v:.1%}"  # noqa: E731
    listed = lambda vals: t("common.list_sep").join(f"{names(t)[m]} {fmt(v)}" for m, v in vals.items())  # noqa: E731
    lines = [t("norm.sweep.at", b=b, values=listed(vals))
             for b, vals in ((cache.SWEEP_BATCHES[0], small), (cache.SWEEP_BATCHES[-1], large))]
    others = [v for m, v in small.items() if m != "bn" and not math.isnan(v)]
    if math.isnan(small["bn"]) or not others:
        verdict = t("norm.sweep.unknown")
    elif small["bn"] > WORSE * min(others):
        verdict = t("norm.sweep.bn_hurt", ratio=f"{small['bn'] / max(min(others), 1e-9):.2g}")
    else:
        verdict = t("norm.sweep.bn_fine")
    return "\n".join(f"- {line}" for line in (*lines, verdict))


def where_used(t: Translator) -> None:
    st.header(t("norm.where.header"))
    rows = [{t("norm.where.task"): t(f"norm.where.{k}.task"), t("norm.where.norm"): t(f"norm.where.{k}.norm"),
             t("norm.where.why"): t(f"norm.where.{k}.why")} for k in ("cnn", "detect", "transformer", "style")]
    formatted_table(rows)
