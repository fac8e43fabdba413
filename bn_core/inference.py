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
    B - 1 members are fresh population samples at the last step. Returns {B: (draws,)}.

    One layer call per B: the draws are the layer's features, so column k is the batch
    [x0, others of draw k] and BatchNorm normalizes each column over its own B values."""
    out = {}
    for b in batch_sizes:
        others = population_draws(spec, spec.steps, draws * (b - 1), rng).reshape(draws, b - 1)
        batches = np.hstack([np.full((draws, 1), x0), others]).T          # (B, draws)
        out[b] = BatchNorm(draws, convention=convention).forward(batches, training=True)[0].copy()
    return out


def training_mode_output(x: np.ndarray, b: int, eps: float) -> np.ndarray:
    """x (n, 1) cut into n / b consecutive batches of b, each normalized by its own statistics
    (training mode); one layer call with the batches as features. Returns (n, 1)."""
    batches = x.reshape(-1, b).T                                         # (b, n / b)
    return BatchNorm(batches.shape[1], eps=eps).forward(batches, training=True).T.reshape(-1, 1)


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
        y_train = training_mode_output(x, b, trace.eps)
        running[k] = np.mean(np.abs(y_eval - exact))
        batch[k] = np.mean(np.abs(y_train - exact))
    return GapTrace(steps, running, batch)
