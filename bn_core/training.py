"""Train a network with SGD (optional momentum) and record what happens inside it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations
from .datasets import Dataset
from .ics import internal_covariate_shift
from .landscape import probe_along_gradient
from .net_probes import flat, loss_grad
from .network import NetConfig, Params, backward, forward, init_params, loss_and_grad
from .noise import draw_noise

HIST_BINS = np.linspace(-6.0, 6.0, 49)
DIVERGED_FACTOR = 10.0  # a batch loss 10× the first one (or NaN/inf) means the run blew up


@dataclass(frozen=True)
class TrainConfig:
    net: NetConfig
    lr: float = 0.1
    momentum: float = 0.0
    batch_size: int = 60
    steps: int = 500
    record_every: int = 10
    seed: int = 0
    probe_size: int = 500
    boundary: int = 0          # > 0: record the predicted class on a boundary x boundary grid (2-D data)
    noise: float = 0.0         # noisy BN's strength s (bn_core.noise); 0: plain BN
    weight_decay: float = 0.0  # L2 on the weights W (not b, γ, β): ∇W += weight_decay · W
    probes: tuple[float, ...] = ()  # step sizes as multiples of lr: at each record after step 0, the
    #                                 landscape along the gradient and the ICS measure (chapter 6)


@dataclass(frozen=True)
class History:
    """Recorded at steps (R,): losses and accuracies; for the last hidden layer's first unit the
    15/50/85th percentiles of its activation input (R, 3); per hidden layer histograms of the
    activation input (R, L, bins), saturated/dead share (R, L); per weight layer the gradient norm
    and the update-to-weight ratio (R, L+1). Losses and accuracies are scored in inference mode
    (running statistics); the layer inputs are measured on a fixed probe set (the validation set's
    first probe_size rows) normalized as one batch with its own statistics, as the training forward
    pass computes them, not with the running averages, which start at 0 and 1 and lag behind for
    the first tens of steps (the paper's figure shows what the sigmoid sees in training)."""

    steps: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    val_acc: np.ndarray
    percentiles: np.ndarray
    hist: np.ndarray
    saturation: np.ndarray
    grad_norm: np.ndarray
    update_ratio: np.ndarray
    diverged: bool
    boundary: np.ndarray | None = None   # (R, G, G) predicted classes, when asked for
    grid: np.ndarray | None = None       # (G,) coordinates of the square grid (standardized inputs)
    w_norm: np.ndarray | None = None     # (R, L+1) ‖W‖ per weight layer
    probes: Probes | None = None         # with cfg.probes: what the probes measured
    stopped: int = 0                     # the step the run ended at (where it blew up, if it did)


@dataclass(frozen=True)
class Probes:
    """Measured at the records after step 0, on the step's batch before its update (Rp = R − 1 rows
    for a finished run): the step sizes etas (K,) = probes × lr; the loss at θ (Rp,); along −∇L the
    loss (Rp, K), ‖∇L(θ − ηg) − g‖ (Rp, K) and the effective β-smoothness (Rp,); internal covariate
    shift per weight layer 2..L+1: ℓ2 (Rp, L), cosine (Rp, L), ‖G‖ (Rp, L)."""

    steps: np.ndarray
    etas: np.ndarray
    loss0: np.ndarray
    loss: np.ndarray
    grad_change: np.ndarray
    beta: np.ndarray
    ics_l2: np.ndarray
    ics_cos: np.ndarray
    grad_norm: np.ndarray


def targets(cfg: NetConfig, y: np.ndarray, n_classes: int) -> np.ndarray:
    """Class indices for cross-entropy, one-hot rows for mean squared error."""
    return y if cfg.loss == "xent" else np.eye(n_classes)[y]


def histogram(u: np.ndarray) -> np.ndarray:
    """Shares of u in the HIST_BINS (values outside go to the end bins), by direct binning:
    np.histogram sorts its input, which made recording the slowest part of training."""
    lo, hi, n = HIST_BINS[0], HIST_BINS[-1], len(HIST_BINS) - 1
    idx = np.clip(((u.ravel() - lo) * (n / (hi - lo))).astype(np.int64), 0, n - 1)
    return np.bincount(idx, minlength=n) / u.size


def evaluate(cfg: NetConfig, p: Params, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Loss and accuracy in inference mode (BN uses running statistics); y holds class indices."""
    return _scores(cfg, forward(cfg, p, x, training=False).out, y)


def _scores(cfg: NetConfig, out: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Loss and accuracy of network outputs out (N, K) against class indices y (N,)."""
    loss, _ = loss_and_grad(cfg, out, targets(cfg, y, out.shape[1]))
    return loss, float(np.mean(np.argmax(out, axis=1) == y))


def _sgd(p: Params, g, velocity: dict, lr: float, momentum: float) -> list[float]:
    """In-place SGD step on every parameter; returns ||ΔW|| / ||W|| per weight layer."""
    ratios = []
    groups = [("w", p.w, g.w), ("b", p.b, g.b), ("g", p.gamma, g.gamma), ("be", p.beta, g.beta)]
    for name, params, grads in groups:
        for i, (param, grad) in enumerate(zip(params, grads, strict=True)):
            v = velocity.get((name, i))
            if v is None:                      # (setdefault would build a zero array on every call)
                v = velocity[(name, i)] = np.zeros_like(param)
            v *= momentum
            v -= lr * grad.astype(param.dtype, copy=False)
            param += v
            if name == "w":
                ratios.append(float(np.linalg.norm(v) / (np.linalg.norm(param) + 1e-12)))
    return ratios


def train(cfg: TrainConfig, data: Dataset) -> History:
    """Mini-batch SGD for cfg.steps steps; the batch order and initial weights come from cfg.seed
    only, so runs that differ in BN placement see identical data order and initial weights.
    A run whose batch loss becomes non-finite or 10× its first value stops with diverged=True.
    The first record is step 0, the untrained network (its training loss is its validation loss)."""
    run = Training(cfg, data)
    while run.advance():
        pass
    return run.history()


class Training:
    """One training run that advances a record at a time, so a caller can interleave several runs
    and show what has been recorded so far: `advance()` trains up to the next record (cfg.record_every
    steps, fewer at the end) and returns False once the run is over; `history()` is everything
    recorded so far, a prefix of the finished run's History. NumPy's overflow warnings are silenced
    inside advance(): overflow is an outcome the run reports (diverged=True)."""

    def __init__(self, cfg: TrainConfig, data: Dataset) -> None:
        self.cfg, self.data = cfg, data
        self.p = init_params(cfg.net)
        self.rng = np.random.default_rng(cfg.seed + 1)
        dt = np.dtype(cfg.net.dtype)
        self.xt, self.yt = data.x_train.astype(dt), targets(cfg.net, data.y_train, data.n_classes)
        self.x_val = data.x_val.astype(dt)   # scored at each record; its first probe_size rows are the probe
        self.velocity: dict = {}
        self.rec: dict[str, list] = {k: [] for k in ("steps", "train", "vloss", "vacc", "pct", "hist", "sat",
                                                      "gn", "ur", "bd", "wn", *PROBE_KEYS)}
        self.noise_rng = np.random.default_rng(cfg.seed + 2)   # its own stream: the batch order stays the same
        self.noise = self._draw_noise()
        self.grid = np.linspace(-2.5, 2.5, cfg.boundary) if cfg.boundary else None
        self.order, self.pos, self.step, self.first = self.rng.permutation(len(self.xt)), 0, 0, np.inf
        self.diverged = self.done = False
        with np.errstate(over="ignore", invalid="ignore"):
            _record(self.rec, cfg, self.p, data, self.x_val, 0, [], None, [0.0] * len(self.p.w), self.grid,
                    self.noise)

    def _draw_noise(self):
        """This step's noisy-BN scale and shift per BN layer, or None (no noise, or no BN)."""
        if self.cfg.noise <= 0 or self.cfg.net.bn == "none":
            return None
        return draw_noise(self.noise_rng, self.cfg.net.sizes[1:-1], self.cfg.noise)

    @property
    def fraction(self) -> float:
        """Share of cfg.steps trained so far (1.0 once the run is over, diverged or not)."""
        return 1.0 if self.done else self.step / self.cfg.steps

    def advance(self) -> bool:
        """Train up to and including the next recorded step; False once the run is over."""
        if self.done:
            return False
        with np.errstate(over="ignore", invalid="ignore"):
            self._advance()
        return not self.done

    def _advance(self) -> None:
        cfg, recent = self.cfg, []
        while self.step < cfg.steps:
            self.step += 1
            if self.pos + cfg.batch_size > len(self.order):
                self.order, self.pos = self.rng.permutation(len(self.xt)), 0
            idx = self.order[self.pos: self.pos + cfg.batch_size]
            self.pos += cfg.batch_size
            self.noise = self._draw_noise()
            tr = forward(cfg.net, self.p, self.xt[idx], training=True, noise=self.noise)
            loss, dout = loss_and_grad(cfg.net, tr.out, self.yt[idx])
            self.first = loss if self.step == 1 else self.first
            if not np.isfinite(loss) or loss > DIVERGED_FACTOR * self.first:
                self.diverged = self.done = True
                return
            g = backward(cfg.net, self.p, tr, dout)
            recording = self.step % cfg.record_every == 0 or self.step == cfg.steps
            if recording and cfg.probes:
                _probe(self.rec, cfg, self.p, self.xt[idx], self.yt[idx], g, self.noise, self.step)
            if cfg.weight_decay:
                g.w = [gw + cfg.weight_decay * w for gw, w in zip(g.w, self.p.w, strict=True)]
            ratios = _sgd(self.p, g, self.velocity, cfg.lr, cfg.momentum)
            recent.append(loss)
            if recording:
                _record(self.rec, cfg, self.p, self.data, self.x_val, self.step, recent, g, ratios, self.grid,
                        self.noise)
                self.done = self.step == cfg.steps
                return
        self.done = True

    def history(self) -> History:
        """What has been recorded so far (all of it once advance() has returned False)."""
        rec = self.rec
        return History(np.array(rec["steps"]), np.array(rec["train"]), np.array(rec["vloss"]),
                       np.array(rec["vacc"]), np.array(rec["pct"]).reshape(-1, 3), np.array(rec["hist"]),
                       np.array(rec["sat"]), np.array(rec["gn"]), np.array(rec["ur"]), self.diverged,
                       np.array(rec["bd"]) if self.grid is not None else None, self.grid,
                       np.array(rec["wn"]), _probes(rec, self.cfg) if self.cfg.probes else None, self.step)


PROBE_KEYS = ("p_step", "p_loss0", "p_loss", "p_change", "p_beta", "p_l2", "p_cos", "p_norm")


def _probes(rec: dict, cfg: TrainConfig) -> Probes:
    k, layers = len(cfg.probes), len(cfg.net.sizes) - 2
    arr = lambda key, *shape: np.array(rec[key], dtype=np.float64).reshape(-1, *shape)  # noqa: E731
    return Probes(np.array(rec["p_step"], dtype=np.int64), cfg.lr * np.asarray(cfg.probes, dtype=np.float64),
                  arr("p_loss0"), arr("p_loss", k), arr("p_change", k), arr("p_beta"), arr("p_l2", layers),
                  arr("p_cos", layers), arr("p_norm", layers))


def _probe(rec: dict, cfg: TrainConfig, p: Params, x, y, g, noise, step: int) -> None:
    """The landscape along −g and the ICS measure at this step's weights, on its batch (float64 copies
    of the weights, so the float32 network's probes are not lost in rounding)."""
    net = cfg.net
    p64 = _as_float64(p)
    x64 = np.asarray(x, dtype=np.float64)
    f = loss_grad(net, p64, x64, y, noise)
    theta = flat(p64)
    loss0, grad0 = f(theta)
    land = probe_along_gradient(f, theta, cfg.lr * np.asarray(cfg.probes), grad0)
    ics = internal_covariate_shift(net, p64, x64, y, cfg.lr, noise=noise)
    for key, value in zip(PROBE_KEYS, (step, loss0, land.loss, land.grad_change, land.beta, ics.l2, ics.cos,
                                       ics.norm), strict=True):
        rec[key].append(value)


def _as_float64(p: Params) -> Params:
    up = lambda arrays: [np.asarray(a, dtype=np.float64) for a in arrays]  # noqa: E731
    return Params(up(p.w), up(p.b), up(p.gamma), up(p.beta), p.stats)


def _record(rec, cfg: TrainConfig, p: Params, data: Dataset, x_val, step, recent, g, ratios, grid,
            noise=None) -> None:
    net = cfg.net
    # one inference pass over the validation set scores it; the probe's layer inputs come from a
    # training-mode pass that leaves the running statistics alone (without BN the two are the same)
    full = forward(net, p, x_val, training=False)
    vloss, vacc = _scores(net, full.out, data.y_val)
    probe = (forward(net, p, x_val[: cfg.probe_size], training=True, track=False, noise=noise)
             if net.bn != "none" else full)
    act_in, act_out = [u[: cfg.probe_size] for u in probe.act_in], [h[: cfg.probe_size] for h in probe.act_out]
    rec["steps"].append(step)
    rec["train"].append(float(np.mean(recent)) if recent else vloss)  # step 0: the untrained net's loss
    rec["vloss"].append(vloss)
    rec["vacc"].append(vacc)
    rec["pct"].append(np.percentile(act_in[-1][:, 0], [15, 50, 85]))
    rec["hist"].append([histogram(u) for u in act_in])
    rec["sat"].append([activations.saturated_share(net.activation, h) for h in act_out])
    rec["gn"].append([float(np.linalg.norm(w)) for w in g.w] if g is not None else [0.0] * len(p.w))
    rec["ur"].append(ratios)
    rec["wn"].append([float(np.linalg.norm(w)) for w in p.w])
    if grid is not None:
        gx, gy = np.meshgrid(grid, grid)
        pts = np.column_stack([gx.ravel(), gy.ravel()]).astype(x_val.dtype)
        rec["bd"].append(np.argmax(forward(net, p, pts, training=False).out, axis=1).reshape(gx.shape))
