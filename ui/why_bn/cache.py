"""Chapter 6's cached computations: the four training runs (ui.training_cache), the learning-rate
sweep, the spread of pre-activations with depth, and the scale check, keyed by small frozen configs."""

from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

from bn_core.depth import preactivation_spread
from bn_core.network import init_params
from bn_core.scale_invariance import ScaleCheck, scale_check
from bn_core.training import History, TrainConfig, targets

from .. import training_cache
from .controls import WhyConfig

SWEEP_LRS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
SWEEP_STEPS = 200
DEEP = 12           # hidden layers of the untrained network whose spread is followed with depth
SPREAD_ROWS = 256   # training rows it is fed


def runs(cfg: WhyConfig, label: str, live=None) -> dict[str, History]:
    """The chapter's four runs (WhyConfig.runs), trained under a progress bar where not cached."""
    return training_cache.run_all(cfg.runs(), cfg.data, label, live=live)


def sweep_configs(cfg: WhyConfig) -> dict[tuple[str, float], TrainConfig]:
    """Short runs (≤ SWEEP_STEPS steps) without and with BN at every SWEEP_LRS learning rate."""
    base = cfg.base()
    steps = min(cfg.steps, SWEEP_STEPS)
    short = dataclasses.replace(base, steps=steps, record_every=max(1, steps // 10))
    out = {}
    for v in ("none", "before"):
        run = dataclasses.replace(short, net=dataclasses.replace(short.net, bn=v))
        out |= {(v, lr): dataclasses.replace(run, lr=lr) for lr in SWEEP_LRS}
    return out


def sweep(cfg: WhyConfig, label: str) -> dict[tuple[str, float], History]:
    return training_cache.run_all(sweep_configs(cfg), cfg.data, label)


@st.cache_data(max_entries=16, show_spinner=False)
def depth_spread(cfg: WhyConfig) -> dict[str, np.ndarray]:
    """Std of z per hidden layer of a DEEP-layer version of the chapter's network, untrained, on the
    first SPREAD_ROWS training rows: {"none": (DEEP,), "before": (DEEP,)}."""
    net = cfg.base().net
    ds = training_cache.dataset(cfg.data, cfg.seed)
    sizes = (net.sizes[0], *([cfg.width] * DEEP), net.sizes[-1])
    x = ds.x_train[:SPREAD_ROWS].astype(np.float64)
    return {v: preactivation_spread(dataclasses.replace(net, sizes=sizes, bn=v, dtype="float64"), x)
            for v in ("none", "before")}


@st.cache_data(max_entries=32, show_spinner=False)
def scale(cfg: WhyConfig, c: float) -> ScaleCheck:
    """The untrained BN network, first-layer weights W₁ against c·W₁, on the first training batch."""
    net = dataclasses.replace(cfg.base().net, bn="before", dtype="float64")
    ds = training_cache.dataset(cfg.data, cfg.seed)
    x, y = ds.x_train[: cfg.batch].astype(np.float64), ds.y_train[: cfg.batch]
    return scale_check(net, init_params(net), x, targets(net, y, ds.n_classes), 0, c)
