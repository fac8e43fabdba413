"""Chapter 2 — Canyon vs bowl: the loss surface of raw and standardized features, and descent on it."""

import streamlit as st

from ui import features_cache, surface_controls, surface_panels, takeaways
from ui.lang import translator
from ui.questions import early

t = translator()
st.title(t("surface.title.page"))
st.markdown(t("surface.intro"))

spec, classic, cfg = surface_controls.settings(t)   # the data are shared with chapter 1 through the URL
surfaces = features_cache.surfaces(cfg)

surface_panels.contours(surfaces, cfg, classic, t)
early.canyon_steps(cfg, surface_controls.spread_ratio(spec), t)   # before the numbers below say it
st.subheader(t("surface.numbers_header"))
surface_panels.readouts(surfaces, cfg, t)
early.large_step(cfg, t)
st.markdown(t("surface.bn_note"))
surface_panels.surfaces_3d(surfaces, cfg, classic, t)
takeaways.remember("loss_surface", t)
