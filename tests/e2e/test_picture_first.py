"""The picture first: on every chapter the main chart (the page's first) starts inside the first
screen at 1400×900 and at 1024×768, with at most three controls above it; the rest is folded into
"More settings". And a lesson's Next link opens its next view in the browser."""

from __future__ import annotations

import pytest

from tests.e2e.browser import EXCEPTION, SLIDERS, wait_idle
from ui.i18n import Translator

CHAPTERS = ["", "inputs", "loss-surface", "bn-layer", "running-stats", "training", "why-bn", "norm-family"]
CONTROLS = ",".join(f'[data-testid="{k}"]' for k in (
    "stSlider", "stSelectbox", "stRadio", "stNumberInput", "stCheckbox", "stMultiSelect", "stButton",
    "stButtonGroup", "stFileUploader", "stTextInput", "stToggle", "labClientSlider"))
MAX_CONTROLS = 3
SEEN = 100   # at least this many pixels of the chart are on the first screen

ABOVE = """(sel) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const chart = main.querySelector('[data-testid="stPlotlyChart"], [data-testid="labClientChart"]');
  const top = chart.getBoundingClientRect().top;
  const above = [...main.querySelectorAll(sel)].filter(e => e.checkVisibility()
      && e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().bottom <= top + 1);
  return {top, above: above.map(e => e.dataset.testid + ': ' + e.innerText.split('\\n')[0])};
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 768)])
def test_the_main_chart_is_on_the_first_screen_under_few_controls(browser, server_url, width, height, lang):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    page = context.new_page()
    try:
        for path in CHAPTERS:
            page.goto(f"{server_url}/{path}?lang={lang}")
            wait_idle(page, timeout_ms=120_000)
            page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
            found = page.evaluate(ABOVE, CONTROLS)
            assert found["top"] <= height - SEEN, (path, found)
            assert len(found["above"]) <= MAX_CONTROLS, (path, found["above"])
            assert page.locator(EXCEPTION).count() == 0, path
    finally:
        context.close()


def test_a_lesson_link_walks_its_views_in_the_browser(page, server_url):
    t = Translator("en")
    page.goto(f"{server_url}/?lang=en&lesson=tour&lstep=1")
    page.wait_for_function("() => location.pathname.endsWith('/inputs')", timeout=30_000)
    wait_idle(page)
    bar = page.locator(".st-key-lesson_bar")
    assert t("lesson.step", k=1, n=7) in bar.inner_text()
    bar.get_by_text(t("lesson.next")).click()
    page.wait_for_function("() => location.pathname.endsWith('/loss-surface') && location.search.includes('lstep=2')",
                           timeout=30_000)
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == t("surface.title.page")
    assert t("lesson.step", k=2, n=7) in page.locator(".st-key-lesson_bar").inner_text()
    ratio = page.locator(SLIDERS).filter(has_text=t("surface.ctl.ratio")).get_by_role("slider")
    assert ratio.first.get_attribute("aria-valuetext") == "100×"
    page.locator(".st-key-lesson_bar").get_by_text(t("lesson.previous")).click()
    page.wait_for_function("() => location.pathname.endsWith('/inputs') && location.search.includes('lstep=1')",
                           timeout=30_000)
    wait_idle(page)
    assert t("lesson.step", k=1, n=7) in page.locator(".st-key-lesson_bar").inner_text()
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_glossary_opens_at_its_own_address(page, server_url, lang):
    """/glossary is a page of its own (not taken for a path that is no page), with a link per chapter."""
    t = Translator(lang)
    page.goto(f"{server_url}/glossary?lang={lang}")
    links = page.locator('[data-testid="stMain"] [data-testid="stPageLink"]')
    links.nth(6).wait_for(timeout=30_000)                       # the page has run: the seventh chapter's link
    page.locator('[data-testid="stMain"] table').nth(6).wait_for(timeout=30_000)
    assert page.locator("h1").first.inner_text().strip() == t("glossary.title")
    assert links.count() == 7
    assert page.locator('[data-testid="stMain"] table').count() == 7
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
