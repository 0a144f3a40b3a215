"""Find in an article without caring about accents or case ("ubnd ha noi" finds "UBND Hà Nội").

Each code point folds to exactly one, so offsets found in the folded text are offsets in the
original (NFC) text. Letters the query types with a diacritic must match it exactly: typing
more narrows the search, typing less widens it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One code point without diacritics, lower case (đ → d); still one code point."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch.lower()[:1] or ch


def fold(text: str) -> str:
    """``text`` folded code point by code point (same length, same offsets)."""
    return "".join(fold_char(ch) for ch in text)


def find_all(text: str, query: str, *, folded: str | None = None, limit: int = 10_000) -> list[tuple[int, int]]:
    """(start, end) of every match of ``query`` in ``text``, in order (spaces in the query are
    collapsed to one). ``folded`` is ``fold(text)`` when the caller keeps it."""
    query = unicodedata.normalize("NFC", " ".join(query.split()))
    if not query:
        return []
    hay = folded if folded is not None else fold(text)
    needle = fold(query)
    marked = [(i, ch.lower()) for i, ch in enumerate(query) if fold_char(ch) != ch.lower()]
    out: list[tuple[int, int]] = []
    pos = hay.find(needle)
    while pos >= 0 and len(out) < limit:
        end = pos + len(needle)
        if all(text[pos + i].lower() == ch for i, ch in marked):
            out.append((pos, end))
        pos = hay.find(needle, pos + 1)
    return out
