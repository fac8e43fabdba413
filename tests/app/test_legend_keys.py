"""A legend key stands for every trace it names: a click on it toggles its legend group, and the reader
takes its colour for theirs. So every trace a key covers (its legend group, or its name where it has no
group) must share a colour with the key, on every figure any page sends."""

from __future__ import annotations

import pytest

from tests.app.conftest import PAGES, open_page

# the pages' default views, plus chapter 5 with all three variants (one panel each)
VIEWS = [(page, {}) for page in sorted(PAGES)] + [("training", {"tr_cmp_after": "true", "tr_steps": "100"})]


def colours(trace: dict) -> set[str]:
    """The single colours a trace is drawn in (line, markers, fill); colour arrays are left out."""
    found = {trace.get("line", {}).get("color"), trace.get("marker", {}).get("color"), trace.get("fillcolor")}
    return {c for c in found if isinstance(c, str)}


def miscoloured_keys(data: list[dict]) -> list[tuple[str, set[str], set[str]]]:
    """(key name, key colours, colours of a trace it covers) for every trace that shares no colour
    with the legend key covering it."""
    def group(trace):
        return trace.get("legendgroup") or trace.get("name")

    keys = {group(t): t for t in data if t.get("showlegend", True) and t.get("name")}
    return [(keys[group(t)]["name"], colours(keys[group(t)]), colours(t)) for t in data
            if group(t) in keys and colours(t) and colours(keys[group(t)])
            and not colours(t) & colours(keys[group(t)])]


def test_a_key_shared_by_panels_of_different_colours_is_caught():
    """The check itself: one key for two panels' medians drawn in their variants' colours."""
    medians = [dict(type="scatter", name="median", legendgroup="median", line={"color": c}, showlegend=i == 0)
               for i, c in enumerate(("#999999", "#D55E00"))]
    assert miscoloured_keys(medians) == [("median", {"#999999"}, {"#D55E00"})]
    medians[1]["name"] = medians[1]["legendgroup"] = "median · BN"
    medians[1]["showlegend"] = True
    assert miscoloured_keys(medians) == []


@pytest.mark.parametrize(("page", "params"), VIEWS)
def test_every_legend_key_has_the_colour_of_the_traces_it_names(page, params, sent_figures):
    open_page(page, "en", **params)
    assert sent_figures
    for fig in sent_figures:
        data = fig.to_dict()["data"]
        assert miscoloured_keys(data) == [], fig.to_dict()["layout"].get("title")
