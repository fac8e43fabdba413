"""Training vs inference: how one sample's output depends on its batchmates in training mode, and
how far batch- and running-statistics outputs are from the exact population normalization."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ema import EMATrace, trained_layer
from .layer import BatchNorm
from .stream import StreamSpec, population_draws, population_mean


def population_output(x: np.ndarray, spec: StreamSpec, step: int, eps: float) -> np.ndarray:
    """The exact normalization with the true population statistics at `step`."""
    return (x - population_mean(spec, step)) / np.sqrt(spec.std**2 + eps)


def training_error_message(x0: float) -> str:
    """What BatchNorm says when asked to train on a batch of one sample."""
    try:
        BatchNorm(1).forward(np.array([[x0]]), training=True)
    except ValueError as err:
        return str(err)
    raise AssertionError("a batch of one must not train")  # pragma: no cover


def batchmate_outputs(x0: float, spec: StreamSpec, batch_sizes: tuple[int, ...], draws: int,
                      rng: np.random.Generator, *, convention: str = "pytorch") -> dict[int, np.ndarray]:
    """For each batch size B >= 2: the training-mode output of x0 in `draws` batches whose other
    B - 1 members are fresh population samples at the last step. Returns {B: (draws,)}."""
    out = {}
    for b in batch_sizes:
        ys = np.empty(draws)
        for k in range(draws):
            batch = np.concatenate([[x0], population_draws(spec, spec.steps, b - 1, rng)])
            ys[k] = BatchNorm(1, convention=convention).forward(batch[:, None], training=True)[0, 0]
        out[b] = ys
    return out


@dataclass(frozen=True)
class GapTrace:
    """Mean |output - exact population output| over a test set, after each step t = 1..T."""

    steps: np.ndarray
    running: np.ndarray
    batch: np.ndarray


def train_eval_gap(spec: StreamSpec, trace: EMATrace, *, test_size: int, rng: np.random.Generator,
                   every: int = 1) -> GapTrace:
    """At steps every, 2*every, ...: error of inference mode (running statistics, the right way)
    and of training mode on test batches of spec.batch_size ("forgot to call eval()")."""
    steps = np.arange(every, spec.steps + 1, every)
    b = max(spec.batch_size, 2)
    n = test_size - test_size % b or b
    running, batch = np.empty(len(steps)), np.empty(len(steps))
    for k, t in enumerate(steps):
        x = population_draws(spec, int(t), n, rng)[:, None]
        exact = population_output(x, spec, int(t), trace.eps)
        y_eval = trained_layer(trace, int(t)).forward(x, training=False)
        y_train = np.vstack([BatchNorm(1, eps=trace.eps).forward(chunk, training=True)
                             for chunk in np.split(x, n // b)])
        running[k] = np.mean(np.abs(y_eval - exact))
        batch[k] = np.mean(np.abs(y_train - exact))
    return GapTrace(steps, running, batch)
