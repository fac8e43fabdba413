"""The language control: ?lang= in the URL, then the browser locale, then English."""

from __future__ import annotations

import streamlit as st

from . import controls, i18n

KEY = "lang"
NAMES = {"en": "English", "zh": "中文"}


def setup() -> i18n.Translator:
    """Render the sidebar language switch and return the translator.

    ?lang= always stays in the URL, so a shared link opens in the sender's language.
    """
    if KEY not in st.session_state:
        raw = st.query_params.get(KEY)
        st.session_state[KEY] = i18n.resolve_language(raw, st.context.locale)
        if raw is not None and i18n.parse_lang(raw) is None:
            st.session_state["_lang_notice"] = True
    t = i18n.Translator(st.session_state[KEY])
    lang = controls.choice("Language / 语言", KEY, i18n.SUPPORTED, i18n.DEFAULT, t=t,
                           format_func=NAMES.__getitem__, horizontal=True, where=st.sidebar,
                           always_in_url=True)
    t = i18n.Translator(lang)
    if st.session_state.pop("_lang_notice", False):
        st.sidebar.caption(":material/info: " + t("common.bad_lang"))
    return t


def translator() -> i18n.Translator:
    """The translator for the language chosen in this session (pages call this)."""
    return i18n.Translator(st.session_state.get(KEY, i18n.DEFAULT))
