"""Predict, then reveal: a question with a few choices, asked before the experiment it concerns.

The learner picks; only then does the page run the experiment (`solve`) and say which choice the
numbers make right, with the numbers. Texts live in the catalogs under check.<page>.<name>: `q` (the
question), `c.1`, `c.2`, ... (the choices) and `why` (the explanation, formatted with the numbers).
Answers live in the session, never in the URL (a shared link must not give them away); the first
answer to each question is what the progress line counts. A sidebar switch skips every question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import streamlit as st

from bn_core.checkpoints import Verdict

from .i18n import Translator, catalog

SKIP = "cp_skip"        # the sidebar switch's key
FIRST = "_cp_first"     # {(page, name): whether the first answer was right}
ASKED = "_cp_asked"     # the questions this run put on the page (one may not apply: a one-layer network has no ICS)


@dataclass(frozen=True)
class Reveal:
    """A solved question: the verdict, its numbers formatted for the text, and optionally the lab
    settings (widget key -> value) that show the same experiment in the page's own charts."""

    verdict: Verdict
    text: Mapping[str, str]
    settings: Mapping[str, object] = field(default_factory=dict)


def names(page: str) -> tuple[str, ...]:
    """The questions of a page, in catalog order (every key check.<page>.<name>.q)."""
    prefix = f"check.{page}."
    return tuple(dict.fromkeys(k[len(prefix):-2] for k in catalog("en") if k.startswith(prefix) and k.endswith(".q")))


def skipping() -> bool:
    return bool(st.session_state.get(SKIP, False))


def ask(page: str, name: str, t: Translator, solve: Callable[[], Reveal], **question) -> None:
    """The question (formatted with `question`) and, once answered, the verdict and the explanation."""
    if skipping():
        return
    st.session_state.setdefault(ASKED, []).append(name)
    base = f"check.{page}.{name}"
    choices = tuple(t(f"{base}.c.{k}", **question) for k in range(1, len(t.items(f"{base}.c")) + 1))
    with st.container(border=True, key=f"cp_box_{page}_{name}"):
        pick = st.radio(f":material/quiz: **{t('check.label')}** {t(f'{base}.q', **question)}", range(len(choices)),
                        index=None, format_func=choices.__getitem__, key=f"cp_{page}_{name}", persist_state="session")
        if pick is None:
            st.caption(t("check.first"))
            return
        reveal = solve()
        right = reveal.verdict.correct
        st.session_state.setdefault(FIRST, {}).setdefault((page, name), pick == right)
        if pick == right:
            st.success(t("check.right", answer=choices[right]), icon=":material/check_circle:")
        else:
            st.warning(t("check.wrong", answer=choices[right]), icon=":material/lightbulb:")
        st.markdown(t(f"{base}.why", **(question | dict(reveal.text))))
        if reveal.settings:
            st.button(t("check.show"), key=f"cp_show_{page}_{name}", icon=":material/science:",
                      on_click=_apply, args=(dict(reveal.settings),))


def _apply(settings: dict[str, object]) -> None:
    st.session_state.update(settings)


def progress(page: str, t: Translator) -> str | None:
    """"Questions: 1 of 2 answered, 1 right" for the questions the page asked in this run (None: none)."""
    asked = [n for n in names(page) if n in st.session_state.get(ASKED, [])]
    if not asked:
        return None
    first = st.session_state.get(FIRST, {})
    answered = [first[(page, n)] for n in asked if (page, n) in first]
    return t("check.progress", answered=len(answered), total=len(asked), right=sum(answered))


def sidebar(page: str, t: Translator):
    """The skip switch and a placeholder for the progress line, filled by `show_progress` after the page ran."""
    st.session_state[ASKED] = []
    if not names(page):
        return None
    box = st.sidebar.container(border=True)
    box.toggle(t("check.skip"), key=SKIP, help=t("check.skip_help"), persist_state="session")
    return box.empty()


def show_progress(slot, page: str, t: Translator) -> None:
    line = progress(page, t)
    if slot is not None and not skipping() and line is not None:
        slot.caption(":material/checklist: " + line)
