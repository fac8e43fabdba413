"""Chapter 6 — Why does BN help? The explanations put to the test on the app's own networks."""

import streamlit as st

from ui import takeaways
from ui.lang import translator
from ui.questions import nets
from ui.why_bn import controls, panels

t = translator()
st.title(t("why.title"))
st.markdown(t("why.intro"))
panels.papers(t)

cfg = controls.config(t)                           # the only place the chapter's widgets are read
runs = panels.train(cfg, t)
panels.noisy(runs, cfg, t)
panels.distributions(runs, t)
nets.ics(runs, t)                                  # before the ICS section measures it
panels.shift(runs, t)
panels.landscape(runs, cfg, t)
nets.scale(cfg, t)
panels.scale(runs, cfg, t)
lr_kind = panels.large_lr(cfg, t)
panels.evidence(runs, lr_kind, t)
takeaways.remember("why_bn", t)
