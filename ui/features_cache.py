"""Cached calls for chapters 1 and 2, keyed by frozen configs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from bn_core import csv_import, descent, features
from bn_core.features import FeatureSpec
from figures.contours import View, view_for


@st.cache_data(max_entries=32, show_spinner=False)
def data(spec: FeatureSpec) -> tuple[np.ndarray, features.Standardized]:
    x = features.make_features(spec)
    return x, features.standardize(x)


@st.cache_data(max_entries=16, show_spinner=False)
def uploaded(raw: bytes) -> csv_import.Table | csv_import.Refusal:
    return csv_import.read_csv(raw)


@dataclass(frozen=True)
class SurfaceConfig:
    """Chapter 2: data, which preprocessing the right-hand surface gets, and the descent."""

    spec: FeatureSpec
    whitening: str          # "none" | "pca" | "zca"
    lr_frac: float          # learning rate as a fraction of each surface's 2/λmax
    momentum: float
    steps: int
    start: tuple[float, float]  # (u, v) in [-1, 1]²: the start relative to each plot's box


@dataclass(frozen=True)
class Surface:
    """Everything one side of chapter 2 shows."""

    quadratic: descent.Quadratic
    cond: descent.Conditioning
    view: View
    path: descent.Path
    lr: float
    stable: bool
    predicted: float
    measured: float


def _design(spec: FeatureSpec, whitening: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, std = data(spec)
    right = std.z if whitening == "none" else features.whiten(x, whitening)
    y = descent.regression_targets(x, np.random.default_rng(spec.seed + 7))
    return x, right, y


@st.cache_data(max_entries=16, show_spinner=False)
def surfaces(cfg: SurfaceConfig) -> dict[str, Surface]:
    """{"raw": ..., "right": ...}; each side uses lr = lr_frac * 2/λmax of its own Hessian."""
    x, right, y = _design(cfg.spec, cfg.whitening)
    out = {}
    for name, design in (("raw", x), ("right", right)):
        q = descent.fit_quadratic(design, y)
        cond = descent.conditioning(design)
        view = view_for(q)
        w0 = q.w_star + view.half * np.asarray(cfg.start)
        lr = cfg.lr_frac * cond.lr_max
        path = descent.gradient_descent(q, w0, lr=lr, momentum=cfg.momentum, steps=cfg.steps)
        out[name] = Surface(
            q, cond, view, path, lr, descent.stable(cond, lr, cfg.momentum),
            descent.steps_to_tolerance(cond, lr),
            descent.measured_steps(q, w0, lr=lr, momentum=cfg.momentum, max_steps=20_000),
        )
    return out
