"""Chapter 4 behaviour through AppTest."""

from __future__ import annotations

import numpy as np
import pytest

from bn_core import BatchNorm
from tests.app.conftest import open_page
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
    assert at.slider(key="rs_mom").disabled
    assert not at.exception


def test_keras_convention_loads_its_momentum():
    at = open_page("running_stats", "en")
    at.radio(key="rs_conv").set_value("keras").run()
    assert at.slider(key="rs_mom").value == pytest.approx(0.99)


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
