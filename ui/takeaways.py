"""A chapter's "What to remember" box: the catalog's remember.<page>.1, .2, ... as bullets."""

from __future__ import annotations

import streamlit as st

from .i18n import Translator


def remember(page: str, t: Translator) -> None:
    with st.container(border=True, key=f"remember_{page}"):
        st.markdown(f"**:material/bookmark: {t('remember.header')}**")
        st.markdown("\n".join(f"- {item}" for item in t.items(f"remember.{page}")))
