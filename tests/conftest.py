"""Markers for the whole run: the browser tests (tests/e2e) and the two xdist groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import blas_threads

blas_threads.one_per_process()   # as the app does: the two workers' BLAS pools would fight for the cores


def pytest_collection_modifyitems(items) -> None:
    """Mark every browser test `e2e`, so `python -m pytest -m "not e2e"` runs the fast subset. The run
    has two xdist groups, one per worker: the browser tests (one server and one browser, their caches
    warm) and everything else (the AppTest pages share the process's caches: spread over two workers,
    each would train the same networks again)."""
    here = Path(__file__).parent / "e2e"
    for item in items:
        browser = here in Path(item.fspath).parents
        if browser:
            item.add_marker(pytest.mark.e2e)
        item.add_marker(pytest.mark.xdist_group("browser" if browser else "app"))
