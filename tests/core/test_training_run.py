"""A training run that advances a record at a time: what it shows along the way is what it ends with."""

import dataclasses

import numpy as np
import pytest

from bn_core.datasets import split, two_moons
from bn_core.network import NetConfig
from bn_core.training import History, TrainConfig, Training, train


def moons():
    x, y = two_moons(300, 0.1, np.random.default_rng(0))
    return split("moons", x, y, val_share=0.25, seed=0)


def config(bn: str = "before", lr: float = 0.3, boundary: int = 8) -> TrainConfig:
    return TrainConfig(NetConfig((2, 12, 12, 2), activation="tanh", bn=bn, seed=3), lr=lr, steps=47,
                       record_every=5, seed=3, batch_size=32, boundary=boundary)


def fields(h: History) -> dict[str, np.ndarray]:
    return {f.name: getattr(h, f.name) for f in dataclasses.fields(h) if isinstance(getattr(h, f.name), np.ndarray)}


def assert_prefix(part: History, whole: History) -> None:
    r = len(part.steps)
    for name, value in fields(part).items():
        if name == "grid":
            np.testing.assert_array_equal(value, whole.grid)
        else:
            np.testing.assert_array_equal(value, getattr(whole, name)[:r], err_msg=name)


@pytest.mark.parametrize("bn", ["none", "before", "after"])
def test_every_partial_history_is_a_prefix_of_the_finished_run(bn):
    run, parts, fractions = Training(config(bn), moons()), [], []
    parts.append(run.history())
    while run.advance():
        parts.append(run.history())
        fractions.append(run.fraction)
    whole = run.history()
    # a record at 0, every 5 steps, and at the last step (47): 11 records, one per advance
    np.testing.assert_array_equal(whole.steps, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 47])
    assert [len(p.steps) for p in parts] == list(range(1, 11))
    for part in parts:
        assert_prefix(part, whole)
    assert fractions == sorted(fractions) and run.fraction == 1.0 and not run.advance()
    assert_prefix(whole, train(config(bn), moons()))


def test_runs_advanced_in_turn_end_as_they_would_alone():
    data = moons()
    a, b = Training(config("none"), data), Training(config("before"), data)
    while a.advance() | b.advance():     # no short circuit: both advance on every turn
        pass
    for run, cfg in ((a, config("none")), (b, config("before"))):
        alone = train(cfg, data)
        assert len(run.history().steps) == len(alone.steps)
        assert_prefix(run.history(), alone)


def test_a_diverging_run_ends_early_and_says_so():
    run = Training(config(lr=1e4, boundary=0), moons())
    turns = 0
    while run.advance():
        turns += 1
    h = run.history()
    assert h.diverged and run.fraction == 1.0 and h.steps[-1] < 47 and turns < 10
    assert h.boundary is None and np.all(np.isfinite(h.train_loss))
