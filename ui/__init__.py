"""ui: the Streamlit glue shared by pages (i18n, controls, caching, URL state, panels)."""
