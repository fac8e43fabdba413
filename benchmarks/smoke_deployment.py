"""Check a running deployment (a Docker container, replicas behind a proxy, Community Cloud) in Chromium:
every page in English and Chinese opens with every chart drawn, one slider on it redraws a chart (over
the deployment's WebSocket), no exception shows; a path that is no page lands on a real page, and with
--nested so does a path of two segments (which needs the proxy rule in docs/DEPLOY.md); a CSV uploaded on
chapter 1 is read, in --uploads fresh browser sessions (the upload goes over HTTP and must reach the
replica that holds the session's WebSocket: replicas without session affinity fail it). Prints a line
per check with its time; exits 1 if any check failed. A last line, for information, says how many
bytes a browser's first visit moves and whether the scripts came compressed (docs/DEPLOY.md).

Run: python benchmarks/smoke_deployment.py --url http://127.0.0.1:8501 [--nested] [--uploads 4]
(without --url it starts the app from this checkout on a free loopback port, as the other scripts do)
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from benchmarks.bench_pages import EXCEPTION, PAGES, SHOWN, SIGNATURE, open_page, settle
from benchmarks.first_visit import visit
from benchmarks.serve import CHROMIUM, CHROMIUM_ARGS, streamlit
from ui.i18n import Translator

DRAWN = f"() => [...document.querySelectorAll('.js-plotly-plot')].every({SHOWN})"
# (path asked for, path it must land on): another spelling of a page, a page that does not exist
DETOURS = (("Loss_Surface", "/loss-surface"), ("chapter-6", "/"))
NESTED = ("loss-surface/x", "/loss-surface")   # a blank page unless a proxy sends it on (docs/DEPLOY.md)
# A CSV with one incomplete row, and the note chapter 1 writes once it has read it.
CSV = {"name": "heights.csv", "mimeType": "text/csv", "buffer": b"h,w\n170,60\n180,75\n165,\n175,70\n"}
READ = Translator("en")("upload.note.dropped_rows", count=1, total=4, inf=False)


def on_page(browser, url: str, check, unopened: str = "did not open") -> tuple[bool, str]:
    """Open url with bench_pages.open_page (a new 1400 × 900 page, settled) and return check(page, seconds
    it took to open); a page that does not open fails with `unopened` and the error's first line."""
    t0 = time.perf_counter()
    try:
        page = open_page(browser, url)
    except PlaywrightError as e:
        return False, f"{unopened}: {str(e).splitlines()[0]}"
    try:
        return check(page, time.perf_counter() - t0)
    finally:
        page.context.close()


def check_page(browser, url: str) -> tuple[bool, str]:
    """Open url, check every chart is drawn, move its first slider one step and check a chart changed."""
    def check(page, seconds):
        drawn = page.evaluate(DRAWN)
        before = page.evaluate(f"({SIGNATURE})()")
        thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"]').first.get_by_role("slider")
        thumb.focus()
        thumb.press("ArrowRight")
        settle(page)
        redrawn = page.evaluate(f"({SIGNATURE})()") != before
        errors = page.locator(EXCEPTION).count()
        ok = drawn and redrawn and errors == 0
        return ok, (f"opened in {seconds:.1f} s, charts drawn: {drawn}, a slider redrew a chart: {redrawn}, "
                    f"exceptions: {errors}")
    return on_page(browser, url, check)


def check_detour(browser, base: str, path: str, lands_on: str) -> tuple[bool, str]:
    """Open base/path?lang=zh and check it lands on lands_on, in Chinese, without Streamlit's dialog."""
    def check(page, seconds):
        at = urlsplit(page.url)
        ok = (at.path.removeprefix(urlsplit(base).path) or "/") == lands_on and "lang=zh" in at.query
        ok = ok and page.get_by_text("Page not found").count() == 0 and page.locator(EXCEPTION).count() == 0
        return ok, f"landed on {at.path}?{at.query} in {seconds:.1f} s"
    return on_page(browser, f"{base}/{path}?lang=zh", check, unopened="no page")


def check_upload(browser, base: str) -> tuple[bool, str]:
    """In a fresh browser session, upload CSV on chapter 1 and check the page reports reading it."""
    def check(page, _seconds):
        t0 = time.perf_counter()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(CSV)
        try:
            page.get_by_text(READ).wait_for(timeout=20_000)
        except PlaywrightError:
            return False, "the upload was not read within 20 s (did it reach another replica?)"
        errors = page.locator(EXCEPTION).count()
        return errors == 0, f"read in {time.perf_counter() - t0:.1f} s, exceptions: {errors}"
    return on_page(browser, f"{base}/inputs?lang=en", check)


def first_visit_line(browser, base: str) -> str:
    """For information: what a fresh browser downloads to show chapter 1 (benchmarks/first_visit.py)."""
    try:
        seen = visit(browser, base)
    except PlaywrightError as e:
        return f"the first visit was not measured: {str(e).splitlines()[0]}"
    return (f"a first visit to chapter 1 moved {seen.total_bytes / 1e6:.2f} MB over HTTP; its largest file "
            f"({seen.largest_bytes / 1e6:.2f} MB) came with content-encoding {seen.largest_encoding}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="the deployment's base URL (default: start this checkout's app)")
    parser.add_argument("--nested", action="store_true", help="also check the proxy's rule for nested paths")
    parser.add_argument("--uploads", type=int, default=4, help="fresh sessions that upload a CSV (default 4)")
    args = parser.parse_args()
    failed = 0
    with (nullcontext((args.url.rstrip("/"), None)) if args.url else streamlit("app.py")) as (base, _), \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        checks = [(f"/{path}?lang={lang}", lambda u=f"{base}/{path}?lang={lang}": check_page(browser, u))
                  for lang in ("en", "zh") for path in PAGES]
        detours = DETOURS + ((NESTED,) if args.nested else ())
        checks += [(f"/{path}", lambda p_=path, to=to: check_detour(browser, base, p_, to)) for path, to in detours]
        checks += [(f"upload, session {k + 1}", lambda: check_upload(browser, base)) for k in range(args.uploads)]
        for name, check in checks:
            ok, detail = check()
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name:28s} {detail}", flush=True)
        print(f"info {first_visit_line(browser, base)}")
        browser.close()
    print(f"{len(checks) - failed} of {len(checks)} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
