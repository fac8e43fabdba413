"""Chapter 3's panels: where BN sits, its state, the five steps, one cell's arithmetic, shapes."""

from __future__ import annotations

import streamlit as st

import bn_core
from figures.diagram import where_bn_sits as diagram_figure
from figures.five_steps import AFFINE, five_steps_animation, stage_views, value_bounds
from figures.heatmap import batch_heatmap

from . import cache, charts, client_chart, controls, device, labels
from .cache import LayerConfig
from .client_chart import ClientSlider
from .i18n import Translator
from .layer_controls import affine_sliders
from .stepper import stepper
from .tables import feature_table, formatted_table
from .texfmt import paren, tex

STEP_FORMULAS = {
    1: r"x \in \mathbb{R}^{N \times D}, \quad N = %(n)d,\; D = %(d)d",
    2: r"\mu_j = \frac{1}{N}\sum_{i=1}^{N} x_{ij}, \qquad \sigma_j^2 = \frac{1}{N}\sum_{i=1}^{N} (x_{ij}-\mu_j)^2",
    3: r"\hat{x}_{ij} = \frac{x_{ij}-\mu_j}{\sqrt{\sigma_j^2+\epsilon}}, \qquad \epsilon = %(eps)s",
    4: r"y_{ij} = \gamma_j\,\hat{x}_{ij} + \beta_j",
}
IMAGE_DIMS = (("N", 16, 4), ("C", 8, 3), ("H", 16, 5), ("W", 16, 5))  # name, max, default
# two lines: on one (578 px) the formula overflowed a 1024 px page's column and showed "α = 0" for 0.1
RUNNING_FORMULAS = {
    "pytorch": r"\begin{aligned} \hat{\mu}_j &\leftarrow (1-\alpha)\,\hat{\mu}_j + \alpha\,\mu_j, "
               r"\qquad \alpha = %(mom)s \\"
               r" \hat{\sigma}^2_j &\leftarrow (1-\alpha)\,\hat{\sigma}^2_j + \alpha\,\tfrac{N}{N-1}\,\sigma_j^2 "
               r"\end{aligned}",
    "keras": r"\begin{aligned} \hat{\mu}_j &\leftarrow \alpha\,\hat{\mu}_j + (1-\alpha)\,\mu_j, "
             r"\qquad \alpha = %(mom)s \\"
             r" \hat{\sigma}^2_j &\leftarrow \alpha\,\hat{\sigma}^2_j + (1-\alpha)\,\sigma_j^2 \end{aligned}",
}


@st.cache_resource(max_entries=4, show_spinner=False)
def _diagram(diagram_labels: labels.DiagramLabels, vertical: bool):
    """The diagram depends on the language and the screen only: built once per language and layout
    (~15 ms a build) and shared; nothing changes a figure after it is built."""
    return diagram_figure(diagram_labels, vertical=vertical)


def where_bn_sits(t: Translator) -> None:
    st.subheader(t("layer.where.header"))
    charts.show(_diagram(labels.diagram(t), device.is_phone()), key="layer_diagram", alt=t("alt.layer_diagram"))
    st.markdown(t("layer.where.body"))


def state_counts(t: Translator) -> None:
    """γ, β (learnable) and running mean/var (state) counted for a network the learner sizes."""
    st.subheader(t("layer.state.header"))
    st.markdown(t("layer.state.body"))
    c1, c2 = st.columns(2)
    n_layers = controls.number(t("layer.state.layers"), "bn_layers", 1, 100, 3, t=t, where=c1)
    width = controls.number(t("layer.state.width"), "bn_width", 1, 4096, 100, t=t, where=c2)
    counts = bn_core.state_counts([int(width)] * int(n_layers))
    m1, m2, m3 = st.columns(3)
    m1.metric(t("layer.state.learnable"), f"{counts['learnable']:,}")
    m2.metric(t("layer.state.running"), f"{counts['running']:,}")
    m3.metric(t("layer.state.saved"), f"{counts['learnable'] + counts['running']:,}", help=t("layer.state.saved_help"))
    st.caption(t("layer.state.formula", L=n_layers, D=width))


@st.fragment
def five_steps(cfg: LayerConfig, run: bn_core.FiveSteps, t: Translator) -> None:
    """Prev/Next + the in-browser animation (each feature's γ and β redrawn in the browser) + the numbers
    of the chosen step."""
    sliders = affine_sliders(len(cfg.gamma))          # (γ₁, β₁, γ₂, β₂, ...)
    drawn = [v for pair in zip(cfg.gamma, cfg.beta, strict=True) for v in pair]
    if [st.session_state.get(s.key) for s in sliders] != drawn:
        st.rerun()             # a γ or β settled in the browser: the whole page follows it
    chart = st.container()   # the chart first, its step control under it
    step = stepper("bn_step", t.items("layer.steps.short"), t)
    with chart:
        client_chart.show(five_steps_animation(run, labels.five_steps(t), active=step - 1), key="layer_steps",
                          sliders=sliders, model=_affine_model(run, sliders, step - 1),
                          alt=t("alt.layer_steps"))
    st.caption(t("layer.steps.caption"))
    st.markdown(t(f"layer.steps.explain.{step}"))
    values = {"n": run.x.shape[0], "d": run.x.shape[1], "eps": f"{cfg.eps:g}", "mom": f"{cfg.momentum:g}"}
    formula = STEP_FORMULAS.get(step, RUNNING_FORMULAS[cfg.convention])
    st.latex(formula % values)
    feature_table(_step_columns(step, run, t), t)


def _affine_model(run: bn_core.FiveSteps, sliders: tuple[ClientSlider, ...], active: int) -> dict:
    """What the browser needs to redraw step 4 for new γ and β: x̂ per feature, the keys of each
    feature's γ and β (`sliders`: γ₁, β₁, γ₂, ...), and the bounds of every other stage's values."""
    views = stage_views(run)
    d = run.x.shape[1]
    return {"kind": "five_steps_affine", "arrays": ["x_hat"], "active": active, "frame": AFFINE,
            "x_hat": [client_chart.f64(run.x_hat[:, j]) for j in range(d)],
            "gamma": [s.key for s in sliders[0::2]], "beta": [s.key for s in sliders[1::2]], "stat": d,
            "bounds": value_bounds(views[:AFFINE] + views[AFFINE + 1:])}


def _step_columns(step: int, run: bn_core.FiveSteps, t: Translator) -> dict:
    c = lambda k: t(f"layer.col.{k}")  # noqa: E731 - a short alias keeps the table specs readable
    if step == 1:
        return {c("min"): run.x.min(0), c("max"): run.x.max(0), c("first"): run.x[0]}
    if step == 2:
        return {"μ": run.mu, "σ²": run.var, "σ": run.var**0.5}
    if step == 3:
        return {"√(σ²+ε)": run.std, c("mean_xhat"): run.x_hat.mean(0), c("var_xhat"): run.x_hat.var(0)}
    if step == 4:
        return {"γ": run.gamma, "β": run.beta, c("mean_y"): run.y.mean(0), c("std_y"): run.y.std(0)}
    return {c("rm_before"): run.before.mean, c("rm_after"): run.after.mean,
            c("rv_before"): run.before.var, c("rv_after"): run.after.var}


def cell_trace(run: bn_core.FiveSteps, t: Translator) -> tuple[int, int]:
    """Pick a sample and a feature; show the arithmetic with the real numbers. Returns (i, j) 0-based."""
    st.subheader(t("layer.cell.header"))
    n, d = run.x.shape
    c1, c2 = st.columns(2)
    i = controls.slider(t("layer.cell.sample"), "bn_i", 1, n, 1, t=t, where=c1) - 1
    j = controls.slider(t("layer.cell.feature"), "bn_j", 1, max(d, 2), 1, t=t, where=c2,
                        disabled=d == 1) - 1
    j = min(j, d - 1)
    x, mu, var, g, b = run.x[i, j], run.mu[j], run.var[j], run.gamma[j], run.beta[j]
    sub = f"_{{{i + 1},{j + 1}}}"
    st.latex(   # one equality per line: on one line it overflowed a 1024 px page and hid the result
        rf"\begin{{aligned}} y{sub} &= \gamma_{{{j + 1}}}\cdot\frac{{x{sub}-\mu_{{{j + 1}}}}}"
        rf"{{\sqrt{{\sigma^2_{{{j + 1}}}+\epsilon}}}}+\beta_{{{j + 1}}} \\"
        rf" &= {paren(g)}\cdot\frac{{{paren(x)}-{paren(mu)}}}{{\sqrt{{{paren(var)}+{paren(run.eps)}}}}}+{paren(b)} \\"
        rf" &= {paren(g)}\cdot{paren(run.x_hat[i, j])}+{paren(b)} = {tex(run.y[i, j])} \end{{aligned}}"
    )
    return i, j


def shapes(run: bn_core.FiveSteps, cell: tuple[int, int], t: Translator) -> None:
    """Shape table, the batch heatmap with the normalized feature outlined, and the image case."""
    st.subheader(t("layer.shapes.header"))
    n, d = run.x.shape
    c1, c2 = st.columns([1.15, 1])                 # the table needs ~372 px in Chinese
    rows = [("x", f"({n},\u00a0{d})"), ("μ, σ²", f"({d},)"), ("x̂", f"({n},\u00a0{d})"), ("γ, β", f"({d},)"),
            ("y", f"({n},\u00a0{d})"), (t("layer.shapes.running"), f"({d},)")]  # no break inside a shape
    cols = (t("layer.shapes.name"), t("layer.shapes.shape"), t("layer.shapes.meaning_col"))
    formatted_table([dict(zip(cols, (name, shape, meaning), strict=True))
                     for (name, shape), meaning in zip(rows, t.items("layer.shapes.meaning"), strict=True)], where=c1)
    c1.markdown(t("layer.shapes.body", j=cell[1] + 1, n=n))
    with c2:
        charts.show(batch_heatmap(run.x, labels.heatmap(t), feature=cell[1], sample=cell[0]), key="layer_heatmap",
                    alt=t("alt.layer_heatmap"))
    _image_case(t)


def _image_case(t: Translator) -> None:
    with st.expander(t("layer.image.header"), expanded=False):
        st.markdown(t("layer.image.body"))
        cols = st.columns(4)
        dims = [controls.number(name, f"bn_img_{name.lower()}", 1, hi, dflt, t=t, where=col)
                for col, (name, hi, dflt) in zip(cols, IMAGE_DIMS, strict=True)]
        spec = bn_core.ImageBatchSpec(*(int(v) for v in dims))
        if spec.n * spec.h * spec.w < 2:
            st.warning(t("layer.image.too_small"))
            return
        mean, var = cache.image_case(spec)
        m = spec.n * spec.h * spec.w
        st.markdown(t("layer.image.result", n=spec.n, c=spec.c, h=spec.h, w=spec.w, m=m))
        feature_table({t("layer.col.mean_y"): mean, t("layer.col.var_y"): var}, t)
