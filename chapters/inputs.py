"""Chapter 1 — Normalizing inputs: features on wildly different scales, standardized."""

import streamlit as st

from ui import data_controls, features_cache, inputs_panels, upload_panel
from ui.lang import translator

t = translator()
st.title(t("inputs.title"))
st.markdown(t("inputs.intro"))

spec = data_controls.feature_spec(t)               # shared with chapter 2 through the URL
x, std = features_cache.data(spec)
names = (t("inputs.x1"), t("inputs.x2"))

inputs_panels.views(x, std, names, t, key="inputs")
st.subheader(t("inputs.table_header"))
inputs_panels.stats_table(x, std, names, t, key="inputs")
st.subheader(t("inputs.formula_header"))
inputs_panels.sample_formula(x, std, names, t, key="inputs")
inputs_panels.morph(x, std, t)
upload_panel.upload(t)
