"""A figure laid out for a phone: panels in a column, colour bars above the plot, and room for a
legend or title that wraps.

A phone shows a chart ~360 px wide. A row of panels becomes a column (`figures.stacking`); a legend
above the plot wraps onto more rows there and a long title runs out of the chart, and the fixed top
margin (`figures.theme.style`) had room for one row of each: the legend's extra rows covered the title
or were cut off at the top. Both are measured here with an estimate of their text's width, and the
top margin grows by what they need; the plot area keeps its height. A colour bar at the right took a
third of the width (a contour plot, square, shrank to ~190 px); it lies above the plot instead."""

from __future__ import annotations

import copy
import re

from .glyphs import text_px
from .lab_figure import LabFigure
from .stacking import stacked
from .theme import plot_px, shows_colour_bar

WIDTH_PX = 340          # a chart on a 360–390 px phone screen, less the page's padding
LINE_PX = 22            # one more line of title (16 px)
TITLE_TOP_PX = 8        # a title pinned to the top of the chart: its distance from the top
LEGEND_ROW_PX = 30      # one more row of legend: 19 px for lines, up to 29 px with marker symbols
COLOUR_BAR_PX = 64      # a horizontal colour bar above the plot: its title, the bar, its tick labels
BAR_GAP_PX = 8          # between that bar's tick labels and the plot
BAR_PX = 32             # the bar (12 px) and its tick labels
RIGHT_MARGIN_PX = 20    # the right margin once the colour bar has left it
ITEM_PX = 40            # plotly.js: a legend entry's line/marker sample and the gaps around it, beside its text
ITEM_GAP_PX = 5         # plotly.js: between legend entries


def _has_points(trace: dict) -> bool:
    """plotly.js leaves a trace without points out of its legend (chapter 3's running-mean markers
    before step 5)."""
    return all(len(trace[k]) for k in ("x", "y") if hasattr(trace.get(k), "__len__"))


def _grouped(layout: dict, data: list[dict]) -> bool:
    """plotly.js lays a legend out by groups when a trace names a legend group (or the layout says so)."""
    order = layout.get("legend", {}).get("traceorder")
    return "grouped" in order if order else any(t.get("legendgroup") for t in data)


def legend_rows(layout: dict, data: list[dict], width: float) -> int:
    """Rows a horizontal legend of these traces takes when it wraps at `width` px (0 when no legend is
    shown), laid out as plotly.js (2.x) does: entries in one row if they fit; else every entry takes the
    widest one's width; grouped legends put each group's entries one under the other and its groups
    side by side."""
    legend = layout.get("legend", {})
    if layout.get("showlegend") is False or legend.get("orientation") != "h":
        return 0
    size = legend.get("font", {}).get("size", 12)
    shown = [t for t in data if t.get("name") and t.get("showlegend", True) and _has_points(t)]
    if len(shown) < 2 and layout.get("showlegend") is not True:
        return 0                     # Plotly shows no legend for a single trace
    grouped = _grouped(layout, data)
    groups: dict[str, list[float]] = {}
    for k, trace in enumerate(shown):
        key = trace.get("legendgroup") if grouped and trace.get("legendgroup") else f"#{k}"
        groups.setdefault(key, []).append(ITEM_PX + text_px(trace["name"], size))
    widths = [max(g) for g in groups.values()]
    if not grouped and sum(widths) + ITEM_GAP_PX * (len(widths) - 1) >= width:
        widths = [max(widths)] * len(widths)
    rows, row, used = 0, 0, 0.0
    for w, items in zip(widths, (len(g) for g in groups.values()), strict=True):
        if used and used + w >= width:
            rows, row, used = rows + row, 0, 0.0
        used += w + ITEM_GAP_PX
        row = max(row, items)
    return rows + row


def largest_legend_rows(layout: dict, data: list[dict], frames: list[dict], width: float) -> int:
    """legend_rows of `data` or of any animation frame's traces, whichever is most: an animation's legend
    changes with its frames (chapter 3's step 5 adds two entries)."""
    return max(legend_rows(layout, d, width) for d in (data, *(f["data"] for f in frames if "data" in f)))


def legend_space(layout: dict, chart_px: float, right: float) -> float:
    """Width at which plotly.js wraps a horizontal legend (placed at 0 <= x <= 1) of a chart
    `chart_px` wide whose right margin is `right`: the plot area's width, wherever the legend starts."""
    return chart_px - layout.get("margin", {}).get("l", 80) - right


def legend_px(rows: int) -> int:
    """Height budget of a legend of `rows` rows: the first has the room `figures.theme.style` leaves
    (a title line's), each further row LEGEND_ROW_PX."""
    return LINE_PX + (rows - 1) * LEGEND_ROW_PX if rows else 0


def title_lines(text: str, size: float, width: float) -> list[str]:
    """`text` (a chart title, bold) broken at spaces (or between CJK characters) into lines of at most
    `width` px."""
    lines, line = [], ""
    tokens = re.findall(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+", text)
    for token in tokens:
        if line and text_px(line + token.rstrip(), size, bold=True) > width:     # titles are bold
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


def colour_bar_above(data: list[dict], layout: dict) -> tuple[list[dict], list[dict], int]:
    """Traces whose vertical colour bar took 110 px of a ~340 px width (`figures.theme`), with the bar
    laid horizontally just above the plot instead and its title as an annotation above the bar; those
    annotations; and the pixels they need. (data, [], 0) if no trace shows a colour bar. (A horizontal
    bar at the top makes plotly.js draw titles 16–30 px higher than asked, out of the chart, so the
    titles there are annotations: see `for_phone`.)"""
    if not any(shows_colour_bar(trace) for trace in data):
        return data, [], 0
    plot = plot_px(layout)
    out, notes = [], []
    for trace in data:
        if shows_colour_bar(trace):
            bar = copy.deepcopy(trace.get("colorbar", {}))
            title = bar.pop("title", {}).get("text")
            bar.update(orientation="h", x=0.5, xanchor="center", len=1, lenmode="fraction", thickness=12,
                       y=1 + BAR_GAP_PX / plot, yanchor="bottom", ypad=0)
            trace = {**trace, "colorbar": bar}
            if title:
                notes.append({"text": title, "xref": "paper", "yref": "paper", "x": 0.5, "xanchor": "center",
                              "y": 1 + (BAR_GAP_PX + BAR_PX) / plot, "yanchor": "bottom", "showarrow": False,
                              "font": {"size": 13}})
        out.append(trace)
    return out, notes, COLOUR_BAR_PX


def pinned_title(title: dict, shift: int = 0) -> dict:
    """`title` pinned TITLE_TOP_PX (+ `shift`) below the top of the chart. plotly.js centres a title in
    the top margin, so a margin grown for a legend or a colour bar would carry the title into them."""
    return {**title, "y": 1, "yref": "container", "yanchor": "top",
            "pad": {**title.get("pad", {}), "t": TITLE_TOP_PX + shift}}


def _title(new: dict, lines: list[str], shift: int, bar: int) -> None:
    """Put the title, broken into `lines`, at the top of the chart (in place). Pinned there, what grows
    above the plot grows towards it, not into it; above a horizontal colour bar it is an annotation at
    the same place, pixel-positioned from the plot's corner."""
    if bar:
        title = new.pop("title")
        new["annotations"] = [*new.get("annotations", []), {
            "text": "<br>".join(lines), "font": title.get("font", {}), "showarrow": False, "align": "left",
            "xref": "paper", "x": 0, "xanchor": "left", "xshift": title.get("pad", {}).get("l", 0) - new["margin"]["l"],
            "yref": "paper", "y": 1 + (new["margin"]["t"] - TITLE_TOP_PX) / plot_px(new), "yanchor": "top"}]
    else:
        new["title"] = pinned_title({**new["title"], "text": "<br>".join(lines)}, shift)


def for_phone(fig: LabFigure) -> LabFigure:
    """`fig` as a phone shows it best (a new figure when anything changes; `fig` is unchanged)."""
    fig = stacked(fig)
    layout = fig.layout
    margin = layout.get("margin", {})
    data, bar_notes, bar = colour_bar_above(fig.data, layout)
    right = RIGHT_MARGIN_PX if bar else margin.get("r", 80)
    legend = layout.get("legend", {})
    width = legend_space(layout, WIDTH_PX, right)
    above = legend.get("y", 1.02) >= 1 and legend.get("yanchor") == "bottom"
    below = legend.get("y", 1.02) < 0 and legend.get("yanchor") == "top"    # `stacked` put it under the column
    rows = largest_legend_rows(layout, data, fig.frames, width) if above or below else 0
    extra_legend = legend_px(rows) - legend_px(1) if rows > 1 else 0   # room was left for one row
    title = layout.get("title", {})
    size = title.get("font", {}).get("size", 16)
    lines = title_lines(title["text"], size, WIDTH_PX - 10) if title.get("text") else []
    # plotly.js lifts a title of several lines ~0.7 em above its anchor: pad it down by 0.9 em
    shift = round(0.9 * size) if len(lines) > 1 else 0
    extra_title = max(len(lines) - 1, 0) * LINE_PX + shift
    grow = (0 if below else extra_legend) + extra_title + bar        # above the plot
    grow_under = extra_legend if below else 0                          # under it: the legend grows down
    if not grow and not grow_under:
        return fig
    new = copy.deepcopy(layout)
    new["margin"]["t"] = margin.get("t", 100) + grow
    new["margin"]["b"] = margin.get("b", 80) + grow_under
    new["margin"]["r"] = right
    new["height"] = layout.get("height", 450) + grow + grow_under
    if bar_notes:
        new["annotations"] = [*new.get("annotations", []), *bar_notes]
    if bar and above:                 # the legend moves up over the colour bar, at the same distance
        new["legend"]["y"] = legend["y"] + bar / plot_px(new)
    if lines:
        _title(new, lines, shift, bar)
    return fig.relaid(new, data=data)

