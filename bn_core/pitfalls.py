"""The classic BN slips, each run both ways on the learner's own stream.

Every pitfall function takes the stream (chapter 4's StreamSpec) and returns a `Comparison`: the same
data through the correct code path and through the buggy one, as rows of (quantity, correct, buggy),
plus the numbers the page's explanation quotes. The buggy paths are written out here as a
practitioner would write the slip (a Keras momentum typed into PyTorch, ε added to σ, a layer left
in training mode), the correct ones go through `BatchNorm` / `run_ema` as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .ema import run_ema, trained_layer
from .inference import population_output
from .layer import BatchNorm
from .stream import StreamSpec, batch_stream, population_draws

SMALL_BATCH = 2          # the per-device batch of the small-batch pitfall
FINETUNE_STEPS = 50      # batches of the new data set seen while fine-tuning
FINETUNE_SHIFT = 2.0     # the new data's mean lies this many population stds away
FINETUNE_SPREAD = 0.5    # and its std is this share of the population's
TEST_SIZE = 256          # the test set of the evaluation pitfalls
EPS_VISIBLE = 0.05       # outputs that differ by this much or more differ visibly (they are of order 1)


@dataclass(frozen=True)
class Comparison:
    """rows: (quantity key, value with the correct code, value with the buggy code); symptom: which of
    the pitfall's three listed symptoms (0, 1, 2) these numbers show; numbers: what the explanation
    quotes."""

    rows: tuple[tuple[str, float, float], ...]
    symptom: int
    numbers: dict[str, float] = field(default_factory=dict)


def variance_pitfall(spec: StreamSpec, momentum: float = 0.1) -> Comparison:
    """Unbiased (PyTorch) vs biased (a Keras habit ported to PyTorch) variance fed into the running
    variance with the same EMA weight; both against the population variance σ²."""
    xs = batch_stream(spec)
    unbiased = float(run_ema(xs, convention="pytorch", momentum=momentum).running_var[-1])
    biased = float(run_ema(xs, convention="keras", momentum=1.0 - momentum).running_var[-1])
    n = spec.batch_size
    pop = spec.std**2
    # the EMA is linear, so the biased run is the unbiased one times (N−1)/N at every step: symptom 0
    return Comparison((("running_var", unbiased, biased), ("var_ratio", unbiased / pop, biased / pop)), 0,
                      {"unbiased": unbiased, "biased": biased, "ratio": unbiased / biased, "n_ratio": n / (n - 1)})


def momentum_pitfall(spec: StreamSpec) -> Comparison:
    """PyTorch with momentum 0.9 (Keras's number typed into PyTorch) vs 0.1: how much the running mean
    jitters over the second half of the stream, as the std of its step-to-step changes (a drift of the
    population mean adds the same constant to every change, so it does not count as jitter).
    Symptom 0 when the 0.9 run jitters at least twice as much, else 2 (about the same)."""
    xs = batch_stream(spec)
    half = spec.steps // 2
    right, wrong = run_ema(xs, momentum=0.1).running_mean, run_ema(xs, momentum=0.9).running_mean
    jitter = (float(np.std(np.diff(right[half:]))), float(np.std(np.diff(wrong[half:]))))
    rows = (("new_weight", 0.1, 0.9), ("jitter", *jitter))
    return Comparison(rows, 0 if jitter[1] > 2 * jitter[0] else 2, {"right": jitter[0], "wrong": jitter[1]})


def eps_pitfall(spec: StreamSpec, eps: float, scale: float = 1e-3) -> Comparison:
    """ε inside the square root vs added to σ, on the last batch shrunk by `scale` (a near-constant
    feature, where ε matters): the outputs' std and the largest |difference| between the two."""
    x = batch_stream(spec)[-1] * scale
    mu, sigma = x.mean(), x.std()
    right = BatchNorm(1, eps=eps).forward(x[:, None], training=True)[:, 0]
    wrong = (x - mu) / (sigma + eps)
    diff = float(np.max(np.abs(right - wrong)))
    rows = (("out_std", float(right.std()), float(wrong.std())),
            ("out_max", float(np.abs(right).max()), float(np.abs(wrong).max())))
    # symptom 0: the outputs differ visibly (ε is not negligible next to σ²); 2: σ² ≫ ε, nearly equal
    return Comparison(rows, 0 if diff >= EPS_VISIBLE else 2,
                      {"sigma": float(sigma), "max_diff": diff, "right_std": float(right.std()),
                       "wrong_std": float(wrong.std())})


def swap_pitfall(spec: StreamSpec, gamma: float = 2.0, beta: float = 0.5) -> Comparison:
    """y = γ·x̂ + β vs the slip y = β·x̂ + γ on the last batch: mean and std of each output."""
    x = batch_stream(spec)[-1][:, None]
    x_hat = BatchNorm(1).forward(x, training=True)
    right, wrong = gamma * x_hat + beta, beta * x_hat + gamma
    rows = (("out_mean", float(right.mean()), float(wrong.mean())), ("out_std", float(right.std()), float(wrong.std())))
    # x̂ has mean 0 and std ≈ 1, so the slip's output has mean γ and std |β|: symptom 1, for any γ ≠ β
    return Comparison(rows, 1, {"right_mean": rows[0][1], "right_std": rows[1][1], "wrong_mean": rows[0][2],
                             "wrong_std": rows[1][2], "gamma": gamma, "beta": beta})


def eval_pitfall(spec: StreamSpec) -> Comparison:
    """Two real samples at inference: in inference mode (running statistics of the stream) vs in
    training mode, where the pair normalizes itself to about ±1 whatever the values are."""
    x1, x2 = batch_stream(spec)[-1][:2]
    pair = np.array([[x1], [x2]])
    trace = run_ema(batch_stream(spec))
    right = trained_layer(trace, spec.steps).forward(pair, training=False)[:, 0]
    wrong = BatchNorm(1).forward(pair, training=True)[:, 0]
    # two different values normalized together are ±1 (times √(d²/(d² + ε))) whatever they are: symptom 1
    return Comparison((("y1", float(right[0]), float(wrong[0])), ("y2", float(right[1]), float(wrong[1]))), 1,
                      {"x1": float(x1), "x2": float(x2), "y1": float(wrong[0]), "y2": float(wrong[1]),
                       "r1": float(right[0]), "r2": float(right[1])})


def no_eval_pitfall(spec: StreamSpec, rng_seed: int = 7) -> Comparison:
    """A test set evaluated batch by batch (batches of spec.batch_size) with the layer never switched
    to eval mode: every test batch normalizes itself and, in training mode, also updates the running
    statistics, so evaluating changes the model. Correct: inference mode, running statistics fixed.
    Rows: the mean |output − exact population output|, the running mean after evaluating, and the
    spread of one test sample's output when it is evaluated in 32 different test batches."""
    trace = run_ema(batch_stream(spec))
    t_last, b = spec.steps, max(spec.batch_size, 2)
    rng = np.random.default_rng(rng_seed)
    n = TEST_SIZE - TEST_SIZE % b or b
    x = population_draws(spec, t_last, n, rng)[:, None]
    exact = population_output(x, spec, t_last, trace.eps)
    right_layer, wrong_layer = trained_layer(trace, t_last), trained_layer(trace, t_last)
    right = right_layer.forward(x, training=False)
    wrong = np.vstack([wrong_layer.forward(x[k: k + b], training=True) for k in range(0, n, b)])
    batches = np.hstack([np.full((32, 1), x[0, 0]), population_draws(spec, t_last, 32 * (b - 1), rng)
                         .reshape(32, b - 1)])                                       # (32, b): x₀ first
    y0_right = [right_layer.forward(batch[:, None], training=False)[0, 0] for batch in batches]
    y0_wrong = BatchNorm(32).forward(batches.T, training=True)[0]
    rows = (("error", float(np.mean(np.abs(right - exact))), float(np.mean(np.abs(wrong - exact)))),
            ("running_mean_after", float(right_layer.running_mean[0]), float(wrong_layer.running_mean[0])),
            ("sample_spread", float(np.std(y0_right)), float(np.std(y0_wrong))))
    # in training mode each test batch sets its own statistics and moves the running ones: symptom 2
    return Comparison(rows, 2, {"before": float(trace.running_mean[t_last]), "after": rows[1][2],
                             "spread": rows[2][2], "batches": n // b})


def finetune_pitfall(spec: StreamSpec) -> Comparison:
    """A pretrained layer (the stream's running statistics) fine-tuned on new data whose mean lies
    FINETUNE_SHIFT stds away and whose std is FINETUNE_SPREAD of the population's, with γ and β frozen
    (requires_grad=False) but the layer left in training mode: its running statistics drift to the new
    data, and the outputs on the original data change though no parameter was trained. Correct: the
    layer in eval mode while fine-tuning (its statistics stay). Rows: running mean and variance after
    fine-tuning, and the mean |output − exact| on a test set of the original population."""
    trace = run_ema(batch_stream(spec))
    rng = np.random.default_rng(spec.seed + 11)
    new_mean, new_std = spec.mean + FINETUNE_SHIFT * spec.std, FINETUNE_SPREAD * spec.std
    right, wrong = trained_layer(trace, spec.steps), trained_layer(trace, spec.steps)
    b = max(spec.batch_size, 2)
    for _ in range(FINETUNE_STEPS):
        batch = (new_mean + new_std * rng.standard_normal(b))[:, None]
        right.forward(batch, training=False)     # eval mode: the batch passes, the statistics stay
        wrong.forward(batch, training=True)      # train mode: the EMA takes a step towards the new data
    x = population_draws(spec, spec.steps, TEST_SIZE, rng)[:, None]
    exact = population_output(x, spec, spec.steps, trace.eps)
    err = [float(np.mean(np.abs(layer.forward(x, training=False) - exact))) for layer in (right, wrong)]
    rows = (("running_mean_after", float(right.running_mean[0]), float(wrong.running_mean[0])),
            ("running_var_after", float(right.running_var[0]), float(wrong.running_var[0])),
            ("old_error", err[0], err[1]))
    # the EMA in training mode always moves towards data FINETUNE_SHIFT stds away: symptom 1
    return Comparison(rows, 1, {"new_mean": new_mean, "new_std": new_std, "steps": FINETUNE_STEPS,
                             "right_error": err[0], "wrong_error": err[1]})


def small_batch_pitfall(spec: StreamSpec) -> Comparison:
    """Batches of SMALL_BATCH per device vs the stream's batch size (or 32 if that is as small), the
    same number of steps: how much the batch mean wanders from step to step, and how far a
    training-mode output lies from the exact population normalization that inference approximates
    (the network learns on one normalization and is deployed with another)."""
    big = spec.batch_size if spec.batch_size > SMALL_BATCH else 32
    out = []
    for b in (big, SMALL_BATCH):
        s = StreamSpec(spec.mean, spec.std, spec.drift, b, spec.steps, spec.seed)
        xs = batch_stream(s)
        y = BatchNorm(xs.shape[0]).forward(xs.T, training=True).T     # each step's batch on its own
        exact = population_output(xs, s, np.arange(1, spec.steps + 1)[:, None], 1e-5)
        out.append((float(np.std(xs.mean(axis=1))), float(np.mean(np.abs(y - exact)))))
    rows = (("batch_mean_noise", out[0][0], out[1][0]), ("train_error", out[0][1], out[1][1]))
    # symptom 0: the small batches' training-mode outputs lie clearly further from the exact ones
    return Comparison(rows, 0 if out[1][1] > 1.5 * out[0][1] else 2,
                      {"big": big, "small": SMALL_BATCH, "right_error": out[0][1], "wrong_error": out[1][1]})
