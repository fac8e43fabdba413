"""Plotly's key-path parser, memoized, for the magic-underscore keys of `LabFigure`.

"marker_color" means marker.color, "xaxis2_title_text" means xaxis2.title.text, while "error_x" and
"plot_bgcolor" are single properties. Plotly's `_str_to_dict_path_full` knows which is which; it
rebuilds its answer from scratch on every call, so the answers are cached (a pure function of the
string)."""

from __future__ import annotations

import functools

from plotly.basedatatypes import _str_to_dict_path_full


@functools.lru_cache(maxsize=4096)
def key_path(key: str) -> tuple[str | int, ...]:
    """The nested keys a property path stands for: "legend_font_size" -> ("legend", "font", "size")."""
    return tuple(_str_to_dict_path_full(key)[0])
