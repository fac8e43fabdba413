"""A small fully connected network in NumPy, with BN none / before / after the activation.

Hidden layer l:  z = a W + b;  BN before: u = BN(z), h = f(u);  BN after: h = BN(f(z));  none: h = f(z).
`norm` swaps BN for GroupNorm, LayerNorm (GroupNorm with one group) or Batch Renorm in those places.
The "activation input" of a layer is u (BN before) or z. Output: softmax cross-entropy on logits
(classification) or mean squared error. Every BN layer reuses bn_core's functional BatchNorm with
its own γ, β and running statistics. Shapes: a (N, D_in), W (D_in, D_out), b, γ, β (D_out,).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations
from .batchnorm import batchnorm_backward, batchnorm_forward
from .groupnorm import GroupNorm
from .norm_family import batch_renorm_backward, batch_renorm_forward
from .running import RunningStats

BN_PLACES = ("none", "before", "after")


@dataclass(frozen=True)
class NetConfig:
    """Layer sizes (input, hidden..., output), activation, where BN goes, init scale, loss, seed."""

    sizes: tuple[int, ...]
    activation: str = "sigmoid"
    bn: str = "none"
    init_scale: float = 1.0
    loss: str = "xent"
    seed: int = 0
    dtype: str = "float64"
    momentum_bn: float = 0.1
    eps: float = 1e-5
    norm: str = "bn"       # which layer goes where `bn` says: "bn", "gn" (GroupNorm), "ln" (LayerNorm), "brn"
    groups: int = 4        # GroupNorm's group count (it must divide the layer width)


@dataclass
class Params:
    """W, b per layer; gamma, beta, running stats per hidden layer (when BN is used)."""

    w: list[np.ndarray]
    b: list[np.ndarray]
    gamma: list[np.ndarray] = field(default_factory=list)
    beta: list[np.ndarray] = field(default_factory=list)
    stats: list[RunningStats] = field(default_factory=list)


def init_params(cfg: NetConfig) -> Params:
    """W ~ N(0, init_scale² / fan_in), b = 0, γ = 1, β = 0, running stats (0, 1)."""
    rng = np.random.default_rng(cfg.seed)
    dt = np.dtype(cfg.dtype)
    w = [(rng.standard_normal((i, o)) * cfg.init_scale / np.sqrt(i)).astype(dt)
         for i, o in zip(cfg.sizes[:-1], cfg.sizes[1:], strict=True)]
    b = [np.zeros(o, dtype=dt) for o in cfg.sizes[1:]]
    hidden = cfg.sizes[1:-1] if cfg.bn != "none" else ()
    return Params(w, b, [np.ones(o) for o in hidden], [np.zeros(o) for o in hidden],
                  [RunningStats.initial(o) for o in hidden])


@dataclass
class Trace:
    """What forward keeps for backward and for the learner: per hidden layer the activation input
    (u or z) and output h; BN caches; the final output."""

    inputs: list[np.ndarray]
    pre: list[np.ndarray]
    act_in: list[np.ndarray]
    act_out: list[np.ndarray]
    bn_caches: list
    out: np.ndarray
    noise: list | None = None   # per hidden layer (c, m) of noisy BN, as forward was given it


def _noisy(v: np.ndarray, noise: list | None, layer: int) -> np.ndarray:
    """Noisy BN (Santurkar et al. 2018): ỹ = c ⊙ y + m after the BN layer, c and m of shape (D,)."""
    if noise is None:
        return v
    c, m = noise[layer]
    return (v * c + m).astype(v.dtype, copy=False)


def forward(cfg: NetConfig, p: Params, x: np.ndarray, *, training: bool, track: bool = True,
            noise: list | None = None) -> Trace:
    """Run the network; in training, BN uses batch statistics and (with `track`, as in training
    proper) updates p.stats. `track=False` normalizes x as the training forward pass would, leaving
    the running statistics alone: how the network's layers see x as one batch. `noise`, with BN:
    per hidden layer a scale c and shift m (D,) applied to every BN output (bn_core.noise)."""
    a = x
    tr = Trace([], [], [], [], [], None, noise if cfg.bn != "none" else None)
    for layer in range(len(p.w) - 1):
        tr.inputs.append(a)
        z = a @ p.w[layer] + p.b[layer]
        tr.pre.append(z)
        u = z
        if cfg.bn == "before":
            u, cache = _bn(cfg, p, layer, z, training, track)
            u = _noisy(u, tr.noise, layer)
            tr.bn_caches.append(cache)
        h = activations.forward(cfg.activation, u)
        tr.act_in.append(u)
        tr.act_out.append(h)
        if cfg.bn == "after":
            h, cache = _bn(cfg, p, layer, h, training, track)
            h = _noisy(h, tr.noise, layer)
            tr.bn_caches.append(cache)
        a = h
    tr.inputs.append(a)
    tr.out = a @ p.w[-1] + p.b[-1]
    return tr


def _bn(cfg: NetConfig, p: Params, layer: int, v: np.ndarray, training: bool, track: bool = True):
    if cfg.norm in ("gn", "ln"):
        gn = GroupNorm(cfg.groups if cfg.norm == "gn" else 1, v.shape[1], cfg.eps)
        gn.gamma, gn.beta = p.gamma[layer], p.beta[layer]
        return gn.forward(v), gn                        # the layer object is its own cache
    if cfg.norm == "brn":
        y, cache, new = batch_renorm_forward(v, p.gamma[layer], p.beta[layer], p.stats[layer], training=training,
                                             momentum=cfg.momentum_bn, eps=cfg.eps)
        y = y.astype(v.dtype, copy=False)
    else:
        y, cache, new = batchnorm_forward(v, p.gamma[layer], p.beta[layer], p.stats[layer], training=training,
                                          momentum=cfg.momentum_bn, eps=cfg.eps)
    if training and track:
        p.stats[layer] = new
    return y, cache


def _bn_backward(cfg: NetConfig, d: np.ndarray, cache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(dx, dγ, dβ) of the normalization layer whose forward left `cache`."""
    if cfg.norm in ("gn", "ln"):
        dx = cache.backward(d)
        return dx.astype(d.dtype, copy=False), cache.dgamma, cache.dbeta
    if cfg.norm == "brn":
        if cache is None:
            raise ValueError("Batch Renorm in inference mode has no backward pass here.")
        dx, dgamma, dbeta = batch_renorm_backward(d, cache)
        return dx.astype(d.dtype, copy=False), dgamma, dbeta
    return batchnorm_backward(d, cache)


def loss_and_grad(cfg: NetConfig, out: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean loss over the batch and dL/dout. y: class indices (xent) or targets (N, K) (mse)."""
    n = out.shape[0]
    if cfg.loss == "xent":
        shifted = out - out.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -float(np.mean(logp[np.arange(n), y]))
        d = np.exp(logp)
        d[np.arange(n), y] -= 1.0
        return loss, d / n
    diff = out - y
    return float(np.mean(np.sum(diff**2, axis=1))), 2.0 * diff / n


def _noise_back(d: np.ndarray, noise: list | None, layer: int) -> np.ndarray:
    """dL/dy from dL/dỹ for ỹ = c ⊙ y + m (c, m constants of the step)."""
    return d if noise is None else (d * noise[layer][0]).astype(d.dtype, copy=False)


@dataclass
class Grads:
    w: list[np.ndarray]
    b: list[np.ndarray]
    gamma: list[np.ndarray]
    beta: list[np.ndarray]


def backward(cfg: NetConfig, p: Params, tr: Trace, dout: np.ndarray) -> Grads:
    """Gradients of every parameter for the upstream gradient dout of the output."""
    nl = len(p.w)
    gw, gb = [None] * nl, [None] * nl
    gg, gbeta = [None] * len(p.gamma), [None] * len(p.beta)
    d = dout
    for layer in range(nl - 1, -1, -1):
        gw[layer] = tr.inputs[layer].T @ d
        gb[layer] = d.sum(axis=0)
        if layer == 0:
            break
        d = d @ p.w[layer].T                     # dL/d(output of hidden layer - 1)
        k = layer - 1
        if cfg.bn == "after":
            d, gg[k], gbeta[k] = _bn_backward(cfg, _noise_back(d, tr.noise, k), tr.bn_caches[k])
        d = activations.backward(cfg.activation, tr.act_in[k], tr.act_out[k], d)
        if cfg.bn == "before":
            d, gg[k], gbeta[k] = _bn_backward(cfg, _noise_back(d, tr.noise, k), tr.bn_caches[k])
    return Grads(gw, gb, gg, gbeta)
