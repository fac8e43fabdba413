"""Play/Pause buttons and a frame slider inside a Plotly figure, so animations run client-side."""

from __future__ import annotations

import numpy as np

from .lab_figure import LabFigure

READOUT_PX = 24  # the current-step readout's line above the slider


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
    now: str | None = None,
) -> LabFigure:
    """Add Play/Pause and a step slider over `frame_names` to fig, in place; returns fig.
    The slider has its own row under the buttons, the figure's full width: side by side they
    overlap once the chart is narrower than ~700 px (a projector at 1024 px, a phone).

    Give every step its label: plotly.js shows every n-th label, n chosen from the widest label and
    the slider's width in the browser, so labels left blank in between could all fall on hidden
    steps. `now` ("step {step}") shows the current step's label above the right end of the slider
    while it plays; the figure grows by its line (the figure must have its height by then)."""
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
            "active": active, "x": 0, "len": 1.0, "y": 0, "yanchor": "top",
            "pad": {"t": 110, "r": 45}, "currentvalue": _readout(now),   # r: room for the last label
            "steps": [
                {"label": lab, "method": "animate",
                 "args": [[name], {"frame": {"duration": 0, "redraw": redraw}, "mode": "immediate",
                                   "transition": {"duration": 300}}]}
                for name, lab in zip(frame_names, slider_labels, strict=True)
            ],
        }],
    )
    fig.update_layout(margin={"b": 190})
    if now is not None:   # the readout's line goes below the plot, which keeps its height
        fig.update_layout(margin={"b": 190 + READOUT_PX}, height=fig.layout["height"] + READOUT_PX)
    return fig


def _readout(now: str | None) -> dict:
    """Plotly's `currentvalue` for a "... {step} ..." template: its text either side of the label."""
    if now is None:
        return {"visible": False}
    if now.count("{step}") != 1:
        raise ValueError(f"a step readout needs one {{step}} in its template: {now!r}")
    prefix, suffix = now.split("{step}")
    return {"visible": True, "prefix": prefix, "suffix": suffix, "xanchor": "right", "offset": 8,
            "font": {"size": 13}}


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
