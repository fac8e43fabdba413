"""Chapter 3 behaviour through AppTest: undo BN, conventions, new batch, steps, URL state."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import MiniBatchSpec, make_minibatch
from figures.diagram import box_text
from tests.app.conftest import client_slider, open_page
from ui.i18n import Translator


def cell_formula(at) -> str:
    """The cell's formula without its aligned wrapper: 'y_{1,1} &= ... = value'."""
    bodies = (x.value.strip("$\n").removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}").strip()
              for x in at.latex)
    return next(body for body in bodies if body.startswith("y_{"))


def test_undo_bn_makes_output_equal_input():
    at = open_page("bn_layer", "en")
    next(b for b in at.button if b.label == "Undo BN").click().run()
    x = make_minibatch(MiniBatchSpec(n=32, d=3, seed=0))
    eps = 1e-5
    def value(key):    # every γ and β is a slider of the five-steps chart, answered in the browser
        return client_slider(at, key)["value"]
    for j in range(3):
        assert value(f"bn_g{j + 1}") == pytest.approx(np.sqrt(x[:, j].var() + eps), rel=1e-12)
        assert value(f"bn_b{j + 1}") == pytest.approx(x[:, j].mean(), rel=1e-12)
    formula = cell_formula(at)
    assert formula.endswith(f"= {x[0, 0]:.4g}") or formula.endswith(f"= ({x[0, 0]:.4g})")
    next(b for b in at.button if b.label == "γ = 1, β = 0").click().run()
    assert value("bn_g1") == 1.0 and value("bn_b1") == 0.0 and value("bn_g2") == 1.0 and value("bn_b3") == 0.0


def test_switching_to_keras_loads_its_defaults():
    at = open_page("bn_layer", "en")
    at.radio(key="bn_conv").set_value("keras").run()
    assert at.slider(key="bn_mom").value == pytest.approx(0.99)
    assert at.select_slider(key="bn_eps").value == pytest.approx(1e-3)


def test_new_batch_changes_the_seed_and_the_numbers():
    at = open_page("bn_layer", "en")
    before = cell_formula(at)
    next(b for b in at.button if b.label == "New batch").click().run()
    assert at.number_input(key="bn_seed").value == 1
    assert cell_formula(at) != before


def test_prev_next_walk_the_steps_and_show_each_formula():
    at = open_page("bn_layer", "en")
    assert at.select_slider(key="bn_step").value == 1
    for expected in (2, 3, 4, 5):
        at.button(key="bn_step_next").click().run()
        assert at.select_slider(key="bn_step").value == expected
    assert at.button(key="bn_step_next").disabled
    assert any(r"\tfrac{N}{N-1}" in x.value for x in at.latex)  # PyTorch: unbiased running var
    at.button(key="bn_step_prev").click().run()
    assert at.select_slider(key="bn_step").value == 4


def test_keras_step_five_uses_the_biased_variance():
    at = open_page("bn_layer", "en", bn_step="5", bn_conv="keras")
    running = [x.value for x in at.latex if r"\leftarrow" in x.value]
    assert running and r"\tfrac{N}{N-1}" not in running[0] and r"\alpha\,\hat{\mu}_j" in running[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_link_values_out_of_range_are_clamped_with_a_notice(lang):
    t = Translator(lang)
    at = open_page("bn_layer", lang, bn_n="999", bn_d="abc", bn_conv="caffe", bn_step="3")
    assert at.slider(key="bn_n").value == 256
    assert at.slider(key="bn_d").value == 3
    assert at.radio(key="bn_conv").value == "pytorch"
    assert at.select_slider(key="bn_step").value == 3
    captions = " ".join(c.value for c in at.caption)
    assert t("common.url_clamped", label=t("layer.ctl.n"), lo=2, hi=256, value=256) in captions
    assert t("common.url_invalid", label=t("layer.ctl.d")) in captions
    assert t("common.url_unknown", label=t("common.bn.convention")) in captions


def test_unknown_language_falls_back_with_a_notice():
    at = open_page("home", "fr")
    assert at.title[0].value == Translator("en")("home.title")
    assert any(Translator("en")("common.bad_lang") in c.value for c in at.sidebar.caption)


def test_language_survives_a_page_change():
    at = open_page("home", "zh")
    at.switch_page("chapters/bn_layer.py").run()
    assert at.title[0].value == Translator("zh")("layer.title")


def test_image_case_with_one_value_per_channel_explains_instead_of_failing():
    at = open_page("bn_layer", "en", bn_img_n="1", bn_img_h="1", bn_img_w="1")
    assert any("cannot be normalized" in w.value for w in at.warning)
    assert not at.exception


def test_gradient_check_passes_on_the_default_batch_and_the_smallest():
    for n in ("32", "2"):
        at = open_page("bn_layer", "en", bn_n=n)
        assert [s.value for s in at.success] == [Translator("en")("layer.back.check_ok")]


def test_share_box_holds_the_link_with_the_settings():
    at = open_page("bn_layer", "zh", bn_n="40")
    links = [c.value for c in at.sidebar.code]
    assert len(links) == 1 and "lang=zh" in links[0] and "bn_n=40" in links[0]


def test_the_cached_diagram_follows_the_language():
    """The diagram is built once per language and shared: each language still gets its own labels."""
    import json

    for lang in ("en", "zh", "en"):
        at = open_page("bn_layer", lang)
        diagram = next(c for c in at.get("plotly_chart") if c.proto.alt == Translator(lang)("alt.layer_diagram"))
        spec = json.loads(diagram.proto.spec)
        text = json.dumps(spec["layout"].get("annotations", []), ensure_ascii=False)
        for box in Translator(lang).items("layer.diagram.box"):
            assert box_text(box) in text, (lang, box)    # as drawn: two-part labels on two lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_state_counts_follow_the_network_size(lang):
    """4 BN layers of 30 features: γ and β are 2 × 4 × 30 = 240 numbers, the running mean and variance
    another 240, and a checkpoint holds all 480."""
    t = Translator(lang)
    at = open_page("bn_layer", lang, bn_layers="4", bn_width="30")
    shown = {m.label: m.value for m in at.metric}
    assert shown[t("layer.state.learnable")] == "240"
    assert shown[t("layer.state.running")] == "240"
    assert shown[t("layer.state.saved")] == "480"
    at.number_input(key="bn_width").set_value(1000).run()
    shown = {m.label: m.value for m in at.metric}
    assert shown[t("layer.state.saved")] == "16,000"
