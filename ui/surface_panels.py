"""Chapter 2's panels: the two loss surfaces with their descent paths, the numbers behind them."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from bn_core import descent
from figures.contours import contour_figure
from figures.surface3d import surface_figure

from . import camera_link, charts, controls, labels
from .features_cache import Surface, SurfaceConfig
from .i18n import Translator
from .stepper import step_slider
from .tables import comparison_table

SIDES = ("raw", "right")


def _on_click(chart_key: str, view_key: str) -> None:
    """A click on a contour plot moves the start point (u, v) of both runs there."""
    points = st.session_state[chart_key].selection.points
    if not points:
        return
    cx, cy, half = st.session_state[view_key]
    u = min(max((points[0]["x"] - cx) / half, -1.0), 1.0)
    v = min(max((points[0]["y"] - cy) / half, -1.0), 1.0)
    st.session_state["ls_u"] = round(round(u / 0.05) * 0.05, 2)  # on the sliders' 0.05 grid
    st.session_state["ls_v"] = round(round(v / 0.05) * 0.05, 2)


def side_title(name: str, cfg: SurfaceConfig, t: Translator) -> str:
    return t("surface.title.raw") if name == "raw" else t(f"surface.title.{cfg.whitening}")


def contours(s: dict[str, Surface], cfg: SurfaceConfig, classic: bool, t: Translator) -> int:
    """Both contour plots side by side, with Prev/Next over the steps under them. Returns the chosen step."""
    cols = st.columns(2)
    with st.container():    # drawn under the plots, read before them: the plots show the chosen step
        step = step_slider("ls_step", t("surface.ctl.step"), cfg.steps, cfg.steps, t)
    for col, name in zip(cols, SIDES, strict=True):
        surf = s[name]
        with col:
            if name == "raw" and classic:
                st.info(t("surface.classic_note", kappa=f"{surf.cond.kappa:.3e}"), icon=":material/straighten:")
                continue
            k = min(step, len(surf.path.w) - 1)
            parts = descent.gradient_parts(surf.quadratic, surf.cond, surf.path.w[k])
            fig = contour_figure(surf.quadratic, surf.view, surf.path, labels.contour(t, side_title(name, cfg, t)),
                                 active=k, parts=parts)
            view_key = f"_ls_view_{name}"
            st.session_state[view_key] = (float(surf.view.centre[0]), float(surf.view.centre[1]), surf.view.half)
            charts.show(fig, key=f"ls_chart_{name}", alt=t("alt.surface_contour", name=side_title(name, cfg, t)),
                        selection_mode="points",
                        on_select=lambda n=name: _on_click(f"ls_chart_{n}", f"_ls_view_{n}"))
            _status(surf, t)
            shape, steep, gentle = descent.path_shape(surf.quadratic, surf.cond, surf.path.w[: k + 1])
            st.caption(t.sentences(t("surface.parts", steep=f"{np.linalg.norm(parts[1]):.3g}",
                                     gentle=f"{np.linalg.norm(parts[0]):.3g}", k=k),
                                   t(f"surface.path.{shape}", k=k, n=steep, m=gentle)))
    st.caption(t("surface.click_hint"))
    return step


def _status(surf: Surface, t: Translator) -> None:
    if not surf.stable or surf.path.diverged:
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
    status = "surface.status.ok" if surf.stable and not surf.path.diverged else "surface.status.diverged"
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
