"""The shared look: Okabe-Ito colour-blind-safe colours, a layout that reads on light and dark
backgrounds (transparent paper, translucent grid, text recoloured by the page's CSS), and a mode bar
that downloads a PNG.

Figures carry no template (see `figures.lab_figure`): `style` spells out what Streamlit's template
and theme gave them (font sizes, bold titles, no vertical grid, ...). Text is drawn in one of two
marker colours, `TEXT` and `TEXT_SOFT`, off by one from Streamlit's light theme: an exported PNG looks
as on a light page, and `ui.page_css` finds these colours in each text element's style and swaps in
the page's own text colour, so charts follow the light or dark theme as the rest of the page does.
Text on a fixed background (hover labels, boxes) uses other colours and is left alone."""

from __future__ import annotations

import numpy as np
from plotly.colors import get_colorscale

from .lab_figure import LabFigure

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}
# Traces that the page's text names by their colour ("the dark orange line"): one role each, so the
# figure that draws a role and the sentence that names it take the colour from here, and the word
# from the catalogs' [colour] table keyed by the Okabe-Ito name (tests/app/test_colour_words.py checks
# that each word is the colour's hue and that the text names no colour by hand).
ROLES = {
    "descent_path": "vermillion",    # chapter 2: the gradient-descent path (contours and 3-D)
    "steep_part": "reddish_purple",  # chapter 2: −∇L along the steep axis
    "gentle_part": "bluish_green",   # chapter 2: −∇L along the gentle axis
    "feature_column": "reddish_purple",  # chapter 3: the outlined column of the mini-batch heatmap
    "traced_cell": "vermillion",     # chapter 3: the cell whose arithmetic is written out
    "inference_line": "vermillion",  # chapter 4: the inference-mode output of x₀
    "shared_cells": "blue",          # chapter 7: the cells that share the chosen cell's mean and variance
    "chosen_cell": "vermillion",     # chapter 7: the chosen cell
}


def role_colour(role: str) -> str:
    """The colour of a named role (ROLES), as a hex string."""
    return OKABE_ITO[ROLES[role]]


def rgba(hex_colour: str, alpha: float) -> str:
    """'#RRGGBB' with an opacity, as Plotly's 'rgba(r,g,b,a)'."""
    r, g, b = (int(hex_colour[i: i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:g})"


# Order for categorical series: strong, distinguishable first; yellow last (weak on white).
SERIES = tuple(
    OKABE_ITO[k]
    for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "grey", "yellow")
)
# cividis is perceptually uniform and readable with colour-vision deficiency. Spelled out as
# [position, colour] pairs, the form Plotly's validator turns a scale name into (figures skip it).
SEQUENTIAL = [list(pair) for pair in get_colorscale("cividis")]
DIVERGING = [[0.0, OKABE_ITO["blue"]], [0.5, "rgba(128,128,128,0.15)"], [1.0, OKABE_ITO["vermillion"]]]
GRID = "rgba(128,128,128,0.25)"
TEXT = "#2F2D2C"        # titles and legends: the page's text colour (rgb(47, 45, 44) in the browser)
TEXT_SOFT = "#808496"   # ticks, axis and colour-bar titles, notes: the same, faded (rgb(128, 132, 150))
# Streamlit's own web font (the page loads it as "Source Sans") for Latin text on every machine, as
# the page's text; Chinese falls through to the system's CJK font. ("Source Sans Pro", its old name,
# is installed almost nowhere: chart text used to be drawn in the CJK font's Latin glyphs, or Arial.)
FONT = '"Source Sans", Source Sans Pro, Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif'
# a hover label is its own white box on either theme, so its text keeps a colour of its own
HOVER = {"bgcolor": "#FFFFFF", "bordercolor": "#DCD8D4", "font": {"color": "#31333F", "family": FONT, "size": 12}}

PLOT_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "batch-norm-lab"},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}
# On a phone the mode bar is always shown (touch screens have no hover) and covers the legend; pinch
# zoom and double-tap reset do its work there.
PHONE_PLOT_CONFIG = {**PLOT_CONFIG, "displayModeBar": False}


def series_colour(i: int) -> str:
    """The i-th categorical colour, cycling."""
    return SERIES[i % len(SERIES)]


def index_ticks(count: int, most: int = 9) -> dict:
    """Axis ticks for rows or columns numbered 1..count (samples, features): every number up to
    `most` of them, else 1 and the multiples of the smallest 1-2-5 step that keeps at most `most`
    ticks (1, 3, 5, ... for a step of 2). Left alone, Plotly ticks a two-row heatmap at 0.5, 1,
    1.5, ... and a 256-row one at 0."""
    if count <= most:
        return {"tickvals": list(range(1, count + 1))}
    step = next(m * 10**e for e in range(7) for m in (1, 2, 5) if count // (m * 10**e) < most)
    ticks = range(1, count + 1, step) if step <= 2 else [1, *range(step, count + 1, step)]
    return {"tickvals": list(ticks)}


LOG_MANTISSAS = ((1,), (1, 2, 5), (1, 2, 3, 5), (1, 1.5, 2, 3, 4, 5, 7), (1, 2, 3, 4, 5, 6, 7, 8, 9),
                 (1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9))   # coarse to fine
LOG_PAD = 0.3    # decades shown either side of a (nearly) single value


def log_ticks(values) -> dict:
    """Axis settings for a log axis over `values` (the positive finite ones count).

    Spanning a decade or more: one tick per decade. Narrower: explicit `tickvals`, the coarsest
    mantissa set of LOG_MANTISSAS that puts at least three ticks within the values (Plotly's own
    choice crowds the top of such a range). Within a factor 1.5 (one value, say): a `range` of
    LOG_PAD decades either side, ticked the same way. No values: Plotly's defaults."""
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return {}
    lo, hi = np.log10(v.min()), np.log10(v.max())
    if hi - lo >= 1:
        return {"dtick": 1}
    out = {}
    if hi - lo < np.log10(1.5):
        mid = (lo + hi) / 2
        lo, hi = mid - LOG_PAD, mid + LOG_PAD
        out["range"] = [float(lo), float(hi)]
    decades = range(int(np.floor(lo)), int(np.floor(hi)) + 1)
    for mantissas in LOG_MANTISSAS:
        ticks = [float(f"{m * 10.0**e:.6g}") for e in decades for m in mantissas]
        ticks = [x for x in ticks if lo <= np.log10(x) <= hi]
        if len(ticks) >= 3:
            return out | {"tickvals": ticks}
    return out


COLOUR_BAR_MARGIN = 110  # px right of the plot: bar, tick labels, rotated title
SCALED_TYPES = ("heatmap", "contour", "surface", "histogram2d", "histogram2dcontour")


def plot_px(layout: dict) -> float:
    """The plot area's height in px: the figure's less its top and bottom margins, which `style` fixes
    (Plotly's defaults where a layout sets none)."""
    margin = layout.get("margin", {})
    return layout.get("height", 450) - margin.get("t", 100) - margin.get("b", 80)


def shows_colour_bar(trace: dict) -> bool:
    """True for a colour-scaled trace whose scale is shown."""
    return trace.get("type") in SCALED_TYPES and trace.get("showscale") is not False


def has_colour_bar(fig: LabFigure) -> bool:
    """True when some trace of fig draws a colour bar."""
    return any(shows_colour_bar(trace) for trace in fig.data)


def style(fig: LabFigure, *, height: int = 420, title: str | None = None) -> LabFigure:
    """Apply the shared layout in place and return fig; call it after the traces are added.

    Margins are fixed (`autoexpand` off), wide enough for our ticks and the legend above the plot:
    letting Plotly grow them makes it draw every chart twice on each update (~20 ms a chart, ~60 ms
    for a contour plot with its colour bar). A figure with a colour bar gets a right margin that
    holds the bar, its ticks and its rotated title."""
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 14, "color": TEXT_SOFT},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        colorway=list(SERIES),
        margin={"l": 60, "r": COLOUR_BAR_MARGIN if has_colour_bar(fig) else 20, "t": 60 if title else 30, "b": 50,
                "pad": 8, "autoexpand": False},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 12, "color": TEXT}},
        hoverlabel=HOVER,
    )
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "pad": {"l": 4},
                                 "font": {"family": FONT, "size": 16, "color": TEXT, "weight": "bold"}})
    _axis_defaults(fig)
    for trace in fig.data:
        if trace.get("type", "scatter") == "scatter":
            _defaults(trace, {"marker": {"line": {"width": 0}}})
    return fig


_AXIS = {"gridcolor": GRID, "zerolinecolor": GRID, "tickfont": {"size": 12}, "automargin": True}
# (no tickcolor: setting it makes plotly.js draw tick marks, which Streamlit's template never did)
X_AXIS = {**_AXIS, "showgrid": False, "zeroline": False, "title": {"font": {"size": 14}, "standoff": 20}}
Y_AXIS = {**_AXIS, "title": {"font": {"size": 14}, "standoff": 24}}


def _axis_defaults(fig: LabFigure) -> None:
    """Every x and y axis gets X_AXIS / Y_AXIS where the figure has set nothing itself (as a template
    would: a builder's own `showgrid=True` stays)."""
    layout = fig.layout
    keys = [k for k in layout if k.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]
    for key in keys:
        _defaults(layout.setdefault(key, {}), X_AXIS if key.startswith("x") else Y_AXIS)


def _defaults(target: dict, defaults: dict) -> None:
    """Fill target from defaults, in place, without replacing anything target has (nested dicts too)."""
    for key, value in defaults.items():
        if isinstance(value, dict):
            if isinstance(target.get(key, {}), dict):
                _defaults(target.setdefault(key, {}), value)
        else:
            target.setdefault(key, value)
