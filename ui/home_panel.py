"""Home's picture: γ and β sliders over the before/after histograms, rerun on their own."""

from __future__ import annotations

import streamlit as st

from figures.histograms import before_after_histograms

from . import cache, charts, controls, labels
from .i18n import Translator


@st.fragment
def picture(t: Translator) -> None:
    """Three hidden features before BN, and after BN with the chosen γ and β."""
    c1, c2 = st.columns(2)
    gamma = controls.slider(t("home.picture.gamma"), "home_gamma", -3.0, 3.0, 1.0, t=t, step=0.1, where=c1)
    beta = controls.slider(t("home.picture.beta"), "home_beta", -5.0, 5.0, 0.0, t=t, step=0.1, where=c2)
    x, y = cache.home_picture(float(gamma), float(beta))
    charts.show(before_after_histograms(x, y, labels=labels.histograms(t)), key="home_picture", alt=t("alt.home"))
    st.caption(t("home.picture.caption"))
