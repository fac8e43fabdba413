"""Predict, then reveal: every question of every chapter answered with each of its choices, in both
languages; the verdict names one choice, the explanation cites numbers the page computed, the
progress line counts first answers, and the skip switch hides every question."""

from __future__ import annotations

import re

import numpy as np
import pytest

from bn_core.features import FeatureSpec, make_features
from tests.app.conftest import client_slider, open_page, set_client
from ui import checkpoint
from ui.i18n import Translator

CHAPTERS = ("inputs", "loss_surface", "bn_layer", "running_stats", "training", "why_bn", "norm_family")

# Questions whose answer is a mathematical fact, whatever the settings: the index of the right choice.
FACTS = {
    ("inputs", "moments"): 0,      # standardized: mean 0, sd 1
    ("inputs", "corr"): 1,         # a correlation is invariant under per-feature affine maps
    ("loss_surface", "large"): 2,  # lr > 2/λmax on a quadratic diverges
    ("bn_layer", "affine"): 1,     # y = γx̂ + β: mean β, sd |γ|
    ("bn_layer", "pair"): 1,       # two samples: x̂ = ±σ/√(σ²+ε)
    ("running_stats", "single"): 1,  # a batch of one normalizes to 0
    ("why_bn", "scale"): 0,        # BN makes W₁ scale invariant: same loss, gradient / c
    ("norm_family", "rms"): 0,     # RMSNorm does not subtract the mean
    ("norm_family", "mates"): 0,   # only BN's statistics cross samples
}


def verdict_of(at, options: list[str], t: Translator) -> tuple[bool, int]:
    """(answered right, index of the choice the page called right), read from its success/warning box."""
    for k, label in enumerate(options):
        if any(s.value == t("check.right", answer=label) for s in at.success):
            return True, k
        if any(w.value == t("check.wrong", answer=label) for w in at.warning):
            return False, k
    raise AssertionError(f"no verdict naming one of {options}")


def reveal_text(at, page: str, name: str, t: Translator) -> str:
    """The explanation's markdown: the one that starts as the catalog's text does, before its first number."""
    lead = t(f"check.{page}.{name}.why").split("{")[0]
    found = [m.value for m in at.markdown if m.value.startswith(lead)]
    assert found, f"{page}/{name}: no explanation starting {lead!r}"
    return found[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", CHAPTERS)
def test_every_question_can_be_answered_right_and_wrong(page, lang):
    at = open_page(page, lang)
    t = Translator(lang)
    names = checkpoint.names(page)
    assert 2 <= len(names) <= 3, f"{page} asks {len(names)} questions"
    right_first = 0
    for name in names:
        key = f"cp_{page}_{name}"
        options = list(at.radio(key=key).options)
        lead = t(f"check.{page}.{name}.why").split("{")[0]
        assert not [m for m in at.markdown if m.value.startswith(lead)], f"{page}/{name}: revealed before answering"
        seen = []
        for k in range(len(options)):
            at.radio(key=key).set_value(k).run()
            assert not at.exception, [e.value for e in at.exception]
            seen.append(verdict_of(at, options, t))
            text = reveal_text(at, page, name, t)
            assert re.search(r"\d", text), f"{page}/{name}: the explanation cites no number: {text}"
            assert "{" not in text, f"{page}/{name}: unformatted field in {text}"
        named = {k for _, k in seen}
        assert len(named) == 1, f"{page}/{name}: the verdict changed with the answer: {seen}"
        right = named.pop()
        assert [ok for ok, _ in seen] == [k == right for k in range(len(options))]
        if (page, name) in FACTS:
            assert right == FACTS[page, name], f"{page}/{name}: called {options[right]!r} right"
        right_first += right == 0
    progress = [c.value for c in at.sidebar.caption if c.value.endswith(
        t("check.progress", answered=len(names), total=len(names), right=right_first))]
    assert progress, [c.value for c in at.sidebar.caption]


def test_the_skip_switch_hides_every_question_and_the_progress_line():
    at = open_page("inputs", "en")
    assert [r.key for r in at.radio if r.key and r.key.startswith("cp_inputs_")]
    at.toggle(key=checkpoint.SKIP).set_value(True).run()
    assert not [r.key for r in at.radio if r.key and r.key.startswith("cp_inputs_")]
    assert not any("questions" in c.value for c in at.sidebar.caption)
    at.switch_page("chapters/bn_layer.py").run()   # the switch holds across pages
    assert not [r.key for r in at.radio if r.key and r.key.startswith("cp_")]


def test_a_reveal_cites_the_page_data_and_follows_its_settings():
    """Chapter 1's explanation gives x2's mean and sd as computed here from the same data; another
    range gives other numbers."""
    at = open_page("inputs", "en")
    at.radio(key="cp_inputs_moments").set_value(3).run()
    for scale in (1.0, 0.001):
        if scale != 1.0:
            at.select_slider(key="d_x2").set_value(scale).run()
        x2 = make_features(FeatureSpec(x2_scale=scale))[:, 1]
        text = reveal_text(at, "inputs", "moments", Translator("en"))
        assert f"mean {x2.mean():,.6g} and standard deviation {x2.std():,.6g}" in text, text


def test_the_step_count_follows_the_spread_ratio():
    """Chapter 2: a wider canyon needs more steps, and the numbers in the explanation say so."""
    at = open_page("loss_surface", "en")
    at.radio(key="cp_loss_surface_steps").set_value(0).run()
    counts = []
    for ratio in (10, 100):
        set_client(at, "ls_ratio", ratio)
        text = reveal_text(at, "loss_surface", "steps", Translator("en"))
        canyon, bowl = (float(v.replace(",", "")) for v in
                        re.search(r"about ([\d,]+) steps and the bowl ([\d,]+)", text).groups())
        counts.append(canyon / bowl)
    assert counts[1] > 50 * counts[0]   # κ grows with the square of the ratio


def test_set_the_lab_applies_the_question_settings():
    at = open_page("loss_surface", "en")
    at.radio(key="cp_loss_surface_large").set_value(2).run()
    next(b for b in at.button if b.key == "cp_show_loss_surface_large").click().run()
    assert client_slider(at, "ls_lr")["value"] == 1.1
    assert client_slider(at, "ls_mom")["value"] == 0.0
    assert not at.exception


def test_scale_question_uses_the_pages_c():
    at = open_page("why_bn", "en")
    at.select_slider(key="wb_c").set_value(4.0).run()
    at.radio(key="cp_why_bn_scale").set_value(0).run()
    text = reveal_text(at, "why_bn", "scale", Translator("en"))
    ratio = float(re.search(r"shrinks by a factor ([\d.]+)", text).group(1))
    assert np.isclose(ratio, 4.0, rtol=1e-3), text

