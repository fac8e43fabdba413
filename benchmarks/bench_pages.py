"""Per page, in Chromium: cold load until every chart is drawn, and the p50 time from moving each
visible slider to a chart being redrawn (and to the last chart being redrawn), next to a trivial
one-slider page measured in the same run: its slider is moved before the first page and again after
each page, and the floor is the median of all those moves, so both see the machine in the same state.

Run: python benchmarks/bench_pages.py [--repeats 6] [--pages home inputs ...] [--at bn-layer:bn_step=4].
Prints a Markdown table, then each slider's p50 (÷ the trivial page; client-side sliders marked) and
the client-side sliders' p50 against the others'.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, streamlit
from ui.nav import CHAPTERS

PAGES = ("", *(c.url_path for c in CHAPTERS))    # "" is home
IDLE = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'
# Streamlit's sliders and those a client-side chart hosts (ui/client_chart.js: answered in the browser)
SLIDERS = '[data-testid="stSlider"], [data-testid="labClientSlider"]'
# label -> "client" (answered in the browser) or "server" (in a client chart's row, answered by a run)
KINDS: dict[str, str] = {}


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
    page.wait_for_function(f"() => [...document.querySelectorAll('.js-plotly-plot')].filter({SHOWN})"
                           f".length >= {n}", timeout=60_000)
    elapsed = time.perf_counter() - t0
    ctx.close()
    return elapsed


# A chart is shown once plotly.js has drawn it and it is not hidden. Streamlit (1.67) mounts a chart with
# `visibility: hidden` until it has measured the chart's width, draws it, sets that width and draws it
# again; only the second draw used to be seen (the twelfth round in benchmarks/HISTORY.md).
SHOWN = "g => g._fullData && getComputedStyle(g).visibility !== 'hidden'"
# Per chart: its drawn data (first values and lengths of x, y, z) and title, or null while it is not
# shown (being remounted, drawn but still hidden, or never drawn because it is out of sight).
SIGNATURE = """() => {
  const head = a => a && a.length !== undefined ? [a.length, Array.from(a.slice(0, 4), v => Array.isArray(v) ?
      Array.from(v.slice(0, 4)) : v)] : null;
  const one = g => [g._fullLayout.title && g._fullLayout.title.text, g._fullData.map(d => [head(d.x), head(d.y),
      head(d.z)])];
  const shown = """ + SHOWN + """;
  return [...document.querySelectorAll('.js-plotly-plot')].map(g => shown(g) ? JSON.stringify(one(g)) : null);
}"""
# Records in window.__changed the first animation frame after the next key press in which some chart
# that was drawn before shows different data, in window.__last the last frame in which any chart's data
# (or its being drawn at all) changed, and sets window.__done (at time window.__doneAt) once the script
# run that the key press started has finished (the app root's data-test-script-state goes running ->
# notRunning). On chapter 5 they differ most: its curves are redrawn while it trains. Each call stops the
# previous call's frame loop (window.__gen).
WATCH = """(sig) => { const gen = window.__gen = (window.__gen || 0) + 1;
  window.__t0 = null; window.__changed = null; window.__last = null; window.__ran = false; window.__done = false;
  const before = sig(), app = document.querySelector('[data-testid="stApp"]');
  let prev = JSON.stringify(before);
  const obs = new MutationObserver(() => { const state = app.getAttribute('data-test-script-state');
    if (state === 'running') window.__ran = true;
    else if (window.__ran) { window.__done = true; window.__doneAt = performance.now(); obs.disconnect(); } });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, {capture: true, once: true});
  const tick = () => { if (window.__gen !== gen) return;
    const now = sig(), flat = JSON.stringify(now);
    if (window.__t0 !== null) {
      if (window.__changed === null && now.some((v, i) => v !== null && before[i] != null && v !== before[i]))
        window.__changed = performance.now();
      if (flat !== prev) window.__last = performance.now(); }
    prev = flat; requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""
# the run has finished, or the key press started none within 3 s (the slider was at its end)
FINISHED = "() => window.__done || (!window.__ran && window.__t0 !== null && performance.now() - window.__t0 > 3000)"


def settle(page) -> None:
    """Wait until the app is idle and no chart's data changes for 300 ms (late redraws finish)."""
    idle(page)
    last = None
    for _ in range(50):
        now = page.evaluate(f"({SIGNATURE})()")
        if now == last:
            return
        last = now
        page.wait_for_timeout(300)


@dataclass(frozen=True)
class Move:
    """One timed slider move, in seconds from the key press: the first frame in which a chart shows new
    data, the last frame in which any chart changed, and the end of the script run it started."""
    first: float
    last: float
    finished: float


def _timed_moves(page, thumb, repeats: int) -> list[Move] | None:
    """`repeats` one-step moves of one slider (down once it reaches its maximum), each timed in the page;
    None if a move that ran the script changed no chart."""
    times: list[Move] = []
    up, flipped = True, False
    while len(times) < repeats:
        page.evaluate(f"() => ({WATCH})({SIGNATURE})")
        thumb.focus()
        thumb.press("ArrowRight" if up else "ArrowLeft")
        page.wait_for_function(FINISHED, timeout=180_000)
        settle(page)
        first, last, finished = page.evaluate(
            "() => { window.__gen++; const t0 = window.__t0; return window.__changed && t0 ? "
            "[window.__changed - t0, Math.max(window.__last, window.__changed) - t0, window.__doneAt - t0]"
            " : [null, null, null]; }")
        ran = page.evaluate("() => window.__ran")
        if first is not None:
            times.append(Move(first / 1000, last / 1000, (finished if finished is not None else first) / 1000))
        elif not ran and not flipped:      # at the end of its range: go the other way
            up, flipped = False, True
        else:
            return None
    return times


def open_page(browser, url: str, init_script: str | None = None):
    """A settled page at `url` in a fresh 1400 x 900 context (running `init_script` before its own)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    if init_script is not None:
        ctx.add_init_script(init_script)
    page = ctx.new_page()
    page.goto(url)
    settle(page)
    return page


def slider_thumb(page, label: str | None):
    """The thumb of the slider labelled `label` (the page's first slider for None)."""
    if label is None:
        return page.get_by_role("slider").first
    sliders = page.locator(SLIDERS)
    return sliders.filter(has=page.get_by_text(label, exact=True)).first.get_by_role("slider").first


def every_slider(browser, url: str, repeats: int) -> dict[str, list[Move] | None]:
    """For each visible slider on the page: `repeats` timed one-step moves in one direction, so each move
    asks for a view not computed before. None for a slider that changes no chart (it drives text or
    tables)."""
    page = open_page(browser, url)
    sliders = page.locator(SLIDERS)
    names = [sliders.nth(i).inner_text().split("\n")[0].strip() for i in range(sliders.count())
             if sliders.nth(i).get_by_role("slider").first.is_visible()]
    for i in range(sliders.count()):
        box = sliders.nth(i)
        if box.get_attribute("data-testid") == "labClientSlider":
            KINDS[box.inner_text().split("\n")[0].strip()] = ("server" if box.get_attribute("data-server")
                                                              else "client")
    out: dict[str, list[Move] | None] = {}
    for name in names:    # by label: moving one slider can add or remove others (features D adds γ/β)
        thumb = slider_thumb(page, name)
        if thumb.is_visible():
            out[name] = _timed_moves(page, thumb, repeats)
    page.context.close()
    return out


def floor_moves(page, repeats: int) -> list[float]:
    """Timed moves (to the redraw) of the trivial page's one slider (kept open between the app's pages)."""
    return [m.first for m in _timed_moves(page, slider_thumb(page, None), repeats) or []]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=6)
    parser.add_argument("--pages", nargs="*", help="page paths to measure (default: all; home is 'home')")
    parser.add_argument("--at", nargs="*", default=[], metavar="PAGE:QUERY",
                        help="open PAGE with ?QUERY, e.g. bn-layer:bn_step=4 (chapter 3's step 4, where γ and β act)")
    args = parser.parse_args()
    queries = dict(a.split(":", 1) for a in args.at)
    chosen = [path for path in PAGES if args.pages is None or (path or "home") in args.pages]
    rows, detail = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit("benchmarks/trivial_app.py") as (floor_url, _), streamlit("app.py") as (base, _):
            cold_load(browser, floor_url)  # warm the server
            floor_cold = cold_load(browser, floor_url)
            floor_page = open_page(browser, floor_url)
            floors = floor_moves(floor_page, args.repeats)
            for path in chosen:
                url = f"{base}/{path}?lang=en" + (f"&{queries[path or 'home']}" if (path or "home") in queries else "")
                first = cold_load(browser, url)       # the first visit computes and fills the caches
                warm = cold_load(browser, url)
                per = every_slider(browser, url, args.repeats)
                floors += floor_moves(floor_page, args.repeats)   # the floor, measured between the pages
                timed = {k: v for k, v in per.items() if v}
                if not timed:
                    raise SystemExit(f"{path or 'home'}: no slider changed a chart ({sorted(per)})")
                moves = [m for v in timed.values() for m in v]
                p50 = statistics.median(m.first for m in moves)
                last = statistics.median(m.last for m in moves)
                done = statistics.median(m.finished for m in moves)
                redraw = {k: statistics.median(m.first for m in v) for k, v in timed.items()}
                slow = max(redraw, key=redraw.get)
                rows.append((path or "home", first, warm, len(timed), p50, last, done, slow, redraw[slow]))
                detail += [(path or "home", k, redraw.get(k)) for k in per]
        browser.close()
    floor = statistics.median(floors)
    lo, hi = statistics.quantiles(floors, n=10)[0], statistics.quantiles(floors, n=10)[-1]
    print(f"trivial one-slider page: cold load {floor_cold:.2f} s, slider→redraw p50 {floor * 1000:.0f} ms "
          f"({len(floors)} moves between the pages; p10 {lo * 1000:.0f}, p90 {hi * 1000:.0f} ms)")
    print("| page | first load (s) | load, warm caches (s) | sliders | slider→redraw p50 (ms) | ÷ trivial page | "
          "slider→last chart redrawn p50 (ms) | slider→run finished p50 (ms) | slowest slider (p50 ms) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, first, warm, n, p50, last, done, slow, slow_ms in rows:
        print(f"| {name} | {first:.2f} | {warm:.2f} | {n} | {p50 * 1000:.0f} | {p50 / floor:.2f}× | "
              f"{last * 1000:.0f} | {done * 1000:.0f} | {slow} ({slow_ms * 1000:.0f}) |")
    print()
    for name, k, ms in detail:
        kind = {"client": "  client-side", "server": "  in a client chart, server"}.get(KINDS.get(k), "")
        print(f"{name:14s} {k[:40]:40s} " + (f"{ms * 1000:6.0f} ms {ms / floor:5.2f}×{kind}" if ms is not None
                                              else "  (changes no chart)"))
    client = [ms for _, k, ms in detail if KINDS.get(k) == "client" and ms is not None]
    others = [ms for _, k, ms in detail if KINDS.get(k) != "client" and ms is not None]
    for what, times in (("client-side sliders", client), ("other sliders", others)):
        if times:
            print(f"{what}: {len(times)}, p50 of their p50s {statistics.median(times) * 1000:.0f} ms "
                  f"({statistics.median(times) / floor:.2f}× the trivial page), slowest {max(times) / floor:.2f}×")


if __name__ == "__main__":
    main()
