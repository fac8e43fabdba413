"""The data settings chapters 1 and 2 share (same URL keys, so a link carries them across)."""

from __future__ import annotations

import streamlit as st

from bn_core.features import SHAPES, X2_RANGE, FeatureSpec

from . import controls, sections
from .i18n import Translator

MAX_SEED = 10_000
X2_SCALES = (1.0, 0.1, 0.01, 0.001, 0.0001)


def _new_sample() -> None:
    st.session_state["d_seed"] = (st.session_state.get("d_seed", 0) + 1) % (MAX_SEED + 1)


def x2_bounds(scale: float) -> tuple[str, str]:
    """x2's lowest and highest value at this range scale, as the page writes them ("1,000", "99,999")."""
    lo, hi = X2_RANGE[0] * scale, X2_RANGE[1] * scale
    return f"{lo:,.4g}", f"{hi:,.6g}"


def x2_range_label(scale: float) -> str:
    return " – ".join(x2_bounds(scale))


def shared(t: Translator) -> tuple[int, str, float, int]:
    """Sample count, distribution shape, correlation and seed (with a "new sample" button)."""
    c1, c2, c3, c4 = st.columns([1.8, 1.4, 1.6, 2.0], vertical_alignment="bottom")
    n = controls.slider(t("data.n"), "d_n", 20, 2000, 200, t=t, step=10, where=c1)
    shape = controls.choice(t("data.shape"), "d_shape", SHAPES, "uniform", t=t, widget="selectbox",
                            format_func=lambda s: t(f"data.shapes.{s}"), where=c2)
    corr = controls.slider(t("data.corr"), "d_corr", -0.95, 0.95, 0.0, t=t, step=0.05, where=c3,
                           help=t("data.corr_help"))
    seed = controls.number(t("data.seed"), "d_seed", 0, MAX_SEED, 0, t=t, where=c4)
    c4.button(t("data.new_sample"), on_click=_new_sample, icon=":material/casino:", width="stretch")
    return int(n), str(shape), float(corr), int(seed)


SHARED_KEYS = ("d_n", "d_shape", "d_corr", "d_seed")


def feature_spec(t: Translator) -> FeatureSpec:
    """Chapter 1: the range of x2 (the classic 1,000–99,999 by default), then the shared settings
    under "More settings"."""
    scale = controls.choice(t("data.x2_range"), "d_x2", X2_SCALES, 1.0, t=t, widget="select_slider",
                            format_func=x2_range_label, help=t("data.x2_help"))
    with sections.more_settings(t, SHARED_KEYS):
        n, shape, corr, seed = shared(t)
    return FeatureSpec(n=n, shape=shape, corr=corr, x2_scale=float(scale), seed=seed)
