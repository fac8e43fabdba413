"""Forward + backward time and effective bandwidth of bn_core's BatchNorm on (4096, 1024) float32,
next to a straightforward textbook NumPy version (cs231n style, all float32).

Effective GB/s counts the minimum traffic of one forward + backward: read x, write y, read dy,
read x_hat, write dx = 5 arrays of N*D*4 bytes. Prints one line per implementation.
Run: python benchmarks/bench_batchnorm.py [--repeats 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bn_core import RunningStats, batchnorm_backward, batchnorm_forward

N, D = 4096, 1024


def textbook_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    x_hat = (x - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, gamma, var, eps)


def textbook_backward(dy, cache):
    x_hat, gamma, var, eps = cache
    m = dy.shape[0]
    dbeta = dy.sum(axis=0)
    dgamma = (dy * x_hat).sum(axis=0)
    dx = gamma / (m * np.sqrt(var + eps)) * (m * dy - dbeta - x_hat * dgamma)
    return dx, dgamma, dbeta


def ours(x, gamma, beta, dy, stats):
    _, cache, _ = batchnorm_forward(x, gamma, beta, stats, training=True)
    return batchnorm_backward(dy, cache)


def textbook(x, gamma, beta, dy, stats):
    _, cache = textbook_forward(x, gamma.astype(np.float32), beta.astype(np.float32))
    return textbook_backward(dy, cache)


def median_seconds(fn, args, repeats: int) -> float:
    fn(*args)  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    repeats = parser.parse_args().repeats
    rng = np.random.default_rng(0)
    x = (1e4 + rng.standard_normal((N, D))).astype(np.float32)
    dy = rng.standard_normal((N, D)).astype(np.float32)
    gamma, beta = np.ones(D), np.zeros(D)
    stats = RunningStats.initial(D)
    traffic = 5 * N * D * 4
    print(f"# BatchNorm forward+backward, x ({N}, {D}) float32, median of {repeats}, numpy {np.__version__}")
    for name, fn in (("bn_core", ours), ("textbook_numpy", textbook)):
        s = median_seconds(fn, (x, gamma, beta, dy, stats), repeats)
        print(f"{name:16s} fwd+bwd_ms={s * 1e3:8.2f}  effective_GB_per_s={traffic / s / 1e9:6.2f}")


if __name__ == "__main__":
    main()
