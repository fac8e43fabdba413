"""The charts whose sliders the browser answers (ui/client_chart.js): for several values of each
slider, what the chart holds equals bn_core computed here in Python (to float32 rounding), the move
redraws without a script run, and the value the reader settles on reaches the URL and the server."""

from __future__ import annotations

import numpy as np
import pytest

import bn_core
from bn_core import MiniBatchSpec, ema
from bn_core.features import FeatureSpec
from bn_core.stream import StreamSpec, batch_stream, population_mean
from figures.contours import ARROW_TRACES, PATH_TRACE
from figures.five_steps import stage_views, value_range
from figures.histograms import BINS, binned
from tests.e2e.browser import EXCEPTION, wait_idle
from ui import cache
from ui.cache import minibatch
from ui.features_cache import SurfaceConfig, surfaces
from ui.i18n import Translator
from ui.surface_controls import LR_FRACS, x2_scale_for
from ui.surface_panels import side_figure

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
# The same as a drag in progress: the input event only (the value is sent when the reader lets go).
DRAG = SET.replace("\n  input.dispatchEvent(new Event('change', {bubbles: true}));", "")
RUNS = "() => document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state')"


def move_and_read(page, pairs: list, read: str, arg=None):
    """Drag the client sliders [key, value] in `pairs` there (not letting go: nothing is sent), wait for
    the browser's redraw and read the chart with the JS function `read` (given `arg`): what it reads was
    drawn by the browser alone, with no run. `let_go` then sends the values, as a release does."""
    state, found = page.evaluate(f"""async ([pairs, arg]) => {{ for (const p of pairs) ({DRAG})(p);
      for (const root of document.querySelectorAll('.lab-cc')) await root.__labState.idle();
      return [({RUNS})(), ({read})(arg)]; }}""", [pairs, arg])
    assert state != "running"
    return found


def open_chart(page, url: str, last: int = 0) -> None:
    """Open `url` and wait until its client chart's plot `last` is drawn and the page is still."""
    page.goto(url)
    page.wait_for_selector(f'{CLIENT_PLOT}[data-cell="{last}"].js-plotly-plot', timeout=60_000)
    wait_idle(page)


def let_go(page, pairs: list) -> None:
    for pair in pairs:
        page.evaluate(SET, pair)


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
    open_chart(page, f"{server_url}/?lang=en")
    return page


# γ from its lowest to its highest value through 0 (all of y is β: NumPy's unit-wide bins), β both ways
@pytest.mark.parametrize(("gamma", "beta"), [(-3.0, -5.0), (-0.7, 1.1), (0.0, 2.5), (0.3, 0.0), (2.3, 4.9),
                                             (3.0, -1.6)])
def test_home_bars_are_the_cores_for_each_gamma_and_beta(home, gamma, beta):
    page = home
    drawn = move_and_read(page, [["home_gamma", gamma], ["home_beta", beta]], TRACES, [3, 4, 5])
    assert_bars(drawn, home_expected(gamma, beta))
    # the settled values reach the URL (defaults are left out of it) and the server, whose own figure
    # draws the same bars
    wanted = [f"{k}={v:g}" for k, v, default in (("home_gamma", gamma, 1.0), ("home_beta", beta, 0.0))
              if v != default]
    let_go(page, [["home_gamma", gamma], ["home_beta", beta]])
    page.wait_for_function("(wanted) => wanted.every(w => new URLSearchParams(location.search).toString()"
                           ".split('&').includes(w))", arg=wanted, timeout=15_000)
    wait_idle(page)
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(gamma, beta))
    assert page.locator(EXCEPTION).count() == 0


def test_a_link_with_home_values_opens_the_view_and_hostile_ones_are_refused(page, server_url):
    t = Translator("en")
    open_chart(page, f"{server_url}/?lang=en&home_gamma=-1.2&home_beta=9")
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(-1.2, 5.0))    # β clamped to its top
    assert page.locator('[data-testid="labClientSlider"][data-key="home_beta"] output').inner_text() == "5.0"
    clamped = t("common.url_clamped", label=t("home.picture.beta"), lo=-5.0, hi=5.0, value=5.0)
    assert page.get_by_text(clamped).count() == 1, clamped
    open_chart(page, f"{server_url}/?lang=en&home_gamma=nan&home_beta=1e999")
    assert_bars(page.evaluate(TRACES, [3, 4, 5]), home_expected(1.0, 0.0))
    for key in ("home.picture.gamma", "home.picture.beta"):
        assert page.get_by_text(t("common.url_invalid", label=t(key))).count() == 1
    assert "home_gamma" not in page.url and "home_beta" not in page.url
    assert page.locator(EXCEPTION).count() == 0


# The EMA chart's running mean and variance as shown, {frame name: (mean, variance)} of its frames, and
# its y-range.
EMA = f"""() => {{ const g = document.querySelector('{CLIENT_PLOT}');
  return [[1, 4].map(i => Array.from(g._fullData[i].y)), Object.fromEntries(g._transitionData._frames.map(f =>
          [f.name, [Array.from(f.data[1].y), Array.from(f.data[4].y)]])), g._fullLayout.yaxis.range]; }}"""


# Both conventions (Keras weighs the new batch with 1 - momentum, feeds the biased variance), a few
# momenta from 0 (the running statistics never move) to 1 (they are the last batch's), two streams
@pytest.mark.parametrize(("query", "convention", "spec"), [
    ("", "pytorch", StreamSpec()),
    ("&rs_conv=keras&rs_batch=5&rs_drift=0.03&rs_seed=4", "keras", StreamSpec(drift=0.03, batch_size=5, seed=4)),
])
def test_ema_running_statistics_are_the_cores_for_each_momentum(page, server_url, query, convention, spec):
    open_chart(page, f"{server_url}/running-stats?lang=en{query}")
    active = 20                                     # the step the chart shows before Play
    for momentum in (0.0, 0.05, 0.37, 0.9, 1.0):
        (mean_shown, var_shown), frames, (lo, hi) = move_and_read(page, [["rs_mom", momentum]], EMA)
        tr = ema.run_ema(batch_stream(spec), convention=convention, momentum=momentum)
        np.testing.assert_allclose(mean_shown, tr.running_mean[:active + 1], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(var_shown, tr.running_var[:active + 1], rtol=1e-6, atol=1e-9)
        assert len(frames) > 10
        for name, (mean, var) in frames.items():
            k = int(name)
            np.testing.assert_allclose(mean, tr.running_mean[:k + 1], rtol=1e-6, atol=1e-9)
            np.testing.assert_allclose(var, tr.running_var[:k + 1], rtol=1e-6, atol=1e-9)
        values = np.concatenate([tr.batch_mean, tr.running_mean, population_mean(spec, np.arange(1, spec.steps + 1))])
        pad = 0.05 * (values.max() - values.min())
        assert (lo, hi) == pytest.approx((values.min() - pad, values.max() + pad), rel=1e-9)
    # the last value settles: the URL has it and the update's arithmetic below uses it
    let_go(page, [["rs_mom", 1.0]])
    page.wait_for_function("() => location.search.includes('rs_mom=1')", timeout=15_000)
    wait_idle(page)
    tr = ema.run_ema(batch_stream(spec), convention=convention, momentum=1.0)
    np.testing.assert_allclose(page.evaluate(TRACES, [1, 4])[0]["y"], tr.running_mean[:active + 1], rtol=1e-6)
    w = 1.0 if convention == "pytorch" else 0.0          # the new batch's weight at momentum 1
    update = Translator("en")("running.ema.update", step=active, w=f"{w:.4g}").replace("**", "")
    page.get_by_text(update).wait_for(timeout=15_000)
    assert page.locator(EXCEPTION).count() == 0


def five_steps_expected(spec: MiniBatchSpec, gamma: np.ndarray, beta: np.ndarray):
    """Chapter 3's forward pass at these γ, β (PyTorch's defaults), and its chart's x-range."""
    run = bn_core.five_steps(minibatch(spec), gamma, beta, bn_core.RunningStats.initial(spec.d),
                             momentum=0.1, eps=1e-5)
    return run, value_range(stage_views(run))


# Step 4's frame of the five-steps chart (d features): dots per feature, the mean ± std markers, and the
# data the chart shows now; with the x-range.
STEP4 = f"""(d) => {{ const g = document.querySelector('{CLIENT_PLOT}');
  const pick = data => ({{dots: data.slice(0, d).map(t => Array.from(t.x)), centre: Array.from(data[d].x),
                         spread: Array.from((data[d].error_x || {{}}).array || [])}});
  return {{frame: pick(g._transitionData._frames.find(f => f.name === '3').data),
          shown: pick(g._fullData), range: g._fullLayout.xaxis.range}}; }}"""


def step4_of(page, d: int) -> dict:
    return page.evaluate(STEP4, d)


def assert_step4(drawn: dict, run) -> None:
    np.testing.assert_allclose(drawn["dots"], run.y.T, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(drawn["centre"], run.y.mean(axis=0), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(drawn["spread"], run.y.std(axis=0), rtol=1e-6, atol=1e-9)


# Step 4 shown (its frame is the figure's data) and step 1 shown (only the frame changes); one feature,
# three, and four with other features' γ and β set by the link; γ₁ from -15 to 15 through 0, β₁ both
# ways, and the last feature's γ and β with them
@pytest.mark.parametrize(("query", "spec", "others"), [
    ("&bn_step=4", MiniBatchSpec(n=32, d=3, seed=0), {}),
    ("&bn_step=1&bn_d=4&bn_n=7&bn_seed=9&bn_g3=2.5&bn_b2=-1", MiniBatchSpec(n=7, d=4, seed=9), {"g3": 2.5, "b2": -1.0}),
    ("&bn_step=4&bn_d=1&bn_n=2", MiniBatchSpec(n=2, d=1, seed=0), {}),
])
def test_five_steps_affine_is_the_cores_for_each_gamma_and_beta(page, server_url, query, spec, others):
    open_chart(page, f"{server_url}/bn-layer?lang=en{query}")
    shown_before = step4_of(page, spec.d)["shown"]
    gamma, beta = np.ones(spec.d), np.zeros(spec.d)
    for name, value in others.items():
        (gamma if name[0] == "g" else beta)[int(name[1:]) - 1] = value
    d = spec.d
    for g1, b1 in ((-15.0, -30.0), (0.0, 4.2), (0.37, 0.0), (2.5, -7.31), (15.0, 30.0)):
        moves = [["bn_g1", g1], ["bn_b1", b1]] + ([[f"bn_g{d}", -g1], [f"bn_b{d}", -b1]] if d > 1 else [])
        drawn = move_and_read(page, moves, STEP4, d)
        gamma[0], beta[0] = g1, b1
        if d > 1:                                    # the last feature's pair, answered in the browser too
            gamma[d - 1], beta[d - 1] = -g1, -b1
        run, x_range = five_steps_expected(spec, gamma, beta)
        assert_step4(drawn["frame"], run)
        if "bn_step=4" in query:
            assert_step4(drawn["shown"], run)
        else:                                        # step 1 shows x, whatever γ and β are
            assert drawn["shown"] == shown_before
        assert drawn["range"] == pytest.approx(x_range, rel=1e-9, abs=1e-12)
    # the last values settle: the URL has them, and the server's own figure draws the same step 4
    let_go(page, [["bn_g1", 15.0], ["bn_b1", 30.0]])
    page.wait_for_function("() => location.search.includes('bn_g1=15') && location.search.includes('bn_b1=30')",
                           timeout=15_000)
    if d > 1:                          # a move of one slider sends every value the reader dragged
        page.wait_for_function(f"() => location.search.includes('bn_g{d}=-15')", timeout=15_000)
    wait_idle(page)
    assert_step4(step4_of(page, spec.d)["frame"], run)
    assert page.locator(EXCEPTION).count() == 0


def surface_config(ratio: int = 10, lr: float = 0.9, momentum: float = 0.0, steps: int = 60,
                   start=(-0.8, 0.6), whitening: str = "none") -> SurfaceConfig:
    """Chapter 2's config for these settings and the page's default data."""
    spec = FeatureSpec(n=200, shape="uniform", corr=0.0, x2_scale=x2_scale_for(ratio), seed=0)
    return SurfaceConfig(spec, whitening, lr, momentum, steps, start)


# Per contour plot (cells 0 and 1): the path (x over every step, y up to the shown one), its frames, its
# two arrows, the names and texts of its annotations and the images drawn under its traces.
DESCENT = f"""() => [0, 1].map(cell => {{ const g = document.querySelector(
    '{CLIENT_PLOT}[data-cell="' + cell + '"]');
  const xy = t => [Array.from(t.x), Array.from(t.y)];
  return {{path: xy(g._fullData[{PATH_TRACE}]), arrows: [{ARROW_TRACES[0]}, {ARROW_TRACES[1]}].map(i =>
            xy(g._fullData[i])),
          frames: g._transitionData._frames.map(f => [f.name, Array.from(f.data[0].y)]),
          notes: (g.layout.annotations || []).map(a => [a.name, a.text]),
          background: Array.from(g.querySelectorAll('.imagelayer image'), i => i.getAttribute('href'))}}; }})"""


def descent_drawn(page) -> list[dict]:
    return page.evaluate(DESCENT)


def descent_expected(cfg: SurfaceConfig, step: int, t: Translator) -> list[dict]:
    """What each contour plot should hold: the Python figure for the path bn_core.descent runs."""
    out = []
    for name, surf in surfaces(cfg).items():
        fig, _, _, _ = side_figure(surf, name, step, t)
        data = fig.data
        xy = lambda tr: [np.asarray(tr["x"], float), np.asarray(tr["y"], float)]  # noqa: E731
        out.append({"path": xy(data[PATH_TRACE]), "arrows": [xy(data[i]) for i in ARROW_TRACES],
                    "frames": [(f["name"], np.asarray(f["data"][0]["y"], float)) for f in fig.frames],
                    "notes": [[a["name"], a["text"]] for a in fig.layout.get("annotations", [])],
                    "background": [image["source"] for image in fig.layout["images"]]})
    return out


def assert_descent(drawn: dict, expected: dict) -> None:
    flat = lambda d: [*d["path"], *(a for arrow in d["arrows"] for a in arrow)]  # noqa: E731
    for got, want in zip(flat(drawn), flat(expected), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
    assert [name for name, _ in drawn["frames"]] == [name for name, _ in expected["frames"]]
    for (_, got), (_, want) in zip(drawn["frames"], expected["frames"], strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
    assert drawn["notes"] == expected["notes"]
    assert drawn["background"] == expected["background"]     # the loss colours stay under the moved path


# Plain descent from slow to diverging (1.01 of 2/λmax), momentum that keeps 1.5 stable and one that
# makes the bowl's path spiral; the default view (60 steps, the last shown) and a whitened, steeper
# canyon at step 7 of 200 (its raw side diverges at 1.01 within a few steps)
@pytest.mark.parametrize(("query", "settings", "step"), [
    ("", {}, 60),
    ("&ls_ratio=100&ls_white=pca&ls_steps=200&ls_step=7&ls_u=0.5&ls_v=-1",
     {"ratio": 100, "whitening": "pca", "steps": 200, "start": (0.5, -1.0)}, 7),
])
def test_descent_paths_are_the_cores_for_each_learning_rate_and_momentum(page, server_url, query, settings, step):
    t = Translator("en")
    open_chart(page, f"{server_url}/loss-surface?lang=en{query}", last=1)
    for lr, momentum in ((0.05, 0.0), (0.99, 0.0), (1.01, 0.0), (1.5, 0.9), (0.3, 0.97), (1.1, 0.0)):
        drawn = move_and_read(page, [["ls_lr", LR_FRACS.index(lr)], ["ls_mom", momentum]], DESCENT)
        expected = descent_expected(surface_config(lr=lr, momentum=momentum, **settings), step, t)
        for cell in (0, 1):
            assert_descent(drawn[cell], expected[cell])
    assert any(e["notes"] for e in expected)         # 1.1 diverges on some side: the label is drawn
    # the last values settle: the URL has them, the server's figures are the same, its warning is shown
    let_go(page, [["ls_lr", LR_FRACS.index(1.1)], ["ls_mom", 0.0]])
    page.wait_for_function("() => location.search.includes('ls_lr=1.1') && !location.search.includes('ls_mom')",
                           timeout=15_000)
    wait_idle(page)
    for cell in (0, 1):
        assert_descent(descent_drawn(page)[cell], expected[cell])
    assert page.get_by_text(t("surface.status.diverged")).count() >= 1
    assert page.locator(EXCEPTION).count() == 0


def test_a_link_with_descent_values_opens_the_view_and_hostile_ones_are_refused(page, server_url):
    t = Translator("en")
    open_chart(page, f"{server_url}/loss-surface?lang=en&ls_lr=1.01&ls_mom=7", last=1)
    expected = descent_expected(surface_config(lr=1.01, momentum=0.99), 60, t)      # momentum clamped
    for cell in (0, 1):
        assert_descent(descent_drawn(page)[cell], expected[cell])
    clamped = t("common.url_clamped", label=t("surface.ctl.momentum"), lo=0.0, hi=0.99, value=0.99)
    assert page.get_by_text(clamped).count() == 1, clamped
    open_chart(page, f"{server_url}/loss-surface?lang=en&ls_lr=0.42&ls_mom=nan&ls_ratio=-3", last=1)
    expected = descent_expected(surface_config(), 60, t)
    for cell in (0, 1):
        assert_descent(descent_drawn(page)[cell], expected[cell])
    for key in ("surface.ctl.lr", "surface.ctl.ratio"):
        assert page.get_by_text(t("common.url_unknown", label=t(key))).count() == 1
    assert page.get_by_text(t("common.url_invalid", label=t("surface.ctl.momentum"))).count() == 1
    assert page.locator(EXCEPTION).count() == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_client_sliders_help_opens_from_its_question_mark_in_the_pages_language(page, server_url, lang):
    """Chapter 2's momentum slider has a (?) like Streamlit's sliders: the pointer on it shows the help,
    a click keeps it shown, Escape hides it; the slider itself is described by it."""
    t = Translator(lang)
    open_chart(page, f"{server_url}/loss-surface?lang={lang}", last=1)
    slider = page.locator('[data-testid="labClientSlider"][data-key="ls_mom"]')
    button, tip = slider.locator(".lab-cc-help"), slider.locator('[role="tooltip"]')
    assert tip.is_hidden()
    button.hover()
    assert tip.is_visible() and tip.inner_text() == t("surface.ctl.momentum_help")
    button.click()
    page.mouse.move(0, 0)
    assert tip.is_visible() and button.get_attribute("aria-expanded") == "true"
    button.press("Escape")
    assert tip.is_hidden()
    assert slider.locator("input").get_attribute("aria-describedby") == tip.get_attribute("id")
    assert page.locator(EXCEPTION).count() == 0
