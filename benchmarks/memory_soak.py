"""Does the server's memory level off? Many new sessions, each setting every slider of every page to
a random value, in one process (Streamlit's AppTest runs the scripts in this process, with the
app's real caches), printing the resident memory after each round. Bounded caches (`max_entries`,
the training LRU) should make the growth stop once they are full; a leak would keep it rising.

Run: python benchmarks/memory_soak.py [--rounds 12] [--seed 0]. One line per round, then a summary.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.serve import rss_mb
from tests.app.conftest import PAGES, open_page
from tests.app.test_every_widget import CHOICES  # raw option values per select-slider key
from ui import training_cache


def random_value(widget, rng: np.random.Generator):
    """A random value a user could pick: on the slider's step grid, or one of its options."""
    if widget.key in CHOICES:            # a select slider: AppTest shows labels, set_value takes options
        options = CHOICES[widget.key]
        return options[rng.integers(len(options))]
    lo, hi, step = widget.proto.min, widget.proto.max, widget.proto.step or 1
    value = lo + step * rng.integers(0, round((hi - lo) / step) + 1)
    return int(value) if widget.proto.data_type == widget.proto.INT else round(float(value), 6)


def one_session(page: str, lang: str, rng: np.random.Generator) -> int:
    """A new session on `page` that sets each of its sliders once; returns the number of reruns."""
    at = open_page(page, lang)
    runs = 0
    for kind in ("slider", "select_slider"):
        for i in range(len(getattr(at, kind))):
            widgets = getattr(at, kind)
            if i >= len(widgets):        # a move can hide others (fewer features, fewer γ/β)
                break
            widgets[i].set_value(random_value(widgets[i], rng)).run()
            runs += 1
            if at.exception:
                raise SystemExit(f"{page}: {[e.value for e in at.exception]}")
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    rng = np.random.default_rng(args.seed)
    rss = [rss_mb(os.getpid())]
    print(f"round 0: rss_mb={rss[0]:.0f}")
    sessions = reruns = 0
    for r in range(1, args.rounds + 1):
        t0 = time.perf_counter()
        for page in PAGES:
            reruns += one_session(page, ("en", "zh")[(r + sessions) % 2], rng)
            sessions += 1
        gc.collect()
        rss.append(rss_mb(os.getpid()))
        print(f"round {r}: sessions={sessions} reruns={reruns} rss_mb={rss[-1]:.0f} "
              f"({rss[-1] - rss[-2]:+.0f}) training_runs_cached={len(training_cache._runs)} "
              f"took_s={time.perf_counter() - t0:.0f}", flush=True)
    if args.rounds < 2:
        return
    half = (len(rss) + 1) // 2
    first, second = rss[1:half], rss[half:]
    print(f"summary: rss_mb start={rss[0]:.0f}; rounds 1-{half - 1} max={max(first):.0f}; "
          f"rounds {half}-{len(rss) - 1} min={min(second):.0f} max={max(second):.0f} end={rss[-1]:.0f}")

if __name__ == "__main__":
    main()
