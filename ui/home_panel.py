"""Home's picture: γ and β sliders over the before/after histograms, answered in the browser
(`ui.client_chart`): the page sends x̂ and the browser applies y = γ x̂ + β to every feature."""

from __future__ import annotations

import streamlit as st

from figures.histograms import BINS, before_after_histograms

from . import cache, client_chart, labels
from .client_chart import ClientSlider
from .i18n import Translator


def sliders(t: Translator) -> tuple[ClientSlider, ClientSlider]:
    return (ClientSlider("home_gamma", t("home.picture.gamma"), -3.0, 3.0, 0.1, 1.0),
            ClientSlider("home_beta", t("home.picture.beta"), -5.0, 5.0, 0.1, 0.0))


@st.fragment
def picture(t: Translator) -> None:
    """Three hidden features before BN, and after BN with the chosen γ and β (the same for each)."""
    gamma_slider, beta_slider = sliders(t)
    v = client_chart.values((gamma_slider, beta_slider), t)
    x, y = cache.home_picture(v["home_gamma"], v["home_beta"])
    _, x_hat = cache.home_picture(1.0, 0.0)          # y = 1 · x̂ + 0 = x̂ exactly
    d = x.shape[1]
    model = {"kind": "affine_histograms", "x_hat": [client_chart.f64(x_hat[:, j]) for j in range(d)],
             "traces": list(range(d, 2 * d)), "bins": BINS, "arrays": ["x_hat"],
             "gamma": ["home_gamma"] * d, "beta": ["home_beta"] * d}
    client_chart.show(before_after_histograms(x, y, labels=labels.histograms(t)), key="home_picture",
                      sliders=(gamma_slider, beta_slider), model=model, alt=t("alt.home"))
    st.caption(t("home.picture.caption"))
