"""Computed claims: a sentence that states an outcome agrees with the chart beside it (issue 32).

Each claim here depends on the settings, so the page chooses it from the numbers it computed. For
every claim a test sets a configuration where it holds and one where it does not, reads the numbers
from what the page drew (the chart's own traces), works out the verdict here, and checks the page
says it. Sentences that hold for every setting are not listed; the comment beside their catalog
key, or the module that draws them, says why."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.app.conftest import open_page
from ui.i18n import Translator

EN = Translator("en")


# --- chapter 5: the paper's percentile plot -------------------------------------------------------

def percentile_panels(figures, t: Translator) -> list[np.ndarray]:
    """From the percentile figure the page drew: per panel, the (R, 3) recorded percentiles."""
    names = (t("training.paper.p15"), t("training.paper.p50"), t("training.paper.p85"))
    fig = next(f for f in figures if f.data and f.data[0].get("name") == names[0]
               and any(a.get("text") for a in f.layout.get("annotations", [])))
    traces = [np.asarray(tr["y"], dtype=float) for tr in fig.data]
    return [np.column_stack(traces[i: i + 3]) for i in range(0, len(traces), 3)]


def drift(p: np.ndarray) -> float:
    """How far the three percentiles moved: mean over them of max − min."""
    return float(np.mean(p.max(axis=0) - p.min(axis=0)))


def drift_lines(at) -> list[str]:
    return next(m.value for m in at.markdown if m.value.startswith("- **")).split("\n")


def check_drift_sentences(at, figures, t: Translator) -> list[str]:
    """The sentence under the chart states each panel's drift as drawn, and chooses its verdict from
    the drift against the no-BN panel's; returns the verdicts ("none", "steadier", ...)."""
    panels, lines = percentile_panels(figures, t), drift_lines(at)
    assert len(panels) == len(lines)
    has_none = "**" + t("training.variant.none") in lines[0]
    ref = drift(panels[0]) if has_none else None
    kinds = []
    for k, (p, line) in enumerate(zip(panels, lines, strict=True)):
        d = drift(p)
        assert f"**{d:.2f}**" in line, (line, d)
        if k == 0 and has_none:
            kind = "none"
        elif ref is None:
            kind = "alone"
        else:
            ratio = d / ref
            kind = "steadier" if ratio < 2 / 3 else "more" if ratio > 3 / 2 else "similar"
        template = t(f"training.paper.drift.{kind}", name="@", drift="@", ref="@", ratio="@")
        pattern = "- " + ".+".join(re.escape(part) for part in template.split("@")) + r"\Z"
        assert re.match(pattern, line), (kind, line)
        kinds.append(kind)
    return kinds


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_default_run_says_bn_keeps_the_distribution_steadier(sent_figures, lang):
    t = Translator(lang)
    at = open_page("training", lang)
    assert check_drift_sentences(at, sent_figures, t) == ["none", "steadier"]


def test_the_paper_preset_agrees_with_its_chart(sent_figures):
    at = open_page("training", "en")
    next(b for b in at.button if b.label == EN("training.ctl.paper")).click().run()
    sent_figures.clear()
    at.run()
    assert check_drift_sentences(at, sent_figures, EN)[0] == "none"


def test_a_shallow_net_where_bn_moves_more_says_so(sent_figures):
    """With one hidden layer the unit's inputs are the fixed data, so without BN only its own weights
    move it; BN's γ and β add their own motion: the page must not claim BN kept it steadier."""
    at = open_page("training", "en", tr_depth="1", tr_lr="0.5")
    kinds = check_drift_sentences(at, sent_figures, EN)
    assert kinds[0] == "none" and kinds[1] in ("more", "similar")


def test_no_bn_only_run_states_its_drift_and_no_comparison(sent_figures):
    at = open_page("training", "zh", tr_cmp_before="false")
    assert check_drift_sentences(at, sent_figures, Translator("zh")) == ["none"]


def test_bn_only_run_does_not_compare_with_a_missing_network(sent_figures):
    at = open_page("training", "en", tr_cmp_none="false")
    assert check_drift_sentences(at, sent_figures, EN) == ["alone"]


def test_the_percentiles_are_not_the_lagging_running_averages(sent_figures):
    """At step 0 the BN network's probe is normalized with its own statistics: the median of a unit's
    input sits near 0 and the 15th/85th percentiles near ∓1 (γ = 1, β = 0), not squeezed near the
    raw pre-activation as running statistics of 0 and 1 would leave it."""
    open_page("training", "en", tr_cmp_none="false")
    p0 = percentile_panels(sent_figures, EN)[0][0]
    assert abs(p0[1]) < 0.3 and p0[0] < -0.6 and p0[2] > 0.6, p0


# --- chapter 1: what the standardized cloud looks like on shared axes -----------------------------

def shared_panel_kind(figures, t: Translator) -> tuple[str, float, float]:
    """From the scatter the page drew: the standardized cloud's share of the shared panel's width and
    height (the panel's autorange holds both clouds and the origin), and what it must look like."""
    fig = next(f for f in figures if any(tr.get("name") == t("inputs.scatter.std") for tr in f.data))
    raw = next(tr for tr in fig.data if tr.get("name") == t("inputs.scatter.raw"))
    std = next(tr for tr in fig.data if tr.get("name") == t("inputs.scatter.std"))
    pts = {k: np.concatenate([np.asarray(raw[k], float), np.asarray(std[k], float), [0.0]]) for k in ("x", "y")}
    w = np.ptp(np.asarray(std["x"], float)) / np.ptp(pts["x"])
    h = np.ptp(np.asarray(std["y"], float)) / np.ptp(pts["y"])
    kind = "line" if h < 0.05 and w >= 0.15 else "blob" if w < 0.15 and h < 0.15 else "visible"
    return kind, w, h


@pytest.mark.parametrize(("x2", "kind"), [("1.0", "line"), ("0.0001", "visible")])
def test_chapter_1_says_what_the_shared_axes_show(sent_figures, x2, kind):
    at = open_page("inputs", "en", d_x2=x2)
    found, w, h = shared_panel_kind(sent_figures, EN)
    assert found == kind
    caption = next(c.value for c in at.caption if c.value.startswith("Left: both clouds"))
    template = EN(f"inputs.shared_{kind}", w="@", h="@")
    assert all(part in caption for part in template.split("@")), caption
    for share in (w, h):
        assert (f"{share:.0%}" if share >= 0.01 else f"{share * 100:.2g}%" if share >= 1e-6 else "< 0.0001%") in caption


# --- chapter 2: zig-zag or not, predicted from the table's κ and the learning rate -----------------

def path_captions(at) -> list[str]:
    return [c.value for c in at.caption if "steps it crossed" in c.value]


def expected_shape(ratio: float, kappa: float) -> str:
    """Plain descent with lr = ratio · 2/λmax multiplies the steep coordinate by 1 − 2·ratio and the
    gentle one by 1 − 2·ratio/κ: a coordinate flips sign each step where its factor is negative."""
    steep_flips, gentle_flips = 1 - 2 * ratio < 0, 1 - 2 * ratio / kappa < 0
    return "straight" if not steep_flips else "overshoot" if gentle_flips else "zigzag"


@pytest.mark.parametrize("ratio", ["0.3", "0.9"])
def test_chapter_2_says_zig_zag_exactly_when_the_learning_rate_makes_one(ratio):
    at = open_page("loss_surface", "en", ls_lr=ratio, ls_mom="0")
    table = next(m.value for m in at.markdown if "(κ−1)/(κ+1)" in m.value)
    kappas = [float(c.strip().replace(",", "")) for c in next(r for r in table.split("\n") if r.startswith("| κ |"))
              .split("|")[2:4]]
    captions = path_captions(at)
    assert len(captions) == 2
    for caption, kappa in zip(captions, kappas, strict=True):
        shape = expected_shape(float(ratio), kappa)
        template = EN(f"surface.path.{shape}", k="@", n="@", m="@")
        assert template.split("@")[0] in caption, (ratio, kappa, caption)
    if ratio == "0.9":   # the canyon zig-zags, the nearly round bowl overshoots the minimum itself
        assert [expected_shape(0.9, k) for k in kappas] == ["zigzag", "overshoot"]


# --- chapter 4: small batches noisier, the running error settling ---------------------------------

def box_spreads(figures) -> dict[str, float]:
    fig = next(f for f in figures if f.data and f.data[0].get("type") == "box")
    return {tr["name"]: float(np.std(np.asarray(tr["y"], float))) for tr in fig.data if tr.get("type") == "box"}


@pytest.mark.parametrize(("x0", "noisier"), [("7", True), ("30", False)])
def test_chapter_4_says_small_batches_are_noisier_only_when_the_boxes_show_it(sent_figures, x0, noisier):
    at = open_page("running_stats", "en", rs_x0=x0)
    spread = box_spreads(sent_figures)
    assert bool(spread["2"] > 1.5 * spread["128"]) is noisier
    readout = next(m.value for m in at.markdown if m.value.startswith("Inference output"))
    key = "running.infer.noisier" if noisier else "running.infer.not_noisier"
    assert EN(key, ratio="@", x0="@").split("@")[0] in readout
    if noisier:
        assert f"{spread['2'] / spread['128']:.3g}×" in readout


def gap_curve(figures, t: Translator) -> np.ndarray:
    fig = next(f for f in figures if any(tr.get("name") == t("running.gap.running") for tr in f.data))
    return np.asarray(next(tr for tr in fig.data if tr.get("name") == t("running.gap.running"))["y"], float)


@pytest.mark.parametrize(("params", "settled"), [({}, True), ({"rs_mean": "0", "rs_std": "1"}, False)])
def test_chapter_4_says_the_ema_settled_only_when_its_error_fell(sent_figures, params, settled):
    """From mean 5, std 2 the running statistics start far off (0 and 1) and the error falls; for a
    population of mean 0 and variance 1 they start right, and the error is EMA noise from the start."""
    at = open_page("running_stats", "en", **params)
    running = gap_curve(sent_figures, EN)
    assert bool(running[-1] < 0.5 * running[0]) is settled
    readout = next(m.value for m in at.markdown if m.value.startswith("After ") and "steps:" in m.value)
    key = "running.gap.settled" if settled else "running.gap.unsettled"
    assert EN(key, first="@", last="@").split("@")[0] in readout
    assert f"{running[0]:.3g}" in readout


# --- chapter 5: the sweeps -------------------------------------------------------------------------

def test_chapter_5_sweep_sentence_names_the_largest_stable_learning_rate_drawn(sent_figures):
    from ui.training_panels import SWEEP_LRS

    at = open_page("training", "en", tr_sweep="true", tr_steps="100", tr_data="moons")
    fig = next(f for f in sent_figures if any(a.get("text") == EN("training.sweep.lr_panel")
                                              for a in f.layout.get("annotations", [])))
    drawn = {}   # the learning rates with a finite loss on the left panel (its lines), per network
    for tr in fig.data:
        if tr.get("mode") == "lines+markers" and tr.get("xaxis", "x") == "x":
            drawn[tr["name"]] = max(tr["x"]) if len(tr["x"]) else float("nan")
    none, bn = drawn[EN("training.variant.none")], drawn[EN("training.variant.before")]
    assert set(drawn) == {EN("training.variant.none"), EN("training.variant.before")} and none in SWEEP_LRS
    line = next(m.value for m in at.markdown if m.value.startswith("- " + EN("training.sweep.lr_readout", none="@",
                                                                            bn="@").split("@")[0]))
    assert EN("training.sweep.lr_readout", none=f"{none:.3g}", bn=f"{bn:.3g}") in line
    verdict = "lr_bn" if bn > none else "lr_same" if bn == none else "lr_none"
    assert EN(f"training.sweep.{verdict}") in line
