"""The two catalogs: same keys, same placeholders, every key used in code exists, no empty text."""

import re
import string
from pathlib import Path

import pytest

from ui import i18n

ROOT = Path(__file__).resolve().parents[1]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_identical_key_sets():
    en, zh = i18n.catalog("en"), i18n.catalog("zh")
    assert set(en) - set(zh) == set(), "keys missing in zh.toml"
    assert set(zh) - set(en) == set(), "keys missing in en.toml"


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_no_empty_strings(lang):
    assert all(v.strip() for v in i18n.catalog(lang).values())


def test_same_placeholders_in_both_languages():
    en, zh = i18n.catalog("en"), i18n.catalog("zh")
    for key in en:
        assert placeholders(en[key]) == placeholders(zh[key]), key


def test_chinese_is_actually_chinese():
    zh = i18n.catalog("zh")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    prose = [k for k, v in zh.items() if len(v) > 25]
    assert prose and all(cjk.search(zh[k]) for k in prose), [k for k in prose if not cjk.search(zh[k])]


def literal_keys() -> set[str]:
    keys = set()
    for folder in ("ui", "chapters"):
        for path in (ROOT / folder).rglob("*.py"):
            keys |= set(re.findall(r'\bt\("([a-z_0-9]+\.[a-z_.0-9]+)"', path.read_text(encoding="utf-8")))
    keys |= set(re.findall(r'\bt\("([a-z_0-9]+\.[a-z_.0-9]+)"', (ROOT / "app.py").read_text(encoding="utf-8")))
    return keys


def test_every_literal_key_in_code_exists():
    keys = literal_keys()
    assert len(keys) > 30
    missing = keys - set(i18n.catalog("en"))
    assert not missing, sorted(missing)


def test_translator_formats_and_falls_back():
    t = i18n.Translator("zh")
    assert t("common.feature_j", j=3) == "特征 3"
    assert i18n.Translator("xx").lang == "en"
    assert t("no.such.key") == "no.such.key"
    assert len(t.items("layer.steps.title")) == 5


@pytest.mark.parametrize(("url", "locale", "expected"), [
    ("zh", "en-US", "zh"), ("EN", "zh-CN", "en"), (None, "zh-CN", "zh"), (None, "zh_TW", "zh"),
    (None, "fr-FR", "en"), ("fr", "zh-CN", "zh"), (None, None, "en"), (["zh"], None, "en"),
])
def test_language_resolution(url, locale, expected):
    assert i18n.resolve_language(url, locale) == expected


def _punctuation(ch: str) -> bool:
    """CommonMark's punctuation: Unicode categories P* and S* (ASCII punctuation included)."""
    import unicodedata

    return unicodedata.category(ch)[0] in "PS"


def _flanking(text: str, at: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for the `**` run at text[at:at + 2] (CommonMark 6.2); the
    string's ends count as whitespace."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 2] if at + 2 < len(text) else " "
    left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
    right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
    return left, right


def bold_that_shows_asterisks(text: str) -> list[str]:
    """The `**…**` pairs of text that Markdown would print as literal asterisks: an opening `**`
    must be left-flanking and a closing one right-flanking. In Chinese this bites when the bold ends
    with full-width punctuation right before a character (`**标题：**正文`)."""
    runs = [m.start() for m in re.finditer(r"(?<!\*)\*\*(?!\*)", text)]
    bad = [f"unpaired ** in {text[:30]!r}"] if len(runs) % 2 else []
    for open_at, close_at in zip(runs[::2], runs[1::2], strict=False):
        if not _flanking(text, open_at)[0] or not _flanking(text, close_at)[1]:
            bad.append(text[max(open_at - 3, 0): close_at + 5])
    return bad


def test_the_bold_rule_itself():
    assert bold_that_shows_asterisks("**标题：**正文") == ["**标题：**正文"]
    assert bold_that_shows_asterisks("**标题**：正文") == []
    assert bold_that_shows_asterisks("句子里的 **粗体** 词") == []
    assert bold_that_shows_asterisks("**Step 1.** The batch") == []
    assert len(bold_that_shows_asterisks("a ** b")) == 1


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_every_bold_phrase_renders_as_bold(lang):
    broken = {k: bad for k, v in i18n.catalog(lang).items() if (bad := bold_that_shows_asterisks(v))}
    assert broken == {}


def test_values_that_are_numbers_get_a_real_minus_sign_and_other_values_stay_as_they_are():
    t = i18n.Translator("en")
    text = t("common.url_clamped", label="x1-x2 at -1", lo=-1, hi=0.5, value="-2.5e-05")
    assert text == t("common.url_clamped", label="x1-x2 at -1", lo="\u22121", hi="0.5", value="\u22122.5e\u221205")
    assert "x1-x2 at -1" in text                       # a label is text, even with a number in it
    assert t("common.url_clamped", label="a", lo=1, hi=2, value="2026-11-27").endswith("2026-11-27.")


def test_verbatim_text_keeps_its_hyphen_even_when_it_looks_like_a_number():
    t = i18n.Translator("zh")
    assert "/-1" in t("common.page_unknown", path=i18n.Verbatim("-1"))
    assert "/\u22121" in t("common.page_unknown", path="-1")
