"""Chapter 3's backward pass: dy in, dx, dγ, dβ out, the two zero sums and the gradient check."""

from __future__ import annotations

import streamlit as st

import bn_core
from figures.gradients import gradient_panels

from . import cache, charts, controls, labels, layer_panels, sections
from .cache import LayerConfig, UpstreamConfig
from .i18n import Translator, minus
from .tables import feature_table

BACKWARD_FORMULA = (   # one per line: side by side they overflowed a 1024 px page
    r"\begin{aligned} d\beta_j &= \sum_i dy_{ij} \\ d\gamma_j &= \sum_i dy_{ij}\,\hat{x}_{ij} \\ "
    r"dx_{ij} &= \frac{\gamma_j}{N\sqrt{\sigma_j^2+\epsilon}}"
    r"\left(N\,dy_{ij} - d\beta_j - \hat{x}_{ij}\,d\gamma_j\right) \end{aligned}"
)


@st.fragment
def cell_and_backward(cfg: LayerConfig, run: bn_core.FiveSteps, t: Translator) -> None:
    """The cell picker and all that follows it (one cell's arithmetic, shapes, backward pass) rerun on
    their own when a cell or the upstream gradient changes; the rest of the chapter stays as it is."""
    cell = layer_panels.cell_trace(run, t)
    layer_panels.shapes(run, cell, t)
    backward(cfg, cell, t)


def backward(cfg: LayerConfig, cell: tuple[int, int], t: Translator) -> None:
    st.subheader(t("layer.back.header"))
    st.markdown(t("layer.back.intro"))
    kind = controls.choice(t("layer.back.upstream"), "bn_dy", bn_core.UPSTREAM_KINDS, "random", t=t,
                           format_func=lambda k: t(f"layer.back.kind.{k}", i=cell[0] + 1, j=cell[1] + 1),
                           horizontal=True)
    rep = cache.backward(cfg, UpstreamConfig(kind, cell, cfg.spec.seed))
    st.caption(t(f"layer.back.kind_note.{kind}"))
    charts.show(gradient_panels(rep.dy, rep.dx, rep.dgamma, rep.dbeta, labels.gradients(t)),
                key="layer_gradients", alt=t("alt.layer_gradients"))
    st.latex(BACKWARD_FORMULA)
    with sections.under_the_hood(t):   # the sums, the ε term and the gradient check: for the curious
        st.markdown(t("layer.back.sums"))
        # two tables: the sums with the ε term, then dγ and dβ (side by side they overflow the fold at 1024 px)
        feature_table({"Σᵢ dxᵢ": rep.sum_dx, "Σᵢ dxᵢ·x̂ᵢ": rep.sum_dx_xhat, t("layer.col.eps_term"): rep.eps_term}, t,
                      fmt="%.3e")
        feature_table({"dγ": rep.dgamma, "dβ": rep.dbeta}, t, fmt="%.3e")
        st.caption(t("layer.back.eps_note"))
        _checks(rep, t)


def _checks(rep: bn_core.BackwardReport, t: Translator) -> None:
    st.markdown(t("layer.back.check_intro"))
    cols = [*st.columns(2), *st.columns(2)]   # two rows of two: four in a row are cut short in the fold at 1024 px
    for col, name in zip(cols[:3], ("dx", "dgamma", "dbeta"), strict=True):
        col.metric(t(f"layer.back.check.{name}"), minus(f"{rep.check[name]:.1e}"))
    cols[3].metric(t("layer.back.staged"), minus(f"{rep.staged_max_diff:.1e}"), help=t("layer.back.staged_help"))
    ok = max(rep.check.values()) < 1e-7
    (st.success if ok else st.error)(t("layer.back.check_ok" if ok else "layer.back.check_bad"))
