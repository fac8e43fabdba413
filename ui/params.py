"""Parse raw URL query values: a number for a numeric control, a 3-D camera; accept, clamp, or reject.
Pure Python."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_RAW_LENGTH = 64


@dataclass(frozen=True)
class Parsed:
    """status: "ok" (value as given), "clamped" (value moved into range) or "invalid" (value None)."""

    status: str
    value: float | int | tuple[float, ...] | None


def _last(raw):
    """Repeated keys take the last value."""
    if isinstance(raw, list):
        return raw[-1] if raw else None
    return raw


def parse_number(raw, lo: float, hi: float, *, integer: bool) -> Parsed:
    """Interpret `raw` (str or list of str from the URL) as a number in [lo, hi].

    Repeated keys take the last value; NaN, inf, empty, over-long and non-numeric text are invalid;
    out-of-range numbers are clamped; integers are rounded to the nearest whole number.
    """
    raw = _last(raw)
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


# A 3-D chart's camera in the URL: "eye x,y,z,centre x,y,z" in the scene's own units (the box spans
# -1..1 on each side at aspect 1). The eye stays within EYE_MAX of the origin's box, the centre within
# CENTRE_MAX; an eye closer to the centre than MIN_DISTANCE shows nothing and is refused.
CAMERA_NUMBERS = 6
EYE_MAX = 8.0
CENTRE_MAX = 2.0
MIN_DISTANCE = 0.1


def parse_camera(raw) -> Parsed:
    """Interpret `raw` (str or list of str) as six comma-separated numbers: the eye (x, y, z) and the
    centre (x, y, z). Anything else, NaN or inf included, is invalid; numbers out of range are clamped,
    and an eye (after clamping) at the centre is invalid. The value is the six numbers as a tuple."""
    raw = _last(raw)
    if not isinstance(raw, str) or len(raw) > CAMERA_NUMBERS * MAX_RAW_LENGTH:
        return Parsed("invalid", None)
    parts = raw.split(",")
    if len(parts) != CAMERA_NUMBERS:
        return Parsed("invalid", None)
    numbers = [parse_number(p, -lim, lim, integer=False) for p, lim in
               zip(parts, (EYE_MAX,) * 3 + (CENTRE_MAX,) * 3, strict=True)]
    if any(n.status == "invalid" for n in numbers):
        return Parsed("invalid", None)
    value = tuple(float(n.value) for n in numbers)
    if math.dist(value[:3], value[3:]) < MIN_DISTANCE:
        return Parsed("invalid", None)
    return Parsed("clamped" if any(n.status == "clamped" for n in numbers) else "ok", value)
