"""N concurrent real browser sessions (Playwright + Chromium) working through every page for a
fixed time after all of them have opened the app (ramp-up), moving sliders; reports exceptions
seen, slider→redraw latency percentiles under load, and the server's memory before, during and
after. Loopback only; bounded in sessions and time.

Run: python benchmarks/load_test.py [--sessions 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.async_api import async_playwright

from benchmarks.bench_pages import EXCEPTION, FINISHED, PAGES, SIGNATURE, WATCH
from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, rss_mb, streamlit

REDRAW_WAIT_MS = 10_000


async def redraw_after(page) -> float | None:
    """ms from the key press to the first redraw, waiting up to REDRAW_WAIT_MS past the end of the run
    (a loaded browser often draws after the run has finished); None if no chart changed by then."""
    with contextlib.suppress(Exception):    # Playwright's timeout: no chart changed in time
        await page.wait_for_function("() => window.__changed !== null", timeout=REDRAW_WAIT_MS)
    return await page.evaluate("() => { window.__gen++; return window.__changed && window.__t0 ? "
                               "window.__changed - window.__t0 : null; }")


async def session(browser, base: str, clock: dict, k: int, latencies: list, errors: list,
                  timeouts: list) -> int:
    """One user: opens the app once, waits until every session has (the ramp-up), then goes round
    the chapters through the sidebar (as a reader does: the front-end boots once per session) and
    moves three sliders on each page until clock["deadline"]."""
    ctx = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await ctx.new_page()
    actions, i = 0, k
    first = f"{PAGES[k % len(PAGES)]}?lang={'en' if k % 2 else 'zh'}"     # "" is home
    try:
        start = time.monotonic()
        try:
            await page.goto(f"{base}/{first}", timeout=300_000)
            await page.wait_for_selector(".js-plotly-plot", timeout=300_000)
            clock["opened"].append((time.monotonic() - start, first))
        except Exception:  # did not open within 5 min: count it, and do not hold the others back
            timeouts.append(f"open {first}")
            return 0
        finally:
            clock["booted"] += 1
        await clock["go"].wait()
        deadline = clock["deadline"]
        while time.monotonic() < deadline:
            i += 1
            try:
                await page.evaluate(f"() => ({WATCH})({SIGNATURE})")
                await page.locator('[data-testid="stSidebarNavLink"]').nth(i % len(PAGES)).click()
                await page.wait_for_function("() => window.__done", timeout=90_000)
            except Exception:  # the page did not finish within 90 s: count it, move on
                timeouts.append(PAGES[i % len(PAGES)] or "home")
                continue
            sliders = page.locator('[data-testid="stSlider"]').get_by_role("slider")
            for press in range(3):
                if time.monotonic() >= deadline:
                    break
                thumb = sliders.nth((k + press) % max(await sliders.count(), 1))
                await page.evaluate(f"() => ({WATCH})({SIGNATURE})")
                await thumb.focus()
                await thumb.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
                try:
                    await page.wait_for_function(FINISHED, timeout=90_000)
                except Exception:  # no answer within 90 s
                    timeouts.append("slider")
                else:
                    changed = await redraw_after(page)
                    if changed is not None:  # else: a slider that drives no chart
                        latencies.append(changed / 1000)
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
            clock = {"booted": 0, "go": asyncio.Event(), "deadline": float("inf"), "opened": []}
            t0 = time.monotonic()

            async def sample() -> None:
                while clock["booted"] < sessions and time.monotonic() - t0 < 600:
                    await asyncio.sleep(0.5)
                clock["ramp_up"] = time.monotonic() - t0
                clock["deadline"] = time.monotonic() + seconds
                clock["go"].set()
                while time.monotonic() < clock["deadline"]:
                    samples.append(rss_mb(pid))
                    await asyncio.sleep(2)

            results = await asyncio.gather(sample(), *(session(browser, base, clock, k, latencies, errors, timeouts)
                                                       for k in range(sessions)))
            await browser.close()
        await asyncio.sleep(5)
        after = rss_mb(pid)
    q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [float("nan")] * 19
    third = max(1, len(samples) // 3)
    print(f"sessions={sessions} ramp_up_s={clock['ramp_up']:.0f} (all sessions open) then seconds={seconds:.0f}: "
          f"page_visits={len(errors)} slider_moves={sum(results[1:])}")
    opened = sorted(clock["opened"])
    if opened:
        print(f"opened={len(opened)}/{sessions} open_s p50={statistics.median(t for t, _ in opened):.0f} "
              f"slowest={opened[-1][0]:.0f} ({opened[-1][1]})")
    print(f"exceptions_seen={sum(errors)} waits_over_90s={len(timeouts)} {sorted(set(timeouts))}")
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
