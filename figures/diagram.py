"""Where a BN layer sits: previous layer -> linear -> BN -> activation -> next layer."""

from __future__ import annotations

from dataclasses import dataclass

from .lab_figure import LabFigure
from .theme import OKABE_ITO, style


@dataclass(frozen=True)
class DiagramLabels:
    """Box texts (left to right), the edge captions between boxes, and a title."""

    boxes: tuple[str, ...]
    edges: tuple[str, ...]
    title: str = ""


def box_text(text: str) -> str:
    """A box label on two lines where it has two parts ("linear: z = Wx + b", "线性：z = Wx + b",
    "previous layer"): a box is ~80 px wide on a 1024 px page, and one line ran out of it."""
    for colon in (": ", "："):
        if colon in text:
            head, tail = text.split(colon, 1)
            return f"{head}{colon.strip()}<br>{tail}"
    if " " in text and len(text) > 8:
        spaces = [i for i, c in enumerate(text) if c == " "]
        middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
        return f"{text[:middle]}<br>{text[middle + 1:]}"
    return text


def where_bn_sits(labels: DiagramLabels, *, highlight: int = 2, vertical: bool = False) -> LabFigure:
    """A row of boxes joined by arrows; box `highlight` (the BN layer) is filled orange. `vertical`: a
    column of full-width boxes, top to bottom, for a phone (a row leaves each box ~60 px there)."""
    fig = _column(labels, highlight) if vertical else _row(labels, highlight)
    fig.update_layout(dragmode=False)
    return fig


def _box(fig: LabFigure, i: int, text: str, highlight: int, *, x0: float, x1: float, y0: float, y1: float) -> None:
    fill = OKABE_ITO["orange"] if i == highlight else "#CDE8F8"
    fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line={"color": OKABE_ITO["blue"], "width": 2},
                  fillcolor=fill, layer="below")
    fig.add_annotation(x=(x0 + x1) / 2, y=(y0 + y1) / 2, text=text, showarrow=False,
                       font={"size": 14, "color": "#1A1A1A"})


def _arrow(fig: LabFigure, *, x: float, y: float, ax: float, ay: float) -> None:
    fig.add_annotation(x=x, y=y, ax=ax, ay=ay, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                       arrowhead=2, arrowwidth=2, arrowcolor=OKABE_ITO["grey"], text="")


def _row(labels: DiagramLabels, highlight: int) -> LabFigure:
    n = len(labels.boxes)
    fig = LabFigure()
    for i, text in enumerate(labels.boxes):
        _box(fig, i, box_text(text), highlight, x0=i * 3, x1=i * 3 + 2, y0=0, y1=1)
    for i, text in enumerate(labels.edges[: n - 1]):
        _arrow(fig, x=i * 3 + 2.95, y=0.5, ax=i * 3 + 2.05, ay=0.5)
        fig.add_annotation(x=i * 3 + 2.5, y=-0.25, text=text, showarrow=False, font={"size": 12})
    fig.update_xaxes(visible=False, range=[-0.3, n * 3 - 0.7])
    fig.update_yaxes(visible=False, range=[-0.55, 1.15])
    style(fig, height=190, title=labels.title or None)
    fig.update_layout(margin={"l": 5, "r": 5, "t": 40 if labels.title else 5, "b": 5})
    return fig


STEP = 1.8   # vertical: a box (1 unit, ~40 px) and the arrow below it with its caption


def _column(labels: DiagramLabels, highlight: int) -> LabFigure:
    n = len(labels.boxes)
    fig = LabFigure()
    for i, text in enumerate(labels.boxes):
        _box(fig, i, text, highlight, x0=0, x1=4, y0=-i * STEP - 1, y1=-i * STEP)
    for i, text in enumerate(labels.edges[: n - 1]):
        _arrow(fig, x=1, y=-(i + 1) * STEP + 0.05, ax=1, ay=-i * STEP - 1.05)
        fig.add_annotation(x=1.25, y=-i * STEP - 1.4, text=text, showarrow=False, xanchor="left",
                           font={"size": 12})
    fig.update_xaxes(visible=False, range=[-0.05, 4.05])
    fig.update_yaxes(visible=False, range=[-(n - 1) * STEP - 1.05, 0.05])
    style(fig, height=int(40 * (n + 0.8 * (n - 1))) + 20, title=labels.title or None)
    fig.update_layout(margin={"l": 5, "r": 5, "t": 40 if labels.title else 5, "b": 5})
    return fig
