"""URL values for numeric controls: accepted, clamped or rejected."""

import pytest

from ui.params import parse_camera, parse_number


@pytest.mark.parametrize(("raw", "status", "value"), [
    ("32", "ok", 32), ("999", "clamped", 256), ("-5", "clamped", 2), ("12.6", "clamped", 13),
    ("abc", "invalid", None), ("", "invalid", None), ("nan", "invalid", None), ("inf", "invalid", None),
    ("1" * 100, "invalid", None), (["3", "40"], "ok", 40), ([], "invalid", None),
    ("<script>", "invalid", None), ("٣", "ok", 3),
])
def test_integer_parameters(raw, status, value):
    parsed = parse_number(raw, 2, 256, integer=True)
    assert (parsed.status, parsed.value) == (status, value)


def test_float_parameters_clamp_without_rounding():
    assert parse_number("0.25", 0.0, 1.0, integer=False).value == 0.25
    assert parse_number("7", 0.0, 1.0, integer=False).value == 1.0


@pytest.mark.parametrize(("raw", "status", "value"), [
    ("1,1.25,1.55,0,0,-0.15", "ok", (1.0, 1.25, 1.55, 0.0, 0.0, -0.15)),
    (" 2 ,-1, 0.5,0, 0,0", "ok", (2.0, -1.0, 0.5, 0.0, 0.0, 0.0)),
    ("20,0,0,0,0,-9", "clamped", (8.0, 0.0, 0.0, 0.0, 0.0, -2.0)),
    (["1,1,1,0,0,0", "0,0,3,0,0,0"], "ok", (0.0, 0.0, 3.0, 0.0, 0.0, 0.0)),
    ("1,1,1,0,0", "invalid", None), ("1,1,1,0,0,0,0", "invalid", None), ("", "invalid", None),
    ("1,nan,1,0,0,0", "invalid", None), ("1,1,inf,0,0,0", "invalid", None), ("a,b,c,d,e,f", "invalid", None),
    ("0,0,0,0,0,0", "invalid", None), ("0.05,0,0,0,0,0", "invalid", None),
    ("30,0,0,2,0,0", "clamped", (8.0, 0.0, 0.0, 2.0, 0.0, 0.0)),
    ("9" * 500, "invalid", None), ("<script>", "invalid", None), ([], "invalid", None),
])
def test_camera_parameters(raw, status, value):
    parsed = parse_camera(raw)
    assert (parsed.status, parsed.value) == (status, value)
