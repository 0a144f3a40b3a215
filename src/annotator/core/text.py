"""Text normalisation and offset mapping.

Offsets stored anywhere in annotator are Python code-point offsets into NFC text.
Incoming text may be NFD, carry a BOM or CRLF; :func:`normalize` returns the stored
text and an :class:`OffsetMap` that carries offsets of the input onto it. Qt counts
UTF-16 units; :class:`Utf16Index` converts at the widget boundary.
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from dataclasses import dataclass


class OffsetError(ValueError):
    """An offset that does not fall on a character boundary of the source."""


@dataclass
class OffsetMap:
    """Maps offsets in the raw input onto offsets in the normalised text.

    ``raw_bounds[i]`` and ``norm_bounds[i]`` are matching positions: boundaries that
    survive normalisation. An input offset that is not such a boundary fell inside a
    character that normalisation changed (a base letter and its combining marks, or the
    two halves of CRLF) and is refused.
    """

    raw_bounds: list[int]
    norm_bounds: list[int]
    identity: bool = False

    def map(self, offset: int) -> int:
        if self.identity:
            return offset
        i = bisect.bisect_left(self.raw_bounds, offset)
        if i == len(self.raw_bounds) or self.raw_bounds[i] != offset:
            raise OffsetError(f"offset {offset} cuts a character")
        return self.norm_bounds[i]


def _segments(text: str) -> list[tuple[int, int]]:
    """Split text into runs that normalise independently (a starter and what composes onto it)."""
    bounds = [0]
    for i in range(1, len(text)):
        ch = text[i]
        if unicodedata.combining(ch):
            continue
        if text[i - 1] == "\r" and ch == "\n":
            continue
        pair = text[i - 1] + ch
        if len(unicodedata.normalize("NFC", pair)) < 2:
            continue  # composes with the previous character (Hangul jamo and similar)
        bounds.append(i)
    bounds.append(len(text))
    return list(zip(bounds, bounds[1:]))


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """NFC text with BOM removed and CRLF/CR turned into LF, plus the offset map from ``raw``."""
    if raw.isascii() and "\r" not in raw:
        return raw, OffsetMap([], [], identity=True)
    raw_bounds: list[int] = [0]
    norm_bounds: list[int] = [0]
    pieces: list[str] = []
    length = 0
    for start, end in _segments(raw):
        piece = raw[start:end]
        if piece == "\ufeff" and start == 0:
            out = ""
        elif piece in ("\r\n", "\r"):
            out = "\n"
        else:
            out = unicodedata.normalize("NFC", piece)
        pieces.append(out)
        length += len(out)
        raw_bounds.append(end)
        norm_bounds.append(length)
    text = "".join(pieces)
    if text != unicodedata.normalize("NFC", text):  # pragma: no cover - defensive
        text = unicodedata.normalize("NFC", text)
    return text, OffsetMap(raw_bounds, norm_bounds)


def nfc(text: str) -> str:
    return normalize(text)[0]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cuts_character(text: str, offset: int) -> bool:
    """True when an offset falls between a character and the combining mark or joiner after it."""
    if offset <= 0 or offset >= len(text):
        return False
    ch = text[offset]
    if unicodedata.combining(ch) or ch in "\u200d\ufe0f\ufe0e":
        return True
    return text[offset - 1] == "\u200d"


def check_span(text: str, start: int, end: int) -> str | None:
    """Why a span cannot be stored on ``text``, or None when it can."""
    if not isinstance(start, int) or not isinstance(end, int):
        return "span offsets must be integers"
    if start < 0 or end > len(text):
        return f"span {start}-{end} out of range (text has {len(text)} characters)"
    if start >= end:
        return f"span {start}-{end} is empty or reversed"
    if cuts_character(text, start) or cuts_character(text, end):
        return f"span {start}-{end} cuts a character"
    return None


class Utf16Index:
    """Converts between code-point offsets and UTF-16 units (what Qt uses) in O(log n)."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_u16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    @property
    def has_astral(self) -> bool:
        """True when code points and UTF-16 units differ somewhere (emoji and the like)."""
        return bool(self._astral)

    def to_utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int:
        """Code-point offset of a UTF-16 position; a position inside a surrogate pair rounds down."""
        before = bisect.bisect_right(self._astral_u16, unit - 2)
        if before < len(self._astral_u16) and self._astral_u16[before] == unit - 1:
            return self._astral[before]
        return unit - before


# Syllables, sentences and snapping live in the one segmentation module.
from annotator.core.segmentation import (  # noqa: E402,F401
    sentence_spans as sentences, snap_to_syllables, syllable_spans as syllables,
)
