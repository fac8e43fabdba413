"""Property test of the upload path (issue 31): generated CSV files, over encodings, separators,
quoting, line endings, missing cells, magnitudes from 1e−308 to 1e308, and row and column counts up
to the limits, each go through the page's own upload code (ui.upload_panel.show) in AppTest and must
end in a view or a clear refusal, with no exception and within a time bound.

The generator is seeded (no extra dependency): a failure names its case number, and
`case(k)` rebuilds that file."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from bn_core.csv_import import MAX_MB
from ui.i18n import Translator, catalog

CASES = 240
BIG_EVERY = 40          # every 40th case is a large file (tens of thousands of rows, up to the size limit)
SECONDS_PER_FILE = 20   # a generous bound: the slowest files here take ~3 s on the 2-core machine
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "latin-1", "utf-16")
SEPARATORS = (",", ";", "\t")
NAMES = ("x", "身高", "Größe", "a b", "-5", "weight (kg)", "", "col", "值", "q\"uote")


def _number(rng: np.random.Generator, style: str) -> str:
    if style == "extreme":
        return repr(float(rng.choice([-1, 1]) * rng.uniform(1, 9.9) * 10.0 ** int(rng.integers(-308, 308))))
    if style == "huge":
        return repr(float(rng.uniform(-1.79, 1.79) * 1e308))
    if style == "tiny":
        return repr(float(rng.uniform(1, 9) * 1e-308))
    if style == "int":
        return str(int(rng.integers(-10**6, 10**6)))
    return f"{rng.normal(50, 20):.6g}"


def case(k: int) -> tuple[bytes, str]:
    """The k-th generated file and a short description of it."""
    rng = np.random.default_rng(1000 + k)
    big = k % BIG_EVERY == BIG_EVERY - 1
    n_num = int(rng.integers(2, 4)) if big else int(rng.choice([0, 1, 2, 2, 3, 4, 6, 14]))
    n_text = 0 if big else int(rng.integers(0, 3))
    rows = int(rng.integers(60_000, 200_000)) if big else int(rng.integers(0, 300))
    sep, enc = SEPARATORS[int(rng.integers(3))], ENCODINGS[int(rng.integers(len(ENCODINGS)))]
    style = str(rng.choice(["plain", "extreme", "huge", "tiny", "int"]))
    quote_all, crlf = bool(rng.random() < 0.3), bool(rng.random() < 0.3)
    missing = float(rng.choice([0.0, 0.0, 0.02, 0.3]))
    names = [NAMES[int(i)] for i in rng.integers(0, len(NAMES), n_num + n_text)]
    q = (lambda s: '"' + s.replace('"', '""') + '"') if quote_all else (
        lambda s: '"' + s.replace('"', '""') + '"' if (sep in s or '"' in s) else s)
    kinds = ["num"] * n_num + ["text"] * n_text
    rng.shuffle(kinds)
    lines = [sep.join(q(n) for n in names)] if rng.random() < 0.95 else []
    if big:   # a large file is plain numbers: built column-wise so that generating it stays quick
        cols = [np.char.mod("%.6g", rng.normal(50, 20, rows)) for _ in kinds]
        lines += [sep.join(r) for r in zip(*cols, strict=True)] if cols else []
    else:
        for _ in range(rows):
            cells = []
            for kind in kinds:
                if rng.random() < missing:
                    cells.append(str(rng.choice(["", "NA", "nan", "inf", "-"])))
                elif kind == "num":
                    cells.append(_number(rng, style))
                else:
                    cells.append(str(rng.choice(["abc", "中文", "a,b", "x;y", "1e5x", "TRUE"])))
            lines.append(sep.join(q(c) for c in cells))
    text = ("\r\n" if crlf else "\n").join(lines) + ("\n" if rng.random() < 0.8 else "")
    try:
        raw = text.encode(enc)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    desc = f"case {k}: {rows} rows, {n_num} numeric + {n_text} text columns, {enc}, sep {sep!r}, {style}"
    return raw[: MAX_MB * 1024 * 1024 - 1] if big else raw, desc


def _page() -> None:
    """AppTest script: the upload panel's view of the file at session_state["csv"]."""
    from pathlib import Path

    import streamlit as st

    from ui import upload_panel
    from ui.i18n import Translator

    upload_panel.show(Path(st.session_state["csv"]).read_bytes(), Translator("en"))


@pytest.fixture(scope="module")
def page():
    return AppTest.from_function(_page, default_timeout=SECONDS_PER_FILE)


REFUSALS = {v.split("{")[0] for k, v in catalog("en").items() if k.startswith("upload.refusal.")}


def test_every_generated_file_ends_in_a_view_or_a_clear_refusal(page, tmp_path: Path):
    t = Translator("en")
    outcomes = {"view": 0, "refused": 0, "too few columns": 0}
    slowest = 0.0
    for k in range(CASES):
        raw, desc = case(k)
        path = tmp_path / f"case{k}.csv"
        path.write_bytes(raw)
        page.session_state["csv"] = str(path)
        start = time.perf_counter()
        page.run()
        took = time.perf_counter() - start
        slowest = max(slowest, took)
        assert not page.exception, (desc, [e.value for e in page.exception])
        assert took < SECONDS_PER_FILE, (desc, took)
        errors = [e.value for e in page.error]
        if errors:
            assert len(errors) == 1 and any(errors[0].startswith(r) for r in REFUSALS), (desc, errors)
            outcomes["refused"] += 1
        elif [w.value for w in page.warning] == [t("upload.need_two")]:
            outcomes["too few columns"] += 1
        else:
            tables = [m.value for m in page.markdown if m.value.startswith("| feature |")]
            assert tables and len(page.get("plotly_chart")) == 2, desc
            assert "inf" not in tables[0] and "nan" not in tables[0].lower(), (desc, tables[0])
            outcomes["view"] += 1
    # the generator reaches every outcome, so none of them goes untested
    assert all(outcomes.values()), outcomes
    print(f"\n{CASES} generated files: {outcomes}; slowest {slowest:.2f} s")
