"""The 3-D charts' camera in the URL: where the reader turned a chart survives the next slider move
(Streamlit draws every changed chart anew, from its spec's camera) and goes into a copied link.

The browser side (`camera_link.js`, a Streamlit component without HTML of its own) sends a chart's
camera when the reader lets go of it. That starts a run, whose callback writes the camera into
?<param>= (so every later run, and the share link, has it); the run itself draws the charts from the
cameras they were drawn from before, so their specs are unchanged and Streamlit leaves the turned
chart as the reader left it. The next run draws it from the new camera. Junk in the parameter is
ignored with a notice and removed from the URL, as for every control (`ui.controls`).

(Why not let the script write the address itself: Streamlit sends the browser's query string with a
rerun only when a URL-bound widget changed; after any other rerun that writes a parameter, such as
the language radio, the server's own copy replaces the address, and the camera was lost.)"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

from .i18n import Translator
from .params import parse_camera

_SCRIPT = Path(__file__).with_suffix(".js").read_text(encoding="utf-8")
_keeper = st.components.v2.component("lab_camera_link", js=_SCRIPT, isolate_styles=False)
# In a run the reader started by letting go of a chart: {its parameter: the URL value it was drawn from}
_HELD = "_camera_held"


def read(param: str, *, label: str, t: Translator, where=st) -> tuple[float, ...] | None:
    """The camera (eye x, y, z, centre x, y, z) in ?param=, or None (no parameter, or junk: then a
    notice, and the parameter is dropped). A camera out of range is moved in, said once, and written
    back moved."""
    if param not in st.query_params:
        return None
    parsed = parse_camera(st.query_params.get_all(param))
    if parsed.status == "invalid":
        where.caption(":material/info: " + t("common.url_camera_invalid", label=label))
        del st.query_params[param]
        return None
    if parsed.status == "clamped":
        where.caption(":material/info: " + t("common.url_camera_clamped", label=label))
        st.query_params[param] = ",".join(f"{v:g}" for v in parsed.value)
    return parsed.value


def camera(param: str, *, label: str, t: Translator, where=st) -> tuple[float, ...] | None:
    """The camera to draw ?param='s chart from: the link's (`read`), except in a run the reader started
    by turning a chart, which keeps the cameras the charts were drawn from (the turned chart already
    shows its new view; a new spec would draw it again)."""
    held = st.session_state.get(_HELD, {})
    if param in held:               # checked when it was drawn: no notice, no rewrite
        return parse_camera(held[param]).value
    return read(param, label=label, t=t, where=where)


def _turned(key: str, param: str) -> None:
    """Callback: the reader let go of ?param='s chart; its camera goes into the URL, and this run keeps
    the one it was drawn from (the first, if two turns come before a run)."""
    value = (st.session_state.get(key) or {}).get(param)
    if isinstance(value, str):
        st.session_state.setdefault(_HELD, {}).setdefault(param, st.query_params.get(param))
        st.query_params[param] = value


def done() -> None:
    """The run's cameras are settled (call once the 3-D charts are drawn, or known not to be)."""
    st.session_state.pop(_HELD, None)


def keep(params: dict[str, str], key: str) -> None:
    """Listen to the charts named in `params` (alt text -> URL parameter); call after drawing them."""
    done()
    callbacks = {f"on_{param}_change": functools.partial(_turned, key, param) for param in sorted(set(params.values()))}
    _keeper(key=key, data={"params": params}, **callbacks)


def forget(params: list[str]) -> None:
    """Drop these cameras from the URL (their charts are not shown)."""
    for param in params:
        if param in st.query_params:
            del st.query_params[param]
