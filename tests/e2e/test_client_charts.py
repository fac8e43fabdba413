"""The charts whose sliders the browser answers (ui/client_chart.js): for several values of each
slider, what the chart holds equals bn_core computed here in Python (to float32 rounding), the move
redraws without a script run, and the value the reader settles on reaches the URL and the server."""

from __future__ import annotations

import numpy as np
import pytest

from figures.histograms import BINS, binned
from tests.e2e.browser import EXCEPTION, wait_idle
from ui import cache
from ui.i18n import Translator

CLIENT_PLOT = '[data-testid="labClientChart"]'
# Sets a client slider's value as a drag or a typed value would, firing its input and change events.
SET = """([key, value]) => { const input = document.querySelector(
    `[data-testid="labClientSlider"][data-key="${key}"] input`);
  input.value = String(value);
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true})); }"""
TRACES = f"""(ids) => {{ const g = document.querySelector('{CLIENT_PLOT}');
  return ids.map(i => ({{x: Array.from(g._fullData[i].x), y: Array.from(g._fullData[i].y),
                        width: g._fullData[i].width}})); }}"""
RUNS = "() => document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state')"


def home_expected(gamma: float, beta: float) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """Per feature: the right panel's bars (centres, counts, width) for y = BN(x) with γ, β."""
    _, y = cache.home_picture(gamma, beta)
    return [binned(y[:, j], BINS) for j in range(y.shape[1])]


def assert_bars(drawn: list[dict], expected) -> None:
    for bars, (centres, counts, width) in zip(drawn, expected, strict=True):
        scale = float(np.max(np.abs(centres))) or 1.0
        np.testing.assert_allclose(bars["x"], centres, rtol=1e-6, atol=1e-6 * scale)
        np.testing.assert_array_equal(bars["y"], counts)
        assert bars["width"] == pytest.approx(width, rel=1e-6)


@pytest.fixture
def home(page, server_url):
    page.goto(f"{server_url}/?lang=en")
    page.wait_for_selector(f"{CLIENT_PLOT}.js-plotly-plot", timeout=60_000)
    wait_idle(page)
    return page


# γ from its lowest to its highest value through 0 (all of y is β: NumPy's unit-wide bins), β both ways
@pytest.mark.parametrize(("gamma", "beta"), [(-3.0, -5.0), (-0.7, 1.1), (0.0, 2.5), (0.3, 0.0), (2.3, 4.9),
                                             (3.0, -1.6)])
def test_home_bars_are_the_cores_for_each_gamma_and_beta(home, gamma, beta):
    page = home
    page.evaluate(SET, ["home_gamma", gamma])
    page.evaluate(SET, ["home_beta", beta])
    assert page.evaluate(RUNS) != "running"      # drawn in the browser: no run has started yet
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(gamma, beta))
    # the settled values reach the URL (defaults are left out of it) and the server, whose own figure
    # draws the same bars
    wanted = [f"{k}={v:g}" for k, v, default in (("home_gamma", gamma, 1.0), ("home_beta", beta, 0.0))
              if v != default]
    page.wait_for_function("(wanted) => wanted.every(w => new URLSearchParams(location.search).toString()"
                           ".split('&').includes(w))", arg=wanted, timeout=15_000)
    wait_idle(page)
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(gamma, beta))
    assert page.locator(EXCEPTION).count() == 0


def test_a_link_with_home_values_opens_the_view_and_hostile_ones_are_refused(page, server_url):
    t = Translator("en")
    page.goto(f"{server_url}/?lang=en&home_gamma=-1.2&home_beta=9")
    page.wait_for_selector(f"{CLIENT_PLOT}.js-plotly-plot", timeout=60_000)
    wait_idle(page)
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(-1.2, 5.0))    # β clamped to its top
    assert page.locator('[data-testid="labClientSlider"][data-key="home_beta"] output').inner_text() == "5.0"
    clamped = t("common.url_clamped", label=t("home.picture.beta"), lo=-5.0, hi=5.0, value=5.0)
    assert page.get_by_text(clamped).count() == 1, clamped
    page.goto(f"{server_url}/?lang=en&home_gamma=nan&home_beta=1e999")
    page.wait_for_selector(f"{CLIENT_PLOT}.js-plotly-plot", timeout=60_000)
    wait_idle(page)
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(1.0, 0.0))
    for key in ("home.picture.gamma", "home.picture.beta"):
        assert page.get_by_text(t("common.url_invalid", label=t(key))).count() == 1
    assert "home_gamma" not in page.url and "home_beta" not in page.url
    assert page.locator(EXCEPTION).count() == 0
