"""The spans and relations of the document on screen, indexed for fast per-block lookup.

Offsets are code points into the stored NFC text, as everywhere in the core. The model
keeps entity spans and directive spans in two lists sorted by start, each with the length
of its longest span, so the spans overlapping any range (one text block) are found with a
bisect and a short scan. Views never change spans: undo commands change the store and then
this model, and views follow its signals.

A long article opens progressively: the spans that start on its first screen come first, the
rest right after the first paint (or the moment anything asks for a span beyond that screen:
every query and every change loads the rest first, so nothing ever sees a partial model).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from operator import attrgetter

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.navigator import reading_key
from annotator.core.model import Label, LabelKind, Relation, Span, SpanState
from annotator.core.text import Utf16Index, syllables


_BY_POSITION = attrgetter("start", "end", "id")

#: paragraphs (text blocks) formatted when an article opens; the spans starting in them are
#: the ones a progressive open reads first (the rest when they are scrolled to)
FIRST_SCREEN_BLOCKS = 16


def first_screen_end(text: str, blocks: int = FIRST_SCREEN_BLOCKS) -> int | None:
    """Code-point offset where the first ``blocks`` text blocks (lines) end, or None when the
    text has no more than that: a short article is read in one go."""
    pos = -1
    for _ in range(blocks):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return None
    return pos


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_index(text: str) -> Utf16Index:
    """A Utf16Index, built at C speed for the usual text without astral characters (emoji)."""
    if _ASTRAL.search(text):
        return Utf16Index(text)
    index = Utf16Index("")
    index.length = len(text)
    return index


class _Layer:
    """Spans of one kind sorted by (start, end, id) with the longest length seen."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, int, int]] = []
        self.spans: list[Span] = []
        self.maxlen = 0

    def reset(self, spans: Iterable[Span]) -> None:
        spans = list(spans)
        try:
            spans.sort(key=_BY_POSITION)  # C-speed key; stored spans all have ids
        except TypeError:  # a span without id beside another at the same place
            spans.sort(key=lambda s: (s.start, s.end, s.id or 0))
        self.spans = spans
        self.keys = [(s.start, s.end, s.id or 0) for s in spans]
        self.maxlen = max([k[1] - k[0] for k in self.keys], default=0)

    def add(self, span: Span) -> None:
        key = (span.start, span.end, span.id or 0)
        i = bisect.bisect_left(self.keys, key)
        self.keys.insert(i, key)
        self.spans.insert(i, span)
        self.maxlen = max(self.maxlen, span.end - span.start)

    def remove(self, span: Span) -> None:
        key = (span.start, span.end, span.id or 0)
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            del self.keys[i]
            del self.spans[i]
        # maxlen stays as an upper bound; it is recomputed on reset

    def overlapping(self, start: int, end: int) -> list[Span]:
        if not self.keys:
            return []
        lo = bisect.bisect_left(self.keys, (start - self.maxlen + 1,))
        hi = bisect.bisect_left(self.keys, (end,))
        return [s for s in self.spans[max(lo, 0):hi] if s.end > start]


class SpanModel(QObject):
    """Spans and relations of one document, with signals for every change."""

    modelReset = Signal()
    spanAdded = Signal(object)            # Span
    spanRemoved = Signal(object)          # Span
    spanChanged = Signal(object, object)  # old Span, new Span
    relationsChanged = Signal()
    spansLoaded = Signal()                # the rest of a progressively opened document arrived

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc_id: int | None = None
        self.text = ""
        self.u16 = Utf16Index("")
        self.astral = False
        self._units: list[tuple[int, int]] | None = None
        self._by_id: dict[int, Span] = {}
        self._entities = _Layer()
        self._directives = _Layer()
        self.relations: list[Relation] = []
        self.labels: dict[str, Label] = {}
        self._rest: Callable[[], Iterable[Span]] | None = None
        self._loaded_until: int | None = None   # spans starting before it are here (partial model)

    # ------------------------------------------------------------------ loading
    def set_labels(self, labels: Iterable[Label]) -> None:
        self.labels = {label.name: label for label in labels}

    @property
    def kinds(self) -> dict[str, LabelKind]:
        return {name: label.kind for name, label in self.labels.items()}

    def is_directive(self, span: Span) -> bool:
        label = self.labels.get(span.label)
        return label is not None and label.kind == LabelKind.DIRECTIVE

    def set_document(self, doc_id: int | None, text: str, spans: Iterable[Span],
                     relations: Iterable[Relation], *, rest: Callable[[], Iterable[Span]] | None = None,
                     loaded_until: int | None = None) -> None:
        """A new document. With ``rest``, ``spans`` are those starting before ``loaded_until`` and
        ``rest()`` gives the others; they are loaded right after this (see :meth:`complete`)."""
        self._rest = rest if loaded_until is not None else None
        self._loaded_until = loaded_until if self._rest is not None else None
        self.doc_id = doc_id
        self.text = text
        self.u16 = utf16_index(text)  # one scan for astral characters, not two
        self.astral = self.u16.has_astral
        self._units = None
        spans = list(spans)
        self._by_id = {s.id: s for s in spans}
        entities, directives = self._split_by_kind(spans)
        self._entities.reset(entities)
        self._directives.reset(directives)
        self.relations = list(relations)
        self.modelReset.emit()
        if self._rest is not None:
            QTimer.singleShot(0, self.complete)  # after the article has painted

    @property
    def partial(self) -> bool:
        """True while a progressive open has not read every span yet."""
        return self._rest is not None

    @property
    def has_spans(self) -> bool:
        """Whether the document has any span (without loading the rest of a partial model)."""
        return bool(self._by_id) or self._rest is not None

    def complete(self) -> None:
        """Read the spans a progressive open left for later; a no-op once every span is here."""
        rest, self._rest = self._rest, None
        if rest is None:
            return
        self._loaded_until = None
        more = [s for s in rest() if s.id not in self._by_id]
        if more:
            for span in more:
                self._by_id[span.id] = span
            entities, directives = self._split_by_kind(more)
            self._entities.reset(self._entities.spans + entities)
            self._directives.reset(self._directives.spans + directives)
        self.spansLoaded.emit()

    def _split_by_kind(self, spans: list[Span]) -> tuple[list[Span], list[Span]]:
        """(entity-layer spans, directive spans) of ``spans``, by the labels' kinds."""
        directive_labels = {name for name, label in self.labels.items() if label.kind == LabelKind.DIRECTIVE}
        return ([s for s in spans if s.label not in directive_labels],
                [s for s in spans if s.label in directive_labels])

    def _need(self, end: int | None = None) -> None:
        """Load the rest first unless every span starting before ``end`` is here already."""
        if self._rest is not None and (end is None or end > self._loaded_until):
            self.complete()

    def clear(self) -> None:
        self.set_document(None, "", [], [])

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        self._need()
        return len(self._by_id)

    def get(self, span_id: int | None) -> Span | None:
        if span_id is None:
            return None
        span = self._by_id.get(span_id)
        if span is None and self._rest is not None:
            self.complete()
            span = self._by_id.get(span_id)
        return span

    def spans(self) -> list[Span]:
        """All spans in reading order (start, inner first)."""
        self._need()
        return self.loaded_spans()

    def counts(self) -> dict[str, int]:
        """Numbers for the header: entities and directives not rejected, suggestions left. A
        phrase (an issuer or addressee in any words) shares the entity layer but is no entity."""
        self._need()
        out = {"entities": 0, "directives": 0, "suggested": 0}
        phrases = {name for name, label in self.labels.items() if label.kind == LabelKind.PHRASE}
        for span in self._entities.spans:
            if span.state != SpanState.REJECTED and span.label not in phrases:
                out["entities"] += 1
            if span.state == SpanState.SUGGESTED:
                out["suggested"] += 1
        for span in self._directives.spans:
            if span.state != SpanState.REJECTED:
                out["directives"] += 1
            if span.state == SpanState.SUGGESTED:
                out["suggested"] += 1
        return out

    def directives(self) -> list[Span]:
        self._need()
        return list(self._directives.spans)

    def entities(self) -> list[Span]:
        self._need()
        return list(self._entities.spans)

    def loaded_spans(self) -> list[Span]:
        """The spans read so far in reading order: every span starting before the end of the
        first screen (all spans once the model is complete)."""
        kinds = self.kinds
        return sorted(self._by_id.values(), key=lambda s: reading_key(s, kinds))

    def overlapping(self, start: int, end: int) -> tuple[list[Span], list[Span]]:
        """(directive spans, entity spans) overlapping [start, end), each sorted by start."""
        self._need(end)
        return self._directives.overlapping(start, end), self._entities.overlapping(start, end)

    def at(self, pos: int, *, include_rejected: bool = False) -> list[Span]:
        """Spans containing code point ``pos``, innermost (entity, shortest) first."""
        directives, entities = self.overlapping(pos, pos + 1)
        hits = [s for s in entities + directives if s.start <= pos < s.end
                and (include_rejected or s.state != SpanState.REJECTED)]
        kinds = self.kinds
        return sorted(hits, key=lambda s: (kinds.get(s.label) == LabelKind.DIRECTIVE, s.end - s.start))

    def find(self, start: int, end: int, label: str) -> Span | None:
        self._need(end)
        for span in self._entities.overlapping(start, end) + self._directives.overlapping(start, end):
            if (span.start, span.end, span.label) == (start, end, label):
                return span
        return None

    def relations_of(self, head: int, label: str | None = None) -> list[Relation]:
        return [r for r in self.relations if r.head == head and (label is None or r.label == label)]

    def units(self) -> list[tuple[int, int]]:
        """Syllable and punctuation units of the text (computed once per document)."""
        if self._units is None:
            self._units = syllables(self.text)
        return self._units

    # ------------------------------------------------------------------ changes (called by commands)
    def _layer(self, span: Span) -> _Layer:
        return self._directives if self.is_directive(span) else self._entities

    def add(self, span: Span) -> None:
        self._need()
        # the store is written first: the rest, read just now, may already hold this span
        known = self._by_id.get(span.id) if span.id is not None else None
        if known is not None:
            self._layer(known).remove(known)
        self._by_id[span.id] = span
        self._layer(span).add(span)
        self.spanAdded.emit(span)

    def remove(self, span_id: int) -> Span | None:
        self._need()
        span = self._by_id.pop(span_id, None)
        if span is None:
            return None
        self._layer(span).remove(span)
        before = len(self.relations)
        self.relations = [r for r in self.relations if span_id not in (r.head, r.tail)]
        self.spanRemoved.emit(span)
        if len(self.relations) != before:
            self.relationsChanged.emit()
        return span

    def replace(self, span: Span) -> None:
        self._need()
        old = self._by_id.get(span.id)
        if old is None:
            self.add(span)
            return
        self._layer(old).remove(old)
        self._by_id[span.id] = span
        self._layer(span).add(span)
        self.spanChanged.emit(old, span)

    def add_relation(self, relation: Relation) -> None:
        self.relations.append(relation)
        self.relationsChanged.emit()

    def remove_relation(self, relation_id: int) -> None:
        self.relations = [r for r in self.relations if r.id != relation_id]
        self.relationsChanged.emit()
