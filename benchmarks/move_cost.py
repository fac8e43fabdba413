"""Where one slider move's time goes, in Chromium, next to the trivial one-slider page.

For each subject (the trivial page, the chosen page as served, and one more copy of that page per
`--variant` file: a CSS file is added as a style sheet, a .js file is evaluated as a function in the
page before the first move), the moves are interleaved, their order swapped every round, so that every
subject sees the machine in the same state. Each move is one step to the right; per subject the median
over the moves is printed of:
  - the timeline inside the page, in ms from the key press: the rerun request sent over the WebSocket,
    the first and the last message received, and the first frame in which a chart shows new data;
  - the renderer's main-thread time for the whole move (Chromium's Performance metrics, from the key
    press until the charts have settled): JavaScript, style recalculation, layout, and all tasks.
Both include the benchmark's own frame watcher (it compares the charts' data every frame, a few ms
per move on a page with several charts). The main-thread times vary much less between runs than the
timeline on a shared machine, so they are the figures to compare two versions of the page by
(benchmarks/HISTORY.md, twelfth round).

Run: python benchmarks/move_cost.py --page inputs --slider Samples [--moves 12] [--variant FILE ...]
     (--page home for the home page)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks.bench_pages import FINISHED, SIGNATURE, WATCH, open_page, settle, slider_thumb
from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, streamlit

# Records when each WebSocket message arrives and when the page sends one (performance.now()).
SOCKET_LOG = """(() => { window.__got = []; window.__sent = []; const Socket = window.WebSocket;
  window.WebSocket = function (...args) { const ws = new Socket(...args), send = ws.send.bind(ws);
    ws.addEventListener('message', () => window.__got.push(performance.now()));
    ws.send = data => { window.__sent.push(performance.now()); return send(data); };
    return ws; };
  window.WebSocket.prototype = Socket.prototype; Object.assign(window.WebSocket, Socket); })();"""
TIMELINE = """() => { const t0 = window.__t0, got = window.__got;
  return [window.__sent.length ? window.__sent[0] - t0 : null, got.length ? got[0] - t0 : null,
          got.length ? got[got.length - 1] - t0 : null, window.__changed ? window.__changed - t0 : null]; }"""
METRICS = {"script": "ScriptDuration", "style": "RecalcStyleDuration", "layout": "LayoutDuration",
           "tasks": "TaskDuration"}
COLUMNS = ("sent", "first message", "last message", "redraw", *METRICS)


@dataclass(frozen=True)
class Subject:
    """One page to move a slider on: its name in the table, address, slider label (None: its only
    slider) and variant file (None: as served)."""
    name: str
    url: str
    slider: str | None
    variant: Path | None


def open_subject(browser, subject: Subject):
    page = open_page(browser, subject.url, SOCKET_LOG)
    if subject.variant is not None:
        text = subject.variant.read_text()
        if subject.variant.suffix == ".js":
            page.evaluate(text)
        else:
            page.add_style_tag(content=text)
        settle(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return page, cdp


def main_thread(cdp) -> dict[str, float]:
    """Chromium's cumulative main-thread times of the page, in ms."""
    values = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {k: values[v] * 1000 for k, v in METRICS.items()}


def one_move(page, cdp, label: str | None) -> dict[str, float | None]:
    """Move the slider one step right; the move's timeline and main-thread times (ms)."""
    page.evaluate("() => { window.__got = []; window.__sent = []; }")
    page.evaluate(f"() => ({WATCH})({SIGNATURE})")
    before = main_thread(cdp)
    thumb = slider_thumb(page, label)
    thumb.focus()
    thumb.press("ArrowRight")
    page.wait_for_function(FINISHED, timeout=180_000)
    settle(page)
    after = main_thread(cdp)
    page.evaluate("() => { window.__gen++; }")      # stop the frame watcher
    timeline = dict(zip(COLUMNS[:4], page.evaluate(TIMELINE), strict=True))
    return timeline | {k: after[k] - before[k] for k in METRICS}


def median(values: list[float | None]) -> str:
    kept = [v for v in values if v is not None]
    return f"{statistics.median(kept):.0f}" if kept else "–"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", required=True, help="page path (home for the home page)")
    parser.add_argument("--slider", required=True, help="the slider's label in English")
    parser.add_argument("--moves", type=int, default=12)
    parser.add_argument("--variant", nargs="*", type=Path, default=[], help=".css or .js files")
    args = parser.parse_args()
    path = "" if args.page == "home" else args.page
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with streamlit("benchmarks/trivial_app.py") as (floor_url, _), streamlit("app.py") as (base, _):
            url = f"{base}/{path}?lang=en"
            subjects = [Subject("trivial page", floor_url, None, None), Subject("as served", url, args.slider, None),
                        *(Subject(v.name, url, args.slider, v) for v in args.variant)]
            opened = [(s, *open_subject(browser, s)) for s in subjects]
            rows: dict[str, list[dict]] = {s.name: [] for s in subjects}
            for r in range(args.moves):
                for subject, page, cdp in opened if r % 2 == 0 else opened[::-1]:
                    rows[subject.name].append(one_move(page, cdp, subject.slider))
        browser.close()
    print(f"{args.page}, slider {args.slider!r}: median of {args.moves} moves, ms")
    print("| subject | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for name, moves in rows.items():
        print(f"| {name} | " + " | ".join(median([m[c] for m in moves]) for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
