"""Per page, in Chromium: cold load until every chart is drawn, and the p50 time from moving a
slider to its chart being redrawn, next to a trivial one-slider page measured in the same run.

Run: python benchmarks/bench_pages.py [--repeats 9] [--pages home inputs ...]. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, streamlit
from ui.i18n import Translator

t = Translator("en")
# page path, slider label, chart index, JS probe that changes when the chart is redrawn
PAGES = [
    ("", t("home.picture.gamma"), 0, "Array.from(g._fullData[3].x.slice(0, 3))"),
    ("inputs", t("data.n"), 0, "g._fullData[0].x.length"),
    ("loss-surface", t("surface.ctl.u"), 0, "Array.from(g._fullData[2].x)"),
    ("bn-layer", t("layer.ctl.n"), 1, "g._fullData[0].x.length"),
    ("running-stats", t("running.ctl.mean"), 0, "Array.from(g._fullData[0].y.slice(0, 3))"),
    ("training", t("training.ctl.lr"), 0, "Array.from(g._fullData[0].y.slice(-2))"),
]
IDLE = '[data-testid="stStatusWidget"]'


def idle(page) -> None:
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, state="detached", timeout=60_000)


def cold_load(browser, url: str) -> float:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    idle(page)
    n = page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
    page.wait_for_function(f"() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullData)"
                           f".length >= {n}", timeout=60_000)
    elapsed = time.perf_counter() - t0
    ctx.close()
    return elapsed


def probe_js(chart: int, probe: str) -> str:
    """JS returning the probe's value for chart number `chart`, or null while that chart is being
    (re)mounted and not drawn yet."""
    return (f"() => {{ const g = document.querySelectorAll('.js-plotly-plot')[{chart}]; "
            f"return g && g._fullData ? JSON.stringify({probe}) : null; }}")


def redraw_times(browser, url: str, label: str, chart: int, probe: str, repeats: int) -> list[float]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    page.goto(url)
    idle(page)
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text=label).get_by_role("slider").first
    js = probe_js(chart, probe)
    times = []
    for k in range(repeats):
        before = page.evaluate(js)
        thumb.focus()
        t0 = time.perf_counter()
        thumb.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
        page.wait_for_function(f"(b) => {{ const v = ({js})(); return v !== null && v !== b; }}", arg=before,
                               timeout=60_000)
        times.append(time.perf_counter() - t0)
        idle(page)
    ctx.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--pages", nargs="*", help="page paths to measure (default: all; home is 'home')")
    args = parser.parse_args()
    repeats = args.repeats
    chosen = [row for row in PAGES if args.pages is None or (row[0] or "home") in args.pages]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit("benchmarks/trivial_app.py") as (url, _):
            cold_load(browser, url)  # warm the server
            floor_cold = cold_load(browser, url)
            floor = statistics.median(redraw_times(browser, url, "k", 0, "Array.from(g._fullData[0].y.slice(0, 3))",
                                                   repeats))
        with streamlit("app.py") as (base, _):
            for path, label, chart, probe in chosen:
                url = f"{base}/{path}?lang=en"
                first = cold_load(browser, url)       # the first visit computes and fills the caches
                warm = cold_load(browser, url)
                p50 = statistics.median(redraw_times(browser, url, label, chart, probe, repeats))
                rows.append((path or "home", first, warm, p50, p50 / floor))
        browser.close()
    print(f"trivial one-slider page: cold load {floor_cold:.2f} s, slider→redraw p50 {floor * 1000:.0f} ms")
    print("| page | first load (s) | load, warm caches (s) | slider→redraw p50 (ms) | ÷ trivial page |")
    print("|---|---|---|---|---|")
    for name, first, warm, p50, ratio in rows:
        print(f"| {name} | {first:.2f} | {warm:.2f} | {p50 * 1000:.0f} | {ratio:.2f}× |")


if __name__ == "__main__":
    main()
