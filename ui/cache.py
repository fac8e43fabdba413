"""Cached calls into bn_core, keyed by small frozen configs (never by big arrays)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

import bn_core
from bn_core import MiniBatchSpec


@dataclass(frozen=True)
class LayerConfig:
    """Chapter 3's settings: the batch, γ and β per feature, and the BN hyper-parameters."""

    spec: MiniBatchSpec
    gamma: tuple[float, ...]
    beta: tuple[float, ...]
    momentum: float
    eps: float
    convention: str


@dataclass(frozen=True)
class UpstreamConfig:
    """Which upstream gradient dy the backward panel uses; cell is (sample, feature), 0-based."""

    kind: str
    cell: tuple[int, int]
    seed: int


@st.cache_data(max_entries=64, show_spinner=False)
def minibatch(spec: MiniBatchSpec) -> np.ndarray:
    """x (N, D) for the spec."""
    return bn_core.make_minibatch(spec)


@st.cache_data(max_entries=64, show_spinner=False)
def five_steps(cfg: LayerConfig) -> bn_core.FiveSteps:
    """One training forward pass from the initial running statistics (mean 0, variance 1)."""
    d = cfg.spec.d
    return bn_core.five_steps(
        minibatch(cfg.spec), np.array(cfg.gamma), np.array(cfg.beta), bn_core.RunningStats.initial(d),
        momentum=cfg.momentum, eps=cfg.eps, convention=bn_core.get_convention(cfg.convention),
    )


@st.cache_data(max_entries=32, show_spinner=False)
def backward(cfg: LayerConfig, up: UpstreamConfig) -> bn_core.BackwardReport:
    """Backward pass, gradient check and staged-vs-compact agreement for the batch of cfg."""
    x = minibatch(cfg.spec)
    dy = bn_core.upstream_gradient(up.kind, x.shape, cell=up.cell, rng=np.random.default_rng(up.seed))
    return bn_core.backward_report(x, np.array(cfg.gamma), np.array(cfg.beta), dy, eps=cfg.eps)


@st.cache_data(max_entries=32, show_spinner=False)
def image_case(spec: bn_core.ImageBatchSpec) -> tuple[np.ndarray, np.ndarray]:
    """Output of BN on an (N, C, H, W) batch: per-channel mean and variance, each (C,)."""
    x = bn_core.make_image_batch(spec)
    y = bn_core.BatchNorm(spec.c).forward(x, training=True)
    return y.mean(axis=(0, 2, 3)), y.var(axis=(0, 2, 3))


@st.cache_data(max_entries=64, show_spinner=False)
def home_picture(gamma: float, beta: float) -> tuple[np.ndarray, np.ndarray]:
    """Three hidden-layer features on very different scales (2000, 3), before and after a BN
    layer whose γ and β are the same for every feature."""
    rng = np.random.default_rng(7)
    x = np.column_stack([rng.normal(40.0, 12.0, 2000), rng.normal(-15.0, 3.0, 2000),
                         rng.gamma(2.0, 4.0, 2000)])
    bn = bn_core.BatchNorm(3)
    bn.gamma, bn.beta = gamma, beta
    return x, bn.forward(x, training=True)
