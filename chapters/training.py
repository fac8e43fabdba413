"""Chapter 5 — Training with BN: real NumPy training with and without BN, before or after the activation."""

import streamlit as st

from ui import takeaways, training_cache, training_controls, training_panels
from ui.lang import translator
from ui.questions import nets

t = translator()
st.title(t("training.title"))
st.markdown(t("training.intro"))

setup = training_controls.setup(t)                 # the only place the chapter's widgets are read
first = next(iter(setup.configs.values()))
draw_curves = training_panels.curves_slot(first.steps, t)
runs = training_cache.run_all(setup.configs, setup.data, t("training.progress"), live=draw_curves)

training_panels.curves(runs, draw_curves, t)
nets.drift(first, setup.data, t)                  # before the percentile panels show it
training_panels.paper(runs, first, setup.data, t)
nets.place(first, setup.data, t)
training_panels.recorded_step(runs, first, setup.data, t)
training_panels.sweeps(setup.configs, setup.data, t)
takeaways.remember("training", t)
