"""The BN hyper-parameter trio shared by chapters: convention, BN momentum and ε."""

from __future__ import annotations

import streamlit as st

import bn_core

from . import client_chart, controls
from .client_chart import ClientSlider
from .i18n import Translator

EPS_OPTIONS = (1e-8, 1e-5, 1e-3, 1e-2, 1e-1, 1.0)
CUMULATIVE = "cumulative"


def _reset_to_convention(prefix: str) -> None:
    """Switching PyTorch <-> Keras loads that framework's default momentum and ε."""
    name = st.session_state[f"{prefix}_conv"]
    conv = bn_core.get_convention("pytorch" if name == CUMULATIVE else name)
    st.session_state[f"{prefix}_mom"] = conv.default_momentum
    st.session_state[f"{prefix}_eps"] = conv.default_eps


def momentum_slider(prefix: str, t: Translator, name: str) -> ClientSlider:
    """The BN momentum as a slider the browser answers (`ui.client_chart`), for convention `name`
    ("pytorch", "keras" or "cumulative", where it is disabled)."""
    conv = bn_core.get_convention("pytorch" if name == CUMULATIVE else name)
    return ClientSlider(f"{prefix}_mom", t("common.bn.momentum"), 0.0, 1.0, 0.01, conv.default_momentum,
                        help=t(f"common.bn.momentum_help_{name}"), disabled=name == CUMULATIVE)


def bn_settings(prefix: str, t: Translator, *, cumulative: bool = False, cols=None,
                client_momentum: bool = False) -> tuple[str, float | None, float]:
    """Convention radio, momentum slider and ε slider in three columns, keys `<prefix>_conv|mom|eps`.

    With cumulative=True the convention list also offers PyTorch's momentum=None; the returned
    convention is then "pytorch" with momentum None. Returns (convention, momentum, eps).
    `cols`: the three places for the three controls (default: a row of three columns).
    client_momentum: the momentum's slider is drawn by the page's client-side chart (`momentum_slider`);
    only its value is read here, and the convention's options take one line.
    """
    c1, c2, c3 = cols if cols is not None else st.columns([1.2, 2, 2])
    options = ("pytorch", "keras", CUMULATIVE) if cumulative else ("pytorch", "keras")
    name = controls.choice(t("common.bn.convention"), f"{prefix}_conv", options, "pytorch", t=t,
                           format_func=lambda c: t(f"common.convention.{c}"), where=c1,
                           on_change=_reset_to_convention, args=(prefix,), horizontal=client_momentum)
    conv = bn_core.get_convention("pytorch" if name == CUMULATIVE else name)
    if client_momentum:
        momentum = client_chart.values((momentum_slider(prefix, t, name),), t, where=c2)[f"{prefix}_mom"]
    else:
        momentum = controls.slider(t("common.bn.momentum"), f"{prefix}_mom", 0.0, 1.0, conv.default_momentum,
                                   t=t, step=0.01, where=c2, disabled=name == CUMULATIVE,
                                   help=t(f"common.bn.momentum_help_{name}"))
    eps = controls.choice(t("common.bn.eps"), f"{prefix}_eps", EPS_OPTIONS, conv.default_eps, t=t,
                          format_func=lambda e: f"{e:g}", widget="select_slider", where=c3,
                          help=t("common.bn.eps_help"))
    return conv.name, (None if name == CUMULATIVE else float(momentum)), float(eps)
