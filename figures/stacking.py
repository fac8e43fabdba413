"""A row of subplot panels re-laid as a column, for phone screens.

On a phone a chart is ~350 px wide, and a row of two or three panels leaves each ~100 px: tick labels
run into the next panel and subplot titles into each other. `stacked` puts each panel on its own row
at the full width, keeping every trace, axis setting and pixel distance above and below the plot area
(legend, titles, play controls) as they were. Figures that are not one row of panels come back as
they are."""

from __future__ import annotations

import copy
import re

from .lab_figure import LabFigure
from .theme import plot_px

GAP_PX = 95          # between stacked panels: the upper panel's x ticks and title, the lower one's title
PANEL_MAX_PX = 260   # plot height of each stacked panel at most (a phone shows ~650 px of page)
LEGEND_ROW_PX = 30   # a legend moved under the column: one row
LEGEND_GAP_PX = 4    # between the last x axis title and a legend under the column (Source Sans's 14 px line
                     # box reaches ~1.5 px below the bottom margin's edge)
NO_LEGEND_BY_DEFAULT = {"heatmap", "contour", "histogram2d", "histogram2dcontour", "surface"}
_X_AXIS = re.compile(r"xaxis(\d*)")


def _panels(layout: dict) -> list[tuple[str, str, tuple[float, float]]] | None:
    """(x key, y key, old x domain) per panel, left to right, if the layout is one row of ≥ 2
    panels (every y axis spans the full height); else None."""
    panels = []
    for key, axis in layout.items():
        if not _X_AXIS.fullmatch(key) or "domain" not in axis:
            continue
        y_key = "yaxis" + axis.get("anchor", "y")[1:]
        if tuple(layout.get(y_key, {}).get("domain", (0.0, 1.0))) != (0.0, 1.0):
            return None
        panels.append((key, y_key, tuple(axis["domain"])))
    if len(panels) < 2 or any(layout[k].get("overlaying") for k in layout if k.startswith("yaxis")):
        return None
    return sorted(panels, key=lambda p: p[2][0])


def _column_of(x: float, domains: list[tuple[float, float]]) -> int | None:
    return next((i for i, (d0, d1) in enumerate(domains) if d0 - 1e-9 <= x <= d1 + 1e-9), None)


def stacked(fig: LabFigure) -> LabFigure:
    """The same figure with its row of panels as a column (a new figure; `fig` is unchanged).

    Each panel keeps its plot height up to PANEL_MAX_PX, with GAP_PX between panels; y axes that hid
    their tick labels because they shared the first panel's show them again, with its y title.
    Paper-positioned annotations move with the panel whose column they were in (subplot titles); the
    legend and animation controls keep their pixel distance from the plot area, except a legend
    whose entries all belong to the last panel: it moves under the column, next to that panel."""
    layout = fig.layout
    panels = _panels(layout)
    if panels is None:
        return fig
    old_plot = plot_px(layout)
    panel = min(old_plot, PANEL_MAX_PX)
    k = len(panels)
    plot = k * panel + (k - 1) * GAP_PX
    # (bottom, top) of each panel in paper units, from pixels down the plot area; the last ends at 0
    rows = [(max(0.0, 1 - (i * (panel + GAP_PX) + panel) / plot), 1 - i * (panel + GAP_PX) / plot) for i in range(k)]

    new = copy.deepcopy(layout)
    new["height"] = layout.get("height", 450) - old_plot + plot      # the same margins around the column
    first_y_title = layout[panels[0][1]].get("title")
    for (x_key, y_key, _), row in zip(panels, rows, strict=True):
        new[x_key]["domain"] = [0.0, 1.0]
        y_axis = new.setdefault(y_key, {})
        y_axis["domain"] = list(row)
        if y_axis.get("matches"):
            y_axis.pop("showticklabels", None)
            if first_y_title and not y_axis.get("title", {}).get("text"):   # the same quantity
                y_axis["title"] = copy.deepcopy(first_y_title)

    def outside(y: float) -> float:
        """A paper y outside [0, 1] at the same pixel distance from the new plot area."""
        return 1 + (y - 1) * old_plot / plot if y > 1 else y * old_plot / plot

    domains = [p[2] for p in panels]
    for note in new.get("annotations", []):
        if note.get("xref") != "paper" or note.get("yref") != "paper":
            continue
        col = _column_of(note.get("x", 0.5), domains)
        if col is None:                                    # not over one panel: keep its place above/below
            if not 0 <= note.get("y", 1.0) <= 1:
                note["y"] = outside(note["y"])
            continue
        (d0, d1), (bottom, top) = domains[col], rows[col]
        note["x"] = (note["x"] - d0) / (d1 - d0)
        note["y"] = bottom + note.get("y", 1.0) * (top - bottom)
    if "y" in new.get("legend", {}) and not 0 <= new["legend"]["y"] <= 1:
        new["legend"]["y"] = outside(new["legend"]["y"])
    for control in (*new.get("updatemenus", []), *new.get("sliders", [])):
        if "y" in control and not 0 < control["y"] <= 1:
            control["y"] = outside(control["y"])
    if _legend_owners(fig.data, panels) == {k - 1} and new.get("legend", {}).get("y", 1.02) > 1:
        _legend_under(new, plot)
    return fig.relaid(new)


def _legend_owners(data: list[dict], panels) -> set[int]:
    """Indices of the panels whose traces have legend entries."""
    column = {"xaxis" + x_key[5:]: i for i, (x_key, _, _) in enumerate(panels)}
    shown = (t for t in data if t.get("showlegend") is True or (
        t.get("showlegend") is None and t.get("name") and t.get("type", "scatter") not in NO_LEGEND_BY_DEFAULT))
    return {column.get("xaxis" + t.get("xaxis", "x")[1:], 0) for t in shown}


def _legend_under(layout: dict, plot: float) -> None:
    """Move the legend from above the column to under it, LEGEND_GAP_PX below the last panel's x axis
    title (in place); the room it took at the top goes to the bottom, so the figure grows only by
    that gap."""
    margin = layout.setdefault("margin", {})
    bottom = margin.get("b", 80) + LEGEND_GAP_PX
    layout["legend"].update(x=0, xanchor="left", y=-bottom / plot, yanchor="top")
    margin["b"] = bottom + LEGEND_ROW_PX
    margin["t"] = margin.get("t", 100) - LEGEND_ROW_PX
    layout["height"] = layout.get("height", 450) + LEGEND_GAP_PX
