"""Prev / Next buttons around a step selector: the keyboard-accessible way through an animation."""

from __future__ import annotations

import streamlit as st

from . import controls
from .i18n import Translator


def _move(key: str, delta: int, n: int) -> None:
    st.session_state[key] = min(max(st.session_state.get(key, 1) + delta, 1), n)


def stepper(key: str, names: tuple[str, ...], t: Translator) -> int:
    """Steps 1..len(names), bound to ?key=; returns the chosen step (1-based)."""
    n = len(names)
    c1, c2, c3 = st.columns([1, 6, 1], vertical_alignment="bottom")
    current = st.session_state.get(key, 1)
    c1.button(t("common.prev"), key=f"{key}_prev", on_click=_move, args=(key, -1, n),
              disabled=current <= 1, icon=":material/chevron_left:", width="stretch")
    c3.button(t("common.next"), key=f"{key}_next", on_click=_move, args=(key, 1, n),
              disabled=current >= n, icon=":material/chevron_right:", width="stretch")
    return int(controls.choice(t("common.step"), key, tuple(range(1, n + 1)), 1, t=t, widget="select_slider",
                               format_func=lambda k: f"{k}. {names[k - 1]}", where=c2))
