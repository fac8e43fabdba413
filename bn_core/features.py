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
    """Per-column standardization exact at any finite magnitude (1e308, 1e-308, 1e300 ± 1e290).

    Each column is shifted by its first value c (x − c is exact for values within a factor 2 of c,
    so a huge offset does not swamp a small spread) and, where that overflows (values of both signs
    near 1.8e308), not shifted. The shifted column d is divided by its largest magnitude s, which
    keeps the squares finite, and z is formed in whichever of two equal forms stays in range:
    (d/s − m) / √(v + ε/s²) for s ≥ 1, where ε/s² cannot overflow, and (d/s − m)·s / √(v·s² + ε) for
    s < 1, where v·s² can only underflow towards the ε it is added to (m, v: mean and two-pass
    variance of d/s). The variance itself is inf when it is beyond float64 (spreads above ~1e154)
    and 0 when below it; std stays finite and exact."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        c = x[0] if len(x) else np.zeros(x.shape[1:])
        d = x - c
    shifted = np.all(np.isfinite(d), axis=0)
    c = np.where(shifted, c, 0.0)
    d = np.where(shifted, d, x)
    s = np.max(np.abs(d), axis=0)
    s[s == 0] = 1.0
    ds = d / s
    m = ds.mean(axis=0)
    dev = ds - m
    v = (dev**2).mean(axis=0)
    big = s >= 1.0
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):   # np.where computes both forms
        z = np.where(big, dev / np.sqrt(v + eps / np.where(big, s, 1.0) ** 2), dev * s / np.sqrt(v * s**2 + eps))
        return Standardized(z, c + m * s, v * s**2, np.sqrt(v) * s, eps)


PLAIN_RANGE = (1e-100, 1e100)   # column magnitudes a chart axis can be laid out for as they are


def display_exponents(x: np.ndarray) -> np.ndarray:
    """Per column of x (N, D), the power of ten k to draw it in (x / 10^k): 0 when its largest
    magnitude lies in PLAIN_RANGE (or it is all zeros), else that magnitude's decimal exponent, so
    that values near 1e308 or 1e-308 are drawn as numbers of order one with the unit in the title."""
    m = np.max(np.abs(np.asarray(x, dtype=np.float64)), axis=0)
    plain = (m == 0) | ((m >= PLAIN_RANGE[0]) & (m <= PLAIN_RANGE[1]))
    with np.errstate(divide="ignore"):
        k = np.floor(np.log10(np.where(plain, 1.0, m)))
    return np.where(plain, 0, k).astype(int)


def shown_rows(n: int, limit: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of the rows a chart draws: all n when n <= limit, else `limit` of them drawn at random
    without replacement (in their original order), so a chart's size stays bounded."""
    if n <= limit:
        return np.arange(n)
    return np.sort(rng.choice(n, size=limit, replace=False))


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
