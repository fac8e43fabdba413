"""Chapter 7's batch-size sweep on its default settings: 24 runs (BN, Batch Renorm, GroupNorm,
LayerNorm at batch sizes 2–64, each seeing the same number of examples), timed without Streamlit.
Prints the time per norm and in all, and each run's validation error.

Run: python benchmarks/bench_norm_sweep.py [--repeat 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bn_core.datasets import split
from bn_core.training import train
from ui.digits import digits
from ui.norm_family.cache import SWEEP_BATCHES, SWEEP_NORMS, sweep_configs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    x, y = digits()
    data = split("digits", x, y, val_share=0.2, seed=0)    # the chapter's split (training_cache.dataset)
    configs = sweep_configs(0)
    totals = []
    for rep in range(args.repeat):
        per_norm, errors = {}, {}
        start = time.perf_counter()
        for norm in SWEEP_NORMS:
            t0 = time.perf_counter()
            for b in SWEEP_BATCHES:
                h = train(configs[norm, b], data)
                errors[norm, b] = float("nan") if h.diverged else 1 - h.val_acc[-1]
            per_norm[norm] = time.perf_counter() - t0
        totals.append(time.perf_counter() - start)
        print(f"run {rep + 1}: {totals[-1]:.2f} s in all; " + ", ".join(f"{n} {s:.2f} s" for n, s in per_norm.items()))
    print(f"{time.strftime('%Y-%m-%d %H:%M')}  best of {args.repeat}: {min(totals):.2f} s for 24 runs")
    for norm in SWEEP_NORMS:
        print(f"  {norm:4s} " + "  ".join(f"B={b}: {errors[norm, b]:.1%}" for b in SWEEP_BATCHES))


if __name__ == "__main__":
    main()
