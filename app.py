"""Batch Norm Lab: entry point. Page config, language, navigation over the page scripts in chapters/."""

import streamlit as st

from ui import gc_freeze, lang, nav, page_css, page_paths, share

st.set_page_config(page_title="Batch Norm Lab", page_icon=":material/insights:", layout="wide")
t = lang.setup()
page_css.inject(t)  # chart text in the theme's colours, the uploader's captions in the page's language
page = st.navigation(nav.pages(t) + page_paths.extra_pages(t))  # + a redirect for a path that is no page
page_paths.show_notice(t)
st.sidebar.caption(t("common.sidebar_note"))
page.run()
nav.footer(page.url_path, t)  # back to the previous page, on to the next chapter
share.share_box(t)  # after the page, so the link holds every setting the page just read
gc_freeze.after_first_run(page.url_path)  # what the first run imported on demand leaves the collector's sight
