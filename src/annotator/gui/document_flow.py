"""Moving between documents and panes: next/previous, next unfinished (corpus order or least
certain first), done and skip with their checks, F6 through the panes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from annotator.core import navigator
from annotator.core.model import Status
from annotator.gui.session import UNFINISHED
from annotator.gui.window_part import WindowPart

#: lupdate reads translate("Context", "literal") calls; these texts keep the window's context
translate = QCoreApplication.translate


class DocumentFlow(WindowPart):
    """Document and pane navigation of one window (named in the action table as ``flow.*``)."""

    def _ordered_ids(self) -> list[int]:
        return self.window.documents.model.ids

    def step_document(self, delta: int) -> None:
        """Alt+Right / Alt+Left: the next / previous document in the list; in least-certain order,
        "next" is the unfinished document the model is least sure about (Prodigy's ner.teach)."""
        if delta > 0 and self.window.actions_by_name["least_certain_order"].isChecked():
            self.go_next_unfinished()
            return
        ids = self._ordered_ids()
        if not ids:
            return
        target = navigator.step(ids, self.window.current_document_id, delta)
        if target is None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "This is the last document.")
                if delta > 0
                else translate("MainWindow", "This is the first document."),
                3000,
            )
            return
        self.window.show_document(target)

    def next_unfinished_id(self) -> int | None:
        """The next new or in-progress document: after the current one in list order (wrapping),
        or, in least-certain order, the one the model is least sure about."""
        flt = self.window.documents.current_filter()
        flt.status = list(UNFINISHED)
        ids = self.window.corpus.document_ids(flt)
        current = self.window.current_document_id
        if self.window.actions_by_name["least_certain_order"].isChecked():
            return navigator.least_certain(ids, self.window.corpus.suggestion_certainty(ids), current)
        return navigator.next_in_order(ids, current)

    def go_next_unfinished(self) -> bool:
        target = self.next_unfinished_id()
        if target is None:
            self.window.statusBar().showMessage(translate("MainWindow", "All documents are done."), 5000)
            return False
        self.window.show_document(target)
        return True

    def _finish_document(self, status: Status) -> None:
        """Give the current document its final status (unless it has it) and move on."""
        if self.window.current_document_id is None:
            return
        already = self.session.document.status == status
        if already or self.session.set_status(status):
            self.go_next_unfinished()

    def mark_done_and_next(self) -> None:
        """Ctrl+Return: says which directives have no issuer; with the setting on, refuses until they have one."""
        if self.window.current_document_id is None:
            return
        overlaps = self.session.overlapping_pairs()
        if overlaps:  # done would accept both: say so and let the reviewer keep one
            first, second = overlaps[0]
            self.session.select(second.id)
            self.window.statusBar().showMessage(
                translate("MainWindow", "Not done: {a} and {b} overlap; keep one (X rejects the selected one).").format(
                    a=f"{first.label} “{self.session.span_text(first)}”",
                    b=f"{second.label} “{self.session.span_text(second)}”",
                ),
                10000,
            )
            return
        missing = self.session.unissued_directives()
        numbers = ", ".join(str(n) for n, _d in missing)
        if missing and self.window.actions_by_name["require_issuer"].isChecked():
            self.session.select(missing[0][1].id)
            self.window.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Not done: directive {numbers} has no issuer. Select the issuer and press I "
                    "(Document → Require an issuer turns this check off).",
                ).format(numbers=numbers),
                10000,
            )
            return
        self._finish_document(Status.DONE)
        if missing:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Marked done; directive {numbers} of that document has no issuer.").format(
                    numbers=numbers
                ),
                10000,
            )

    def skip_document(self) -> None:
        self._finish_document(Status.SKIPPED)

    def focus_search(self) -> None:
        if not self.window.documents_dock.isVisible():
            self.window.documents_dock.show()
        self.window.documents.search.setFocus()
        self.window.documents.search.selectAll()

    def focus_list(self) -> None:
        self.window.documents.table.setFocus()

    def focus_article(self) -> None:
        self.view.setFocus()

    def panes(self) -> list[QWidget]:
        """What F6 visits, in order: document list, article, span list, directive cards."""
        panes = [
            (self.window.documents_dock, self.window.documents.table),
            (None, self.view),
            (self.window.spans_dock, self.window.span_list.table),
            (self.window.directives_dock, self.window.directives),
        ]
        return [w for dock, w in panes if dock is None or dock.isVisible()]

    def cycle_panes(self, forward: bool = True) -> None:
        panes = self.panes()
        focus = self.window.focusWidget()
        current = next(
            (i for i, w in enumerate(panes) if focus is not None and (w is focus or w.isAncestorOf(focus))), -1
        )
        target = panes[(current + (1 if forward else -1)) % len(panes)]
        if target is self.window.directives:
            self.window.directives.focus_card(self.session.selected)
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)
