"""Predict-then-reveal questions: which answer the numbers support, decided from the numbers.

Each function runs (or reads) the experiment a question names and returns a Verdict: the index of
the choice the numbers make right (0-based, in the order the catalog lists the choices) and the
numbers the explanation cites. No answer is fixed in advance: a setting that changes the outcome
changes the verdict. Pure NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .batchnorm import batch_stats
from .drift import compare_drift
from .evidence import compare
from .stream import StreamSpec, population_mean

SAME_REL = 1e-9     # two statistics equal to this relative precision count as "the same"
CLOSE_LAG = 1.2     # one running mean "lags further" when its lag is at least 1.2× the other's
CLOSE_LOSS = 0.10   # two final losses within 10 % of each other count as "about the same"


@dataclass(frozen=True)
class Verdict:
    """`correct`: index of the right choice; `numbers`: what the explanation cites, by name."""

    correct: int
    numbers: dict[str, float]


# --- chapter 1 --------------------------------------------------------------------------------------

def standardized_moments(x2: np.ndarray, z2: np.ndarray) -> Verdict:
    """x2 (N,) raw and z2 (N,) standardized. Choices: 0 "mean 0, sd 1", 1 "mean 0, the old sd",
    2 "the old mean, sd 1", 3 "it depends on x2's range"."""
    m0, s0, m1, s1 = float(x2.mean()), float(x2.std()), float(z2.mean()), float(z2.std())
    centred = abs(m1) < 1e-6
    unit = abs(s1 - 1.0) < 1e-3
    correct = 0 if centred and unit else 1 if centred else 2 if unit else 3
    return Verdict(correct, {"m0": m0, "s0": s0, "m1": m1, "s1": s1})


def correlation_kept(x: np.ndarray, z: np.ndarray) -> Verdict:
    """x (N, 2) raw, z (N, 2) standardized. Choices: 0 "drops to 0", 1 "stays the same",
    2 "shrinks, but not to 0", 3 "grows"."""
    before, after = float(np.corrcoef(x.T)[0, 1]), float(np.corrcoef(z.T)[0, 1])
    if abs(after - before) <= SAME_REL * max(1.0, abs(before)):
        correct = 1
    elif abs(after) < 0.02:
        correct = 0
    else:
        correct = 2 if abs(after) < abs(before) else 3
    return Verdict(correct, {"before": before, "after": after})


# --- chapter 2 --------------------------------------------------------------------------------------

STEP_BUCKETS = (3.0, 30.0, 3000.0)   # the choices' bounds on steps(canyon) / steps(bowl)


def canyon_steps(canyon: float, bowl: float) -> Verdict:
    """Steps to the tolerance on the canyon and on the bowl (inf: never). Choices: 0 "about the same"
    (ratio < 3), 1 "about 10× more" (< 30), 2 "hundreds to a thousand times more" (< 3,000),
    3 "many thousands of times more, or never"."""
    ratio = canyon / bowl if bowl > 0 else float("inf")
    correct = int(np.searchsorted(STEP_BUCKETS, ratio, side="right"))
    return Verdict(correct, {"canyon": canyon, "bowl": bowl, "ratio": ratio})


def large_step(losses: np.ndarray, stable: bool) -> Verdict:
    """The excess loss along a descent path (steps + 1,) and whether the step size is stable.
    Choices: 0 "converges, faster", 1 "zig-zags but converges", 2 "diverges"."""
    start, end = float(losses[0]), float(losses[-1])
    correct = 2 if not stable or not end < start else 1
    return Verdict(correct, {"start": start, "end": end, "steps": len(losses) - 1})


# --- chapter 3 --------------------------------------------------------------------------------------

def affine_moments(x: np.ndarray, y: np.ndarray, gamma: float, beta: float) -> Verdict:
    """One feature in x (N,) and out of BN y (N,) with scale gamma and shift beta. Choices:
    0 "mean 0, sd 1", 1 "mean β, sd γ", 2 "mean γ, sd β", 3 "the input's own"."""
    got = np.array([y.mean(), y.std()])
    candidates = np.array([[0.0, 1.0], [beta, abs(gamma)], [gamma, abs(beta)], [x.mean(), x.std()]])
    correct = int(np.argmin(np.linalg.norm(candidates - got, axis=1)))
    return Verdict(correct, {"mean": float(got[0]), "sd": float(got[1]), "x_mean": float(x.mean()),
                             "x_sd": float(x.std()), "gamma": gamma, "beta": beta})


def pair_batch(x_hat: np.ndarray) -> Verdict:
    """x̂ (2,) of one feature in a batch of two. Choices: 0 "any two values", 1 "±(almost) 1: equal size,
    opposite signs", 2 "both 0"."""
    a, b = float(x_hat[0]), float(x_hat[1])
    if max(abs(a), abs(b)) < 1e-3:
        correct = 2
    elif abs(a + b) <= 1e-9 * max(abs(a), 1.0):
        correct = 1
    else:
        correct = 0
    return Verdict(correct, {"a": a, "b": b})


# --- chapter 4 --------------------------------------------------------------------------------------

def momentum_lag(running: dict[float, np.ndarray], target: np.ndarray) -> Verdict:
    """Running means (steps + 1,) under two PyTorch momenta, keys (small, large), against the population
    mean at the same steps. The lag is the mean |target − running| over the last quarter of the steps.
    Choices: 0 "the small momentum lags further", 1 "the large one", 2 "about the same"."""
    small, large = sorted(running)
    tail = max(1, len(target) // 4)
    lag = {m: float(np.mean(np.abs(target[-tail:] - r[-tail:]))) for m, r in running.items()}
    if lag[small] >= CLOSE_LAG * lag[large]:
        correct = 0
    elif lag[large] >= CLOSE_LAG * lag[small]:
        correct = 1
    else:
        correct = 2
    return Verdict(correct, {"small": small, "large": large, "lag_small": lag[small], "lag_large": lag[large]})


def lag_target(mean: float, drift: float, steps: int) -> np.ndarray:
    """The population mean at steps 0..steps (the running mean's record has steps + 1 entries)."""
    return population_mean(StreamSpec(mean=mean, drift=drift), np.arange(steps + 1))


def single_sample(x: float, eps: float) -> Verdict:
    """A batch of one sample through BN in training mode (γ = 1, β = 0). Choices: 0 "the input,
    standardized", 1 "0, whatever the input", 2 "the input unchanged"."""
    rows = np.array([[x]])
    mu, var, _ = batch_stats(rows)
    y = float(((rows - mu) / np.sqrt(var + eps))[0, 0])
    correct = 1 if y == 0.0 else 2 if abs(y - x) < 1e-12 else 0
    return Verdict(correct, {"x": x, "y": y, "mu": float(mu[0]), "var": float(var[0])})


# --- chapters 5 and 6 -------------------------------------------------------------------------------

def final_loss(loss: np.ndarray) -> float:
    """The mean training loss over the last tenth of the record (NaN when a run blew up)."""
    v = np.asarray(loss, dtype=np.float64)
    tail = v[-max(1, len(v) // 10):]
    return float(tail.mean()) if np.all(np.isfinite(tail)) else float("nan")


def before_or_after(before: float, after: float) -> Verdict:
    """Final losses of BN before and after the activation. Choices: 0 "before is lower", 1 "after is
    lower", 2 "about the same" (within CLOSE_LOSS of each other, or either run failed)."""
    if not (np.isfinite(before) and np.isfinite(after)) or abs(before - after) <= CLOSE_LOSS * max(before, after):
        correct = 2
    else:
        correct = 0 if before < after else 1
    return Verdict(correct, {"before": before, "after": after})


def steadier(drift_bn: float, drift_none: float) -> Verdict:
    """Percentile drifts with and without BN, classified as chapter 5's sentence does (drift.compare_drift).
    Choices: 0 "the no-BN network's moves more", 1 "the BN network's moves more", 2 "about the same"."""
    kind = compare_drift(drift_bn, drift_none).kind
    correct = {"steadier": 0, "more": 1}.get(kind, 2)
    return Verdict(correct, {"bn": drift_bn, "none": drift_none})


def ics_change(l2_bn: float, l2_none: float) -> Verdict:
    """Median ICS (ℓ2) with and without BN. Choices: 0 "much less with BN", 1 "about the same",
    2 "more with BN"."""
    kind = compare(l2_bn, l2_none)
    correct = {"lower": 0, "higher": 2}.get(kind, 1)
    return Verdict(correct, {"bn": l2_bn, "none": l2_none})


def scaled_weights(loss: float, loss_c: float, grad: float, grad_c: float, c: float) -> Verdict:
    """The BN network's loss and ‖∇W₁‖ at W₁ and at c·W₁. Choices: 0 "the loss is unchanged and the
    gradient shrinks by c", 1 "both are unchanged", 2 "the loss changes"."""
    ratio = grad / grad_c if grad_c > 0 else float("nan")
    if not abs(loss - loss_c) <= 1e-6 * max(1.0, abs(loss)):
        correct = 2
    elif abs(ratio - c) <= 1e-3 * c:
        correct = 0
    else:
        correct = 1 if abs(ratio - 1.0) <= 1e-3 else 2
    return Verdict(correct, {"loss": loss, "loss_c": loss_c, "ratio": ratio, "c": c})


# --- chapter 7 --------------------------------------------------------------------------------------

MOVED = 1e-9   # an output whose spread over batchmate draws exceeds this moved with its batchmates


def batchmate_dependence(spread: dict[str, float]) -> Verdict:
    """Each method's output spread (std) over draws of new batchmates ("bn" among them). Choices:
    0 "BatchNorm only", 1 "more than BatchNorm", 2 "none of them"."""
    moved = {m for m, s in spread.items() if s > MOVED}
    correct = 2 if not moved else 0 if moved == {"bn"} else 1
    others = max(s for m, s in spread.items() if m != "bn")
    return Verdict(correct, {"bn": spread["bn"], "others": others})


def rms_skips(ln: np.ndarray, rms: np.ndarray) -> Verdict:
    """One sample's LayerNorm and RMSNorm outputs (any shape). Choices: 0 "subtracting the mean",
    1 "dividing by a spread", 2 "nothing: the two are equal"."""
    ln_mean, rms_mean = float(ln.mean()), float(rms.mean())
    rms_rms = float(np.sqrt(np.mean(rms ** 2)))
    if np.allclose(ln, rms, rtol=0, atol=1e-12):
        correct = 2
    else:
        correct = 0 if abs(rms_mean) > 1e-6 and abs(ln_mean) < 1e-9 else 1
    return Verdict(correct, {"ln_mean": ln_mean, "rms_mean": rms_mean, "ln_sd": float(ln.std()),
                             "rms_rms": rms_rms})
