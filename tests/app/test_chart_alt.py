"""Every chart tells a screen reader what it shows, in the page's language."""

from __future__ import annotations

import re
import string

import pytest

from tests.app.conftest import CHARTLESS, PAGES, client_charts, open_page
from ui import i18n

# settings that put every chart of a page on it (chapter 2's 3-D views, chapter 5's sweeps)
EVERYTHING = {"loss_surface": {"ls_3d": "true"}, "training": {"tr_sweep": "true", "tr_steps": "40"}}
CJK = re.compile(r"[\u4e00-\u9fff]")


def alt_pattern(template: str) -> re.Pattern:
    """The catalog text with each {placeholder} matching any non-empty text."""
    parts = [re.escape(lit) + ("(.+)" if name else "") for lit, name, _, _ in string.Formatter().parse(template)]
    return re.compile("".join(parts) + r"\Z")


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
@pytest.mark.parametrize("page", sorted(set(PAGES) - CHARTLESS))
def test_every_chart_has_alt_text_from_the_catalog_in_the_page_language(page, lang):
    at = open_page(page, lang, **EVERYTHING.get(page, {}))
    alts = [chart.proto.alt for chart in at.get("plotly_chart")] + [
        cell["alt"] for chart in client_charts(at) for cell in chart["cells"] if "figure" in cell]
    templates = [alt_pattern(v) for k, v in i18n.catalog(lang).items() if k.startswith("alt.")]
    assert alts and all(any(p.match(alt) for p in templates) for alt in alts), alts
    assert all("{" not in alt for alt in alts)            # every placeholder was filled
    assert len(set(alts)) == len(alts)                     # two charts on a page are told apart
    if lang == "zh":
        assert all(CJK.search(alt) for alt in alts)
