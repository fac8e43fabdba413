"""The same stream under three conventions: running mean and running variance side by side."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.ema import EMATrace

from .lab_figure import LabFigure
from .theme import OKABE_ITO, style

COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"], OKABE_ITO["bluish_green"])
DASHES = ("solid", "dash", "dot")


@dataclass(frozen=True)
class ConventionLabels:
    mean_panel: str
    var_panel: str
    step: str
    batch: str


def conventions_figure(traces: dict[str, EMATrace], labels: ConventionLabels) -> LabFigure:
    """traces maps a legend name to its EMATrace (same stream); batch statistics as faint dots."""
    first = next(iter(traces.values()))
    steps = np.arange(1, len(first.batch_mean) + 1)
    fig = LabFigure.subplots(rows=1, cols=2, subplot_titles=(labels.mean_panel, labels.var_panel),
                             horizontal_spacing=0.08)
    for col, stat in ((1, first.batch_mean), (2, first.batch_var)):
        fig.add_trace(dict(type="scatter", x=steps, y=stat, mode="markers", name=labels.batch, showlegend=col == 1,
                           marker={"color": OKABE_ITO["grey"], "size": 4, "opacity": 0.5}), row=1, col=col)
    for k, (name, tr) in enumerate(traces.items()):
        line = {"color": COLOURS[k % 3], "dash": DASHES[k % 3], "width": 2.5}
        x0 = np.arange(0, len(tr.running_mean))
        fig.add_trace(dict(type="scatter", x=x0, y=tr.running_mean, name=name, line=line, legendgroup=name),
                      row=1, col=1)
        fig.add_trace(dict(type="scatter", x=x0, y=tr.running_var, name=name, line=line, legendgroup=name,
                           showlegend=False), row=1, col=2)
    style(fig, height=400)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.18})
    fig.update_xaxes(title=labels.step)
    return fig
