"""Every page on a phone (an Android Chrome at 390 px), in both languages: each chart's panels in a
column at the full width, its title, legend and colour bar inside the chart and clear of each other
and of the plot, no mode bar over the legend, table headings on one line (the table scrolls),
nothing cut short, nothing wider than the screen."""

from __future__ import annotations

import pytest

from tests.e2e.browser import EXCEPTION, wait_idle
from tests.e2e.views import CUT_TEXT, OVERLAPS, PATHS
from tests.user_agents import ANDROID
from ui.i18n import Translator

WIDTH = 390

# Per chart: its width and height, title, legend, colour bar, annotation and x axis title boxes (px from
# the chart's top-left), the plot area's top, whether the legend sits above or under the plot, the x
# domains of its axes, and whether a mode bar is drawn.
CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => {
  const svg = g.querySelector('svg.main-svg').getBoundingClientRect();
  const rel = e => { if (!e) return null; const b = e.getBoundingClientRect();
    return b.height ? {top: b.top - svg.top, bottom: b.bottom - svg.top} : null; };
  const L = g._fullLayout;
  return {alt: g.closest('[aria-label]') && g.closest('[aria-label]').getAttribute('aria-label'),
          width: svg.width, height: svg.height,
          xTitles: [...g.querySelectorAll('[class^="g-x"][class$="title"]')].map(rel),
          legendUnder: !!L.legend && L.legend.y < 0 && L.legend.yanchor === 'top',
          title: rel(g.querySelector('.gtitle')), legend: rel(g.querySelector('.legend')),
          bar: rel(g.querySelector('.colorbar')), notes: [...g.querySelectorAll('.annotation')].map(rel),
          plotTop: L._size.t, legendAbove: !!L.legend && L.legend.y >= 1 && L.legend.yanchor === 'bottom',
          xDomains: Object.keys(L).filter(k => /^xaxis\\d*$/.test(k)).map(k => L[k].domain),
          modebar: !!g.querySelector('.modebar-container .modebar')}; })"""

# tables and formulas wider than their block that neither they nor their block scroll
SPILLS = """() => [...document.querySelectorAll('[data-testid="stMain"] table, [data-testid="stMain"] .katex-display')]
  .filter(e => {
    const block = e.closest('[data-testid="stMarkdownContainer"]');
    const scrolls = x => getComputedStyle(x).overflowX === 'auto';
    return !scrolls(block) && !scrolls(e) && e.scrollWidth > block.clientWidth + 3;
  }).map(e => e.textContent.trim().slice(0, 40))"""

# Table headings and numbers (right-aligned cells) set on more than one line: their distinct line tops
WRAPPED_CELLS = """() => [...document.querySelectorAll(
  '[data-testid="stMain"] th, [data-testid="stMain"] td[style*="right"]')].filter(th => {
  const r = document.createRange(); r.selectNodeContents(th);
  return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size > 1; }).map(th => th.textContent)"""
PAGE_WIDTH = """() => document.querySelector('[data-testid="stMain"]').scrollWidth"""


# Prev/Next pairs (buttons labelled `prev` and `next`, in page order): their tops and sides
STEPPERS = """([prev, next]) => {
  const boxes = label => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stButton"] button')]
    .filter(b => b.textContent.trim().endsWith(label)).map(b => b.getBoundingClientRect());
  const p = boxes(prev), n = boxes(next);
  return p.map((b, k) => ({prevTop: b.top, prevRight: b.right,
                          nextTop: n[k] && n[k].top, nextLeft: n[k] && n[k].left}));
}"""

# The chapter footer (the links after the page's last rule): every label whole, the last link at the right
FOOTER = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const rules = main.querySelectorAll('hr');
  if (!rules.length) return null;
  const rule = rules[rules.length - 1].getBoundingClientRect();
  const links = [...main.querySelectorAll('[data-testid="stPageLink"] a')]
    .filter(a => a.getBoundingClientRect().top > rule.bottom);
  return {n: links.length,
          cut: links.filter(a => [...a.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
                    .map(a => a.textContent),
          lastRightGap: links.length ? rule.right - links[links.length - 1].getBoundingClientRect().right : null};
}"""

def chart_faults(chart: dict) -> list[str]:
    faults = []
    if chart["width"] > WIDTH:
        faults.append("wider than the screen")
    if any(d != [0, 1] for d in chart["xDomains"]):
        faults.append(f"panels side by side {chart['xDomains']}")
    if chart["modebar"]:
        faults.append("mode bar shown")
    title, legend = chart["title"], chart["legend"]
    if title and title["top"] < -1:
        faults.append(f"title cut at the top {title}")
    if legend and chart["legendAbove"]:
        if legend["top"] < -1:
            faults.append(f"legend cut at the top {legend}")
        if legend["bottom"] > chart["plotTop"] + 2:
            faults.append(f"legend over the plot {legend} (plot top {chart['plotTop']})")
        if title and title["bottom"] > legend["top"] + 1:
            faults.append(f"title {title} over the legend {legend}")
    if legend and chart["legendUnder"]:          # under the column: below every x axis title, not cut
        if legend["bottom"] > chart["height"] + 1:
            faults.append(f"legend cut at the bottom {legend} (chart height {chart['height']})")
        lowest = max((x["bottom"] for x in chart["xTitles"] if x), default=None)
        if lowest is None or legend["top"] < lowest - 1:
            faults.append(f"legend {legend} over the x axis titles {chart['xTitles']}")
    if any(n and n["top"] < -1 for n in chart["notes"]):
        faults.append(f"annotation cut at the top {chart['notes']}")
    bar = chart["bar"]
    if bar and chart["xDomains"]:      # a 2-D chart's colour bar lies above the plot, below the title
        if bar["top"] < -1 or bar["bottom"] > chart["plotTop"] + 2:
            faults.append(f"colour bar {bar} not between the top and the plot (plot top {chart['plotTop']})")
        if title and title["bottom"] > bar["top"] + 1:
            faults.append(f"title {title} over the colour bar {bar}")
    return faults


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_a_phone_gets_charts_that_fit_and_nothing_drawn_over_anything_else(browser, server_url, lang, path):
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, user_agent=ANDROID, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{server_url}/{path}?lang={lang}")
        wait_idle(page)
        charts = page.evaluate(CHARTS)
        assert charts
        assert {c["alt"]: f for c in charts if (f := chart_faults(c))} == {}
        assert page.evaluate(CUT_TEXT) == []
        assert page.evaluate(OVERLAPS) == []
        assert page.evaluate(SPILLS) == []
        assert page.evaluate(WRAPPED_CELLS) == []
        assert page.evaluate(PAGE_WIDTH) <= WIDTH
        t = Translator(lang)
        for pair in page.evaluate(STEPPERS, [t("common.prev"), t("common.next")]):   # side by side, one row
            assert pair["nextTop"] is not None and abs(pair["prevTop"] - pair["nextTop"]) < 2, pair
            assert pair["nextLeft"] > pair["prevRight"], pair
        footer = page.evaluate(FOOTER)
        if path:                             # a chapter: back (and on), whole, the last one at the right
            assert footer["n"] in (1, 2) and footer["cut"] == [], footer
            assert footer["n"] == 1 or footer["lastRightGap"] < 8, footer
        assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
    finally:
        context.close()


# For each table that scrolls sideways: is it faded at its left and right edge, with the table scrolled
# to `pos` (start, middle, end)? A table that fits is listed with its fades too (it should have none).
FADES = """async (pos) => { const out = [];
  for (const e of document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]:has(table)')) {
    const room = e.scrollWidth - e.clientWidth;
    e.scrollLeft = pos === 'end' ? room : pos === 'middle' ? room / 2 : 0;
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const mask = getComputedStyle(e).maskImage, clear = 'rgba(0, 0, 0, 0)';
    out.push({scrolls: room > 1, left: mask.startsWith(`linear-gradient(to right, ${clear}`),
              right: mask.endsWith(`${clear})`), none: mask === 'none'}); }
  return out; }"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_table_wider_than_the_phone_fades_where_more_of_it_lies(browser, server_url, lang):
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, user_agent=ANDROID, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{server_url}/bn-layer?lang={lang}")       # four tables: some fit, some scroll
        wait_idle(page)
        tables = {pos: page.evaluate(FADES, pos) for pos in ("start", "middle", "end")}
        scrolls = [f["scrolls"] for f in tables["start"]]
        assert any(scrolls) and not all(scrolls), tables
        for k, wide in enumerate(scrolls):
            fades = [(tables[pos][k]["left"], tables[pos][k]["right"]) for pos in ("start", "middle", "end")]
            if wide:
                assert fades == [(False, True), (True, True), (True, False)], (k, tables)
            else:
                assert all(tables[pos][k]["none"] for pos in tables), (k, tables)
    finally:
        context.close()
