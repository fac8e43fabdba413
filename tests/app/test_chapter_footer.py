"""Every chapter ends with links to the page before it and the chapter after it, in the page's language."""

from __future__ import annotations

import pytest

from ui.i18n import Translator

# The storyline (DESIGN.md §1): home, then the chapters that exist, as (AppTest page, URL path, catalog key,
# chapter number).
STORY = [("home", "", "home", 0), ("inputs", "inputs", "inputs", 1),
         ("loss_surface", "loss-surface", "loss_surface", 2), ("bn_layer", "bn-layer", "bn_layer", 3),
         ("running_stats", "running-stats", "running_stats", 4),
         ("training", "training", "training", 5),
         ("why_bn", "why-bn", "why_bn", 6), ("norm_family", "norm-family", "norm_family", 7)]
BACK, ON = ":material/arrow_back:", ":material/arrow_forward:"


def footer_links(at):
    return [e.proto for e in at.get("page_link") if e.proto.icon in (BACK, ON)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("at_chapter", range(1, len(STORY)))
def test_a_chapter_links_back_and_on(open_app, lang, at_chapter):
    t = Translator(lang)
    at = open_app(STORY[at_chapter][0], lang)
    links = footer_links(at)
    before, after = STORY[at_chapter - 1], STORY[at_chapter + 1] if at_chapter + 1 < len(STORY) else None
    assert [link.icon for link in links] == [BACK] + ([ON] if after else [])
    assert links[0].page == before[1]
    assert t(f"nav.{before[2]}") in links[0].label and t("nav.previous", title="") in links[0].label
    if after:
        assert links[1].page == after[1]
        assert t(f"nav.{after[2]}") in links[1].label and t("nav.following", title="") in links[1].label
        assert f"{after[3]}" in links[1].label                  # "Chapter 3 — …", the map's wording
        assert links[1].icon_position == 1                      # the arrow after the words: on to the right


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_has_its_map_and_no_footer(open_app, lang):
    at = open_app("home", lang)
    assert footer_links(at) == []
    pages = [e.proto.page for e in at.get("page_link")]
    assert pages[:len(STORY) - 1] == [s[1] for s in STORY[1:]]   # the map, in the story's order
    assert pages[len(STORY) - 1] == "glossary"                   # then the glossary (lesson links follow)


@pytest.mark.parametrize("url_path", ["", "home", "no-such-page", "glossary"])
def test_home_and_unknown_paths_get_no_neighbours(url_path):
    from ui.nav import neighbours
    assert neighbours(url_path) == (None, None)
