"""ui.lesson_codec: a lesson survives its link, and nothing in a hostile link gets through."""

import base64
import json

import pytest

from ui.lesson_codec import MAX_NOTE, MAX_VIEWS, View, decode, encode, parse_step, view_of

PATHS = {"", "inputs", "loss-surface"}


def b64(obj) -> str:
    return "v1." + base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def test_round_trip_keeps_order_settings_and_notes():
    views = (View("inputs", (("d_x2", "0.01"),), "Look at the ranges — 看范围"),
             View("loss-surface", (("ls_ratio", "1000"),)), View("", ()))
    assert decode(encode(views), PATHS).views == views


def test_view_of_leaves_out_the_apps_own_keys_and_sorts():
    v = view_of("inputs", {"lang": "zh", "lesson": "x", "lstep": "2", "d_x2": "0.01", "d_n": "500"}, "  hi  ")
    assert v == View("inputs", (("d_n", "500"), ("d_x2", "0.01")), "hi")


@pytest.mark.parametrize(("raw", "reason"), [
    ("garbage", "format"), ("v1.", "format"), ("v1.!!!", "format"), (b64({"p": "inputs"}), "format"),
    (b64([]), "empty"), (b64([{"p": "nowhere"}]), "page"), (b64([{"p": 3}]), "format"),
    (b64([{"p": "inputs", "q": ["a"]}]), "format"), (b64([{"p": "inputs", "n": 5}]), "format"),
    ("v1." + "A" * 9000, "long"), (None, "long"),
    (b64([{"p": "inputs", "q": {f"k{i}": "1" for i in range(41)}}]), "format"),
])
def test_hostile_links_are_refused_with_a_reason(raw, reason):
    d = decode(raw, PATHS)
    assert d.views is None and d.reason == reason


def test_odd_settings_and_long_notes_are_tamed():
    d = decode(b64([{"p": "inputs", "q": {"d_n": 5, "lang": "zh", "x" * 65: "1", "ok": "2"}, "n": "é" * 500}]), PATHS)
    (v,) = d.views
    assert v.params == (("ok", "2"),)
    assert len(v.note) == MAX_NOTE and v.note.endswith("…")


def test_at_most_max_views_are_read():
    d = decode(b64([{"p": "inputs"}] * (MAX_VIEWS + 5)), PATHS)
    assert len(d.views) == MAX_VIEWS


def test_the_last_of_repeated_values_is_read():
    assert decode(["garbage", encode((View("inputs"),))], PATHS).views == (View("inputs"),)


@pytest.mark.parametrize(("raw", "n", "expected"), [
    (None, 3, (0, False)), ("2", 3, (1, False)), ("3", 3, (2, False)), ("9", 3, (2, True)), ("0", 3, (0, True)),
    ("-4", 3, (0, True)), ("abc", 3, (0, True)), (["1", "2"], 3, (1, False)),
])
def test_parse_step(raw, n, expected):
    assert parse_step(raw, n) == expected
