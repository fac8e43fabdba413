"""figures: pure Plotly figure builders. Translated labels in, go.Figure out; never imports streamlit."""
