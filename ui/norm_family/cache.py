"""Chapter 7's cached computations, keyed by small frozen configs."""

from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

from bn_core.network import NetConfig
from bn_core.norm_family import normalize
from bn_core.training import History, TrainConfig

from .. import training_cache
from .controls import CubeConfig

BATCHMATE_DRAWS = 40
FAMILY = ("bn", "ln", "in", "gn", "rms")


def draw_samples(rng: np.random.Generator, count: int, shape: tuple[int, int, int]) -> np.ndarray:
    """count samples (C, H, W): channel c centred at m_c with spread s_c (fixed by seed 0 of the
    chapter's population), plus an offset per sample, so that every method has something to remove."""
    c = shape[0]
    pop = np.random.default_rng(12345)
    m, s = pop.uniform(-3, 3, c), pop.uniform(0.5, 3.0, c)
    x = m[None, :, None, None] + s[None, :, None, None] * rng.standard_normal((count, *shape))
    return x + rng.normal(0.0, 2.0, (count, 1, 1, 1))


@st.cache_data(max_entries=32, show_spinner=False)
def tensor(shape: tuple[int, int, int, int], seed: int) -> np.ndarray:
    """The chapter's (N, C, H, W) tensor."""
    return draw_samples(np.random.default_rng(seed), shape[0], shape[1:])


@st.cache_data(max_entries=32, show_spinner=False)
def outputs(cfg: CubeConfig) -> dict[str, np.ndarray]:
    """The chosen cell's sample, (C, H·W), normalized by each method of the family (γ = 1, β = 0).
    A batch of one has no BN output (its variance is 0): BN is left out then."""
    x = tensor(cfg.shape, cfg.seed)
    n, c, h, w = cfg.shape
    methods = [m for m in FAMILY if m != "bn" or n > 1 or h * w > 1]
    return {m: normalize(x, m, cfg.groups)[cfg.cell[0]].reshape(c, h * w) for m in methods}


@st.cache_data(max_entries=32, show_spinner=False)
def batchmates(cfg: CubeConfig) -> tuple[int, dict[str, np.ndarray]]:
    """The chosen cell's output in BATCHMATE_DRAWS batches of max(N, 2): its sample fixed, the others
    drawn afresh each time. Returns (batch size, {method: (draws,)})."""
    x = tensor(cfg.shape, cfg.seed)
    n, c, h, w = cfg.shape
    b = max(n, 2)
    rng = np.random.default_rng(cfg.seed + 1)
    mine = x[cfg.cell[0]][None]
    out = {m: np.empty(BATCHMATE_DRAWS) for m in FAMILY}
    for k in range(BATCHMATE_DRAWS):
        batch = np.concatenate([mine, draw_samples(rng, b - 1, (c, h, w))])
        for m in FAMILY:
            out[m][k] = normalize(batch, m, cfg.groups)[(0, *cfg.cell[1:])]
    return b, out


def batch_of_one(cfg: CubeConfig) -> dict[str, str]:
    """Each method on the chosen sample alone, as the vector (1, C) a fully connected layer would hand
    it (its first position): "ok", "degenerate" (one value per statistic: every output 0) or
    "refused" (it raises, as BN does and PyTorch's BatchNorm1d)."""
    x = tensor(cfg.shape, cfg.seed)[cfg.cell[0]][None, :, 0, 0]
    found = {}
    for m in FAMILY:
        try:
            y = normalize(x, m, cfg.groups)
            found[m] = "degenerate" if np.all(y == 0) else "ok"
        except ValueError:   # BN: one value per feature in training (the message chapter 4 shows)
            found[m] = "refused"
    return found


# --- the batch-size sweep --------------------------------------------------------------------------

SWEEP_BATCHES = (2, 4, 8, 16, 32, 64)
SWEEP_NORMS = ("bn", "brn", "gn", "ln")
EXAMPLES = 6_400          # every run sees this many training examples: steps = EXAMPLES / batch size
BASE_LR, BASE_BATCH = 0.2, 32   # the learning rate scales with the batch size (linear scaling rule)
WIDTH, GROUPS = 32, 4


def sweep_configs(seed: int) -> dict[tuple[str, int], TrainConfig]:
    """One short run per (norm, batch size) on the 8×8 digits: 2 hidden ReLU layers of WIDTH units with
    the norm before the activation, identical initial weights (the seed), EXAMPLES examples seen."""
    base = TrainConfig(NetConfig((64, WIDTH, WIDTH, 10), activation="relu", bn="before", seed=seed, dtype="float32",
                                 groups=GROUPS), seed=seed, probe_size=64)
    out = {}
    for norm in SWEEP_NORMS:
        for b in SWEEP_BATCHES:
            steps = EXAMPLES // b
            out[norm, b] = dataclasses.replace(base, net=dataclasses.replace(base.net, norm=norm), batch_size=b,
                                               steps=steps, record_every=steps, lr=BASE_LR * b / BASE_BATCH)
    return out


def sweep(seed: int, label: str) -> dict[tuple[str, int], History]:
    """The sweep's runs, trained under a progress bar where they are not cached yet."""
    return training_cache.run_all(sweep_configs(seed), "digits", label)
