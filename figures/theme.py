"""The shared look: Okabe-Ito colour-blind-safe colours, a layout that reads on light and dark
backgrounds (transparent paper, translucent grid), and a mode bar that downloads a PNG."""

from __future__ import annotations

from plotly.colors import get_colorscale

from .lab_figure import LabFigure

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}
# Order for categorical series: strong, distinguishable first; yellow last (weak on white).
SERIES = tuple(
    OKABE_ITO[k]
    for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "grey", "yellow")
)
# cividis is perceptually uniform and readable with colour-vision deficiency. Spelled out as
# [position, colour] pairs, the form Plotly's validator turns a scale name into (figures skip it).
SEQUENTIAL = [list(pair) for pair in get_colorscale("cividis")]
DIVERGING = [[0.0, OKABE_ITO["blue"]], [0.5, "rgba(128,128,128,0.15)"], [1.0, OKABE_ITO["vermillion"]]]
GRID = "rgba(128,128,128,0.25)"
FONT = "Source Sans Pro, Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

PLOT_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "batch-norm-lab"},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def series_colour(i: int) -> str:
    """The i-th categorical colour, cycling."""
    return SERIES[i % len(SERIES)]


COLOUR_BAR_MARGIN = 110  # px right of the plot: bar, tick labels, rotated title
SCALED_TYPES = ("heatmap", "contour", "surface", "histogram2d", "histogram2dcontour")


def has_colour_bar(fig: LabFigure) -> bool:
    """True when some trace of fig draws a colour bar (a colour-scaled trace whose scale is shown)."""
    return any(trace.get("type") in SCALED_TYPES and trace.get("showscale") is not False for trace in fig.data)


def style(fig: LabFigure, *, height: int = 420, title: str | None = None) -> LabFigure:
    """Apply the shared layout in place and return fig; call it after the traces are added.

    Margins are fixed (`autoexpand` off), wide enough for our ticks and the legend above the plot:
    letting Plotly grow them makes it draw every chart twice on each update (~20 ms a chart, ~60 ms
    for a contour plot with its colour bar). A figure with a colour bar gets a right margin that
    holds the bar, its ticks and its rotated title."""
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 14},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        colorway=list(SERIES),
        margin={"l": 60, "r": COLOUR_BAR_MARGIN if has_colour_bar(fig) else 20, "t": 60 if title else 30, "b": 50,
                "autoexpand": False},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left"})
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor=GRID)
    return fig
