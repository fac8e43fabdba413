"""Chapter 4 behaviour through AppTest."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import BatchNorm
from bn_core.stream import StreamSpec, batch_stream
from tests.app.conftest import client_slider, open_page
from tests.tables import by_row, tables, value
from ui.i18n import Translator


def test_batch_size_one_message_is_the_real_error():
    at = open_page("running_stats", "en")
    with pytest.raises(ValueError) as err:
        BatchNorm(1).forward(np.array([[7.0]]), training=True)
    assert str(err.value) in [c.value for c in at.main.code]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_equivalence_statement_follows_the_slider(lang):
    at = open_page("running_stats", lang, rs_cmp_m="0.25")
    t = Translator(lang)
    assert [i.value for i in at.info] == [t("running.conv.equivalent", m="0.25", k="0.75")]


def test_cumulative_average_disables_the_momentum_slider():
    at = open_page("running_stats", "en")
    at.radio(key="rs_conv").set_value("cumulative").run()
    assert client_slider(at, "rs_mom")["disabled"]
    assert not at.exception


def test_keras_convention_loads_its_momentum():
    at = open_page("running_stats", "en")
    at.radio(key="rs_conv").set_value("keras").run()
    assert client_slider(at, "rs_mom")["value"] == pytest.approx(0.99)


def test_prev_next_step_through_training():
    at = open_page("running_stats", "en", rs_steps="30", rs_step="29")
    at.button(key="rs_step_next").click().run()
    assert at.slider(key="rs_step").value == 30
    assert at.button(key="rs_step_next").disabled
    at.button(key="rs_step_prev").click().run()
    assert at.slider(key="rs_step").value == 29


def test_fewer_steps_pull_the_step_slider_into_range():
    at = open_page("running_stats", "en", rs_step="90")
    at.slider(key="rs_steps").set_value(20).run()
    assert at.slider(key="rs_step").value == 20
    assert not at.exception


def _ema(values: np.ndarray, start: float, weights: np.ndarray) -> float:
    """An EMA written out step by step: r ← (1 − w_t)·r + w_t·v_t."""
    r = start
    for w, v in zip(weights, values, strict=True):
        r = (1 - w) * r + w * v
    return r


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_conventions_table_sets_the_three_conventions_side_by_side(lang):
    """A column per convention (named with its momentum), the quantities down the side, and final
    running statistics that match an EMA written out here on the same stream."""
    t = Translator(lang)
    at = open_page("running_stats", lang, rs_cmp_m="0.25", rs_batch="8", rs_steps="40", rs_seed="3")
    table = next(tb for tb in tables(at) if t("running.conv.col.final_mean") in tb.get("", []))
    names = [t(f"running.conv.name.{k}", m="0.25", k="0.75") for k in ("pytorch", "keras", "cumulative")]
    assert list(table) == ["", *names]
    rows = by_row(table)
    xs = batch_stream(StreamSpec(batch_size=8, steps=40, seed=3))
    mean, var, unbiased = xs.mean(axis=1), xs.var(axis=1), xs.var(axis=1, ddof=1)
    fixed, cumulative = np.full(40, 0.25), 1 / np.arange(1, 41)
    expected_mean = [_ema(mean, 0.0, fixed), _ema(mean, 0.0, fixed), _ema(mean, 0.0, cumulative)]
    expected_var = [_ema(unbiased, 1.0, fixed), _ema(var, 1.0, fixed), _ema(unbiased, 1.0, cumulative)]
    np.testing.assert_allclose([value(c) for c in rows[t("running.conv.col.final_mean")]], expected_mean, rtol=1e-3)
    np.testing.assert_allclose([value(c) for c in rows[t("running.conv.col.final_var")]], expected_var, rtol=1e-3)
    assert rows[t("running.conv.col.weight")] == ["0.25", "0.25", "1/t"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_unbiased_factor_is_written_with_the_batch_size_symbol_not_the_momentum(lang):
    """Chapter 4 calls the momentum m, so N/(N−1) (N the batch size, as on its slider and in chapter
    3) must not be written m/(m−1), which would read as 0.1/(0.1−1) < 0."""
    t = Translator(lang)
    at = open_page("running_stats", lang)
    batch_symbol, momentum_symbol = at.slider(key="rs_batch").label.split()[-1], t("running.conv.m").split()[-1]
    assert (batch_symbol, momentum_symbol) == ("N", "m")
    shown = [m.value for m in at.markdown] + [e.label for e in at.expander] + [c.value for c in at.caption]
    assert any(f"{batch_symbol}/({batch_symbol}−1)" in text for text in shown)
    assert not [text for text in shown if f"{momentum_symbol}/({momentum_symbol}−1)" in text]
