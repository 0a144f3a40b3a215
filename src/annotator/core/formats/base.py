"""Shapes shared by the format modules: a record read from a file, and a document to write.

Readers turn a line (JSONL) or a block (CoNLL) into a :class:`RawRecord` whose offsets
still refer to the record's own text, before normalisation; the importer normalises,
remaps offsets and validates. Writers get an :class:`ExportDoc`: a stored document with
only the spans and relations that passed the export filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Document, LabelKind, Relation, Span, SpanState, Status


class RecordError(ValueError):
    """A record that cannot be imported; the message is the reason shown to the user."""


@dataclass
class RawSpan:
    start: Any
    end: Any
    label: Any
    state: SpanState | None = None       # None: the importer's default
    origin: str | None = None            # None: "import"
    attrs: dict[str, Any] = field(default_factory=dict)
    score: float | None = None
    key: Any = None                      # what relations of the same record use to name it
    text: str | None = None              # the span's text as the record claims it, checked


@dataclass
class RawRelation:
    head: Any
    tail: Any
    label: str
    origin: str | None = None


@dataclass
class RawRecord:
    text: Any
    line: int = 0
    fmt: str = ""
    spans: list[RawSpan] = field(default_factory=list)
    relations: list[RawRelation] = field(default_factory=list)
    has_annotations: bool = False        # the record says which spans it has (even none)
    status: Status | None = None         # the record's own status/answer
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    uid: str | None = None
    reviewer: str | None = None
    time_spent: float = 0.0
    source: str | None = None
    # token formats (CoNLL, hf, Prodigy tokens, WebAnno, DocBin, ...) keep their own segmentation:
    # (start, end) offsets into ``text`` (before normalisation; the importer remaps them), None when
    # the source has no tokens of its own
    tokens: list[tuple[int, int]] | None = None
    sentences: list[tuple[int, int]] | None = None


@dataclass
class ExportDoc:
    doc: Document
    spans: list[Span]
    relations: list[Relation]
    kinds: dict[str, LabelKind]
    # the document's own tokens and sentences when it was imported from a token format
    # (offsets into the stored text), None otherwise
    tokens: list[tuple[int, int]] | None = None
    sentences: list[tuple[int, int]] | None = None

    @property
    def entity_spans(self) -> list[Span]:
        return [s for s in self.spans if self.kinds.get(s.label, LabelKind.ENTITY) == LabelKind.ENTITY]

    @property
    def directive_spans(self) -> list[Span]:
        return [s for s in self.spans if self.kinds.get(s.label) == LabelKind.DIRECTIVE]


def as_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise RecordError(f"{what} must be an integer, not {value!r}")
    return value


def as_dict(value: Any, what: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RecordError(f"{what} must be a JSON object")
    return value


def as_list(value: Any, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"{what} must be a JSON list")
    return value


def as_state(value: Any) -> SpanState | None:
    if value is None:
        return None
    try:
        return SpanState(str(value).strip().lower())
    except ValueError:
        raise RecordError(f"unknown span state {value!r} (expected suggested, accepted or rejected)") from None


def as_status(value: Any) -> Status | None:
    if value is None:
        return None
    try:
        return Status.parse(value)
    except ValueError:
        raise RecordError(f"unknown status {value!r}") from None


def as_score(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def title_of(text: str, limit: int = 200) -> str:
    """First non-empty line, stripped and cut to ``limit`` characters."""
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        nl = n if nl < 0 else nl
        line = text[pos:nl].strip()
        if line:
            return line[:limit]
        pos = nl + 1
    return ""


@dataclass
class BadRecord:
    """A record a reader could not make sense of: where it starts and why."""

    line: int
    reason: str
