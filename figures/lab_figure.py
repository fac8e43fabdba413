"""`LabFigure`: a Plotly figure kept as plain dicts, with the part of Plotly's figure API our builders use.

Plotly's object API checks every property against its schema as it is set. On a slider move that was
~60 % of a page's script time (py-spy, 2026-11-26: `update_layout`, `make_subplots`, trace
constructors). A `LabFigure` holds the figure as the JSON tree plotly.js reads ({"data": [...],
"layout": {...}}) and skips those checks at run time; the tests put every figure through Plotly's
validators instead (`to_plotly()`), and check that it comes out unchanged.

What is kept of Plotly's API:
- `add_trace(trace, row=, col=)`, `update_layout`, `update_xaxes` / `update_yaxes(row=, col=)`,
  `add_shape`, `add_annotation`; `data` (trace dicts), `layout` (dict) and `frames` (frame dicts).
- Updates merge into what is there, as Plotly's do; a None value removes the key.
- Keys may use Plotly's "magic underscores" (`marker_color` is `marker.color`), parsed by Plotly's
  own key parser, and a string `title` means `title.text`.
- `subplots()` takes `make_subplots`'s arguments; Plotly computes the grid once per set of arguments.
- No template is sent (`go.Figure` would send Plotly's default one): `figures.theme.style` spells out
  the look instead, and the page's CSS (`ui.page_css`) recolours text for light and dark themes.
  A template is an object plotly.js cannot compare, so it would make Streamlit's second pass over
  each new chart redraw it in full (see `figures.packed`); `to_dict()` also sets
  `layout.datarevision` for the same reason.

The class derives from `go.Figure` only so that Streamlit takes it as a figure that is already
validated (`isinstance(fig, BaseFigure)`, then `fig.to_dict()`); `go.Figure.__init__` is never run.
"""

from __future__ import annotations

import copy
import functools
import re

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .packed import fingerprint, pack
from .plotly_paths import key_path

_AXIS_KEY = {"x": re.compile(r"^xaxis\d*$"), "y": re.compile(r"^yaxis\d*$")}


def expanded(props: dict) -> dict:
    """A new dict tree with Plotly's magic underscores spelled out and string titles as {"text": ...};
    nested dicts are expanded too, lists and arrays are kept as given."""
    out: dict = {}
    for key, value in props.items():
        *parents, leaf = key_path(key)
        node = out
        for p in parents:
            node = node.setdefault(p, {})
        if isinstance(value, dict):
            _merge_expanded(node.setdefault(leaf, {}), expanded(value))
        else:
            node[leaf] = {"text": value} if leaf == "title" and isinstance(value, str) else value
    return out


def merge(target: dict, patch: dict) -> dict:
    """Plotly's update semantics on plain dicts: nested dicts merge, other values replace, None removes."""
    return _merge_expanded(target, expanded(patch))


def _merge_expanded(target: dict, tree: dict) -> dict:
    """merge() for a patch that is already expanded (each subtree is expanded once, not per level)."""
    for key, value in tree.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge_expanded(target[key], value)
        else:
            target[key] = value
    return target


@functools.lru_cache(maxsize=128)
def _grid(rows: int, cols: int, kwargs: tuple) -> tuple[dict, dict]:
    """Plotly's own subplot layout (axes, domains, titles) for these arguments, and the axes of each
    cell: {(row, col): (x layout key, y layout key, trace refs)}."""
    fig = make_subplots(rows=rows, cols=cols, **{k: list(v) if isinstance(v, tuple) else v for k, v in kwargs})
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)
    cells = {}
    for r, row in enumerate(fig._grid_ref, start=1):
        for c, refs in enumerate(row, start=1):
            if refs:
                x_key, y_key = refs[0].layout_keys
                cells[(r, c)] = (x_key, y_key, dict(refs[0].trace_kwargs))
    return layout, cells


def _frozen(value):
    return tuple(value) if isinstance(value, list) else value


class LabFigure(go.Figure):
    """A figure as plain dicts (see the module docstring). `data`: a trace dict or a list of them."""

    def __init__(self, data: dict | list[dict] | None = None, layout: dict | None = None):
        # go.Figure.__init__ is not called on purpose: nothing of Plotly's object tree is used.
        traces = [data] if isinstance(data, dict) else list(data or [])
        self._lab_data: list[dict] = [expanded(t) for t in traces]
        self._lab_layout: dict = expanded(layout or {})
        self._lab_frames: list[dict] = []
        self._lab_cells: dict = {}

    @classmethod
    def subplots(cls, rows: int = 1, cols: int = 1, **kwargs) -> LabFigure:
        """A grid of subplots, as `plotly.subplots.make_subplots(rows, cols, **kwargs)` lays it out."""
        layout, cells = _grid(rows, cols, tuple(sorted((k, _frozen(v)) for k, v in kwargs.items())))
        fig = cls(layout=copy.deepcopy(layout))
        fig._lab_cells = cells
        return fig

    @property
    def data(self) -> list[dict]:
        return self._lab_data

    @property
    def layout(self) -> dict:
        return self._lab_layout

    @property
    def frames(self) -> list[dict]:
        return self._lab_frames

    @frames.setter
    def frames(self, frames: list[dict]) -> None:
        self._lab_frames = list(frames)

    def add_trace(self, trace: dict, row: int | None = None, col: int | None = None) -> LabFigure:
        """Append a trace dict (with its "type"); row/col put it on that subplot's axes."""
        trace = expanded(trace)
        if row is not None or col is not None:
            trace.update(self._lab_cells[(row or 1, col or 1)][2])
        self._lab_data.append(trace)
        return self

    def update_layout(self, patch: dict | None = None, **kwargs) -> LabFigure:
        merge(self._lab_layout, {**(patch or {}), **kwargs})
        return self

    def update_xaxes(self, patch: dict | None = None, row: int | None = None, col: int | None = None,
                     **kwargs) -> LabFigure:
        return self._update_axes("x", {**(patch or {}), **kwargs}, row, col)

    def update_yaxes(self, patch: dict | None = None, row: int | None = None, col: int | None = None,
                     **kwargs) -> LabFigure:
        return self._update_axes("y", {**(patch or {}), **kwargs}, row, col)

    def _update_axes(self, xy: str, patch: dict, row: int | None, col: int | None) -> LabFigure:
        for key in self._axis_keys(xy, row, col):
            merge(self._lab_layout.setdefault(key, {}), patch)
        return self

    def _axis_keys(self, xy: str, row: int | None, col: int | None) -> list[str]:
        """The layout keys of the x or y axes in the given row and/or column (all axes if neither)."""
        k = 0 if xy == "x" else 1
        if self._lab_cells:
            return [keys[k] for (r, c), keys in self._lab_cells.items()
                    if (row is None or r == row) and (col is None or c == col)]
        if row is not None or col is not None:
            raise ValueError("row/col need a figure made with LabFigure.subplots()")
        return [key for key in self._lab_layout if _AXIS_KEY[xy].match(key)] or [f"{xy}axis"]

    def add_shape(self, **props) -> LabFigure:
        self._lab_layout.setdefault("shapes", []).append(expanded(props))
        return self

    def add_annotation(self, row: int | None = None, col: int | None = None, **props) -> LabFigure:
        """As Plotly's: with row/col, xref and yref (default "x", "y"; "x domain" kept as a domain
        reference) point at that subplot's axes."""
        if row is not None or col is not None:
            cell = self._lab_cells[(row or 1, col or 1)][2]    # {"xaxis": "x2", "yaxis": "y2"}
            for ref, axis in (("xref", cell["xaxis"]), ("yref", cell["yaxis"])):
                props[ref] = axis + (" domain" if props.get(ref, "").endswith(" domain") else "")
        self._lab_layout.setdefault("annotations", []).append(expanded(props))
        return self

    def relaid(self, layout: dict, data: list[dict] | None = None) -> LabFigure:
        """The same frames and traces (or `data`; shared, not copied) under another layout."""
        out = LabFigure(layout={})
        out._lab_data = self._lab_data if data is None else data
        out._lab_layout, out._lab_frames = layout, self._lab_frames
        return out

    def spec(self) -> dict:
        """The figure as plotly.js reads it, arrays unpacked: data, layout and, if any, frames."""
        res = {"data": self._lab_data, "layout": self._lab_layout}
        if self._lab_frames:
            res["frames"] = self._lab_frames
        return res

    def to_dict(self) -> dict:
        """spec() with numeric arrays as short number lists and `layout.datarevision` set to a digest
        of the data (a new tree; self is unchanged)."""
        out = pack(self.spec())
        out["layout"]["datarevision"] = fingerprint(self._lab_data)
        return out

    def to_plotly(self) -> go.Figure:
        """The same figure through Plotly's validators (raises on any property Plotly does not know);
        frames are checked one by one, as `go.Frame`. For tests."""
        spec = self.spec()
        fig = go.Figure({"data": spec["data"], "layout": spec["layout"]})
        fig.frames = [go.Frame(f) for f in self._lab_frames]
        return fig

    def __repr__(self) -> str:
        return f"LabFigure({len(self._lab_data)} traces, {len(self._lab_frames)} frames)"
