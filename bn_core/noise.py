"""Noisy BN (Santurkar et al. 2018, "How Does Batch Normalization Help Optimization?"): after every BN
layer, each unit j gets its own scale and shift, drawn afresh at every training step t:

    ỹ_j = c_{j,t} · y_j + m_{j,t},   c_{j,t} ~ U(1, 1 + s),   m_{j,t} ~ U(−s, s),

so the next layer's inputs have a non-zero mean and a non-unit variance that change at every step
(s is the noise strength; s = 0 is plain BN). The noise is a training-time perturbation, like
dropout: inference uses the BN layer alone.
"""

from __future__ import annotations

import numpy as np


def draw_noise(rng: np.random.Generator, widths: tuple[int, ...],
               strength: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """One step's noise: per BN layer of width D a scale c (D,) in [1, 1 + s) and a shift m (D,) in [−s, s)."""
    s = float(strength)
    if s < 0 or not np.isfinite(s):
        raise ValueError(f"noise strength must be finite and ≥ 0, got {strength!r}")
    return [(rng.uniform(1.0, 1.0 + s, d), rng.uniform(-s, s, d)) for d in widths]
