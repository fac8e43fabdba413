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
from collections.abc import Callable
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
.lab-cc-sliders { display: flex; gap: 1.5rem; flex-wrap: wrap; margin-bottom: 0.25rem; }
.lab-cc-slider { flex: 1 1 9rem; display: flex; flex-direction: column; justify-content: flex-end;
                 font-size: 0.875rem; }
.lab-cc-below { margin: 0.5rem 0 0; }
.lab-cc-below:empty { display: none; }
.lab-cc-group { flex: 1 1 16rem; display: flex; gap: 1rem; }
.lab-cc-group .lab-cc-slider { flex: 1 1 6rem; }
.lab-cc-head { display: flex; justify-content: space-between; }
.lab-cc-slider { position: relative; }
.lab-cc-name { display: inline-flex; align-items: center; gap: 0.35rem; }
.lab-cc-help { width: 1.05rem; height: 1.05rem; padding: 0; border: 1px solid currentColor; border-radius: 50%;
               background: none; color: inherit; opacity: 0.55; font-size: 0.7rem; line-height: 1; cursor: help; }
.lab-cc-help:hover, .lab-cc-help:focus-visible, .lab-cc-help[aria-expanded=true] { opacity: 1; }
.lab-cc-tip { position: absolute; top: 100%; left: 0; z-index: 20; max-width: min(22rem, 90vw);
              padding: 0.5rem 0.7rem; border-radius: 0.4rem; background: rgba(38, 39, 48, 0.95); color: #fff;
              font-size: 0.8rem; line-height: 1.45; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); }
.lab-cc-tip[hidden] { display: none; }
.lab-cc-slider output { font-variant-numeric: tabular-nums; color: var(--st-primary-color, #ff4b4b); }
.lab-cc-slider input[type=range] { width: 100%; accent-color: var(--st-primary-color, #ff4b4b); margin: 0.4rem 0; }
.lab-cc-cells { display: grid; grid-template-columns: repeat(var(--lab-cc-cols, 1), minmax(0, 1fr)); gap: 1rem; }
@media (max-width: 640px) { .lab-cc-cells { grid-template-columns: minmax(0, 1fr); } }
.lab-cc-plot { width: 100%; min-width: 0; }
.lab-cc-note { padding: 1rem; border-radius: 0.5rem; background: rgba(28, 131, 225, 0.1); align-self: start;
               font-size: 0.95rem; line-height: 1.5; }
"""
_component = st.components.v2.component("lab_client_chart", js=_SCRIPT, css=_CSS,
                                        html='<div class="lab-cc"></div>', isolate_styles=False)


@dataclass(frozen=True)
class ClientSlider:
    """One slider the browser answers: its URL key, label and range (floats from lo to hi by step), or,
    when `options` is given, a choice among those values (shown as `texts`; lo, hi, step unused). A
    `server` slider sits in the same row but only asks the server (its effect is not closed-form)."""

    key: str
    label: str
    lo: float
    hi: float
    step: float
    default: float
    help: str = ""          # shown by a (?) after the label, as Streamlit's sliders do
    disabled: bool = False
    options: tuple = ()
    texts: tuple[str, ...] = ()
    server: bool = False    # its consequence needs the core: sent at once, no redraw in the browser
    group: str = ""         # consecutive sliders of one group stay side by side when the row wraps
    below: bool = False     # shown under the plots, not over them (few controls above the picture)

    @classmethod
    def choice(cls, key: str, label: str, options: tuple, default, texts: tuple[str, ...], *, help: str = "",
               disabled: bool = False, server: bool = False):
        return cls(key, label, 0, len(options) - 1, 1, default, help, disabled, tuple(options), tuple(texts), server)

    def accepts(self, v) -> bool:
        return v in self.options if self.options else isinstance(v, (int, float)) and math.isfinite(v)

    def settled(self, v):
        """A value the browser sent (`accepts` it) as the slider's own: the option itself, or a float in
        range without the float noise of the range input."""
        if self.options:
            return self.options[self.options.index(v)]
        return float(f"{min(max(float(v), self.lo), self.hi):.10g}")


def values(sliders: tuple[ClientSlider, ...], t: Translator, where=st) -> dict[str, float]:
    """Each slider's value: session state, else ?key= (clamped or dropped with a notice, or an unknown
    choice ignored with one), else default."""
    for s in sliders:
        if s.options:
            controls.seed_choice(s.key, s.options, s.default, label=s.label, t=t, where=where)
        else:
            controls.seed_number(s.key, s.lo, s.hi, s.default, integer=False, label=s.label, t=t, where=where)
    return {s.key: st.session_state[s.key] if s.options else float(st.session_state[s.key]) for s in sliders}


def f64(a) -> str:
    """A float64 array as base64 of its little-endian bytes: exact, and ~40 % of its JSON text."""
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode("ascii")


def _settle(key: str, sliders: tuple[ClientSlider, ...]) -> None:
    """The browser's settled values -> session state and the URL (each checked like a URL value)."""
    sent = (st.session_state.get(key) or {}).get("values") or {}
    for s in sliders:
        v = sent.get(s.key)
        if s.accepts(v):
            st.session_state[s.key] = s.settled(v)
            controls.sync_url(s.key, st.session_state[s.key], s.default)


def _clicked(key: str, on_click: Callable[[int, float, float], None]) -> None:
    """A click on plot i at (x, y), sent by the browser as the trigger "click"."""
    sent = (st.session_state.get(key) or {}).get("click") or {}
    i, x, y = sent.get("plot"), sent.get("x"), sent.get("y")
    if isinstance(i, int) and all(isinstance(c, (int, float)) and math.isfinite(c) for c in (x, y)):
        on_click(i, float(x), float(y))


def _row(s: ClientSlider) -> dict:
    value = st.session_state[s.key]
    row = {"key": s.key, "label": s.label, "min": s.lo, "max": s.hi, "step": s.step, "help": s.help,
           "disabled": s.disabled, "server": s.server, "group": s.group, "below": s.below,
           "value": value if s.options else float(value)}
    if s.options:
        row |= {"options": list(s.options), "texts": list(s.texts)}
    return row


@dataclass(frozen=True)
class Cell:
    """One plot of a client chart: its figure (drawn for the sliders' current values), the model the
    browser redraws it by (a dict with "kind" naming a formula in client_chart.js, and its arrays) and
    its alt text; or, with no figure, a note shown in its place."""

    fig: LabFigure | None
    model: dict | None = None
    alt: str = ""
    note: str = ""


def _cell(c: Cell) -> dict:
    if c.fig is None:
        return {"note": c.note}
    prepared, config = charts.prepared_figure(c.fig)
    return {"figure": pio.to_json(prepared.to_dict(), validate=False), "config": config, "model": c.model,
            "alt": c.alt}


def show(fig: LabFigure, *, key: str, sliders: tuple[ClientSlider, ...], model: dict, alt: str) -> None:
    """The figure and its sliders, answered in the browser by `model` (see `Cell`)."""
    show_cells((Cell(fig, model, alt),), key=key, sliders=sliders)


def show_cells(cells: tuple[Cell, ...], *, key: str, sliders: tuple[ClientSlider, ...],
               on_click: Callable[[int, float, float], None] | None = None) -> None:
    """The sliders over the cells side by side (one column each, stacked on a phone), each cell's
    plot redrawn in the browser by its model. `on_click(i, x, y)`: a click on plot i at (x, y)."""
    for s in sliders:
        controls.sync_url(s.key, st.session_state[s.key], s.default)
    callbacks = {"on_values_change": lambda: _settle(key, sliders)}
    if on_click is not None:
        callbacks["on_click_change"] = lambda: _clicked(key, on_click)
    _component(key=key, data={"cells": [_cell(c) for c in cells], "sliders": [_row(s) for s in sliders],
                              "src": PLOTLY_SRC, "clicks": on_click is not None},
               default={"values": None}, **callbacks)
