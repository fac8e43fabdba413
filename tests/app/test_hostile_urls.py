"""Junk in the URL and extreme settings on every page: a notice, the defaults, never a traceback."""

from __future__ import annotations

import json

import pytest

from figures.surface3d import CAMERA
from tests.app.conftest import PAGES, open_page
from tests.app.test_every_widget import TITLES, widgets_of
from ui.i18n import Translator

JUNK = {
    "empty": "",
    "nan": "nan",
    "inf": "-inf",
    "long": "9" * 10_000,
    "script": "<script>alert(1)</script>",
    "unicode": "中文🙂\u202e",
    "repeated": ["1", "2", "x"],
}


def keys_of(page: str) -> list[str]:
    return [key for _, key in widgets_of(open_page(page, "en")) if key != "lang"]


@pytest.mark.parametrize("junk", sorted(JUNK))
@pytest.mark.parametrize("page", sorted(PAGES))
def test_junk_in_every_parameter(page, junk):
    keys = keys_of(page)
    at = open_page(page, "zh", **{k: JUNK[junk] for k in keys})
    t = Translator("zh")
    assert at.title[0].value == t(TITLES[page])
    assert not at.exception and not at.error
    if junk != "repeated":  # a repeated key may hold a valid last value ("2"), which is then used
        notices = [c.value for c in at.caption if c.value.startswith(":material/info:")]
        assert len(notices) >= min(len(keys), 1)


def test_junk_language_falls_back_with_a_notice():
    at = open_page("bn_layer", "<script>")
    assert at.title[0].value == Translator("en")("layer.title")
    assert not at.exception


EXTREMES = {
    "loss_surface": {"ls_lr": "1.5", "ls_ratio": "1000", "ls_mom": "0.99", "ls_steps": "500", "d_n": "2000",
                     "d_corr": "0.95", "ls_u": "1", "ls_v": "-1"},
    "loss_surface_classic": {"ls_classic": "true", "ls_lr": "1.5", "d_shape": "skewed", "ls_white": "pca"},
    "inputs": {"d_n": "2000", "d_corr": "-0.95", "d_x2": "0.0001", "in_morph": "0.55"},
    "bn_layer": {"bn_n": "2", "bn_d": "8", "bn_eps": "1", "bn_mom": "1", "bn_g1": "-15", "bn_b8": "30",
                 "bn_img_n": "16", "bn_img_h": "16", "bn_img_w": "16", "bn_img_c": "8", "bn_layers": "100",
                 "bn_width": "4096", "bn_dy": "cell"},
    "running_stats": {"rs_batch": "2", "rs_steps": "500", "rs_drift": "0.1", "rs_std": "10", "rs_conv": "keras",
                      "rs_mom": "0", "rs_x0": "-30", "rs_cmp_m": "0.99", "rs_eps": "1"},
    "training": {"tr_depth": "6", "tr_width": "256", "tr_lr": "10", "tr_init": "8", "tr_batch": "8",
                 "tr_steps": "300", "tr_act": "relu", "tr_cmp_after": "true", "tr_loss": "mse"},
    "norm_family": {"nf_n": "1", "nf_c": "12", "nf_h": "4", "nf_w": "4", "nf_groups": "12", "nf_method": "bn",
                    "nf_cn": "9", "nf_cc": "12", "nf_ch": "4", "nf_cw": "4", "nf_seed": "1000"},
    "why_bn": {"wb_depth": "9", "wb_width": "256", "wb_lr": "10", "wb_init": "8", "wb_batch": "16",
               "wb_steps": "100", "wb_act": "relu", "wb_noise": "3", "wb_reach": "8", "wb_decay": "0.05",
               "wb_seed": "1000", "wb_c": "10", "wb_sweep": "true"},
    "why_bn_one_layer": {"wb_depth": "1", "wb_steps": "100", "wb_data": "moons", "wb_lr": "0.001"},
    "norm_family_one": {"nf_n": "1", "nf_c": "1", "nf_h": "1", "nf_w": "1", "nf_method": "in"},
}


@pytest.mark.parametrize("case", sorted(EXTREMES))
def test_extreme_settings(case):
    page = next(p for p in ("loss_surface", "norm_family", "why_bn") if case.startswith(p)) if case.startswith(
        ("loss_surface", "norm_family", "why_bn")) else case
    at = open_page(page, "en", **EXTREMES[case])
    assert not at.exception and not at.error
    assert at.title[0].value == Translator("en")(TITLES[page])


def cameras(at) -> list[dict]:
    """The scene camera of each 3-D chart on the page, in order."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [s["layout"]["scene"]["camera"] for s in specs if "scene" in s["layout"]]


@pytest.mark.parametrize("junk", sorted(JUNK))
def test_junk_in_a_3d_camera_parameter(junk):
    """A 3-D view's camera in the link (ls_cam_raw, written by the browser) that is junk: a notice,
    the starting view, and the parameter gone from the URL; the other chart's good camera is used."""
    t = Translator("zh")
    at = open_page("loss_surface", "zh", ls_3d="true", ls_cam_raw=JUNK[junk], ls_cam_right="2,-1,0.5,0,0,0")
    assert not at.exception and not at.error
    raw, right = cameras(at)
    assert raw == CAMERA
    assert right["eye"] == {"x": 2.0, "y": -1.0, "z": 0.5}
    assert "ls_cam_raw" not in at.query_params
    label = t("surface.title.raw")
    assert [c.value for c in at.caption if c.value.startswith(":material/info:")] == [
        ":material/info: " + t("common.url_camera_invalid", label=label)]
