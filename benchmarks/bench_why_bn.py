"""Chapter 6's default view: how long its four training runs (no BN and BN with the landscape and
ICS probes, noisy BN, BN with weight decay), the depth spread and the scale check take, cold.

    python -m benchmarks.bench_why_bn [repeats]

Prints the median over the repeats of each part and of their sum (the page's cold compute time)."""

from __future__ import annotations

import statistics
import sys
import time

from bn_core.training import train
from ui.training_cache import dataset
from ui.why_bn import cache
from ui.why_bn.controls import WhyConfig


def default() -> WhyConfig:
    return WhyConfig("digits", 3, 100, "sigmoid", 0.5, 60, 300, 1.0, 1.0, 5e-3, 4.0, 0)


def main(repeats: int) -> None:
    cfg = default()
    data = dataset(cfg.data, cfg.seed)
    parts: dict[str, list[float]] = {}
    for _ in range(repeats):
        for name, run in cfg.runs().items():
            t0 = time.perf_counter()
            train(run, data)
            parts.setdefault(name, []).append(time.perf_counter() - t0)
        for name, part in (("depth spread", cache.depth_spread), ("scale check", cache.scale)):
            args = (cfg,) if part is cache.depth_spread else (cfg, 2.0)
            part.clear()
            t0 = time.perf_counter()
            part(*args)
            parts.setdefault(name, []).append(time.perf_counter() - t0)
    total = sum(statistics.median(v) for v in parts.values())
    for name, v in parts.items():
        print(f"{name:>14}: {statistics.median(v) * 1000:7.0f} ms")
    print(f"{'total':>14}: {total * 1000:7.0f} ms  (median of {repeats})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
