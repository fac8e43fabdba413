"""How wide text is in the charts, to lay out legends and titles before the browser draws them.

Latin text in the charts is drawn in Streamlit's web font, Source Sans (`figures.theme.FONT`); its
glyph widths below are in em, measured in Chromium with the font the page loads (canvas
`measureText`, regular weight, 2026-11-28). A bold glyph is ~1.067× as wide. Chinese falls through
to the system's CJK font, whose glyphs are 1 em. A character in neither (a rare symbol) counts as
UNKNOWN_EM, wider than most.
"""

from __future__ import annotations

import re

SOURCE_SANS_EM = {
    **dict.fromkeys(' ', 0.2),
    **dict.fromkeys('|', 0.241),
    **dict.fromkeys('i', 0.246),
    **dict.fromkeys('j', 0.247),
    **dict.fromkeys("',.:;·’", 0.249),
    **dict.fromkeys('l', 0.255),
    **dict.fromkeys('I', 0.263),
    **dict.fromkeys('!', 0.289),
    **dict.fromkeys('f', 0.292),
    **dict.fromkeys('()[]{}', 0.303),
    **dict.fromkeys('-', 0.311),
    **dict.fromkeys('t', 0.338),
    **dict.fromkeys('r', 0.347),
    **dict.fromkeys('/\\', 0.35),
    **dict.fromkeys('²³⁻₀₁₂', 0.367),
    **dict.fromkeys('‖', 0.391),
    **dict.fromkeys('*', 0.418),
    **dict.fromkeys('s', 0.419),
    **dict.fromkeys('?z', 0.425),
    **dict.fromkeys('"“”ₖ', 0.426),
    **dict.fromkeys('x', 0.446),
    **dict.fromkeys('ε', 0.448),
    **dict.fromkeys('c', 0.456),
    **dict.fromkeys('vy', 0.467),
    **dict.fromkeys('Y', 0.476),
    **dict.fromkeys('J', 0.479),
    **dict.fromkeys('–', 0.48),
    **dict.fromkeys('γ', 0.484),
    **dict.fromkeys('L', 0.486),
    **dict.fromkeys('Fκλ', 0.494),
    **dict.fromkeys('k', 0.495),
    **dict.fromkeys('eé', 0.496),
    **dict.fromkeys('#$+0123456789<=>^~±−≈×', 0.497),
    **dict.fromkeys('_', 0.5),
    **dict.fromkeys('ag', 0.504),
    **dict.fromkeys('X', 0.513),
    **dict.fromkeys('V', 0.515),
    **dict.fromkeys('E', 0.527),
    **dict.fromkeys('S', 0.534),
    **dict.fromkeys('T', 0.536),
    **dict.fromkeys('Σ', 0.538),
    **dict.fromkeys('Z', 0.539),
    **dict.fromkeys('`o', 0.542),
    **dict.fromkeys('A', 0.543),
    **dict.fromkeys('huÂü', 0.544),
    **dict.fromkeys('σ', 0.546),
    **dict.fromkeys('n', 0.547),
    **dict.fromkeys('ρ', 0.549),
    **dict.fromkeys('b', 0.553),
    **dict.fromkeys('dpq', 0.555),
    **dict.fromkeys('√', 0.557),
    **dict.fromkeys('α', 0.56),
    **dict.fromkeys('μ', 0.562),
    **dict.fromkeys('β', 0.565),
    **dict.fromkeys('P', 0.566),
    **dict.fromkeys('R', 0.569),
    **dict.fromkeys('C', 0.571),
    **dict.fromkeys('K', 0.579),
    **dict.fromkeys('B', 0.588),
    **dict.fromkeys('&', 0.609),
    **dict.fromkeys('D', 0.615),
    **dict.fromkeys('G', 0.617),
    **dict.fromkeys('U', 0.645),
    **dict.fromkeys('N', 0.647),
    **dict.fromkeys('H', 0.652),
    **dict.fromkeys('OQ', 0.664),
    **dict.fromkeys('∇', 0.669),
    **dict.fromkeys('w', 0.719),
    **dict.fromkeys('M', 0.727),
    **dict.fromkeys('W', 0.786),
    **dict.fromkeys('—', 0.8),
    **dict.fromkeys('%', 0.824),
    **dict.fromkeys('m', 0.829),
    **dict.fromkeys('@', 0.847),
    **dict.fromkeys('…', 0.948),
}
BOLD = 1.067          # bold (chart titles) against regular, over the characters above
CJK_EM = 1.0
UNKNOWN_EM = 0.6
HEADROOM = 1.05        # SVG text lays out within ~1.5 % of canvas measureText; a little more
_TAG = re.compile(r"<[^>]+>")


def char_em(c: str) -> float:
    """One character's width in em."""
    if ord(c) >= 0x2E80:
        return CJK_EM
    return SOURCE_SANS_EM.get(c, 0.0 if 0x300 <= ord(c) < 0x370 else UNKNOWN_EM)   # combining marks: 0


def text_px(text: str, size: float, *, bold: bool = False) -> float:
    """Width in px of `text` (HTML tags ignored) at font `size` px, with HEADROOM."""
    em = sum(char_em(c) for c in _TAG.sub("", text))
    return em * size * HEADROOM * (BOLD if bold else 1.0)
