"""Chapter 2's controls: the data (shared with chapter 1), the scale ratio, whitening, descent."""

from __future__ import annotations

import streamlit as st

from bn_core.features import X1_RANGE, X2_RANGE, FeatureSpec

from . import controls, data_controls
from .features_cache import SurfaceConfig
from .i18n import Translator

RATIOS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
LR_FRACS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99, 1.01, 1.1, 1.5)
WHITENING = ("none", "pca", "zca")
CLASSIC_RATIO = (X2_RANGE[1] - X2_RANGE[0]) / (X1_RANGE[1] - X1_RANGE[0])


def x2_scale_for(ratio: float) -> float:
    """x2's range multiplier that makes its spread `ratio` times x1's (1 = the classic ranges)."""
    return ratio / CLASSIC_RATIO


def spread_ratio(spec: FeatureSpec) -> float:
    """x2's spread ÷ x1's spread for the data (the inverse of x2_scale_for)."""
    return spec.x2_scale * CLASSIC_RATIO


def data_spec(t: Translator) -> tuple[FeatureSpec, bool]:
    """Shared data settings + the scale ratio (or the classic full ranges)."""
    n, shape, corr, seed = data_controls.shared(t)
    c1, c2 = st.columns([3, 1.5], vertical_alignment="bottom")
    classic = controls.flag(t("surface.ctl.classic"), "ls_classic", False, t=t, where=c2,
                            help=t("surface.ctl.classic_help"))
    ratio = controls.choice(t("surface.ctl.ratio"), "ls_ratio", RATIOS, 10, t=t, widget="select_slider",
                            format_func=lambda r: f"{r}×", where=c1, disabled=classic,
                            help=t("surface.ctl.ratio_help"))
    scale = 1.0 if classic else x2_scale_for(float(ratio))
    return FeatureSpec(n=n, shape=shape, corr=corr, x2_scale=scale, seed=seed), bool(classic)


def descent_settings(spec: FeatureSpec, t: Translator) -> SurfaceConfig:
    """Whitening, learning rate (relative to each surface's 2/λmax), momentum, steps, start."""
    c1, c2, c3, c4 = st.columns([1.3, 2, 2, 2])
    white = controls.choice(t("surface.ctl.whitening"), "ls_white", WHITENING, "none", t=t,
                            format_func=lambda w: t(f"surface.white.{w}"), where=c1)
    lr = controls.choice(t("surface.ctl.lr"), "ls_lr", LR_FRACS, 0.9, t=t, widget="select_slider",
                         format_func=lambda f: f"{f:g}", where=c2, help=t("surface.ctl.lr_help"))
    mom = controls.slider(t("surface.ctl.momentum"), "ls_mom", 0.0, 0.99, 0.0, t=t, step=0.01, where=c3,
                          help=t("surface.ctl.momentum_help"))
    steps = controls.slider(t("surface.ctl.steps"), "ls_steps", 5, 500, 60, t=t, step=5, where=c4)
    c5, c6 = st.columns(2)
    u = controls.slider(t("surface.ctl.u"), "ls_u", -1.0, 1.0, -0.8, t=t, step=0.05, where=c5)
    v = controls.slider(t("surface.ctl.v"), "ls_v", -1.0, 1.0, 0.6, t=t, step=0.05, where=c6)
    return SurfaceConfig(spec, str(white), float(lr), float(mom), int(steps), (float(u), float(v)))
