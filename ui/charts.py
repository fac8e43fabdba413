"""One way to put a figure on the page, so every chart shares the mode bar and theme."""

from __future__ import annotations

import streamlit as st

from figures.lab_figure import LabFigure
from figures.theme import PLOT_CONFIG


def show(fig: LabFigure, key: str, *, alt: str, **kwargs):
    """st.plotly_chart with the shared config (PNG download, no logo) and without Streamlit's chart
    theme: the theme's template would make the browser draw every new chart twice (see
    `figures.packed`); `figures.theme.style` and `ui.page_css` give the same look in light and
    dark mode. Trace colours stay Okabe-Ito. `alt` says what the chart shows, for screen readers
    (the catalog's [alt] table)."""
    return st.plotly_chart(fig, key=key, config=PLOT_CONFIG, theme=None, alt=alt, **kwargs)
