"""Colour words in the text are the colours drawn (issue 32).

A sentence that says "the red line" beside an orange line is wrong for every reader. So the catalogs
name no colour by hand: a text writes {colour_<role>}, the translator fills in the word for that
role's colour (figures.theme.ROLES), and the word for each theme colour lives in one [colour] table.
These tests check the three links of that chain: no stray colour words, each word is its colour's
hue (by the colour's own HSV, computed here), and the traces the pages draw for a role have the
role's colour."""

from __future__ import annotations

import colorsys
import re
import string

import pytest

from figures.theme import OKABE_ITO, ROLES
from tests.app.conftest import open_page
from ui import i18n

EN_WORDS = r"\b(red|orange|yellow|green|blue|purple|violet|pink|magenta|cyan|teal|brown|grey|gray|black)\b"
ZH_WORDS = r"[红橙黄绿蓝紫粉灰棕黑青]"
COLOUR_WORDS = {"en": re.compile(EN_WORDS, re.IGNORECASE), "zh": re.compile(ZH_WORDS)}

# basic colour terms by hue band (degrees), for saturated colours; a colour of low saturation is grey
HUE_BANDS = (("red", "红", 345, 15), ("orange", "橙", 15, 45), ("yellow", "黄", 45, 70),
             ("green", "绿", 70, 170), ("blue", "蓝", 170, 260), ("purple", "紫", 260, 300),
             ("pink", "粉", 300, 345))


def basic_term(hex_colour: str) -> tuple[str, str]:
    """(English, Chinese) basic colour term of a '#RRGGBB' colour from its hue and saturation."""
    r, g, b = (int(hex_colour[i: i + 2], 16) / 255 for i in (1, 3, 5))
    h, s, _ = colorsys.rgb_to_hsv(r, g, b)
    if s < 0.15:
        return "grey", "灰"
    deg = h * 360
    for en, zh, lo, hi in HUE_BANDS:
        if (lo <= deg < hi) if lo < hi else (deg >= lo or deg < hi):
            return en, zh
    raise AssertionError(deg)


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_no_text_names_a_colour_by_hand(lang):
    stray = {k: v for k, v in i18n.catalog(lang).items()
             if not k.startswith("colour.") and COLOUR_WORDS[lang].search(v)}
    assert not stray


def test_the_check_finds_a_colour_word_put_back():
    assert COLOUR_WORDS["en"].search("the one on the red line")
    assert COLOUR_WORDS["zh"].search("就是红线上的那个")


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_every_colour_field_names_a_role_and_is_filled(lang):
    t = i18n.Translator(lang)
    for key, text in i18n.catalog(lang).items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name and name.startswith("colour_")}
        assert fields <= {f"colour_{r}" for r in ROLES}, (key, fields)
        if fields:
            assert "{colour_" not in t(key, **{n: 1 for _, n, _, _ in string.Formatter().parse(text) if n})


@pytest.mark.parametrize("name", OKABE_ITO)
def test_each_colour_word_is_that_colours_hue(name):
    en, zh = basic_term(OKABE_ITO[name])
    assert en in i18n.Translator("en")(f"colour.{name}"), (name, en)
    assert zh in i18n.Translator("zh")(f"colour.{name}"), (name, zh)


def test_the_hue_check_rejects_red_for_vermillion():
    assert basic_term(OKABE_ITO["vermillion"])[0] != "red"
    assert basic_term("#D00000") == ("red", "红")


def _line_colour(trace: dict) -> str | None:
    return (trace.get("line") or {}).get("color")


def _traces(figures, name):
    return [tr for fig in figures for tr in fig.data if tr.get("name") == name]


def test_chapter_2_draws_the_path_and_gradient_parts_in_their_roles_colours(sent_figures):
    t = i18n.Translator("en")
    open_page("loss_surface", "en", ls_3d="true")
    for label, role in (("surface.fig.path", "descent_path"), ("surface.fig.steep", "steep_part"),
                        ("surface.fig.gentle", "gentle_part")):
        traces = _traces(sent_figures, t(label))
        assert traces and {_line_colour(tr) for tr in traces} == {OKABE_ITO[ROLES[role]]}, role
    paths3d = [tr for fig in sent_figures for tr in fig.data if tr.get("type") == "scatter3d"]
    assert paths3d and {_line_colour(tr) for tr in paths3d} == {OKABE_ITO[ROLES["descent_path"]]}


def test_chapter_3_outlines_the_column_and_cell_in_their_roles_colours(sent_figures):
    open_page("bn_layer", "en")
    heatmaps = [fig for fig in sent_figures if fig.data and fig.data[0].get("type") == "heatmap"
                and fig.layout.get("shapes")]
    shapes = heatmaps[0].layout["shapes"]
    assert shapes[0]["line"]["color"] == OKABE_ITO[ROLES["feature_column"]]
    assert shapes[1]["line"]["color"] == OKABE_ITO[ROLES["traced_cell"]]
    assert ROLES["feature_column"] != ROLES["traced_cell"]   # told apart on a projector


def test_chapter_4_draws_the_inference_line_in_its_roles_colour(sent_figures):
    open_page("running_stats", "en")
    traces = _traces(sent_figures, i18n.Translator("en")("running.infer.inference"))
    assert traces and {_line_colour(tr) for tr in traces} == {OKABE_ITO[ROLES["inference_line"]]}
