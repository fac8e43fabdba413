"""Every page in a real Chromium, in both languages: renders, a slider redraws its chart, no exception."""

from __future__ import annotations

import pytest

from tests.e2e.browser import CHARTS, DESCENT_START, EXCEPTION, chart_data, full_screenshot, move_slider, wait_idle
from ui.i18n import Translator

# (url path, title key, slider label key, chart index, JS expression that changes when it redraws)
PAGES = [
    ("", "home.title", "home.picture.gamma", 0, "Array.from(g._fullData[3].x.slice(0, 5))"),
    ("inputs", "inputs.title", "data.n", 0, "g._fullData[0].x.length"),
    ("loss-surface", "surface.title.page", "surface.ctl.u", 0, f"Array.from({DESCENT_START}.x)"),
    ("bn-layer", "layer.title", "layer.ctl.n", 0, "g._fullData[0].x.length"),
    ("running-stats", "running.title", "running.ctl.mean", 0, "Array.from(g._fullData[0].y.slice(0, 3))"),
    ("training", "training.title", "training.ctl.steps", 0, "Array.from(g._fullData[0].x.slice(-2))"),
    ("why-bn", "why.title", "why.ctl.noise", 0, "Array.from(g._fullData[8].y.slice(-2))"),
    ("norm-family", "norm.title", "norm.ctl.groups", 0, "g._fullData[1].x.length"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("path", "title_key", "slider_key", "chart", "probe"), PAGES)
def test_page_renders_and_slider_redraws(page, server_url, screenshot_dir, lang, path, title_key,
                                         slider_key, chart, probe):
    t = Translator(lang)
    page.goto(f"{server_url}/{path}?lang={lang}")
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == t(title_key)
    before = chart_data(page, chart, probe)

    move_slider(page, t(slider_key), presses=3)
    wait_idle(page)
    after = chart_data(page, chart, probe)
    assert after != before, "the chart did not redraw after the slider moved"
    names = page.locator(CHARTS).evaluate_all(
        "els => els.map(e => [e.getAttribute('role'), e.getAttribute('aria-label')])")
    assert names and all(role == "figure" and label for role, label in names), names   # for screen readers
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
    full_screenshot(page, screenshot_dir / f"{path or 'home'}_{lang}.png")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
