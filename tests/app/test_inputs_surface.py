"""Chapters 1 and 2 through AppTest: shared data settings, the morph's κ, divergence labels, the 3-D
views' cameras in the link."""

from __future__ import annotations

import pytest

from bn_core.features import FeatureSpec, condition_number, make_features, standardize
from figures.surface3d import CAMERA
from tests.app.conftest import client_charts, client_slider, open_page, set_client
from tests.app.test_hostile_urls import cameras
from tests.tables import by_row, tables
from ui.i18n import Translator


def metric_value(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("s", [0.0, 1.0])
def test_morph_kappa_at_the_end_points(s):
    t = Translator("en")
    at = open_page("inputs", "en", in_morph=str(s))
    x = make_features(FeatureSpec())
    data = x if s == 0.0 else standardize(x).z
    assert metric_value(at, t("inputs.morph.kappa")) == f"{condition_number(data):,.4g}"


def intro(at) -> str:
    return next(m.value for m in at.markdown if "x1" in m.value and "x2" in m.value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_intro_states_the_range_of_x2_in_use(lang):
    at = open_page("inputs", lang)
    assert "1,000" in intro(at) and "99,999" in intro(at)
    at.select_slider(key="d_x2").set_value(0.01).run()     # 1,000–99,999 times 0.01
    assert "10 " in intro(at) and "999.99" in intro(at) and "99,999" not in intro(at)
    at = open_page("inputs", lang, d_x2="0.0001")
    assert "0.1 " in intro(at) and "9.9999" in intro(at) and "1,000" not in intro(at)


def test_data_settings_are_shared_with_chapter_two():
    at = open_page("inputs", "en")
    at.slider(key="d_n").set_value(500).run()
    at.selectbox(key="d_shape").set_value("skewed").run()
    at.switch_page("chapters/loss_surface.py").run()
    assert at.slider(key="d_n").value == 500
    assert at.selectbox(key="d_shape").value == "skewed"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_learning_rate_above_two_over_lambda_max_is_labelled_diverged(lang):
    t = Translator(lang)
    at = open_page("loss_surface", lang, ls_lr="1.01")
    assert len(at.warning) == 2
    assert by_row(tables(at)[0])[t("surface.col.status")] == [t("surface.status.diverged")] * 2
    set_client(at, "ls_lr", 0.99)
    assert len(at.warning) == 0
    assert by_row(tables(at)[0])[t("surface.col.status")] == [t("surface.status.ok")] * 2


def test_classic_ranges_show_numbers_instead_of_a_raw_plot():
    t = Translator("en")
    at = open_page("loss_surface", "en", ls_classic="true")
    notes = [c["note"] for chart in client_charts(at) for c in chart["cells"] if "note" in c]
    assert len(notes) == 1 and "κ =" in notes[0]          # in the raw plot's place, beside the other plot
    kappa = by_row(tables(at)[0])["κ"][0]
    assert float(kappa.replace(",", "")) > 1e8
    assert not at.exception
    assert t("surface.title.raw") == list(tables(at)[0])[1]


def test_whitening_makes_the_right_hand_bowl_round():
    at = open_page("loss_surface", "en", d_corr="0.9", ls_white="zca")
    kappas = by_row(tables(at)[0])["κ"]
    assert float(kappas[1].replace(",", "")) == pytest.approx(1.0, abs=1e-3)


def test_link_junk_gets_a_notice_and_defaults():
    t = Translator("en")
    at = open_page("loss_surface", "en", d_n="lots", ls_ratio="7", ls_lr="nan")
    captions = " ".join(c.value for c in at.caption)
    assert t("common.url_invalid", label=t("data.n")) in captions
    assert t("common.url_unknown", label=t("surface.ctl.ratio")) in captions
    assert at.slider(key="d_n").value == 200 and client_slider(at, "ls_ratio")["value"] == 10


def test_a_3d_camera_in_the_link_is_drawn_and_shared():
    at = open_page("loss_surface", "en", ls_3d="true", ls_cam_right="-1.5,0.25,0.8,0,0.1,-0.2")
    raw, right = cameras(at)
    assert raw == CAMERA
    assert right == {"eye": {"x": -1.5, "y": 0.25, "z": 0.8}, "center": {"x": 0.0, "y": 0.1, "z": -0.2}}
    assert not [c for c in at.caption if c.value.startswith(":material/info:")]
    links = [c.value for c in at.sidebar.code]
    assert len(links) == 1 and "ls_cam_right=-1.5%2C0.25%2C0.8%2C0%2C0.1%2C-0.2" in links[0]
    at.slider(key="d_n").set_value(500).run()                    # the next run keeps it
    assert cameras(at)[1] == right


def test_a_3d_camera_out_of_range_is_moved_in_once_with_a_notice():
    t = Translator("zh")
    at = open_page("loss_surface", "zh", ls_3d="true", ls_cam_raw="40,0,-40,0,0,5")
    assert cameras(at)[0] == {"eye": {"x": 8.0, "y": 0.0, "z": -8.0}, "center": {"x": 0.0, "y": 0.0, "z": 2.0}}
    notice = ":material/info: " + t("common.url_camera_clamped", label=t("surface.title.raw"))
    assert [c.value for c in at.caption if c.value.startswith(":material/info:")] == [notice]
    assert at.query_params["ls_cam_raw"] == "8,0,-8,0,0,2"
    at.slider(key="d_n").set_value(500).run()
    assert not [c for c in at.caption if c.value.startswith(":material/info:")]
    assert cameras(at)[0]["eye"] == {"x": 8.0, "y": 0.0, "z": -8.0}


def test_the_classic_ranges_forget_the_raw_camera_they_do_not_draw():
    at = open_page("loss_surface", "en", ls_3d="true", ls_classic="true", ls_cam_raw="2,1,1,0,0,0",
                   ls_cam_right="1,2,1,0,0,0")
    assert [c["eye"] for c in cameras(at)] == [{"x": 1.0, "y": 2.0, "z": 1.0}]
    assert "ls_cam_raw" not in at.query_params and at.query_params["ls_cam_right"] == "1,2,1,0,0,0"


def test_hiding_the_3d_view_forgets_its_cameras():
    at = open_page("loss_surface", "en", ls_3d="true", ls_cam_raw="2,1,1,0,0,0", ls_cam_right="1,2,1,0,0,0")
    assert len(cameras(at)) == 2
    at.checkbox(key="ls_3d").uncheck().run()
    assert not cameras(at)
    assert "ls_cam_raw" not in at.query_params and "ls_cam_right" not in at.query_params
    at.checkbox(key="ls_3d").check().run()
    assert cameras(at) == [CAMERA, CAMERA]
