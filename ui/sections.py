"""The two kinds of folded section a lesson page uses: "More settings" (the controls beyond the two or
three the chapter is about, still in the URL) and "Under the hood" (detail for the curious)."""

from __future__ import annotations

import streamlit as st

from .i18n import Translator


def more_settings(t: Translator, keys: tuple[str, ...], where=st):
    """An expander for the secondary controls; open when the URL sets one of `keys` (a shared link's
    settings, and any notice about a value in it, are then in sight)."""
    return where.expander(t("common.more_settings"), icon=":material/tune:",
                          expanded=any(k in st.query_params for k in keys))


def under_the_hood(t: Translator, where=st):
    return where.expander(t("common.under_the_hood"), icon=":material/build:")
