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


def wait_idle(page, timeout_ms: int = 30_000) -> None:
    """Wait until the app is rendered and no script run is in progress."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_selector(".js-plotly-plot", timeout=timeout_ms)
    page.wait_for_timeout(500)
    page.wait_for_selector(RUNNING, state="detached", timeout=timeout_ms)
    page.wait_for_timeout(300)


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
    page.wait_for_timeout(1000)
    wait_idle(page)  # a resize can start a rerun (the page is dimmed while it runs)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(path))  # the viewport already holds the whole page


def play_until(page, chart: int, condition: str, timeout_ms: int = 30_000) -> None:
    """Press the chart's Play button and wait until the JS `condition` (with `g` bound to the
    chart's graph div) holds: the animation ran in the browser, with no rerun."""
    page.locator(".js-plotly-plot").nth(chart).locator(".updatemenu-button").first.click()
    page.wait_for_function(
        f"() => {{ const g = document.querySelectorAll('.js-plotly-plot')[{chart}]; return {condition}; }}",
        timeout=timeout_ms)
