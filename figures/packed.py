"""Numeric arrays sent as plotly.js typed arrays (base64), in one pass over a figure's dict tree.

Plotly's own `to_dict` deep-copies the figure and sniffs every array for dataframe types (~45 ms for
the chapter 4 figure); `LabFigure.to_dict()` (Streamlit calls it on the figures it is handed) packs
with `pack` instead.
"""

from __future__ import annotations

import base64

import numpy as np

# plotly.js reads these typed-array dtypes (https://plotly.com/javascript/reference/, "bdata")
_TYPED = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4", "uint32": "u4",
          "float32": "f4", "float64": "f8"}
# keys whose arrays must stay JSON lists (same exceptions as plotly.py's convert_to_base64)
_PLAIN_KEYS = frozenset({"geojson", "layer", "layers", "range"})


def typed_array(a: np.ndarray) -> dict | list:
    """a as a plotly.js typed-array spec {dtype, bdata[, shape]}; int64 shrinks to the smallest int
    type that holds it; non-numeric or empty arrays become plain lists."""
    if a.size == 0 or a.dtype.kind not in "iuf":
        return a.tolist()
    if a.dtype.kind in "iu" and a.dtype.itemsize == 8:
        lo, hi = int(a.min()), int(a.max())
        a = a.astype(next((t for t in (np.int8, np.int16, np.int32) if np.iinfo(t).min <= lo and hi <= np.iinfo(t).max),
                          np.float64))
    elif a.dtype == np.float16:
        a = a.astype(np.float32)
    spec = {"dtype": _TYPED[str(a.dtype)], "bdata": base64.b64encode(np.ascontiguousarray(a)).decode("ascii")}
    if a.ndim > 1:
        spec["shape"] = ", ".join(str(n) for n in a.shape)
    return spec


def pack(obj, key: str | None = None):
    """A copy of a figure tree (dicts, lists, tuples, arrays) with numeric arrays as typed arrays and
    None-valued keys left out (Plotly's "unset"). The input is not modified."""
    if isinstance(obj, dict):
        return {k: pack(v, k) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [pack(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return obj.tolist() if key in _PLAIN_KEYS else typed_array(obj)
    if isinstance(obj, np.generic):
        return obj.item()
    return obj
