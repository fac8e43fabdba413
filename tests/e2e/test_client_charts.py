"""The charts whose sliders the browser answers (ui/client_chart.js): for several values of each
slider, what the chart holds equals bn_core computed here in Python (to float32 rounding), the move
redraws without a script run, and the value the reader settles on reaches the URL and the server."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import ema
from bn_core.stream import StreamSpec, batch_stream, population_mean
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


def frames_of(page) -> dict:
    """{frame name: (running mean, running variance)} of the client chart's animation frames."""
    return page.evaluate(f"""() => {{ const g = document.querySelector('{CLIENT_PLOT}');
      return Object.fromEntries(g._transitionData._frames.map(f => [f.name,
          [Array.from(f.data[1].y), Array.from(f.data[4].y)]])); }}""")


# Both conventions (Keras weighs the new batch with 1 - momentum, feeds the biased variance), a few
# momenta from 0 (the running statistics never move) to 1 (they are the last batch's), two streams
@pytest.mark.parametrize(("query", "convention", "spec"), [
    ("", "pytorch", StreamSpec()),
    ("&rs_conv=keras&rs_batch=5&rs_drift=0.03&rs_seed=4", "keras", StreamSpec(drift=0.03, batch_size=5, seed=4)),
])
def test_ema_running_statistics_are_the_cores_for_each_momentum(page, server_url, query, convention, spec):
    page.goto(f"{server_url}/running-stats?lang=en{query}")
    page.wait_for_selector(f"{CLIENT_PLOT}.js-plotly-plot", timeout=60_000)
    wait_idle(page)
    active = 20                                     # the step the chart shows before Play
    for momentum in (0.0, 0.05, 0.37, 0.9, 1.0):
        page.evaluate(SET, ["rs_mom", momentum])
        tr = ema.run_ema(batch_stream(spec), convention=convention, momentum=momentum)
        shown = page.evaluate(TRACES, [1, 4])
        np.testing.assert_allclose(shown[0]["y"], tr.running_mean[:active + 1], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(shown[1]["y"], tr.running_var[:active + 1], rtol=1e-6, atol=1e-9)
        frames = frames_of(page)
        assert len(frames) > 10
        for name, (mean, var) in frames.items():
            k = int(name)
            np.testing.assert_allclose(mean, tr.running_mean[:k + 1], rtol=1e-6, atol=1e-9)
            np.testing.assert_allclose(var, tr.running_var[:k + 1], rtol=1e-6, atol=1e-9)
        lo, hi = page.evaluate(f"() => document.querySelector('{CLIENT_PLOT}')._fullLayout.yaxis.range")
        values = np.concatenate([tr.batch_mean, tr.running_mean, population_mean(spec, np.arange(1, spec.steps + 1))])
        pad = 0.05 * (values.max() - values.min())
        assert (lo, hi) == pytest.approx((values.min() - pad, values.max() + pad), rel=1e-9)
    # the last value settles: the URL has it and the update's arithmetic below uses it
    page.wait_for_function("() => location.search.includes('rs_mom=1')", timeout=15_000)
    wait_idle(page)
    tr = ema.run_ema(batch_stream(spec), convention=convention, momentum=1.0)
    np.testing.assert_allclose(page.evaluate(TRACES, [1, 4])[0]["y"], tr.running_mean[:active + 1], rtol=1e-6)
    w = 1.0 if convention == "pytorch" else 0.0          # the new batch's weight at momentum 1
    update = Translator("en")("running.ema.update", step=active, w=f"{w:.4g}").replace("**", "")
    page.get_by_text(update).wait_for(timeout=15_000)
    assert page.locator(EXCEPTION).count() == 0
