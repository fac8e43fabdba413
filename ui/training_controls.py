"""Chapter 5's controls: data, network, optimizer, which BN variants to compare, the paper preset."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from bn_core.activations import ACTIVATIONS
from bn_core.network import BN_PLACES, NetConfig
from bn_core.training import TrainConfig
from figures.distributions import MAX_FRAMES as DIST_FRAMES

from . import controls, sections
from .i18n import Translator
from .training_cache import DATASETS, dataset

WIDTHS = (4, 8, 16, 32, 64, 100, 128, 256)
INIT_SCALES = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
LRS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 3.0, 10.0)
BATCHES = (8, 16, 32, 60, 128, 256)
# The frameworks' default precision, and ~40 % faster here than float64 (2 networks × 300 steps,
# 2026-11-26); BN still accumulates its statistics in float64 (DESIGN.md §5).
TRAIN_DTYPE = "float32"
PAPER = {"tr_data": "digits", "tr_depth": 3, "tr_width": 100, "tr_act": "sigmoid", "tr_batch": 60,
         "tr_lr": 0.5, "tr_mom": 0.0, "tr_init": 1.0, "tr_loss": "xent", "tr_steps": 500}


def record_every(steps: int) -> int:
    """Record every this many steps: at most DIST_FRAMES records with the last step's, so the
    distributions animation plays every record and its slider steps evenly (0, 8, 16, ... for 300)."""
    return max(1, -(-steps // (DIST_FRAMES - 1)))


def _paper_preset() -> None:
    st.session_state.update(PAPER)
    st.session_state.update({"tr_cmp_none": True, "tr_cmp_before": True, "tr_cmp_after": False})


@dataclass(frozen=True)
class Setup:
    data: str
    configs: dict[str, TrainConfig]


MORE_KEYS = (*PAPER, "tr_seed")


def setup(t: Translator) -> Setup:
    """Every control of the chapter; returns the data set's name and one TrainConfig per variant. The
    variants to compare come first; the data, the network and the optimizer are under "More settings"."""
    variants = _variants(t)
    with sections.more_settings(t, MORE_KEYS):
        st.button(t("training.ctl.paper"), on_click=_paper_preset, icon=":material/article:",
                  help=t("training.ctl.paper_help"))
        c1, c2, c3, c4 = st.columns(4)
        data = controls.choice(t("training.ctl.data"), "tr_data", DATASETS, "digits", t=t, widget="selectbox",
                               format_func=lambda d: t(f"training.data.{d}"), where=c1)
        depth = controls.slider(t("training.ctl.depth"), "tr_depth", 1, 6, 3, t=t, where=c2)
        width = controls.choice(t("training.ctl.width"), "tr_width", WIDTHS, 100, t=t, widget="select_slider",
                                where=c3)
        act = controls.choice(t("training.ctl.act"), "tr_act", ACTIVATIONS, "sigmoid", t=t, widget="selectbox",
                              format_func=lambda a: t(f"training.act.{a}"), where=c4)
        c5, c6, c7, c8 = st.columns(4)
        lr = controls.choice(t("training.ctl.lr"), "tr_lr", LRS, 0.5, t=t, widget="select_slider",
                             format_func=lambda v: f"{v:g}", where=c5)
        mom = controls.slider(t("training.ctl.momentum"), "tr_mom", 0.0, 0.99, 0.0, t=t, step=0.01, where=c6,
                              help=t("training.ctl.momentum_help"))
        init = controls.choice(t("training.ctl.init"), "tr_init", INIT_SCALES, 1.0, t=t, widget="select_slider",
                               format_func=lambda v: f"{v:g}", where=c7, help=t("training.ctl.init_help"))
        batch = controls.choice(t("training.ctl.batch"), "tr_batch", BATCHES, 60, t=t, widget="select_slider",
                                where=c8)
        c9, c10, c11 = st.columns([2, 1.3, 1.2])
        steps = controls.slider(t("training.ctl.steps"), "tr_steps", 50, 2000, 300, t=t, step=50, where=c9)
        loss = controls.choice(t("training.ctl.loss"), "tr_loss", ("xent", "mse"), "xent", t=t,
                               format_func=lambda v: t(f"training.loss.{v}"), where=c10)
        seed = controls.number(t("training.ctl.seed"), "tr_seed", 0, 1000, 0, t=t, where=c11)
    ds = dataset(str(data), int(seed))
    sizes = (ds.x_train.shape[1], *([int(width)] * int(depth)), ds.n_classes)
    boundary = 60 if ds.x_train.shape[1] == 2 else 0
    configs = {
        v: TrainConfig(NetConfig(sizes, activation=str(act), bn=v, init_scale=float(init), loss=str(loss),
                                 seed=int(seed), dtype=TRAIN_DTYPE),
                       lr=float(lr), momentum=float(mom), batch_size=int(batch), steps=int(steps),
                       record_every=record_every(int(steps)), seed=int(seed), boundary=boundary)
        for v in variants
    }
    return Setup(str(data), configs)


def _variants(t: Translator) -> tuple[str, ...]:
    st.markdown(t("training.ctl.compare"))
    cols = st.columns(3)
    chosen = [v for col, v in zip(cols, BN_PLACES, strict=True)
              if controls.flag(t(f"training.variant.{v}"), f"tr_cmp_{v}", v != "after", t=t, where=col)]
    if not chosen:
        st.info(t("training.ctl.none_chosen"))
        return ("none",)
    return tuple(chosen)
