"""Chapter 4's pitfall checker: pick a slip, predict its symptom, then see the correct code and the
slip run on the same data (bn_core.pitfalls), with the numbers side by side."""

from __future__ import annotations

import streamlit as st

from bn_core.pitfalls import Comparison

from . import controls, running_cache
from .i18n import Translator
from .running_cache import RunningConfig
from .tables import comparison_table

PITFALLS = ("variance", "momentum", "eps", "swap", "eval", "no_eval", "finetune", "small_batch")
SYMPTOMS = 3        # each pitfall lists three symptoms (a1..a3); the core says which one the numbers show
SHOW_ME = SYMPTOMS  # the radio's last option: no prediction, just the result


def pitfalls(cfg: RunningConfig, t: Translator) -> None:
    st.header(t("running.pit.header"))
    st.markdown(t("running.pit.intro"))
    name = controls.choice(t("running.pit.pick"), "rs_pit", PITFALLS, PITFALLS[0], t=t, widget="selectbox",
                           format_func=lambda p: t(f"running.pit.{p}.title"))
    checker(cfg, str(name), t)


@st.fragment
def checker(cfg: RunningConfig, name: str, t: Translator) -> None:
    """One pitfall: both code versions, the prediction, and once it is made the two runs' numbers.
    The prediction lives in the session (one per pitfall), not in the URL: a shared link must not
    give the answer away."""
    comparison = running_cache.pitfall(cfg, name)
    fmt = _fmt(comparison.numbers)
    left, right = st.columns(2)
    left.markdown(f"**{t('running.pit.right_code')}**")
    left.code(t(f"running.pit.{name}.right_code", **fmt), language="python", wrap_lines=True)
    right.markdown(f"**{t('running.pit.wrong_code')}**")
    right.code(t(f"running.pit.{name}.wrong_code", **fmt), language="python", wrap_lines=True)
    symptoms = [t(f"running.pit.{name}.a{k + 1}", **fmt) for k in range(SYMPTOMS)] + [t("running.pit.show_me")]
    guess = st.radio(t(f"running.pit.{name}.question", **fmt), range(SYMPTOMS + 1), index=None,
                     format_func=lambda k: symptoms[k], key=f"rs_pit_guess_{name}")
    if guess is None:
        st.caption(t("running.pit.guess_first"))
        return
    answer = symptoms[comparison.symptom]
    if guess == SHOW_ME:
        st.info(t("running.pit.shown", answer=answer), icon=":material/visibility:")
    elif guess == comparison.symptom:
        st.success(t("running.pit.right", answer=answer), icon=":material/check_circle:")
    else:
        st.warning(t("running.pit.wrong", answer=answer), icon=":material/lightbulb:")  # feedback, not a fault
    _numbers(comparison, t)
    st.markdown(t(f"running.pit.{name}.demo", b=cfg.stream.batch_size, eps=f"{cfg.eps:g}", **fmt))


def _numbers(comparison: Comparison, t: Translator) -> None:
    """The quantities measured on both runs, a column per run."""
    quantities = [t(f"running.pit.q.{key}") for key, _, _ in comparison.rows]
    comparison_table(quantities, {t("running.pit.col_right"): [f"{r:.4g}" for _, r, _ in comparison.rows],
                                  t("running.pit.col_wrong"): [f"{w:.4g}" for _, _, w in comparison.rows]})


def _fmt(numbers: dict[str, float]) -> dict[str, str]:
    return {k: f"{v:.4g}" for k, v in numbers.items()}
