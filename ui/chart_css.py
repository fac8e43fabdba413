"""Chart text in the page's own text colour, on light and dark themes alike.

Figures are sent without Streamlit's chart theme (see `figures.lab_figure`), so nothing recolours
them for a dark page. They draw text in two marker colours (`figures.theme.TEXT`, `TEXT_SOFT`);
plotly.js writes the colour into each text element's style attribute, and these rules replace it
with `currentColor`, the text colour Streamlit's theme gives the page (faded for the soft one).
"""

from __future__ import annotations

import streamlit as st

from figures.theme import TEXT, TEXT_SOFT

SOFT_OPACITY = 0.7


def browser_rgb(hex_colour: str) -> str:
    """'#2F2D2C' as Chromium writes it in a style attribute: 'rgb(47, 45, 44)'."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def rules() -> str:
    """The CSS: text drawn in TEXT takes the page's colour, text in TEXT_SOFT the same, faded."""
    sel = '.stPlotlyChart .main-svg text[style*="fill: {}"]'
    return (f"{sel.format(browser_rgb(TEXT))} {{ fill: currentColor !important; }}\n"
            f"{sel.format(browser_rgb(TEXT_SOFT))} {{ fill: currentColor !important; "
            f"fill-opacity: {SOFT_OPACITY} !important; }}")


STYLE = f"<style>{rules()}</style>"   # built once; sent on every run, as every element is


def inject() -> None:
    """Add the rules to the page (a style-only st.html takes no space)."""
    st.html(STYLE)
