"""Text widths as the charts draw them: never under what Chromium lays out (a legend or title would be
cut), and not much over (room kept for rows a legend does not take)."""

import pytest

from figures.glyphs import text_px
from figures.theme import FONT

# getComputedTextLength() of legend texts (12 px, regular) and chart titles (16 px, bold) on the app's
# pages in Chromium, with the page's Source Sans and Noto Sans CJK SC, 2026-11-28
DRAWN = [
    ("feature 2", 12, False, 44.0),
    ("standardized", 12, False, 65.2),
    ("mean ± std of what is shown", 12, False, 140.3),
    ("running mean ± √running var (after)", 12, False, 177.8),
    ("PyTorch, momentum=None", 12, False, 137.9),
    ("inference mode (running statistics)", 12, False, 173.3),
    ("BN before the activation", 12, False, 120.7),
    ("15th percentile", 12, False, 75.3),
    ("1 · A mini-batch x (N, D) arrives", 16, True, 215.5),
    ("The mini-batch x", 16, True, 117.5),
    ("1 · 一个小批量 x (N, D) 到达", 16, True, 189.3),
    ("小批量 x", 16, True, 59.4),
    ("Share of saturated activations (sigmoid below 0.01 or above 0.99, |tanh| above 0.99), averaged over the layers",
     16, True, 768.0),
    ("饱和激活的占比（sigmoid 低于 0.01 或高于 0.99，|tanh| 高于 0.99），各层平均", 16, True, 551.0),
]


@pytest.mark.parametrize(("text", "size", "bold", "drawn"), DRAWN)
def test_estimates_cover_the_drawn_width_with_little_to_spare(text, size, bold, drawn):
    assert drawn <= text_px(text, size, bold=bold) <= 1.15 * drawn


def test_the_charts_ask_for_the_font_the_widths_were_measured_in():
    assert FONT.startswith('"Source Sans",')


def test_tags_and_combining_marks_take_no_room():
    assert text_px("<b>x̂</b><br>", 12) == text_px("x", 12)
