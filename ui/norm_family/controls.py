"""Chapter 7's controls: the method and the group count up front; the tensor's size, the chosen cell
and the seed under "More settings". Every one is in the URL."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from bn_core.norm_family import METHODS

from .. import controls
from ..i18n import Translator


@dataclass(frozen=True)
class CubeConfig:
    """An (N, C, H, W) tensor drawn from the seed, the method and group count, and the chosen cell."""

    shape: tuple[int, int, int, int]
    method: str
    groups: int
    cell: tuple[int, int, int, int]
    seed: int


def divisors(c: int) -> tuple[int, ...]:
    return tuple(g for g in range(1, c + 1) if c % g == 0)


def _index(label: str, key: str, size: int, t: Translator, where) -> int:
    """A 1-based index slider over 1..size (0-based value back); none when there is only one."""
    if size < 2:
        return 0
    return int(controls.slider(label, key, 1, size, 1, t=t, where=where)) - 1


def cube_config(t: Translator) -> CubeConfig:
    """Read every control of the cube and the panels that share its tensor."""
    method = controls.choice(t("norm.ctl.method"), "nf_method", METHODS, "gn", t=t, horizontal=True,
                             format_func=lambda m: t(f"norm.method.{m}"))
    top = st.columns([2, 3], vertical_alignment="bottom")
    more = top[1].expander(t("norm.ctl.more"), icon=":material/tune:")
    c1, c2 = more.columns(2)
    c3, c4 = more.columns(2)
    n = int(controls.slider(t("norm.ctl.n"), "nf_n", 1, 8, 4, t=t, where=c1))
    c = int(controls.slider(t("norm.ctl.c"), "nf_c", 1, 12, 6, t=t, where=c2))
    h = int(controls.slider(t("norm.ctl.h"), "nf_h", 1, 4, 2, t=t, where=c3))
    w = int(controls.slider(t("norm.ctl.w"), "nf_w", 1, 4, 2, t=t, where=c4))
    options = divisors(c)
    groups = 1 if len(options) < 2 else controls.choice(
        t("norm.ctl.groups"), "nf_groups", options, 2 if 2 in options else 1, t=t, widget="select_slider",
        where=top[0], help=t("norm.ctl.groups_help"), disabled=method != "gn")
    more.caption(t("norm.ctl.cell"))
    d1, d2 = more.columns(2)
    d3, d4 = more.columns(2)
    d5 = more
    cell = (_index(t("norm.ctl.cell_n"), "nf_cn", n, t, d1), _index(t("norm.ctl.cell_c"), "nf_cc", c, t, d2),
            _index(t("norm.ctl.cell_h"), "nf_ch", h, t, d3), _index(t("norm.ctl.cell_w"), "nf_cw", w, t, d4))
    seed = controls.number(t("norm.ctl.seed"), "nf_seed", 0, 1000, 0, t=t, where=d5)
    return CubeConfig((n, c, h, w), str(method), int(groups), cell, int(seed))
