"""Chapter 4 — Moving averages & inference: running statistics, conventions, the train/eval gap."""

import streamlit as st

from ui import pitfall_panel, running_controls, running_panels, takeaways
from ui.lang import translator
from ui.questions import layer

t = translator()
st.title(t("running.title"))
st.markdown(t("running.intro"))

st.header(t("running.ema.header"))
cfg = running_controls.running_config(t)          # the only place the lab's widgets are read
running_panels.ema_lab(cfg, t)
layer.lag(cfg, t)

running_panels.conventions(cfg, t)
layer.single(cfg, t)
running_panels.train_vs_inference(cfg, t)
running_panels.train_eval_gap(cfg, t)
pitfall_panel.pitfalls(cfg, t)
takeaways.remember("running_stats", t)
