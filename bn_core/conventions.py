"""Framework conventions for the running statistics of a BN layer.

PyTorch:  running = (1 - momentum) * running + momentum * batch   (momentum weighs the NEW batch)
          running_var takes the unbiased batch variance  var * m / (m - 1)
          eps = 1e-5, momentum = 0.1; momentum=None means a cumulative average.
Keras:    moving = momentum * moving + (1 - momentum) * batch       (momentum weighs the OLD value)
          moving_variance takes the biased batch variance
          epsilon = 1e-3, momentum = 0.99.
Both start with running mean 0 and running variance 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Convention:
    """How one framework names and applies its BN hyper-parameters."""

    name: str
    default_eps: float
    default_momentum: float
    momentum_weighs_new: bool
    unbiased_running_var: bool
    allows_cumulative: bool

    def new_batch_weight(self, momentum: float) -> float:
        """The weight the *new* batch statistic gets in the EMA for this convention's momentum."""
        return momentum if self.momentum_weighs_new else 1.0 - momentum


PYTORCH = Convention(
    name="pytorch",
    default_eps=1e-5,
    default_momentum=0.1,
    momentum_weighs_new=True,
    unbiased_running_var=True,
    allows_cumulative=True,
)
KERAS = Convention(
    name="keras",
    default_eps=1e-3,
    default_momentum=0.99,
    momentum_weighs_new=False,
    unbiased_running_var=False,
    allows_cumulative=False,
)
CONVENTIONS = {c.name: c for c in (PYTORCH, KERAS)}


def get_convention(name: str) -> Convention:
    """Look a convention up by name ("pytorch" or "keras"); ValueError otherwise."""
    try:
        return CONVENTIONS[name]
    except KeyError:
        known = ", ".join(sorted(CONVENTIONS))
        raise ValueError(f"Unknown convention {name!r}: choose one of {known}.") from None
