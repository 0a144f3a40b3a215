"""The review session: one corpus, one reviewer, the document on screen and its edits.

The session is the only GUI object that writes to the corpus. Every edit goes through an
undo command (:mod:`annotator.gui.commands`) that calls the ``store_*`` methods here; they
write to SQLite at once (no save step) and then update the :class:`SpanModel`, whose signals
the views follow.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core import navigator
from annotator.core.model import PHRASE_LABEL, Document, LabelKind, Relation, Span, SpanState, Status
from annotator.core.store import Corpus, CorpusError
from annotator.core.text import snap_to_syllables
from annotator.gui.active_time import ActiveTimer
from annotator.gui.settings import app_settings  # noqa: F401 - where callers have always found it
from annotator.gui.span_model import SpanModel, first_screen_end

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

UNFINISHED = (Status.NEW, Status.IN_PROGRESS)


class ReviewSession(QObject):
    """Corpus + reviewer + the document on screen + the undo stack."""

    documentChanged = Signal(object)     # doc id or None
    selectionChanged = Signal(object)    # span id or None
    documentEdited = Signal(int)         # a document's spans or status changed
    message = Signal(str)                # something to show in the status bar
    spanDecided = Signal(object, object)  # a span as it was and as it is now (either None): what learning hears

    def __init__(self, corpus: Corpus, reviewer: str, parent: QObject | None = None):
        super().__init__(parent)
        self.corpus = corpus
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.spans = SpanModel(self)
        self.spans.set_labels(corpus.labels())
        self.document: Document | None = None
        self.selected_id: int | None = None
        self.timer = ActiveTimer(self)
        self.timer.watch_input()  # idle detection; removed by close()
        self.snap_to_words = False
        self._remembered: dict[int, int] = {}   # doc id -> span selected when the reviewer left it
        self._word_units: dict[int, list[tuple[int, int]]] = {}
        self.word_units_factory: Callable[[str], list[tuple[int, int]]] = word_units

    # ------------------------------------------------------------------ documents
    @property
    def current_document_id(self) -> int | None:
        return self.document.id if self.document is not None else None

    @property
    def read_only(self) -> bool:
        return bool(self.corpus.read_only)

    def show_document(self, doc_id: int | None, *, force: bool = False) -> None:
        """Load a document into the span model (no-op when it is already shown)."""
        if doc_id == self.current_document_id and not force:
            return
        if self.document is not None and self.selected_id is not None:
            self._remembered[self.document.id] = self.selected_id
        if doc_id is None:
            self.timer.set_document(self.corpus, None)
            self.document = None
            self.selected_id = None
            self.spans.clear()
            self.documentChanged.emit(None)
            return
        # The span model holds the spans (the document object here carries none). They are read
        # lean (edits re-read what they change) and, for a long article, progressively: the
        # first screen's spans now, the rest right after the first paint.
        doc = self.corpus.document(doc_id, with_spans=False)
        cut = first_screen_end(doc.text)
        corpus = self.corpus
        if cut is None:
            spans, rest = corpus.spans(doc_id, provenance=False), None
        else:
            spans = corpus.spans(doc_id, provenance=False, starts=(0, cut))

            def rest() -> list[Span]:
                return corpus.spans(doc_id, provenance=False, starts=(cut, None))
        relations = corpus.relations(doc_id)
        self.timer.set_document(self.corpus, doc_id)
        self.document = doc
        self.selected_id = None
        self.spans.set_labels(self.corpus.labels())
        self.spans.set_document(doc.id, doc.text, spans, relations, rest=rest, loaded_until=cut)
        self.documentChanged.emit(doc.id)
        self.selectionChanged.emit(None)
        self.select(self.start_span_id(doc.id))

    def start_span_id(self, doc_id: int) -> int | None:
        """Where the reviewer starts in a document: the span selected when they left it, else the
        first suggestion still to review (so the first key already decides it)."""
        remembered = self._remembered.get(doc_id)
        if remembered is not None and self.spans.get(remembered) is not None:
            return remembered
        # the first screen's spans come first in reading order: look there before loading the rest
        first = navigator.next_span(self.spans.loaded_spans(), self.spans.kinds, from_pos=0, unreviewed=True,
                                    wrap=False)
        if first is None:
            first = self.next_unreviewed(True, from_pos=0)
        return first.id if first is not None else None

    def reload(self) -> None:
        """Re-read the document on screen from the corpus (after an error left views unsure)."""
        doc_id = self.current_document_id
        if doc_id is not None:
            try:
                self.show_document(doc_id, force=True)
            except KeyError:
                self.show_document(None)

    def refresh_status(self) -> Status | None:
        if self.document is None:
            return None
        summary = self.corpus.summaries([self.document.id])
        if summary:
            self.document.status = summary[0].status
        return self.document.status

    def close(self) -> None:
        self.timer.flush(to_now=True)
        self.timer.stop_watching()

    # ------------------------------------------------------------------ selection
    def select(self, span_id: int | None) -> None:
        if span_id is not None and self.spans.get(span_id) is None:
            span_id = None
        if span_id == self.selected_id:
            return
        self.selected_id = span_id
        self.selectionChanged.emit(span_id)

    @property
    def selected(self) -> Span | None:
        return self.spans.get(self.selected_id)

    def visible_spans(self, include_rejected: bool) -> list[Span]:
        return [s for s in self.spans.spans() if include_rejected or s.state != SpanState.REJECTED]

    def cycle(self, forward: bool, include_rejected: bool = False, from_pos: int | None = None) -> Span | None:
        """Select the next (or previous) span in reading order; wraps around."""
        spans = self.visible_spans(include_rejected)
        target = navigator.next_span(spans, self.spans.kinds, after=self.selected, from_pos=from_pos,
                                     forward=forward)
        if target is not None:
            self.select(target.id)
        return target

    def next_unreviewed(self, forward: bool = True, *, after: Span | None = None,
                        from_pos: int | None = None) -> Span | None:
        """The next (previous) suggestion still to review in reading order, wrapping; not selected."""
        return navigator.next_span(self.spans.spans(), self.spans.kinds, after=after, from_pos=from_pos,
                                   forward=forward, unreviewed=True)

    def overlapping_pairs(self) -> list[tuple[Span, Span]]:
        """Pairs of spans of the same kind (entity/entity, directive/directive) that overlap and are
        not rejected: what the overlap policy forbids (machine suggestions can still bring them)."""
        pairs = []
        for layer in (self.spans.entities(), self.spans.directives()):
            live = [s for s in layer if s.state != SpanState.REJECTED
                    and self.spans.labels.get(s.label) is not None
                    and self.spans.labels[s.label].kind != LabelKind.PHRASE]
            reach: Span | None = None
            for span in live:  # sorted by start
                if reach is not None and span.start < reach.end:
                    pairs.append((reach, span))
                if reach is None or span.end > reach.end:
                    reach = span
        return pairs

    def unissued_directives(self) -> list[tuple[int, Span]]:
        """(card number, directive) of the directives not rejected that have no issuer."""
        directives = [d for d in self.spans.directives() if d.state != SpanState.REJECTED]
        return [(n, d) for n, d in enumerate(directives, 1) if not self.spans.relations_of(d.id, "issuer")]

    # ------------------------------------------------------------------ snapping
    def units_for_snapping(self) -> list[tuple[int, int]]:
        if not self.snap_to_words or self.document is None:
            return self.spans.units()
        doc_id = self.document.id
        if doc_id not in self._word_units:
            try:
                self._word_units[doc_id] = self.word_units_factory(self.spans.text)
            except Exception:  # noqa: BLE001 - segmentation is a convenience; fall back to syllables
                self._word_units[doc_id] = self.spans.units()
        return self._word_units[doc_id]

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        return snap_to_syllables(self.spans.text, start, end, self.units_for_snapping())

    # ------------------------------------------------------------------ editing (pushes undo commands)
    def _can_edit(self) -> bool:
        if self.document is None:
            return False
        if self.read_only:
            self.message.emit(translate("ReviewSession", "This corpus is read-only; changes are not possible."))
            return False
        return True

    def _push(self, command) -> bool:
        """Run a command's first edit now (errors surface here), then put it on the undo stack."""
        try:
            command.apply()
        except (CorpusError, ValueError, KeyError) as exc:
            if isinstance(exc, CorpusError):
                from annotator.gui.errors import describe_corpus_error

                self.message.emit(describe_corpus_error(exc))
            else:
                self.message.emit(translate("ReviewSession", "Could not save the change: {error}").format(error=exc))
            self.reload()
            return False
        command.skip_first_redo = True
        self.undo_stack.push(command)
        return True

    def _editable_words(self, start: int, end: int) -> tuple[int, int] | None:
        """[start, end) snapped to whole syllables (or words) when the document can change; else None, said."""
        if not self._can_edit():
            return None
        snapped = self.snap(start, end)
        if snapped is None:
            self.message.emit(translate("ReviewSession", "The selection holds no word to label."))
        return snapped

    def create_span(self, start: int, end: int, label: str) -> Span | None:
        """A reviewer's new span over [start, end) snapped to syllables (or words)."""
        from annotator.gui.commands import AddSpan, SetSpanState

        snapped = self._editable_words(start, end)
        if snapped is None:
            return None
        start, end = snapped
        existing = self.spans.find(start, end, label)
        if existing is not None:  # the same span is there already: labelling it again accepts it
            if existing.state != SpanState.ACCEPTED:
                self._push(SetSpanState(self, existing, SpanState.ACCEPTED))
            self.select(existing.id)
            return self.spans.get(existing.id)
        kind = self.spans.labels[label].kind if label in self.spans.labels else LabelKind.ENTITY
        replaced = self.overlapping_same_kind(start, end, kind)
        span = Span(start=start, end=end, label=label, origin="reviewer", state=SpanState.ACCEPTED,
                    author=self.reviewer)
        command = AddSpan(self, self.document.id, span, [s.id for s in replaced])
        if self._push(command):
            self._say_replaced(replaced)
            return command.span
        return None

    def overlapping_same_kind(self, start: int, end: int, kind: LabelKind, *, ignore: int | None = None) -> list[Span]:
        """The overlap policy: entities may sit inside directives, but two spans of the same kind
        (two entities, two directives) never overlap. These are the spans [start, end) would replace."""
        if kind == LabelKind.PHRASE:
            return []
        directives, entities = self.spans.overlapping(start, end)
        pool = directives if kind == LabelKind.DIRECTIVE else [
            e for e in entities if self.spans.labels.get(e.label) is None
            or self.spans.labels[e.label].kind == LabelKind.ENTITY]
        return [s for s in pool if s.state != SpanState.REJECTED and s.id != ignore]

    def _say_replaced(self, replaced: list[Span]) -> None:
        """Never silent: name what an edit replaced (Ctrl+Z brings it back)."""
        if not replaced:
            return
        names = ", ".join(f"{s.label} “{self.span_text(s)}”" for s in replaced)
        self.message.emit(translate("ReviewSession", "Replaced {spans}, which overlapped (Ctrl+Z brings it back).")
                          .format(spans=names))

    def span_text(self, span: Span, limit: int = 40) -> str:
        text = " ".join(self.spans.text[span.start : span.end].split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def relabel(self, span_id: int, label: str) -> None:
        from annotator.gui.commands import RelabelSpan

        span = self.spans.get(span_id)
        if span is None or not self._can_edit():
            return
        if span.label == label:
            if span.state != SpanState.ACCEPTED:
                self.set_state(span_id, SpanState.ACCEPTED)
            return
        self._push(RelabelSpan(self, span, label))

    def resize(self, span_id: int, edge: str, grow: bool) -> bool:
        """Move the 'start' or 'end' edge of a span by one syllable, outwards (grow) or inwards.

        Growing into another span of the same kind replaces it, in the same undo step, and says so."""
        from annotator.gui.commands import ResizeSpan

        span = self.spans.get(span_id)
        if span is None or not self._can_edit():
            return False
        bounds = resized(self.spans.units(), span.start, span.end, edge, grow)
        if bounds is None or bounds == (span.start, span.end):
            return False
        label = self.spans.labels.get(span.label)
        kind = label.kind if label is not None else LabelKind.ENTITY
        replaced = self.overlapping_same_kind(*bounds, kind, ignore=span.id)
        if self._push(ResizeSpan(self, span, *bounds, replaced=[s.id for s in replaced])):
            self._say_replaced(replaced)
            return True
        return False

    def set_state(self, span_id: int, state: SpanState) -> None:
        from annotator.gui.commands import SetSpanState

        span = self.spans.get(span_id)
        if span is None or not self._can_edit() or span.state == state:
            return
        self._push(SetSpanState(self, span, state))

    def delete(self, span_id: int) -> None:
        from annotator.gui.commands import DeleteSpan

        span = self.spans.get(span_id)
        if span is None or not self._can_edit():
            return
        self._push(DeleteSpan(self, span))

    def accept_all(self) -> int:
        from annotator.gui.commands import AcceptAll

        if not self._can_edit():
            return 0
        ids = [s.id for s in self.spans.spans() if s.state == SpanState.SUGGESTED]
        if not ids:
            self.message.emit(translate("ReviewSession", "No suggestions left in this document."))
            return 0
        self._push(AcceptAll(self, self.document.id, ids))
        return len(ids)

    def set_status(self, status: Status) -> bool:
        from annotator.gui.commands import SetStatus

        if not self._can_edit():
            return False
        status = Status(status)
        accept = [s.id for s in self.spans.spans() if s.state == SpanState.SUGGESTED] if status == Status.DONE else []
        return self._push(SetStatus(self, self.document.id, status, accept))

    def directive_for(self, start: int, end: int) -> Span | None:
        """The directive a span [start, end) belongs to: the innermost one around it, else the
        nearest one after it (an issuer is often named just before the request)."""
        live = [d for d in self.spans.directives() if d.state != SpanState.REJECTED]
        around = [d for d in live if d.start <= start and end <= d.end]
        if around:
            return min(around, key=lambda d: d.end - d.start)
        after = [d for d in live if d.start >= end]
        return min(after, key=lambda d: d.start) if after else None

    def set_phrase_relation(self, head: int, label: str, start: int, end: int) -> Span | None:
        """Any words as issuer/addressee ("các sở, ngành"): an accepted PHRASE span (an entity
        span when the words are exactly one) becomes the relation's tail; one undo step."""
        from annotator.gui.commands import AddSpan

        snapped = self._editable_words(start, end)
        if snapped is None:
            return None
        start, end = snapped
        existing = next(
            (
                s
                for s in self.spans.overlapping(start, end)[1]
                if (s.start, s.end) == (start, end) and s.state != SpanState.REJECTED
            ),
            None,
        )
        from annotator.gui.commands import relation_name

        self.undo_stack.beginMacro(translate("ReviewSession", "Set {relation}").format(relation=relation_name(label)))
        try:
            if existing is None:
                if PHRASE_LABEL.name not in self.spans.labels:
                    self.corpus.ensure_label(PHRASE_LABEL.name)
                    self.spans.set_labels(self.corpus.labels())
                phrase = Span(
                    start=start,
                    end=end,
                    label=PHRASE_LABEL.name,
                    origin="reviewer",
                    state=SpanState.ACCEPTED,
                    author=self.reviewer,
                )
                command = AddSpan(self, self.document.id, phrase)
                if not self._push(command):
                    return None
                existing = command.span
            self.set_relation(head, label, existing.id)
        finally:
            self.undo_stack.endMacro()
        self.select(existing.id)
        return existing

    def set_relation(self, head: int, label: str, tail: int | None) -> None:
        from annotator.gui.commands import SetRelation

        if not self._can_edit():
            return
        current = [r.tail for r in self.spans.relations_of(head, label)]
        if current == ([] if tail is None else [tail]):
            return
        self._push(SetRelation(self, self.document.id, head, label, tail))

    # ------------------------------------------------------------------ store operations (used by commands)
    def _after_edit(self, doc_id: int) -> None:
        if self.document is not None and self.document.id == doc_id and self.document.status == Status.NEW:
            self.document.status = Status.IN_PROGRESS
        self.documentEdited.emit(doc_id)

    def store_add_span(self, doc_id: int, span: Span) -> Span:
        stored = self.corpus.add_span(doc_id, span, who=self.reviewer)
        if doc_id == self.spans.doc_id:
            self.spans.add(stored)
        self._after_edit(doc_id)
        self.spanDecided.emit(None, stored)
        return stored

    def store_delete_span(self, span_id: int) -> tuple[Span, list[Relation]]:
        span, relations = self.corpus.delete_span(span_id, who=self.reviewer)
        if span.doc_id == self.spans.doc_id:
            if self.selected_id == span_id:
                self.select(None)
            self.spans.remove(span_id)
        self._after_edit(span.doc_id)
        self.spanDecided.emit(span, None)
        return span, relations

    def store_restore_span(self, span: Span, relations: Sequence[Relation]) -> Span:
        stored = self.store_add_span(span.doc_id, span)
        for relation in relations:
            self.store_add_relation(span.doc_id, relation)
        return stored

    def store_restore_spans(self, removed: Sequence[tuple[Span, Sequence[Relation]]]) -> None:
        """Spans removed in one step come back together: every span first, then the relations,
        since one may join two of them."""
        for span, _relations in removed:
            self.store_add_span(span.doc_id, span)
        for span, relations in removed:
            for relation in relations:
                self.store_add_relation(span.doc_id, relation)

    def store_update_span(self, span_id: int, **changes) -> Span:
        before = self.spans.get(span_id)
        stored = self.corpus.update_span(span_id, who=self.reviewer, **changes)
        if stored.doc_id == self.spans.doc_id:
            self.spans.replace(stored)
        self._after_edit(stored.doc_id)
        self.spanDecided.emit(before, stored)
        return stored

    def store_set_states(self, doc_id: int, span_ids: Sequence[int], state: SpanState) -> None:
        before = self.corpus.set_spans_state(list(span_ids), state, who=self.reviewer)
        if doc_id == self.spans.doc_id:
            for span_id in span_ids:
                self.spans.replace(self.corpus.span(span_id))
        self._after_edit(doc_id)
        for old in before:
            self.spanDecided.emit(old, Span(**{**old.__dict__, "state": SpanState(state)}))

    def store_set_status(self, doc_id: int, status: Status) -> Status:
        previous = self.corpus.set_status(doc_id, status, who=self.reviewer)
        if self.document is not None and self.document.id == doc_id:
            self.document.status = Status(status)
        self.documentEdited.emit(doc_id)
        return previous

    def store_add_relation(self, doc_id: int, relation: Relation) -> Relation:
        stored = self.corpus.add_relation(doc_id, relation, who=self.reviewer)
        if doc_id == self.spans.doc_id:
            self.spans.add_relation(stored)
        self.documentEdited.emit(doc_id)
        return stored

    def store_delete_relation(self, doc_id: int, relation_id: int) -> None:
        self.corpus.delete_relation(relation_id, who=self.reviewer)
        if doc_id == self.spans.doc_id:
            self.spans.remove_relation(relation_id)
        self.documentEdited.emit(doc_id)


def resized(units: list[tuple[int, int]], start: int, end: int, edge: str, grow: bool) -> tuple[int, int] | None:
    """New (start, end) after moving one edge by one syllable/punctuation unit.

    ``edge`` is 'start' or 'end'; growing moves the edge outwards (start earlier, end later),
    shrinking moves it inwards but never empties the span.
    """
    starts = [u[0] for u in units]
    ends = [u[1] for u in units]
    if edge == "end":
        if grow:
            i = bisect.bisect_left(starts, end)
            return (start, units[i][1]) if i < len(units) else None
        i = bisect.bisect_left(ends, end) - 1
        while i >= 0 and ends[i] >= end:
            i -= 1
        return (start, ends[i]) if i >= 0 and ends[i] > start else None
    if grow:
        i = bisect.bisect_right(ends, start) - 1
        while i >= 0 and units[i][0] >= start:
            i -= 1
        return (units[i][0], end) if i >= 0 else None
    i = bisect.bisect_right(starts, start)
    return (starts[i], end) if i < len(units) and starts[i] < end else None


def word_units(text: str) -> list[tuple[int, int]]:
    """Word units by underthesea's word segmentation, the same as word-level exports."""
    from annotator.core.segmentation import word_units as words_of

    return words_of(text)
