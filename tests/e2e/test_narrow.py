"""Every page on a 1024 × 768 screen (a classroom projector), in both languages: nothing cut short,
nothing drawn over something else, nothing spilling out of its column, no legend cut off at the top
of its chart, no Chinese word in a table broken over two lines, no table so wide that it has to
scroll, no Chinese table much wider than its English twin; and on a laptop just wider than where
columns holding tables stack, the same tables whole."""

from __future__ import annotations

import pytest

from tests.e2e.views import LAPTOP, PATHS, PROJECTOR

# and the states whose formulas and tables a page's first view does not show: chapter 3's steps 2-5
STATES = [*PATHS, *(f"bn-layer?bn_step={k}" for k in (2, 3, 4, 5)), "bn-layer?bn_step=5&bn_conv=keras"]
# Chinese is the more compact script: a table that is much wider in Chinese has long headings
# that cannot break (cells break Chinese only at spaces, punctuation and \u200b, see CJK_WORDS)
ZH_TABLE_SLACK = 1.15


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", STATES)
def test_a_projector_sized_page_cuts_overlaps_and_spills_nothing(views, lang, path):
    found = views.at(PROJECTOR, path, lang)["checks"]
    assert found["charts"] > 0
    for check in ("cut", "overlaps", "spills", "broken", "legends", "squeezed", "exceptions"):
        assert found[check] == [], (check, found[check])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_a_laptop_page_just_wider_than_the_stacking_point_squeezes_no_table(views, lang, path):
    found = views.at(LAPTOP, path, lang)["checks"]
    assert found["width"] == LAPTOP and found["charts"] > 0
    assert found["squeezed"] == []
    assert found["broken"] == []


@pytest.mark.parametrize("path", PATHS)
def test_a_projector_sized_chinese_table_is_not_much_wider_than_the_english_one(views, path):
    widths = {lang: views.at(PROJECTOR, path, lang)["checks"]["widths"] for lang in ("en", "zh")}
    assert len(widths["zh"]) == len(widths["en"])
    assert [zh for en, zh in zip(widths["en"], widths["zh"], strict=True) if zh > ZH_TABLE_SLACK * en] == []
