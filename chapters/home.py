"""Home: what the app is, one picture of what BN does, and the map of the chapters."""

import streamlit as st

from ui import home_panel, lesson_bar, nav
from ui.lang import translator

t = translator()
st.title(t("home.title"))
st.markdown(t("home.intro"))

home_panel.picture(t)

st.subheader(t("home.steps_header"))
st.latex(r"\begin{gathered} \mu = \tfrac{1}{N}\textstyle\sum_i x_i,\quad \sigma^2 = \tfrac{1}{N}\sum_i (x_i-\mu)^2,"
         r" \\ \hat{x}_i = \frac{x_i-\mu}{\sqrt{\sigma^2+\epsilon}},\quad y_i = \gamma\,\hat{x}_i + \beta"
         r" \end{gathered}")

st.subheader(t("home.map_header"))
for chapter in nav.CHAPTERS:
    st.page_link(chapter.file, label=t("home.map.chapter", n=chapter.number, title=t(f"nav.{chapter.key}")),
                 icon=chapter.icon)
    st.caption(t(f"home.map.{chapter.key}"))
st.page_link(nav.GLOSSARY.file, label=t("nav.glossary"), icon=nav.GLOSSARY.icon)
st.caption(t("glossary.intro"))
st.subheader(t("lesson.home_header"))
st.markdown(t("lesson.home_intro"))
lesson_bar.ready_made(t)
