"""Prev / Next buttons around a step control: the keyboard-accessible way through an animation."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from . import controls, device
from .i18n import Translator


def _move(key: str, delta: int, lo: int, hi: int) -> None:
    st.session_state[key] = min(max(st.session_state.get(key, lo) + delta, lo), hi)


def _buttons(key: str, lo: int, hi: int, default: int, t: Translator):
    """Prev and Next, as wide as their labels, around a slot that takes the rest of the row (fixed
    column ratios cut "Prev" to "P…" on a narrow page); returns the slot. On a phone the slot has a
    row of its own and Prev and Next share the row under it (around it, Next wrapped onto a row alone)."""
    phone = device.is_phone()
    middle = st.container() if phone else None
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="medium",
                       horizontal_alignment="distribute" if phone else "left")
    current = st.session_state.get(key, default)
    row.button(t("common.prev"), key=f"{key}_prev", on_click=_move, args=(key, -1, lo, hi),
               disabled=current <= lo, icon=":material/chevron_left:", width="content")
    if middle is None:
        middle = row.container(width="stretch")
    row.button(t("common.next"), key=f"{key}_next", on_click=_move, args=(key, 1, lo, hi),
               disabled=current >= hi, icon=":material/chevron_right:", width="content")
    return middle


def stepper(key: str, names: tuple[str, ...], t: Translator) -> int:
    """Named steps 1..len(names), in ?key=; returns the chosen step (1-based)."""
    n = len(names)
    where = _buttons(key, 1, n, 1, t)
    return int(controls.choice(t("common.step"), key, tuple(range(1, n + 1)), 1, t=t, widget="select_slider",
                               format_func=lambda k: f"{k}. {names[k - 1]}", where=where))


def step_slider(key: str, label: str, total: int, default: int, t: Translator, *,
                shown: Sequence[int] | None = None) -> int:
    """Steps 0..total on a slider bound to ?key=, with Prev/Next; returns the chosen step.
    `shown[k]`, when given, is what step k reads as on the slider (the training step a record was
    taken at, say, written as the chart's own slider writes it: 1000, not 1,000); the URL still
    holds k. With nothing to step through (total 0, e.g. a run that blew up at once) it draws nothing."""
    if total < 1:
        return 0
    where = _buttons(key, 0, total, default, t)
    if shown is None:
        return int(controls.slider(label, key, 0, total, default, t=t, where=where))
    return int(controls.choice(label, key, tuple(range(total + 1)), default, t=t, widget="select_slider",
                               format_func=lambda k: str(int(shown[k])), where=where))
