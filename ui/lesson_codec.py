"""A lesson in one URL parameter: an ordered list of views (page + settings + an optional note).

?lesson= holds either a ready-made lesson's name ("tour") or "v1." + base64url(JSON) of
[{"p": page path, "q": {key: value}, "n": note}, ...]. Decoding never raises: anything that is not
a readable lesson of known pages comes back as a refusal with its reason. Pure Python.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from .params import MAX_RAW_LENGTH

PREFIX = "v1."
MAX_LINK = 8_000      # characters of ?lesson= that are read at all
MAX_VIEWS = 20
MAX_NOTE = 280        # a longer note is cut to this length (and says so with "…")
MAX_PARAMS = 40       # settings per view
RESERVED = ("lang", "lesson", "lstep")   # URL keys of the app itself, never part of a view


@dataclass(frozen=True)
class View:
    """One step of a lesson: the page's URL path ("" is home), its URL settings, a note for the class."""

    path: str
    params: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Decoded:
    """views (None when refused) and the reason of a refusal: "long", "format", "empty", "page"."""

    views: tuple[View, ...] | None
    reason: str = ""


def view_of(path: str, params: dict[str, str], note: str = "") -> View:
    """A view from a page's current query parameters (the app's own keys left out), settings sorted."""
    kept = sorted((k, v) for k, v in params.items() if k not in RESERVED)
    return View(path, tuple(kept), note.strip()[:MAX_NOTE])


def encode(views: tuple[View, ...]) -> str:
    items = [{"p": v.path, "q": dict(v.params)} | ({"n": v.note} if v.note else {}) for v in views]
    raw = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()
    return PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(raw, paths: set[str]) -> Decoded:
    """Read a ?lesson= value (str, or the last of a list) into views of pages in `paths`."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if not isinstance(raw, str) or len(raw) > MAX_LINK:
        return Decoded(None, "long")
    if not raw.startswith(PREFIX):
        return Decoded(None, "format")
    body = raw[len(PREFIX):]
    try:
        items = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return Decoded(None, "format")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return Decoded(None, "format")
    if not items:
        return Decoded(None, "empty")
    views = tuple(_view(i) for i in items[:MAX_VIEWS])
    if any(v is None for v in views):
        return Decoded(None, "format")
    if any(v.path not in paths for v in views):
        return Decoded(None, "page")
    return Decoded(views)


def _view(item: dict) -> View | None:
    path, params, note = item.get("p"), item.get("q", {}), item.get("n", "")
    if not isinstance(path, str) or not isinstance(params, dict) or not isinstance(note, str):
        return None
    kept = {k: v for k, v in params.items() if isinstance(k, str) and isinstance(v, str) and k not in RESERVED
            and len(k) <= MAX_RAW_LENGTH and len(v) <= MAX_RAW_LENGTH}
    if len(kept) > MAX_PARAMS:
        return None
    text = note if len(note) <= MAX_NOTE else note[: MAX_NOTE - 1] + "…"
    return View(path, tuple(sorted(kept.items())), text)


def parse_step(raw, n: int) -> tuple[int, bool]:
    """?lstep= (1-based) as an index 0..n-1, and whether it had to be corrected (junk, or out of range)."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if raw is None:
        return 0, False
    try:
        k = int(str(raw).strip())
    except ValueError:
        return 0, True
    return min(max(k, 1), n) - 1, not 1 <= k <= n
