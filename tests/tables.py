"""Read back the Markdown tables a page shows (ui/tables.py) as columns of cell text."""

from __future__ import annotations

import re

_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def parse(text: str) -> dict[str, list[str]] | None:
    """The table in a Markdown element (header, alignment row, rows) as {header: cells}, with the
    backslash escapes removed; None if the element is not a table."""
    lines = text.strip().split("\n")
    if len(lines) < 2 or not re.fullmatch(r"\|( :?-+:? \|)+", lines[1]):
        return None
    rows = [[re.sub(r"\\(.)", r"\1", c.strip()) for c in _CELL_SPLIT.split(line)[1:-1]] for line in lines]
    header, body = rows[0], rows[2:]
    assert all(len(r) == len(header) for r in body), text
    return {name: [r[k] for r in body] for k, name in enumerate(header)}


def tables(at) -> list[dict[str, list[str]]]:
    """Every Markdown table on an AppTest page, in page order."""
    return [t for t in (parse(m.value) for m in at.markdown) if t is not None]


def by_row(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """A side-by-side table (ui.tables.comparison_table) as {quantity: [its cell in each column]}."""
    names, *columns = table.values()
    return {name: [column[k] for column in columns] for k, name in enumerate(names)}


def value(cell: str) -> float:
    """A number as a table or a sentence shows it (1,234.5, −3.7e−16) as a float."""
    return float(cell.replace(",", "").replace("\u2212", "-"))
