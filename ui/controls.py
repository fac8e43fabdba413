"""URL-bound widgets. Each widget's key is its URL parameter, so a copied link reproduces the view.

A value in the link that is out of range is clamped (and said so); junk is ignored (and said so).
Defaults are passed only while the key is not in session state, which avoids Streamlit's
"default value and Session State" warning after a callback set the value.
"""

from __future__ import annotations

import streamlit as st

from .i18n import Translator
from .params import Parsed, parse_number


def _read_url_number(key: str, lo, hi, *, integer: bool, label: str, t: Translator, where) -> Parsed | None:
    """On the first run with ?key=..., parse the URL value and say so when it was clamped or junk.
    None when there is nothing to read (no parameter, or the widget already has a value)."""
    if key in st.session_state or key not in st.query_params:
        return None
    parsed = parse_number(st.query_params.get_all(key), lo, hi, integer=integer)
    if parsed.status == "clamped":
        where.caption(":material/info: " + t("common.url_clamped", label=label, lo=lo, hi=hi, value=parsed.value))
    elif parsed.status == "invalid":
        where.caption(":material/info: " + t("common.url_invalid", label=label))
    return parsed


def _keep_in_range(key: str, lo, hi) -> None:
    """Another control may have shrunk this one's range (fewer samples): follow it silently."""
    value = st.session_state.get(key)
    if isinstance(value, (int, float)) and not lo <= value <= hi:
        st.session_state[key] = min(max(value, lo), hi)


BOUND = "_bound_values"   # {key: URL code} of the widgets Streamlit binds to the URL, as this run drew them


def start_run() -> None:
    """Forget the last full run's bound values (app.py, before the page): the page records its own."""
    st.session_state[BOUND] = {}


def bound_values() -> dict[str, str]:
    """The URL codes of the bound widgets the page drew. Streamlit keeps those values in the browser's
    address; the server's st.query_params only sees them on the next run, so whatever builds a link
    within a run (a lesson's view) takes them from here."""
    return dict(st.session_state.get(BOUND, {}))


def _record(key: str, value, default) -> None:
    record = st.session_state.setdefault(BOUND, {})
    if value == default:
        record.pop(key, None)
    else:
        record[key] = str(value).lower() if isinstance(value, bool) else url_code(value)


def _default(key: str, default) -> dict:
    return {} if key in st.session_state else {"value": default}


def slider(label: str, key: str, lo, hi, default, *, t: Translator, step=None, fmt=None,
           help=None, where=st, **kwargs):
    """A slider bound to ?key=, with URL values clamped into [lo, hi]."""
    integer = isinstance(lo, int) and isinstance(hi, int)
    parsed = _read_url_number(key, lo, hi, integer=integer, label=label, t=t, where=where)
    if parsed is not None and parsed.status == "clamped":
        st.session_state[key] = parsed.value
    elif parsed is not None and parsed.status == "invalid":
        # drop it from the URL too, so Streamlit's own binding never tries to parse it
        st.session_state[key] = default
        del st.query_params[key]
    _keep_in_range(key, lo, hi)
    value = where.slider(label, lo, hi, step=step, format=fmt, help=help, key=key,
                         bind="query-params", **_default(key, default), **kwargs)
    _record(key, value, default)
    return value


def number(label: str, key: str, lo: int, hi: int, default: int, *, t: Translator, help=None,
           where=st, **kwargs) -> int:
    """An integer number input kept in ?key=, with URL values clamped into [lo, hi].

    Synced by hand rather than with bind="query-params": Streamlit's own URL parsing for number
    inputs raises an OverflowError on ?key=inf before any of our code could intervene."""
    seed_number(key, lo, hi, default, integer=True, label=label, t=t, where=where)
    value = where.number_input(label, lo, hi, step=1, help=help, key=key, persist_state="session", **kwargs)
    sync_url(key, int(value), default)
    return int(value)


def seed_number(key: str, lo, hi, default, *, integer: bool, label: str, t: Translator, where=st) -> None:
    """For a control whose URL value is kept by hand (`sync_url`): on the first run take ?key=
    (clamped, or ignored when it is junk, with a notice either way), else the default; later runs keep
    session state, inside [lo, hi]."""
    if key not in st.session_state:
        parsed = _read_url_number(key, lo, hi, integer=integer, label=label, t=t, where=where)
        ok = parsed is not None and parsed.status != "invalid"
        st.session_state[key] = parsed.value if ok else default
    _keep_in_range(key, lo, hi)


def url_code(option) -> str:
    """The language-neutral text an option has in the URL: "pytorch", "1e-05", "3"."""
    return f"{option:g}" if isinstance(option, float) else str(option)


def seed_choice(key: str, options, default, *, label: str, t: Translator, where=st) -> None:
    """On the first run, take ?key= if it names an option (by its URL code), else the default; later
    runs keep session state while it is one of the options."""
    if key in st.session_state:
        if st.session_state[key] not in options:
            st.session_state[key] = default
        return
    codes = {url_code(o): o for o in options}
    raw = st.query_params.get(key)
    if raw is not None and raw not in codes:
        where.caption(":material/info: " + t("common.url_unknown", label=label))
    st.session_state[key] = codes.get(raw, default)


def sync_url(key: str, value, default, *, always: bool = False) -> None:
    """Write ?key=<code> unless the value is the default (keeps shared links short)."""
    code = url_code(value)
    if value != default or always:
        if st.query_params.get(key) != code:
            st.query_params[key] = code
    elif key in st.query_params:
        del st.query_params[key]


def choice(label: str, key: str, options, default, *, t: Translator, format_func=str,
           widget: str = "radio", help=None, where=st, always_in_url: bool = False, **kwargs):
    """A radio, selectbox or select_slider whose choice lives in ?key=<code>.

    Streamlit's own binding writes the *displayed* (translated) label into the URL, which would
    make a link depend on the language; here the URL holds the neutral `url_code` instead.
    """
    make = {"radio": where.radio, "selectbox": where.selectbox, "select_slider": where.select_slider}[widget]
    options = tuple(options)
    seed_choice(key, options, default, label=label, t=t, where=where)
    value = make(label, options, format_func=format_func, help=help, key=key,
                 persist_state="session", **kwargs)
    sync_url(key, value, default, always=always_in_url)
    return value


def flag(label: str, key: str, default: bool, *, t: Translator, widget: str = "checkbox", help=None,
         where=st, **kwargs) -> bool:
    """A checkbox or toggle bound to ?key=true|false; any other URL value is ignored with a notice."""
    raw = st.query_params.get(key) if key not in st.session_state else None
    if raw is not None and raw.strip().lower() not in ("true", "false"):
        where.caption(":material/info: " + t("common.url_unknown", label=label))
    make = where.toggle if widget == "toggle" else where.checkbox
    value = bool(make(label, key=key, bind="query-params", help=help, **_default(key, default), **kwargs))
    _record(key, value, default)
    return value
