"""Every page, both languages, every widget moved: no exception, the page keeps its language."""

from __future__ import annotations

import pytest

import bn_core
from bn_core.activations import ACTIVATIONS
from bn_core.features import SHAPES
from bn_core.norm_family import METHODS
from tests.app.conftest import PAGES, client_charts, client_slider, open_page
from ui import i18n
from ui.bn_settings import EPS_OPTIONS
from ui.data_controls import X2_SCALES
from ui.i18n import Translator
from ui.pitfall_panel import PITFALLS, SHOW_ME
from ui.surface_controls import LR_FRACS, RATIOS, WHITENING
from ui.training_cache import DATASETS
from ui.training_controls import BATCHES, INIT_SCALES, LRS, WIDTHS
from ui.why_bn.controls import DECAYS, NOISES, REACHES
from ui.why_bn.panels import SCALES

# Raw option values of every choice widget (AppTest only sees the translated labels).
CHOICES = {
    "lang": i18n.SUPPORTED,
    "bn_conv": tuple(bn_core.CONVENTIONS),
    "bn_eps": EPS_OPTIONS,
    "bn_dy": bn_core.UPSTREAM_KINDS,
    "bn_step": (1, 2, 3, 4, 5),
    "rs_conv": ("pytorch", "keras", "cumulative"),
    "rs_eps": EPS_OPTIONS,
    "d_shape": SHAPES,
    "d_x2": X2_SCALES,
    "ls_ratio": RATIOS,
    "ls_white": WHITENING,
    "ls_lr": LR_FRACS,
    "tr_data": DATASETS,
    "tr_width": WIDTHS,
    "tr_act": ACTIVATIONS,
    "tr_lr": LRS,
    "tr_init": INIT_SCALES,
    "tr_batch": BATCHES,
    "tr_loss": ("xent", "mse"),
    "rs_pit": PITFALLS,
    "nf_method": METHODS,
    "nf_groups": (1, 2, 3, 6),   # the divisors of the default C = 6
    "wb_noise": NOISES,
    "wb_lr": LRS,
    "wb_data": DATASETS,
    "wb_act": ACTIVATIONS,
    "wb_width": WIDTHS,
    "wb_batch": (16, 32, 60, 128),
    "wb_init": INIT_SCALES,
    "wb_decay": DECAYS,
    "wb_reach": REACHES,
    "wb_c": SCALES,
} | {f"rs_pit_guess_{name}": tuple(range(SHOW_ME + 1)) for name in PITFALLS}

# The predict-first questions' radios: test_checkpoints answers every choice of each and checks the verdict.
CHECKPOINT = "cp_"

# Step sliders whose options are the indices 0..n-1 of what they label (ui.stepper.step_slider's `shown`).
INDEXED = {"tr_rec", "wb_rec", "wb_probe"}

TITLES = {"home": "home.title", "inputs": "inputs.title", "loss_surface": "surface.title.page",
          "bn_layer": "layer.title", "running_stats": "running.title", "training": "training.title",
          "norm_family": "norm.title", "why_bn": "why.title", "glossary": "glossary.title"}


def assert_ok(at, where: str) -> None:
    assert not at.exception, f"{where}: {[e.value for e in at.exception]}"
    assert not at.error, f"{where}: {[e.value for e in at.error]}"


def widgets_of(at):
    """(kind, key) of every keyed widget on the page, in order."""
    found = []
    for kind in ("slider", "select_slider", "number_input", "radio", "selectbox", "checkbox", "toggle"):
        for w in getattr(at, kind):
            if w.key and not w.key.startswith(CHECKPOINT):
                found.append((kind, w.key))
    found += [("client", s["key"]) for chart in client_charts(at) for s in chart["sliders"]]
    return found



def move(at, kind: str, key: str):
    """Values to try: both ends (sliders/numbers) or every option (choices), then the start value."""
    if kind == "client":
        s = client_slider(at, key)
        if s.get("options"):
            return [*s["options"], s["value"]]
        return [s["max"], s["min"], s["value"]]
    w = getattr(at, kind)(key=key)
    if kind in ("slider", "number_input"):
        return [w.max, w.min, w.value]  # ends, then back, so later widgets see the default page
    if kind in ("checkbox", "toggle"):
        return [not w.value, w.value]
    if key in INDEXED:
        return [len(w.options) - 1, 0, w.value]
    assert key in CHOICES, f"add the options of the new choice widget {key!r} to CHOICES"
    assert len(CHOICES[key]) == len(w.options)
    return [*CHOICES[key], w.value]


LANGS = ("en", "zh")


def _set(at, kind: str, key: str, value, where: str) -> None:
    if kind == "client":        # the value the browser sends when the reader lets go
        if client_slider(at, key)["disabled"]:
            return
        at.session_state[key] = value
        at.run()
        assert_ok(at, where)
        assert client_slider(at, key)["value"] == value
        return
    if getattr(at, kind)(key=key).disabled:
        return
    getattr(at, kind)(key=key).set_value(value).run()
    assert_ok(at, where)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_widget_moves_without_exception(page):
    """Each widget to both ends or through every option, in English and in Chinese. The two languages
    move in step, so the Chinese page finds each setting's training in the cache the English one just
    filled (one after the other, the bounded caches had evicted it again)."""
    ats = {lang: open_page(page, lang) for lang in LANGS}
    ts = {lang: Translator(lang) for lang in LANGS}
    for lang, at in ats.items():
        assert at.title[0].value == ts[lang](TITLES[page])
    widgets = widgets_of(ats["en"])
    assert widgets_of(ats["zh"]) == widgets
    for kind, key in widgets:
        moves = {lang: move(at, kind, key) for lang, at in ats.items()}    # "lang" ends in each one's own
        for i in range(len(moves["en"])):
            for lang, at in ats.items():
                _set(at, kind, key, moves[lang][i], f"{page}/{lang}: {key}={moves[lang][i]!r}")
        for lang, at in ats.items():
            assert at.title[0].value == ts[lang](TITLES[page]), f"language changed after moving {key}"
    labels = {lang: [b.label for b in at.button] for lang, at in ats.items()}
    assert len(labels["en"]) == len(labels["zh"])
    for i in range(len(labels["en"])):
        for lang, at in ats.items():
            button = next(b for b in at.button if b.label == labels[lang][i])
            if button.disabled:
                continue
            button.click().run()
            assert_ok(at, f"{page}/{lang}: button {button.label}")
