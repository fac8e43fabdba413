"""Reading figures as the browser gets them: numbers compared by value, to the digits that are sent."""

from __future__ import annotations

import base64
import math

import numpy as np

from figures.packed import DIGITS_F32

# Sent numbers keep DIGITS (float64) or DIGITS_F32 (float32) significant digits: half a unit of the
# last one, relative.
SENT_RTOL = 0.5 * 10.0 ** (1 - DIGITS_F32)
# Plotly's own to_dict() sends numpy arrays as typed arrays {dtype, bdata, shape}.
JS_DTYPES = {"i1": np.int8, "u1": np.uint8, "i2": np.int16, "u2": np.uint16, "i4": np.int32, "u4": np.uint32,
             "f4": np.float32, "f8": np.float64}


def decode(spec: dict) -> np.ndarray:
    """What plotly.js does with {dtype, bdata, shape}."""
    a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=JS_DTYPES[spec["dtype"]])
    return a.reshape([int(n) for n in spec["shape"].split(",")]) if "shape" in spec else a


def plain(tree):
    """A figure tree with typed and numpy arrays and tuples as lists and numbers as floats (NaN as
    None, as we send it), so two serialisations of one figure compare by value."""
    if isinstance(tree, dict):
        if set(tree) >= {"dtype", "bdata"}:
            return plain(decode(tree).astype(float))
        return {k: plain(v) for k, v in tree.items()}
    if isinstance(tree, np.ndarray):
        return plain(tree.tolist())
    if isinstance(tree, (list, tuple)):
        return [plain(v) for v in tree]
    if isinstance(tree, (int, float, np.number)) and not isinstance(tree, bool):
        return None if not math.isfinite(float(tree)) else float(tree)
    return tree


def mismatch(a, b, rtol: float = SENT_RTOL, path: str = "") -> str | None:
    """The first place where two plain() trees differ (numbers: beyond rtol, relative), or None."""
    if isinstance(a, float) and isinstance(b, float):
        return None if math.isclose(a, b, rel_tol=rtol, abs_tol=0.0) else f"{path}: {a!r} != {b!r}"
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} {str(a)[:60]} != {type(b).__name__} {str(b)[:60]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'the second' if k not in a else 'the first'}"
            if (m := mismatch(a[k], b[k], rtol, f"{path}/{k}")) is not None:
                return m
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        found = (mismatch(x, y, rtol, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b, strict=True)))
        return next((m for m in found if m is not None), None)
    return None if a == b else f"{path}: {a!r} != {b!r}"
