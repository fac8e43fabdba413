"""A "copy link to this view" box: the page's address with every URL-bound setting, in a code
block whose built-in copy button puts it on the clipboard."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from .i18n import Translator


def view_link() -> str:
    """The current page's URL with its query parameters (language included)."""
    base = st.context.url or ""
    params = st.query_params.to_dict()
    return f"{base}?{urlencode(params)}" if params else base


def share_box(t: Translator) -> None:
    """Opening the box reruns the app (`on_change="rerun"`), so the link is built afresh: sliders inside
    fragments rerun only their fragment, which leaves this sidebar box as the last full run drew it."""
    with st.sidebar.popover(t("common.share"), icon=":material/link:", width="stretch", key="share_open",
                            on_change="rerun"):
        st.caption(t("common.share_help"))
        st.code(view_link(), language=None, wrap_lines=True)
