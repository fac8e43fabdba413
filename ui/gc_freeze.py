"""Keep Streamlit's garbage collection after every script run cheap.

Streamlit calls `gc.collect(2)` when a run ends (`runner.postScriptGC`); on this app's heap (Streamlit,
Plotly's validators, NumPy, our modules) that walk took ~35 ms of every slider move, holding the GIL
while the finished run's messages waited to be sent. Importing every module of the app once and
freezing what exists then (`gc.freeze`) moves those long-lived objects out of the collector's sight;
what a run makes (figures, arrays, cycles in Plotly objects) is still collected after each run.

Importing this module does that once per server process (module code runs once). A page's first run
then imports much more on demand (pandas and pyarrow for tables, Plotly's trace and layout classes
and their validators: ~39,000 objects, ~25 ms a collection); `after_first_run` freezes once more when
each page has run for the first time in this process."""

from __future__ import annotations

import gc
import importlib
import pkgutil

import bn_core
import figures
import ui

PACKAGES = (bn_core, figures, ui)
# Imported by Plotly's validators (via `get_module`) and by st.dataframe on first use. Importing them
# here, before any page runs, matters beyond the heap: when several sessions ran their first page at
# once, one thread could be handed a half-imported pandas by another ("partially initialized module
# 'pandas' has no attribute 'Series'", seen in the 20-session load test on chapter 2).
ON_DEMAND = ("pandas", "pyarrow")


def import_all() -> list[str]:
    """Import the on-demand libraries, then every module of the app's packages; return the app's
    module names."""
    for name in ON_DEMAND:
        importlib.import_module(name)
    names = [m.name for pkg in PACKAGES for m in pkgutil.walk_packages(pkg.__path__, f"{pkg.__name__}.")]
    for name in names:
        importlib.import_module(name)
    return names


def freeze() -> None:
    """Collect what is garbage now, then move every surviving object out of the collector's sight."""
    gc.collect()
    gc.freeze()


_FIRST_RUNS_DONE: set[str] = set()


def after_first_run(page: str) -> bool:
    """Call when a run of `page` ends; freezes the heap the first time per page and process (at most
    once per page, so what it keeps of one session's run is bounded). Returns whether it froze."""
    if page in _FIRST_RUNS_DONE:
        return False
    _FIRST_RUNS_DONE.add(page)
    freeze()
    return True


MODULES = import_all()
freeze()
