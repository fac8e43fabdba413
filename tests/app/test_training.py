"""Chapter 5 through AppTest: the paper preset, the comparison, divergence, sweeps."""

from __future__ import annotations

import json

import pytest

from figures.distributions import MAX_FRAMES as DIST_FRAMES
from tests.app.conftest import open_page
from ui.i18n import Translator
from ui.training_controls import PAPER


def test_paper_preset_sets_the_papers_network():
    at = open_page("training", "en", tr_act="relu", tr_depth="1", tr_width="8")
    next(b for b in at.button if b.label == Translator("en")("training.ctl.paper")).click().run()
    assert at.selectbox(key="tr_act").value == PAPER["tr_act"] == "sigmoid"
    assert at.slider(key="tr_depth").value == 3
    assert at.select_slider(key="tr_width").value == 100
    assert at.select_slider(key="tr_batch").value == 60
    assert at.checkbox(key="tr_cmp_none").value and at.checkbox(key="tr_cmp_before").value
    assert not at.exception


def card(at) -> str:
    """The text of the card under the percentile plot."""
    return next(m.value for m in at.markdown if m.value.startswith(("**What differs", "**与论文不同")))


def test_the_paper_card_says_what_matches_the_paper_and_what_does_not():
    """The card under the percentile plot compares the networks on screen with the paper's: the preset
    matches it in all but the data and the length; every setting moved away from it is named."""
    at = open_page("training", "en")
    next(b for b in at.button if b.label == Translator("en")("training.ctl.paper")).click().run()
    differs, same = card(at).split("**As in the paper:**")
    assert "8×8 digits" in differs and "500 steps instead of 50,000" in differs
    for setting in ("3 hidden layers of 100 sigmoid units", "batch 60", "plain SGD", "cross-entropy"):
        assert setting in same and setting not in differs
    at = open_page("training", "en", tr_data="moons", tr_depth="6", tr_width="32", tr_act="relu", tr_batch="8",
                   tr_mom="0.9", tr_loss="mse", tr_steps="100", tr_lr="10")
    text = card(at)
    assert "As in the paper" not in text
    for setting in ("two moons", "100 steps", "6 hidden layers of 32 ReLU units", "batch 8 instead of 60",
                    "momentum 0.9", "mean squared error", "Learning rate 10;"):
        assert setting in text, setting
    zh = card(open_page("training", "zh", tr_act="tanh"))
    assert "3 个各含 100 个 tanh 单元的隐藏层" in zh.split("**与论文相同之处**")[0]


def test_all_three_variants_can_be_compared():
    at = open_page("training", "en", tr_cmp_after="true", tr_steps="100")
    assert at.checkbox(key="tr_cmp_after").value
    t = Translator("en")
    accuracy = next(c.value for c in at.caption if c.value.startswith(t("training.curves.caption", acc="")[:20]))
    for v in ("none", "before", "after"):
        assert t(f"training.variant.{v}") in accuracy


def test_a_run_that_blows_up_is_labelled():
    at = open_page("training", "zh", tr_lr="10", tr_init="8", tr_steps="100")
    assert len(at.warning) >= 1
    assert not at.exception


def test_no_variant_chosen_falls_back_with_a_note():
    at = open_page("training", "en", tr_cmp_none="false", tr_cmp_before="false", tr_steps="50")
    assert [i.value for i in at.info] == [Translator("en")("training.ctl.none_chosen")]


def test_sweeps_run_and_draw():
    at = open_page("training", "en", tr_sweep="true", tr_steps="100", tr_data="moons")
    assert not at.exception
    assert any(Translator("en")("training.sweep.caption") == c.value for c in at.caption)


@pytest.mark.parametrize("total", [100, 1000])
def test_the_recorded_step_slider_reads_in_training_steps(total):
    """The slider picks a record (?tr_rec= is its index) but shows the training step it was taken
    at: evenly spaced from 0, then the last step; few enough records that the distributions animation
    has a frame for each. It is the animation's one step control: the chart has no slider of its own."""
    at = open_page("training", "zh", tr_steps=str(total), tr_rec="3")
    rec = at.select_slider(key="tr_rec")
    steps = [int(s) for s in rec.options]
    every = steps[1]
    assert steps[0] == 0 and rec.options[-1] == str(total) and every > 1
    assert steps[:-1] == list(range(0, total, every))
    assert len(steps) <= DIST_FRAMES
    assert rec.value == 3 and rec.options[rec.value] == str(3 * every)
    assert rec.label == Translator("zh")("training.dist.record")
    alt = Translator("zh")("alt.training_dist")
    dist = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.proto.alt == alt)
    assert [f["name"] for f in dist["frames"]] == [str(k) for k in range(len(steps))]   # a frame per record
    assert "sliders" not in dist["layout"]
    assert not at.exception
