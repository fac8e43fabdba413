"""The glossary page: every term in English and 中文 with a one-line definition, grouped under a
link to the chapter that shows it. The terms are the design guide's terminology table, and more."""

from __future__ import annotations

import streamlit as st

from . import nav
from .i18n import Translator, Verbatim, catalog
from .tables import formatted_table

TERMS = {   # chapter key -> the glossary keys of the terms it shows
    "inputs": ("standardization", "moments", "correlation"),
    "loss_surface": ("loss_surface", "canyon", "condition_number", "gradient_descent", "whitening"),
    "bn_layer": ("bn", "mini_batch", "gamma_beta", "epsilon"),
    "running_stats": ("running_stats", "ema", "bn_momentum", "inference"),
    "training": ("activation",),
    "why_bn": ("ics", "noisy_bn", "predictiveness", "scale_invariance"),
    "norm_family": ("layer_norm", "group_norm", "rms_norm", "batch_renorm"),
}


def page(t: Translator) -> None:
    st.title(t("glossary.title"))
    st.markdown(t("glossary.intro"))
    for chapter in nav.CHAPTERS:
        st.page_link(chapter.file, label=nav.title(chapter, t), icon=chapter.icon)
        formatted_table([row(term, t) for term in TERMS[chapter.key]])


def row(term: str, t: Translator) -> dict[str, str]:
    """One term: its English and Chinese names (from both catalogs) and its definition in the page's language."""
    return {t("glossary.col_en"): Verbatim(catalog("en")[f"glossary.{term}.term"]),
            t("glossary.col_zh"): Verbatim(catalog("zh")[f"glossary.{term}.term"]),
            t("glossary.col_def"): Verbatim(t(f"glossary.{term}.def"))}
