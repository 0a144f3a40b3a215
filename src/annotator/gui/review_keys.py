"""The span keys of the review window: label, accept, reject, move, resize, relate, find.

Enter and X decide a suggestion and move on to the next one still to review (one key per
suggestion); N/P move between suggestions, Tab between all spans; I/A make the selected span,
or any selected words as a phrase, the issuer/addressee of a directive. Every edit goes through
the session (undo commands that write to SQLite at once).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Span, SpanState
from annotator.gui.window_part import WindowPart

#: lupdate reads translate("Context", "literal") calls; these texts keep the window's context
translate = QCoreApplication.translate


class ReviewKeys(WindowPart):
    """Handlers of the span keys of one window (named in :mod:`annotator.gui.actions` as ``keys.*``)."""

    def apply_label(self, label: str) -> None:
        """Label key: create a span from the text selection, or relabel the selected span."""
        rng = self.view.selection_range()
        if rng is not None:
            span = self.session.create_span(rng[0], rng[1], label)
            if span is not None:
                self.view.clear_text_selection(at=span.end)
            return
        if self.session.selected_id is not None:
            self.session.relabel(self.session.selected_id, label)
            return
        self.window.statusBar().showMessage(translate("MainWindow", "Select some text or a span first."), 3000)

    def _go_to_next_unreviewed(self, after: Span | None) -> None:
        target = self.session.next_unreviewed(True, after=after,
                                              from_pos=None if after else self._caret())
        if target is not None:
            self.session.select(target.id)
        else:
            if after is not None:
                self.session.select(after.id if self.session.spans.get(after.id) and (
                    self.view.highlighter.show_rejected or after.state != SpanState.REJECTED) else None)
            self.window.statusBar().showMessage(
                translate("MainWindow", "No suggestions left to review here: Ctrl+Return marks the document done."),
                5000,
            )

    def _caret(self) -> int:
        return self.view.from_utf16(self.view.textCursor().position())

    def accept_selected(self) -> None:
        """Enter: accept the selected span and go to the next suggestion still to review.

        Without a selected span, Enter goes to the next suggestion after the caret."""
        span = self.session.selected
        if span is not None and span.state != SpanState.ACCEPTED:
            self.session.set_state(span.id, SpanState.ACCEPTED)
        self._go_to_next_unreviewed(self.session.spans.get(span.id) if span is not None else None)

    def reject_selected(self) -> None:
        """X: reject and go to the next suggestion in reading order. Rejecting a directive leaves the
        entities inside it to review: they come next."""
        span = self.session.selected
        if span is None:
            return
        self.session.set_state(span.id, SpanState.REJECTED)
        self._go_to_next_unreviewed(self.session.spans.get(span.id) or span)

    def step_unreviewed(self, forward: bool) -> None:
        """N / P: the next / previous suggestion still to review."""
        after = self.session.selected
        target = self.session.next_unreviewed(forward, after=after, from_pos=None if after else self._caret())
        if target is None:
            self.window.statusBar().showMessage(translate("MainWindow", "No suggestions left to review here."), 3000)
            return
        self.session.select(target.id)

    def delete_selected(self) -> None:
        span = self.session.selected
        if span is not None:
            self.session.delete(span.id)

    def clear_selection(self) -> None:
        self.session.select(None)

    def cycle_span(self, forward: bool) -> None:
        self.session.cycle(forward, include_rejected=self.view.highlighter.show_rejected, from_pos=self._caret())

    def resize_selected(self, edge: str, grow: bool) -> None:
        if self.session.selected_id is not None:
            self.session.resize(self.session.selected_id, edge, grow)

    def accept_all(self) -> None:
        n = self.session.accept_all()
        if n:
            self.window.statusBar().showMessage(translate("MainWindow", "Accepted {n} suggestions.").format(n=n), 4000)

    def relate_selected(self, relation: str) -> None:
        """I / A: the selected span, or the selected text as a phrase, becomes issuer / addressee of
        the directive it is in, else of the nearest directive after it."""
        rng = self.view.selection_range()
        span = self.session.selected
        if rng is None and span is not None and self.session.spans.is_directive(span):
            self.window.directives_dock.show()
            self.window.directives.focus_card(span, relation)
            return
        if rng is None and span is None:
            self.window.statusBar().showMessage(translate("MainWindow", "Select a span or some text first."), 3000)
            return
        start, end = rng if rng is not None else (span.start, span.end)
        directive = self.session.directive_for(start, end)
        if directive is None:
            self.window.statusBar().showMessage(translate("MainWindow", "No directive here or after this text."), 4000)
            return
        if rng is not None:
            self.session.set_phrase_relation(directive.id, relation, start, end)
            self.view.clear_text_selection()
            return
        current = [r.tail for r in self.session.spans.relations_of(directive.id, relation)]
        self.session.set_relation(directive.id, relation, None if current == [span.id] else span.id)

    def open_find(self) -> None:
        self.window.find_bar.open()
