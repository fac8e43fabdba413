"""Chapter 7 — When the batch is the problem: BN beside LayerNorm, InstanceNorm, GroupNorm, RMSNorm."""

import streamlit as st

from ui import takeaways
from ui.lang import translator
from ui.norm_family import controls, panels
from ui.questions import nets

t = translator()
st.title(t("norm.title"))
st.markdown(t("norm.intro"))

st.header(t("norm.cube.header"))
cfg = controls.cube_config(t)                      # the only place the chapter's widgets are read
panels.cube(cfg, t)
nets.rms(cfg, t)
panels.five_ways(cfg, t)
nets.batchmates(cfg, t)
panels.batchmates(cfg, t)
panels.sweep(cfg.seed, t)
panels.where_used(t)
takeaways.remember("norm_family", t)
