"""Chapter 6's controls: the noise strength and the learning rate up front; the network, the data,
the training length, weight decay, the probes' step range and the seed under "More settings".
Every one is in the URL."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import streamlit as st

from bn_core.activations import ACTIVATIONS
from bn_core.network import NetConfig
from bn_core.training import TrainConfig

from .. import controls, sections
from ..i18n import Translator
from ..training_cache import DATASETS, dataset
from ..training_controls import INIT_SCALES, LRS, TRAIN_DTYPE, WIDTHS, record_every

NOISES = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
DECAYS = (1e-4, 5e-4, 1e-3, 5e-3, 1e-2, 5e-2)
REACHES = (0.5, 1.0, 2.0, 4.0, 8.0)   # the landscape probes step up to this many × the learning rate
PROBE_POINTS = 6                      # step sizes per probe, log-spaced from REACH_FROM × lr
REACH_FROM = 1 / 16
VARIANTS = ("none", "before", "noisy", "decay")


@dataclass(frozen=True)
class WhyConfig:
    """Everything the chapter's runs depend on."""

    data: str
    depth: int
    width: int
    activation: str
    lr: float
    batch: int
    steps: int
    init: float
    noise: float
    decay: float
    reach: float
    seed: int

    def probe_multiples(self) -> tuple[float, ...]:
        """Step sizes of the landscape probes, as multiples of lr: REACH_FROM … reach, log-spaced."""
        return tuple(float(v) for v in np.geomspace(REACH_FROM, self.reach, PROBE_POINTS))

    def base(self) -> TrainConfig:
        """The no-BN network's run; the others differ from it in the BN layer, noise or decay only."""
        ds = dataset(self.data, self.seed)
        sizes = (ds.x_train.shape[1], *([self.width] * self.depth), ds.n_classes)
        net = NetConfig(sizes, activation=self.activation, bn="none", init_scale=self.init, seed=self.seed,
                        dtype=TRAIN_DTYPE)
        return TrainConfig(net, lr=self.lr, batch_size=self.batch, steps=self.steps,
                           record_every=record_every(self.steps), seed=self.seed)

    def runs(self) -> dict[str, TrainConfig]:
        """No BN and BN (both probed), noisy BN, and BN with weight decay: same weights and batches."""
        base = self.base()
        bn = dataclasses.replace(base, net=dataclasses.replace(base.net, bn="before"))
        probes = self.probe_multiples()
        return {"none": dataclasses.replace(base, probes=probes),
                "before": dataclasses.replace(bn, probes=probes),
                "noisy": dataclasses.replace(bn, noise=self.noise),
                "decay": dataclasses.replace(bn, weight_decay=self.decay)}


def _fmt(v: float) -> str:
    return f"{v:g}"


MORE_KEYS = ("wb_data", "wb_act", "wb_depth", "wb_width", "wb_batch", "wb_steps", "wb_init", "wb_decay", "wb_reach",
             "wb_seed")


def config(t: Translator) -> WhyConfig:
    """Read every control of the chapter (the only place its widgets are read)."""
    top = st.columns([2, 2, 3], vertical_alignment="bottom")
    noise = controls.choice(t("why.ctl.noise"), "wb_noise", NOISES, 1.0, t=t, widget="select_slider",
                            format_func=_fmt, where=top[0], help=t("why.ctl.noise_help"))
    lr = controls.choice(t("why.ctl.lr"), "wb_lr", LRS, 0.5, t=t, widget="select_slider", format_func=_fmt,
                         where=top[1])
    more = sections.more_settings(t, MORE_KEYS, where=top[2])
    c1, c2 = more.columns(2)
    data = controls.choice(t("training.ctl.data"), "wb_data", DATASETS, "digits", t=t, widget="selectbox",
                           format_func=lambda d: t(f"training.data.{d}"), where=c1)
    act = controls.choice(t("training.ctl.act"), "wb_act", ACTIVATIONS, "sigmoid", t=t, widget="selectbox",
                          format_func=lambda a: t(f"training.act.{a}"), where=c2)
    c3, c4 = more.columns(2)
    depth = controls.slider(t("training.ctl.depth"), "wb_depth", 1, 5, 3, t=t, where=c3)
    width = controls.choice(t("training.ctl.width"), "wb_width", WIDTHS, 100, t=t, widget="select_slider", where=c4)
    c5, c6 = more.columns(2)
    batch = controls.choice(t("training.ctl.batch"), "wb_batch", (16, 32, 60, 128), 60, t=t,
                            widget="select_slider", where=c5)
    steps = controls.slider(t("training.ctl.steps"), "wb_steps", 100, 1000, 300, t=t, step=50, where=c6)
    c7, c8 = more.columns(2)
    init = controls.choice(t("training.ctl.init"), "wb_init", INIT_SCALES, 1.0, t=t, widget="select_slider",
                           format_func=_fmt, where=c7, help=t("training.ctl.init_help"))
    decay = controls.choice(t("why.ctl.decay"), "wb_decay", DECAYS, 5e-3, t=t, widget="select_slider",
                            format_func=_fmt, where=c8, help=t("why.ctl.decay_help"))
    c9, c10 = more.columns(2)
    reach = controls.choice(t("why.ctl.reach"), "wb_reach", REACHES, 4.0, t=t, widget="select_slider",
                            format_func=lambda v: f"{v:g}×", where=c9, help=t("why.ctl.reach_help"))
    seed = controls.number(t("training.ctl.seed"), "wb_seed", 0, 1000, 0, t=t, where=c10)
    return WhyConfig(str(data), int(depth), int(width), str(act), float(lr), int(batch), int(steps), float(init),
                     float(noise), float(decay), float(reach), int(seed))
