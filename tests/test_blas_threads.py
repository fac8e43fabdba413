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

# Prints the BLAS pools' widths before the app's first run and, after it, as seen from a new thread.
PROBE = """
import json, threading
import numpy  # noqa: F401  (loads its BLAS)
from streamlit.testing.v1 import AppTest
from threadpoolctl import threadpool_info

def widths():
    return sorted({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})

before = widths()
AppTest.from_file("app.py", default_timeout=60).run()
seen = {}
thread = threading.Thread(target=lambda: seen.update(after=widths()))
thread.start()
thread.join()
print(json.dumps({"before": before, "after": seen["after"]}))
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS has one thread anyway")
def test_the_app_limits_blas_to_one_thread_in_every_thread():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    widths = json.loads(out.strip().splitlines()[-1])
    assert widths["before"] and max(widths["before"]) > 1, widths   # the pool NumPy starts with
    assert widths["after"] == [1], widths
