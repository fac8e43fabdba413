"""The chapters that exist, listed once: app.py builds navigation from it, home links to it, and every
chapter ends with links to the chapters before and after it."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from . import device
from .i18n import Translator


@dataclass(frozen=True)
class Chapter:
    """One page: its chapter number (0 = home), file, stable URL path, icon and catalog key."""

    number: int
    file: str
    url_path: str
    icon: str
    key: str


BACK_ICON, ON_ICON = ":material/arrow_back:", ":material/arrow_forward:"

HOME = Chapter(0, "chapters/home.py", "", ":material/home:", "home")
CHAPTERS = (
    Chapter(1, "chapters/inputs.py", "inputs", ":material/scale:", "inputs"),
    Chapter(2, "chapters/loss_surface.py", "loss-surface", ":material/landscape:", "loss_surface"),
    Chapter(3, "chapters/bn_layer.py", "bn-layer", ":material/stacks:", "bn_layer"),
    Chapter(4, "chapters/running_stats.py", "running-stats", ":material/timeline:", "running_stats"),
    Chapter(5, "chapters/training.py", "training", ":material/model_training:", "training"),
    Chapter(6, "chapters/why_bn.py", "why-bn", ":material/psychology:", "why_bn"),
    Chapter(7, "chapters/norm_family.py", "norm-family", ":material/grid_view:", "norm_family"),
)
GLOSSARY = Chapter(0, "chapters/glossary.py", "glossary", ":material/menu_book:", "glossary")  # no chapter: no footer
ALL = (HOME, *CHAPTERS, GLOSSARY)


def pages(t: Translator) -> list[st.Page]:
    """st.Page objects for home and every chapter, with translated titles."""
    return [
        st.Page(c.file, title=t(f"nav.{c.key}"), icon=c.icon, url_path=c.url_path, default=c is HOME)
        for c in ALL
    ]


def key_of(url_path: str) -> str:
    """The catalog key of the page at url_path ("" for a path that is no chapter)."""
    return next((c.key for c in ALL if c.url_path == url_path), "")


def neighbours(url_path: str) -> tuple[Chapter | None, Chapter | None]:
    """The pages before and after the page at url_path in the storyline (home, then the chapters in order).

    Home has no footer of its own (its map links every chapter), so for home both are None, as for
    a path that is no page."""
    order = (HOME, *CHAPTERS)
    at = next((i for i, c in enumerate(order) if c.url_path == url_path), None)
    if at is None or at == 0:
        return None, None
    return order[at - 1], (order[at + 1] if at + 1 < len(order) else None)


def title(c: Chapter, t: Translator) -> str:
    """'Chapter 2 — Canyon vs bowl' (the map's wording), 'Home' or 'Glossary'."""
    if c.number == 0:
        return t(f"nav.{c.key}")
    return t("home.map.chapter", n=c.number, title=t(f"nav.{c.key}"))


def footer(url_path: str, t: Translator) -> None:
    """Links to the previous and next page at the end of a chapter: back on the left, on on the right.

    One row on a desktop; on a phone a row each, since a wrapped row put the next link at the left."""
    before, after = neighbours(url_path)
    if before is None:
        return
    st.divider()
    phone = device.is_phone()
    with st.container(horizontal=not phone, horizontal_alignment="left" if phone else "distribute"):
        st.page_link(before.file, label=t("nav.previous", title=title(before, t)), icon=BACK_ICON)
        if after is not None:
            with st.container(horizontal=True, horizontal_alignment="right", width="stretch" if phone else "content"):
                st.page_link(after.file, label=t("nav.following", title=title(after, t)), icon=ON_ICON,
                             icon_position="right")
