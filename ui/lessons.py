"""The two ready-made lessons: their views, in order. Their titles and notes are catalog texts
(lesson.<name>.title, lesson.<name>.1, .2, ...), so they read in the page's language."""

from __future__ import annotations

from .lesson_codec import View

PRESETS: dict[str, tuple[View, ...]] = {
    "tour": (   # BN in one lecture: about ten minutes, one view per chapter
        View("inputs"),
        View("loss-surface", (("ls_ratio", "100"),)),
        View("bn-layer", (("bn_b1", "3"), ("bn_g1", "2"), ("bn_step", "4"))),   # as the page writes them
        View("running-stats", (("rs_drift", "0.02"),)),
        View("training"),
        View("why-bn"),
        View("norm-family", (("nf_method", "ln"),)),
    ),
    "engineers": (   # the conventions that differ between papers and frameworks
        View("running-stats", (("rs_conv", "keras"),)),
        View("running-stats", (("rs_pit", "eval"),)),
        View("running-stats", (("rs_pit", "small_batch"),)),
        View("bn-layer", (("bn_eps", "0.001"), ("bn_step", "3"))),
        View("training", (("tr_cmp_after", "true"),)),
        View("norm-family"),   # GroupNorm is the chapter's default method
    ),
}
