"""Chapter 3's controls: the only place its batch and BN settings are read from widgets."""

from __future__ import annotations

import numpy as np
import streamlit as st

import bn_core
from bn_core import MiniBatchSpec
from bn_core.minibatch import MAX_D

from . import client_chart, controls, sections
from .bn_settings import bn_settings
from .cache import LayerConfig, minibatch
from .client_chart import ClientSlider
from .i18n import Translator

GAMMA_RANGE, BETA_RANGE = (-15.0, 15.0), (-30.0, 30.0)
MAX_SEED = 10_000


def _new_batch() -> None:
    st.session_state["bn_seed"] = (st.session_state.get("bn_seed", 0) + 1) % (MAX_SEED + 1)


def _undo_bn(spec: MiniBatchSpec, eps: float) -> None:
    """γ = √(σ² + ε), β = μ per feature, so y = x; clipped to the slider ranges if need be."""
    x = minibatch(spec)
    run = bn_core.five_steps(x, np.ones(spec.d), np.zeros(spec.d), bn_core.RunningStats.initial(spec.d), eps=eps)
    gamma, mu = bn_core.identity_params(run)
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


def affine_sliders(d: int) -> tuple[ClientSlider, ...]:
    """γⱼ and βⱼ of features 1..d: the sliders the five-steps chart hosts and answers in the browser
    (`ui.client_chart`), a pair per feature; feature 1's over the chart, the others' under it (the
    picture first: few controls above it)."""
    return tuple(s for j in range(1, d + 1) for s in (
        ClientSlider(f"bn_g{j}", f"γ{_sub(j)}", *GAMMA_RANGE, 0.01, 1.0, group=f"feature {j}", below=j > 1),
        ClientSlider(f"bn_b{j}", f"β{_sub(j)}", *BETA_RANGE, 0.01, 0.0, group=f"feature {j}", below=j > 1)))


def affine_buttons(spec: MiniBatchSpec, eps: float, t: Translator) -> None:
    """"Undo BN" and "reset" for every feature's γ and β (their sliders are the chart's own)."""
    st.markdown(t("layer.ctl.affine"))
    b1, b2, _ = st.columns([1, 1, 2])
    b1.button(t("layer.ctl.undo"), on_click=_undo_bn, args=(spec, eps), help=t("layer.ctl.undo_help"),
              icon=":material/undo:", width="stretch")
    b2.button(t("layer.ctl.reset"), on_click=_reset_affine, args=(spec.d,),
              icon=":material/restart_alt:", width="stretch")
    if st.session_state.pop("_bn_undo_clipped", False):
        st.warning(t("layer.ctl.undo_clipped"))


def _sub(j: int) -> str:
    """Subscript digits for labels: 3 -> ₃."""
    return str(j).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


MORE_KEYS = ("bn_n", "bn_d", "bn_seed", "bn_conv", "bn_mom", "bn_eps")


def layer_config(t: Translator) -> LayerConfig:
    """Read every chapter-3 batch control and return the frozen config: the batch and the BN settings
    under "More settings", and each feature's γ and β (the chart's own sliders, read up front for all
    MAX_D features, so a notice about ?bn_g5= shows above the fold whatever D is)."""
    affine = client_chart.values(affine_sliders(MAX_D), t)
    with sections.more_settings(t, MORE_KEYS):
        spec = batch_spec(t)
        conv, momentum, eps = bn_settings("bn", t)
        affine_buttons(spec, eps, t)
    gamma = tuple(float(affine[f"bn_g{j}"]) for j in range(1, spec.d + 1))
    beta = tuple(float(affine[f"bn_b{j}"]) for j in range(1, spec.d + 1))
    return LayerConfig(spec, gamma, beta, momentum, eps, conv)
