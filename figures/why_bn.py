"""Chapter 6's charts: internal covariate shift per layer, the landscape along the gradient as bands
over training, the 1-D slice along the gradient, and the weight norm with the effective learning rate.
Variants are keyed as in chapter 5 ("none", "before", "noisy", "decay") and drawn in its colours."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bn_core.training import Probes

from .lab_figure import LabFigure
from .theme import log_ticks, rgba, style
from .training import VARIANT_COLOURS, VARIANT_DASH

BAND_ALPHA = 0.18


def _line(v: str, name: str, x, y, *, legend: bool, width: float = 2.5) -> dict:
    return dict(type="scatter", mode="lines+markers" if len(x) < 3 else "lines", x=x, y=y, name=name,
                legendgroup=v, showlegend=legend, cliponaxis=False,
                line={"color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v], "width": width})


def _band(v: str, name: str, x, lo, hi, *, legend: bool) -> list[dict]:
    """A filled band between lo and hi (the fill reaches down to the trace before it), edges thin."""
    edge = {"color": VARIANT_COLOURS[v], "width": 1}
    return [dict(type="scatter", mode="lines", x=x, y=lo, line=edge, legendgroup=v, showlegend=False,
                 hoverinfo="skip", name=name),
            dict(type="scatter", mode="lines", x=x, y=hi, line=edge, fill="tonexty",
                 fillcolor=rgba(VARIANT_COLOURS[v], BAND_ALPHA), legendgroup=v, showlegend=legend, name=name)]


@dataclass(frozen=True)
class ShiftLabels:
    layer: str          # "layer {l}"
    step: str
    l2: str
    cos: str
    names: dict[str, str]


def shift_figure(probes: dict[str, Probes], labels: ShiftLabels, *, measure: str) -> LabFigure:
    """ICS per weight layer 2..L+1 (one panel each, in a row) over training, one line per network:
    measure "l2" draws ‖G − G′‖ on a log scale, "cos" draws cos(G, G′) on a y axis shared by the panels."""
    layers = next(iter(probes.values())).ics_l2.shape[1]
    fig = LabFigure.subplots(rows=1, cols=layers, shared_yaxes=measure == "cos",
                             horizontal_spacing=0.04 if measure == "cos" else 0.07,
                             subplot_titles=[labels.layer.format(l=i + 2) for i in range(layers)])
    values = {v: pr.ics_l2 if measure == "l2" else pr.ics_cos for v, pr in probes.items()}
    for v, pr in probes.items():
        for i in range(layers):
            fig.add_trace(_line(v, labels.names[v], pr.steps, values[v][:, i], legend=i == 0), row=1, col=i + 1)
    style(fig, height=320)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    drawn = np.concatenate([m.ravel() for m in values.values()])
    drawn = drawn[np.isfinite(drawn)]
    if measure == "l2":
        fig.update_yaxes(type="log", **log_ticks(drawn))
    else:   # 1 is no shift: the axis reaches up to it and down to 0 (or below, where a cosine is negative)
        fig.update_yaxes(range=[min(0.0, float(drawn.min())) if drawn.size else 0.0, 1.02])
    fig.update_yaxes(title=labels.l2 if measure == "l2" else labels.cos, col=1)
    fig.update_xaxes(title=labels.step)
    return fig


@dataclass(frozen=True)
class LandscapeLabels:
    step: str
    loss_panel: str
    change_panel: str
    beta_panel: str
    names: dict[str, str]


def landscape_figure(probes: dict[str, Probes], labels: LandscapeLabels) -> LabFigure:
    """Three panels over training, one colour per network: the range of the loss along −∇L (band from
    its smallest to its largest value over the step sizes), the range of ‖∇L(θ − ηg) − g‖ (band), and
    the effective β-smoothness (line); log y on all three."""
    fig = LabFigure.subplots(rows=1, cols=3, horizontal_spacing=0.08,
                             subplot_titles=(labels.loss_panel, labels.change_panel, labels.beta_panel))
    drawn: dict[int, list] = {1: [], 2: [], 3: []}
    for v, pr in probes.items():
        name = labels.names[v]
        with np.errstate(all="ignore"):
            panels = ((np.nanmin(pr.loss, axis=1), np.nanmax(pr.loss, axis=1)),
                      (np.nanmin(pr.grad_change, axis=1), np.nanmax(pr.grad_change, axis=1)))
        for col, (lo, hi) in enumerate(panels, start=1):
            for trace in _band(v, name, pr.steps, lo, hi, legend=col == 1):
                fig.add_trace(trace, row=1, col=col)
            drawn[col] += [lo, hi]
        fig.add_trace(_line(v, name, pr.steps, pr.beta, legend=False), row=1, col=3)
        drawn[3].append(pr.beta)
    style(fig, height=380)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    for col, values in drawn.items():
        fig.update_yaxes(type="log", row=1, col=col, **log_ticks(np.concatenate(values) if values else []))
    fig.update_xaxes(title=labels.step)
    return fig


@dataclass(frozen=True)
class SliceLabels:
    eta: str            # "step size η (× learning rate)"
    loss: str
    start: str          # "loss at the current weights"
    names: dict[str, str]


def slice_figure(probes: dict[str, Probes], k: int, lr: float, labels: SliceLabels) -> LabFigure:
    """The loss along −∇L at probe k of each network against the step size (as a multiple of lr,
    log x), with each network's loss at η = 0 as a thin horizontal line; k is clipped to each run's
    last probe (a run that blew up stops early)."""
    fig = LabFigure()
    values = []
    for v, pr in probes.items():
        if not len(pr.steps):
            continue
        i = min(k, len(pr.steps) - 1)
        x = pr.etas / lr
        fig.add_trace(dict(type="scatter", mode="lines+markers", x=x, y=pr.loss[i], name=labels.names[v],
                           line={"color": VARIANT_COLOURS[v], "dash": VARIANT_DASH[v], "width": 2.5},
                           cliponaxis=False))
        fig.add_trace(dict(type="scatter", mode="lines", x=[x[0], x[-1]], y=[pr.loss0[i]] * 2, showlegend=False,
                           name=f"{labels.names[v]} · {labels.start}",
                           hovertemplate="%{y:.4g}<extra>%{fullData.name}</extra>",
                           line={"color": VARIANT_COLOURS[v], "width": 1, "dash": "dot"}))
        values += [pr.loss[i], [pr.loss0[i]]]
    style(fig, height=340)
    fig.update_layout(margin={"t": 50})   # room for the legend above the plot on a phone's narrower rows
    multiples = next((p.etas / lr for p in probes.values() if len(p.steps)), [])
    fig.update_xaxes(title=labels.eta, type="log", tickvals=list(multiples), ticktext=[f"{m:.3g}" for m in multiples])
    fig.update_yaxes(title=labels.loss, type="log", **log_ticks(np.concatenate(values) if values else []))
    return fig


@dataclass(frozen=True)
class NormLabels:
    step: str
    norm_panel: str     # "‖W₁‖"
    eff_panel: str      # "lr / ‖W₁‖²"
    names: dict[str, str]


def weight_norm_figure(steps: dict[str, np.ndarray], norm: dict[str, np.ndarray], eff: dict[str, np.ndarray],
                       labels: NormLabels, x_max: int) -> LabFigure:
    """‖W‖ of the layer feeding the first BN layer and the effective learning rate lr/‖W‖² over
    training (log y), one line per network."""
    fig = LabFigure.subplots(rows=1, cols=2, horizontal_spacing=0.1,
                             subplot_titles=(labels.norm_panel, labels.eff_panel))
    for v in norm:
        fig.add_trace(_line(v, labels.names[v], steps[v], norm[v], legend=True), row=1, col=1)
        fig.add_trace(_line(v, labels.names[v], steps[v], eff[v], legend=False), row=1, col=2)
    style(fig, height=340)
    fig.update_layout(margin={"t": 90}, legend={"y": 1.25})
    fig.update_xaxes(title=labels.step, range=[0, x_max])
    fig.update_yaxes(rangemode="tozero", row=1, col=1)
    fig.update_yaxes(type="log", row=1, col=2, **log_ticks(np.concatenate(list(eff.values()))))
    return fig
