"""The picture first: on every chapter the main chart (the page's first) starts inside the first
screen at 1400×900 and at 1024×768, with at most three controls above it; the rest is folded into
"More settings". And a lesson's Next link opens its next view in the browser."""

from __future__ import annotations

import pytest

from tests.e2e.browser import EXCEPTION, SLIDERS, wait_idle
from tests.e2e.views import HEIGHT, PATHS, PROJECTOR, first_screen
from ui.i18n import Translator

MAX_CONTROLS = 3
SEEN = 100   # at least this many pixels of the chart are on the first screen


def assert_picture_first(found: dict, path: str, height: int) -> None:
    assert found["top"] <= height - SEEN, (path, found)
    assert len(found["above"]) <= MAX_CONTROLS, (path, found["above"])
    assert found["exceptions"] == 0, path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_main_chart_is_on_a_1400_by_900_first_screen_under_few_controls(browser, server_url, lang):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        for path in PATHS:
            assert_picture_first(first_screen(page, path, lang, server_url), path, 900)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_main_chart_is_on_a_1024_by_768_first_screen_under_few_controls(views, lang):
    for path in PATHS:      # the pages test_narrow checks with their folds open, as they first appear
        assert_picture_first(views.at(PROJECTOR, path, lang)["first"], path, HEIGHT)


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
