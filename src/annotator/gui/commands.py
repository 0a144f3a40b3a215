"""Undo commands: one per reviewer edit.

Each command remembers the document it belongs to; undo and redo first bring that document
on screen (so undo works across document switches), then change the store and the span
model through the session. The first edit runs in :meth:`ReviewSession._push` (so errors
reach the reviewer before anything lands on the stack); the stack's initial ``redo()`` is
then skipped.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.model import Relation, Span, SpanState, Status

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def state_name(state: SpanState) -> str:
    return {
        SpanState.SUGGESTED: translate("Commands", "suggested"),
        SpanState.ACCEPTED: translate("Commands", "accepted"),
        SpanState.REJECTED: translate("Commands", "rejected"),
    }[SpanState(state)]


def status_name(status: Status) -> str:
    return {
        Status.NEW: translate("Commands", "new"),
        Status.IN_PROGRESS: translate("Commands", "in progress"),
        Status.DONE: translate("Commands", "done"),
        Status.SKIPPED: translate("Commands", "skipped"),
    }[Status(status)]


class ReviewCommand(QUndoCommand):
    """Base: focus the command's document, then apply or revert; report failures."""

    def __init__(self, session, doc_id: int, text):
        """``text``: a function giving the command's text in the current language (for a live switch)."""
        self.text_of = text if callable(text) else (lambda: text)
        super().__init__(self.text_of())
        self.session = session
        self.doc_id = doc_id
        self.skip_first_redo = False

    def retranslate(self) -> None:
        self.setText(self.text_of())

    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _run(self, step) -> None:
        try:
            self.session.show_document(self.doc_id)
            step()
        except Exception as exc:  # noqa: BLE001 - never let a failed undo crash the window
            log.exception("undo/redo failed")
            self.session.message.emit(translate("Commands", "Could not undo or redo: {error}").format(error=exc))
            self.session.reload()

    def redo(self) -> None:
        if self.skip_first_redo:
            self.skip_first_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)


class AddSpan(ReviewCommand):
    """A new span; overlapping spans of the same kind it replaces are removed with it."""

    def __init__(self, session, doc_id: int, span: Span, replaced: list[int] = ()):
        super().__init__(
            session, doc_id, lambda: translate("Commands", "Add {label}").format(label=label_name(span.label))
        )
        self.span = span
        self.replaced_ids = list(replaced)
        self.removed: list[tuple[Span, list[Relation]]] = []

    def apply(self) -> None:
        s = self.session
        self.removed = [s.store_delete_span(i) for i in self.replaced_ids]
        self.span = s.store_add_span(self.doc_id, self.span)
        s.select(self.span.id)

    def revert(self) -> None:
        s = self.session
        s.store_delete_span(self.span.id)
        s.store_restore_spans(self.removed)
        s.select(None)


class DeleteSpan(ReviewCommand):
    def __init__(self, session, span: Span):
        super().__init__(
            session, span.doc_id, lambda: translate("Commands", "Delete {label}").format(label=label_name(span.label))
        )
        self.span_id = span.id
        self.removed: tuple[Span, list[Relation]] | None = None

    def apply(self) -> None:
        self.removed = self.session.store_delete_span(self.span_id)

    def revert(self) -> None:
        span, relations = self.removed
        self.session.store_restore_span(span, relations)
        self.session.select(span.id)


class UpdateSpan(ReviewCommand):
    """Changes some fields of one span; undo puts the old values back."""

    def __init__(self, session, span: Span, text: str, **changes):
        super().__init__(session, span.doc_id, text)
        self.span_id = span.id
        self.after = changes
        self.before = {key: getattr(span, key) for key in changes}

    def apply(self) -> None:
        self.session.store_update_span(self.span_id, **self.after)
        self.session.select(self.span_id)

    def revert(self) -> None:
        self.session.store_update_span(self.span_id, **self.before)
        self.session.select(self.span_id)


class RelabelSpan(UpdateSpan):
    """A new label; a relabelled suggestion counts as the reviewer's decision (accepted)."""

    def __init__(self, session, span: Span, label: str):
        super().__init__(
            session,
            span,
            lambda: translate("Commands", "Relabel {old} as {new}").format(old=span.label, new=label),
            label=label,
            state=SpanState.ACCEPTED,
        )


class ResizeSpan(UpdateSpan):
    """New bounds; spans of the same kind the new bounds overlap are removed with it (one step)."""

    def __init__(self, session, span: Span, start: int, end: int, replaced: list[int] = ()):
        super().__init__(
            session,
            span,
            lambda: translate("Commands", "Resize {label}").format(label=label_name(span.label)),
            start=start,
            end=end,
            state=SpanState.ACCEPTED,
        )
        self.replaced_ids = list(replaced)
        self.removed: list[tuple[Span, list[Relation]]] = []

    def apply(self) -> None:
        self.removed = [self.session.store_delete_span(i) for i in self.replaced_ids]
        super().apply()

    def revert(self) -> None:
        super().revert()
        self.session.store_restore_spans(self.removed)
        self.session.select(self.span_id)


class SetSpanState(UpdateSpan):
    def __init__(self, session, span: Span, state: SpanState):
        def text() -> str:
            return {
                SpanState.ACCEPTED: translate("Commands", "Accept {label}"),
                SpanState.REJECTED: translate("Commands", "Reject {label}"),
                SpanState.SUGGESTED: translate("Commands", "Mark {label} as suggested"),
            }[SpanState(state)].format(label=label_name(span.label))

        super().__init__(session, span, text, state=SpanState(state))


class AcceptAll(ReviewCommand):
    def __init__(self, session, doc_id: int, span_ids: list[int]):
        super().__init__(
            session, doc_id, lambda: translate("Commands", "Accept {count} suggestions").format(count=len(span_ids))
        )
        self.span_ids = list(span_ids)

    def apply(self) -> None:
        self.session.store_set_states(self.doc_id, self.span_ids, SpanState.ACCEPTED)

    def revert(self) -> None:
        self.session.store_set_states(self.doc_id, self.span_ids, SpanState.SUGGESTED)


class SetStatus(ReviewCommand):
    """A document status; marking done also accepts the suggestions the reviewer left standing.

    What a reviewer sees when pressing "done" is what the document is (as in Prodigy's
    correct mode): an untouched suggestion was judged right, and the training exports,
    which take accepted spans, must see it. Undo restores both.
    """

    def __init__(self, session, doc_id: int, status: Status, accept_ids: list[int] = ()):
        super().__init__(
            session, doc_id, lambda: translate("Commands", "Mark document {status}").format(status=status_name(status))
        )
        self.status = Status(status)
        self.previous: Status | None = None
        self.accept_ids = list(accept_ids)

    def apply(self) -> None:
        # status first: accepting spans of a "new" document would otherwise record "in progress"
        self.previous = self.session.store_set_status(self.doc_id, self.status)
        if self.accept_ids:
            self.session.store_set_states(self.doc_id, self.accept_ids, SpanState.ACCEPTED)

    def revert(self) -> None:
        if self.accept_ids:
            self.session.store_set_states(self.doc_id, self.accept_ids, SpanState.SUGGESTED)
        self.session.store_set_status(self.doc_id, self.previous)


class SetRelation(ReviewCommand):
    """Sets (or clears, with tail None) the issuer/addressee of a directive."""

    def __init__(self, session, doc_id: int, head: int, label: str, tail: int | None):
        def text() -> str:
            return (
                translate("Commands", "Clear {relation}") if tail is None else translate("Commands", "Set {relation}")
            ).format(relation=relation_name(label))

        super().__init__(session, doc_id, text)
        self.head, self.label, self.tail = head, label, tail
        self.old: list[Relation] = []
        self.new: Relation | None = None

    def apply(self) -> None:
        s = self.session
        self.old = s.spans.relations_of(self.head, self.label)
        for relation in self.old:
            s.store_delete_relation(self.doc_id, relation.id)
        if self.tail is not None:
            relation = Relation(
                head=self.head,
                tail=self.tail,
                label=self.label,
                origin="reviewer",
                id=self.new.id if self.new else None,
            )
            self.new = s.store_add_relation(self.doc_id, relation)

    def revert(self) -> None:
        s = self.session
        if self.new is not None:
            s.store_delete_relation(self.doc_id, self.new.id)
        for relation in self.old:
            s.store_add_relation(self.doc_id, replace(relation))


def relation_name(label: str) -> str:
    return {"issuer": translate("Commands", "issuer"), "addressee": translate("Commands", "addressee")}.get(
        label, label
    )


def label_name(label: str) -> str:
    """A label as the reviewer reads it: the built-in phrase label is translated."""
    return translate("Commands", "phrase") if label == "PHRASE" else label
