"""Chapter 5's runs in worker processes: the same histories as training here, one BLAS thread per
worker, workers that do not run the page script, and training here when the pool breaks."""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import os
import sys
import types

import numpy as np
import pytest

from bn_core.datasets import split, two_moons
from bn_core.network import NetConfig
from bn_core.training import TrainConfig, train
from ui import training_pool

pytestmark = pytest.mark.skipif(training_pool.WORKERS < 2, reason="this machine has one core: no pool")


@pytest.fixture(scope="module")
def data():
    x, y = two_moons(300, 0.1, np.random.default_rng(0))
    return split("moons", x, y, val_share=0.25, seed=0)


def jobs() -> list[TrainConfig]:
    return [TrainConfig(NetConfig((2, 16, 16, 2), activation="tanh", bn=bn, dtype="float32", seed=3), lr=0.2,
                        steps=60, record_every=10, seed=3) for bn in ("none", "before", "after")]


def assert_same(a, b) -> None:
    for field in dataclasses.fields(a):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=field.name)
        else:
            assert x == y, field.name


def test_the_pool_gives_the_histories_of_training_here(data):
    seen = []
    pooled = training_pool.train_all(jobs(), data, done=lambda n, cfg, h: seen.append((n, cfg, h)))
    assert [n for n, _, _ in seen] == [1, 2, 3]
    assert {cfg: h for _, cfg, h in seen} == dict(zip(jobs(), pooled, strict=True))
    for here, there in zip([train(cfg, data) for cfg in jobs()], pooled, strict=True):
        assert_same(here, there)


def test_workers_use_one_blas_thread_and_the_server_keeps_its_environment(data):
    before = {k: os.environ.get(k) for k in training_pool.ONE_BLAS_THREAD}
    training_pool.train_all(jobs()[:2], data)
    pool = training_pool._executor()
    seen = {pool.submit(os.getenv, "OPENBLAS_NUM_THREADS").result() for _ in range(4)}
    assert seen == {"1"}
    assert {k: os.environ.get(k) for k in training_pool.ONE_BLAS_THREAD} == before
    assert len({pool.submit(os.getpid).result() for _ in range(8)} - {os.getpid()}) >= 1


def test_a_broken_pool_falls_back_to_training_here(data, monkeypatch):
    class Broken:
        def submit(self, *args, **kwargs):
            raise cf.process.BrokenProcessPool("a worker died")

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(training_pool, "_executor", lambda: Broken())
    out = training_pool.train_all(jobs()[:2], data)
    for here, there in zip([train(cfg, data) for cfg in jobs()[:2]], out, strict=True):
        assert_same(here, there)


def test_workers_do_not_run_the_page_script_streamlit_puts_in_main(tmp_path, monkeypatch):
    marker = tmp_path / "ran"
    page = tmp_path / "page.py"
    page.write_text(f"open({str(marker)!r}, 'w').close()\n")
    script_main = types.ModuleType("__main__")
    script_main.__file__ = str(page)
    training_pool._close()                       # the next call starts new workers
    monkeypatch.setitem(sys.modules, "__main__", script_main)
    pool = training_pool._executor()
    assert pool.submit(os.getpid).result() != os.getpid()
    assert not marker.exists()
    assert sys.modules["__main__"] is script_main


def test_when_the_script_is_stopped_the_runs_not_started_are_cancelled(data, monkeypatch):
    many = [dataclasses.replace(jobs()[0], seed=s) for s in range(12)]
    pool, submitted = training_pool._executor(), []

    class Spy:
        def submit(self, *args):
            submitted.append(pool.submit(*args))
            return submitted[-1]

    def stop(n, cfg, history):
        raise KeyboardInterrupt("the learner moved a slider")  # how a stopped script leaves done()

    monkeypatch.setattr(training_pool, "_executor", lambda: Spy())
    with pytest.raises(KeyboardInterrupt):
        training_pool.train_all(many, data, done=stop)
    # the runs already handed over to the workers' call queue (workers + 1, refilled as runs finish)
    # cannot be cancelled; every other one is, where without cancelling none would be
    assert sum(f.cancelled() for f in submitted) >= len(many) // 2
