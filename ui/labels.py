"""Translated label bundles for the figure builders."""

from __future__ import annotations

from figures.contours import ContourLabels
from figures.conventions import ConventionLabels
from figures.diagram import DiagramLabels
from figures.ema import EMALabels
from figures.feature_scatter import MorphLabels, ScatterLabels
from figures.five_steps import FiveStepsLabels
from figures.gradients import GradientLabels
from figures.heatmap import HeatmapLabels
from figures.histograms import HistogramLabels
from figures.inference import BatchmateLabels, GapLabels

from .i18n import Translator


def diagram(t: Translator) -> DiagramLabels:
    return DiagramLabels(boxes=t.items("layer.diagram.box"), edges=t.items("layer.diagram.edge"))


def five_steps(t: Translator) -> FiveStepsLabels:
    return FiveStepsLabels(
        step_titles=t.items("layer.steps.title"),
        feature=t("common.feature_j"), value=t("layer.steps.value"), stat=t("layer.steps.stat"),
        running_before=t("layer.steps.running_before"), running_after=t("layer.steps.running_after"),
        sample=t("common.sample_i"), play=t("common.play"), pause=t("common.pause"),
    )


def heatmap(t: Translator) -> HeatmapLabels:
    return HeatmapLabels(feature=t("common.feature"), sample=t("common.sample"),
                         colour=t("layer.shapes.colour"), title=t("layer.shapes.heatmap_title"))


def gradients(t: Translator) -> GradientLabels:
    return GradientLabels(dy=t("layer.back.fig_dy"), dx=t("layer.back.fig_dx"),
                          params=t("layer.back.fig_params"), feature=t("common.feature"),
                          sample=t("common.sample"), dgamma="dγ", dbeta="dβ")


def histograms(t: Translator) -> HistogramLabels:
    return HistogramLabels(before=t("home.picture.before"), after=t("home.picture.after"),
                           feature=t("common.feature_j"), x_before=t("home.picture.x_before"),
                           x_after=t("home.picture.x_after"))


def ema(t: Translator) -> EMALabels:
    return EMALabels(mean_panel=t("running.ema.mean_panel"), var_panel=t("running.ema.var_panel"),
                     batch=t("running.ema.batch"), running=t("running.ema.running"),
                     population=t("running.ema.population"), step=t("running.ema.step"),
                     play=t("common.play"), pause=t("common.pause"))


def conventions(t: Translator) -> ConventionLabels:
    return ConventionLabels(mean_panel=t("running.conv.mean_panel"), var_panel=t("running.conv.var_panel"),
                            step=t("running.ema.step"), batch=t("running.ema.batch"))


def batchmates(t: Translator) -> BatchmateLabels:
    return BatchmateLabels(batch_size=t("running.infer.batch_size"), output=t("running.infer.output"),
                           training=t("running.infer.training"), inference=t("running.infer.inference"),
                           exact=t("running.infer.exact"))


def gap(t: Translator) -> GapLabels:
    return GapLabels(step=t("running.ema.step"), error=t("running.gap.error"),
                     running=t("running.gap.running"), batch=t("running.gap.batch"))


def scatter(t: Translator, names: tuple[str, ...]) -> ScatterLabels:
    return ScatterLabels(shared=t("inputs.scatter.shared"), raw=t("inputs.scatter.raw"),
                         standardized=t("inputs.scatter.std"), x1=names[0], x2=names[1])


def feature_histograms(t: Translator) -> HistogramLabels:
    return HistogramLabels(before=t("inputs.hist.before"), after=t("inputs.hist.after"),
                           feature=t("common.feature_j"), x_before=t("inputs.hist.x_before"),
                           x_after=t("inputs.hist.x_after"))


def morph(t: Translator) -> MorphLabels:
    return MorphLabels(x1=t("inputs.x1"), x2=t("inputs.x2"), title=t("inputs.morph.title"))


def contour(t: Translator, title: str) -> ContourLabels:
    return ContourLabels(title=title, w1="w₁", w2="w₂", colour=t("surface.fig.colour"),
                         path=t("surface.fig.path"), start=t("surface.fig.start"),
                         minimum=t("surface.fig.minimum"), steep=t("surface.fig.steep"),
                         gentle=t("surface.fig.gentle"), play=t("common.play"), pause=t("common.pause"),
                         diverged=t("surface.fig.diverged"))
