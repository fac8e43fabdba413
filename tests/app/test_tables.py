"""Small tables as Markdown: cells shown as written (escaped), numbers right-aligned, real values."""

from __future__ import annotations

import re

import numpy as np
import pytest

from bn_core.features import FeatureSpec, make_features
from tests.app.conftest import open_page
from tests.tables import parse, tables, value
from ui.i18n import Translator, Verbatim
from ui.tables import markdown, number

HOSTILE = ["**bold**", "a | b", "$x^2$", "<script>alert(1)</script>", "[link](javascript:alert(1))",
           "![img](http://example.com/x.png)", "_under_", "`code`", "~~strike~~", "back\\slash", "a\nb",
           "&lt;", "中文 | 特征", ""]


def test_any_text_comes_back_as_written_and_nothing_is_left_unescaped():
    text = markdown({"name": HOSTILE, "n": [str(k) for k in range(len(HOSTILE))]})
    table = parse(text)
    assert table["name"] == [" ".join(h.split()) for h in HOSTILE] and table["n"] == [str(k) for k in
                                                                                      range(len(HOSTILE))]
    for line in text.split("\n")[2:]:
        cells = line[2:-2]                     # without the row's outer "| " and " |"
        # every markup character is escaped; the only bare "|" are the 1 cell separator per row
        bare = [c for k, c in enumerate(cells) if c in "\\`*_[]<>|$~!&" and (k == 0 or cells[k - 1] != "\\")
                and not (c == "\\" and k + 1 < len(cells))]
        assert bare == ["|"], (line, bare)


def test_numbers_are_right_aligned_and_text_left():
    text = markdown({"feature": ["x1", "x2"], "mean": ["1,234.5", "-0.001"], "exp": ["1.000e-05", "∞"]})
    assert text.split("\n")[1] == "| :--- | ---: | ---: |"


def test_numbers_get_a_real_minus_sign_and_text_keeps_its_hyphens():
    table = parse(markdown({"name": ["x1-x2", "-1 and 2"], "v": ["-0.001", "-3.7e-16"]}))
    assert table == {"name": ["x1-x2", "-1 and 2"], "v": ["\u22120.001", "\u22123.7e\u221216"]}
    assert parse(markdown({"column": [Verbatim("-5")], "v": ["-5"]})) == {"column": ["-5"], "v": ["\u22125"]}


@pytest.mark.parametrize(("v", "shown"), [(float("nan"), "—"), (float("inf"), "∞"), (-float("inf"), "−∞"),
                                          (0.000123456789, "0.00012346")])
def test_number_formatting(v, shown):
    assert number(v, "%.5g") == shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chapter_one_table_shows_the_data_it_describes(lang):
    t = Translator(lang)
    at = open_page("inputs", lang, d_n="300", d_seed="7")
    x = make_features(FeatureSpec(n=300, seed=7))
    table = tables(at)[0]
    raw = [k for k, stage in enumerate(table[t("inputs.table.stage")]) if stage == t("inputs.table.raw")]
    means = [value(table[t("inputs.table.mean")][k]) for k in raw]
    maxima = [value(table[t("inputs.table.max")][k]) for k in raw]
    np.testing.assert_allclose(means, x.mean(axis=0)[:2], rtol=1e-4)
    np.testing.assert_allclose(maxima, x.max(axis=0)[:2], rtol=1e-4)


def test_chapter_three_tables_have_a_row_per_feature_or_channel():
    t = Translator("en")
    at = open_page("bn_layer", "en", bn_d="5", bn_img_c="4")
    per_row = [tb for tb in tables(at) if t("common.feature_col") in tb]
    image = [tb for tb in per_row if t("layer.col.mean_y") in tb]
    features = [tb for tb in per_row if t("layer.col.mean_y") not in tb]
    assert len(image) == 1 and image[0][t("common.feature_col")] == ["1", "2", "3", "4"]
    # the step table, and under the hood the backward sums and dγ, dβ
    assert len(features) == 3 and all(tb[t("common.feature_col")] == ["1", "2", "3", "4", "5"] for tb in features)
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chapter_one_explains_why_standardized_means_and_variances_are_not_exactly_0_and_1(lang):
    """The note under the table quotes a standardized mean (0 up to rounding) and the variance
    furthest from 1, which is σ²/(σ² + ε) for the feature whose raw variance is smallest."""
    t = Translator(lang)
    at = open_page("inputs", lang, d_n="300", d_seed="7")
    x = make_features(FeatureSpec(n=300, seed=7))
    eps = 1e-5
    pattern = re.escape(t("inputs.table.note", mean="MEAN", var="VAR", eps=f"{eps:g}"))
    pattern = pattern.replace("MEAN", r"(\S+?)").replace("VAR", r"(\S+?)")
    found = [m for c in at.caption if (m := re.fullmatch(pattern, c.value))]
    assert len(found) == 1, [c.value for c in at.caption]
    table = tables(at)[0]
    standardized = [k for k, stage in enumerate(table[t("inputs.table.stage")]) if stage == t("inputs.table.std")]
    assert found[0].group(1) in [table[t("inputs.table.mean")][k] for k in standardized]   # the table's own
    mean, var = (value(v) for v in found[0].groups())
    assert abs(mean) < 1e-12                                              # rounding, not a real offset
    assert var < 1
    assert var == pytest.approx(min(x.var(axis=0)[:2] / (x.var(axis=0)[:2] + eps)), rel=1e-4)
