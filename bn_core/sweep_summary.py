"""What a learning-rate or initialization sweep shows, in two numbers per network."""

from __future__ import annotations

import math
from collections.abc import Sequence


def largest_stable(values: Sequence[float], losses: Sequence[float]) -> float:
    """The largest setting whose run ended with a finite loss (NaN marks a run that blew up);
    NaN when every run blew up."""
    ok = [v for v, loss in zip(values, losses, strict=True) if math.isfinite(loss)]
    return max(ok) if ok else math.nan


def loss_spread(losses: Sequence[float]) -> float:
    """Worst over best final loss across the settings (inf when some run blew up or a best loss is
    0; NaN when every run blew up): how much the outcome depends on the setting."""
    finite = [loss for loss in losses if math.isfinite(loss)]
    if not finite:
        return math.nan
    if len(finite) < len(losses) or min(finite) <= 0:
        return math.inf
    return max(finite) / min(finite)
