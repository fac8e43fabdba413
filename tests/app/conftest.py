"""AppTest harness: run app.py (the entry point), then switch to a page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "home": "chapters/home.py",
    "inputs": "chapters/inputs.py",
    "loss_surface": "chapters/loss_surface.py",
    "bn_layer": "chapters/bn_layer.py",
    "running_stats": "chapters/running_stats.py",
    "training": "chapters/training.py",
    "why_bn": "chapters/why_bn.py",
    "norm_family": "chapters/norm_family.py",
    "glossary": "chapters/glossary.py",
}
CHARTLESS = {"glossary"}   # pages of text only: no chart to give alt text or a main chart


def open_page(page: str, lang: str = "en", **params) -> AppTest:
    """Run the entry point with ?lang=&params, then switch to `page` (AppTest needs a first run)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "home":
        at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def client_charts(at: AppTest) -> list[dict]:
    """The data each client-side chart (`ui.client_chart`) on the page was sent: its cells (each a
    figure as JSON text, its model and alt text, or a note), sliders and whether clicks are sent."""
    return [json.loads(e.proto.json) for e in at.get("bidi_component")
            if e.proto.component_name == "lab_client_chart"]


def client_slider(at: AppTest, key: str) -> dict:
    """The slider `key` of a client-side chart on the page: its key, label, min, max, step, help,
    disabled and value."""
    return next(s for chart in client_charts(at) for s in chart["sliders"] if s["key"] == key)


def set_client(at: AppTest, key: str, value) -> AppTest:
    """Settle client-side slider `key` at `value`, as the browser's message does when the reader lets go
    (ui.client_chart: the value lands in session state and the page runs)."""
    at.session_state[key] = value
    return at.run()


@pytest.fixture
def open_app():
    return open_page


@pytest.fixture
def sent_figures(monkeypatch):
    """Every figure the pages opened in the test put on the page (through `ui.charts.show` or
    `ui.client_chart.show_cells`), in order."""
    import ui.charts

    seen: list = []
    real = ui.charts.show

    def spy(fig, key, **kwargs):
        seen.append(fig)
        return real(fig, key, **kwargs)

    monkeypatch.setattr(ui.charts, "show", spy)
    import ui.client_chart

    real_client = ui.client_chart.show_cells

    def client_spy(cells, **kwargs):
        seen.extend(c.fig for c in cells if c.fig is not None)
        return real_client(cells, **kwargs)

    monkeypatch.setattr(ui.client_chart, "show_cells", client_spy)
    return seen
