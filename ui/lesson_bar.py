"""Lessons: a lesson link opens a bar (its note, "step k of n", Previous/Next) that walks through
its views across chapters; the sidebar's builder assembles such a link from the views one sets up.

A move to another view forgets every setting of the session (the URL holds the view's) and opens
the view's page with its settings, as a shared link would. The questions' answers, the language and
the lesson itself are kept."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitAPIException

from . import controls, nav
from .i18n import Translator
from .lesson_codec import View, decode, encode, parse_step, view_of
from .lessons import PRESETS

RAW, STEP, DRAFT, NOTICE = "_lesson_raw", "_lesson_step", "_lesson_draft", "_lesson_notice"
NOTE = "lesson_note"
KEEP = ("lang", "cp_", "_cp_", "_lesson", "lesson_")   # session keys a move to another view keeps


@dataclass(frozen=True)
class Lesson:
    raw: str
    title: str
    views: tuple[View, ...]
    notes: tuple[str, ...]
    ready_made: bool


def _files() -> dict[str, str]:
    return {c.url_path: c.file for c in nav.ALL}


def read(raw, t: Translator) -> Lesson | str:
    """The lesson in a ?lesson= value, or the reason it was refused."""
    if isinstance(raw, str) and raw in PRESETS:
        views = PRESETS[raw]
        return Lesson(raw, t(f"lesson.{raw}.title"), views, t.items(f"lesson.{raw}"), True)
    decoded = decode(raw, set(_files()))
    if decoded.views is None:
        return decoded.reason
    return Lesson(raw, t("lesson.custom"), decoded.views, tuple(v.note for v in decoded.views), False)


def follow(t: Translator, path: str) -> None:
    """Before the page at `path` runs: take up a lesson that is new in the URL, or the view the URL moved
    to (Previous / Next are links that carry the view's settings)."""
    raw = st.query_params.get("lesson")
    if raw is None:
        return
    new = raw != st.session_state.get(RAW)
    lesson = read(raw, t)
    if isinstance(lesson, str):
        st.session_state[NOTICE] = t("lesson.refused", reason=t(f"lesson.reason.{lesson}"))
        for key in ("lesson", "lstep"):
            st.query_params.pop(key, None)
        return
    k, fixed = parse_step(st.query_params.get("lstep"), len(lesson.views))
    if fixed:
        st.session_state[NOTICE] = t("lesson.step_fixed", n=len(lesson.views), k=k + 1)
    if not new and k == st.session_state.get(STEP):
        return
    _forget_settings()
    st.session_state[RAW], st.session_state[STEP] = raw, k
    view = lesson.views[k]
    if view.path != path or any(st.query_params.get(key) != value for key, value in view.params):
        _open(view, lesson, k, t)


def _forget_settings() -> None:
    """Drop every setting the session holds, so the page's controls read the view's from the URL."""
    for key in list(st.session_state):
        if not key.startswith(KEEP):
            del st.session_state[key]


def _open(view: View, lesson: Lesson, k: int, t: Translator) -> None:
    """Open the view's page with its settings (a link whose step names another page or other settings).
    Streamlit refuses to replace a URL value a widget is bound to: nothing is bound yet on a session's
    first run, where this happens; otherwise the page stays as the URL says."""
    with contextlib.suppress(StreamlitAPIException):
        st.switch_page(_files()[view.path], query_params=query(view, lesson.raw, k, t.lang))


def query(view: View, raw: str, k: int, lang: str) -> dict[str, str]:
    return dict(view.params) | {"lang": lang, "lesson": raw, "lstep": str(k + 1)}


def _leave() -> None:
    for key in (RAW, STEP):
        st.session_state.pop(key, None)
    for key in ("lesson", "lstep"):
        st.query_params.pop(key, None)


def bar(t: Translator) -> None:
    """The lesson's bar at the top of the page: title, step k of n, the note, Previous / Next / Leave."""
    if notice := st.session_state.pop(NOTICE, None):
        st.info(notice, icon=":material/info:")
    if RAW not in st.session_state:
        return
    lesson = read(st.session_state[RAW], t)
    k, n = st.session_state.get(STEP, 0), len(lesson.views)
    st.query_params["lesson"], st.query_params["lstep"] = lesson.raw, str(k + 1)   # a shared link keeps it
    with st.container(border=True, key="lesson_bar"):
        heading = t("lesson.heading", title=lesson.title)
        st.markdown(f"**:material/school: {heading}** · {t('lesson.step', k=k + 1, n=n)}")
        note = lesson.notes[k] if k < len(lesson.notes) else ""
        if note and lesson.ready_made:
            st.markdown(note)
        elif note:
            st.text(note)   # a note someone typed: shown as plain text, never as markdown
        with st.container(horizontal=True, vertical_alignment="center", gap="large"):
            for j, label, icon in ((k - 1, "lesson.previous", ":material/chevron_left:"),
                                   (k + 1, "lesson.next", ":material/chevron_right:")):
                target = lesson.views[min(max(j, 0), n - 1)]
                st.page_link(_files()[target.path], label=t(label), icon=icon, disabled=not 0 <= j < n,
                             query_params=query(target, lesson.raw, min(max(j, 0), n - 1), t.lang))
            st.button(t("lesson.leave"), key="lesson_leave", icon=":material/close:", on_click=_leave)


def _add(path: str) -> None:
    view = view_of(path, st.query_params.to_dict() | controls.bound_values(), st.session_state.get(NOTE, ""))
    st.session_state[DRAFT] = [*st.session_state.get(DRAFT, []), view]
    st.session_state[NOTE] = ""


def _reorder(i: int, j: int | None) -> None:
    """Move view i to position j (None: remove it)."""
    views = list(st.session_state.get(DRAFT, []))
    view = views.pop(i)
    if j is not None:
        views.insert(j, view)
    st.session_state[DRAFT] = views


def link(views: tuple[View, ...], here: str, lang: str) -> str:
    """The lesson's link: its first view's page with that view's settings, the lesson, at step 1."""
    url = (st.context.url or "").split("?")[0].rstrip("/")
    root = url[: -len(here) - 1] if here and url.endswith("/" + here) else url
    query = dict(views[0].params) | {"lang": lang, "lesson": encode(views), "lstep": "1"}
    return f"{root}/{views[0].path}?{urlencode(query)}"


def builder(path: str, t: Translator) -> None:
    """The sidebar's lesson builder: add this view with a note, reorder or remove views, copy the link."""
    with st.sidebar.popover(t("lesson.builder"), icon=":material/school:", width="stretch"):
        st.caption(t("lesson.builder_help"))
        st.text_input(t("lesson.note"), key=NOTE, max_chars=280)
        st.button(t("lesson.add"), key="lesson_add", icon=":material/add:", on_click=_add, args=(path,))
        views = tuple(st.session_state.get(DRAFT, []))
        if not views:
            st.caption(t("lesson.empty"))
        for i, v in enumerate(views):
            _draft_row(i, v, len(views), t)
        if views:
            st.caption(t("lesson.link"))
            st.code(link(views, path, t.lang), language=None, wrap_lines=True)
            st.button(t("lesson.clear"), key="lesson_clear", icon=":material/delete:",
                      on_click=lambda: st.session_state.pop(DRAFT, None))
        ready_made(t)


def _draft_row(i: int, v: View, n: int, t: Translator) -> None:
    titles = {c.url_path: nav.title(c, t) for c in nav.ALL}
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"{i + 1}. {titles[v.path]}")
        st.button("", key=f"lesson_up_{i}", icon=":material/arrow_upward:", help=t("lesson.up"), disabled=i == 0,
                  on_click=_reorder, args=(i, i - 1))
        st.button("", key=f"lesson_down_{i}", icon=":material/arrow_downward:", help=t("lesson.down"),
                  disabled=i == n - 1, on_click=_reorder, args=(i, i + 1))
        st.button("", key=f"lesson_remove_{i}", icon=":material/close:", help=t("lesson.remove"),
                  on_click=_reorder, args=(i, None))
    if v.note:
        st.text(v.note)


def ready_made(t: Translator, where=st) -> None:
    """Links that open each ready-made lesson at its first view."""
    where.caption(t("lesson.ready"))
    for name, views in PRESETS.items():
        where.page_link(_files()[views[0].path], label=t(f"lesson.{name}.title"), icon=":material/school:",
                        query_params=query(views[0], name, 0, t.lang))
