"""Chapter 2's controls: the data (shared with chapter 1), the scale ratio, whitening, descent."""

from __future__ import annotations

import streamlit as st

from bn_core.features import X1_RANGE, X2_RANGE, FeatureSpec

from . import client_chart, controls, data_controls, sections
from .client_chart import ClientSlider
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


MORE_KEYS = (*data_controls.SHARED_KEYS, "ls_classic", "ls_white", "ls_steps", "ls_u", "ls_v")


def descent_sliders(t: Translator, classic: bool = False) -> tuple[ClientSlider, ClientSlider, ClientSlider]:
    """The contour plots' own sliders: the scale ratio (the core recomputes the surfaces; off at the
    classic ranges), and the learning rate (a fraction of each surface's 2/λmax) and the optimizer
    momentum, answered in the browser (`ui.client_chart`)."""
    return (ClientSlider.choice("ls_ratio", t("surface.ctl.ratio"), RATIOS, 10, tuple(f"{r}×" for r in RATIOS),
                                help=t("surface.ctl.ratio_help"), disabled=classic, server=True),
            ClientSlider.choice("ls_lr", t("surface.ctl.lr"), LR_FRACS, 0.9, tuple(f"{f:g}" for f in LR_FRACS),
                                help=t("surface.ctl.lr_help")),
            ClientSlider("ls_mom", t("surface.ctl.momentum"), 0.0, 0.99, 0.01, 0.0, t("surface.ctl.momentum_help")))


def settings(t: Translator) -> tuple[FeatureSpec, bool, SurfaceConfig]:
    """The scale ratio, the learning rate and the optimizer momentum (the contour plots' own sliders,
    read here); the data, the classic ranges, whitening, the number of steps and the start under "More
    settings". Returns the data spec, whether the classic ranges are on, and the descent config."""
    primary = client_chart.values(descent_sliders(t), t)
    with sections.more_settings(t, MORE_KEYS):
        n, shape, corr, seed = data_controls.shared(t)
        c1, c2, c3 = st.columns([1.9, 1.3, 2], vertical_alignment="bottom")
        classic = controls.flag(t("surface.ctl.classic"), "ls_classic", False, t=t, where=c1,
                                help=t("surface.ctl.classic_help"))
        white = controls.choice(t("surface.ctl.whitening"), "ls_white", WHITENING, "none", t=t,
                                format_func=lambda w: t(f"surface.white.{w}"), where=c2)
        steps = controls.slider(t("surface.ctl.steps"), "ls_steps", 5, 500, 60, t=t, step=5, where=c3)
        c4, c5 = st.columns(2)
        u = controls.slider(t("surface.ctl.u"), "ls_u", -1.0, 1.0, -0.8, t=t, step=0.05, where=c4)
        v = controls.slider(t("surface.ctl.v"), "ls_v", -1.0, 1.0, 0.6, t=t, step=0.05, where=c5)
    ratio, lr, mom = primary["ls_ratio"], primary["ls_lr"], primary["ls_mom"]
    scale = 1.0 if classic else x2_scale_for(float(ratio))
    spec = FeatureSpec(n=n, shape=shape, corr=corr, x2_scale=scale, seed=seed)
    cfg = SurfaceConfig(spec, str(white), float(lr), float(mom), int(steps), (float(u), float(v)))
    return spec, bool(classic), cfg
