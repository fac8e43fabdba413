"""Input checks with messages a learner can act on. Every check runs before any state changes."""

from __future__ import annotations

import numpy as np


def as_batch(x, num_features: int) -> np.ndarray:
    """Return x as a float ndarray of shape (N, D) or (N, C, H, W), or raise ValueError.

    Floating inputs keep their dtype; integer inputs become float64.
    """
    arr = np.asarray(x)
    if arr.dtype.kind in "iu":
        arr = arr.astype(np.float64)
    if arr.dtype.kind != "f":
        raise ValueError(
            f"The batch must hold real numbers, but it has dtype {arr.dtype}. "
            "Convert it to float32 or float64 first."
        )
    if arr.ndim not in (2, 4):
        raise ValueError(
            f"BatchNorm expects a batch of shape (N, D) or (N, C, H, W), but got {arr.ndim} "
            f"dimension(s) with shape {arr.shape}. Add a batch axis for a single sample: x[None, :]."
        )
    if arr.shape[1] != num_features:
        raise ValueError(
            f"This layer normalizes {num_features} feature(s), but the batch has "
            f"{arr.shape[1]} along axis 1 (shape {arr.shape})."
        )
    if arr.size == 0:
        raise ValueError(f"The batch is empty (shape {arr.shape}).")
    check_finite(arr, "batch")
    return arr


def check_finite(arr: np.ndarray, what: str) -> None:
    """Raise ValueError naming `what` if arr holds NaN or ±inf."""
    if not np.all(np.isfinite(arr)):
        n_bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            f"The {what} contains {n_bad} NaN or infinite value(s); BatchNorm statistics would be "
            "NaN for the whole feature. Remove or replace them first."
        )


def check_training_size(m: int, shape: tuple[int, ...]) -> None:
    """Training needs more than one value per feature, as in PyTorch."""
    if m < 2:
        raise ValueError(
            f"Expected more than 1 value per feature when training, got input shape {shape}. "
            "With a single value the batch variance is 0 and every output would equal β: "
            "use a batch of at least 2, or switch to inference mode (training=False), "
            "which uses the running statistics."
        )


def as_parameter(value, num_features: int, name: str) -> np.ndarray:
    """Return γ or β as a float64 array of shape (D,), or raise ValueError."""
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 0:
        arr = np.full(num_features, float(arr))
    if arr.shape != (num_features,):
        raise ValueError(
            f"{name} must have shape ({num_features},), one value per feature, but got {arr.shape}."
        )
    check_finite(arr, name)
    return arr.copy()


def check_momentum(momentum, allows_cumulative: bool, convention: str) -> None:
    """Momentum must be in [0, 1]; None (cumulative average) only where the convention has it."""
    if momentum is None:
        if not allows_cumulative:
            raise ValueError(
                f"momentum=None (a cumulative average) exists only in the PyTorch convention, "
                f"not in {convention}."
            )
        return
    if not (0.0 <= float(momentum) <= 1.0):
        raise ValueError(f"BN momentum must lie in [0, 1], got {momentum}.")


def check_eps(eps: float) -> None:
    """ε must be a positive finite number."""
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive number, got {eps}.")
