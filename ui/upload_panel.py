"""Bring your own data: a CSV upload that never shows a traceback, whatever the file holds."""

from __future__ import annotations

import streamlit as st

from bn_core import csv_import, features

from . import features_cache, inputs_panels
from .i18n import Translator, Verbatim


def upload(t: Translator) -> None:
    st.header(t("upload.header"))
    st.markdown(t("upload.intro"))
    file = st.file_uploader(t("upload.label"), type=list(csv_import.SUFFIXES), key="in_upload",
                            help=t("upload.help", limit=csv_import.MAX_MB))
    if file is None:
        return
    show(file.getvalue(), t)


def show(raw: bytes, t: Translator) -> None:
    """What the page shows for an uploaded file's bytes: a refusal with its reason, or the notes, the
    column choice and the chapter's views, table and formula of the chosen columns."""
    result = features_cache.uploaded(raw)
    if isinstance(result, csv_import.Refusal):
        st.error(t(f"upload.refusal.{result.code}", **result.details), icon=":material/block:")
        return
    for code, details in result.notes:   # column names as the file wrote them, even "-5"
        st.info(t(f"upload.note.{code}", **{k: _verbatim(v, t) for k, v in details.items()}), icon=":material/info:")
    if len(result.names) < 2:
        st.warning(t("upload.need_two"))
        return
    chosen = st.multiselect(t("upload.columns"), result.names, default=list(result.names[:2]),
                            key="in_upload_cols", max_selections=8, placeholder=t("upload.columns_placeholder"))
    if len(chosen) < 2:
        st.warning(t("upload.need_two"))
        return
    idx = [result.names.index(c) for c in chosen]
    x = result.values[:, idx]
    std = features.standardize(x)
    names = tuple(Verbatim(c) for c in chosen)
    st.markdown(t("upload.summary", n=f"{x.shape[0]:,}", d=len(names),
                  kappa=f"{features.condition_number(x):,.4g}",
                  kappa_std=f"{features.condition_number(std.z):,.4g}"))
    inputs_panels.views(x, std, names, t, key="upload")
    inputs_panels.stats_table(x, std, names, t, key="upload")
    inputs_panels.sample_formula(x, std, names, t, key="upload")


def _verbatim(value, t: Translator):
    """A note's detail as the file wrote it: a text verbatim, a tuple of column names joined as the
    page's language writes a list; numbers as they are."""
    if isinstance(value, tuple):
        return Verbatim(t("common.list_sep").join(value))
    return Verbatim(value) if isinstance(value, str) else value
