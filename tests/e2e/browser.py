"""Helpers to drive a Streamlit page in Playwright: wait for a run to finish, read charts."""

from __future__ import annotations

from pathlib import Path

EXCEPTION = '[data-testid="stException"]'
RUNNING = '[data-testid="stStatusWidget"]'
# chapter 2's descent start on a contour plot (JS, with the graph div bound to `g`): its open circle
# Streamlit's sliders and the ones a client-side chart hosts (ui/client_chart.js)
SLIDERS = '[data-testid="stSlider"], [data-testid="labClientSlider"]'
# Streamlit's charts and the client-side ones
CHARTS = '[data-testid="stPlotlyChart"], [data-testid="labClientChart"]'
DESCENT_START = "g._fullData.find(t => t.marker && t.marker.symbol === 'circle-open')"


# The page is settled when no script run is going on and its DOM has not changed for QUIET_MS: longer
# than Streamlit's slider takes to send a moved value (~200 ms), so a run that a key press is about to
# start is never mistaken for none. window.__labMutated is the time of the document's last change.
QUIET_MS = 350
WATCH_DOM = """() => { if (window.__labWatch) return; window.__labWatch = true;
  window.__labMutated = performance.now();
  new MutationObserver(() => { window.__labMutated = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true}); }"""
SETTLED = """(quiet) => { const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && performance.now() - window.__labMutated > quiet; }"""


def wait_idle(page, timeout_ms: int = 30_000) -> None:
    """Wait until the app has drawn a chart, no script run is in progress and nothing on the page has
    changed for QUIET_MS (conditions, not fixed sleeps)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_selector(".js-plotly-plot", timeout=timeout_ms)
    settle(page, timeout_ms)


def settle(page, timeout_ms: int = 30_000) -> None:
    """Wait until no script run is in progress and the page's DOM has been still for QUIET_MS."""
    page.evaluate(WATCH_DOM)
    page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=timeout_ms, polling=50)


def chart_data(page, index: int, expr: str):
    """Evaluate `expr` (JS, with the Plotly graph div bound to `g`) on the index-th chart."""
    return page.evaluate(f"() => {{ const g = document.querySelectorAll('.js-plotly-plot')[{index}]; return {expr}; }}")


def move_slider(page, label: str, presses: int = 3, key: str = "ArrowRight") -> None:
    """Focus the slider whose label is `label` and press an arrow key `presses` times. A slider folded
    into a closed expander ("More settings") is first brought into sight by opening it, as a user would."""
    box = page.locator(SLIDERS).filter(has_text=label).first
    if not box.is_visible():
        page.locator('[data-testid="stExpander"]').filter(has=box).locator("summary").first.click()
        box.wait_for(state="visible")
    thumb = box.get_by_role("slider").first
    thumb.focus()
    for _ in range(presses):
        thumb.press(key)


def full_screenshot(page, path: Path) -> None:
    """Screenshot the whole app: Streamlit scrolls inside its main block, so grow the viewport."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 60, 16_000)})
    wait_idle(page)  # a resize can start a rerun (the page is dimmed while it runs), and charts relayout
    page.screenshot(path=str(path))  # the viewport already holds the whole page


def play_until(page, chart: int, condition: str, timeout_ms: int = 30_000) -> None:
    """Press the chart's Play button and wait until the JS `condition` (with `g` bound to the
    chart's graph div) holds: the animation ran in the browser, with no rerun."""
    page.locator(".js-plotly-plot").nth(chart).locator(".updatemenu-button").first.click()
    page.wait_for_function(
        f"() => {{ const g = document.querySelectorAll('.js-plotly-plot')[{chart}]; return {condition}; }}",
        timeout=timeout_ms)
