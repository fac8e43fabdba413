"""Chapter 7 through AppTest: the cube lights the right cells, the text agrees with the charts."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.conftest import open_page
from ui.i18n import Translator
from ui.norm_family.cache import SWEEP_BATCHES

EN = Translator("en")


def cube(figures):
    return next(f for f in figures if f.data and f.data[0].get("type") == "scatter3d")


@pytest.mark.parametrize(("method", "groups", "expected"), [
    ("bn", "2", 4 * 2 * 2),        # N·H·W for the default N = 4, H = W = 2
    ("ln", "2", 6 * 2 * 2),        # C·H·W, C = 6
    ("in", "2", 2 * 2),            # H·W
    ("gn", "3", 2 * 2 * 2),        # C/G·H·W with G = 3
])
def test_the_cube_lights_the_cells_that_share_the_chosen_cells_statistics(sent_figures, method, groups, expected):
    at = open_page("norm_family", "en", nf_method=method, nf_groups=groups)
    fig = cube(sent_figures)
    other, shared, chosen = (len(tr["x"]) for tr in fig.data)
    assert shared + chosen == expected and other + shared + chosen == 4 * 6 * 2 * 2
    assert f"**{expected}**" in next(m.value for m in at.markdown if "is normalized with the mean" in m.value)


def test_only_bn_moves_with_the_batchmates_and_the_page_says_so(sent_figures):
    at = open_page("norm_family", "en")
    fig = next(f for f in sent_figures if f.data and f.data[0].get("type") == "box")
    spread = {tr["name"]: float(np.std(tr["y"])) for tr in fig.data}
    moved = [name for name, s in spread.items() if s > 1e-9]
    assert moved == [EN("norm.method.bn")]
    readout = next(m.value for m in at.markdown if m.value.startswith("Over "))
    assert f"**{spread[EN('norm.method.bn')]:.3g}**" in readout and f"**{EN('norm.method.bn')}**" in readout


def test_a_batch_of_one_is_refused_only_by_bn():
    at = open_page("norm_family", "zh")
    t = Translator("zh")
    table = next(m.value for m in at.markdown if t("norm.one.outcome") in m.value)
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in table.split("\n")[2:]}
    assert rows[t("norm.method.bn")] == t("norm.one.refused")
    assert rows[t("norm.method.in")] == t("norm.one.degenerate")          # one value per statistic
    assert {rows[t(f"norm.method.{m}")] for m in ("ln", "gn", "rms")} == {t("norm.one.ok")}


def test_a_group_count_that_does_not_divide_c_falls_back_with_a_notice():
    at = open_page("norm_family", "en", nf_c="5", nf_groups="2")
    assert at.select_slider(key="nf_groups").value == 1
    assert any(EN("common.url_unknown", label=EN("norm.ctl.groups")) in c.value for c in at.caption)


def test_the_sweep_sentence_agrees_with_its_chart(sent_figures):
    at = open_page("norm_family", "en", nf_sweep="true")
    fig = next(f for f in sent_figures if f.layout.get("xaxis", {}).get("type") == "log"
               and any(tr.get("name") == EN("norm.method.gn") for tr in f.data))
    at2 = {tr["name"]: dict(zip(tr["x"], tr["y"], strict=True)) for tr in fig.data if tr.get("mode") == "lines+markers"}
    bn, others = at2[EN("norm.method.bn")][2], [at2[EN(f"norm.method.{m}")][2] for m in ("brn", "gn", "ln")]
    lines = next(m.value for m in at.markdown if m.value.startswith("- At batch 2"))
    key = "norm.sweep.bn_hurt" if bn > 1.5 * min(others) else "norm.sweep.bn_fine"
    assert EN(key, ratio="@").split("@")[0] in lines
    assert f"{EN('norm.method.gn')} {at2[EN('norm.method.gn')][SWEEP_BATCHES[0]]:.1%}" in lines
