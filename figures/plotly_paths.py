"""Plotly's key-path parser, memoized.

Every `update_layout`, `update_xaxes`, `add_trace(row=, col=)` and property lookup on a Plotly
object parses its keys ("margin", "xaxis2", "error_x", "annotations[0].text") with
`plotly.basedatatypes._str_to_dict_path_full`, which rebuilds the answer from scratch each time.
That parse was ~45 % of `theme.style()` and of `make_subplots` (2026-11-26, plotly 7.1). The parse
is a pure function of the string, so caching it changes no result; the list it returns is copied
for each caller. `install()` is idempotent and does nothing if Plotly renames the function."""

from __future__ import annotations

import functools

import plotly.basedatatypes as _plotly_base

_ORIGINAL = getattr(_plotly_base, "_str_to_dict_path_full", None)


@functools.lru_cache(maxsize=4096)
def _parsed(path: str) -> tuple[tuple, tuple[int, ...]]:
    keys, starts = _ORIGINAL(path)
    return keys, tuple(starts)


def str_to_dict_path_full(path):
    """Same (keys tuple, start-index list) as Plotly's parser; strings are served from the cache."""
    if not isinstance(path, str):
        return _ORIGINAL(path)
    keys, starts = _parsed(path)
    return keys, list(starts)


def install() -> bool:
    """Route Plotly's parser through the cache; returns whether it is in place."""
    if _ORIGINAL is None:
        return False
    _plotly_base._str_to_dict_path_full = str_to_dict_path_full
    return True


install()
