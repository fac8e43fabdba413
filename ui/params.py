"""Parse a raw URL query value for a numeric control: accept, clamp, or reject. Pure Python."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_RAW_LENGTH = 64


@dataclass(frozen=True)
class Parsed:
    """status: "ok" (value as given), "clamped" (value moved into range) or "invalid" (value None)."""

    status: str
    value: float | int | None


def parse_number(raw, lo: float, hi: float, *, integer: bool) -> Parsed:
    """Interpret `raw` (str or list of str from the URL) as a number in [lo, hi].

    Repeated keys take the last value; NaN, inf, empty, over-long and non-numeric text are invalid;
    out-of-range numbers are clamped; integers are rounded to the nearest whole number.
    """
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_RAW_LENGTH:
        return Parsed("invalid", None)
    try:
        value = float(raw.strip())
    except ValueError:
        return Parsed("invalid", None)
    if not math.isfinite(value):
        return Parsed("invalid", None)
    clamped = min(max(value, lo), hi)
    if integer:
        clamped = round(clamped)
    if clamped != value:
        return Parsed("clamped", clamped)
    return Parsed("ok", clamped)
