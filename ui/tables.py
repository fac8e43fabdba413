"""Small tables of numbers (a row per feature, a row per surface, …) as Markdown tables.

They were st.dataframe grids: a canvas grid that mounts again on every change of its numbers, which
cost the browser ~20 ms a table on each slider move here (a Markdown table ~4 ms; 2026-11-26). Our
tables have 2–12 rows and need no sorting or scrolling. Every cell is escaped, so text in a cell
(a translated name, a number like 1,234) is shown as written, never as Markdown, HTML or LaTeX.
"""

from __future__ import annotations

import math
import re

import numpy as np
import streamlit as st

from .i18n import Translator, is_number, minus

# what could start Markdown, HTML, LaTeX ($) or a new cell (|) inside a table cell
_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~!&])")


def escape(text: str) -> str:
    """text with every character that Markdown could read as markup backslash-escaped, and line
    breaks as spaces (a cell is one line)."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s*[\r\n]+\s*", " ", str(text)))


def markdown(columns: dict[str, list[str]]) -> str:
    """A GitHub-flavoured Markdown table of already formatted cells; columns whose cells all look
    like numbers are right-aligned, and numbers get a real minus sign."""
    names = list(columns)
    columns = {name: [minus(c) for c in cells] for name, cells in columns.items()}   # −, as the charts write it
    rows = list(zip(*columns.values(), strict=True))
    align = ["---:" if all(is_number(c.strip()) or c.strip() == "—" for c in columns[n]) else ":---" for n in names]
    lines = ["| " + " | ".join(escape(n) for n in names) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def formatted_table(rows: list[dict[str, str]], *, where=st) -> None:
    """Rows of already formatted text (one dict per row, same keys)."""
    where.markdown(markdown({name: [row[name] for row in rows] for name in rows[0]}))


def comparison_table(quantities: list[str], columns: dict[str, list[str]], *, where=st) -> None:
    """Things compared side by side: a column per thing (its name as heading, its cells in the order
    of `quantities`), the quantities' names down the first column (no heading). A few wide columns
    fit a narrow page where a row per thing with a column per quantity would not."""
    where.markdown(markdown({"": quantities} | columns))


def number(v: float, fmt: str) -> str:
    """v printf-formatted, with ∞ for infinities and — for NaN."""
    if math.isnan(v):
        return "—"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return fmt % v


def feature_table(columns: dict[str, np.ndarray], t: Translator, *, fmt: str = "%.5g") -> None:
    """A "feature" column 1..D followed by `columns` (each shape (D,)), numbers formatted with fmt."""
    d = len(next(iter(columns.values())))
    cells = {t("common.feature_col"): [str(j) for j in range(1, d + 1)]}
    cells.update({name: [number(float(v), fmt) for v in np.asarray(values, dtype=float)]
                  for name, values in columns.items()})
    st.markdown(markdown(cells))
