"""Chapter 3 — Inside the BN layer: the five steps on a mini-batch first, then where BN sits, what it
keeps, one cell's arithmetic and the backward pass."""

import streamlit as st

from ui import backward_panel, cache, layer_controls, layer_panels, takeaways
from ui.lang import translator
from ui.questions import layer

t = translator()
st.title(t("layer.title"))
st.markdown(t("layer.intro"))

st.header(t("layer.steps.header"))
cfg = layer_controls.layer_config(t)               # the only place the batch widgets are read
run = cache.five_steps(cfg)                        # cached call into bn_core
layer_panels.five_steps(cfg, run, t)
layer.affine(cfg, t)
layer.pair(cfg, t)
layer_panels.where_bn_sits(t)
layer_panels.state_counts(t)
backward_panel.cell_and_backward(cfg, run, t)   # reruns alone when the cell changes
takeaways.remember("bn_layer", t)
