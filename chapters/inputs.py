"""Chapter 1 — Normalizing inputs: features on wildly different scales, standardized."""

import streamlit as st

from ui import data_controls, features_cache, inputs_panels, takeaways, upload_panel
from ui.lang import translator
from ui.questions import early

t = translator()
st.title(t("inputs.title"))
intro = st.empty()                                 # filled once the controls below say x2's range

spec = data_controls.feature_spec(t)               # shared with chapter 2 through the URL
x2_lo, x2_hi = data_controls.x2_bounds(spec.x2_scale)
intro.markdown(t("inputs.intro", x2_lo=x2_lo, x2_hi=x2_hi))
x, std = features_cache.data(spec)
names = (t("inputs.x1"), t("inputs.x2"))

inputs_panels.views(x, std, names, t, key="inputs")
early.moments(x, std, t)                           # asked before the table says it
st.subheader(t("inputs.table_header"))
inputs_panels.stats_table(x, std, names, t, key="inputs")
st.subheader(t("inputs.formula_header"))
inputs_panels.sample_formula(x, std, names, t, key="inputs")
early.correlation(spec, t)
inputs_panels.morph(x, std, t)
upload_panel.upload(t)
takeaways.remember("inputs", t)
