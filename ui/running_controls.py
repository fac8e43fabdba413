"""Chapter 4's controls: the population, the stream of batches and the BN settings."""

from __future__ import annotations

import streamlit as st

from bn_core.stream import StreamSpec

from . import controls, sections
from .bn_settings import bn_settings
from .i18n import Translator
from .running_cache import RunningConfig

MAX_SEED = 10_000


def _new_stream() -> None:
    st.session_state["rs_seed"] = (st.session_state.get("rs_seed", 0) + 1) % (MAX_SEED + 1)


def stream_spec(t: Translator) -> StreamSpec:
    """Population mean, std, drift; batch size, steps, seed (with a "new stream" button)."""
    c1, c2, c3 = st.columns(3)
    mean = controls.slider(t("running.ctl.mean"), "rs_mean", -10.0, 10.0, 5.0, t=t, step=0.1, where=c1)
    std = controls.slider(t("running.ctl.std"), "rs_std", 0.1, 10.0, 2.0, t=t, step=0.1, where=c2)
    drift = controls.slider(t("running.ctl.drift"), "rs_drift", -0.1, 0.1, 0.0, t=t, step=0.005, where=c3,
                            fmt="%.3f", help=t("running.ctl.drift_help"))
    c4, c5, c6 = st.columns([2, 2, 1.3], vertical_alignment="bottom")
    batch = controls.slider(t("running.ctl.batch"), "rs_batch", 2, 256, 16, t=t, where=c4)
    steps = controls.slider(t("running.ctl.steps"), "rs_steps", 10, 500, 100, t=t, where=c5)
    seed = controls.number(t("running.ctl.seed"), "rs_seed", 0, MAX_SEED, 0, t=t, where=c6)
    c6.button(t("running.ctl.new_stream"), on_click=_new_stream, icon=":material/casino:", width="stretch")
    return StreamSpec(float(mean), float(std), float(drift), int(batch), int(steps), int(seed))


MORE_KEYS = ("rs_mean", "rs_std", "rs_drift", "rs_batch", "rs_steps", "rs_seed", "rs_eps")


def running_config(t: Translator) -> RunningConfig:
    """Read every chapter-4 lab control and return the frozen config: the convention up front, the BN
    momentum (whose slider the EMA lab's chart hosts, `running_panels.ema_lab`), the population, the
    stream and ε under "More settings"."""
    top = st.container()
    with sections.more_settings(t, MORE_KEYS):
        spec = stream_spec(t)
        c3, _ = st.columns(2)
    conv, momentum, eps = bn_settings("rs", t, cumulative=True, cols=(top, top, c3), client_momentum=True)
    return RunningConfig(spec, conv, momentum, eps)
