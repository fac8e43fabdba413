"""One BLAS thread per process: NumPy's matrix products run on the thread that calls them.

NumPy's OpenBLAS starts a pool of threads as wide as the machine and spins them while it waits for
work. On this app's small products (a 60 × 100 batch through a 100 × 100 layer) the pool saves
nothing when the machine is idle, and when anything else needs a core (a second session's run, a
training sweep, the test run's other worker) the spinning threads fight for it: one chapter 5 run of
two networks took 2.4 s with both cores busy, against 0.64 s on one thread, and 0.40 s / 0.38 s
idle (`python -m benchmarks.blas_threads`, 2026-12-04). Streamlit answers each session on a thread of its own, so
concurrent sessions still use every core.

`one_per_process` sets the limit the first time it is called in a process; threadpoolctl finds the
BLAS that NumPy loaded, whatever its build (OpenBLAS, its scipy-openblas64 wheel, MKL). It sees only
libraries already loaded, so this module imports NumPy first: Streamlit imports NumPy lazily, and the
first version of this module, called before anything had, limited nothing (the test run's workers
kept their two-thread pools)."""

from __future__ import annotations

import functools

import numpy  # noqa: F401  (loads NumPy's BLAS: threadpoolctl limits only the libraries already loaded)
from threadpoolctl import threadpool_limits

THREADS = 1


@functools.cache
def one_per_process() -> threadpool_limits:
    """Limit NumPy's BLAS to THREADS threads in this process (once; later calls return the same limits)."""
    return threadpool_limits(limits=THREADS, user_api="blas")
