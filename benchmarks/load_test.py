"""N concurrent real browser sessions (Playwright + Chromium) working through every page for a
fixed time, moving sliders; reports exceptions seen, slider→redraw latency percentiles under load,
and the server's memory before, during and after. Loopback only; bounded in sessions and time.

Run: python benchmarks/load_test.py [--sessions 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.async_api import async_playwright

from benchmarks.bench_pages import PAGES, probe_js
from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, rss_mb, streamlit

EXCEPTION = '[data-testid="stException"]'


async def session(browser, base: str, deadline: float, k: int, latencies: list, errors: list,
                  timeouts: list) -> int:
    ctx = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await ctx.new_page()
    actions, i = 0, k
    try:
        while time.monotonic() < deadline:
            path, _label, chart, probe = PAGES[i % len(PAGES)]
            i += 1
            try:
                await page.goto(f"{base}/{path}?lang={'en' if k % 2 else 'zh'}", timeout=90_000)
                await page.wait_for_selector(".js-plotly-plot", timeout=90_000)
            except Exception:  # the page did not draw a chart within 90 s: count it, move on
                timeouts.append(path or "home")
                continue
            js = probe_js(chart, probe)
            sliders = page.locator('[data-testid="stSlider"]').get_by_role("slider")
            for press in range(3):
                if time.monotonic() >= deadline:
                    break
                before = await page.evaluate(js)
                thumb = sliders.nth((k + press) % max(await sliders.count(), 1))
                await thumb.focus()
                t0 = time.perf_counter()
                await thumb.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
                try:
                    await page.wait_for_function(f"(b) => {{ const v = ({js})(); return v !== null && v !== b; }}",
                                                arg=before, timeout=60_000)
                    latencies.append(time.perf_counter() - t0)
                except Exception:  # a slider that does not drive this chart: no latency sample
                    pass
                actions += 1
            errors.append(await page.locator(EXCEPTION).count())
    finally:
        await ctx.close()
    return actions


async def run(sessions: int, seconds: float) -> None:
    with streamlit("app.py") as (base, pid):
        before = rss_mb(pid)
        samples: list[float] = []
        latencies: list[float] = []
        errors: list[int] = []
        timeouts: list[str] = []
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            deadline = time.monotonic() + seconds

            async def sample() -> None:
                while time.monotonic() < deadline:
                    samples.append(rss_mb(pid))
                    await asyncio.sleep(2)

            results = await asyncio.gather(sample(), *(session(browser, base, deadline, k, latencies, errors, timeouts)
                                                       for k in range(sessions)))
            await browser.close()
        await asyncio.sleep(5)
        after = rss_mb(pid)
    q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [float("nan")] * 19
    third = max(1, len(samples) // 3)
    print(f"sessions={sessions} seconds={seconds:.0f} page_visits={len(errors)} slider_moves={sum(results[1:])}")
    print(f"exceptions_seen={sum(errors)} page_loads_over_90s={len(timeouts)} {sorted(set(timeouts))}")
    print(f"slider_to_redraw_ms p50={q[9] * 1000:.0f} p90={q[17] * 1000:.0f} p95={q[18] * 1000:.0f} "
          f"(n={len(latencies)})")
    print(f"server_rss_mb before={before:.0f} first_third_max={max(samples[:third]):.0f} "
          f"last_third_max={max(samples[-third:]):.0f} peak={max(samples):.0f} after={after:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    asyncio.run(run(min(args.sessions, 50), min(args.seconds, 600)))


if __name__ == "__main__":
    main()
