"""Animation frames skip Plotly's validation at run time (figures.packed); here every frame that any
page sends must be exactly what Plotly's validators make of it: no magic-underscore keys, no
misspelt properties, the same numbers."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go
import pytest

from figures.packed import LabFigure, pack
from tests.app.conftest import PAGES, open_page

JS = {"i1": "int8", "u1": "uint8", "i2": "int16", "u2": "uint16", "i4": "int32", "u4": "uint32", "f4": "float32",
      "f8": "float64"}


def plain(tree):
    """Typed arrays decoded to float lists, numbers as floats, so two packings compare by value."""
    if isinstance(tree, dict):
        if set(tree) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(tree["bdata"]), dtype=JS[tree["dtype"]]).astype(float).tolist()
        return {k: plain(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [plain(v) for v in tree]
    if isinstance(tree, (int, float)) and not isinstance(tree, bool):
        return float(tree)
    return tree


@pytest.fixture
def sent_figures(monkeypatch):
    import ui.charts

    seen: list = []
    real = ui.charts.show

    def spy(fig, key, **kwargs):
        seen.append(fig)
        return real(fig, key, **kwargs)

    monkeypatch.setattr(ui.charts, "show", spy)
    return seen


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_sent_frame_is_what_plotly_would_send(page, sent_figures):
    open_page(page)
    animated = [f for f in sent_figures if isinstance(f, LabFigure) and f.frames]
    if page in ("bn_layer", "loss_surface", "running_stats", "training"):
        assert animated, "this page has an animation"
    for fig in animated:
        for frame in fig.frames:
            assert plain(pack(frame)) == plain(pack(go.Frame(frame).to_plotly_json()))
