"""URL values for numeric controls: accepted, clamped or rejected."""

import pytest

from ui.params import parse_number


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
