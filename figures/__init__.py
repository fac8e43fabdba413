"""figures: pure Plotly figure builders. Translated labels in, a `LabFigure` (plain dicts) out; never
imports streamlit."""
