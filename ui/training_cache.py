"""Cached training runs for chapter 5, keyed by the frozen TrainConfig and the data set's name."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
import streamlit as st

from bn_core.datasets import Dataset, spirals, split, two_moons
from bn_core.training import History, TrainConfig, Training

from .digits import digits

DATASETS = ("digits", "moons", "spirals")


@st.cache_data(max_entries=8, show_spinner=False)
def dataset(name: str, seed: int) -> Dataset:
    """scikit-learn's 8×8 digits (1,797 images, 10 classes) or a 2-D set; a fixed split per seed."""
    rng = np.random.default_rng(seed)
    if name == "digits":
        x, y = digits()
    elif name == "moons":
        x, y = two_moons(600, 0.12, rng)
    else:
        x, y = spirals(900, 0.04, rng)
    return split(name, x, y, val_share=0.2, seed=seed)


MAX_RUNS = 64
REDRAW_EVERY = 0.25  # s between two redraws of the progress bar and live chart while networks train
_runs: OrderedDict[tuple[TrainConfig, str], History] = OrderedDict()
_lock = threading.Lock()

Live = Callable[[dict[Hashable, History]], None]


def cached(cfg: TrainConfig, data_name: str) -> History | None:
    """A finished run from the bounded process-wide LRU cache, keyed by the frozen config.

    Not st.cache_data: a cached function may not draw into a block created outside it, and the
    progress bar and live chart must be drawn only while a run really trains (a cache miss)."""
    with _lock:
        if (cfg, data_name) in _runs:
            _runs.move_to_end((cfg, data_name))
            return _runs[cfg, data_name]
    return None


def _store(cfg: TrainConfig, data_name: str, history: History) -> None:
    with _lock:
        _runs[cfg, data_name] = history
        while len(_runs) > MAX_RUNS:
            _runs.popitem(last=False)


def run_all(configs: dict[Hashable, TrainConfig], data_name: str, label: str, live: Live | None = None,
            clock: Callable[[], float] = time.perf_counter) -> dict[Hashable, History]:
    """Every variant's finished run, training those not cached under one progress bar.

    With `live`, the runs to train advance side by side, one record each in turn, and `live` gets
    every variant (in the configs' order; a run still training as the prefix recorded so far) after
    the first turn: the learner watches the curves grow. Without it they train one after another,
    each cached as soon as it finishes (a long sweep that is interrupted keeps what it finished).
    The bar and the live chart are redrawn at most every REDRAW_EVERY seconds: each redraw is a
    message the browser renders, and a message per record slowed the page down."""
    bar = st.empty()
    done = {name: h for name, cfg in configs.items() if (h := cached(cfg, data_name)) is not None}
    todo, shown = [name for name in configs if name not in done], None
    for group in ([todo] if live else [[name] for name in todo]):
        racing = {name: Training(configs[name], dataset(data_name, configs[name].seed)) for name in group}
        while racing:
            for name, run in list(racing.items()):
                if not run.advance():
                    done[name] = run.history()
                    _store(configs[name], data_name, done[name])
                    del racing[name]
            if racing and (shown is None or clock() - shown >= REDRAW_EVERY):
                if live:     # the chart first: it is what the learner is waiting for
                    live({name: done[name] if name in done else racing[name].history() for name in configs})
                bar.progress((len(done) + sum(run.fraction for run in racing.values())) / len(configs), text=label)
                shown = clock()
    bar.empty()
    return {name: done[name] for name in configs}
