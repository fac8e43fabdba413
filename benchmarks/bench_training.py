"""Training speed of bn_core's network on the paper-style preset, next to PyTorch doing the same.

Preset: scikit-learn's 8×8 digits, 3 hidden layers of 100 sigmoid units, BN before the activation,
batch 60, plain SGD (lr 0.5), 2,000 steps, no recording. PyTorch (if installed; it is not a
project dependency: `pip install torch==2.13.0`) trains the identical network from the identical
initial weights on the identical batches, on the CPU. The last line is
`numpy_steps_per_s=<float> dtype=<float32|float64>`.

Run: python benchmarks/bench_training.py [--steps 2000] [--dtype float32]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bn_core.datasets import split
from bn_core.network import NetConfig, backward, forward, init_params, loss_and_grad
from ui.digits import digits

SIZES = (64, 100, 100, 100, 10)
LR, BATCH = 0.5, 60


def batches(n_train: int, steps: int, seed: int = 1) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out, order, pos = [], rng.permutation(n_train), 0
    for _ in range(steps):
        if pos + BATCH > n_train:
            order, pos = rng.permutation(n_train), 0
        out.append(order[pos: pos + BATCH])
        pos += BATCH
    return out


def numpy_train(x, y, idx, dtype: str) -> tuple[float, float]:
    cfg = NetConfig(SIZES, activation="sigmoid", bn="before", dtype=dtype)
    p = init_params(cfg)
    x = x.astype(dtype)
    t0 = time.perf_counter()
    for b in idx:
        tr = forward(cfg, p, x[b], training=True)
        loss, dout = loss_and_grad(cfg, tr.out, y[b])
        g = backward(cfg, p, tr, dout)
        for params, grads in ((p.w, g.w), (p.b, g.b), (p.gamma, g.gamma), (p.beta, g.beta)):
            for param, grad in zip(params, grads, strict=True):
                param -= LR * grad.astype(param.dtype, copy=False)
    return time.perf_counter() - t0, loss


def torch_train(x, y, idx, dtype: str) -> tuple[float, float] | None:
    try:
        import torch
    except ImportError:
        return None
    tdt = getattr(torch, dtype)
    cfg = NetConfig(SIZES, activation="sigmoid", bn="before", dtype="float64")
    p = init_params(cfg)
    layers = []
    for i, (w, b) in enumerate(zip(p.w, p.b, strict=True)):
        lin = torch.nn.Linear(w.shape[0], w.shape[1], dtype=tdt)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(w.T.copy()))
            lin.bias.copy_(torch.from_numpy(b))
        layers.append(lin)
        if i < len(p.w) - 1:
            layers += [torch.nn.BatchNorm1d(w.shape[1], dtype=tdt), torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers).train()
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    xt, yt = torch.from_numpy(x.astype(dtype)), torch.from_numpy(y.astype(np.int64))
    lossf = torch.nn.CrossEntropyLoss()
    t0 = time.perf_counter()
    for b in idx:
        bt = torch.from_numpy(b)
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(xt[bt]), yt[bt])
        loss.backward()
        opt.step()
    return time.perf_counter() - t0, float(loss.detach())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--dtype", choices=("float32", "float64"), default="float32")
    args = parser.parse_args()
    xa, ya = digits()
    data = split("digits", xa, ya, val_share=0.2, seed=0)
    idx = batches(len(data.x_train), args.steps)
    print(f"# paper preset: digits, 3x100 sigmoid, BN before, batch {BATCH}, SGD lr {LR}, {args.steps} steps, "
          f"{args.dtype}, numpy {np.__version__}")
    numpy_train(data.x_train, data.y_train, idx[:50], args.dtype)  # warm-up
    t_np, loss_np = numpy_train(data.x_train, data.y_train, idx, args.dtype)
    torch_result = torch_train(data.x_train, data.y_train, idx[:50], args.dtype)
    if torch_result is None:
        print("pytorch: not installed (pip install torch==2.13.0 to compare)")
    else:
        import torch

        t_pt, loss_pt = torch_train(data.x_train, data.y_train, idx, args.dtype)
        print(f"pytorch {torch.__version__} threads={torch.get_num_threads()} steps_per_s={args.steps / t_pt:.1f} "
              f"final_batch_loss={loss_pt:.4f}")
    print(f"numpy final_batch_loss={loss_np:.4f}")
    print(f"numpy_steps_per_s={args.steps / t_np:.1f} dtype={args.dtype}")


if __name__ == "__main__":
    main()
