"""Chapter 4's pitfall checker through AppTest: pick a slip, predict, and see both runs' numbers."""

from __future__ import annotations

import pytest

from bn_core import pitfalls
from bn_core.stream import StreamSpec
from tests.app.conftest import open_page
from ui.i18n import Translator
from ui.pitfall_panel import PITFALLS, SHOW_ME
from ui.running_cache import PITFALL_RUNS, RunningConfig
from ui.tables import escape


def stream(at) -> StreamSpec:
    """The lab's stream as the page's widgets set it."""
    value = lambda key: at.slider(key=key).value  # noqa: E731
    return StreamSpec(value("rs_mean"), value("rs_std"), value("rs_drift"), value("rs_batch"), value("rs_steps"),
                      at.number_input(key="rs_seed").value)


def expected(at, name: str) -> pitfalls.Comparison:
    return PITFALL_RUNS[name](RunningConfig(stream(at), "pytorch", 0.1, float(at.session_state["rs_eps"])))


def table_after(at, t: Translator) -> str:
    return next(m.value for m in at.markdown if t("running.pit.col_wrong") in m.value)


def pick(at, name: str, guess: int):
    at.selectbox(key="rs_pit").set_value(name).run()
    at.radio(key=f"rs_pit_guess_{name}").set_value(guess).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", PITFALLS)
def test_each_pitfall_can_be_predicted_right_and_wrong(name, lang):
    t = Translator(lang)
    at = open_page("running_stats", lang, rs_pit=name)
    assert not [m for m in at.markdown if t("running.pit.col_wrong") in m.value]   # nothing before a guess
    comparison = expected(at, name)
    pick(at, name, comparison.symptom)
    fmt = {k: f"{v:.4g}" for k, v in comparison.numbers.items()}
    answer = t(f"running.pit.{name}.a{comparison.symptom + 1}", **fmt)
    assert [s.value for s in at.success] == [t("running.pit.right", answer=answer)]
    table = table_after(at, t)
    for key, right, wrong in comparison.rows:
        assert escape(t(f"running.pit.q.{key}")) in table
        assert f"{right:.4g}".replace("-", "−") in table and f"{wrong:.4g}".replace("-", "−") in table
    pick(at, name, (comparison.symptom + 1) % 3)
    assert [w.value for w in at.warning] == [t("running.pit.wrong", answer=answer)] and not at.success
    pick(at, name, SHOW_ME)
    assert [i.value for i in at.info][-1] == t("running.pit.shown", answer=answer)


def test_the_numbers_follow_the_stream():
    """Another batch size, another comparison: the table is computed, not written."""
    t = Translator("en")
    at = pick(open_page("running_stats", "en", rs_batch="4"), "variance", 0)
    small = table_after(at, t)
    at = pick(open_page("running_stats", "en", rs_batch="64"), "variance", 0)
    assert table_after(at, t) != small
    assert "N/(N−1) = 1.016" in next(m.value for m in at.markdown if "N/(N−1) =" in m.value)


def test_the_eps_answer_depends_on_the_data():
    """With a wide population and a tiny ε, σ² ≫ ε even after shrinking the batch, and the app says
    the slip changes nearly nothing there; with the default ε it shows the slip."""
    t = Translator("en")
    at = pick(open_page("running_stats", "en", rs_std="0.5"), "eps", 0)
    assert at.success
    at = open_page("running_stats", "en", rs_std="10", rs_eps="1e-08")
    assert expected(at, "eps").symptom == 2
    assert t("running.pit.eps.a3") in pick(at, "eps", 2).success[0].value


def test_a_hostile_pitfall_in_the_link_falls_back_with_a_notice():
    at = open_page("running_stats", "en", rs_pit="<script>")
    assert at.selectbox(key="rs_pit").value == PITFALLS[0]
    assert not at.exception
