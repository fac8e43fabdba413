"""Chapter 3's controls: the only place its batch and BN settings are read from widgets."""

from __future__ import annotations

import numpy as np
import streamlit as st

import bn_core
from bn_core import MiniBatchSpec

from . import controls
from .cache import LayerConfig, minibatch
from .i18n import Translator

EPS_OPTIONS = (1e-8, 1e-5, 1e-3, 1e-2, 1e-1, 1.0)
GAMMA_RANGE, BETA_RANGE = (-15.0, 15.0), (-30.0, 30.0)
MAX_SEED = 10_000


def _reset_to_convention() -> None:
    """Switching PyTorch <-> Keras loads that framework's default momentum and ε."""
    conv = bn_core.get_convention(st.session_state["bn_conv"])
    st.session_state["bn_mom"] = conv.default_momentum
    st.session_state["bn_eps"] = conv.default_eps


def _new_batch() -> None:
    st.session_state["bn_seed"] = (st.session_state.get("bn_seed", 0) + 1) % (MAX_SEED + 1)


def _undo_bn(spec: MiniBatchSpec, eps: float) -> None:
    """γ = √(σ² + ε), β = μ per feature, so y = x; clipped to the slider ranges if need be."""
    mu, var, _ = bn_core.batch_stats(minibatch(spec))
    gamma = np.sqrt(var + eps)
    clipped = False
    for j in range(spec.d):
        g = float(np.clip(gamma[j], *GAMMA_RANGE))
        b = float(np.clip(mu[j], *BETA_RANGE))
        clipped |= g != gamma[j] or b != mu[j]
        st.session_state[f"bn_g{j + 1}"], st.session_state[f"bn_b{j + 1}"] = g, b
    st.session_state["_bn_undo_clipped"] = clipped


def _reset_affine(d: int) -> None:
    for j in range(1, d + 1):
        st.session_state[f"bn_g{j}"], st.session_state[f"bn_b{j}"] = 1.0, 0.0


def batch_spec(t: Translator) -> MiniBatchSpec:
    """Batch size, features and seed (with a "new batch" button)."""
    c1, c2, c3 = st.columns([2, 2, 1.3], vertical_alignment="bottom")
    n = controls.slider(t("layer.ctl.n"), "bn_n", 2, 256, 32, t=t, where=c1, help=t("layer.ctl.n_help"))
    d = controls.slider(t("layer.ctl.d"), "bn_d", 1, 8, 3, t=t, where=c2, help=t("layer.ctl.d_help"))
    seed = controls.number(t("layer.ctl.seed"), "bn_seed", 0, MAX_SEED, 0, t=t, where=c3)
    c3.button(t("layer.ctl.new_batch"), on_click=_new_batch, icon=":material/casino:", width="stretch")
    return MiniBatchSpec(n=int(n), d=int(d), seed=int(seed))


def hyper_parameters(t: Translator) -> tuple[str, float, float]:
    """Convention, BN momentum and ε."""
    c1, c2, c3 = st.columns([1.2, 2, 2])
    conv = controls.choice(t("layer.ctl.convention"), "bn_conv", ("pytorch", "keras"), "pytorch", t=t,
                           format_func=lambda c: t(f"common.convention.{c}"), where=c1,
                           on_change=_reset_to_convention)
    default = bn_core.get_convention(conv)
    momentum = controls.slider(t("layer.ctl.momentum"), "bn_mom", 0.0, 1.0, default.default_momentum,
                               t=t, step=0.01, where=c2, help=t(f"layer.ctl.momentum_help_{conv}"))
    eps = controls.choice(t("layer.ctl.eps"), "bn_eps", EPS_OPTIONS, default.default_eps, t=t,
                          format_func=lambda e: f"{e:g}", widget="select_slider", where=c3,
                          help=t("layer.ctl.eps_help"))
    return conv, float(momentum), float(eps)


def affine(spec: MiniBatchSpec, eps: float, t: Translator) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-feature γ and β sliders, with "undo BN" and "reset" buttons."""
    with st.expander(t("layer.ctl.affine"), expanded=True):
        b1, b2, _ = st.columns([1, 1, 2])
        b1.button(t("layer.ctl.undo"), on_click=_undo_bn, args=(spec, eps), help=t("layer.ctl.undo_help"),
                  icon=":material/undo:", width="stretch")
        b2.button(t("layer.ctl.reset"), on_click=_reset_affine, args=(spec.d,),
                  icon=":material/restart_alt:", width="stretch")
        if st.session_state.pop("_bn_undo_clipped", False):
            st.warning(t("layer.ctl.undo_clipped"))
        gammas, betas = [], []
        for j in range(1, spec.d + 1):
            if j % 2 == 1:
                cols = st.columns(4)
            cg, cb = cols[2 * ((j - 1) % 2)], cols[2 * ((j - 1) % 2) + 1]
            gammas.append(controls.slider(f"γ{_sub(j)}", f"bn_g{j}", *GAMMA_RANGE, 1.0, t=t, step=0.01,
                                          where=cg))
            betas.append(controls.slider(f"β{_sub(j)}", f"bn_b{j}", *BETA_RANGE, 0.0, t=t, step=0.01,
                                         where=cb))
    return tuple(float(g) for g in gammas), tuple(float(b) for b in betas)


def _sub(j: int) -> str:
    """Subscript digits for labels: 3 -> ₃."""
    return str(j).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def layer_config(t: Translator) -> LayerConfig:
    """Read every chapter-3 batch control and return the frozen config."""
    spec = batch_spec(t)
    conv, momentum, eps = hyper_parameters(t)
    gamma, beta = affine(spec, eps, t)
    return LayerConfig(spec, gamma, beta, momentum, eps, conv)
