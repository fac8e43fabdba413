"""What a phone is sent (ui.device says "phone"): no row of panels, titles and legends with room above
the plot, no mode bar, the diagram as a column; a desktop still gets the rows."""

from __future__ import annotations

import json

import pytest

from figures.phone import LINE_PX, WIDTH_PX, legend_px, legend_rows, legend_space, text_px
from figures.theme import shows_colour_bar
from tests.app.conftest import PAGES, open_page
from tests.user_agents import ANDROID, DESKTOP, IPAD, IPHONE
from tests.wire import plain
from ui import i18n

EVERYTHING = {"loss_surface": {"ls_3d": "true"}, "training": {"tr_sweep": "true", "tr_steps": "40"}}


def sent(page: str, lang: str) -> list[tuple[dict, dict]]:
    """(figure spec, config) of every chart the page sends."""
    at = open_page(page, lang, **EVERYTHING.get(page, {}))
    return [(plain(json.loads(c.proto.spec)), json.loads(c.proto.config)) for c in at.get("plotly_chart")]


def x_domains(layout: dict) -> list[list[float]]:
    return [a.get("domain", [0, 1]) for k, a in layout.items() if k.startswith("xaxis")]


@pytest.fixture
def phone(monkeypatch):
    import ui.device

    monkeypatch.setattr(ui.device, "is_phone", lambda: True)


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
@pytest.mark.parametrize("page", PAGES)
def test_a_phone_gets_full_width_panels_and_room_for_titles_and_legends(page, lang, phone):
    for spec, config in sent(page, lang):
        layout = spec["layout"]
        assert all(d == [0, 1] for d in x_domains(layout)), x_domains(layout)    # every panel full width
        assert config.get("displayModeBar") is False
        bars = [t for t in spec["data"] if shows_colour_bar(t)]
        assert all(t.get("colorbar", {}).get("orientation") == "h" for t in bars)    # above, not at the right
        margin = layout["margin"]
        title = layout.get("title", {}).get("text", "")
        lines = title.split("<br>") if title else []
        assert all(text_px(line, 16) <= WIDTH_PX - 10 for line in lines), lines
        plot = layout["height"] - margin["t"] - margin["b"]
        legend = layout.get("legend", {})
        rows = legend_rows(layout, spec["data"], legend_space(layout, WIDTH_PX, margin["r"]))
        above = legend_px(rows) + max(legend.get("y", 1) - 1, 0) * plot if legend.get("yanchor") == "bottom" else 0
        title_block = (layout["title"].get("pad", {}).get("t", 0) + len(lines) * LINE_PX) if lines else 0
        assert margin["t"] >= title_block + above - 2, (title, rows, margin["t"])


def test_a_desktop_still_gets_rows_of_panels_and_the_diagram_in_a_row():
    specs = [s for s, _ in sent("bn_layer", "en")]
    assert any(len({tuple(d) for d in x_domains(s["layout"])}) >= 3 for s in specs)       # the backward panels
    diagram = next(s for s in specs if any(sh.get("type") == "rect" for sh in s["layout"].get("shapes", [])))
    rects = [sh for sh in diagram["layout"]["shapes"] if sh["type"] == "rect"]
    assert len({r["y0"] for r in rects}) == 1                                           # one row


def test_a_phone_gets_the_diagram_as_a_column(phone):
    specs = [s for s, _ in sent("bn_layer", "zh")]
    diagram = next(s for s in specs if any(sh.get("type") == "rect" for sh in s["layout"].get("shapes", [])))
    rects = [sh for sh in diagram["layout"]["shapes"] if sh["type"] == "rect"]
    assert len({r["y0"] for r in rects}) == len(rects) == 5 and len({(r["x0"], r["x1"]) for r in rects}) == 1



@pytest.mark.parametrize(("headers", "is_phone"), [
    ({"User-Agent": ANDROID, "Sec-CH-UA-Mobile": "?1"}, True),
    ({"User-Agent": IPHONE}, True),                        # Safari sends no client hints
    ({"User-Agent": "", "Sec-CH-UA-Mobile": "?1"}, True),
    ({"User-Agent": DESKTOP, "Sec-CH-UA-Mobile": "?0"}, False),
    ({"User-Agent": IPAD}, False),                         # a tablet gets the desktop layout
    ({}, False),
])
def test_a_phone_is_told_by_its_client_hint_or_its_user_agent(monkeypatch, headers, is_phone):
    from types import SimpleNamespace

    import ui.device

    monkeypatch.setattr(ui.device, "st", SimpleNamespace(context=SimpleNamespace(headers=headers)))
    assert ui.device.is_phone() is is_phone
