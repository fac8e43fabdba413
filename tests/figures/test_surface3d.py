"""Chapter 2's 3-D view: L − L* on a linear scale over the contour plot's box, the path on it, and
axes that hold the box whatever the path does."""

import numpy as np
import plotly.graph_objects as go
import pytest

from bn_core.descent import Path, Quadratic, gradient_descent
from figures.contours import View, view_for
from figures.surface3d import LIFT, surface_figure

CANYON = Quadratic(a=np.diag([1.0, 100.0]), w_star=np.array([0.5, -0.25]), l_star=0.2)   # κ = 100
BOWL = Quadratic(a=np.array([[2.0, 0.6], [0.6, 1.5]]), w_star=np.array([-1.0, 2.0]), l_star=0.0)


def start(view: View, u: float = -0.8, v: float = 0.6) -> np.ndarray:
    return view.centre + view.half * np.array([u, v])


def excess(q: Quadratic, w1, w2):
    """(w − w*)ᵀ A (w − w*), written out term by term."""
    d1, d2 = np.asarray(w1) - q.w_star[0], np.asarray(w2) - q.w_star[1]
    return q.a[0, 0] * d1**2 + 2 * q.a[0, 1] * d1 * d2 + q.a[1, 1] * d2**2


@pytest.mark.parametrize("q", [CANYON, BOWL])
def test_the_surface_is_the_excess_loss_on_the_view_grid(q):
    view = view_for(q)
    fig = surface_figure(q, view, gradient_descent(q, start(view), lr=0.1, steps=20), "t", n=31)
    s = fig.data[0]
    assert s["type"] == "surface"
    g1, g2 = np.meshgrid(s["x"], s["y"])
    np.testing.assert_allclose(s["z"], excess(q, g1, g2), rtol=1e-12, atol=1e-12)
    assert s["z"].min() >= 0.0 and s["z"][15, 15] == pytest.approx(0.0, abs=1e-12)  # w* at the centre


def test_the_canyon_walls_rise_kappa_times_faster_than_its_floor():
    """Linear z: half a box out along the steep axis is κ = 100 times higher than along the gentle one
    (a log scale would put them 2 decades apart on a short axis and turn a bowl into a funnel)."""
    view = View(CANYON.w_star.copy(), 1.0)
    z = surface_figure(CANYON, view, gradient_descent(CANYON, start(view), lr=0.005, steps=5), "t", n=41).data[0]["z"]
    mid = 20                                              # the centre row and column: w* itself
    gentle, steep = z[mid, mid + 10], z[mid + 10, mid]    # z[row = w2, column = w1]
    assert steep / gentle == pytest.approx(100.0)


def test_the_path_lies_on_the_surface_drawn_just_above_it():
    view = view_for(BOWL)
    path = gradient_descent(BOWL, start(view), lr=0.2, steps=30)
    fig = surface_figure(BOWL, view, path, "t")
    top = float(fig.data[0]["z"].max())
    p = fig.data[1]
    np.testing.assert_array_equal(p["x"], path.w[:, 0])
    np.testing.assert_allclose(p["customdata"], excess(BOWL, path.w[:, 0], path.w[:, 1]), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(p["z"] - p["customdata"], LIFT * top)
    assert "customdata" in p["hovertemplate"]


def test_iterates_outside_the_box_are_gaps_and_the_axes_hold_the_box():
    """A diverging run leaves the box: those iterates are not drawn (null in what is sent), and the
    axes stay on the box and the surface instead of stretching to the run's last point."""
    view = view_for(CANYON)
    path = gradient_descent(CANYON, start(view, 0.5, 0.5), lr=1.5 * 2 / 200.0, steps=40)
    assert path.diverged
    fig = surface_figure(CANYON, view, path, "t")
    inside = np.all(np.abs(path.w - view.centre) <= view.half, axis=1)
    assert inside[0] and not inside.all()
    sent = fig.to_dict()
    xs = sent["data"][1]["x"]
    assert [x is None for x in xs] == list(~inside)
    scene = sent["layout"]["scene"]
    np.testing.assert_allclose(scene["xaxis"]["range"], [view.centre[0] - view.half, view.centre[0] + view.half])
    np.testing.assert_allclose(scene["yaxis"]["range"], [view.centre[1] - view.half, view.centre[1] + view.half])
    assert scene["zaxis"]["range"][0] == 0.0
    assert scene["zaxis"]["range"][1] == pytest.approx(float(fig.data[0]["z"].max()) * (1 + LIFT), rel=1e-6)
    go.Figure(sent)  # Plotly's validators accept what is sent


def test_a_flat_surface_still_gets_a_z_range():
    """A zero Hessian puts the whole box at the minimum; the z axis still gets a positive length."""
    q = Quadratic(a=np.zeros((2, 2)), w_star=np.zeros(2), l_star=1.0)
    fig = surface_figure(q, View(np.zeros(2), 1.0), Path(np.zeros((1, 2)), np.ones(1), False), "t")
    lo, hi = fig.to_dict()["layout"]["scene"]["zaxis"]["range"]
    assert lo == 0.0 and hi > 0.0


@pytest.mark.parametrize("q", [CANYON, BOWL])
def test_z_ticks_are_round_and_leave_out_0(q):
    """0 sat on w₂'s first tick at the box's front corner; the ticks start one round step above it."""
    view = view_for(q)
    zaxis = surface_figure(q, view, gradient_descent(q, start(view), lr=0.1, steps=5), "t").to_dict()[
        "layout"]["scene"]["zaxis"]
    ticks = np.array(zaxis["tickvals"])
    step = ticks[0]
    assert 3 <= len(ticks) <= 8 and step > 0
    np.testing.assert_allclose(np.diff(ticks), step, rtol=1e-9)           # evenly spaced, from one step up
    mantissa = step / 10 ** np.floor(np.log10(step))
    assert any(np.isclose(mantissa, m) for m in (1, 2, 2.5, 5))           # a round step
    assert ticks[-1] < zaxis["range"][1] < ticks[-1] + step                # every step that fits, no more


def test_the_camera_is_the_readers_when_given():
    view = View(np.zeros(2), 1.0)
    path = gradient_descent(BOWL, start(view), lr=0.1, steps=3)
    fig = surface_figure(BOWL, view, path, "t", eye_centre=(2.0, -1.0, 0.5, 0.1, 0.0, -0.2))
    scene = fig.to_dict()["layout"]["scene"]
    assert scene["camera"] == {"eye": {"x": 2.0, "y": -1.0, "z": 0.5}, "center": {"x": 0.1, "y": 0.0, "z": -0.2}}
    default = surface_figure(BOWL, view, path, "t").to_dict()["layout"]["scene"]["camera"]
    assert default["eye"] != scene["camera"]["eye"] and default["eye"]["z"] > 1   # looking down on the bowl
