"""A spaCy-compatible tokenizer with character offsets, for the Prodigy export.

The tokens rebuild the text exactly: ``"".join(t.text + (" " if t.ws else "") for t in tokens) == text``.

* The text is split on single spaces; a space after a token is that token's ``ws``.
* Any other whitespace (newlines, tabs, the second space of a double space, leading
  whitespace) becomes a token of its own, as spaCy does.
* Words (letters, digits, combining marks, joined inside by ``. - / ' & ’`` as in ``TP.HCM`` or
  ``57-NQ/TW``) are tokens; every other character (punctuation, symbols, emoji together with
  their modifiers, joiners and variation selectors) is a token of its own.
* Tokens are additionally split at every boundary passed in ``boundaries`` (span starts and
  ends), so that each span begins on a token start and ends on a token end. A span that
  starts or ends on a space gets that space as a token of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

# marks that belong to the character before them
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_WORD = rf"[\w{_MARKS}]+(?:[-./'’&][\w{_MARKS}]+)*"
_SYMBOL = rf"[^\w\s](?:[{_MARKS}]|\u200d[^\s])*"
_PIECE = re.compile(rf"\s+|{_WORD}|{_SYMBOL}|.", re.S)


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int
    ws: bool

    def as_dict(self, index: int) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "id": index, "ws": self.ws}


def tokenize(text: str, boundaries: Iterable[tuple[int, int]] | None = None) -> list[Tok]:
    """Tokens of ``text``; ``boundaries`` are (start, end) pairs that must fall on token edges."""
    starts: set[int] = set()
    ends: set[int] = set()
    for s, e in boundaries or ():
        starts.add(s)
        ends.add(e)
    cuts = sorted(starts | ends)
    out: list[Tok] = []
    n = len(text)
    for m in _PIECE.finditer(text):
        a, z = m.span()
        if text[a].isspace():
            # a single space after a token is its trailing whitespace, unless a span needs it
            if out and text[a] == " " and out[-1].end == a and not out[-1].ws \
                    and a not in starts and (a + 1) not in ends:
                last = out[-1]
                out[-1] = Tok(last.text, last.start, last.end, True)
                a += 1
            if a < z:
                _cut(text, a, z, cuts, out)
            continue
        _cut(text, a, z, cuts, out)
    assert not out or out[-1].end + out[-1].ws == n
    return out


def _cut(text: str, a: int, z: int, cuts: list[int], out: list[Tok]) -> None:
    i = bisect.bisect_right(cuts, a)
    while i < len(cuts) and cuts[i] < z:
        out.append(Tok(text[a:cuts[i]], a, cuts[i], False))
        a = cuts[i]
        i += 1
    out.append(Tok(text[a:z], a, z, False))


def token_span(tokens: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    """Indices of the first and last token (inclusive) of a character span, None if it does not align."""
    starts = [t.start for t in tokens]
    i = bisect.bisect_left(starts, start)
    if i == len(tokens) or tokens[i].start != start:
        return None
    j = i
    while j < len(tokens) and tokens[j].end < end:
        j += 1
    if j == len(tokens) or tokens[j].end != end:
        return None
    return i, j


class TokenIndex:
    """token_span for many spans over the same tokens, without rebuilding the start list."""

    def __init__(self, tokens: list[Tok]):
        self.tokens = tokens
        self._starts = {t.start: i for i, t in enumerate(tokens)}
        self._ends = {t.end: i for i, t in enumerate(tokens)}

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        i = self._starts.get(start)
        j = self._ends.get(end)
        if i is None or j is None or j < i:
            return None
        return i, j
