"""Training runs side by side in worker processes.

Chapter 5 trains two or three networks per view, and its sweeps 24. NumPy on these small matrices
holds the GIL most of the time, so threads do not help (2 networks × 300 steps: 427 ms in one thread,
540 ms in two, 2026-11-26); processes do. The pool is shared by every session of the server and has
at most as many workers as the machine has cores (capped at 2), so a class retraining at once queues
instead of oversubscribing the CPU. If the pool breaks (a worker killed), the runs are trained in
the calling thread and the next call starts a new pool.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import threading
from collections.abc import Callable

from bn_core.datasets import Dataset
from bn_core.training import History, TrainConfig, train

WORKERS = max(1, min(2, os.cpu_count() or 1))
_pool: cf.ProcessPoolExecutor | None = None
_lock = threading.Lock()


# Each worker does one run at a time; BLAS threads of their own would fight the other worker for
# the cores (retraining went from 282 ms to 800–3,600 ms with OpenBLAS's default threads).
ONE_BLAS_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _executor() -> cf.ProcessPoolExecutor:
    """The shared pool, started on first use with all its workers ("spawn": a fork of the threaded
    server is unsafe). A spawned worker inherits the environment at start, so the BLAS thread limits
    are set only while the workers start."""
    global _pool
    with _lock:
        if _pool is None:
            saved = {k: os.environ.get(k) for k in ONE_BLAS_THREAD}
            os.environ.update(ONE_BLAS_THREAD)
            try:
                pool = cf.ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))
                started = [pool.submit(os.getpid) for _ in range(WORKERS)]  # each submit starts a worker
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
            cf.wait(started)
            _pool = pool
        return _pool


def _discard(broken: cf.ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def train_all(jobs: list[TrainConfig], data: Dataset, done: Callable[[int], None] | None = None) -> list[History]:
    """train(cfg, data) for every cfg, in order, on the worker processes; done(n) is called in this
    thread each time n runs have finished. With one worker or one job it trains here."""
    if WORKERS < 2 or len(jobs) < 2:
        return _here(jobs, data, done)
    pool = _executor()
    try:
        futures = {pool.submit(train, cfg, data): k for k, cfg in enumerate(jobs)}
        out: list[History | None] = [None] * len(jobs)
        for n, fut in enumerate(cf.as_completed(futures), start=1):
            out[futures[fut]] = fut.result()
            if done:
                done(n)
        return out
    except cf.process.BrokenProcessPool:
        _discard(pool)
        return _here(jobs, data, done)


def _here(jobs: list[TrainConfig], data: Dataset, done: Callable[[int], None] | None) -> list[History]:
    out = []
    for n, cfg in enumerate(jobs, start=1):
        out.append(train(cfg, data))
        if done:
            done(n)
    return out
