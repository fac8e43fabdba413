"""Chapter 5's default training with NumPy's BLAS on all cores or on one, idle and beside busy cores.

The run is the page's default (digits, 3 × 100 sigmoid, batch 60, SGD lr 0.5, 300 steps, float32),
for its two variants (no BN, BN before the activation). "Busy" starts that many processes that spin
in pure Python (another session's run, the test run's other worker). The app limits BLAS to one
thread (`ui/blas_threads.py`); this shows why.

    python -m benchmarks.blas_threads [repeats]

Prints the median time over the repeats for each BLAS width and number of busy processes."""

from __future__ import annotations

import multiprocessing
import os
import statistics
import sys
import time

from threadpoolctl import threadpool_info, threadpool_limits

from bn_core.training import train
from ui.training_cache import dataset
from ui.training_controls import PAPER, TRAIN_DTYPE, record_every


def _spin() -> None:
    while True:
        pass


def configs():
    from bn_core.network import NetConfig
    from bn_core.training import TrainConfig
    data = dataset(PAPER["tr_data"], 0)
    sizes = (data.x_train.shape[1], 100, 100, 100, data.n_classes)
    steps = 300
    return data, [TrainConfig(NetConfig(sizes, activation="sigmoid", bn=v, dtype=TRAIN_DTYPE), lr=0.5,
                              batch_size=60, steps=steps, record_every=record_every(steps))
                  for v in ("none", "before")]


def timed(repeats: int) -> float:
    data, cfgs = configs()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for cfg in cfgs:
            train(cfg, data)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(repeats: int) -> None:
    cores = os.cpu_count() or 1
    widest = max((lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"), default=1)
    print(f"cores={cores} blas_threads_default={widest} repeats={repeats}")
    print("blas_threads busy_processes seconds")
    for busy in range(cores + 1):
        spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(busy)]
        for p in spinners:
            p.start()
        try:
            for threads in sorted({widest, 1}, reverse=True):
                with threadpool_limits(limits=threads, user_api="blas"):
                    print(f"{threads} {busy} {timed(repeats):.2f}", flush=True)
        finally:
            for p in spinners:
                p.terminate()
                p.join()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
