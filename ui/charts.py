"""One way to put a figure on the page, so every chart shares the mode bar and theme."""

from __future__ import annotations

import streamlit as st

from figures.lab_figure import LabFigure
from figures.legend_room import with_legend_room
from figures.phone import for_phone
from figures.theme import PHONE_PLOT_CONFIG, PLOT_CONFIG

from . import device


def show(fig: LabFigure, key: str, *, alt: str, **kwargs):
    """st.plotly_chart with the shared config (PNG download, no logo) and without Streamlit's chart
    theme: the theme's template would make the browser draw every new chart twice (see
    `figures.packed`); `figures.theme.style` and `ui.page_css` give the same look in light and
    dark mode. Trace colours stay Okabe-Ito. `alt` says what the chart shows, for screen readers
    (the catalog's [alt] table). On a phone a row of panels is shown as a column, wrapping legends and
    titles get room (`figures.phone`), and the mode bar is hidden; elsewhere a legend gets room for the
    rows it takes on a projector (`figures.legend_room`)."""
    prepared, config = prepared_figure(fig)
    return st.plotly_chart(prepared, key=key, config=config, theme=None, alt=alt, **kwargs)


def prepared_figure(fig: LabFigure) -> tuple[LabFigure, dict]:
    """The figure as `show` draws it on this device, and its plotly.js config."""
    if device.is_phone():
        return for_phone(fig), PHONE_PLOT_CONFIG
    return with_legend_room(fig), PLOT_CONFIG
