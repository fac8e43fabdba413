"""The app's one style sheet: chart text in the page's own text colour, charts shown from their first
draw, the file uploader's own captions in the page's language, and wide formulas and tables that
scroll instead of spilling.

Figures are sent without Streamlit's chart theme (see `figures.lab_figure`), so nothing recolours
them for a dark page. They draw text in two marker colours (`figures.theme.TEXT`, `TEXT_SOFT`);
plotly.js writes the colour into each text element's style attribute, and these rules replace it
with `currentColor`, the text colour Streamlit's theme gives the page (faded for the soft one).

Streamlit writes its uploader's button ("Upload") and size/type line in English on every page, and
says in English why the browser refused a file (a tooltip on the red chip, an alert for screen
readers); the rules shrink that text to nothing and show the catalog's words in its place, in the
same font, size and colour. The words come from the i18n catalogs, never from a user.

On a narrow page (a projector at 1024 px, a phone) a table wider than its column ran over the next
column; it now scrolls sideways in place, faded at the side where more of it lies. (Formulas are
set on several lines where they were long: KaTeX's hidden MathML overflows a formula by ~2 px, so a
scrolling formula always showed a bar. On a phone, whose scroll bars show only while scrolling, a
formula wider than the screen scrolls.)
"""

from __future__ import annotations

import functools

import streamlit as st

from bn_core.csv_import import MAX_MB, SUFFIXES
from figures.theme import TEXT, TEXT_SOFT
from ui.i18n import Translator

SOFT_OPACITY = 0.7
UPLOADER = '[data-testid="stFileUploaderDropzone"]'
UPLOADER_BUTTON = f'{UPLOADER} button [data-testid="stMarkdownContainer"] p'   # Streamlit's "Upload"
UPLOADER_LIMITS = '[data-testid="stFileUploaderDropzoneInstructions"] span'   # "5MB per file • CSV, ..."
# A file the browser refused (wrong type, too big) becomes a red chip; why is said in English in a
# tooltip ("image/png files are not allowed.", "File must be 5.0MB or smaller.") and, for screen
# readers, in an alert inside the chip. This app's only error tooltips are the uploader's.
REFUSED_TIP = '[data-testid="stTooltipErrorContent"]'
REFUSED_ALERT = '[data-testid="stFileChip"] [role="alert"]'


def browser_rgb(hex_colour: str) -> str:
    """'#2F2D2C' as Chromium writes it in a style attribute: 'rgb(47, 45, 44)'."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def css_string(text: str) -> str:
    """text as a quoted CSS string; '<' is refused, so the sheet can never close its <style> tag."""
    if "<" in text:
        raise ValueError(f"'<' in style sheet text: {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


# Streamlit (1.67) mounts a chart hidden (`visibility: hidden`) until its own measure of the chart's
# width arrives, draws it, then sets that width and draws it again, visible: every chart a slider move
# changes is remounted, so each stayed hidden for 60-190 ms after plotly.js had drawn it. plotly.js
# sizes that first draw to the chart's box, which is the width Streamlit then sets (checked to the
# pixel by tests/e2e/test_chart_drawing.py), so the chart is shown from its first draw.
SHOWN_AT_FIRST_DRAW = '.stPlotlyChart .js-plotly-plot { visibility: visible !important; }'


def chart_rules() -> str:
    """Text drawn in TEXT takes the page's colour, text in TEXT_SOFT the same, faded; a chart shows
    from its first draw."""
    sel = ':is(.stPlotlyChart, .lab-cc-plot) .main-svg text[style*="fill: {}"]'
    return (f"{sel.format(browser_rgb(TEXT))} {{ fill: currentColor !important; }}\n"
            f"{sel.format(browser_rgb(TEXT_SOFT))} {{ fill: currentColor !important; "
            f"fill-opacity: {SOFT_OPACITY} !important; }}\n{SHOWN_AT_FIRST_DRAW}")


def uploader_rules(t: Translator) -> str:
    """The uploader's own text at size 0, the catalog's in its place (::after keeps its colour); the
    refused file's alert, which only screen readers see, hidden from them and replaced the same way."""
    types = t("upload.type_separator").join(x.upper() for x in SUFFIXES)
    limits = t("upload.limits", mb=MAX_MB, types=types)
    refused = t("upload.refused", mb=MAX_MB, types=types)
    shown = "\n".join(f"{sel} {{ font-size: 0 !important; }}\n"
                       f"{sel}::after {{ content: {css_string(text)}; font-size: 0.875rem; }}"
                       for sel, text in ((UPLOADER_BUTTON, t("upload.button")), (UPLOADER_LIMITS, limits),
                                         (REFUSED_TIP, refused)))
    return (f"{shown}\n{REFUSED_ALERT} {{ visibility: hidden; }}\n"
            f"{REFUSED_ALERT}::after {{ content: {css_string(refused)}; visibility: visible; }}")


WIDE_TABLE = '[data-testid="stMarkdownContainer"]:has(table)'
FADE_PX = 40


def _fade(left: bool, right: bool) -> str:
    """A mask that fades the table out over FADE_PX at the sides where more of it lies."""
    stops = ["transparent" if left else "#000", f"#000 {FADE_PX}px",
             f"#000 calc(100% - {FADE_PX}px)", "transparent" if right else "#000"]
    return f"linear-gradient(to right, {', '.join(stops)})"


# A table wider than its column scrolls sideways, and fades out at a side where more of it is hidden:
# a scroll-driven animation (Chromium 115+) over the table's own scroll position. A table that fits
# has no scroll timeline, so the animation does nothing and nothing fades; where the browser has no
# scroll timelines (Safari) the table just scrolls.
NARROW_RULES = (
    f"@keyframes bnlab-more-aside {{ from {{ mask-image: {_fade(False, True)}; }} "
    f"2%, 98% {{ mask-image: {_fade(True, True)}; }} to {{ mask-image: {_fade(True, False)}; }} }}\n"
    f"{WIDE_TABLE} {{ overflow-x: auto; animation: bnlab-more-aside linear both; "
    "animation-timeline: scroll(self inline); }")
# On a phone a long formula scrolls sideways instead of being cut off (phones' scroll bars show only
# while scrolling, so KaTeX's ~2 px MathML overflow draws no bar there), and a table's column headings
# and its numbers (right-aligned cells) keep to one line: squeezed, a Chinese heading stood one
# character per line and -3.7e-16 broke at its minus. Text cells still wrap; the table scrolls.
PHONE_RULES = ("@media (max-width: 640px) { .katex-display { overflow-x: auto; overflow-y: hidden; } "
               '[data-testid="stMarkdownContainer"] :is(th, td[style*="right"]) '
               '{ white-space: nowrap; } }')


# Chinese has no spaces, so a browser may break a line between any two Han characters: in a squeezed
# table column (a projector at 1024 px) "特征" stood as 特 over 征 and "标准差" as 标准 over 差. Table
# cells break Chinese only where a line may break in English too (spaces, punctuation); a table that
# grows too wide for its column scrolls (above). Latin text is not affected.
CJK_WORDS = '[data-testid="stMarkdownContainer"] :is(th, td) { word-break: keep-all; }'
# A row of columns that holds a table (chapter 3's shapes beside the batch heatmap) is laid out one
# column under the other on a page up to 1200 px wide: at 1024 px the table's column was 237 px and its
# last column ("meaning") lay hidden behind the fade; wider than 1200 px the column holds the Chinese
# table (~372 px). Streamlit's columns already wrap; each takes the full width. (Phones, below 640 px,
# stack every row of columns already.)
STACKED_TABLE_COLUMNS_PX = 1200
STACKED_TABLE_COLUMNS = (f"@media (max-width: {STACKED_TABLE_COLUMNS_PX}px) {{ "
                         '[data-testid="stHorizontalBlock"]:has(table) > [data-testid="stColumn"] '
                         "{ flex: 1 1 100% !important; } }")

# Up to the same width, table cells keep 6 px at their sides instead of Streamlit's 12 px: at 1024 px
# chapter 1's statistics (8 columns, 612 px) and chapter 3's backward table (625 px) then fit their
# 564 px column instead of hiding their last column behind the fade.
COMPACT_TABLE_CELLS = (f"@media (max-width: {STACKED_TABLE_COLUMNS_PX}px) {{ "
                       '[data-testid="stMarkdownContainer"] :is(th, td) '
                       "{ padding-left: 6px !important; padding-right: 6px !important; } }")


def rules(t: Translator) -> str:
    return "\n".join((chart_rules(), uploader_rules(t), NARROW_RULES, PHONE_RULES, CJK_WORDS,
                      STACKED_TABLE_COLUMNS, COMPACT_TABLE_CELLS))


@functools.lru_cache(maxsize=4)
def style(language: str) -> str:
    """The <style> element for one language, built once."""
    return f"<style>{rules(Translator(language))}</style>"


def inject(t: Translator) -> None:
    """Add the rules to the page (a style-only st.html takes no space)."""
    st.html(style(t.lang))
