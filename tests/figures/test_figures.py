"""Figure builders: the numbers drawn are the numbers computed; controls and theme are in place."""

import itertools

import numpy as np
import plotly.graph_objects as go
import pytest

from bn_core import MiniBatchSpec, RunningStats, five_steps, make_minibatch
from figures.diagram import DiagramLabels, box_text, where_bn_sits
from figures.five_steps import FiveStepsLabels, five_steps_animation, jitter
from figures.gradients import GradientLabels, gradient_panels
from figures.heatmap import HeatmapLabels, batch_heatmap
from figures.histograms import HistogramLabels, before_after_histograms, binned
from figures.theme import OKABE_ITO, PLOT_CONFIG, index_ticks, log_ticks
from figures.training import LineLabels, SweepLabels, per_variant_lines, sweep_figure

LABELS = FiveStepsLabels(
    step_titles=("t1", "t2", "t3", "t4", "t5"),
    feature="feature {j}", value="value", stat="mean ± std", running_before="rb", running_after="ra",
    sample="sample {i}", play="Play", pause="Pause",
)


@pytest.fixture
def run():
    x = make_minibatch(MiniBatchSpec(n=24, d=3, seed=4))
    return five_steps(x, np.array([2.0, 0.5, 1.0]), np.array([1.0, -1.0, 0.0]), RunningStats.initial(3),
                      momentum=0.1, eps=1e-5)


def validated_frames(fig: go.Figure) -> list[go.Frame]:
    """The frames of a figure put through Plotly's validators (`LabFigure.to_plotly()`)."""
    return list(fig.frames)


def dots(frame, j):
    return np.asarray(frame.data[j].x, dtype=float)


def test_each_frame_draws_its_stage(run):
    fig = five_steps_animation(run, LABELS).to_plotly()
    assert len(validated_frames(fig)) == 5
    expected = [run.x, run.x, run.x_hat, run.y, run.x]
    for frame, stage in zip(validated_frames(fig), expected, strict=True):
        for j in range(3):
            np.testing.assert_allclose(dots(frame, j), stage[:, j])
    np.testing.assert_allclose(np.asarray(validated_frames(fig)[1].data[3].x, float), run.mu)
    np.testing.assert_allclose(np.asarray(validated_frames(fig)[1].data[3].error_x.array, float), np.sqrt(run.var))
    np.testing.assert_allclose(np.asarray(validated_frames(fig)[4].data[5].x, float), run.after.mean)
    np.testing.assert_allclose(np.asarray(validated_frames(fig)[4].data[4].x, float), run.before.mean)
    assert [f.layout.title.text for f in validated_frames(fig)] == list(LABELS.step_titles)


@pytest.mark.parametrize("active", range(5))
def test_active_step_is_the_first_picture(run, active):
    fig = five_steps_animation(run, LABELS, active=active).to_plotly()
    for j in range(3):
        np.testing.assert_allclose(np.asarray(fig.data[j].x, float), dots(validated_frames(fig)[active], j))
    assert fig.layout.title.text == LABELS.step_titles[active]


def test_play_controls_animate_client_side(run):
    fig = five_steps_animation(run, LABELS).to_plotly()
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.method for b in buttons] == ["animate", "animate"]
    assert "Play" in buttons[0].label and "Pause" in buttons[1].label
    assert not fig.layout.sliders   # one step control: the page's own, under the chart


def test_fixed_axis_holds_every_stage(run):
    fig = five_steps_animation(run, LABELS).to_plotly()
    lo, hi = fig.layout.xaxis.range
    for frame in validated_frames(fig):
        for trace in frame.data:
            if trace.x is not None and len(trace.x):
                assert lo <= np.min(trace.x) and np.max(trace.x) <= hi


def test_jitter_is_deterministic_and_bounded():
    j = jitter(100)
    np.testing.assert_array_equal(j, jitter(100))
    assert j.min() >= -0.25 and j.max() < 0.25


def test_heatmap_outlines_the_chosen_feature():
    x = make_minibatch(MiniBatchSpec(n=10, d=4, seed=0))
    fig = batch_heatmap(x, HeatmapLabels("feature", "sample", "x"), feature=2, sample=5).to_plotly()
    np.testing.assert_allclose(np.asarray(fig.data[0].z, float), x)
    column, cell = fig.layout.shapes
    assert (column.x0, column.x1) == (2.5, 3.5)
    assert (cell.y0, cell.y1) == (5.5, 6.5)


def index_axes(fig, names) -> list[dict]:
    layout = fig.to_dict()["layout"]
    return [layout[name] for name in names]


def whole_index_ticks(axis: dict, count: int) -> bool:
    """Ticks are whole numbers in 1..count starting at 1, at most 9 of them, every one for 9 or fewer."""
    ticks = axis["tickvals"]
    return (ticks[0] == 1 and all(isinstance(v, int) and 1 <= v <= count for v in ticks) and len(ticks) <= 9
            and (count > 9 or ticks == list(range(1, count + 1))))


@pytest.mark.parametrize(("n", "d"), [(2, 8), (3, 1), (16, 5), (256, 8)])
def test_sample_and_feature_axes_tick_whole_numbers(n, d):
    """A two-row batch is labelled 1, 2 (not 0.5, 1, 1.5, ...), a 256-row one 1, 50, 100, ... (not 0),
    in the batch heatmap and the backward panels alike; a small batch still gets a plot area that
    holds its colour bar's ticks."""
    x = make_minibatch(MiniBatchSpec(n=n, d=d, seed=0))
    heat = batch_heatmap(x, HeatmapLabels("feature", "sample", "x", "title"), feature=0, sample=0)
    xaxis, yaxis = index_axes(heat, ["xaxis", "yaxis"])
    assert whole_index_ticks(xaxis, d) and whole_index_ticks(yaxis, n)
    margin, height = heat.to_dict()["layout"]["margin"], heat.to_dict()["layout"]["height"]
    assert height - margin["t"] - margin["b"] >= 150
    grads = gradient_panels(x, x, x[0], x[0], GradientLabels("dy", "dx", "p", "feature", "sample", "dγ", "dβ"))
    assert all(whole_index_ticks(ax, n) for ax in index_axes(grads, ["yaxis", "yaxis2"]))
    assert all(whole_index_ticks(ax, d) for ax in index_axes(grads, ["xaxis", "xaxis2", "xaxis3"]))


@pytest.mark.parametrize("count", [10, 17, 32, 100, 256, 4096])
def test_long_index_axes_keep_a_readable_number_of_evenly_spaced_ticks(count):
    ticks = index_ticks(count)["tickvals"]
    steps = {b - a for a, b in itertools.pairwise(ticks[1:])}
    assert 4 <= len(ticks) <= 9 and len(steps) == 1 and ticks[-1] + steps.pop() > count


def test_gradient_panels_draw_the_given_arrays():
    rng = np.random.default_rng(0)
    dy, dx = rng.normal(size=(6, 2)), rng.normal(size=(6, 2))
    fig = gradient_panels(dy, dx, np.array([1.0, 2.0]), np.array([3.0, 4.0]),
                          GradientLabels("dy", "dx", "p", "feature", "sample", "dγ", "dβ")).to_plotly()
    np.testing.assert_allclose(np.asarray(fig.data[0].z, float), dy)
    np.testing.assert_allclose(np.asarray(fig.data[1].z, float), dx)
    np.testing.assert_allclose(np.asarray(fig.data[2].y, float), [1.0, 2.0])
    np.testing.assert_allclose(np.asarray(fig.data[3].y, float), [3.0, 4.0])
    assert fig.data[0].zmin == -fig.data[0].zmax  # symmetric, so 0 is the neutral colour


def test_histograms_one_trace_per_feature_per_panel():
    x = np.random.default_rng(1).normal(size=(50, 3))
    fig = before_after_histograms(x, x * 2, labels=HistogramLabels("b", "a", "f{j}", "xb", "xa")).to_plotly()
    assert len(fig.data) == 6
    assert [tr.name for tr in fig.data[:3]] == ["f1", "f2", "f3"]


def test_histogram_bars_count_every_sample_once():
    x = np.random.default_rng(2).normal(5.0, 3.0, size=(400, 2))
    fig = before_after_histograms(x, (x - 5) / 3, labels=HistogramLabels("b", "a", "f{j}", "xb", "xa")).to_plotly()
    for k, tr in enumerate(fig.data):
        col = x[:, k % 2] if k < 2 else ((x - 5) / 3)[:, k % 2]
        centres, counts = np.asarray(tr.x, float), np.asarray(tr.y, float)
        assert counts.sum() == 400
        lo, hi = centres[0] - tr.width / 2, centres[-1] + tr.width / 2
        assert lo == pytest.approx(col.min()) and hi == pytest.approx(col.max())
        inside = (col >= centres[5] - tr.width / 2) & (col < centres[5] + tr.width / 2)
        assert counts[5] == inside.sum()


@pytest.mark.parametrize("v", [np.full(10, 3.0), np.array([1.0, np.nan, np.inf, 2.0]), np.array([np.nan])])
def test_binned_keeps_finite_values_and_handles_constants(v):
    centres, counts, width = binned(v, 40)
    assert counts.sum() == np.isfinite(v).sum() and len(centres) == 40 and width > 0


def test_diagram_has_one_box_per_label_and_highlights_bn():
    labels = DiagramLabels(boxes=("a", "b", "BN", "d"), edges=("1", "2", "3"))
    fig = where_bn_sits(labels, highlight=2).to_plotly()
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 4
    assert rects[2].fillcolor == OKABE_ITO["orange"]


def test_theme_uses_okabe_ito_and_png_download(run):
    fig = five_steps_animation(run, LABELS).to_plotly()
    palette = {c.lower() for c in OKABE_ITO.values()}
    for trace in fig.data[:3]:
        assert trace.marker.color.lower() in palette
    assert PLOT_CONFIG["toImageButtonOptions"]["format"] == "png"


def test_no_nan_in_any_figure(run):
    fig = five_steps_animation(run, LABELS).to_plotly()
    for frame in validated_frames(fig):
        for trace in frame.data:
            if trace.x is not None and len(trace.x):
                assert np.all(np.isfinite(np.asarray(trace.x, float)))


def test_percentage_ticks_get_a_wider_left_margin_and_a_titled_legend_room():
    steps, share = {"none": np.arange(3)}, {"none": np.array([0.001, 0.0015, 0.002])}
    labels = LineLabels("step", "share", {"none": "no BN"}, title="saturated")
    plain_fig = per_variant_lines(steps, share, LineLabels("step", "share", {"none": "no BN"}))
    percent_fig = per_variant_lines(steps, share, labels, percent=True)
    assert percent_fig.layout["margin"]["l"] > plain_fig.layout["margin"]["l"]
    assert percent_fig.layout["margin"]["t"] > plain_fig.layout["margin"]["t"]
    assert percent_fig.to_plotly().layout.yaxis.tickformat.endswith("%")
    # a share's axis starts at 0 % (issue 32: 0.10–0.18 % made a 0.08-point gap look dramatic), and
    # never shows "−50 %" around a share of 0
    assert percent_fig.to_plotly().layout.yaxis.rangemode == "tozero"
    assert plain_fig.to_plotly().layout.yaxis.rangemode is None


SWEEP_LABELS = SweepLabels("lr", "init", "learning rate", "scale", "final loss", {"none": "no BN", "before": "BN"},
                           "blew up", "all blew up")


@pytest.mark.parametrize(("losses", "decades"), [
    ([0.44, 0.47, np.inf], False),          # a narrow panel: two runs and a blown-up one
    ([0.002, 0.3, 1.2, np.nan], True),      # several decades
])
def test_sweep_loss_axes_tick_by_decade_only_over_a_decade_or_more(losses, decades):
    """A log axis ticked once per decade shows no label at all on a range narrower than a decade."""
    lrs = [0.01, 0.1, 1.0, 10.0][: len(losses)]
    fig = sweep_figure(lrs, lrs, {"none": losses}, {"none": losses}, SWEEP_LABELS)
    layout = fig.to_dict()["layout"]
    for axis in (layout["yaxis"], layout["yaxis2"]):
        assert axis["type"] == "log" and ("dtick" in axis) == decades
    crosses = next(t for t in fig.data if t["name"] == "blew up")
    assert len(crosses["y"]) == 1 and crosses["y"][0] == pytest.approx(max(v for v in losses if np.isfinite(v)) * 1.5)


def test_a_sweep_panel_where_every_run_diverged_says_so_and_shows_no_loss_numbers():
    """No finite loss means no scale: the panel's y axis has no tick labels, a note in that panel
    says every run diverged, and the crosses sit inside its range; the other panel keeps its scale."""
    lrs = [0.01, 0.1, 1.0]
    fig = sweep_figure(lrs, lrs, {"none": [np.inf, np.nan, np.inf]}, {"none": [0.3, 0.05, 0.01]}, SWEEP_LABELS)
    layout = fig.to_plotly().layout
    assert layout.yaxis.showticklabels is False and layout.yaxis2.showticklabels is not False
    notes = [a for a in layout.annotations if a.text == "all blew up"]
    assert [(a.xref, a.yref) for a in notes] == [("x domain", "y domain")]
    crosses = next(t for t in fig.data if t["name"] == "blew up" and t.get("xaxis", "x") == "x")
    low, high = layout.yaxis.range
    assert len(crosses["y"]) == 3 and all(low < np.log10(y) < high for y in crosses["y"])
    assert not [a for a in layout.annotations if a.text == "all blew up" and a.xref == "x2 domain"]


def test_every_sweep_variant_keeps_its_legend_entry_when_its_runs_diverge():
    """Plotly leaves traces without points out of the legend: each variant's key sits on a trace
    that has points (its line in the other panel, or its crosses when every run diverged)."""
    lrs = [0.01, 0.1, 1.0]
    fig = sweep_figure(lrs, lrs, {"none": [np.inf] * 3, "before": [0.3, 0.2, 0.1]},
                       {"none": [0.5, np.inf, np.inf], "before": [np.inf] * 3}, SWEEP_LABELS)
    keyed = sorted((t for t in fig.data if t.get("showlegend", True)), key=lambda t: t["legendrank"])
    assert [t["name"] for t in keyed] == ["no BN", "BN"]      # in the variants' order, wherever drawn
    assert all(len(t["x"]) > 0 for t in keyed)
    lost = sweep_figure(lrs, lrs, {"none": [np.inf] * 3}, {"none": [np.nan] * 3}, SWEEP_LABELS)
    keyed = [t for t in lost.data if t.get("showlegend", True)]
    assert [(t["name"], t["marker"]["symbol"], len(t["x"])) for t in keyed] == [("no BN", "x", 3)]


def test_two_variants_crosses_do_not_cover_each_other_and_name_their_variant():
    lrs = [0.01, 0.1]
    fig = sweep_figure(lrs, lrs, {"none": [0.2, np.inf], "before": [0.1, np.inf]},
                       {"none": [0.2, 0.1], "before": [0.3, 0.1]}, SWEEP_LABELS)
    crosses = [t for t in fig.data if t["marker"].get("symbol") == "x" and len(t["x"])]
    assert len(crosses) == 2 and crosses[0]["y"][0] != crosses[1]["y"][0]
    assert [t["hovertemplate"].split(":")[0] for t in crosses] == ["no BN", "BN"]


NICE_MANTISSAS = {1, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9}


@pytest.mark.parametrize("values", [[0.44, 0.7], [0.9, 4.4], [3.15, 4.7], [250177.0], [0.0024, 0.0031],
                                    [1e-7, 1.1e-7], [97, 130, np.inf, -1, 0], [0.011, 0.099]])
def test_log_axes_under_a_decade_get_three_or_more_round_ticks_within_what_is_shown(values):
    """Plotly's own ticks on a sub-decade log axis crowd its top (5, 4.5, 4, 3.5, ... 1) or label
    a single value as 250.176k, 250.177k, ...; explicit round ticks are spread over what is shown."""
    axis = log_ticks(values)
    finite = [v for v in values if np.isfinite(v) and v > 0]
    low, high = axis.get("range", [np.log10(min(finite)), np.log10(max(finite))])
    ticks = axis["tickvals"]
    assert 3 <= len(ticks) <= 10 and ticks == sorted(ticks)
    assert all(low <= np.log10(x) <= high for x in ticks)
    assert all(round(x / 10.0 ** np.floor(np.log10(x)), 6) in NICE_MANTISSAS for x in ticks)
    if "range" in axis:   # a single value sits in the middle of its range, half a decade or more wide
        assert high - low >= 0.5 and low < np.log10(min(finite)) <= np.log10(max(finite)) < high


def test_log_axes_over_a_decade_tick_each_decade_and_empty_ones_are_left_to_plotly():
    assert log_ticks([0.002, 0.3, 1.2]) == {"dtick": 1}
    assert log_ticks([np.nan, np.inf, -3.0, 0.0]) == {}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_diagram_box_labels_fit_a_narrow_box_and_keep_every_word(lang):
    """A box is ~80 px wide on a 1024 px page: two-part labels go on two lines, each at most ~80 px
    at 14 px (a Latin character ~0.55 em, a Chinese one 1 em), and no text is lost."""
    from ui import labels
    from ui.i18n import Translator

    for label in labels.diagram(Translator(lang)).boxes:
        lines = box_text(label).split("<br>")
        assert len(lines) <= 2 and "".join(lines).replace(" ", "") == label.replace(" ", "")
        assert all(sum(1.0 if ord(c) >= 0x2E80 else 0.55 for c in line) * 14 <= 80 for line in lines), lines
