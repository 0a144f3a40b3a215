"""Inline annotation markup used by the hand-written seed corpus.

Writing offsets by hand is error-prone, so seed articles are written as text with
inline marks and turned into (text, spans) here:

* ``[Phạm Văn Linh]{PER}`` marks an entity (PER, ORG, LOC, MISC).
* ``<D>...</D>`` marks a directive; entities may sit inside it.

Entities never nest inside each other; directives never nest inside directives.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")

_TOKEN = re.compile(r"<D>|</D>|\[|\]\{([A-Z]+)\}")


class MarkupError(ValueError):
    """A seed file whose marks do not pair up; carries the line number."""

    def __init__(self, message: str, line: int):
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class MarkedSpan:
    start: int
    end: int
    label: str


def parse_markup(source: str) -> tuple[str, list[MarkedSpan]]:
    """Return the plain NFC text and its spans (code-point offsets, end exclusive)."""
    source = unicodedata.normalize("NFC", source.replace("\r\n", "\n"))
    out: list[str] = []
    length = 0
    spans: list[MarkedSpan] = []
    entity_start: int | None = None
    directive_start: int | None = None
    pos = 0
    for match in _TOKEN.finditer(source):
        chunk = source[pos:match.start()]
        out.append(chunk)
        length += len(chunk)
        pos = match.end()
        line = source.count("\n", 0, match.start()) + 1
        token = match.group(0)
        if token == "<D>":
            if directive_start is not None:
                raise MarkupError("<D> inside another <D>", line)
            directive_start = length
        elif token == "</D>":
            if directive_start is None:
                raise MarkupError("</D> without <D>", line)
            if entity_start is not None:
                raise MarkupError("</D> inside an open [entity", line)
            spans.append(MarkedSpan(directive_start, length, "DIRECTIVE"))
            directive_start = None
        elif token == "[":
            if entity_start is not None:
                raise MarkupError("[ inside another [entity", line)
            entity_start = length
        else:
            label = match.group(1)
            if entity_start is None:
                raise MarkupError(f"]{{{label}}} without [", line)
            if label not in ENTITY_LABELS:
                raise MarkupError(f"unknown label {label}", line)
            if length == entity_start:
                raise MarkupError("empty entity", line)
            spans.append(MarkedSpan(entity_start, length, label))
            entity_start = None
    out.append(source[pos:])
    if entity_start is not None:
        raise MarkupError("unclosed [entity", source.count("\n") + 1)
    if directive_start is not None:
        raise MarkupError("unclosed <D>", source.count("\n") + 1)
    text = "".join(out)
    for span in spans:
        piece = text[span.start:span.end]
        if piece != piece.strip():
            line = text.count("\n", 0, span.start) + 1
            raise MarkupError(f"span {piece!r} starts or ends with whitespace", line)
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    return text, spans
