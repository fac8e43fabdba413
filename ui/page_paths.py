"""Links to a page path this app does not have: /home, /Inputs, /bn_layer.py, /anything-else.

Streamlit runs the home page for such a path and shows its own English dialog ("Page not found … Running
the app's main page."), whatever the page's language. Here a path that names a page in another spelling
(any case, _ for -, a .py file name, /home, /index) opens that page, and any other path opens home with a
notice in the page's language. Either way the address bar ends up at a real page, with the link's query
parameters (language and controls) kept.

How: st.navigation resolves the page from the path alone, so for an unknown path we register one more,
hidden page at exactly that path; running it switches to the page it names.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import streamlit as st

from . import tables
from .i18n import Translator, Verbatim
from .nav import ALL, HOME, Chapter

NOTICE = "_page_path_notice"
SHOWN_CHARS = 40                     # of the unknown path, in the notice
HOME_ALIASES = ("home", "index", "index.html", "main", "app")       # compared after dropping .py


def requested(url: str | None, base: str = "") -> str | None:
    """The page path the browser asked for ('' for the root), from the app's URL (st.context.url) and the
    server's base URL path; None when there is no URL or the path has more than one segment past the base
    (Streamlit serves no page there)."""
    if not url:
        return None
    segments = [s for s in urlsplit(url).path.split("/") if s]
    base_segments = [s for s in base.split("/") if s]
    if segments[:len(base_segments)] != base_segments:
        return None
    rest = segments[len(base_segments):]
    if not rest:
        return ""
    return unquote(rest[0]) if len(rest) == 1 else None


def spelled_as(path: str) -> Chapter | None:
    """The page `path` names in another spelling (case, _ for -, a file name, a name for home), if any."""
    key = path.strip().lower().replace("_", "-").removesuffix(".py")
    if key in HOME_ALIASES:
        return HOME
    return next((c for c in ALL if c is not HOME and key == c.url_path), None)


def is_unknown(path: str | None) -> bool:
    """True for a path that is no page's own and that a page could have: the hidden redirect page is needed.
    (A page's path has no / and no spaces at its ends; Streamlit's own dialog stays for the rest.)"""
    return bool(path) and path not in {c.url_path for c in ALL} and "/" not in path and path == path.strip()


def redirect_page(path: str, t: Translator) -> st.Page:
    """A hidden page at `path` that opens the page it names (or home, with a notice) with the same query
    parameters."""
    target = spelled_as(path)

    def run() -> None:
        if target is None:
            shown = path if len(path) <= SHOWN_CHARS else path[:SHOWN_CHARS] + "…"
            st.session_state[NOTICE] = shown
        params = {k: st.query_params.get_all(k) for k in st.query_params}
        st.switch_page((target or HOME).file, query_params=params)

    return st.Page(run, title=t("nav.home"), url_path=path, visibility="hidden")


def extra_pages(t: Translator) -> list[st.Page]:
    """[the hidden redirect page] when the browser asked for a path that is no page, else []."""
    path = requested(st.context.url, st.get_option("server.baseUrlPath") or "")
    return [redirect_page(path, t)] if is_unknown(path) else []


def show_notice(t: Translator) -> None:
    """Say, once, that the link's page did not exist and home was opened instead."""
    shown = st.session_state.pop(NOTICE, None)
    if shown is not None:
        st.info(t("common.page_unknown", path=Verbatim(tables.escape(shown))), icon=":material/info:")
