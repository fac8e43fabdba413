"""A small PyTorch-like BatchNorm layer over the functional core.

    bn = BatchNorm(3)                       # PyTorch convention: eps 1e-5, momentum 0.1
    y = bn.forward(x, training=True)        # x: (N, 3) or (N, 3, H, W)
    dx = bn.backward(dy)                    # also sets bn.dgamma, bn.dbeta
    bn.forward(x_one, training=False)       # inference: running statistics, any batch size

Every check happens before any state changes, so a rejected batch leaves the layer as it was.
"""

from __future__ import annotations

import numpy as np

from .batchnorm import BNCache, batchnorm_backward, batchnorm_forward
from .conventions import get_convention
from .running import RunningStats
from .validation import as_batch, as_parameter, check_eps, check_momentum

CONVENTION_DEFAULT = object()
"""Sentinel: take the convention's default momentum (None keeps its meaning: cumulative)."""


class BatchNorm:
    """BN over D features with learnable gamma, beta (D,) and running mean/var state (D,)."""

    def __init__(
        self,
        num_features: int,
        *,
        eps: float | None = None,
        momentum=CONVENTION_DEFAULT,
        convention: str = "pytorch",
        affine: bool = True,
    ) -> None:
        if int(num_features) < 1:
            raise ValueError(f"num_features must be at least 1, got {num_features}.")
        self.convention = get_convention(convention)
        self.num_features = int(num_features)
        self.eps = self.convention.default_eps if eps is None else float(eps)
        check_eps(self.eps)
        if momentum is CONVENTION_DEFAULT:
            momentum = self.convention.default_momentum
        check_momentum(momentum, self.convention.allows_cumulative, self.convention.name)
        self.momentum = momentum
        self.affine = affine
        self._gamma = np.ones(self.num_features)
        self._beta = np.zeros(self.num_features)
        self._stats = RunningStats.initial(self.num_features)
        self._cache: BNCache | None = None
        self.dgamma: np.ndarray | None = None
        self.dbeta: np.ndarray | None = None

    # learnable parameters -------------------------------------------------------------
    @property
    def gamma(self) -> np.ndarray:
        """Scale γ, shape (D,): multiplies x_hat."""
        return self._gamma

    @gamma.setter
    def gamma(self, value) -> None:
        self._set_param("_gamma", value, "gamma")

    @property
    def beta(self) -> np.ndarray:
        """Shift β, shape (D,): added after scaling."""
        return self._beta

    @beta.setter
    def beta(self, value) -> None:
        self._set_param("_beta", value, "beta")

    def _set_param(self, attr: str, value, name: str) -> None:
        if not self.affine:
            raise ValueError(f"This layer has affine=False, so {name} is fixed and cannot be set.")
        setattr(self, attr, as_parameter(value, self.num_features, name))

    # running statistics (state, not learned) -------------------------------------------
    @property
    def running_mean(self) -> np.ndarray:
        return self._stats.mean.copy()

    @property
    def running_var(self) -> np.ndarray:
        return self._stats.var.copy()

    @property
    def num_batches_tracked(self) -> int:
        return self._stats.num_batches_tracked

    @property
    def stats(self) -> RunningStats:
        return self._stats

    def set_running_stats(self, mean, var, num_batches_tracked: int = 0) -> None:
        """Load running statistics (like PyTorch's load_state_dict): mean, var of shape (D,), var >= 0."""
        mean = as_parameter(mean, self.num_features, "running_mean")
        var = as_parameter(var, self.num_features, "running_var")
        if np.any(var < 0):
            raise ValueError("running_var must not be negative: it is an average of variances.")
        self._stats = RunningStats(mean, var, int(num_batches_tracked))

    # passes ------------------------------------------------------------------------------
    def forward(self, x, training: bool) -> np.ndarray:
        """y = γ ⊙ (x − μ) / √(σ² + ε) + β, with batch statistics in training, running ones else."""
        x = as_batch(x, self.num_features)
        y, cache, new_stats = batchnorm_forward(
            x,
            self._gamma,
            self._beta,
            self._stats,
            training=training,
            momentum=self.momentum,
            eps=self.eps,
            convention=self.convention,
        )
        self._stats, self._cache = new_stats, cache
        return y

    __call__ = forward

    def backward(self, dy) -> np.ndarray:
        """dx for the upstream gradient dy of the last forward; sets dgamma and dbeta (D,)."""
        if self._cache is None:
            raise ValueError("Call forward before backward: there is no cached batch yet.")
        dx, dgamma, dbeta = batchnorm_backward(dy, self._cache)
        self.dgamma, self.dbeta = (dgamma, dbeta) if self.affine else (None, None)
        return dx

    def __repr__(self) -> str:
        return (
            f"BatchNorm({self.num_features}, eps={self.eps:g}, momentum={self.momentum}, "
            f"convention={self.convention.name!r}, affine={self.affine})"
        )
