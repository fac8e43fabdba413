"""How far a distribution moves over training: the numbers behind chapter 5's percentile sentence."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# A BN network whose percentiles move less than STEADIER × the no-BN network's is called steadier,
# more than 1 / STEADIER × as "moving more"; in between "about as much".
STEADIER = 2 / 3


def percentile_drift(percentiles: np.ndarray) -> float:
    """Mean over the percentiles of (largest − smallest recorded value): percentiles (R, P), one row
    per recorded step. NaN when a value is not finite (a run that blew up) or nothing is recorded."""
    p = np.asarray(percentiles, dtype=np.float64)
    if p.size == 0 or not np.all(np.isfinite(p)):
        return float("nan")
    return float(np.mean(p.max(axis=0) - p.min(axis=0)))


@dataclass(frozen=True)
class DriftVerdict:
    """One network's drift against the no-BN network's: `kind` is "steadier", "similar" or "more"
    ("alone" with no usable reference, "unmeasured" when its own drift is NaN); `ratio` = drift / reference."""

    drift: float
    reference: float
    ratio: float
    kind: str


def compare_drift(drift: float, reference: float | None) -> DriftVerdict:
    """Classify `drift` against the no-BN network's `reference` drift (None: no such network)."""
    if not np.isfinite(drift):
        return DriftVerdict(drift, float("nan"), float("nan"), "unmeasured")
    if reference is None or not np.isfinite(reference) or reference <= 0:
        return DriftVerdict(drift, float("nan"), float("nan"), "alone")
    ratio = drift / reference
    kind = "steadier" if ratio < STEADIER else "more" if ratio > 1 / STEADIER else "similar"
    return DriftVerdict(drift, reference, ratio, kind)
