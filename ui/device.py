"""Is the page open on a phone? Told by the request's headers: Streamlit sends the server no screen width."""

from __future__ import annotations

import streamlit as st


def is_phone() -> bool:
    """True for a phone's browser: Chromium's client hint `Sec-CH-UA-Mobile: ?1`, or "Mobi" in the
    User-Agent (MDN's advice for telling phones from tablets and desktops; Safari and Firefox send no
    client hints). False when there are no headers (AppTest, a bare script)."""
    headers = st.context.headers
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in headers.get("User-Agent", "")
