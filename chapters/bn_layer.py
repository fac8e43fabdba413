"""Chapter 3 — Inside the BN layer: where it sits, its state, the five steps, and the backward pass."""

import streamlit as st

from ui import backward_panel, cache, layer_controls, layer_panels
from ui.lang import translator

t = translator()
st.title(t("layer.title"))
st.markdown(t("layer.intro"))

layer_panels.where_bn_sits(t)
layer_panels.state_counts(t)

st.header(t("layer.steps.header"))
cfg = layer_controls.layer_config(t)               # the only place the batch widgets are read
run = cache.five_steps(cfg)                        # cached call into bn_core
layer_panels.five_steps(cfg, run, t)

backward_panel.cell_and_backward(cfg, run, t)   # reruns alone when the cell changes
