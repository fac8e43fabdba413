"""What each chart of a page costs plotly.js to draw: every chart spec exactly as the page sends it
(run through AppTest, default settings) is drawn with `Plotly.newPlot` into an 800 px wide div of a
blank page in Chromium, `--rounds` times after one warm-up draw of every chart; the median per chart
is printed. plotly.js is the copy that ships with the Python plotly package, not Streamlit's, so
figures compare charts, not versions.

`--histogram-outline` also times each chart with its bar traces drawn as one filled step outline
per trace (the tenth round's dropped experiment, benchmarks/HISTORY.md).

Comparing two versions of the code (the eleventh round's figures): `--dump FILE` on the old code
writes the page's specs to FILE; `--against FILE` on the new code draws each chart in pairs, old
and new, the order swapped every round, and prints both medians and the median paired difference.

Run: python benchmarks/chart_draw_cost.py --page inputs [--lang en] [--rounds 7] [--histogram-outline]
     [--dump FILE | --against FILE]   (pages: home, inputs, loss_surface, bn_layer, running_stats, training)
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly
from playwright.sync_api import sync_playwright

from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS
from tests.app.conftest import PAGES, open_page

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
DRAW = """async ([spec, rounds]) => {
  const out = [];
  for (let i = 0; i < rounds; i++) {
    const d = document.createElement('div');
    d.style.width = '800px';
    document.body.appendChild(d);
    const s = JSON.parse(JSON.stringify(spec));
    const t0 = performance.now();
    await Plotly.newPlot(d, s.data, s.layout, {displayModeBar: false});
    out.push(performance.now() - t0);
    Plotly.purge(d);
    d.remove();
  }
  return out;
}"""


def page_specs(page: str, lang: str) -> list[dict]:
    """The Plotly specs a page ('home', 'inputs', 'loss_surface', ...) sends on its first run, in order."""
    if page not in PAGES:
        raise SystemExit(f"no page {page!r}; pages: {', '.join(PAGES)}")
    return [json.loads(chart.proto.spec) for chart in open_page(page, lang).get("plotly_chart")]


def outlined(spec: dict) -> dict:
    """The spec with each bar trace (centres x, counts y, one bar width) as a filled step outline."""
    spec = copy.deepcopy(spec)
    for trace in spec["data"]:
        if trace.get("type") != "bar":
            continue
        x, y, w = trace.pop("x"), trace.pop("y"), trace.pop("width")
        xs, ys = [x[0] - w / 2], [0]
        for centre, count in zip(x, y, strict=True):
            xs += [centre - w / 2, centre + w / 2]
            ys += [count, count]
        trace.update(type="scatter", mode="lines", x=[*xs, x[-1] + w / 2], y=[*ys, 0], fill="toself",
                     line={"width": 0}, fillcolor=trace.pop("marker")["color"])
    return spec


def paired(page, then: list[dict], now: list[dict], rounds: int) -> None:
    """Each chart drawn `rounds` times as `then` and as `now`, alternating which goes first."""
    if len(then) != len(now):
        raise SystemExit(f"the dump has {len(then)} charts, the page now {len(now)}")
    for k, (a, b) in enumerate(zip(then, now, strict=True)):
        old, new = [], []
        for r in range(rounds):
            for spec, out in ((a, old), (b, new))[:: 1 if r % 2 == 0 else -1]:
                out += page.evaluate(DRAW, [spec, 1])
        diff = statistics.median(n - o for o, n in zip(old, new, strict=True))
        size = f"{len(json.dumps(a)) // 1000} -> {len(json.dumps(b)) // 1000} kB"
        print(f"chart {k}: then {statistics.median(old):6.1f} ms, now {statistics.median(new):6.1f} ms, "
              f"paired now - then {diff:+.1f} ms; spec {size}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", default="inputs", choices=PAGES)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--histogram-outline", action="store_true")
    parser.add_argument("--dump", type=Path, help="write the page's specs to this file and stop")
    parser.add_argument("--against", type=Path, help="paired draws against specs written by --dump")
    args = parser.parse_args()
    specs = page_specs(args.page, args.lang)
    if args.dump:
        args.dump.write_text(json.dumps(specs))
        return
    then = json.loads(args.against.read_text()) if args.against else []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_content("<html><body></body></html>")
        page.add_script_tag(path=str(PLOTLY_JS))
        for spec in (*then, *specs):               # warm-up: plotly.js's first draws run cold code
            page.evaluate(DRAW, [spec, 1])
        if args.against:
            paired(page, then, specs, args.rounds)
            browser.close()
            return
        total = 0.0
        for k, spec in enumerate(specs):
            ms = statistics.median(page.evaluate(DRAW, [spec, args.rounds]))
            total += ms
            kinds = "/".join(sorted({trace.get("type", "scatter") for trace in spec["data"]}))
            frames = len(spec.get("frames", []))
            line = f"chart {k}: {ms:6.1f} ms  ({len(spec['data'])} {kinds} traces, {frames} frames)"
            if args.histogram_outline and "bar" in kinds:
                line += f"; as outlines {statistics.median(page.evaluate(DRAW, [outlined(spec), args.rounds])):.1f} ms"
            print(line)
        print(f"{args.page}: {len(specs)} charts, {total:.0f} ms to draw them all (median of {args.rounds} each)")
        browser.close()


if __name__ == "__main__":
    main()
