"""The review session: one corpus, one reviewer, the document on screen and its edits.

The session is the only GUI object that writes to the corpus. Every edit goes through an
undo command (:mod:`annotator.gui.commands`) that calls the ``store_*`` methods here; they
write to SQLite at once (no save step) and then update the :class:`SpanModel`, whose signals
the views follow.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Document, LabelKind, Relation, Span, SpanState, Status
from annotator.core.store import Corpus, CorpusError
from annotator.core.text import snap_to_syllables
from annotator.gui.span_model import SpanModel

ORGANISATION = "annotator"
APPLICATION = "annotator"
UNFINISHED = (Status.NEW, Status.IN_PROGRESS)


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewSession", text)


def app_settings() -> QSettings:
    """The app's settings (organisation "annotator").

    Built with ``QSettings.defaultFormat()`` (NativeFormat unless changed), so tests and the
    smoke test can point every settings read and write at a temporary folder with
    ``QSettings.setDefaultFormat(IniFormat)`` + ``QSettings.setPath(...)``; the two-string
    constructor would always use the native location.
    """
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


# What counts as the reviewer being at the keyboard: checked for every event in the app, so a
# frozenset lookup (QEvent.Type hashes by value) is all the per-event work there is.
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.InputMethod,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
})


class ActiveTimer(QObject):
    """Active time on the document on screen.

    The clock runs while a document is shown and the window is active (:meth:`set_active`), and
    stops when the reviewer is idle: no key press, mouse press/move/wheel anywhere in the app
    for ``idle_limit`` seconds. An idle stretch is not counted: the time counted ends at the
    last input plus ``grace`` seconds; the next input starts the clock again.

    Input is noticed by an application-wide event filter (:meth:`watch_input`, removed by
    :meth:`stop_watching`) that only notes the time of each input event. Time after the last
    input is provisional until further input within the idle limit confirms it (or the stretch
    ends by a document switch, deactivation or close), so a periodic :meth:`flush` never writes
    time that may still turn out to be idle.

    ``clock`` (monotonic seconds) can be replaced, e.g. by a fake clock in tests; the timer
    carries its running stretch over to the new clock.
    """

    IDLE_LIMIT = 120.0   # seconds without input after which the reviewer counts as away
    IDLE_GRACE = 5.0     # seconds after the last input still counted when the reviewer went away

    def __init__(self, parent: QObject | None = None, *, idle_limit: float | None = None,
                 grace: float | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self._clock: Callable[[], float] = clock or time.monotonic
        self.idle_limit = float(self.IDLE_LIMIT if idle_limit is None else idle_limit)
        self.grace = float(self.IDLE_GRACE if grace is None else grace)
        self._accumulated = 0.0           # seconds counted, not yet written
        self._start: float | None = None  # start of the stretch being counted (None: stopped or idle)
        self._last_input = -math.inf      # clock time of the last key/mouse input in the app
        self._watching = False
        self.doc_id: int | None = None
        self.corpus: Corpus | None = None
        self._active = False

    # ------------------------------------------------------------------ clock
    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        shift = clock() - self._clock()
        if self._start is not None:
            self._start += shift
        self._last_input += shift
        self._clock = clock

    # ------------------------------------------------------------------ input watching
    def watch_input(self) -> None:
        """Notice key and mouse input anywhere in the application (an app-wide event filter)."""
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def stop_watching(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # runs for every event in the app: a set lookup, and for input a clock read
        if event.type() in INPUT_EVENTS:
            now = self._clock()
            if now - self._last_input > self.idle_limit:
                self._wake(now)
            self._last_input = now
        return False

    def note_input(self) -> None:
        """The reviewer touched the keyboard or mouse now (what the event filter does)."""
        now = self._clock()
        if now - self._last_input > self.idle_limit:
            self._wake(now)
        self._last_input = now

    def _wake(self, now: float) -> None:
        """First input after a pause longer than the idle limit: close the stretch before it
        (counting it only up to the last input + grace if it was idle) and count from now on."""
        self._settle(now, to_now=True)
        if self._start is None and self._running:
            self._start = now

    # ------------------------------------------------------------------ document and activation
    @property
    def _running(self) -> bool:
        return self._active and self.doc_id is not None

    @property
    def idle(self) -> bool:
        """True while the clock would run but stands still for want of input."""
        if not self._running:
            return False
        if self._start is None:
            return True
        return self._clock() - max(self._last_input, self._start) > self.idle_limit

    def set_document(self, corpus: Corpus | None, doc_id: int | None) -> None:
        self.flush(to_now=True)
        self.corpus, self.doc_id = corpus, doc_id
        self._start = self._clock() if self._running else None

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        now = self._clock()
        if not active:
            self._settle(now, to_now=True)
        self._active = active
        self._start = now if self._running else None

    def _stretch_end(self, now: float, to_now: bool) -> tuple[float, bool]:
        """Where the stretch being counted ends, and whether the reviewer has gone idle.

        Idle: the stretch ends at the last input (or its start) + grace. Otherwise it ends now
        (``to_now``: the stretch is over) or at the last input (a periodic flush: what follows
        is provisional until more input arrives).
        """
        last = max(self._last_input, self._start)
        if now - last > self.idle_limit:
            return min(last + min(self.grace, self.idle_limit), now), True
        return (now if to_now else last), False

    def _settle(self, now: float, *, to_now: bool) -> None:
        """Move the stretch being counted into the accumulated time."""
        start = self._start
        if start is None:
            return
        end, idle = self._stretch_end(now, to_now)
        self._start = None if idle else end
        if end > start:
            self._accumulated += end - start

    def pending_seconds(self) -> float:
        """Seconds counted and not yet written, including the stretch running now."""
        if self._start is None:
            return self._accumulated
        end, _idle = self._stretch_end(self._clock(), True)
        return self._accumulated + max(0.0, end - self._start)

    def flush(self, *, to_now: bool = False) -> float:
        """Write the time gathered so far to the corpus; returns the seconds written.

        A periodic flush writes the time up to the last input (the rest is written once more
        input shows the reviewer was there); ``to_now`` ends the stretch now, for a document
        switch or close.
        """
        self._settle(self._clock(), to_now=to_now)
        seconds = self._accumulated
        self._accumulated = 0.0
        if seconds > 0 and self.corpus is not None and self.doc_id is not None:
            try:
                self.corpus.add_time(self.doc_id, seconds)
            except (CorpusError, KeyError):
                return 0.0
        return seconds


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
        if doc_id is None:
            self.timer.set_document(self.corpus, None)
            self.document = None
            self.selected_id = None
            self.spans.clear()
            self.documentChanged.emit(None)
            return
        doc = self.corpus.document(doc_id)
        self.timer.set_document(self.corpus, doc_id)
        self.document = doc
        self.selected_id = None
        self.spans.set_labels(self.corpus.labels())
        self.spans.set_document(doc.id, doc.text, doc.spans, doc.relations)
        self.documentChanged.emit(doc.id)
        self.selectionChanged.emit(None)

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
        if not spans:
            return None
        ids = [s.id for s in spans]
        if self.selected_id in ids:
            i = ids.index(self.selected_id)
            target = spans[(i + (1 if forward else -1)) % len(spans)]
        elif from_pos is not None:
            starts = [s.start for s in spans]
            if forward:
                i = bisect.bisect_left(starts, from_pos)
                target = spans[i % len(spans)]
            else:
                i = bisect.bisect_left(starts, from_pos) - 1
                target = spans[i]
        else:
            target = spans[0] if forward else spans[-1]
        self.select(target.id)
        return target

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
            self.message.emit(_t("This corpus is read-only; changes are not possible."))
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
                self.message.emit(_t("Could not save the change: {error}").format(error=exc))
            self.reload()
            return False
        command.skip_first_redo = True
        self.undo_stack.push(command)
        return True

    def create_span(self, start: int, end: int, label: str) -> Span | None:
        """A reviewer's new span over [start, end) snapped to syllables (or words)."""
        from annotator.gui.commands import AddSpan, SetSpanState

        if not self._can_edit():
            return None
        snapped = self.snap(start, end)
        if snapped is None:
            self.message.emit(_t("The selection holds no word to label."))
            return None
        start, end = snapped
        existing = self.spans.find(start, end, label)
        if existing is not None:  # the same span is there already: labelling it again accepts it
            if existing.state != SpanState.ACCEPTED:
                self._push(SetSpanState(self, existing, SpanState.ACCEPTED))
            self.select(existing.id)
            return self.spans.get(existing.id)
        kind = self.spans.labels[label].kind if label in self.spans.labels else LabelKind.ENTITY
        directives, entities = self.spans.overlapping(start, end)
        same_kind = directives if kind == LabelKind.DIRECTIVE else entities
        replaced = [s.id for s in same_kind if s.state != SpanState.REJECTED]
        span = Span(start=start, end=end, label=label, origin="reviewer", state=SpanState.ACCEPTED,
                    author=self.reviewer)
        command = AddSpan(self, self.document.id, span, replaced)
        if self._push(command):
            return command.span
        return None

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
        """Move the 'start' or 'end' edge of a span by one syllable, outwards (grow) or inwards."""
        from annotator.gui.commands import ResizeSpan

        span = self.spans.get(span_id)
        if span is None or not self._can_edit():
            return False
        bounds = resized(self.spans.units(), span.start, span.end, edge, grow)
        if bounds is None or bounds == (span.start, span.end):
            return False
        return self._push(ResizeSpan(self, span, *bounds))

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
            self.message.emit(_t("No suggestions left in this document."))
            return 0
        self._push(AcceptAll(self, self.document.id, ids))
        return len(ids)

    def set_status(self, status: Status) -> bool:
        from annotator.gui.commands import SetStatus

        if not self._can_edit():
            return False
        status = Status(status)
        accept = ([s.id for s in self.spans.spans() if s.state == SpanState.SUGGESTED]
                  if status == Status.DONE else [])
        return self._push(SetStatus(self, self.document.id, status, accept))

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
