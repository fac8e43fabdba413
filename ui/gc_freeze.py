"""Keep Streamlit's garbage collection after every script run cheap.

Streamlit calls `gc.collect(2)` when a run ends (`runner.postScriptGC`); on this app's heap (Streamlit,
Plotly's validators, NumPy, our modules) that walk took ~35 ms of every slider move, holding the GIL
while the finished run's messages waited to be sent. Importing every module of the app once and
freezing what exists then (`gc.freeze`) moves those long-lived objects out of the collector's sight;
what a run makes (figures, arrays, cycles in Plotly objects) is still collected after each run.

Importing this module does that once per server process (module code runs once)."""

from __future__ import annotations

import gc
import importlib
import pkgutil

import bn_core
import figures
import ui

PACKAGES = (bn_core, figures, ui)


def import_all() -> list[str]:
    """Import every module of the app's packages; return their names."""
    names = [f"{pkg.__name__}.{m.name}" for pkg in PACKAGES for m in pkgutil.iter_modules(pkg.__path__)]
    for name in names:
        importlib.import_module(name)
    return names


MODULES = import_all()
gc.collect()
gc.freeze()
