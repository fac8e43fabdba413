"""Browser behaviour: animations play client-side, language survives navigation, cold deep links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.e2e.browser import EXCEPTION, chart_data, move_slider, play_until, wait_idle
from ui.i18n import Translator


def test_five_steps_animation_plays_in_the_browser(page, server_url):
    page.goto(f"{server_url}/bn-layer?lang=en")
    wait_idle(page)
    t = Translator("en")
    assert t("layer.steps.title.1") in chart_data(page, 0, "g.layout.title.text")
    play_until(page, 0, f"g.layout.title.text.includes({t('layer.steps.title.5')!r})")
    dots = chart_data(page, 0, "Array.from(g._fullData[0].x)")
    assert len(dots) == 32
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_ema_animation_reveals_more_steps(page, server_url):
    page.goto(f"{server_url}/running-stats?lang=zh&rs_step=5")
    wait_idle(page)
    # x spans every step; the revealed steps are the y values (Plotly draws min(len x, len y) points)
    assert chart_data(page, 0, "g._fullData[0].y.length") == 5
    assert chart_data(page, 0, "g._fullData[0]._length") == 5
    play_until(page, 0, "g._fullData[0].y.length > 50 && g._fullData[0]._length > 50")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_language_switch_survives_page_change(page, server_url):
    page.goto(f"{server_url}/?lang=en")
    wait_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    wait_idle(page)
    zh = Translator("zh")
    assert page.locator("h1").first.inner_text().strip() == zh("home.title")
    assert "lang=zh" in page.url
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=zh("nav.bn_layer")).click()
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == zh("layer.title")
    assert "lang=zh" in page.url


def test_chapter_footer_leads_on_and_back_in_the_same_language(page, server_url):
    page.goto(f"{server_url}/inputs?lang=zh")
    wait_idle(page)
    zh = Translator("zh")
    main = page.locator('[data-testid="stMain"]')
    chapter_2 = zh("home.map.chapter", n=2, title=zh("nav.loss_surface"))
    main.get_by_role("link", name=zh("nav.following", title=chapter_2)).click()
    page.wait_for_url("**/loss-surface?**", timeout=30_000)
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == zh("surface.title.page")
    assert "/loss-surface" in page.url and "lang=zh" in page.url
    main.get_by_role("link", name=zh("nav.previous", title=zh("home.map.chapter", n=1, title=zh("nav.inputs")))).click()
    page.wait_for_url("**/inputs?**", timeout=30_000)
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == zh("inputs.title")
    assert "lang=zh" in page.url
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_deep_link_on_a_cold_server_finds_its_page(page, fresh_server_url):
    page.goto(f"{fresh_server_url}/running-stats?lang=zh&rs_batch=4")
    wait_idle(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("h1").first.inner_text().strip() == Translator("zh")("running.title")


def test_training_distributions_animation_plays(page, server_url):
    page.goto(f"{server_url}/training?lang=zh&tr_rec=0")
    wait_idle(page)
    first = chart_data(page, 2, "Array.from(g._fullData[0].y)")
    play_until(page, 2, f"JSON.stringify(Array.from(g._fullData[0].y)) !== JSON.stringify({first})")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_a_slider_inside_a_fragment_keeps_the_address_and_the_share_link_current(page, server_url):
    """'Sample i' reruns only its fragment; the address bar follows it, and opening the share box
    (which reruns the app) shows a link with the new value."""
    page.goto(f"{server_url}/bn-layer?lang=en")
    wait_idle(page)
    t = Translator("en")
    move_slider(page, t("layer.cell.sample"), presses=2)
    page.wait_for_function("() => location.search.includes('bn_i=3')", timeout=15_000)
    wait_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(t("common.share")).click()
    link = page.locator('[data-testid="stPopoverBody"] code').first
    link.wait_for(timeout=15_000)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stPopoverBody\"] code')]"
                           ".some(c => c.innerText.includes('bn_i=3'))", timeout=15_000)
    assert "lang=en" in link.inner_text()
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()


def test_a_path_that_is_no_page_opens_a_real_page_without_streamlits_dialog(page, server_url):
    zh = Translator("zh")
    main = page.locator('[data-testid="stMain"]')
    # a chapter in another spelling: that chapter, with the link's settings
    page.goto(f"{server_url}/Loss_Surface?lang=zh&d_n=300")
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == zh("surface.title.page")
    assert urlsplit(page.url).path == "/loss-surface"
    assert parse_qs(urlsplit(page.url).query) == {"lang": ["zh"], "d_n": ["300"]}
    samples = main.locator('[data-testid="stSlider"]').filter(has_text=zh("data.n"))   # under "More settings",
    assert samples.locator('[data-testid="stSliderThumbValue"]').first.inner_text().strip() == "300"  # open
    # /home is home, without a notice
    page.goto(f"{server_url}/home?lang=zh")
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == zh("home.title")
    assert urlsplit(page.url).path == "/"
    assert page.locator('[data-testid="stAlert"]').count() == 0
    # anything else: home, and a notice in the page's language that shows the path as text
    for path, shown in (("%3Cscript%3Ealert(1)", "<script>alert(1)"), ("x" * 300, "x" * 40 + "…")):
        page.goto(f"{server_url}/{path}?lang=zh")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == zh("home.title")
        assert urlsplit(page.url).path == "/" and "lang=zh" in page.url
        notice = page.locator('[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')
        assert notice.inner_text().strip() == zh("common.page_unknown", path=shown)
        assert page.get_by_text("Page not found").count() == 0
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).all_inner_texts()
