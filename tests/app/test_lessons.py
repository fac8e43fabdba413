"""Lessons: build one from views on two chapters, open its link in a fresh session and walk it;
the ready-made lessons open on every view; hostile lesson links get a notice and no lesson."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, client_slider, open_page, set_client
from ui import nav
from ui.i18n import Translator
from ui.lessons import PRESETS

TITLES = {"": "home.title", "inputs": "inputs.title", "loss-surface": "surface.title.page", "bn-layer": "layer.title",
          "running-stats": "running.title", "training": "training.title", "why-bn": "why.title",
          "norm-family": "norm.title"}


def open_link(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def bar_line(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**:material/school:"))


def click(at, key: str) -> None:
    next(b for b in at.button if b.key == key).click().run()
    assert not at.exception, [e.value for e in at.exception]


def lesson_link(at) -> str:
    return next(c.value for c in at.code if "lesson=" in c.value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_built_lesson_round_trips_through_its_link(lang):
    t = Translator(lang)
    at = open_page("inputs", lang)
    at.select_slider(key="d_x2").set_value(0.01).run()
    at.text_input(key="lesson_note").input("Look at x2's range — 看 x2 的范围").run()
    click(at, "lesson_add")
    at.switch_page("chapters/loss_surface.py").run()
    set_client(at, "ls_ratio", 1000)
    set_client(at, "ls_mom", 0.5)
    click(at, "lesson_add")
    at.switch_page("chapters/running_stats.py").run()
    click(at, "lesson_add")                          # a third view, to reorder and remove
    click(at, "lesson_up_2")                         # running-stats moves before loss-surface ...
    click(at, "lesson_remove_1")                     # ... and is removed again
    url = urlsplit(lesson_link(at))
    assert url.path.rstrip("/").endswith("/inputs")

    fresh = open_link(dict(parse_qsl(url.query)))    # a new session, as a student opening the link
    assert fresh.title[0].value == t("inputs.title")
    assert fresh.select_slider(key="d_x2").value == 0.01
    assert bar_line(fresh).endswith(t("lesson.step", k=1, n=2))
    assert any(x.value == "Look at x2's range — 看 x2 的范围" for x in fresh.text)
    fresh.select_slider(key="d_x2").set_value(1.0).run()   # the student moves a slider, then goes on and back
    follow(fresh, t("lesson.next"))
    assert fresh.title[0].value == t("surface.title.page")
    assert client_slider(fresh, "ls_ratio")["value"] == 1000 and client_slider(fresh, "ls_mom")["value"] == 0.5
    assert bar_line(fresh).endswith(t("lesson.step", k=2, n=2))
    assert link_to(fresh, t("lesson.next")).disabled
    follow(fresh, t("lesson.previous"))
    assert fresh.title[0].value == t("inputs.title") and fresh.select_slider(key="d_x2").value == 0.01
    click(fresh, "lesson_leave")
    assert not [m for m in fresh.markdown if m.value.startswith("**:material/school:")]
    assert "lesson" not in fresh.query_params


def link_to(at, label: str):
    return next(e.proto for e in at.get("page_link") if e.proto.label == label)


def follow(at, label: str) -> None:
    """What a click on the bar's link does: the browser opens its page with its query string."""
    link = link_to(at, label)
    assert not link.disabled
    at.query_params.clear()
    at.query_params.update(dict(parse_qsl(link.query_string)))
    file = next(c.file for c in nav.ALL if c.url_path == link.page)
    at.switch_page(file).run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_ready_made_lesson_shows_every_view(name, lang):
    t = Translator(lang)
    views = PRESETS[name]
    at = open_link({"lang": lang, "lesson": name, "lstep": "1"})
    notes = t.items(f"lesson.{name}")
    assert len(notes) == len(views)
    for k, view in enumerate(views):
        assert at.title[0].value == t(TITLES[view.path]), (name, k)
        heading = t("lesson.heading", title=t(f"lesson.{name}.title"))
        assert bar_line(at) == f"**:material/school: {heading}** · " + t("lesson.step", k=k + 1, n=len(views))
        assert any(m.value == notes[k] for m in at.markdown)
        for key, value in view.params:
            assert at.query_params[key] in (value, [value]), (name, k, key)
        if k + 1 < len(views):
            follow(at, t("lesson.next"))


@pytest.mark.parametrize("raw", ["garbage", "v1.!!!", "v1.W10", "v1.W3sicCI6Im5vd2hlcmUifV0", "v1." + "A" * 9000])
def test_a_hostile_lesson_link_gets_a_notice_and_no_lesson(raw):
    t = Translator("en")
    at = open_link({"lang": "en", "lesson": raw, "lstep": "2"})
    assert at.title[0].value == t("home.title")
    assert any(i.value.startswith(t("lesson.refused", reason="").split("(")[0]) for i in at.info)
    assert not [m for m in at.markdown if m.value.startswith("**:material/school:")]
    assert "lesson" not in at.query_params


@pytest.mark.parametrize(("step", "opens"), [("99", 7), ("0", 1), ("x", 1)])
def test_a_lesson_step_out_of_range_opens_the_nearest_view(step, opens):
    t = Translator("en")
    at = open_link({"lang": "en", "lesson": "tour", "lstep": step})
    assert bar_line(at).endswith(t("lesson.step", k=opens, n=7))
    assert any(i.value == t("lesson.step_fixed", n=7, k=opens) for i in at.info)


def test_every_lesson_view_is_a_page_of_the_app():
    paths = {c.url_path for c in nav.ALL}
    assert all(v.path in paths for views in PRESETS.values() for v in views)
