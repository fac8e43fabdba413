"""Batch Norm Lab: entry point. Page config, language, navigation over the page scripts in chapters/."""

import streamlit as st

from ui import blas_threads, checkpoint, controls, gc_freeze, lang, lesson_bar, nav, page_css, page_paths, share

blas_threads.one_per_process()  # NumPy's matrix products on the calling thread (the module says why)
st.set_page_config(page_title="Batch Norm Lab", page_icon=":material/insights:", layout="wide")
t = lang.setup()
page_css.inject(t)  # chart text in the theme's colours, the uploader's captions in the page's language
page = st.navigation(nav.pages(t) + page_paths.extra_pages(t))  # + a redirect for a path that is no page
page_paths.show_notice(t)
controls.start_run()                         # the page records the values of its URL-bound widgets
lesson_bar.follow(t, page.url_path)          # a new lesson link, or a move to another of its views
lesson_bar.bar(t)                            # the lesson's note and Previous / Next, above the page
st.sidebar.caption(t("common.sidebar_note"))
chapter = nav.key_of(page.url_path)
questions = checkpoint.sidebar(chapter, t)   # the skip switch, and a slot for the progress line
page.run()
checkpoint.show_progress(questions, chapter, t)   # after the page: it counts the answers just given
nav.footer(page.url_path, t)  # back to the previous page, on to the next chapter
share.share_box(t)
lesson_bar.builder(page.url_path, t)  # after the page, so the link holds every setting the page just read
gc_freeze.after_first_run(page.url_path)  # what the first run imported on demand leaves the collector's sight
