"""Read a user's CSV into numeric columns, with a clear, translatable reason for every refusal.

Pure standard library + NumPy. Problems come back as (code, details) so the UI can say them in
the learner's language; nothing here raises on bad bytes.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

import numpy as np

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
SUFFIXES = ("csv", "txt", "tsv")   # file types the upload accepts (the content decides, not the name)
MAX_COLUMNS = 200
MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "?"}
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class Table:
    """names (D,), values (N, D) float64 of the numeric columns with complete rows; what was
    dropped and why, as (code, details) notes (column names in a detail come as a tuple)."""

    names: tuple[str, ...]
    values: np.ndarray
    notes: tuple[tuple[str, dict], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Refusal:
    """The file could not be used: code (a catalog key suffix) and details for the message."""

    code: str
    details: dict = field(default_factory=dict)


def _decode(data: bytes) -> tuple[str, str] | Refusal:
    """(text, encoding): UTF-8, then GB18030 (Chinese), then Latin-1, which never fails."""
    if b"\x00" in data[:4096]:
        return Refusal("binary")
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _rows(text: str) -> list[list[str]]:
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in row)]


def _number(cell: str) -> float | None:
    """A float, None for a missing marker; raises ValueError for text."""
    c = cell.strip()
    if c.lower() in MISSING:
        return None
    return float(c.replace("\u2212", "-"))


def _column(cells: list[str]) -> tuple[str, list[float | None]]:
    """("numeric" | "text" | "mixed", parsed values)."""
    parsed, bad = [], 0
    for c in cells:
        try:
            parsed.append(_number(c))
        except ValueError:
            parsed.append(None)
            bad += 1
    if bad == 0:
        return "numeric", parsed
    return ("text" if bad == len(cells) else "mixed"), parsed


def read_csv(data: bytes) -> Table | Refusal:
    """Parse CSV bytes: header row, then data; keep numeric columns, drop incomplete rows."""
    if len(data) == 0:
        return Refusal("empty")
    if len(data) > MAX_BYTES:
        return Refusal("too_big", {"mb": round(len(data) / 1e6, 1), "limit": MAX_MB})
    decoded = _decode(data)
    if isinstance(decoded, Refusal):
        return decoded
    text, encoding = decoded
    rows = _rows(text)
    if not rows:
        return Refusal("empty")
    header, body = rows[0], rows[1:]
    if not body:
        return Refusal("header_only")
    width = len(header)
    body = [r + [""] * (width - len(r)) if len(r) < width else r[:width] for r in body]
    table = _numeric_table(header, body)
    if encoding == "latin-1" and isinstance(table, Table):
        table = Table(table.names, table.values, (("latin1", {}), *table.notes))
    return table


def _numeric_table(header: list[str], body: list[list[str]]) -> Table | Refusal:
    names, cols, notes = [], [], []
    skipped_text, skipped_mixed = [], []
    for j, name in enumerate(header):
        kind, values = _column([r[j] for r in body])
        label = name.strip() or f"column {j + 1}"
        if kind == "numeric":
            names.append(label)
            cols.append(values)
        else:
            (skipped_text if kind == "text" else skipped_mixed).append(label)
    if skipped_text:
        notes.append(("text_columns", {"names": tuple(skipped_text[:10]), "count": len(skipped_text)}))
    if skipped_mixed:
        notes.append(("mixed_columns", {"names": tuple(skipped_mixed[:10]), "count": len(skipped_mixed)}))
    if not names:
        return Refusal("no_numeric", {"count": len(header)})
    if len(names) > MAX_COLUMNS:
        notes.append(("too_many_columns", {"count": len(names), "kept": MAX_COLUMNS}))
        names, cols = names[:MAX_COLUMNS], cols[:MAX_COLUMNS]
    values = np.array([[math.nan if v is None else v for v in col] for col in cols], dtype=np.float64).T
    finite = np.all(np.isfinite(values), axis=1)
    dropped = int(len(values) - finite.sum())
    if dropped:
        has_inf = bool(np.any(np.isinf(values)))
        notes.append(("dropped_rows", {"count": dropped, "total": len(values), "inf": has_inf}))
    values = values[finite]
    if len(values) < 2:
        return Refusal("too_few_rows", {"count": len(values)})
    constant = [n for n, c in zip(names, values.T, strict=True) if np.all(c == c[0])]
    if constant:
        notes.append(("constant_columns", {"names": tuple(constant[:10])}))
    return Table(tuple(names), values, tuple(notes))
