"""Chapters 1 and 2 in a real browser: click to set the start, play the descent, hostile uploads."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from figures.contours import PATH_TRACE
from tests.e2e.browser import DESCENT_START, EXCEPTION, chart_data, move_slider, play_until, wait_idle
from ui.i18n import Translator


def test_click_on_the_contour_sets_the_start(page, server_url):
    page.goto(f"{server_url}/loss-surface?lang=en")
    wait_idle(page)
    before = chart_data(page, 1, f"Array.from({DESCENT_START}.x)")
    plot = page.locator(".js-plotly-plot").nth(1)
    plot.scroll_into_view_if_needed()
    box = plot.locator(".nsewdrag").first.bounding_box()
    page.mouse.click(box["x"] + 0.8 * box["width"], box["y"] + 0.8 * box["height"])
    page.wait_for_function(
        f"() => {{ const g = document.querySelectorAll('.js-plotly-plot')[1];"
        f" return JSON.stringify(Array.from({DESCENT_START}.x)) !== JSON.stringify({before}); }}", timeout=20_000)
    wait_idle(page)
    u = page.locator('[data-testid="stSlider"]').filter(has_text=Translator("en")("surface.ctl.u"))
    assert "-0.80" not in u.inner_text()
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_descent_animation_plays(page, server_url):
    page.goto(f"{server_url}/loss-surface?lang=zh&ls_step=0")
    wait_idle(page)
    # the path's x spans every step; the shown steps are its y values (Plotly draws min(len x, len y))
    path = f"g._fullData[{PATH_TRACE}]"
    assert chart_data(page, 1, f"{path}.y.length") == 1
    assert chart_data(page, 1, f"{path}._length") == 1
    play_until(page, 1, f"{path}.y.length > 30 && {path}._length > 30")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_3d_views_draw_both_surfaces_on_their_boxes(page, server_url, screenshot_dir):
    """The optional 3-D views draw in WebGL, with z from 0 (the minimum) and the box as x and y."""
    page.goto(f"{server_url}/loss-surface?lang=zh&ls_3d=true")
    wait_idle(page)
    page.get_by_text(Translator("zh")("surface.caption_3d")).scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout"
                           " && g._fullLayout.scene && g.querySelector('canvas')).length == 2", timeout=30_000)
    scenes = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout.scene)"
                           ".map(g => [g._fullLayout.scene.zaxis.range, g._fullLayout.scene.xaxis.range,"
                           " g._fullData[0].x[0], g._fullData[0].x[g._fullData[0].x.length - 1]])")
    for z_range, x_range, x_first, x_last in scenes:
        assert z_range[0] == 0 and z_range[1] > 0
        assert x_range == pytest.approx([x_first, x_last], rel=1e-5)
    page.screenshot(path=str(screenshot_dir / "loss-surface-3d_zh.png"))
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


# the eye of each 3-D chart as plotly.js draws it, in page order
EYES = ("() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(g => g._fullLayout && g._fullLayout.scene && g.querySelector('canvas'))"
        ".map(g => { const e = g._fullLayout.scene.camera.eye; return [e.x, e.y, e.z]; })")
CAMERA_IN_URL = "() => new URL(location.href).searchParams.get('ls_cam_raw')"


def test_a_turned_3d_view_stays_after_a_slider_move_and_is_in_the_link(page, server_url):
    """Dragging the raw 3-D chart puts its camera in ?ls_cam_raw= without drawing the chart again; the
    next runs (a slider move, another language) draw it from there, while the other chart keeps the
    starting view."""
    page.goto(f"{server_url}/loss-surface?lang=en&ls_3d=true")
    wait_idle(page)
    page.get_by_text(Translator("en")("surface.caption_3d")).scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({EYES})().length == 2", timeout=30_000)
    start = page.evaluate(EYES)
    assert start[0] == start[1]
    page.evaluate("() => { document.querySelectorAll('.js-plotly-plot')[2].__turnedHere = true; }")
    box = page.locator('.js-plotly-plot').nth(2).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 90, y + 15, steps=8)
    page.mouse.up()
    page.wait_for_function(f"() => ({CAMERA_IN_URL})() !== null", timeout=10_000)
    written = [float(v) for v in page.evaluate(CAMERA_IN_URL).split(",")]
    assert written[:3] != pytest.approx(start[0], abs=0.05)       # the drag turned the view
    wait_idle(page)
    assert page.evaluate("() => document.querySelectorAll('.js-plotly-plot')[2].__turnedHere === true")
    move_slider(page, "Samples", presses=1)
    redrawn = f"() => {{ const e = ({EYES})(); return e.length == 2 && Math.abs(e[0][0] - {written[0]}) < 1e-6; }}"
    page.wait_for_function(redrawn, timeout=30_000)
    wait_idle(page)
    eyes = page.evaluate(EYES)
    assert eyes[0] == pytest.approx(written[:3], abs=1e-9)
    assert eyes[1] == pytest.approx(start[1])
    assert "ls_cam_raw=" in page.url and "d_n=" in page.url
    page.get_by_text("中文", exact=True).click()
    page.wait_for_function("() => new URL(location.href).searchParams.get('lang') === 'zh'", timeout=30_000)
    page.wait_for_function(redrawn, timeout=30_000)
    wait_idle(page)
    assert page.evaluate(EYES)[0] == pytest.approx(written[:3], abs=1e-9)
    assert page.evaluate(CAMERA_IN_URL) is not None
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


@pytest.mark.parametrize(("name", "data", "key"), [
    ("binary.csv", bytes(range(256)) * 8, "upload.refusal.binary"),
    ("header.csv", b"a,b\n", "upload.refusal.header_only"),
])
def test_hostile_upload_shows_its_message(page, server_url, tmp_path: Path, name, data, key):
    path = tmp_path / name
    path.write_bytes(data)
    page.goto(f"{server_url}/inputs?lang=en")
    wait_idle(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    page.get_by_text(Translator("en")(key)).wait_for(timeout=20_000)
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_chinese_csv_upload_shows_the_views(page, server_url, tmp_path: Path, screenshot_dir):
    path = tmp_path / "身高体重.csv"
    path.write_text("身高,体重,备注\n170,60,a\n180,75,b\n165,,c\n175,70,d\n", encoding="utf-8")
    page.goto(f"{server_url}/inputs?lang=zh")
    wait_idle(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    t = Translator("zh")
    page.get_by_text(t("upload.note.dropped_rows", count=1, total=4, inf=False)).wait_for(timeout=20_000)
    wait_idle(page)
    assert page.locator(".js-plotly-plot").count() >= 5
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_uploaders_own_captions_are_in_the_pages_language(page, server_url, screenshot_dir, lang):
    """Streamlit writes "Upload" and "5MB per file • CSV, TXT, TSV" in English; the page's style
    sheet shows the catalog's words in their place, at the size Streamlit's text had."""
    page.goto(f"{server_url}/inputs?lang={lang}")
    wait_idle(page)
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    zone.scroll_into_view_if_needed()
    shown = [zone.locator(sel).evaluate("""e => { const own = getComputedStyle(e);
        const after = getComputedStyle(e, '::after');
        return [e.textContent, own.fontSize, after.content, after.fontSize, e.getBoundingClientRect().width]; }""")
             for sel in ('button [data-testid="stMarkdownContainer"] p',
                         '[data-testid="stFileUploaderDropzoneInstructions"] span')]
    t = Translator(lang)
    (button_text, button_size, button_after, button_after_size, button_width), limits = shown
    assert button_text == "Upload" and button_size == "0px" and button_after_size == "14px" and button_width > 0
    assert button_after == f'"{t("upload.button")}"'
    assert limits[1] == "0px" and limits[3] == "14px" and limits[4] > 0
    assert "5 MB" in limits[2] and all(kind in limits[2] for kind in ("CSV", "TXT", "TSV"))
    assert limits[2] == f'"{t("upload.limits", mb=5, types=t("upload.type_separator").join(("CSV", "TXT", "TSV")))}"'
    zone.screenshot(path=str(screenshot_dir / f"uploader_{lang}.png"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_the_browser_refuses_is_explained_in_the_pages_language(page, server_url, lang):
    """The browser refuses a PNG before the app sees it; Streamlit says why in English in the red
    chip's tooltip and in an alert for screen readers. Both show the catalog's words instead."""
    page.goto(f"{server_url}/inputs?lang={lang}")
    wait_idle(page)
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(
        [{"name": "picture.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}])
    chip = page.locator('[data-testid="stFileChip"]')
    expect(chip).to_have_attribute("aria-invalid", "true")
    chip.hover()
    tip = page.locator('[data-testid="stTooltipErrorContent"]').first
    expect(tip).to_be_visible()
    t = Translator(lang)
    refused = f'"{t("upload.refused", mb=5, types=t("upload.type_separator").join(("CSV", "TXT", "TSV")))}"'
    style = """e => { const own = getComputedStyle(e), after = getComputedStyle(e, '::after');
                      return [e.textContent, own.fontSize, own.visibility, after.content, after.fontSize,
                              after.visibility, e.getBoundingClientRect().width]; }"""
    text, size, _, after, after_size, _, width = tip.evaluate(style)
    assert "not allowed" in text and size == "0px"            # Streamlit's English, not shown
    assert after == refused and after_size == "14px" and width > 100
    text, _, visibility, after, _, after_visibility, _ = chip.locator('[role="alert"]').evaluate(style)
    assert "not allowed" in text and visibility == "hidden"
    assert after == refused and after_visibility == "visible"
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_values_near_the_largest_double_are_standardized_and_drawn(page, server_url, tmp_path: Path):
    """Values of both signs near ±1.7e308: their range is beyond float64, which made the histogram's
    binning raise (issue 31). Now the page shows every chart, drawn in units of 10³⁰⁸, and a table
    with the variance written out, not inf."""
    rng = np.random.default_rng(0)
    rows = [f"{float(a)!r},{float(b)!r}" for a, b in rng.uniform(-1.7, 1.7, (50, 2)) * 1e308]
    path = tmp_path / "huge.csv"
    path.write_text("a,b\n" + "\n".join(rows) + "\n")
    page.goto(f"{server_url}/inputs?lang=en")
    wait_idle(page)
    own = page.locator(".js-plotly-plot").count()                    # chapter 1's own charts come first
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    page.get_by_text("50 complete rows").wait_for(timeout=30_000)
    wait_idle(page)
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
    assert page.locator(".js-plotly-plot").count() - own == 2         # the upload's scatter and histograms
    x_range = chart_data(page, own, "g._fullLayout.xaxis.range")
    assert max(abs(v) for v in x_range) < 10                          # drawn in units of 10^308
    table = page.locator("table").last.inner_text()
    assert "∞" not in table and "inf" not in table and "e+61" in table


def test_a_file_of_200000_rows_renders_in_seconds_with_a_bounded_scatter(page, server_url, tmp_path: Path):
    """A 3 MB file of 200,000 rows kept the page running for over a minute: every row was drawn,
    three times. Now the scatter draws a seeded sample of 5,000 rows and says so; the statistics and
    histograms use every row."""
    rng = np.random.default_rng(1)
    data = np.column_stack([rng.uniform(1, 5, 200_000), rng.uniform(1000, 99_999, 200_000)])
    path = tmp_path / "big.csv"
    path.write_text("x1,x2\n" + "\n".join(f"{a:.4f},{b:.1f}" for a, b in data) + "\n")
    page.goto(f"{server_url}/inputs?lang=en")
    wait_idle(page)
    own = page.locator(".js-plotly-plot").count()
    started = time.monotonic()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    t = Translator("en")
    page.get_by_text(t("inputs.sampled", shown="5,000", total="200,000")).wait_for(timeout=60_000)
    wait_idle(page, 60_000)
    print(f"200,000-row upload drawn in {time.monotonic() - started:.1f} s")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
    points = chart_data(page, own, "g.data.reduce((n, tr) => n + (tr.x ? tr.x.length : 0), 0)")
    assert points <= 4 * 5_000 + 1          # two clouds on the shared panel, one on each other, the origin
    assert "200,000 complete rows" in page.locator('[data-testid="stMarkdown"]').all_inner_texts().__str__()
