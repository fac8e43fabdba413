"""Cached calls for chapter 4 (running statistics), keyed by small frozen configs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from bn_core import ema, inference, pitfalls
from bn_core.stream import StreamSpec, batch_stream

BATCH_SIZES = (2, 4, 8, 16, 32, 64, 128)


@dataclass(frozen=True)
class RunningConfig:
    """The stream and the BN settings of the lab."""

    stream: StreamSpec
    convention: str
    momentum: float | None
    eps: float


@st.cache_data(max_entries=32, show_spinner=False)
def trace(cfg: RunningConfig) -> ema.EMATrace:
    return ema.run_ema(batch_stream(cfg.stream), convention=cfg.convention, momentum=cfg.momentum, eps=cfg.eps)


@st.cache_data(max_entries=32, show_spinner=False)
def side_by_side(spec: StreamSpec, momentum: float) -> dict[str, ema.EMATrace]:
    """PyTorch momentum m, Keras momentum 1 - m (the same EMA), and the cumulative average."""
    xs = batch_stream(spec)
    return {
        "pytorch": ema.run_ema(xs, convention="pytorch", momentum=momentum),
        "keras": ema.run_ema(xs, convention="keras", momentum=ema.equivalent_momentum("pytorch", momentum)[1]),
        "cumulative": ema.run_ema(xs, convention="pytorch", momentum=None),
    }


@st.cache_data(max_entries=16, show_spinner=False)
def batchmates(cfg: RunningConfig, x0: float, draws: int = 200) -> dict[int, np.ndarray]:
    rng = np.random.default_rng(cfg.stream.seed + 1)
    return inference.batchmate_outputs(x0, cfg.stream, BATCH_SIZES, draws, rng, convention=cfg.convention)


@st.cache_data(max_entries=16, show_spinner=False)
def gap(cfg: RunningConfig) -> inference.GapTrace:
    every = max(1, cfg.stream.steps // 100)
    return inference.train_eval_gap(cfg.stream, trace(cfg), test_size=256,
                                    rng=np.random.default_rng(cfg.stream.seed + 2), every=every)


PITFALL_RUNS = {
    "variance": lambda cfg: pitfalls.variance_pitfall(cfg.stream, 0.1),
    "momentum": lambda cfg: pitfalls.momentum_pitfall(cfg.stream),
    "eps": lambda cfg: pitfalls.eps_pitfall(cfg.stream, cfg.eps),
    "swap": lambda cfg: pitfalls.swap_pitfall(cfg.stream, 2.0, 0.5),
    "eval": lambda cfg: pitfalls.eval_pitfall(cfg.stream),
    "no_eval": lambda cfg: pitfalls.no_eval_pitfall(cfg.stream),
    "finetune": lambda cfg: pitfalls.finetune_pitfall(cfg.stream),
    "small_batch": lambda cfg: pitfalls.small_batch_pitfall(cfg.stream),
}


@st.cache_data(max_entries=64, show_spinner=False)
def pitfall(cfg: RunningConfig, name: str) -> pitfalls.Comparison:
    """The correct code and the slip `name` run on the lab's stream (bn_core.pitfalls)."""
    return PITFALL_RUNS[name](cfg)
