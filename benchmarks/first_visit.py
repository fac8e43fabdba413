"""What a browser's first visit to chapter 1 costs a deployment: the bytes it moves over HTTP, whether
its largest file (Streamlit's chart library) came compressed, and, for processes on this machine, the
CPU seconds they spent on it (docs/DEPLOY.md's figures for the nginx set-up). Each visit is a fresh
browser profile; `--warm` visits first let every replica run the page once (its imports) and fill a
proxy's cache, and are not counted.

Run: python benchmarks/first_visit.py --url http://127.0.0.1 [--visits 6] [--warm 3]
         [--cpu "streamlit run app.py" --cpu "nginx: worker"]   (pgrep -f patterns)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks.bench_pages import settle
from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Visit:
    total_bytes: int      # encoded (on the wire) bytes of every HTTP response
    largest_bytes: int
    largest_encoding: str  # the largest response's content-encoding, "none" if it had none


def visit(browser, base: str, path: str = "inputs") -> Visit:
    """Open base/path?lang=en in a fresh browser profile until settled; what came over HTTP."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    encodings, sizes = {}, {}
    cdp.on("Network.responseReceived", lambda e: encodings.__setitem__(
        e["requestId"], {k.lower(): v for k, v in e["response"]["headers"].items()}.get("content-encoding", "none")))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    try:
        page.goto(f"{base}/{path}?lang=en")
        page.wait_for_selector(".js-plotly-plot")
        settle(page)
        page.wait_for_timeout(1000)
    finally:
        context.close()
    largest = max(sizes, key=sizes.get)
    return Visit(int(sum(sizes.values())), int(sizes[largest]), encodings.get(largest, "none"))


def ancestors() -> set[int]:
    """This process and the ones that started it: their command lines hold the --cpu patterns too."""
    pids, pid = set(), os.getpid()
    while pid > 1:
        pids.add(pid)
        pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return pids


def cpu_seconds(pattern: str) -> float:
    """User + system CPU seconds so far of every process whose command line matches pattern, other than
    this script and its ancestors."""
    pids = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    total = 0
    for pid in set(map(int, pids)) - ancestors():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:   # ended meanwhile
            continue
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="the deployment's base URL")
    parser.add_argument("--visits", type=int, default=6)
    parser.add_argument("--warm", type=int, default=3, help="uncounted visits first (default 3)")
    parser.add_argument("--cpu", action="append", default=[], help="pgrep -f pattern of processes to time")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.warm):
            visit(browser, base)
        before = {pattern: cpu_seconds(pattern) for pattern in args.cpu}
        visits = [visit(browser, base) for _ in range(args.visits)]
        spent = {pattern: cpu_seconds(pattern) - before[pattern] for pattern in args.cpu}
        browser.close()
    print(f"{args.visits} first visits to {base}/inputs: "
          f"{statistics.mean(v.total_bytes for v in visits) / 1e6:.2f} MB each over HTTP; the largest file "
          f"{visits[-1].largest_bytes / 1e6:.2f} MB, content-encoding {visits[-1].largest_encoding}")
    for pattern, seconds in spent.items():
        print(f"  CPU of {pattern!r}: {seconds / args.visits:.2f} s a visit")


if __name__ == "__main__":
    main()
