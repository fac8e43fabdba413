"""Translations from TOML catalogs ui/locales/<lang>.toml, flattened to dotted keys.

Pure Python (no Streamlit) so tests and figures' label builders can use it directly.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from figures.theme import ROLES

SUPPORTED = ("en", "zh")
DEFAULT = "en"
LOCALES = Path(__file__).parent / "locales"
# a number as the app writes one: 1,234.5, -3.7e-16, 1e-05, -inf
_NUMBER = re.compile(r"[-\u2212+]?[\d,]*\.?\d+(e[-\u2212+]?\d+)?|[-\u2212+]?(inf|∞)")


class Verbatim(str):
    """Text that t() and tables show exactly as given, even where it looks like a number: what a user
    wrote (a page path in a link, a column name in a CSV file)."""


def minus(value) -> str:
    """value as text, and if it is a number, with its minus signs as U+2212, as the charts write them:
    "-3.7e-16" -> "−3.7e−16", "1e-05" -> "1e−05". Other text (a name, a path) and Verbatim text are left
    as they are."""
    text = str(value)
    return text.replace("-", "\u2212") if is_number(text) and not isinstance(value, Verbatim) else text


def is_number(text: str) -> bool:
    """True if text is one number as the app writes it (1,234.5, −3.7e−16, ∞)."""
    return _NUMBER.fullmatch(text) is not None


def flatten(table: dict, prefix: str = "") -> dict[str, str]:
    """{"a": {"b": "x"}} -> {"a.b": "x"}."""
    out: dict[str, str] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, dotted + "."))
        else:
            out[dotted] = value
    return out


@lru_cache(maxsize=len(SUPPORTED))
def catalog(lang: str) -> dict[str, str]:
    """The flattened catalog of `lang` (one of SUPPORTED)."""
    with open(LOCALES / f"{lang}.toml", "rb") as fh:
        return flatten(tomllib.load(fh))


def parse_lang(value) -> str | None:
    """A supported language code from a URL value such as "zh" or "EN", else None."""
    if isinstance(value, str) and value.strip().lower() in SUPPORTED:
        return value.strip().lower()
    return None


def lang_from_locale(locale: str | None) -> str | None:
    """Map a browser locale ("zh-CN", "zh-Hans-TW", "en-GB") to a supported language, else None."""
    if not locale:
        return None
    primary = locale.replace("_", "-").split("-")[0].lower()
    return primary if primary in SUPPORTED else None


def resolve_language(url_value, browser_locale: str | None) -> str:
    """URL ?lang= wins, then the browser locale, then English."""
    return parse_lang(url_value) or lang_from_locale(browser_locale) or DEFAULT


SENTENCE_SEP = {"en": " ", "zh": ""}   # Chinese runs sentences together: its full stop is wide
COLOUR_FIELD = "{colour_"   # catalog texts write a trace's colour as {colour_<role>} (figures.theme.ROLES)


class Translator:
    """t("key", **fmt): the catalog string for the key, formatted; falls back to English. Values that are
    numbers get a real minus sign (minus())."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in SUPPORTED else DEFAULT

    def __call__(self, key: str, **fmt) -> str:
        text = catalog(self.lang).get(key)
        if text is None:
            text = catalog(DEFAULT).get(key, key)
        if COLOUR_FIELD in text:   # a trace named by its colour: the word comes from the theme's role
            fmt = self.colour_words() | fmt
        return text.format(**{k: minus(v) for k, v in fmt.items()}) if fmt else text

    def sentences(self, *texts: str) -> str:
        """Sentences run together as the language writes them (a space in English, none in Chinese)."""
        return SENTENCE_SEP[self.lang].join(texts)

    def colour_words(self) -> dict[str, str]:
        """{colour_<role>: the word for that role's colour} for every role of figures.theme.ROLES."""
        return {f"colour_{role}": self(f"colour.{name}") for role, name in ROLES.items()}

    def items(self, prefix: str) -> tuple[str, ...]:
        """Values of the keys prefix.1, prefix.2, ... in order (e.g. the five step titles)."""
        out, k = [], 1
        while f"{prefix}.{k}" in catalog(self.lang):
            out.append(self(f"{prefix}.{k}"))
            k += 1
        return tuple(out)
