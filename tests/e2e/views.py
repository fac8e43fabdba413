"""One visit per page and size for the checks of test_narrow and test_picture_first: the first screen as
the page opens (the main chart's place and the controls above it), then, with every fold open, what
is cut, drawn over, spilling or squeezed; and the same page widened to the laptop width. Opening a page
costs the browser seconds here; each is opened once per test session."""

from __future__ import annotations

from tests.e2e.browser import EXCEPTION, settle, wait_idle
from ui.page_css import STACKED_TABLE_COLUMNS_PX

PATHS = ["", "inputs", "loss-surface", "bn-layer", "running-stats", "training", "why-bn", "norm-family"]
PROJECTOR, LAPTOP = 1024, STACKED_TABLE_COLUMNS_PX + 10
HEIGHT = 768
CONTROLS = ",".join(f'[data-testid="{k}"]' for k in (
    "stSlider", "stSelectbox", "stRadio", "stNumberInput", "stCheckbox", "stMultiSelect", "stButton",
    "stButtonGroup", "stFileUploader", "stTextInput", "stToggle", "labClientSlider"))

# the first chart's top and the controls above it, on the first screen
ABOVE = """(sel) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const chart = main.querySelector('[data-testid="stPlotlyChart"], [data-testid="labClientChart"]');
  const top = chart.getBoundingClientRect().top;
  const above = [...main.querySelectorAll(sel)].filter(e => e.checkVisibility()
      && e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().bottom <= top + 1);
  return {top, above: above.map(e => e.dataset.testid + ': ' + e.innerText.split('\\n')[0])};
}"""

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


def first_screen(page, path: str, lang: str, server_url: str, timeout_ms: int = 120_000) -> dict:
    """Open the page and read its first screen: {"top": the main chart's top, "above": the controls above
    it, "exceptions": how many}."""
    page.goto(f"{server_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
    wait_idle(page, timeout_ms=timeout_ms)
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    return {**page.evaluate(ABOVE, CONTROLS), "exceptions": page.locator(EXCEPTION).count()}


class Views:
    """views.at(width, path, lang): {"first": the first screen (at PROJECTOR), "checks": CHECKS' findings
    with every fold open}; each page opened once, at PROJECTOR x HEIGHT, and PATHS' pages widened to
    LAPTOP after (their LAPTOP findings are kept too)."""

    def __init__(self, browser, server_url: str):
        self.browser, self.server_url, self.seen = browser, server_url, {}
        self.context = None     # one context for every visit: the HTTP cache keeps Streamlit's bundle

    def at(self, width: int, path: str, lang: str) -> dict:
        if (width, path, lang) not in self.seen:
            assert width == PROJECTOR or path in PATHS, (width, path)
            self._visit(path, lang)
        return self.seen[width, path, lang]

    def _visit(self, path: str, lang: str) -> None:
        if self.context is None:
            self.context = self.browser.new_context(viewport={"width": PROJECTOR, "height": HEIGHT}, locale="en-US")
        page = self.context.new_page()
        try:
            first = first_screen(page, path, lang, self.server_url)
            open_folds(page)
            settle(page)    # Plotly lays out its buttons and sliders after the first draw
            self.seen[PROJECTOR, path, lang] = {"first": first, "checks": _read(page)}
            if path in PATHS:    # the same page on the laptop: widened, not reloaded
                page.set_viewport_size({"width": LAPTOP, "height": HEIGHT})
                settle(page)
                self.seen[LAPTOP, path, lang] = {"first": None, "checks": _read(page)}
        finally:
            page.close()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()


def _read(page) -> dict:
    return {name: page.evaluate(js) for name, js in CHECKS.items()}
