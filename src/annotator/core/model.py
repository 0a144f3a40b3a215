"""Plain data objects shared by the store, import/export, NLP and GUI layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, value: str) -> "Status":
        aliases = {"in progress": cls.IN_PROGRESS, "in-progress": cls.IN_PROGRESS,
                   "accept": cls.DONE, "reject": cls.SKIPPED, "ignore": cls.SKIPPED}
        key = str(value).strip().lower()
        if key in aliases:
            return aliases[key]
        return cls(key)


class SpanState(str, Enum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class LabelKind(str, Enum):
    ENTITY = "entity"
    DIRECTIVE = "directive"
    #: any words a directive's issuer or addressee can be ("các sở, ngành"): a span relations
    #: can point to, never exported or trained as a named entity
    PHRASE = "phrase"


@dataclass
class Label:
    name: str
    kind: LabelKind = LabelKind.ENTITY
    colour: str = "#999999"
    key: str = ""
    position: int = 0


DEFAULT_LABELS: tuple[Label, ...] = (
    Label("PER", LabelKind.ENTITY, "#e6194b", "1", 1),
    Label("ORG", LabelKind.ENTITY, "#4363d8", "2", 2),
    Label("LOC", LabelKind.ENTITY, "#3cb44b", "3", 3),
    Label("MISC", LabelKind.ENTITY, "#f58231", "4", 4),
    Label("DIRECTIVE", LabelKind.DIRECTIVE, "#911eb4", "5", 5),
)

RELATION_LABELS = ("issuer", "addressee")

#: the label of phrase spans (issuers and addressees that are not named entities)
PHRASE_LABEL = Label("PHRASE", LabelKind.PHRASE, "#5f6b7a", "", 90)


@dataclass
class Span:
    start: int
    end: int
    label: str
    origin: str = "reviewer"
    state: SpanState = SpanState.ACCEPTED
    attrs: dict[str, Any] = field(default_factory=dict)
    score: float | None = None
    id: int | None = None
    doc_id: int | None = None
    author: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Relation:
    head: int
    tail: int
    label: str
    origin: str = "reviewer"
    id: int | None = None
    doc_id: int | None = None
    author: str | None = None
    created_at: str | None = None


@dataclass
class Document:
    text: str
    title: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    status: Status = Status.NEW
    uid: str = ""
    reviewer: str | None = None
    time_spent: float = 0.0
    id: int | None = None
    hash: str = ""
    created_at: str | None = None
    updated_at: str | None = None
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class DocumentSummary:
    """A document's row without its text, for lists over very large corpora."""

    id: int
    uid: str
    title: str
    status: Status
    reviewer: str | None
    span_count: int
    suggested_count: int
    length: int
