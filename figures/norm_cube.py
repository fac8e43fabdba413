"""Chapter 7's pictures: the (N, C, H·W) cube of Wu & He 2018 with the cells that share one mean and
variance lit, one sample normalized five ways, one cell's output across random batchmates, and the
eval error against the batch size."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lab_figure import LabFigure
from .theme import DIVERGING, role_colour, series_colour, style

OTHER_CELLS = "#C4C4C4"   # the cells not named in the text: light grey on either theme


@dataclass(frozen=True)
class CubeLabels:
    n: str          # axis titles: batch (N), channels (C), positions (H·W)
    c: str
    hw: str
    shared: str     # legend: the cells sharing the chosen cell's statistics, the chosen cell, the rest
    chosen: str
    other: str


def cube_figure(mask: np.ndarray, cell: tuple[int, int, int, int], labels: CubeLabels) -> LabFigure:
    """mask (N, C, H, W): one marker per cell at (n, c, h·W + w), numbered from 1 as the page writes
    them, the shared cells in their role's colour, the chosen cell in its own, the rest faint."""
    n, c, h, w = mask.shape
    nn, cc, pp = np.meshgrid(np.arange(1, n + 1), np.arange(1, c + 1), np.arange(1, h * w + 1), indexing="ij")
    flat = mask.reshape(n, c, h * w)
    chosen = np.zeros_like(flat)
    chosen[cell[0], cell[1], cell[2] * w + cell[3]] = True
    size = float(np.clip(120 / max(n, c, h * w), 3, 9))
    traces = []
    for sel, name, colour, opacity in ((~flat, labels.other, OTHER_CELLS, 0.55),
                                       (flat & ~chosen, labels.shared, role_colour("shared_cells"), 1.0),
                                       (chosen, labels.chosen, role_colour("chosen_cell"), 1.0)):
        traces.append(dict(type="scatter3d", mode="markers", name=name, x=nn[sel], y=cc[sel], z=pp[sel],
                           marker={"symbol": "square", "size": size * (1.25 if name == labels.chosen else 1),
                                   "color": colour, "opacity": opacity, "line": {"width": 0}},
                           hovertemplate=f"{labels.n} %{{x}}, {labels.c} %{{y}}, {labels.hw} %{{z}}<extra></extra>"))
    fig = LabFigure(traces)
    style(fig, height=480)
    # the legend under the scene, where wrapping onto more rows in a narrow column covers nothing
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": 0.12, "yanchor": "top"})
    axis = {"showbackground": False, "gridcolor": "rgba(128,128,128,0.25)", "tickfont": {"size": 11}}
    fig.update_layout(scene={"xaxis": {**axis, "title": {"text": labels.n}, "dtick": 1 if n <= 10 else None},
                             "yaxis": {**axis, "title": {"text": labels.c}, "dtick": 1 if c <= 10 else None},
                             "zaxis": {**axis, "title": {"text": labels.hw}, "dtick": 1 if h * w <= 10 else None},
                             "aspectmode": "cube", "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 1.0}},
                             "domain": {"y": [0.14, 1.0]}},
                      margin={"l": 0, "r": 0, "t": 10, "b": 0})
    return fig


@dataclass(frozen=True)
class OutputsLabels:
    names: dict[str, str]   # method -> its name
    c: str
    hw: str
    colour: str


def outputs_figure(outputs: dict[str, np.ndarray], labels: OutputsLabels) -> LabFigure:
    """One sample's normalized values (C, H·W) per method, side by side on one diverging scale."""
    k = len(outputs)
    fig = LabFigure.subplots(rows=1, cols=k, subplot_titles=[labels.names[m] for m in outputs], shared_yaxes=True,
                             horizontal_spacing=0.02)
    lim = float(max(np.max(np.abs(v)) for v in outputs.values())) or 1.0
    for i, y in enumerate(outputs.values(), start=1):
        fig.add_trace(dict(type="heatmap", z=y, x=np.arange(1, y.shape[1] + 1), y=np.arange(1, y.shape[0] + 1),
                           zmin=-lim, zmax=lim, colorscale=DIVERGING, showscale=i == k,
                           colorbar={"title": {"text": labels.colour}, "thickness": 10},
                           hovertemplate="%{z:.3f}<extra></extra>"), row=1, col=i)
    style(fig, height=300)
    fig.update_layout(margin={"t": 60})
    fig.update_xaxes(title=labels.hw, showgrid=False)
    fig.update_yaxes(title=labels.c, col=1, showgrid=False, autorange="reversed")
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return fig


@dataclass(frozen=True)
class BatchmateLabels:
    names: dict[str, str]
    output: str


def batchmates_figure(outputs: dict[str, np.ndarray], labels: BatchmateLabels) -> LabFigure:
    """A box per method of one cell's output over batches with resampled batchmates."""
    fig = LabFigure([dict(type="box", y=v, name=labels.names[m], marker_color=series_colour(i), boxpoints="all",
                          jitter=0.4, pointpos=0, showlegend=False, hovertemplate="%{y:.4f}<extra></extra>")
                     for i, (m, v) in enumerate(outputs.items())])
    style(fig, height=320)
    fig.update_yaxes(title=labels.output)
    return fig


@dataclass(frozen=True)
class SweepLabels:
    names: dict[str, str]
    batch: str
    error: str
    diverged: str


def error_figure(batch_sizes: tuple[int, ...], errors: dict[str, list[float]], labels: SweepLabels) -> LabFigure:
    """Final eval error (a share) against the batch size (log₂ x), one line per method; a run that blew
    up is left out of its line and marked with a cross at the top."""
    fig = LabFigure()
    finite = [e for es in errors.values() for e in es if np.isfinite(e)]
    top = max([*finite, 0.1]) * 1.08
    for i, (m, es) in enumerate(errors.items()):
        es = np.asarray(es, dtype=float)
        ok = np.isfinite(es)
        colour = series_colour(i)
        fig.add_trace(dict(type="scatter", x=np.asarray(batch_sizes)[ok], y=es[ok], mode="lines+markers",
                           name=labels.names[m], line={"color": colour, "width": 2.5}, legendgroup=m))
        if (~ok).any():
            fig.add_trace(dict(type="scatter", x=np.asarray(batch_sizes)[~ok], y=np.full((~ok).sum(), top),
                               mode="markers", name=labels.diverged, showlegend=False, legendgroup=m,
                               marker={"symbol": "x", "size": 11, "color": colour}))
    style(fig, height=380)
    fig.update_xaxes(title=labels.batch, type="log", tickvals=list(batch_sizes), ticktext=[str(b) for b in batch_sizes])
    fig.update_yaxes(title=labels.error, tickformat=".0%", rangemode="tozero", range=[0, top * 1.04])
    return fig

