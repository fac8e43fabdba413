"""What chapter 6's experiments show, in words chosen by comparing their numbers (never a canned
verdict): each function returns a kind that picks a sentence, and the numbers that go in it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SIMILAR = 1.5      # two positive numbers within a factor 1.5 of each other count as "about the same"
CLOSE_ACC = 0.03   # noisy BN "trains close to BN" when its final accuracy is within 3 points of BN's


def compare(bn: float, none: float, similar: float = SIMILAR) -> str:
    """"lower", "higher" or "similar": BN's number against the no-BN network's (positive numbers;
    within a factor `similar` counts as similar); "unknown" when either is not a finite positive number."""
    if not (math.isfinite(bn) and math.isfinite(none)) or bn <= 0 or none <= 0:
        return "unknown"
    if max(bn, none) < similar * min(bn, none):
        return "similar"
    return "lower" if bn < none else "higher"


def typical(values) -> float:
    """The median of the finite values (NaN when there are none): one number for a probe over training."""
    v = np.asarray(values, dtype=np.float64).ravel()
    v = v[np.isfinite(v)]
    return float(np.median(v)) if v.size else float("nan")


@dataclass(frozen=True)
class NoisyVerdict:
    """Final accuracies and percentile drifts of the three networks; `trains` is "close" (noisy BN within
    CLOSE_ACC of BN), "between" (below BN, above no BN), "worse" (not above no BN) or "unknown";
    `stability` is "less" (noisy BN's percentiles moved more than BN's by SIMILAR or more), "similar",
    "more" or "unknown"."""

    acc: dict[str, float]
    drift: dict[str, float]
    trains: str
    stability: str


def noisy_verdict(acc: dict[str, float], drift: dict[str, float], diverged: dict[str, bool]) -> NoisyVerdict:
    """Compare noisy BN with BN and no BN: acc, drift and diverged keyed "none", "before", "noisy"."""
    a = {v: (float("nan") if diverged[v] else acc[v]) for v in acc}
    if any(math.isnan(a[v]) for v in ("none", "before", "noisy")):
        trains = "unknown"
    elif a["noisy"] >= a["before"] - CLOSE_ACC:
        trains = "close"
    elif a["noisy"] > a["none"]:
        trains = "between"
    else:
        trains = "worse"
    # noisy BN less stable = its drift higher than BN's: compare() says "higher" of the first argument
    kind = compare(drift["noisy"], drift["before"])
    stability = {"higher": "less", "lower": "more"}.get(kind, kind)
    return NoisyVerdict(a, dict(drift), trains, stability)
