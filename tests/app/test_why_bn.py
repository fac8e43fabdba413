"""Chapter 6 through AppTest: every sentence that states an outcome agrees with the chart beside it,
diverged runs are labelled, never NaN, and the evidence card follows the experiments' numbers."""

from __future__ import annotations

import re

import numpy as np
import pytest

from bn_core.evidence import compare, noisy_verdict
from tests.app.conftest import open_page
from ui.i18n import Translator

EN = Translator("en")
NAMES = {v: EN(f"why.variant.{v}") for v in ("none", "before", "noisy", "decay")}


def text_of(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def figure_with(figures, title: str):
    return next(f for f in figures if any(a.get("text") == title for a in f.layout.get("annotations", [])))


@pytest.fixture(scope="module")
def default_page():
    """The default page in English, with every figure it drew (a module-wide spy on ui.charts.show)."""
    import ui.charts
    seen, real = [], ui.charts.show
    ui.charts.show = lambda fig, key, **kw: (seen.append(fig), real(fig, key, **kw))[1]
    try:
        at = open_page("why_bn", "en")
    finally:
        ui.charts.show = real
    return at, seen


def test_the_noisy_bn_sentence_agrees_with_the_curves_and_percentile_panels(default_page):
    at, figs = default_page
    curves = [f for f in figs if any(a.get("text") == EN("training.curves.acc")
                                     for a in f.layout.get("annotations", []))][-1]   # the last drawing: finished
    acc = {v: next(tr["y"][-1] for tr in curves.data if tr.get("name") == NAMES[v])
           for v in ("none", "before", "noisy")}
    pct = figure_with(figs, NAMES["noisy"])
    axes = {f"x{'' if i == 0 else i + 1}": v for i, v in enumerate(("none", "before", "noisy"))}
    drift = {}
    for v in axes.values():
        lines = [np.asarray(tr["y"]) for tr in pct.data if axes.get(tr.get("xaxis", "x")) == v]
        drift[v] = float(np.mean([y.max() - y.min() for y in lines]))
    text = text_of(at)
    for v in ("none", "before", "noisy"):
        assert f"{EN(f'why.variant.{v}')} {acc[v]:.1%}" in text
        assert f"{EN(f'why.variant.{v}')} {drift[v]:.3g}" in text
    verdict = noisy_verdict(acc, drift, dict.fromkeys(acc, False))
    assert EN(f"why.noisy.trains.{verdict.trains}") in text
    assert EN(f"why.noisy.stability.{verdict.stability}") in text
    kind = "against" if verdict.trains in ("close", "between") and verdict.stability == "less" else "unclear"
    assert EN(f"why.card.noisy.{kind}") in text


def medians(fig) -> dict[str, float]:
    """Per network, the median of the y values of all its lines in the figure."""
    return {v: float(np.median(np.concatenate([np.asarray(tr["y"], dtype=float) for tr in fig.data
                                               if tr.get("name") == NAMES[v]]))) for v in ("none", "before")}


def test_the_ics_sentence_agrees_with_its_charts(default_page):
    at, figs = default_page
    l2_fig, cos_fig = (f for f in figs if any(a.get("text") == EN("why.ics.layer", l=2)
                                               for a in f.layout.get("annotations", [])))
    l2, cos = medians(l2_fig), medians(cos_fig)
    text = text_of(at)
    assert EN("why.ics.numbers", l2_none=f"{l2['none']:.3g}", l2_bn=f"{l2['before']:.3g}",
              cos_none=f"{cos['none']:.4f}", cos_bn=f"{cos['before']:.4f}") in text
    assert EN(f"why.ics.l2_{compare(l2['before'], l2['none'])}") in text
    assert EN(f"why.ics.cos_{compare(1 - cos['before'], 1 - cos['none'])}") in text
    assert EN(f"why.card.ics.{compare(l2['before'], l2['none'])}") in text


def test_the_smoothness_sentence_agrees_with_the_beta_line(default_page):
    at, figs = default_page
    fig = figure_with(figs, EN("why.land.beta_panel"))
    beta = {v: float(np.median([y for tr in fig.data if tr.get("name") == NAMES[v] and tr.get("xaxis") == "x3"
                                for y in tr["y"]])) for v in ("none", "before")}
    text = text_of(at)
    assert EN("why.land.beta_numbers", none=f"{beta['none']:.3g}", bn=f"{beta['before']:.3g}") in text
    assert EN(f"why.land.beta_{compare(beta['before'], beta['none'])}") in text


def test_the_weight_norm_sentences_agree_with_the_chart(default_page):
    at, figs = default_page
    fig = figure_with(figs, EN("why.scale.norm_panel"))
    text = text_of(at)
    for v in ("before", "decay"):
        y = next(np.asarray(tr["y"]) for tr in fig.data if tr.get("name") == NAMES[v] and tr.get("xaxis", "x") == "x")
        moved = "grew" if y[-1] > y[0] * 1.01 else "shrank" if y[-1] < y[0] / 1.01 else "held"
        expected = EN(f"why.scale.norm_{moved}", name=NAMES[v], start=f"{y[0]:.3g}", end=f"{y[-1]:.3g}", eff0="@",
                      eff1="").split("@")[0]
        assert expected in text


def test_the_scale_table_shows_an_unchanged_loss_and_a_gradient_shrunk_by_c():
    at = open_page("why_bn", "en", wb_c="4")
    table = next(m.value for m in at.markdown if EN("why.scale.row_loss") in m.value)
    row = next(line for line in table.split("\n") if EN("why.scale.row_loss") in line)
    before, after = (float(c) for c in row.split("|")[2:4])
    assert before == pytest.approx(after, abs=1e-5)
    grad = next(line for line in table.split("\n") if "‖∇L‖" in line)
    g1, g4 = (float(c) for c in grad.split("|")[2:4])
    assert g1 / g4 == pytest.approx(4.0, rel=1e-3)


def test_noise_strength_zero_is_plain_bn_and_the_page_says_it_separates_nothing():
    at = open_page("why_bn", "en", wb_noise="0")
    text = text_of(at)
    assert EN("why.noisy.trains.close") in text and EN("why.noisy.stability.similar") in text
    assert EN("why.card.noisy.unclear") in text


def test_a_learning_rate_that_blows_up_is_labelled_and_no_nan_is_shown():
    at = open_page("why_bn", "en", wb_lr="10")
    assert not at.exception and not at.error
    warned = [w.value for w in at.warning]
    assert any(NAMES["none"] + ":" in w for w in warned)
    for w in warned:
        step = int(re.search(r"step (\d+)", w).group(1))
        assert step >= 1                              # where it blew up, not the last record (step 0)
    shown = text_of(at) + "".join(w.value for w in at.warning) + "".join(i.value for i in at.info)
    assert not re.search(r"\bnan\b|\binf\b", shown, re.IGNORECASE)


def test_the_sweep_sentence_names_the_largest_finite_learning_rate_of_its_chart(sent_figures):
    at = open_page("why_bn", "en", wb_sweep="true", wb_steps="100")
    fig = figure_with(sent_figures, EN("why.lr.sweep_panel"))
    best = {v: max(tr["x"]) for v in ("none", "before") for tr in fig.data
            if tr.get("name") == NAMES[v] and tr.get("mode") == "lines+markers" and len(tr["x"])}
    text = text_of(at)
    assert EN("why.lr.best", none=f"{best['none']:g}", bn=f"{best['before']:g}", steps=100) in text
    assert EN(f"why.card.lr.{compare(best['before'], best['none'], similar=1.0001)}") in text


def test_the_depth_sentence_follows_the_initialization():
    grows = text_of(open_page("why_bn", "zh", wb_act="relu", wb_init="2"))
    t = Translator("zh")
    assert t("why.lr.spread_grows").split("{")[0] in grows
    shrinks = text_of(open_page("why_bn", "zh", wb_act="relu", wb_init="0.5"))
    assert t("why.lr.spread_shrinks").split("{")[0] in shrinks
