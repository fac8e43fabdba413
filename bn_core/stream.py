"""A stream of mini-batches of one feature from a population whose mean may drift.

At step t (1-based) the population is Normal(mean + drift * t, std^2); each batch holds
batch_size independent draws. Used by the running-statistics lab (chapter 4).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class StreamSpec:
    """Population mean and std, drift of the mean per step, batch size, number of steps, seed."""

    mean: float = 5.0
    std: float = 2.0
    drift: float = 0.0
    batch_size: int = 16
    steps: int = 100
    seed: int = 0


def population_mean(spec: StreamSpec, t: np.ndarray | int) -> np.ndarray:
    """The population mean at step(s) t."""
    return spec.mean + spec.drift * np.asarray(t, dtype=np.float64)


def batch_stream(spec: StreamSpec) -> np.ndarray:
    """xs of shape (steps, batch_size): row t-1 is the batch of step t."""
    if spec.batch_size < 1 or spec.steps < 1 or not spec.std > 0:
        raise ValueError(f"A stream needs batch_size >= 1, steps >= 1 and std > 0, got {spec}.")
    rng = np.random.default_rng(spec.seed)
    z = rng.standard_normal((spec.steps, spec.batch_size))
    t = np.arange(1, spec.steps + 1)[:, None]
    return population_mean(spec, t) + spec.std * z


def population_draws(spec: StreamSpec, t: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """n fresh samples (n,) from the population at step t (for test sets and batchmates)."""
    return population_mean(spec, t) + spec.std * rng.standard_normal(n)
