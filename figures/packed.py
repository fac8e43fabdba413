"""Numeric arrays sent as short JSON number lists, in one pass over a figure's dict tree.

Why lists and not plotly.js typed arrays (base64 "bdata"): Streamlit 1.67 hands every chart to
`Plotly.react` twice when it mounts (its theme step copies the figure through JSON once more), and
plotly.js can only tell that the second copy is unchanged for plain arrays: a typed array is never
`Array.isArray`, so it always counts as new data and the whole chart is computed and drawn again.
With plain lists, and `layout.datarevision` set (`fingerprint`), the second pass costs 2–8 ms
instead of a full redraw (17–90 ms a chart; benchmarks and README, 2026-11-27).

Numbers are rounded to `DIGITS` significant digits each (float32 arrays: `DIGITS_F32`, about their
own precision), so that each prints short: about the size of the base64 they replace for float64.
Non-finite values become null (a gap, as plotly.js draws NaN).

Plotly's own `to_dict` deep-copies the figure and sniffs every array for dataframe types (~45 ms for
the chapter 4 figure); `LabFigure.to_dict()` (Streamlit calls it on the figures it is handed) packs
with `pack` instead.
"""

from __future__ import annotations

import hashlib

import numpy as np

DIGITS = 7       # float64: far below a pixel on any chart, and hover labels show ≤ 4 digits
DIGITS_F32 = 6   # float32 carries ~7.2 digits; 6 prints shorter and is still below its noise
_EXACT = 22  # 10.0**n is exact up to n = 22; values further out are rounded through text


def significant(a: np.ndarray, digits: int = DIGITS) -> np.ndarray:
    """a (any shape, float) rounded to `digits` significant digits per element, as float64.

    Rounding k/10**n (or k*10**n) with an integer k and an exact power of ten gives the double
    nearest that decimal, which Python prints in at most `digits` digits; beyond 10**±22 (rare) the
    value goes through its decimal text instead. Zeros and non-finite values pass through."""
    a = np.asarray(a, dtype=np.float64)
    out = a.copy()
    ok = np.isfinite(a) & (a != 0)
    if not ok.any():
        return out
    v = a[ok]
    decimals = digits - 1 - np.floor(np.log10(np.abs(v)))
    up = 10.0 ** np.clip(decimals, 0, _EXACT)      # scale up values below 10**(digits-1)
    down = 10.0 ** np.clip(-decimals, 0, _EXACT)   # and down larger ones
    r = np.where(decimals >= 0, np.round(v * up) / up, np.round(v / down) * down)
    far = np.abs(decimals) > _EXACT
    r[far] = [float(f"{x:.{digits - 1}e}") for x in v[far]]
    out[ok] = r
    return out


def number_list(a: np.ndarray) -> list:
    """a as (nested) JSON lists: integers and booleans exact, floats rounded (`significant`), NaN and
    ±inf as None; non-numeric arrays as they are."""
    if a.dtype.kind not in "f":
        return a.tolist()
    r = significant(a, DIGITS_F32 if a.dtype.itemsize <= 4 else DIGITS)
    bad = ~np.isfinite(r)
    if not bad.any():
        return r.tolist()
    o = r.astype(object)
    o[bad] = None
    return o.tolist()


def pack(obj):
    """A copy of a figure tree (dicts, lists, tuples, arrays) with numeric arrays as number lists
    (`number_list`) and None-valued keys left out (Plotly's "unset"). The input is not modified."""
    if isinstance(obj, dict):
        return {k: pack(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [pack(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return number_list(obj)
    if isinstance(obj, np.generic):
        return obj.item()
    return obj


def fingerprint(tree) -> str:
    """A short digest of everything in a tree of dicts, lists, arrays and scalars: the figure's
    `layout.datarevision`. plotly.js then compares data arrays by this value, not by identity, so
    Streamlit's second copy of an unchanged figure is not drawn again, while a figure whose data did
    change (were Streamlit ever to update a chart in place) would still be redrawn."""
    h = hashlib.blake2b(digest_size=8)

    def walk(node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                h.update(str(k).encode())
                walk(v)
        elif isinstance(node, (list, tuple)):
            h.update(b"[")
            for v in node:
                walk(v)
            h.update(b"]")
        elif isinstance(node, np.ndarray):
            h.update(f"{node.dtype}{node.shape}".encode())
            numeric = node.dtype.kind in "biuf"
            h.update(np.ascontiguousarray(node).tobytes() if numeric else repr(node.tolist()).encode())
        else:
            h.update(repr(node).encode())

    walk(tree)
    return h.hexdigest()
