"""Find in the article: a one-line bar under the text (Ctrl+F or /).

Incremental and accent-insensitive (:mod:`annotator.core.find`): each key selects the first
match at or after the caret. Down/F3 goes to the next match, Up/Shift+Enter/Shift+F3 to the
previous one; Enter or Esc closes the bar and gives the keyboard back to the article with the
match selected, so the label key that follows (1–9, I, A) labels it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.core.find import find_all, fold
from annotator.gui.article_view import ArticleView


class FindBar(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setStyleSheet("color: #5f6368; padding: 0 6px;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(50, 4, 28, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.setStyleSheet("QWidget#findBar { background: #f6f7f9; border-top: 1px solid #e3e6ea; }")
        self._folded: tuple[int | None, str] = (None, "")
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._origin = 0
        self.edit.textEdited.connect(self._search)
        self.edit.installEventFilter(self)
        view.session.spans.modelReset.connect(self._document_changed)
        self.retranslate()
        self.hide()

    def open(self) -> None:
        self._origin = self.view.from_utf16(self.view.textCursor().selectionStart())
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self._search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _document_changed(self) -> None:
        self.matches, self.current = [], -1
        if self.isVisible():
            self.close_bar()

    def _haystack(self) -> tuple[str, str]:
        model = self.view.session.spans
        if self._folded[0] != id(model.text):
            self._folded = (id(model.text), fold(model.text))
        return model.text, self._folded[1]

    def _search(self, query: str) -> None:
        text, folded = self._haystack()
        self.matches = find_all(text, query, folded=folded)
        self.current = -1
        if not self.matches:
            self.count.setText(self.tr("No match") if query.strip() else "")
            return
        first = next((i for i, (a, _b) in enumerate(self.matches) if a >= self._origin), 0)
        self._go(first)

    def _go(self, index: int) -> None:
        if not self.matches:
            return
        self.current = index % len(self.matches)
        start, end = self.matches[self.current]
        self.view.session.select(None)
        self.view.select_text(start, end)
        self.view.center_on(start, end)
        self.count.setText(self.tr("{n} of {total}").format(n=self.current + 1, total=len(self.matches)))

    def step(self, forward: bool) -> None:
        if self.matches:
            self._go(self.current + (1 if forward else -1))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift):
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Up) or (key == Qt.Key.Key_F3 and shift):
                self.step(False)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_F3):
                self.step(True)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Find in the article (accents optional): Enter selects, "
                                             "Down/Up for other matches"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
