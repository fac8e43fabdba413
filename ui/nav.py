"""The chapters that exist, listed once: app.py builds navigation from it, home links to it."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from .i18n import Translator


@dataclass(frozen=True)
class Chapter:
    """One page: its chapter number (0 = home), file, stable URL path, icon and catalog key."""

    number: int
    file: str
    url_path: str
    icon: str
    key: str


HOME = Chapter(0, "chapters/home.py", "home", ":material/home:", "home")
CHAPTERS = (
    Chapter(1, "chapters/inputs.py", "inputs", ":material/scale:", "inputs"),
    Chapter(2, "chapters/loss_surface.py", "loss-surface", ":material/landscape:", "loss_surface"),
    Chapter(3, "chapters/bn_layer.py", "bn-layer", ":material/stacks:", "bn_layer"),
    Chapter(4, "chapters/running_stats.py", "running-stats", ":material/timeline:", "running_stats"),
    Chapter(5, "chapters/training.py", "training", ":material/model_training:", "training"),
)


def pages(t: Translator) -> list[st.Page]:
    """st.Page objects for home and every chapter, with translated titles."""
    return [
        st.Page(c.file, title=t(f"nav.{c.key}"), icon=c.icon, url_path=c.url_path, default=c is HOME)
        for c in (HOME, *CHAPTERS)
    ]
