"""Per-feature tables: one row per feature, numbers shown to 5 significant digits."""

from __future__ import annotations

import numpy as np
import streamlit as st

from .i18n import Translator


def feature_table(columns: dict[str, np.ndarray], t: Translator, *, key: str, fmt: str = "%.5g") -> None:
    """st.dataframe with a "feature" column 1..D followed by `columns` (each shape (D,))."""
    d = len(next(iter(columns.values())))
    data = {t("common.feature_col"): list(range(1, d + 1))}
    data.update({name: np.asarray(v, dtype=float).tolist() for name, v in columns.items()})
    config = {name: st.column_config.NumberColumn(format=fmt) for name in columns}
    st.dataframe(data, hide_index=True, column_config=config, key=key, width="stretch")


def formatted_table(rows: list[dict[str, str]], *, key: str) -> None:
    """Rows of already formatted text (one dict per row, same keys), as a compact table."""
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    st.dataframe(columns, hide_index=True, key=key, width="stretch")
