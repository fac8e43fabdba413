"""A link to a path that is no page's own: read from the URL, matched to a page in another spelling, or
flagged as unknown (the e2e test follows such links in Chromium)."""

from __future__ import annotations

import pytest

from ui.nav import CHAPTERS, HOME
from ui.page_paths import is_unknown, requested, spelled_as


@pytest.mark.parametrize(("url", "base", "path"), [
    ("http://h:8501", "", ""),
    ("http://h:8501/", "", ""),
    ("http://h:8501/inputs", "", "inputs"),
    ("http://h/lab/home", "lab", "home"),
    ("http://h/lab", "/lab/", ""),
    ("http://h/caf%C3%A9", "", "café"),
    ("http://h/%3Cscript%3E", "", "<script>"),
])
def test_the_requested_path_is_the_segment_after_the_base(url, base, path):
    assert requested(url, base) == path


@pytest.mark.parametrize(("url", "base"), [(None, ""), ("", ""), ("http://h/inputs/foo", ""),
                                           ("http://h/other/foo", "lab")])
def test_no_single_page_path_gives_none(url, base):
    assert requested(url, base) is None


@pytest.mark.parametrize("path", ["home", "Home", "INDEX", "index.html", "app.py", "main"])
def test_names_for_home(path):
    assert spelled_as(path) is HOME


@pytest.mark.parametrize(("path", "file"), [("Inputs", "chapters/inputs.py"),
                                            ("loss_surface", "chapters/loss_surface.py"),
                                            ("bn_layer.py", "chapters/bn_layer.py"),
                                            ("Running_Stats", "chapters/running_stats.py"),
                                            ("TRAINING", "chapters/training.py"),
                                            ("Glossary", "chapters/glossary.py")])
def test_a_chapter_in_another_spelling(path, file):
    assert spelled_as(path).file == file


@pytest.mark.parametrize("path", ["foo", "<script>", "chapter-9", "inputs-2", "中文"])
def test_other_paths_name_no_page(path):
    assert spelled_as(path) is None


def test_only_paths_that_are_no_page_need_the_redirect():
    assert not any(is_unknown(c.url_path) for c in CHAPTERS)
    assert not is_unknown("glossary")   # a page too, though no chapter
    assert not is_unknown("") and not is_unknown(None)
    assert is_unknown("home") and is_unknown("Inputs") and is_unknown("foo")
    assert not is_unknown(" foo")      # Streamlit strips a page's path, so it could never match
    assert not is_unknown("a/b")       # %2F in the link: no page may have a / in its path
