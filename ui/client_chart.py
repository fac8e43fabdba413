"""Charts whose headline sliders answer in the browser (issue 30).

Where a slider's effect is a closed-form step on arrays the core already computed (y = γ ⊙ x̂ + β, an
EMA recurrence, 2-D descent on a known quadratic), the page sends the figure for the current values
*and* those arrays (the "model") to a small component (`client_chart.js`), which hosts the sliders and
the Plotly figure. A move redraws the chart in the browser, in the same frame, with the formula the
JS mirrors (each is named beside the Python it copies). The value the reader settles on is sent back
once, shortly after the last move: its callback writes it into session state and ?key=, so the rest of
the page (tables, text, links) follows in one run. A browser test checks the browser's numbers against
`bn_core`.

Why a v2 component that loads plotly.js itself: Streamlit's bundle keeps plotly.js in a private chunk
(no `window.Plotly`), and a v2 component's own asset folder needs an installed package with a
manifest. plotly (the Python package, already a dependency) ships `plotly.min.js`; a v1 component
declared on that folder only serves the file (its iframe is never mounted), so nothing is vendored.

URL values are read like every other control's (`ui.controls.seed_number`): junk is dropped with a
notice, out-of-range values are clamped with a notice.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import plotly
import plotly.io as pio
import streamlit as st
import streamlit.components.v1 as components_v1

from figures.lab_figure import LabFigure

from . import charts, controls
from .i18n import Translator

_PLOTLY_DIR = Path(plotly.__file__).parent / "package_data"
_PLOTLY_FILES = components_v1.declare_component("plotlyjs", path=str(_PLOTLY_DIR))
PLOTLY_SRC = f"component/{_PLOTLY_FILES.name}/plotly.min.js"   # relative to the app's base URL

_SCRIPT = Path(__file__).with_suffix(".js").read_text(encoding="utf-8")
_CSS = """
.lab-cc-sliders { display: flex; gap: 2rem; flex-wrap: wrap; margin-bottom: 0.25rem; }
.lab-cc-slider { flex: 1 1 12rem; display: flex; flex-direction: column; font-size: 0.875rem; }
.lab-cc-head { display: flex; justify-content: space-between; }
.lab-cc-slider output { font-variant-numeric: tabular-nums; color: var(--st-primary-color, #ff4b4b); }
.lab-cc-slider input[type=range] { width: 100%; accent-color: var(--st-primary-color, #ff4b4b); margin: 0.4rem 0; }
.lab-cc-plot { width: 100%; }
"""
_component = st.components.v2.component("lab_client_chart", js=_SCRIPT, css=_CSS,
                                        html='<div class="lab-cc"></div>', isolate_styles=False)


@dataclass(frozen=True)
class ClientSlider:
    """One slider the browser answers: its URL key, label and range. Values are floats."""

    key: str
    label: str
    lo: float
    hi: float
    step: float
    default: float
    help: str = ""          # shown as the label's tooltip
    disabled: bool = False


def values(sliders: tuple[ClientSlider, ...], t: Translator, where=st) -> dict[str, float]:
    """Each slider's value: session state, else ?key= (clamped or dropped with a notice), else default."""
    for s in sliders:
        controls.seed_number(s.key, s.lo, s.hi, s.default, integer=False, label=s.label, t=t, where=where)
    return {s.key: float(st.session_state[s.key]) for s in sliders}


def f64(a) -> str:
    """A float64 array as base64 of its little-endian bytes: exact, and ~40 % of its JSON text."""
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode("ascii")


def _settle(key: str, sliders: tuple[ClientSlider, ...]) -> None:
    """The browser's settled values -> session state and the URL (each checked like a URL value)."""
    sent = (st.session_state.get(key) or {}).get("values") or {}
    for s in sliders:
        v = sent.get(s.key)
        if isinstance(v, (int, float)) and math.isfinite(v):
            v = float(f"{min(max(float(v), s.lo), s.hi):.10g}")   # drop the float noise of the range input
            st.session_state[s.key] = v
            controls.sync_url(s.key, v, s.default)


def show(fig: LabFigure, *, key: str, sliders: tuple[ClientSlider, ...], model: dict, alt: str) -> None:
    """The figure (drawn for the sliders' current values) and its sliders, answered in the browser by
    `model` (a dict with "kind" naming a formula in client_chart.js, and its arrays)."""
    prepared, config = charts.prepared_figure(fig)
    rows = [{"key": s.key, "label": s.label, "min": s.lo, "max": s.hi, "step": s.step, "help": s.help,
             "disabled": s.disabled, "value": float(st.session_state[s.key])} for s in sliders]
    for s in sliders:
        controls.sync_url(s.key, float(st.session_state[s.key]), s.default)
    _component(key=key, data={"figure": pio.to_json(prepared.to_dict(), validate=False), "config": config,
                              "sliders": rows, "model": model, "alt": alt, "src": PLOTLY_SRC},
               default={"values": None}, on_values_change=lambda: _settle(key, sliders))
