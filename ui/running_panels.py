"""Chapter 4's panels: the EMA lab, conventions side by side, training vs inference, the gap."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from bn_core import ema, get_convention, inference
from bn_core.running import ema_weight
from bn_core.stream import population_mean
from figures.conventions import conventions_figure
from figures.ema import ema_figure
from figures.inference import batchmates_figure, gap_figure

from . import charts, client_chart, controls, labels, running_cache
from .bn_settings import CUMULATIVE, momentum_slider
from .i18n import Translator
from .running_cache import RunningConfig
from .stepper import step_slider
from .tables import comparison_table


@st.fragment
def ema_lab(cfg: RunningConfig, t: Translator) -> None:
    """Step through training: batch statistics, the running statistics chasing them (redrawn in the
    browser as the BN momentum moves), the update."""
    name = CUMULATIVE if cfg.momentum is None else cfg.convention
    if cfg.momentum is not None and st.session_state.get("rs_mom") != cfg.momentum:
        st.rerun()             # the momentum settled in the browser: the whole page follows it
    tr = running_cache.trace(cfg)
    total = cfg.stream.steps
    chart = st.container()   # the chart first, its step control under it
    step = step_slider("rs_step", t("running.ema.step"), total, min(20, total), t)
    pop = population_mean(cfg.stream, np.arange(1, total + 1))
    pop_var = cfg.stream.std**2
    model = {"kind": "ema", "arrays": ["mu", "var", "extra_mean", "extra_var"],
             "mu": client_chart.f64(tr.batch_mean), "var": client_chart.f64(tr.batch_var),
             "extra_mean": client_chart.f64(np.concatenate([tr.batch_mean, pop])),
             "extra_var": client_chart.f64(np.append(tr.batch_var, pop_var)),
             "n": cfg.stream.batch_size, "convention": cfg.convention, "momentum": "rs_mom", "active": step,
             "traces": [1, 4], "axes": ["yaxis", "yaxis2"]}
    with chart:
        client_chart.show(ema_figure(tr, pop, pop_var, labels.ema(t), active=step), key="running_ema",
                          sliders=(momentum_slider("rs", t, name),), model=model, alt=t("alt.running_ema"))
    st.caption(t("running.ema.caption"))
    _update_arithmetic(cfg, tr, step, t)


def _update_arithmetic(cfg: RunningConfig, tr: ema.EMATrace, step: int, t: Translator) -> None:
    if step == 0:
        st.markdown(t("running.ema.initial"))
        return
    w = ema_weight(cfg.momentum, step, get_convention(cfg.convention))
    m = cfg.stream.batch_size
    fed = tr.batch_var_unbiased[step - 1] if cfg.convention == "pytorch" else tr.batch_var[step - 1]
    st.markdown(t("running.ema.update", step=step, w=f"{w:.4g}"))
    st.latex(rf"\hat\mu_{{{step}}} = (1-{w:.4g})\cdot{tr.running_mean[step - 1]:.4g} + {w:.4g}\cdot"
             rf"{tr.batch_mean[step - 1]:.4g} = {tr.running_mean[step]:.4g}")
    var_note = rf"\tfrac{{{m}}}{{{m - 1}}}\,\sigma^2_B = " if cfg.convention == "pytorch" else r"\sigma^2_B = "
    st.latex(rf"\hat\sigma^2_{{{step}}} = (1-{w:.4g})\cdot{tr.running_var[step - 1]:.4g} + {w:.4g}\cdot"
             rf"{fed:.4g} = {tr.running_var[step]:.4g}, \qquad {var_note}{fed:.4g}")


@st.fragment
def conventions(cfg: RunningConfig, t: Translator) -> None:
    """PyTorch m, Keras 1 - m and the cumulative average on the same stream, with a table."""
    st.header(t("running.conv.header"))
    st.markdown(t("running.conv.intro"))
    m = controls.slider(t("running.conv.m"), "rs_cmp_m", 0.01, 0.99, 0.1, t=t, step=0.01)
    traces = running_cache.side_by_side(cfg.stream, float(m))
    keras_m = f"{ema.equivalent_momentum('pytorch', float(m))[1]:g}"
    names = {k: t(f"running.conv.name.{k}", m=f"{m:g}", k=keras_m) for k in traces}
    charts.show(conventions_figure({names[k]: v for k, v in traces.items()}, labels.conventions(t)),
                key="running_conventions", alt=t("alt.running_conventions"))
    st.info(t("running.conv.equivalent", m=f"{m:g}", k=keras_m), icon=":material/sync_alt:")
    comparison_table([t(f"running.conv.col.{k}") for k in _PROPERTIES],
                     {names[key]: _convention_column(tr, t) for key, tr in traces.items()})
    st.caption(t("running.conv.not_optimizer"))


# the table's rows, top to bottom; each convention is a column, so the three read side by side and
# the table fits a 1024 px projector's 564 px column (a row per convention was 658–695 px wide)
_PROPERTIES = ("weight", "window", "half_life", "variance", "final_mean", "final_var")


def _convention_column(tr: ema.EMATrace, t: Translator) -> list[str]:
    """One convention's cells, in _PROPERTIES order: weight, window, half-life, variance fed in,
    final state."""
    w = ema.new_batch_weight(tr.convention, tr.momentum)
    variance = "unbiased" if tr.convention == "pytorch" else "biased"
    return [
        f"{w:.3g}" if w is not None else "1/t",
        f"{ema.averaging_window(w):.3g}" if w is not None else t("running.conv.all"),
        _fmt_steps(ema.half_life(w)) if w is not None else "—",
        t(f"running.conv.var.{variance}"),
        f"{tr.running_mean[-1]:.4g}",
        f"{tr.running_var[-1]:.4g}",
    ]


def _fmt_steps(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:.3g}"


@st.fragment
def train_vs_inference(cfg: RunningConfig, t: Translator) -> None:
    """One sample normalized in training mode among random batchmates vs at inference."""
    st.header(t("running.infer.header"))
    st.markdown(t("running.infer.intro"))
    spec = cfg.stream
    x0 = controls.slider(t("running.infer.x0"), "rs_x0", -30.0, 30.0, 7.0, t=t, step=0.1)
    tr = running_cache.trace(cfg)
    y_inf = float(ema.trained_layer(tr, spec.steps).forward(np.array([[x0]]), training=False)[0, 0])
    y_exact = float(inference.population_output(np.array(x0), spec, spec.steps, cfg.eps))
    outputs = running_cache.batchmates(cfg, float(x0))
    charts.show(batchmates_figure(outputs, y_inf, y_exact, labels.batchmates(t)), key="running_batchmates",
                alt=t("alt.running_batchmates"))
    spread = {b: float(np.std(v)) for b, v in outputs.items()}
    st.markdown(t.sentences(t("running.infer.readout", y_inf=f"{y_inf:.4g}", y_exact=f"{y_exact:.4g}",
                              s2=f"{spread[2]:.3g}", s128=f"{spread[128]:.3g}"), _noise_verdict(spread, float(x0), t)))
    st.caption(t("running.infer.pair", plus=f"{np.mean(outputs[2] > 0):.0%}"))
    with st.expander(t("running.infer.one_header")):
        st.code(inference.training_error_message(float(x0)), language=None)
        st.markdown(t("running.infer.one_body"))


NOISIER = 1.5   # batches of 2 count as the noisier when x₀'s output spreads 1.5× more than in batches of 128


def _noise_verdict(spread: dict[int, float], x0: float, t: Translator) -> str:
    """Whether batches of 2 spread x₀'s output more than batches of 128, with the ratio."""
    if spread[2] > NOISIER * spread[128]:
        return t("running.infer.noisier", ratio=f"{spread[2] / max(spread[128], 1e-300):.3g}")
    return t("running.infer.not_noisier", x0=f"{x0:g}")


SETTLED = 0.5   # the running error has settled once it is below half of its value after the first step


def train_eval_gap(cfg: RunningConfig, t: Translator) -> None:
    """Error of running- vs batch-statistics outputs against the exact population normalization."""
    st.header(t("running.gap.header"))
    st.markdown(t("running.gap.intro"))
    g = running_cache.gap(cfg)
    charts.show(gap_figure(g.steps, g.running, g.batch, labels.gap(t)), key="running_gap", alt=t("alt.running_gap"))
    first, last = float(g.running[0]), float(g.running[-1])
    settled = t("running.gap.settled" if last < SETTLED * first else "running.gap.unsettled",
                first=f"{first:.3g}", last=f"{last:.3g}")
    # the batch error is the same at every step in expectation (it never uses the running statistics)
    st.markdown(t.sentences(t("running.gap.readout", running=f"{last:.3g}", batch=f"{g.batch[-1]:.3g}",
                              b=cfg.stream.batch_size, steps=cfg.stream.steps),
                            settled, t("running.gap.batch_noise", b=cfg.stream.batch_size)))
