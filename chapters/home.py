"""Home: what the app is, one picture of what BN does, and the map of the chapters."""

import streamlit as st

from figures.histograms import before_after_histograms
from ui import cache, charts, controls, labels, nav
from ui.lang import translator

t = translator()
st.title(t("home.title"))
st.markdown(t("home.intro"))

c1, c2 = st.columns(2)
gamma = controls.slider(t("home.picture.gamma"), "home_gamma", -3.0, 3.0, 1.0, t=t, step=0.1, where=c1)
beta = controls.slider(t("home.picture.beta"), "home_beta", -5.0, 5.0, 0.0, t=t, step=0.1, where=c2)
x, y = cache.home_picture(float(gamma), float(beta))
charts.show(before_after_histograms(x, y, labels=labels.histograms(t)), key="home_picture")
st.caption(t("home.picture.caption"))

st.subheader(t("home.steps_header"))
st.latex(r"\mu = \tfrac{1}{N}\textstyle\sum_i x_i,\quad \sigma^2 = \tfrac{1}{N}\sum_i (x_i-\mu)^2,\quad "
         r"\hat{x}_i = \frac{x_i-\mu}{\sqrt{\sigma^2+\epsilon}},\quad y_i = \gamma\,\hat{x}_i + \beta")

st.subheader(t("home.map_header"))
for chapter in nav.CHAPTERS:
    st.page_link(chapter.file, label=t("home.map.chapter", n=chapter.number, title=t(f"nav.{chapter.key}")),
                 icon=chapter.icon)
    st.caption(t(f"home.map.{chapter.key}"))
