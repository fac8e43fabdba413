"""Play/Pause buttons and a frame slider inside a Plotly figure, so animations run client-side."""

from __future__ import annotations

import numpy as np

from .lab_figure import LabFigure, merge


def play_controls(
    fig: LabFigure,
    frame_names: list[str],
    slider_labels: list[str],
    active: int,
    *,
    play: str,
    pause: str,
    duration_ms: int = 900,
    redraw: bool = True,
    stacked: bool = False,
) -> LabFigure:
    """Add Play/Pause and a step slider over `frame_names` to fig, in place; returns fig.
    stacked=True puts the slider on its own row under the buttons (for narrow figures)."""
    timing = {"frame": {"duration": duration_ms, "redraw": redraw},
              "transition": {"duration": duration_ms // 2, "easing": "cubic-in-out"}}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 0, "y": 0, "xanchor": "left",
            "yanchor": "top", "pad": {"t": 70, "r": 10}, "showactive": False,
            "buttons": [
                {"label": "▶ " + play, "method": "animate",
                 "args": [None, {**timing, "fromcurrent": True, "mode": "immediate"}]},
                {"label": "❚❚ " + pause, "method": "animate",
                 "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}]},
            ],
        }],
        sliders=[{
            "active": active, "x": 0.26, "len": 0.72, "y": 0, "yanchor": "top",
            "pad": {"t": 60, "r": 30}, "currentvalue": {"visible": False},
            "steps": [
                {"label": lab, "method": "animate",
                 "args": [[name], {"frame": {"duration": 0, "redraw": redraw}, "mode": "immediate",
                                   "transition": {"duration": 300}}]}
                for name, lab in zip(frame_names, slider_labels, strict=True)
            ],
        }],
    )
    fig.update_layout(margin={"b": 150})
    if stacked:
        fig.update_layout(margin={"b": 190})
        merge(fig.layout["sliders"][0], {"x": 0, "len": 1.0, "pad": {"t": 110, "r": 10}})
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
