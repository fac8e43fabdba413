"""figures: pure Plotly figure builders. Translated labels in, go.Figure out; never imports streamlit."""

from . import plotly_paths  # noqa: F401  (memoizes Plotly's key parser for every figure builder)
