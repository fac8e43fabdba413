"""Chapter 5's card under the percentile plot: how the networks on screen differ from the original BN
paper's MNIST experiment (Ioffe & Szegedy 2015, §4.1), worked out from the settings in use."""

from __future__ import annotations

from bn_core.training import TrainConfig

from .i18n import Translator
from .training_controls import PAPER  # the "Paper set-up" preset: the paper's network, batch, SGD, loss


def paper_card(cfg: TrainConfig, data: str, t: Translator) -> str:
    """Markdown: what differs from the paper, what is as in the paper, then the learning rate and how
    the percentiles are measured. `data`: "digits", "moons" or "spirals"."""
    depth, width, act = len(cfg.net.sizes) - 2, cfg.net.sizes[1], cfg.net.activation
    settings = [   # (as in the paper?, the text if so, the text if not)
        ((depth, width, act) == (PAPER["tr_depth"], PAPER["tr_width"], PAPER["tr_act"]), t("training.card.net_same"),
         t("training.card.net", depth=depth, width=width, act=t(f"training.act.{act}"))),
        (cfg.batch_size == PAPER["tr_batch"], t("training.card.batch_same"),
         t("training.card.batch", batch=cfg.batch_size)),
        (cfg.momentum == PAPER["tr_mom"], t("training.card.sgd_same"),
         t("training.card.sgd", momentum=f"{cfg.momentum:g}")),
        (cfg.net.loss == PAPER["tr_loss"], t("training.card.loss_same"), t("training.card.loss")),
    ]
    images = t("training.card.digits") if data == "digits" else t("training.card.data", data=t(f"training.data.{data}"))
    differs = [images, t("training.card.steps", steps=cfg.steps)] + [no for ok, _, no in settings if not ok]
    same = [yes for ok, yes, _ in settings if ok]
    sep = t("training.card.sep")
    if same:
        return t("training.card.text_same", differs=sep.join(differs), same=sep.join(same), lr=f"{cfg.lr:g}")
    return t("training.card.text", differs=sep.join(differs), lr=f"{cfg.lr:g}")
