"""Every page on a 1024 × 768 screen (a classroom projector), in both languages: nothing cut short,
nothing drawn over something else, nothing spilling out of its column, no legend cut off at the top
of its chart, no Chinese word in a table broken over two lines, no table so wide that it has to
scroll, no Chinese table much wider than its English twin; and on a laptop just wider than where
columns holding tables stack, the same tables whole."""

from __future__ import annotations

import pytest

from tests.e2e.browser import EXCEPTION, settle, wait_idle
from ui.page_css import STACKED_TABLE_COLUMNS_PX

PATHS = ["", "inputs", "loss-surface", "bn-layer", "running-stats", "training", "why-bn", "norm-family"]
# and the states whose formulas and tables a page's first view does not show: chapter 3's steps 2-5
STATES = [*PATHS, *(f"bn-layer?bn_step={k}" for k in (2, 3, 4, 5)), "bn-layer?bn_step=5&bn_conv=keras"]

CUT_TEXT = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter(e => e.clientWidth > 0 && getComputedStyle(e).textOverflow === 'ellipsis'
    && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim())"""

# Play/Pause buttons and the frame slider of each animated chart: pairs whose boxes intersect
OVERLAPS = """() => {
  const box = e => e.getBoundingClientRect();
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const out = [];
  for (const g of document.querySelectorAll('.js-plotly-plot')) {
    const buttons = [...g.querySelectorAll('.updatemenu-button')].map(box);
    const sliders = [...g.querySelectorAll('.slider-container')].map(box);
    for (const b of buttons) for (const s of sliders) if (meet(b, s)) out.push([b.left, b.top, s.left, s.top]);
  }
  return out;
}"""

# tables and formulas whose right edge passes their block's, unless the block scrolls them
SPILLS = """() => [...document.querySelectorAll('[data-testid="stMain"] table, [data-testid="stMain"] .katex-display')]
  .filter(e => {
    const block = e.closest('[data-testid="stMarkdownContainer"]');
    const scrolls = getComputedStyle(block).overflowX === 'auto';
    return !scrolls && e.scrollWidth > block.clientWidth + 3;
  }).map(e => e.textContent.trim().slice(0, 40))"""

# charts whose legend reaches above the top of the chart (its box has ~5 px of padding above the text)
LEGENDS_CUT = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(g => {
  const legend = g.querySelector('.legend');
  if (!legend) return [];
  const cut = g.querySelector('.main-svg').getBoundingClientRect().top - legend.getBoundingClientRect().top;
  const box = g.closest('[data-testid="stPlotlyChart"], [data-testid="labClientChart"]');
  return cut > 6 ? [[box.getAttribute('aria-label').slice(0, 40), cut]] : [];
})"""

# table cells of one short Chinese word (2–6 Han characters) that the browser laid over two lines or more
BROKEN_WORDS = """() => [...document.querySelectorAll('[data-testid="stMain"] :is(th, td)')]
  .filter(c => /^[\\u4e00-\\u9fff]{2,6}$/.test(c.textContent.trim()))
  .filter(c => { const r = document.createRange(); r.selectNodeContents(c);
                 return r.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(c).lineHeight); })
  .map(c => c.textContent.trim())"""

# tables wider than their block, which then scroll and hide their last columns behind the fade: in a
# column beside something else, or across the page's width
SQUEEZED = """() => [...document.querySelectorAll('[data-testid="stMain"] table')]
  .filter(e => e.scrollWidth > e.closest('[data-testid="stMarkdownContainer"]').clientWidth + 3)
  .map(e => e.textContent.trim().slice(0, 40))"""

TABLE_WIDTHS = """() => [...document.querySelectorAll('[data-testid="stMain"] table')].map(e => e.scrollWidth)"""
# Chinese is the more compact script: a table that is much wider in Chinese has long headings
# that cannot break (cells break Chinese only at spaces, punctuation and \u200b, see CJK_WORDS)
ZH_TABLE_SLACK = 1.15
PROJECTOR, LAPTOP = 1024, STACKED_TABLE_COLUMNS_PX + 10


def open_at(browser, server_url, width: int, path: str, lang: str):
    context = browser.new_context(viewport={"width": width, "height": 768})
    page = context.new_page()
    page.goto(f"{server_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
    wait_idle(page)
    open_folds(page)
    settle(page)    # Plotly lays out its buttons and sliders after the first draw
    return context, page


def open_folds(page) -> None:
    """Open every expander ("More settings", "Under the hood", ...): what a user unfolds must fit too."""
    closed = '[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary'
    for _ in range(page.locator(closed).count()):   # each click leaves one closed expander fewer
        page.locator(closed).first.click()
    settle(page)


CHECKS = {"cut": CUT_TEXT, "overlaps": OVERLAPS, "spills": SPILLS, "broken": BROKEN_WORDS, "legends": LEGENDS_CUT,
          "squeezed": SQUEEZED, "widths": TABLE_WIDTHS,
          "charts": "() => document.querySelectorAll('.js-plotly-plot').length", "width": "() => window.innerWidth",
          "exceptions": f"() => [...document.querySelectorAll('{EXCEPTION}')].map(e => e.innerText)"}


@pytest.fixture(scope="module")
def measured(browser, server_url):
    """measured(width, path, lang): every check's findings on that page with its folds open, read once
    per module (the Chinese-against-English comparison reuses the pages the other tests opened)."""
    seen: dict[tuple[int, str, str], dict] = {}

    def measure(width: int, path: str, lang: str) -> dict:
        if (width, path, lang) not in seen:
            context, page = open_at(browser, server_url, width, path, lang)
            try:
                seen[width, path, lang] = {name: page.evaluate(js) for name, js in CHECKS.items()}
                if width == PROJECTOR and path in PATHS:    # the same page on the laptop: widened, not reloaded
                    page.set_viewport_size({"width": LAPTOP, "height": 768})
                    settle(page)
                    seen[LAPTOP, path, lang] = {name: page.evaluate(js) for name, js in CHECKS.items()}
            finally:
                context.close()
        return seen[width, path, lang]
    return measure


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", STATES)
def test_a_projector_sized_page_cuts_overlaps_and_spills_nothing(measured, lang, path):
    found = measured(PROJECTOR, path, lang)
    assert found["charts"] > 0
    for check in ("cut", "overlaps", "spills", "broken", "legends", "squeezed", "exceptions"):
        assert found[check] == [], (check, found[check])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_a_laptop_page_just_wider_than_the_stacking_point_squeezes_no_table(measured, lang, path):
    found = measured(LAPTOP, path, lang)
    assert found["width"] == LAPTOP and found["charts"] > 0
    assert found["squeezed"] == []
    assert found["broken"] == []


@pytest.mark.parametrize("path", PATHS)
def test_a_projector_sized_chinese_table_is_not_much_wider_than_the_english_one(measured, path):
    widths = {lang: measured(PROJECTOR, path, lang)["widths"] for lang in ("en", "zh")}
    assert len(widths["zh"]) == len(widths["en"])
    assert [zh for en, zh in zip(widths["en"], widths["zh"], strict=True) if zh > ZH_TABLE_SLACK * en] == []
