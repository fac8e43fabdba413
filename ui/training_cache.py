"""Cached training runs for chapter 5, keyed by the frozen TrainConfig and the data set's name."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
import streamlit as st

from bn_core.datasets import Dataset, spirals, split, two_moons
from bn_core.training import History, TrainConfig, train

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
_runs: OrderedDict[tuple[TrainConfig, str], History] = OrderedDict()
_lock = threading.Lock()


def run(cfg: TrainConfig, data_name: str, progress: Callable[[float], None] | None = None) -> History:
    """One training run, from a bounded process-wide LRU cache keyed by the frozen config.

    Not st.cache_data: a cached function may not draw into a block created outside it, and the
    progress bar must be drawn only while a run really trains (a cache miss)."""
    key = (cfg, data_name)
    with _lock:
        if key in _runs:
            _runs.move_to_end(key)
            return _runs[key]
    history = train(cfg, dataset(data_name, cfg.seed), progress=progress)
    with _lock:
        _runs[key] = history
        while len(_runs) > MAX_RUNS:
            _runs.popitem(last=False)
    return history


def run_all(configs: dict[Hashable, TrainConfig], data_name: str, label: str) -> dict[Hashable, History]:
    """Train every variant, with one progress bar across them while anything actually trains."""
    bar = st.empty()
    out = {}
    for k, (name, cfg) in enumerate(configs.items()):
        def tick(f: float, k=k) -> None:
            bar.progress((k + f) / len(configs), text=label)

        out[name] = run(cfg, data_name, progress=tick)
    bar.empty()
    return out
