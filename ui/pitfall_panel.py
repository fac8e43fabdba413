"""Chapter 4's pitfall checker: each classic slip with a one-line demonstration on current data."""

from __future__ import annotations

import streamlit as st

from . import running_cache
from .i18n import Translator
from .running_cache import RunningConfig

PITFALLS = ("variance", "momentum", "eps", "swap", "eval")


def _fmt(numbers: dict[str, float]) -> dict[str, str]:
    return {k: f"{v:.4g}" for k, v in numbers.items()}


def pitfalls(cfg: RunningConfig, t: Translator) -> None:
    st.header(t("running.pit.header"))
    st.markdown(t("running.pit.intro"))
    numbers = running_cache.pitfall_numbers(cfg)
    cols = st.columns(2)
    for k, name in enumerate(PITFALLS):
        with cols[k % 2].container(border=True):
            st.markdown(f"**{t(f'running.pit.{name}.title')}**")
            st.markdown(t(f"running.pit.{name}.demo", b=cfg.stream.batch_size, eps=f"{cfg.eps:g}",
                          **_fmt(numbers[name])))
