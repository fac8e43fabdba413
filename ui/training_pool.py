"""Training runs side by side in worker processes.

Chapter 5 trains two or three networks per view, and its sweeps 24. NumPy on these small matrices
holds the GIL most of the time, so threads do not help (2 networks × 300 steps: 427 ms in one thread,
540 ms in two, 2026-11-26); processes do. The pool is shared by every session of the server and has
at most as many workers as the machine has cores (capped at 2), so a class retraining at once queues
instead of oversubscribing the CPU. If the pool breaks (a worker killed), the runs are trained in
the calling thread and the next call starts a new pool.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import sys
import threading
import types
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
    server is unsafe)."""
    global _pool
    with _lock:
        if _pool is None:
            with _worker_start():
                pool = cf.ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))
                started = [pool.submit(os.getpid) for _ in range(WORKERS)]  # each submit starts a worker
            cf.wait(started)
            _pool = pool
            atexit.register(_close)
        return _pool


def _close() -> None:
    """Stop the workers while the interpreter is whole (left to teardown, the pool's own clean-up
    prints an AttributeError)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _worker_start():
    """What a spawned worker inherits, for the moment the workers start: the BLAS thread limits in
    the environment, and an empty __main__. multiprocessing makes every worker import the parent's
    __main__, and while a page runs Streamlit puts the page script there: each worker would run the
    whole app (it did: 150 MB a worker)."""
    saved_env = {k: os.environ.get(k) for k in ONE_BLAS_THREAD}
    saved_main = sys.modules.get("__main__")
    os.environ.update(ONE_BLAS_THREAD)
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = saved_main
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _discard(broken: cf.ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


Done = Callable[[int, TrainConfig, History], None]


def train_all(jobs: list[TrainConfig], data: Dataset, done: Done | None = None) -> list[History]:
    """train(cfg, data) for every cfg, in order, on the worker processes. done(n, cfg, history) is
    called in this thread as each run finishes (n runs so far). If done raises (Streamlit stops a
    script that way when the learner moves on), the runs not started yet are cancelled. With one
    worker or one job it trains here."""
    if WORKERS < 2 or len(jobs) < 2:
        return _here(jobs, data, done)
    pool = _executor()
    try:
        futures = {pool.submit(train, cfg, data): k for k, cfg in enumerate(jobs)}
    except cf.process.BrokenProcessPool:
        _discard(pool)
        return _here(jobs, data, done)
    out: list[History | None] = [None] * len(jobs)
    try:
        for n, fut in enumerate(cf.as_completed(futures), start=1):
            k = futures[fut]
            out[k] = fut.result()
            if done:
                done(n, jobs[k], out[k])
    except cf.process.BrokenProcessPool:
        _discard(pool)
        return _here(jobs, data, done)
    finally:
        for fut in futures:
            fut.cancel()
    return out


def _here(jobs: list[TrainConfig], data: Dataset, done: Done | None) -> list[History]:
    out = []
    for n, cfg in enumerate(jobs, start=1):
        out.append(train(cfg, data))
        if done:
            done(n, cfg, out[-1])
    return out
