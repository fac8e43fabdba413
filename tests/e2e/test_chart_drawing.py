"""How charts reach the screen: each new chart is drawn once, and its text takes the page's theme."""

from __future__ import annotations

import pytest

from tests.e2e.browser import EXCEPTION, move_slider, wait_idle
from ui.i18n import Translator

# A contour plot coloured as a heatmap draws its colours into an <image>; each full draw sets the
# image's href again. Counts, per chart that appears after this call, how often that happens (charts
# already on the page, which Streamlit may still resize on their way out, are not counted).
COUNT_DRAWS = """() => { document.querySelectorAll('.js-plotly-plot').forEach(g => { g.__before = true; });
  window.__draws = new Map(); window.__watch && window.__watch.disconnect();
  window.__watch = new MutationObserver(ms => { for (const m of ms) {
    if (m.target.tagName !== 'image' || m.attributeName !== 'href') continue;
    const g = m.target.closest('.js-plotly-plot');
    if (g && !g.__before) window.__draws.set(g, (window.__draws.get(g) || 0) + 1); } });
  window.__watch.observe(document.body, {subtree: true, attributes: true}); }"""


def test_each_new_contour_plot_is_drawn_once(page, server_url):
    """Streamlit hands each new chart to plotly.js twice; the second pass must find nothing changed
    (no template, number lists, layout.datarevision: figures.packed) instead of drawing it again.
    It also sets a selectable chart's dragmode and hovermode unless the figure has them, so the
    contour figure sets them itself ("pan", "closest"); without that, 1 chart in 3 was drawn twice."""
    page.goto(f"{server_url}/loss-surface?lang=en")
    wait_idle(page)
    draws: list[int] = []
    for _ in range(4):
        page.evaluate(COUNT_DRAWS)
        move_slider(page, Translator("en")("surface.ctl.momentum"), presses=1)
        page.wait_for_timeout(1500)
        wait_idle(page)
        draws += page.evaluate("() => [...window.__draws.values()]")
    assert draws == [1] * 8, draws
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


# For the first chart's title, first y tick label and the chart's own text colour: fill, fill-opacity.
TEXT_COLOURS = """() => { const chart = document.querySelector('.stPlotlyChart');
  const style = e => { const s = getComputedStyle(e); return [s.fill, s.fillOpacity]; };
  return {page: getComputedStyle(chart).color, title: style(chart.querySelector('text.gtitle')),
          tick: style(chart.querySelector('.ytick text'))}; }"""


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1: rgb.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_takes_the_pages_text_colour(browser, server_url, scheme):
    """Titles in the page's text colour, ticks the same but faded (ui.chart_css): dark text on a
    light page, light text on a dark one."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{server_url}/loss-surface?lang=en")
        wait_idle(page)
        colours = page.evaluate(TEXT_COLOURS)
        assert colours["title"] == [colours["page"], "1"]
        assert colours["tick"][0] == colours["page"] and float(colours["tick"][1]) < 1
        assert (luminance(colours["page"]) > 0.5) == (scheme == "dark"), colours
    finally:
        context.close()
