"""Room above the plot for a legend that wraps on a projector.

A legend above the plot (`figures.theme.style`: horizontal, anchored at its bottom) grows upwards when
it wraps onto more rows, and the top margin is fixed, so the rows it needs beyond the margin were cut
off at the top of the chart. On a 1024 px screen (a classroom projector, the sidebar open) a full-width
chart is 564 px wide, and chapter 4's and chapter 5's legends lost a row there (chapter 5's loss curves
up to 81 px of legend). The server is not told how wide the page is, so every chart gets room for the
rows its legend takes at that width: on a wider screen a legend that fits in fewer rows has some space
above it instead. (Phones: `figures.phone`.)"""

from __future__ import annotations

import math

from .lab_figure import LabFigure
from .phone import LEGEND_ROW_PX, LINE_PX, TITLE_TOP_PX, largest_legend_rows, legend_space, pinned_title
from .theme import plot_px

PROJECTOR_PX = 564   # a full-width chart on a 1024 px screen with the sidebar open
FIRST_ROW_PX = 24    # the height one row of legend needs above its anchor (text, not its padding)


def legend_px_needed(rows: int) -> int:
    """Height above its anchor that a legend of `rows` rows needs (rows of marker symbols are the tallest)."""
    return FIRST_ROW_PX + (rows - 1) * LEGEND_ROW_PX if rows else 0


def with_legend_room(fig: LabFigure, width: float = PROJECTOR_PX) -> LabFigure:
    """`fig` with its top margin (and height, so the plot keeps its size) grown by what its legend above
    the plot needs, in rows at a chart `width` px wide, beyond the room it has; `fig` itself when it has
    the room or no such legend."""
    layout = fig.layout
    legend = layout.get("legend", {})
    if legend.get("yanchor") != "bottom" or legend.get("y", 1.02) < 1:
        return fig
    margin = layout.get("margin", {})
    space = legend_space(layout, width, margin.get("r", 80))
    rows = largest_legend_rows(layout, fig.data, fig.frames, space)
    title = layout.get("title", {})
    title_px = TITLE_TOP_PX + LINE_PX if title.get("text") else 0
    room = margin.get("t", 100) - (legend.get("y", 1.02) - 1) * plot_px(layout)
    grow = math.ceil(legend_px_needed(rows) + title_px - room)
    if grow <= 0:
        return fig
    new = {**layout, "margin": {**margin, "t": margin.get("t", 100) + grow}, "height": layout.get("height", 450) + grow}
    if title_px:
        new["title"] = pinned_title(title)
    return fig.relaid(new)
