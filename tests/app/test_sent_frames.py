"""Figures skip Plotly's validation at run time (figures.lab_figure); here every figure that any page
sends, frames included, must be exactly what Plotly's validators make of it: no misspelt properties,
no values Plotly would rewrite, the same numbers."""

from __future__ import annotations

import pytest

from figures.lab_figure import LabFigure
from figures.packed import pack
from tests.app.conftest import PAGES, open_page
from tests.wire import mismatch, plain


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_sent_figure_is_what_plotly_would_send(page, lang, sent_figures):
    open_page(page, lang)
    assert sent_figures and all(isinstance(f, LabFigure) for f in sent_figures)
    if page in ("bn_layer", "loss_surface", "running_stats", "training"):
        assert any(f.frames for f in sent_figures), "this page has an animation"
    for fig in sent_figures:
        sent, validated = fig.to_dict(), pack(fig.to_plotly().to_dict())
        sent["layout"].pop("datarevision")      # ours only (figures.packed.fingerprint)
        validated["layout"].pop("template")     # go.Figure's default; LabFigure sends none
        assert mismatch(plain(sent), plain(validated)) is None, mismatch(plain(sent), plain(validated))
