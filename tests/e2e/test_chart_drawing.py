"""How charts reach the screen: each new chart is computed once, and its text takes the page's theme."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser import EXCEPTION, move_slider, wait_idle
from tests.user_agents import ANDROID
from ui.i18n import Translator

# plotly.js keeps a chart's computed traces in gd.calcdata and makes a new array each time it computes
# the chart from its data. A contour plot coloured as a heatmap paints a canvas (toDataURL) every time
# it is drawn, right after any computation; at each paint this notes the calcdata of every chart (all)
# or of every chart that appeared after this call, so the distinct arrays seen per chart count its
# computations. (Redrawing a chart's layout alone, as when Streamlit sets the width it measured on
# mount, keeps calcdata.)
COUNT_COMPUTES = """(all) => { document.querySelectorAll('.js-plotly-plot').forEach(g => { g.__before = !all; });
  window.__computes = new Map();
  if (!window.__wrapped) { window.__wrapped = true; const paint = HTMLCanvasElement.prototype.toDataURL;
    HTMLCanvasElement.prototype.toDataURL = function (...a) {
      for (const g of document.querySelectorAll('.js-plotly-plot')) if (!g.__before && g.calcdata) {
        if (!window.__computes.has(g)) window.__computes.set(g, new Set());
        window.__computes.get(g).add(g.calcdata); }
      return paint.apply(this, a); }; } }"""


def test_each_new_heatmap_is_computed_once(page, server_url):
    """Streamlit hands each new chart to plotly.js twice; the second pass must find nothing changed
    (no template, number lists, layout.datarevision: figures.packed) instead of computing and
    drawing the chart again, as it did for every chart before (2 computations each)."""
    page.goto(f"{server_url}/bn-layer?lang=en")
    wait_idle(page)
    computes: list[int] = []
    for _ in range(3):
        page.evaluate(COUNT_COMPUTES, False)
        move_slider(page, Translator("en")("layer.ctl.n"), presses=1)   # a new batch: a new heatmap
        wait_idle(page)
        computes += page.evaluate("() => [...window.__computes.values()].map(s => s.size)")
    assert len(computes) >= 3 and set(computes) == {1}, computes   # every new chart of each move, once
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


# Per client plot, from this call on: how often plotly.js drew it whole (plotly_afterplot) and how often
# it drew only some traces (plotly_animated, what ui/client_chart.js's MOVES do).
COUNT_DRAWS = """() => { window.__draws = [...document.querySelectorAll('[data-testid="labClientChart"]')].map(g => {
  const n = {whole: 0, moved: 0};
  if (!g.__counted) { g.__counted = true; g.on('plotly_afterplot', () => g.__n.whole++);
                      g.on('plotly_animated', () => g.__n.moved++); }
  g.__n = n; return n; }); }"""


def test_a_client_side_move_redraws_only_the_path_of_each_contour_plot_once(page, server_url):
    """A move of the optimizer momentum redraws the path and arrows of both contour plots in the
    browser, once each, and neither plot whole; the run the settled value starts sends the figures the
    browser has drawn already, which are not drawn again."""
    page.goto(f"{server_url}/loss-surface?lang=en")
    wait_idle(page)
    draws: list[dict] = []
    for momentum in ("0.01", "0.02", "0.03"):
        page.evaluate(COUNT_DRAWS)
        move_slider(page, Translator("en")("surface.ctl.momentum"), presses=1)
        page.wait_for_function("(m) => new URL(location.href).searchParams.get('ls_mom') === m", arg=momentum,
                               timeout=15_000)
        wait_idle(page)
        draws += page.evaluate("() => window.__draws")
    assert draws == [{"whole": 0, "moved": 1}] * 6, draws
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


# For each chart that appears after this call: at its first draw, whether it is visible and its size;
# read again once everything has settled (window.__firstDraws).
FIRST_DRAWS = """() => { window.__firstDraws = []; const old = new Set(document.querySelectorAll('.js-plotly-plot'));
  const watch = () => document.querySelectorAll('.js-plotly-plot').forEach(g => {
    if (old.has(g) || !g.on) return; old.add(g);
    g.once('plotly_afterplot', () => window.__firstDraws.push({g, visible: getComputedStyle(g).visibility,
      size: [g._fullLayout.width, g._fullLayout.height]})); });
  window.__watcher = new MutationObserver(watch);
  window.__watcher.observe(document.body, {childList: true, subtree: true}); }"""
SETTLED = """() => { window.__watcher.disconnect(); return window.__firstDraws.map(d => ({visible: d.visible,
  first: d.size, last: [d.g._fullLayout.width, d.g._fullLayout.height]})); }"""


@pytest.mark.parametrize("path, slider_key, width", [("inputs", "data.n", 1400), ("bn-layer", "layer.ctl.n", 1400),
                                                       ("inputs", "data.n", 1024), ("inputs", "data.n", 390)])
def test_a_redrawn_chart_is_shown_from_its_first_draw_at_its_final_size(browser, server_url, path, slider_key,
                                                                         width):
    """Streamlit mounts every chart a slider move changes hidden, draws it, and shows it only when it
    draws it again at the width it measured (ui/page_css.SHOWN_AT_FIRST_DRAW). Each such chart must be
    visible at its first draw, and that draw must already have the size it keeps: nothing jumps."""
    phone = {"user_agent": ANDROID, "is_mobile": True, "has_touch": True} if width < 640 else {}
    page = browser.new_context(viewport={"width": width, "height": 900}, **phone).new_page()
    page.goto(f"{server_url}/{path}?lang=en")
    wait_idle(page)
    page.evaluate(FIRST_DRAWS)
    move_slider(page, Translator("en")(slider_key), presses=1)
    wait_idle(page)
    draws = page.evaluate(SETTLED)
    page.context.close()
    assert len(draws) >= 2, draws              # each of these moves redraws several charts
    for d in draws:
        assert d["visible"] == "visible", d
        assert d["first"] == pytest.approx(d["last"], abs=0.5), d


# For the first chart's title, first y tick label and the chart's own text colour: fill, fill-opacity.
TEXT_COLOURS = """() => { const chart = document.querySelector('.stPlotlyChart, .lab-cc-plot');
  const style = e => { const s = getComputedStyle(e); return [s.fill, s.fillOpacity]; };
  return {page: getComputedStyle(chart).color, title: style(chart.querySelector('text.gtitle')),
          tick: style(chart.querySelector('.ytick text'))}; }"""


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1: rgb.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_takes_the_pages_text_colour(browser, server_url, scheme):
    """Titles in the page's text colour, ticks the same but faded (ui.page_css): dark text on a
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


# Every chart's tick labels, and how many animation sliders plotly.js drew inside it.
READ_CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => ({
  ticks: [...g.querySelectorAll('.xtick text, .ytick text, .cbaxis text')].map(t => t.textContent),
  sliders: g.querySelectorAll('.slider-group').length}))"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axes_read_as_decimals_and_animations_have_one_step_control(page, server_url, lang):
    """No tick label in e-notation ("1e+0", "1e−1"): a student reads 1, 0.1, 0.01. An animation has one
    step control, the page's Prev / slider / Next under it: no slider inside the chart."""
    t = Translator(lang)
    for path, step_label in (("loss-surface", "surface.ctl.step"), ("running-stats", "running.ema.step"),
                             ("training", "training.dist.record"), ("bn-layer", "common.step")):
        page.goto(f"{server_url}/{path}?lang={lang}")
        wait_idle(page)
        assert page.locator('[data-testid="stSlider"]').filter(has=page.get_by_text(t(step_label), exact=True)).count()
        for chart in page.evaluate(READ_CHARTS):
            assert not [x for x in chart["ticks"] if re.search(r"\de[+\-\u2212]?\d", x)], chart["ticks"]
            assert chart["sliders"] == 0, path
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
