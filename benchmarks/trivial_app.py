"""The speed floor: a one-slider Streamlit page with one small Plotly chart."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

k = st.slider("k", 1, 50, 5, key="k")
x = np.linspace(0, 10, 200)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(k * x))), key="chart")
