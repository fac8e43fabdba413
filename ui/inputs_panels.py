"""Chapter 1's panels: raw vs standardized views, the per-feature table, one sample's formula,
the morph towards standardized data with its live κ."""

from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

from bn_core import features
from figures.feature_scatter import morph_scatter, raw_vs_standardized
from figures.histograms import before_after_histograms

from . import charts, controls, labels
from .i18n import Translator, Verbatim
from .tables import formatted_table
from .texfmt import paren, tex, tex_variance, variance_text

MAX_POINTS = 5_000   # a scatter draws at most this many rows (a seeded sample); statistics use every row


def views(x: np.ndarray, std: features.Standardized, names: tuple[str, ...], t: Translator, key: str) -> None:
    """Scatter (shared and own axes) of the first two columns, then histograms of all columns.

    Columns beyond what a chart axis can be laid out for (near 1e308 or 1e−308) are drawn in units of
    10^k, named in their titles; more than MAX_POINTS rows are drawn as a seeded sample, said in a
    caption (the histograms bin every row)."""
    k = features.display_exponents(x)
    unit = 10.0 ** k.astype(np.float64)
    shown = tuple(_in_units(name, e, t) for name, e in zip(names, k, strict=True))
    rows = features.shown_rows(len(x), MAX_POINTS, np.random.default_rng(0))
    xs, zs = x[rows, :2], std.z[rows, :2]
    scatter_labels = dataclasses.replace(labels.scatter(t, shown), z1=names[0] if k[0] else "")
    charts.show(raw_vs_standardized(xs, zs, scatter_labels, unit=unit[:2]), key=f"{key}_scatter",
                alt=t("alt.inputs_scatter"))
    sampled = [t("inputs.sampled", shown=f"{len(rows):,}", total=f"{len(x):,}")] if len(rows) < len(x) else []
    st.caption(t.sentences(t("inputs.scatter_caption", m1=f"{std.mu[0]:,.4g}", m2=f"{std.mu[1]:,.4g}",
                             shared=shared_axes_sentence(xs / unit[:2], zs / unit[:2], t)), *sampled))
    charts.show(before_after_histograms(x / unit, std.z, labels=labels.feature_histograms(t), names=shown),
                key=f"{key}_hist", alt=t("alt.inputs_hist"))


def _in_units(name: str, k: int, t: Translator) -> str:
    """A column's name, with the unit it is drawn in when that is not 1 ("a (×10³⁰⁷)")."""
    if not k:
        return name
    return t("inputs.in_units", name=Verbatim(name), k=str(k).translate(SUPERSCRIPTS))


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


FLAT, SMALL = 0.05, 0.15   # shares of the shared panel's height / width below which a cloud looks flat / small


def shared_axes_sentence(x: np.ndarray, z: np.ndarray, t: Translator) -> str:
    """What the standardized cloud z (N, 2) looks like on axes that also hold the raw cloud x and the
    origin, from the share of the panel's width and height it takes (bn_core.features.extent_share)."""
    w, h = features.extent_share(z, np.vstack([x, z, [[0.0, 0.0]]]))
    kind = "line" if h < FLAT and w >= SMALL else "blob" if w < SMALL and h < SMALL else "visible"
    return t(f"inputs.shared_{kind}", w=_share(w), h=_share(h))


def _share(v: float) -> str:
    """A share as a percentage, with two significant digits below 1 % ("0.0035%"), and "< 0.0001%"
    below that (a cloud 1e−300 of the panel's size is no less invisible for its digits)."""
    if v >= 0.01:
        return f"{v:.0%}"
    return f"{v * 100:.2g}%" if v >= 1e-6 else "< 0.0001%"


def _fmt(v: float) -> str:
    return "∞" if np.isinf(v) else f"{v:,.5g}"


def stats_table(x: np.ndarray, std: features.Standardized, names: tuple[str, ...], t: Translator, key: str) -> None:
    """Mean, variance, std, min, max of every feature before and after standardization, and why the
    standardized means and variances are not printed as exactly 0 and 1."""
    z_means = [std.z[:, j].mean() for j in range(len(names))]   # column by column: the note quotes these
    z_vars = [std.z[:, j].var() for j in range(len(names))]
    rows = []
    for j, name in enumerate(names):
        for stage, data, mean, var, sd in (
            (t("inputs.table.raw"), x[:, j], std.mu[j], std.var[j], std.std[j]),
            (t("inputs.table.std"), std.z[:, j], z_means[j], z_vars[j], std.z[:, j].std()),
        ):
            rows.append({t("inputs.table.feature"): name, t("inputs.table.stage"): stage,
                         t("inputs.table.mean"): _fmt(mean), t("inputs.table.var"): variance_text(var, sd),
                         t("inputs.table.std_col"): _fmt(sd), t("inputs.table.min"): _fmt(data.min()),
                         t("inputs.table.max"): _fmt(data.max())})
    formatted_table(rows)
    st.caption(t("inputs.table.note", mean=_fmt(max(z_means, key=abs)), var=_fmt(min(z_vars)),
                 eps=f"{std.eps:g}"))


@st.fragment
def sample_formula(x: np.ndarray, std: features.Standardized, names: tuple[str, ...], t: Translator,
                   key: str) -> None:
    """z = (x − μ)/√(σ² + ε) for one chosen sample, feature by feature, with the actual numbers."""
    i = controls.slider(t("inputs.sample"), f"{key}_i", 1, x.shape[0], 1, t=t) - 1
    for j, name in enumerate(names[:4]):
        st.latex(rf"z_{{\text{{{_tex_name(name)}}}}} = \frac{{{tex(x[i, j], 6)} - {paren(std.mu[j], 6)}}}"
                 rf"{{\sqrt{{{tex_variance(std.var[j], std.std[j], 6)} + {tex(std.eps)}}}}} = {tex(std.z[i, j])}")


def _tex_name(name: str) -> str:
    """A column name safe inside LaTeX \\text{}: letters, digits, CJK and spaces only."""
    return "".join(c for c in name if c.isalnum() or c == " ")[:24] or "x"


@st.fragment
def morph(x: np.ndarray, std: features.Standardized, t: Translator) -> None:
    """Slide from raw (0) to standardized (1) and watch κ of XᵀX/N fall."""
    st.subheader(t("inputs.morph.header"))
    s = controls.slider(t("inputs.morph.slider"), "in_morph", 0.0, 1.0, 0.0, t=t, step=0.05)
    m = features.morph(x[:, :2], std.z[:, :2], float(s))
    kappa = features.condition_number(m)
    c1, c2 = st.columns([2, 1])
    with c1:
        charts.show(morph_scatter(m, x[:, :2], std.z[:, :2], labels.morph(t)), key="inputs_morph",
                    alt=t("alt.inputs_morph"))
    c2.metric(t("inputs.morph.kappa"), f"{kappa:,.4g}")
    c2.markdown(t("inputs.morph.body", raw=f"{features.condition_number(x[:, :2]):,.4g}",
                  std=f"{features.condition_number(std.z[:, :2]):,.4g}"))
