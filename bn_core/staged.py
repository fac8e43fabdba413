"""The BN computation graph, node by node, for teaching the backward pass (training mode).

Forward nodes on (m, D) rows in float64:
    mu = mean(x)            xc = x - mu             var = mean(xc^2)
    std = sqrt(var + eps)   inv = 1 / std           x_hat = xc * inv
    y = gamma * x_hat + beta
The backward walks the same nodes in reverse, one chain-rule step each; it must agree with
the compact formula in `batchnorm.batchnorm_backward`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layout import from_rows, to_rows


@dataclass(frozen=True)
class Graph:
    """Forward nodes: x, xc, x_hat, y are (m, D); mu, var, std, inv, gamma, beta are (D,)."""

    x: np.ndarray
    mu: np.ndarray
    xc: np.ndarray
    var: np.ndarray
    std: np.ndarray
    inv: np.ndarray
    x_hat: np.ndarray
    gamma: np.ndarray
    beta: np.ndarray
    y: np.ndarray
    shape: tuple[int, ...]


@dataclass(frozen=True)
class StagedGrads:
    """Gradient of the loss with respect to every node, in the order backward reaches them."""

    dbeta: np.ndarray
    dgamma: np.ndarray
    dx_hat: np.ndarray
    dinv: np.ndarray
    dstd: np.ndarray
    dvar: np.ndarray
    dxc: np.ndarray
    dmu: np.ndarray
    dx: np.ndarray


def staged_forward(x, gamma, beta, eps: float = 1e-5) -> Graph:
    """Run the forward graph in float64 on x of shape (N, D) or (N, C, H, W)."""
    arr = np.asarray(x, dtype=np.float64)
    rows = to_rows(arr)
    mu = rows.mean(axis=0)
    xc = rows - mu
    var = (xc**2).mean(axis=0)
    std = np.sqrt(var + eps)
    inv = 1.0 / std
    x_hat = xc * inv
    g, b = np.asarray(gamma, np.float64), np.asarray(beta, np.float64)
    return Graph(rows, mu, xc, var, std, inv, x_hat, g, b, g * x_hat + b, arr.shape)


def staged_backward(dy, graph: Graph) -> StagedGrads:
    """Chain rule node by node; dx comes back in the input's shape, the rest as (m, D) or (D,)."""
    d = to_rows(np.asarray(dy, dtype=np.float64))
    m = d.shape[0]
    dbeta = d.sum(axis=0)                           # y = ... + beta
    dgamma = (d * graph.x_hat).sum(axis=0)          # y = gamma * x_hat + ...
    dx_hat = d * graph.gamma
    dinv = (dx_hat * graph.xc).sum(axis=0)          # x_hat = xc * inv
    dxc_direct = dx_hat * graph.inv
    dstd = -dinv / graph.std**2                     # inv = 1 / std
    dvar = dstd * 0.5 / graph.std                   # std = sqrt(var + eps)
    dxc = dxc_direct + 2.0 * graph.xc * dvar / m    # var = mean(xc^2)
    dmu = -dxc.sum(axis=0)                          # xc = x - mu
    dx = dxc + dmu / m                              # mu = mean(x)
    return StagedGrads(dbeta, dgamma, dx_hat, dinv, dstd, dvar, dxc, dmu, from_rows(dx, graph.shape))
