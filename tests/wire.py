"""Reading figures as the browser gets them: plotly.js typed arrays decoded, numbers compared by value."""

from __future__ import annotations

import base64

import numpy as np

JS_DTYPES = {"i1": np.int8, "u1": np.uint8, "i2": np.int16, "u2": np.uint16, "i4": np.int32, "u4": np.uint32,
             "f4": np.float32, "f8": np.float64}


def decode(spec: dict) -> np.ndarray:
    """What plotly.js does with {dtype, bdata, shape}."""
    a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=JS_DTYPES[spec["dtype"]])
    if "shape" in spec:
        a = a.reshape([int(n) for n in spec["shape"].split(",")])
    return a


def plain(tree):
    """A figure tree with typed arrays decoded to float lists, arrays and tuples as lists and numbers as
    floats, so two serialisations of one figure compare equal by value."""
    if isinstance(tree, dict):
        if set(tree) >= {"dtype", "bdata"}:
            return decode(tree).astype(float).tolist()
        return {k: plain(v) for k, v in tree.items()}
    if isinstance(tree, np.ndarray):
        return plain(tree.tolist())
    if isinstance(tree, (list, tuple)):
        return [plain(v) for v in tree]
    if isinstance(tree, (int, float, np.number)) and not isinstance(tree, bool):
        return float(tree)
    return tree
