"""A real Streamlit server and a real Chromium (Debian's, driven by Playwright) for e2e tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str:
    """CHROMIUM from the environment, else Debian's /usr/bin/chromium."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(f"No Chromium at {path}: install Debian's chromium (apt-get install -y chromium) "
                    "or set CHROMIUM. Playwright's own browser download does not work here.")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="session")
def server_url():
    yield from _serve()


@pytest.fixture
def fresh_server_url():
    """A server no browser has visited yet (for cold-start behaviour)."""
    yield from _serve()


def _serve():
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true"]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server, closed below
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.seek(0)
        tail = log.read().decode(errors="replace")[-4000:]
        if "Traceback" in tail:
            print("streamlit server log:\n" + tail)
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shared_context(browser):
    """One browser context for the tests' pages: each test has a page of its own (and its own Streamlit
    session), and they share the HTTP cache, so a page does not fetch and compile Streamlit's bundle
    again (~0.45 s of each load here)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    yield context
    context.close()


@pytest.fixture
def page(shared_context):
    pg = shared_context.new_page()
    yield pg
    pg.close()


@pytest.fixture(scope="session")
def views(browser, server_url):
    """Each page opened once per session at the projector size (tests/e2e/views.py)."""
    from tests.e2e.views import Views

    views = Views(browser, server_url)
    yield views
    views.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
