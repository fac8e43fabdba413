"""Chapter 2's panels: the two loss surfaces with their descent paths, the numbers behind them."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from bn_core import descent
from figures.contours import (
    ARROW_LENGTH,
    ARROW_TRACES,
    MAX_FRAMES,
    PATH_TRACE,
    ContourLabels,
    contour_figure,
    diverged_note,
)
from figures.surface3d import surface_figure

from . import camera_link, charts, client_chart, controls, labels
from .features_cache import Surface, SurfaceConfig
from .i18n import Translator
from .stepper import step_slider
from .surface_controls import descent_sliders
from .tables import comparison_table

SIDES = ("raw", "right")


def _clicked(i: int, x: float, y: float) -> None:
    """A click at (x, y) on contour plot i moves the start point (u, v) of both runs there."""
    cx, cy, half = st.session_state[f"_ls_view_{SIDES[i]}"]
    u = min(max((x - cx) / half, -1.0), 1.0)
    v = min(max((y - cy) / half, -1.0), 1.0)
    st.session_state["ls_u"] = round(round(u / 0.05) * 0.05, 2)  # on the sliders' 0.05 grid
    st.session_state["ls_v"] = round(round(v / 0.05) * 0.05, 2)


def side_title(name: str, cfg: SurfaceConfig, t: Translator) -> str:
    return t("surface.title.raw") if name == "raw" else t(f"surface.title.{cfg.whitening}")


def contours(s: dict[str, Surface], cfg: SurfaceConfig, classic: bool, t: Translator) -> int:
    """Both contour plots side by side under the learning-rate and momentum sliders (the browser redraws
    the paths as they move), each plot's status and path shape under it, and Prev/Next over the steps
    under them. Returns the chosen step."""
    chart = st.container()
    cols = st.columns(2)
    with st.container():    # drawn under the plots, read before them: the plots show the chosen step
        step = step_slider("ls_step", t("surface.ctl.step"), cfg.steps, cfg.steps, t)
    cells = []
    for col, name in zip(cols, SIDES, strict=True):
        surf = s[name]
        if name == "raw" and classic:
            cells.append(client_chart.Cell(None, note=t("surface.classic_note", kappa=f"{surf.cond.kappa:.3e}")))
            continue
        fig, k, parts, contour_labels = side_figure(surf, side_title(name, cfg, t), step, t)
        st.session_state[f"_ls_view_{name}"] = (float(surf.view.centre[0]), float(surf.view.centre[1]),
                                                surf.view.half)
        cells.append(client_chart.Cell(fig, _descent_model(surf, cfg, step, contour_labels),
                                       t("alt.surface_contour", name=side_title(name, cfg, t))))
        with col:
            _status(surf, t)
            shape, steep, gentle = descent.path_shape(surf.quadratic, surf.cond, surf.path.w[: k + 1])
            st.caption(t.sentences(t("surface.parts", steep=f"{np.linalg.norm(parts[1]):.3g}",
                                     gentle=f"{np.linalg.norm(parts[0]):.3g}", k=k),
                                   t(f"surface.path.{shape}", k=k, n=steep, m=gentle)))
    with chart:
        client_chart.show_cells(tuple(cells), key="ls_contours", sliders=descent_sliders(t, classic),
                                on_click=_clicked)
    st.caption(t("surface.click_hint"))
    return step


def side_figure(surf: Surface, title: str, step: int, t: Translator):
    """One side's contour plot at the chosen step: (figure, the step shown, the gradient's (gentle, steep)
    parts there, the labels)."""
    k = min(step, len(surf.path.w) - 1)
    parts = descent.gradient_parts(surf.quadratic, surf.cond, surf.path.w[k])
    contour_labels = labels.contour(t, title)
    fig = contour_figure(surf.quadratic, surf.view, surf.path, contour_labels, active=k, parts=parts,
                         diverged=_diverged(surf), click_grid=False)    # the client chart reads the mouse
    return fig, k, parts, contour_labels


def _diverged(surf: Surface) -> bool:
    """The one rule for "diverged": the label in the plot, the warning under it and the table's status."""
    return not surf.stable or surf.path.diverged


def _descent_model(surf: Surface, cfg: SurfaceConfig, step: int, contour_labels: ContourLabels) -> dict:
    """What the browser needs to rerun the descent for a new learning rate and momentum: the quadratic
    (A, w*, L*), the Hessian's eigen-decomposition, the start, each side's 2/λmax, the chosen step and
    the arrows' length."""
    q, cond = surf.quadratic, surf.cond
    return {"kind": "descent", "a": q.a.ravel().tolist(), "w_star": q.w_star.tolist(), "l_star": q.l_star,
            "eigenvalues": cond.eigenvalues.tolist(), "eigenvectors": cond.eigenvectors.ravel().tolist(),
            "lr_max": cond.lr_max, "w0": surf.path.w[0].tolist(), "steps": cfg.steps, "step": step,
            "lr": "ls_lr", "momentum": "ls_mom", "arrow": ARROW_LENGTH * surf.view.half,
            "max_frames": MAX_FRAMES, "path_trace": PATH_TRACE, "arrow_traces": list(ARROW_TRACES),
            "note": diverged_note(contour_labels)}


def _status(surf: Surface, t: Translator) -> None:
    if _diverged(surf):
        st.warning(t("surface.diverged", lr=f"{surf.lr:.3g}", lr_max=f"{surf.cond.lr_max:.3g}"),
                   icon=":material/trending_up:")


def _steps(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:,.0f}"


def readouts(s: dict[str, Surface], cfg: SurfaceConfig, t: Translator) -> None:
    """Raw vs standardized (or whitened) side by side: eigenvalues, κ, 2/λmax, learning rate,
    contraction, steps predicted and measured, status."""
    quantities = ["λ₁, λ₂", "κ", "2/λmax", t("surface.col.lr"), "(κ−1)/(κ+1)", t("surface.col.predicted"),
                  t("surface.col.measured"), t("surface.col.status")]
    comparison_table(quantities, {side_title(name, cfg, t): _readout_column(s[name], t) for name in SIDES})
    st.caption(t("surface.readout_note"))


def _readout_column(surf: Surface, t: Translator) -> list[str]:
    """One surface's cells, in readouts' order."""
    lam = surf.cond.eigenvalues
    measured = _steps(surf.measured) if math.isfinite(surf.measured) or not surf.stable else t("surface.more_than")
    status = "surface.status.diverged" if _diverged(surf) else "surface.status.ok"
    return [f"{lam[0]:.3g}, {lam[-1]:.3g}", f"{surf.cond.kappa:,.4g}", f"{surf.cond.lr_max:.3g}", f"{surf.lr:.3g}",
            f"{surf.cond.contraction:.6f}", _steps(surf.predicted), measured, t(status)]


def surfaces_3d(s: dict[str, Surface], cfg: SurfaceConfig, classic: bool, t: Translator) -> None:
    """Both surfaces in 3-D, each from the camera the reader last turned it to (?ls_cam_<side>=; hiding
    the 3-D view forgets it, which is how the starting view comes back)."""
    if not controls.flag(t("surface.show_3d"), "ls_3d", False, t=t):
        camera_link.forget([f"ls_cam_{name}" for name in SIDES])
        camera_link.done()
        return
    notices = st.container()     # above both charts, so that a notice never pushes one chart down
    cols = st.columns(2)
    named = {}
    for col, name in zip(cols, SIDES, strict=True):
        if name == "raw" and classic:       # no raw surface to draw in the classic ranges
            camera_link.forget([f"ls_cam_{name}"])
            continue
        with col:
            surf, title = s[name], side_title(name, cfg, t)
            eye_centre = camera_link.camera(f"ls_cam_{name}", label=title, t=t, where=notices)
            alt = t("alt.surface_3d", name=title)
            charts.show(surface_figure(surf.quadratic, surf.view, surf.path, title, eye_centre=eye_centre),
                        key=f"ls_3d_{name}", alt=alt)
            named[alt] = f"ls_cam_{name}"
    st.caption(t("surface.caption_3d"))
    camera_link.keep(named, key="ls_cam_link")
