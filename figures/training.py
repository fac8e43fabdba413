"""Training with and without BN: curves, the paper's percentile plot, saturation, sweeps."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.training import History

from .lab_figure import LabFigure
from .theme import OKABE_ITO, TEXT_SOFT, log_ticks, style

VARIANT_COLOURS = {"none": OKABE_ITO["grey"], "before": OKABE_ITO["vermillion"], "after": OKABE_ITO["blue"],
                   "noisy": OKABE_ITO["bluish_green"], "decay": OKABE_ITO["reddish_purple"]}   # the last two: chapter 6
VARIANT_DASH = {"none": "dot", "before": "solid", "after": "dash", "noisy": "dashdot", "decay": "dash"}
PERCENT_MARGIN = 85  # px left of the plot when the y ticks are percentages
CROSS_STEP = 1.12    # ratio between two variants' rows of crosses on a sweep's log loss axis


@dataclass(frozen=True)
class CurveLabels:
    loss_panel: str
    acc_panel: str
    step: str
    train: str
    val: str
    names: dict[str, str]


def curves_figure(runs: dict[str, History], labels: CurveLabels, steps: int) -> LabFigure:
    """Loss (train and validation, log y) and validation accuracy per variant, on steps 0..steps
    (runs still training, or stopped early, cover part of it)."""
    fig = LabFigure.subplots(rows=1, cols=2, subplot_titles=(labels.loss_panel, labels.acc_panel),
                             horizontal_spacing=0.1)
    for v, h in runs.items():
        colour, name = VARIANT_COLOURS[v], labels.names[v]
        # the legend keys the variants (one entry toggles its three lines); the caption says which
        # line is which, and each loss line's hover names it. "lines": no markers while a run has few
        # records; a run stopped at its first record is a dot, drawn whole on the axis's edge
        line = dict(type="scatter", mode="lines" if len(h.steps) > 1 else "markers", x=h.steps, legendgroup=v,
                    marker={"color": colour, "size": 8}, cliponaxis=False)
        fig.add_trace(line | dict(y=h.train_loss, name=f"{name} · {labels.train}", showlegend=False,
                                  line={"color": colour, "width": 2.5}), row=1, col=1)
        fig.add_trace(line | dict(y=h.val_loss, name=f"{name} · {labels.val}", showlegend=False,
                                  line={"color": colour, "width": 1.5, "dash": "dot"}), row=1, col=1)
        fig.add_trace(line | dict(y=h.val_acc, name=name, line={"color": colour, "width": 2.5}), row=1, col=2)
    style(fig, height=380)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    losses = [h.train_loss for h in runs.values()] + [h.val_loss for h in runs.values()]
    fig.update_yaxes(type="log", row=1, col=1, **log_ticks(np.concatenate(losses) if losses else []))
    fig.update_yaxes(range=[0, 1.02], row=1, col=2)
    fig.update_xaxes(title=labels.step, range=[0, steps])
    return fig


@dataclass(frozen=True)
class PercentileLabels:
    step: str
    value: str
    pcts: tuple[str, str, str]
    names: dict[str, str]


def percentiles_figure(runs: dict[str, History], labels: PercentileLabels, steps: int) -> LabFigure:
    """The original BN paper's plot: 15/50/85th percentiles of one unit's activation input, one
    panel per variant, on a shared y-axis; x spans the planned steps 0..steps (a run that blew up
    stops early)."""
    fig = LabFigure.subplots(rows=1, cols=len(runs), shared_yaxes=True,
                             subplot_titles=[labels.names[v] for v in runs], horizontal_spacing=0.05)
    for c, h in enumerate(runs.values(), start=1):
        for k, (name, dash) in enumerate(zip(labels.pcts, ("dot", "solid", "dot"), strict=True)):
            # one colour per percentile in every panel (the panels' titles name the variants), so the
            # legend's three keys hold for all of them
            fig.add_trace(dict(type="scatter", x=h.steps, y=h.percentiles[:, k], name=name, showlegend=c == 1,
                               line={"color": TEXT_SOFT if k == 1 else OKABE_ITO["sky_blue"],
                                     "dash": dash, "width": 2.5 if k == 1 else 1.8},
                               legendgroup=name, cliponaxis=False), row=1, col=c)
    style(fig, height=340)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    fig.update_xaxes(title=labels.step, range=[0, steps])
    fig.update_yaxes(title=labels.value, col=1)
    return fig


@dataclass(frozen=True)
class LineLabels:
    step: str
    value: str
    names: dict[str, str]
    title: str = ""


def per_variant_lines(steps: dict[str, np.ndarray], values: dict[str, np.ndarray], labels: LineLabels,
                      *, log_y: bool = False, percent: bool = False, x_max: float | None = None) -> LabFigure:
    """One line per variant (e.g. the saturated share averaged over layers); `percent` formats the
    values (shares in [0, 1]) as percentages; `x_max` fixes x to 0..x_max (the planned steps)."""
    fig = LabFigure([dict(type="scatter", x=steps[v], y=values[v], name=labels.names[v], cliponaxis=False,
                          line={"color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v], "width": 2.5})
                     for v in values])
    style(fig, height=300, title=labels.title or None)
    fig.update_xaxes(title=labels.step, range=None if x_max is None else [0, x_max])
    fig.update_yaxes(title=labels.value, type="log" if log_y else "linear", tickformat=".2~%" if percent else None,
                     rangemode="tozero" if percent else None)   # a share starts at 0 %: no gap looks dramatic
    if percent:  # "0.18%" is wider than the fixed margin's ticks: room for the labels and the axis title
        fig.update_layout(margin={"l": PERCENT_MARGIN})
    if labels.title:  # the legend sits between the title and the plot
        fig.update_layout(margin={"t": 80})
    return fig


@dataclass(frozen=True)
class SweepLabels:
    lr_panel: str
    init_panel: str
    lr: str
    init: str
    loss: str
    names: dict[str, str]
    diverged: str
    all_diverged: str


def sweep_figure(lr_values, init_values, lr_loss: dict[str, list], init_loss: dict[str, list],
                 labels: SweepLabels) -> LabFigure:
    """Final training loss against learning rate and against initialization scale (log x): see
    `sweep_panels`."""
    return sweep_panels([(labels.lr_panel, labels.lr, lr_values, lr_loss),
                         (labels.init_panel, labels.init, init_values, init_loss)], labels)


def sweep_panels(panels: list[tuple[str, str, list, dict[str, list]]], labels: SweepLabels) -> LabFigure:
    """One panel per (title, x title, settings, {variant: final losses}): final training loss against
    the setting (log x); runs that diverged (NaN) are drawn as crosses at the top of the panel instead
    of a number. A panel in which every run diverged has no loss scale: its crosses sit mid-panel
    under a note saying so, and its y axis carries no numbers."""
    fig = LabFigure.subplots(rows=1, cols=len(panels), subplot_titles=[p[0] for p in panels],
                             horizontal_spacing=0.1)
    shown = {}   # per panel: the y values drawn, crosses included; None where no run stayed finite
    variants = panels[0][3]
    legend_col = {v: next((c for c, p in enumerate(panels, start=1) if np.isfinite(p[3][v]).any()), None)
                  for v in variants}   # Plotly leaves an empty trace out of the legend: name a drawn line
    for col, (_, _, xs, losses) in enumerate(panels, start=1):
        finite = [v for vals in losses.values() for v in vals if np.isfinite(v)]
        ceiling = max(finite) * 1.5 if finite else 1.0
        shown[col] = [v if np.isfinite(v) else ceiling for vals in losses.values() for v in vals] if finite else None
        for i, (v, vals) in enumerate(losses.items()):
            vals = np.asarray(vals, dtype=float)
            ok = np.isfinite(vals)
            fig.add_trace(dict(type="scatter", x=np.asarray(xs)[ok], y=vals[ok], mode="lines+markers",
                               name=labels.names[v], showlegend=legend_col[v] == col, legendgroup=v, legendrank=i + 1,
                               line={"color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v]}), row=1, col=col)
            crosses_named = legend_col[v] is None and col == 1   # every run of v diverged: its crosses are its key
            # each variant's crosses a little higher than the last, so one cannot hide another
            fig.add_trace(dict(type="scatter", x=np.asarray(xs)[~ok], y=np.full((~ok).sum(), ceiling * CROSS_STEP**i),
                               mode="markers",
                               name=labels.names[v] if crosses_named else labels.diverged,
                               showlegend=crosses_named, legendgroup=v, legendrank=i + 1,
                               marker={"symbol": "x", "size": 11, "color": VARIANT_COLOURS[v]},
                               hovertemplate=f"{labels.names[v]}: {labels.diverged}<extra></extra>"), row=1, col=col)
    style(fig, height=360)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.22})
    fig.update_xaxes(type="log")
    for col, p in enumerate(panels, start=1):
        fig.update_xaxes(title=p[1], row=1, col=col)
    for col, values in shown.items():
        if values is None:   # crosses at 10⁰, mid-panel on a range of ±1 decade, with the note above them
            fig.update_yaxes(type="log", col=col, range=[-1, 1], showticklabels=False)
            fig.add_annotation(text=labels.all_diverged, showarrow=False, x=0.5, y=0.75,
                               xref="x domain", yref="y domain", row=1, col=col)
        else:
            fig.update_yaxes(type="log", col=col, **log_ticks(values))
    fig.update_yaxes(title=labels.loss, col=1)
    return fig
