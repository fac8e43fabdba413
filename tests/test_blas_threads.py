"""The app runs NumPy's BLAS on one thread (ui/blas_threads.py), in the thread that imported it and in
every other thread of the process (Streamlit answers each session on a thread of its own).

Checked in a fresh interpreter: this test process has already set the limit (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The BLAS pools' widths (library file, threads) in a fresh interpreter that imports only `before`, and
# in one that runs the app first (nothing imported before it: Streamlit loads NumPy lazily), read from
# a new thread.
WIDTHS = """
import json, threading
from threadpoolctl import threadpool_info
def widths():
    return [(lib["filepath"].rsplit("/", 1)[-1], lib["num_threads"]) for lib in threadpool_info()
            if lib["user_api"] == "blas"]
"""
BEFORE = WIDTHS + """
import numpy
print(json.dumps(widths()))
"""
AFTER = WIDTHS + """
from streamlit.testing.v1 import AppTest
AppTest.from_file("app.py", default_timeout=60).run()
seen = {}
thread = threading.Thread(target=lambda: seen.update(after=widths()))
thread.start()
thread.join()
print(json.dumps(seen["after"]))
"""


def _widths(probe: str) -> list[list]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS has one thread anyway")
def test_the_app_limits_numpys_blas_to_one_thread_in_every_thread():
    before = dict(_widths(BEFORE))
    assert before and max(before.values()) > 1, before        # the pool NumPy starts with
    after = dict(_widths(AFTER))
    assert set(before) <= set(after), (before, after)          # NumPy's BLAS is loaded, and limited
    assert all(after[name] == 1 for name in before), after


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS has one thread anyway")
def test_this_test_run_limits_numpys_blas_as_the_app_does():
    """tests/conftest.py limits the workers' BLAS before any test imports NumPy: two workers' pools of
    two spinning threads each made chapter 5's every-widget test time out on CI."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info
    numpys = [lib for lib in threadpool_info() if lib["user_api"] == "blas" and "numpy" in lib["filepath"]]
    assert numpys and all(lib["num_threads"] == 1 for lib in numpys), numpys
