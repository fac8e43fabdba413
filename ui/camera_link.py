"""The 3-D charts' camera in the URL: where the reader turned a chart survives the next slider move
(Streamlit draws every changed chart anew, from its spec's camera) and goes into a copied link.

The browser side (`camera_link.js`, a Streamlit component without HTML of its own) writes each
chart's camera into ?<key>= when the reader lets go of it; Streamlit sends the address with every
rerun, and `read` takes the camera from there. Junk in the parameter is ignored with a notice and
removed from the URL, as for every control (`ui.controls`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .i18n import Translator
from .params import parse_camera

_SCRIPT = Path(__file__).with_suffix(".js").read_text(encoding="utf-8")
_keeper = st.components.v2.component("lab_camera_link", js=_SCRIPT, isolate_styles=False)


def read(key: str, *, label: str, t: Translator, where=st) -> tuple[float, ...] | None:
    """The camera (eye x, y, z, centre x, y, z) in ?key=, or None (no parameter, or junk: then a
    notice, and the parameter is dropped). A camera out of range is moved in, said once, and written
    back moved."""
    if key not in st.query_params:
        return None
    parsed = parse_camera(st.query_params.get_all(key))
    if parsed.status == "invalid":
        where.caption(":material/info: " + t("common.url_camera_invalid", label=label))
        del st.query_params[key]
        return None
    if parsed.status == "clamped":
        where.caption(":material/info: " + t("common.url_camera_clamped", label=label))
        st.query_params[key] = ",".join(f"{v:g}" for v in parsed.value)
    return parsed.value


def keep(params: dict[str, str], key: str) -> None:
    """Start writing the camera of each chart named in `params` (its alt text -> its URL parameter)."""
    _keeper(key=key, data={"params": params})


def forget(keys: list[str]) -> None:
    """Drop these cameras from the URL (their charts are not shown)."""
    for key in keys:
        if key in st.query_params:
            del st.query_params[key]
