"""Play/Pause buttons inside a Plotly figure, so animations run client-side."""

from __future__ import annotations

import numpy as np

from .lab_figure import LabFigure

BUTTONS_PAD = 70  # the buttons sit this far under the plot area (below the x axis title)
BOTTOM = 120      # the bottom margin that holds the axis title and the buttons


def play_controls(fig: LabFigure, *, play: str, pause: str, duration_ms: int = 900, redraw: bool = True) -> LabFigure:
    """Add Play/Pause under the plot of `fig`, in place; returns fig. Play runs the figure's frames in
    the browser, from the one on show. There is no slider in the figure: the step is chosen with the
    page's own Prev / slider / Next under the chart (one step control per animation), which the
    keyboard reaches and the rest of the page follows."""
    timing = {"frame": {"duration": duration_ms, "redraw": redraw},
              "transition": {"duration": duration_ms // 2, "easing": "cubic-in-out"}}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 0, "y": 0, "xanchor": "left",
            "yanchor": "top", "pad": {"t": BUTTONS_PAD, "r": 10}, "showactive": False,
            "buttons": [
                {"label": "▶ " + play, "method": "animate",
                 "args": [None, {**timing, "fromcurrent": True, "mode": "immediate"}]},
                {"label": "❚❚ " + pause, "method": "animate",
                 "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}]},
            ],
        }],
    )
    fig.update_layout(margin={"b": BOTTOM})
    return fig


def revealed(y) -> dict:
    """A scatter trace's update that shows its first len(y) points.

    Animations that reveal steps keep x over every step in the figure and send only y in each frame:
    Plotly draws min(len(x), len(y)) points, so a frame needs half the data. The type tag is what
    Plotly's own frames carry."""
    return {"type": "scatter", "y": y}


def frame_steps(first: int, last: int, active: int, max_frames: int) -> list[int]:
    """At most ~max_frames evenly spaced steps from first to last, always with `active` and `last`."""
    steps = np.linspace(first, last, min(last - first + 1, max_frames)).round().astype(int).tolist()
    return sorted(set(steps) | {active, last})
