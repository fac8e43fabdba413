"""Imports point one way: bn_core <- figures <- ui <- chapters / app.py."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "bn_core": {"streamlit", "plotly", "figures", "ui", "pandas"},
    "figures": {"streamlit", "ui"},
    "ui": set(),
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_point_one_way(package):
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no Python files"
    for path in files:
        bad = imported_roots(path) & FORBIDDEN[package]
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_bn_core_uses_only_numpy_and_the_standard_library():
    import sys

    allowed = {"numpy", "bn_core", "__future__"} | set(sys.stdlib_module_names)
    for path in (ROOT / "bn_core").rglob("*.py"):
        extra = imported_roots(path) - allowed
        assert not extra, f"{path.name} imports {sorted(extra)}"


def test_checker_sees_a_forbidden_import(tmp_path):
    """The check must be able to fail."""
    bad = tmp_path / "bad.py"
    bad.write_text("import streamlit as st\nfrom plotly import graph_objects\n")
    assert imported_roots(bad) == {"streamlit", "plotly"}


def test_no_legacy_pages_folder():
    """A folder named pages/ beside app.py makes Streamlit run its legacy multipage shim on the first
    script run of a process: a deep link then shows "Page not found" (and AppTest loses the
    sidebar). The page scripts live in chapters/ and are listed explicitly in ui/nav.py."""
    assert not (ROOT / "pages").exists()


def test_pages_are_thin():
    for path in (ROOT / "chapters").glob("*.py"):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        assert len(lines) <= 60, f"{path.name} has {len(lines)} lines; move logic into ui/ or figures/"


def test_files_stay_small():
    for package in ("bn_core", "figures", "ui", "chapters"):
        for path in (ROOT / package).rglob("*.py"):
            n = len(path.read_text(encoding="utf-8").splitlines())
            assert n <= 300, f"{path.relative_to(ROOT)} has {n} lines; split it"


def test_no_user_text_rendered_as_html():
    """No HTML anywhere, except the one style sheet of ui/page_css.py, built from constants and the
    i18n catalogs only: its imports are fixed, and no text in it can close the <style> tag."""
    for folder in ("ui", "chapters", "figures"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "unsafe_allow_html" not in text, path.name
            assert "st.html(" not in text or path.relative_to(ROOT).as_posix() == "ui/page_css.py", path.name
    from ui import page_css
    from ui.i18n import SUPPORTED, Translator

    source = (ROOT / "ui" / "page_css.py").read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from \S+ )?import .+$", source, re.MULTILINE)
    assert imports == ["from __future__ import annotations", "import functools", "import streamlit as st",
                       "from bn_core.csv_import import MAX_MB, SUFFIXES",
                       "from figures.theme import TEXT, TEXT_SOFT", "from ui.i18n import Translator"]
    for lang in SUPPORTED:
        assert "<" not in page_css.rules(Translator(lang))
    with pytest.raises(ValueError):
        page_css.css_string("</style><script>")


def test_the_two_scripts_write_no_html():
    """The scripts the app adds to a page are its only components: ui/camera_link.js (the 3-D cameras in
    the URL) reads chart names and sends cameras back; ui/client_chart.js (sliders answered in the
    browser) builds its sliders from elements and text, never from HTML, and loads only plotly.js, from
    the file plotly's Python package ships. Neither writes HTML or runs text as code."""
    allowed = {"ui/camera_link.py", "ui/client_chart.py"}
    for folder in ("ui", "chapters", "figures"):
        for path in (ROOT / folder).rglob("*.py"):
            if "components" in path.read_text(encoding="utf-8"):
                assert path.relative_to(ROOT).as_posix() in allowed, path.name
    never = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "import(")
    camera = (ROOT / "ui" / "camera_link.js").read_text(encoding="utf-8")
    for sink in (*never, "setAttribute", "createElement"):
        assert sink not in camera, sink
    assert "setStateValue" in camera and "plotly_relayout" in camera    # what it is for
    client = (ROOT / "ui" / "client_chart.js").read_text(encoding="utf-8")
    for sink in never:
        assert sink not in client, sink
    assert re.findall(r"setAttribute\(\"([\w-]+)\"", client) and set(
        re.findall(r"setAttribute\(\"([\w-]+)\"", client)) <= {"aria-label", "aria-valuetext", "role",  # no
        "aria-controls", "aria-describedby", "aria-expanded"}        # href, src or on…: ARIA only (the (?) help)
    assert client.count('createElement("script")') == 1 and "script.src = new URL(src," in client
    assert '"src": PLOTLY_SRC' in (ROOT / "ui" / "client_chart.py").read_text(encoding="utf-8")


def test_every_streamlit_cache_is_bounded():
    for path in (ROOT / "ui").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("@st.cache_data", "@st.cache_resource")):
                assert "max_entries=" in line, f"{path.name}: {line.strip()}"


def test_production_config():
    import tomllib

    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["enableXsrfProtection"] is True
    assert cfg["server"]["maxUploadSize"] <= 10
    assert cfg["client"]["showErrorDetails"] in ("type", "none")
    assert cfg["server"]["fileWatcherType"] == "none"     # no polling thread per session in production


def test_gc_freeze_covers_every_module():
    """After ui.gc_freeze, every module of bn_core, figures and ui is loaded and the collector has a
    frozen generation, so Streamlit's after-run gc.collect(2) does not walk them."""
    import gc
    import sys

    from ui import gc_freeze

    def name(path):                     # ui/norm_family/cache.py -> ui.norm_family.cache; a subpackage by its name
        parts = path.relative_to(ROOT).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    expected = {name(p) for pkg in ("bn_core", "figures", "ui") for p in (ROOT / pkg).rglob("*.py")
                if p.parent != ROOT / pkg or p.stem != "__init__"}
    assert expected <= set(sys.modules)
    assert set(gc_freeze.MODULES) == expected
    assert gc.get_freeze_count() > 0
    # fully imported before any page runs: concurrent first runs once got a half-imported pandas
    assert all(not getattr(sys.modules[name].__spec__, "_initializing", False) for name in gc_freeze.ON_DEMAND)


def test_each_page_freezes_the_heap_once_after_its_first_run():
    """What a page's first run imports on demand (pandas, Plotly's classes and validators) is frozen
    once per page and process, so later runs' gc.collect(2) does not walk it; never twice per page."""
    import gc

    from ui import gc_freeze

    page = "a page no test has opened"
    first = [[] for _ in range(50)]               # tracked objects alive at the first run's end
    assert gc_freeze.after_first_run(page) is True
    unfrozen = {id(o) for o in gc.get_objects()}  # get_objects() leaves out the frozen generation
    assert not any(id(o) in unfrozen for o in first)
    later = [[] for _ in range(50)]
    assert gc_freeze.after_first_run(page) is False
    unfrozen = {id(o) for o in gc.get_objects()}
    assert all(id(o) in unfrozen for o in later)


def test_the_entry_point_reports_each_page_run_to_the_freezer():
    from tests.app.conftest import open_page
    from ui import gc_freeze
    from ui.nav import CHAPTERS

    open_page("training")
    assert next(c.url_path for c in CHAPTERS if c.file.endswith("training.py")) in gc_freeze._FIRST_RUNS_DONE
