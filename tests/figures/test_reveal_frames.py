"""Animations that reveal steps (chapter 4's EMA, chapter 2's descent path): the shown state reveals
`active` steps, frames carry only y arrays, and playing a frame over the base traces reveals exactly
that frame's steps."""

import base64
import struct
import zlib

import numpy as np
import pytest
from plotly.colors import sample_colorscale

from bn_core.descent import Quadratic, gradient_descent
from bn_core.ema import EMATrace, run_ema
from bn_core.stream import StreamSpec, batch_stream, population_mean
from figures.contours import ContourLabels, contour_figure, view_for
from figures.ema import EMALabels, ema_figure
from figures.lab_figure import LabFigure
from figures.packed import DIGITS_F32
from figures.theme import SEQUENTIAL

LABELS = EMALabels("mean", "variance", "batch", "running", "population", "step", "Play", "Pause")
SPEC = StreamSpec(mean=5.0, std=2.0, drift=0.01, batch_size=16, steps=100, seed=3)


def figure(active: int) -> tuple[LabFigure, EMATrace]:
    tr = run_ema(batch_stream(SPEC), convention="pytorch", momentum=0.1)
    return ema_figure(tr, population_mean(SPEC, np.arange(1, SPEC.steps + 1)), SPEC.std**2, LABELS, active=active), tr


def drawn(trace: dict) -> int:
    """Points Plotly draws for a scatter trace: min(len(x), len(y))."""
    return min(len(trace["x"]), len(trace["y"]))


def test_the_shown_state_reveals_active_steps():
    fig, tr = figure(active=20)
    data = list(fig.data)
    assert [drawn(t) for t in data] == [20, 21, 20, 20, 21, 20]
    np.testing.assert_array_equal(data[0]["y"], tr.batch_mean[:20])
    np.testing.assert_array_equal(data[4]["y"], tr.running_var[:21])
    assert len(data[0]["x"]) == SPEC.steps and len(data[1]["x"]) == SPEC.steps + 1


def test_frames_send_only_y_and_reveal_their_step():
    fig, tr = figure(active=20)
    base = list(fig.data)
    assert len(fig.frames) > 10
    for frame in fig.frames:
        k = int(frame["name"])
        assert all(set(d) == {"type", "y"} for d in frame["data"])
        played = [b | d for b, d in zip(base, frame["data"], strict=True)]
        assert [drawn(t) for t in played] == [k, k + 1, k, k, k + 1, k]
        np.testing.assert_array_equal(played[1]["y"], tr.running_mean[: k + 1])


def contour(steps: int, active: int):
    """A contour figure of a fixed quadratic with a descent path of `steps` steps."""
    q = Quadratic(a=np.array([[4.0, 0.5], [0.5, 1.0]]), w_star=np.array([1.0, -2.0]), l_star=0.3)
    path = gradient_descent(q, np.array([-1.0, 1.0]), lr=0.1, steps=steps)
    labels = ContourLabels("title", "w1", "w2", "colour", "path", "start", "minimum", "steep", "gentle",
                           "Play", "Pause")
    return contour_figure(q, view_for(q), path, labels, active=active), q, path


def test_descent_path_frames_send_only_y_and_reveal_their_step():
    fig, _, path = contour(steps=90, active=7)
    at = next(i for i, t in enumerate(fig.data) if t.get("name") == "path")
    base = fig.data[at]
    assert drawn(base) == 8
    np.testing.assert_array_equal(base["x"], path.w[:, 0])
    assert len(fig.frames) > 10
    for frame in fig.frames:
        k = int(frame["name"])
        assert frame["traces"] == [at] and all(set(d) == {"type", "y"} for d in frame["data"])
        played = base | frame["data"][0]
        assert drawn(played) == k + 1
        np.testing.assert_array_equal(played["y"], path.w[: k + 1, 1])


def short(values) -> bool:
    """Every number printed with at most float32's DIGITS_F32 significant digits (short JSON)."""
    return all(len(repr(abs(v)).split("e")[0].replace(".", "").strip("0")) <= DIGITS_F32 for v in values)


def decoded_png(url: str) -> np.ndarray:
    """An 8-bit RGB PNG data URL without filters (what figures.raster writes) -> (H, W, 3) uint8;
    checks the signature and every chunk's CRC on the way."""
    raw = base64.b64decode(url.removeprefix("data:image/png;base64,"))
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(raw):
        (n,) = struct.unpack(">I", raw[pos:pos + 4])
        kind, body = raw[pos + 4:pos + 8], raw[pos + 8:pos + 8 + n]
        assert struct.unpack(">I", raw[pos + 8 + n:pos + 12 + n])[0] == zlib.crc32(kind + body)
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + n
    w, h, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour_type) == (8, 2)
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(h, 1 + 3 * w)
    assert not rows[:, 0].any()                       # filter type 0 on every row
    return rows[:, 1:].reshape(h, w, 3)


def test_the_loss_colours_are_an_image_of_the_log_losses_under_the_traces():
    """The colours are log10(L - L*) on the view's grid, painted in plotly's own reading of the colour
    scale, as a layout image whose pixel centres are the grid points (the top row the largest w2); the
    colour bar's trace spans the same values and draws nothing in the plot."""
    fig, q, _ = contour(steps=10, active=3)
    image = fig.layout["images"][0]
    rgb = decoded_png(image["source"])
    h, w, _ = rgb.shape
    view = view_for(q)
    g1, g2 = view.grid(w)
    z = np.log10(q.loss(np.stack(np.meshgrid(g1, g2), axis=-1)) - q.l_star)
    t = ((z - z.min()) / (z.max() - z.min()))[::-1]
    want = np.array([[[float(c) for c in s[s.index("(") + 1:-1].split(",")]
                      for s in sample_colorscale(SEQUENTIAL, list(row))] for row in t])
    assert np.abs(rgb - want).max() <= 1.0                    # rounding to 8 bits
    assert image["layer"] == "below" and (image["xref"], image["yref"]) == ("x", "y")
    np.testing.assert_allclose(image["x"] + (np.arange(w) + 0.5) * image["sizex"] / w, g1, atol=1e-12)
    np.testing.assert_allclose(image["y"] - (np.arange(h) + 0.5) * image["sizey"] / h, g2[::-1], atol=1e-12)
    key = fig.data[0]
    assert key["type"] == "heatmap" and key["opacity"] == 0
    assert (key["zmin"], key["zmax"]) == pytest.approx((z.min(), z.max()), rel=1e-6)


def test_training_distribution_frames_send_only_float32_y_and_show_their_record():
    """Chapter 5's per-layer histograms: each frame is every histogram's y at one record (float32,
    sent with 6 significant digits),
    and playing it over the base traces draws that record's shares on the fixed bin centres."""
    from bn_core.datasets import split, two_moons
    from bn_core.network import NetConfig
    from bn_core.training import HIST_BINS, TrainConfig, train
    from figures.distributions import DistributionLabels, distributions_figure

    x, y = two_moons(300, 0.1, np.random.default_rng(0))
    data = split("moons", x, y, val_share=0.25, seed=0)
    runs = {v: train(TrainConfig(NetConfig((2, 8, 8, 2), activation="tanh", bn=v), lr=0.2, steps=60,
                                 record_every=3), data) for v in ("none", "before")}
    labels = DistributionLabels("layer {l}", "value", "share", {"none": "no BN", "before": "BN"}, "Play", "Pause")
    fig = distributions_figure(runs, labels, active=5)
    base, sent = list(fig.data), fig.to_dict()
    assert len(fig.frames) > 10
    for frame, sent_frame in zip(fig.frames, sent["frames"], strict=True):
        i = int(frame["name"])
        assert frame["traces"] == [0, 1, 2, 3] and all(set(d) == {"type", "y"} for d in frame["data"])
        assert all(short(d["y"]) for d in sent_frame["data"])
        played = [b | d for b, d in zip(base, frame["data"], strict=False)]
        shares = [runs[v].hist[i, layer] for v in runs for layer in range(2)]
        for trace, share in zip(played, shares, strict=True):
            np.testing.assert_allclose(trace["y"], share, rtol=1e-6)
            np.testing.assert_array_equal(trace["x"], 0.5 * (HIST_BINS[:-1] + HIST_BINS[1:]))


def test_the_click_grid_covers_the_view_and_is_invisible_as_a_whole_trace():
    """Clicks land on an invisible 19 x 19 grid of markers spanning the view. It is hidden by the
    trace's opacity: with a per-marker opacity plotly.js took ~7 ms longer to draw a chart."""
    fig, q, _ = contour(steps=10, active=3)
    grid = next(t for t in fig.data if t.get("type") == "scatter" and t.get("opacity") == 0)
    view = view_for(q)
    assert len(grid["x"]) == 19 * 19
    for axis, values in enumerate((grid["x"], grid["y"])):
        np.testing.assert_allclose([min(values), max(values)], view.centre[axis] + np.array([-1, 1]) * view.half)
    assert grid["opacity"] == 0 and "opacity" not in grid["marker"]


def test_the_level_lines_are_the_loss_levels_they_stand_for():
    """Each line of the level-line trace is a closed curve on which L - L* is one of the levels:
    evenly spaced in log10(L - L*) at a round step, inside the colour grid's range."""
    fig, q, _ = contour(steps=10, active=3)
    lines = next(t for t in fig.data if t.get("mode") == "lines" and not t.get("name"))
    sent = fig.to_dict()["data"][fig.data.index(lines)]
    x = np.array([np.nan if v is None else v for v in sent["x"]])
    y = np.array([np.nan if v is None else v for v in sent["y"]])
    ends = np.flatnonzero(np.isnan(x))
    assert np.array_equal(ends, np.flatnonzero(np.isnan(y))) and ends[-1] == len(x) - 1
    found = []
    for part_x, part_y in zip(np.split(x, ends + 1)[:-1], np.split(y, ends + 1)[:-1], strict=True):
        w = np.stack([part_x[:-1], part_y[:-1]], axis=-1)
        excess = q.loss(w) - q.l_star
        np.testing.assert_allclose(excess, excess[0], rtol=1e-3)          # one level per line
        assert np.allclose(w[0], w[-1], atol=1e-5 * np.abs(w).max())      # closed
        found.append(np.log10(excess[0]))
    steps = np.diff(found)
    np.testing.assert_allclose(steps, steps[0], rtol=1e-3)
    assert any(np.isclose(steps[0], m * 10.0 ** np.floor(np.log10(steps[0])), rtol=1e-3) for m in (1, 2, 2.5, 5))
    z = np.asarray(fig.data[0]["z"], float)
    assert z.min() < min(found) and max(found) < z.max() and 4 <= len(found) <= 9


def test_a_surface_without_a_minimum_draws_no_level_lines():
    from figures.contours import level_lines

    flat = Quadratic(a=np.array([[1.0, 0.0], [0.0, 0.0]]), w_star=np.zeros(2), l_star=0.0)
    x, y = level_lines(flat, np.array([0.0, 1.0]))
    assert x.size == 0 and y.size == 0
