"""Two features on wildly different scales, standardization, whitening and the condition number.

The classic example: x1 in 1..5, x2 in 1,000..99,999. Shapes: X is (N, 2) (or (N, D) for uploaded
data); statistics are per column. κ is the condition number of the second-moment matrix XᵀX/N,
which is (up to a factor 2) the Hessian of the mean-squared error of a linear model without bias.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SHAPES = ("uniform", "normal", "skewed")
X1_RANGE = (1.0, 5.0)
X2_RANGE = (1_000.0, 99_999.0)


@dataclass(frozen=True)
class FeatureSpec:
    """n samples; distribution shape; correlation ρ between the features; x2's range multiplied by
    x2_scale (1 = the classic 1,000..99,999); seed."""

    n: int = 200
    shape: str = "uniform"
    corr: float = 0.0
    x2_scale: float = 1.0
    seed: int = 0


_erf = np.vectorize(math.erf, otypes=[float])


def _to_unit(z: np.ndarray, shape: str) -> np.ndarray:
    """Map standard-normal columns to [0, 1] keeping their rank correlation: uniform via Φ(z),
    normal as a clipped bell, skewed as a log-normal."""
    if shape == "uniform":
        return 0.5 * (1.0 + _erf(z / math.sqrt(2.0)))
    if shape == "normal":
        return np.clip(0.5 + z / 6.0, 0.0, 1.0)
    if shape == "skewed":
        e = np.exp(0.9 * z)
        return np.clip(e / np.exp(0.9 * 3.0), 0.0, 1.0)
    raise ValueError(f"Unknown distribution shape {shape!r}: choose one of {SHAPES}.")


def make_features(spec: FeatureSpec) -> np.ndarray:
    """X (n, 2) float64: x1 in X1_RANGE, x2 in X2_RANGE * x2_scale, correlated through ρ."""
    if not -0.99 <= spec.corr <= 0.99:
        raise ValueError(f"Correlation must lie in [-0.99, 0.99], got {spec.corr}.")
    rng = np.random.default_rng(spec.seed)
    z = rng.standard_normal((spec.n, 2))
    z[:, 1] = spec.corr * z[:, 0] + math.sqrt(1.0 - spec.corr**2) * z[:, 1]
    u = _to_unit(z, spec.shape)
    lo2, hi2 = X2_RANGE[0] * spec.x2_scale, X2_RANGE[1] * spec.x2_scale
    return np.column_stack([X1_RANGE[0] + u[:, 0] * (X1_RANGE[1] - X1_RANGE[0]), lo2 + u[:, 1] * (hi2 - lo2)])


@dataclass(frozen=True)
class Standardized:
    """z = (x - mu) / sqrt(var + eps) per column; mu, var, std (D,) in float64 (var is inf when the
    variance itself is beyond float64, as for values near 1e300; std stays finite)."""

    z: np.ndarray
    mu: np.ndarray
    var: np.ndarray
    std: np.ndarray
    eps: float


def standardize(x: np.ndarray, eps: float = 1e-5) -> Standardized:
    """Per-column standardization that survives huge values (1e300): each column is first divided
    by its largest magnitude, which leaves z unchanged but keeps the squares finite."""
    x = np.asarray(x, dtype=np.float64)
    s = np.max(np.abs(x), axis=0)
    s[s == 0] = 1.0
    xs = x / s
    mu_s = xs.mean(axis=0)
    var_s = ((xs - mu_s) ** 2).mean(axis=0)
    with np.errstate(over="ignore"):
        z = (xs - mu_s) / np.sqrt(var_s + eps / s**2)
        return Standardized(z, mu_s * s, var_s * s**2, np.sqrt(var_s) * s, eps)


def morph(x: np.ndarray, z: np.ndarray, s: float) -> np.ndarray:
    """(1 - s) x + s z: the data moving from raw (s = 0, exactly x) to standardized (s = 1, exactly z)."""
    if s == 0:
        return x.copy()
    if s == 1:
        return z.copy()
    return (1.0 - s) * x + s * z


def second_moment(x: np.ndarray) -> np.ndarray:
    """XᵀX / N, shape (D, D)."""
    return x.T @ x / x.shape[0]


def eigen(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (ascending) and eigenvectors (columns) of XᵀX/N, computed on X divided by its
    largest magnitude (κ and the eigenvectors do not change) and scaled back."""
    s = float(np.max(np.abs(x))) or 1.0
    lam, vec = np.linalg.eigh(second_moment(x / s))
    return lam * s**2, vec


def condition_number(x: np.ndarray) -> float:
    """κ = λmax / λmin of XᵀX/N (inf when λmin is 0)."""
    s = float(np.max(np.abs(x))) or 1.0
    lam = np.linalg.eigvalsh(second_moment(x / s))
    return math.inf if lam[0] <= 0 else float(lam[-1] / lam[0])


def whiten(x: np.ndarray, method: str = "zca", eps: float = 1e-5) -> np.ndarray:
    """Decorrelate and scale the centred data to identity covariance: PCA rotates onto the principal
    axes, ZCA rotates back so the result stays closest to the data. Shape (N, D)."""
    xc = x - x.mean(axis=0)
    cov = xc.T @ xc / x.shape[0]
    lam, vec = np.linalg.eigh(cov)
    pca = xc @ vec / np.sqrt(lam + eps)
    if method == "pca":
        return pca
    if method == "zca":
        return pca @ vec.T
    raise ValueError(f"Unknown whitening {method!r}: choose 'pca' or 'zca'.")


def extent_share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """Per column, the range (max − min) of `part` (N, D) as a share of the range of `whole` (M, D):
    how much of a plot's width and height a cloud takes when the axes are set to hold `whole`.
    A column where `whole` does not vary gives 1."""
    span = np.ptp(whole, axis=0)
    return np.where(span > 0, np.ptp(part, axis=0) / np.where(span > 0, span, 1.0), 1.0)
