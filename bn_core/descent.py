"""Linear regression without bias on two features: its mean-squared-error bowl or canyon, and
gradient descent (with optional heavy-ball momentum) across it.

L(w) = mean((X w - y)^2) = (w - w*)ᵀ A (w - w*) + L*,  A = XᵀX/N,  ∇L = 2 A (w - w*),  H = 2A.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .features import eigen

DIVERGE_FACTOR = 1e6


@dataclass(frozen=True)
class Quadratic:
    """The MSE of a linear model as a quadratic: A (2, 2), minimizer w_star (2,), L_star."""

    a: np.ndarray
    w_star: np.ndarray
    l_star: float

    def loss(self, w: np.ndarray) -> np.ndarray:
        """L at points w of shape (..., 2)."""
        d = np.asarray(w, dtype=np.float64) - self.w_star
        return np.einsum("...i,ij,...j->...", d, self.a, d) + self.l_star

    def excess(self, w: np.ndarray) -> np.ndarray:
        """L(w) − L* at points w of shape (..., 2): 0 at the minimum (up to rounding)."""
        return self.loss(w) - self.l_star

    def grad(self, w: np.ndarray) -> np.ndarray:
        return 2.0 * self.a @ (np.asarray(w, dtype=np.float64) - self.w_star)


def regression_targets(x: np.ndarray, rng: np.random.Generator, noise: float = 0.1) -> np.ndarray:
    """y (N,) with the same signal on both standardized features: y = z1 + z2 + noise."""
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    return z[:, 0] + z[:, 1] + noise * rng.standard_normal(x.shape[0])


def fit_quadratic(x: np.ndarray, y: np.ndarray) -> Quadratic:
    """A = XᵀX/N, w* by least squares, L* = L(w*)."""
    a = x.T @ x / x.shape[0]
    w_star = np.linalg.lstsq(x, y, rcond=None)[0]
    l_star = float(np.mean((x @ w_star - y) ** 2))
    return Quadratic(a, w_star, l_star)


@dataclass(frozen=True)
class Conditioning:
    """Hessian eigenvalues (ascending), κ, 2/λmax, and the contraction (κ-1)/(κ+1) per step that
    the best fixed learning rate 2/(λmin+λmax) reaches."""

    eigenvalues: np.ndarray
    eigenvectors: np.ndarray
    kappa: float
    lr_max: float
    contraction: float


def conditioning(x: np.ndarray) -> Conditioning:
    lam, vec = eigen(x)
    hess = 2.0 * lam
    kappa = math.inf if hess[0] <= 0 else float(hess[-1] / hess[0])
    contraction = 1.0 if math.isinf(kappa) else (kappa - 1.0) / (kappa + 1.0)
    return Conditioning(hess, vec, kappa, 2.0 / float(hess[-1]), contraction)


@dataclass(frozen=True)
class Path:
    """Iterates w_0..w_K (K+1, 2) and their losses; diverged is True when the run blew up (the
    iterates stop at the last finite point, nothing NaN is returned)."""

    w: np.ndarray
    loss: np.ndarray
    diverged: bool


def gradient_descent(q: Quadratic, w0, *, lr: float, momentum: float = 0.0, steps: int = 50) -> Path:
    """Heavy ball: v <- momentum * v - lr * ∇L(w); w <- w + v (momentum 0 is plain descent)."""
    w = np.asarray(w0, dtype=np.float64).copy()
    v = np.zeros(2)
    ws, limit = [w.copy()], DIVERGE_FACTOR * (1.0 + float(np.linalg.norm(w - q.w_star)))
    for _ in range(steps):
        v = momentum * v - lr * q.grad(w)
        w = w + v
        if not np.all(np.isfinite(w)) or np.linalg.norm(w - q.w_star) > limit:
            return Path(np.array(ws), q.loss(np.array(ws)), True)
        ws.append(w.copy())
    arr = np.array(ws)
    return Path(arr, q.loss(arr), False)


def stable(cond: Conditioning, lr: float, momentum: float = 0.0) -> bool:
    """Heavy-ball descent on a quadratic converges iff 0 <= momentum < 1 and, for every Hessian
    eigenvalue λ, 0 < lr λ < 2 (1 + momentum); plain descent is momentum 0 (lr < 2/λmax)."""
    lr_lam = lr * cond.eigenvalues
    return bool(0.0 <= momentum < 1.0 and np.all(lr_lam > 0) and np.all(lr_lam < 2.0 * (1.0 + momentum)))


def steps_to_tolerance(cond: Conditioning, lr: float, tol: float = 1e-3) -> float:
    """Exact number of plain gradient-descent steps until every eigen-component of w - w* has shrunk
    by `tol`: max_i ceil(log tol / log|1 - lr λ_i|); inf if some |1 - lr λ_i| >= 1."""
    rates = np.abs(1.0 - lr * cond.eigenvalues)
    if np.any(rates >= 1.0):
        return math.inf
    rates = rates[rates > 0]
    return float(max((math.ceil(math.log(tol) / math.log(r)) for r in rates), default=1))


BLOCK = 256  # steps advanced per matrix product in measured_steps


def transition(q: Quadratic, lr: float, momentum: float) -> np.ndarray:
    """T (4, 4) with (e', v') = T (e, v) for one heavy-ball step, e = w - w*:
    v' = momentum v - lr 2A e, e' = e + v' = (I - lr 2A) e + momentum v."""
    eye, h = np.eye(2), 2.0 * q.a
    return np.block([[eye - lr * h, momentum * eye], [-lr * h, momentum * eye]])


def _powers(t: np.ndarray, count: int) -> np.ndarray:
    """T^1 .. T^count, (count, 4, 4), by doubling: [T^1..T^n] then T^n [T^1..T^n] = [T^n+1..T^2n]."""
    out = t[None]
    with np.errstate(over="ignore", invalid="ignore"):
        while len(out) < count:
            out = np.concatenate([out, out[-1] @ out])
    return out[:count]


def measured_steps(q: Quadratic, w0, *, lr: float, momentum: float, tol: float = 1e-3,
                   max_steps: int = 100_000) -> float:
    """Steps the run takes until ||w - w*|| <= tol ||w0 - w*|| (inf if it diverges or never does).

    The run is linear in s = (w - w*, v), so it advances BLOCK steps at a time: s_k+j = T^j s_k for
    j = 1..BLOCK in one product, instead of a Python loop of up to max_steps gradient steps."""
    state = np.concatenate([np.asarray(w0, dtype=np.float64) - q.w_star, np.zeros(2)])
    start = float(np.linalg.norm(state[:2])) or 1.0
    powers = _powers(transition(q, lr, momentum), BLOCK)
    for first in range(1, max_steps + 1, BLOCK):
        with np.errstate(over="ignore", invalid="ignore"):
            states = powers[: min(BLOCK, max_steps - first + 1)] @ state
            err = np.sqrt(states[:, 0] ** 2 + states[:, 1] ** 2)
            bad = ~np.isfinite(err) | (err > DIVERGE_FACTOR * start)
            done = bad | (err <= tol * start)
        if done.any():
            j = int(np.argmax(done))
            return math.inf if bad[j] else float(first + j)
        state = states[-1]
    return math.inf


ZIGZAG_CROSSINGS = 2   # a path that crosses the valley's floor at least twice zig-zags across it


def axis_crossings(q: Quadratic, cond: Conditioning, w: np.ndarray, *, axis: str = "steep",
                   rel_tol: float = 1e-9) -> int:
    """How often iterates w (K+1, 2) cross the line through w* along the other eigenvector: sign
    changes of the coordinate c = (w − w*)·v along the "steep" (largest eigenvalue) or "gentle" axis.
    Crossings of the steep coordinate cross the valley's floor. Iterates with |c| ≤ rel_tol·max|c|
    lie on that line (a run that has converged only jitters in rounding there): no crossing."""
    v = cond.eigenvectors[:, -1 if axis == "steep" else 0]
    c = (np.asarray(w, dtype=np.float64) - q.w_star) @ v
    if not c.size:
        return 0
    s = np.sign(c[np.abs(c) > rel_tol * np.max(np.abs(c))])
    return int(np.count_nonzero(s[1:] != s[:-1]))


def path_shape(q: Quadratic, cond: Conditioning, w: np.ndarray) -> tuple[str, int, int]:
    """("zigzag" | "overshoot" | "straight", steep crossings, gentle crossings): a path that keeps
    crossing the valley's floor while it moves along it zig-zags; one that also keeps flipping along the
    gentle axis bounces back and forth through the minimum (the learning rate exceeds 1/λ on both axes)."""
    steep, gentle = axis_crossings(q, cond, w, axis="steep"), axis_crossings(q, cond, w, axis="gentle")
    if steep < ZIGZAG_CROSSINGS:
        return "straight", steep, gentle
    return ("overshoot" if gentle >= ZIGZAG_CROSSINGS else "zigzag"), steep, gentle


def gradient_parts(q: Quadratic, cond: Conditioning, w) -> tuple[np.ndarray, np.ndarray]:
    """∇L at w split along the Hessian's eigenvectors: (gentle part, steep part), each (2,)."""
    g = q.grad(w)
    v_gentle, v_steep = cond.eigenvectors[:, 0], cond.eigenvectors[:, -1]
    return (g @ v_gentle) * v_gentle, (g @ v_steep) * v_steep
