"""Help → Keyboard shortcuts: every menu action with its keys, plus how resizing works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu title, action text, keys) for every action with a shortcut, in menu order."""
    rows = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
                continue
            if action.isSeparator():
                continue
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                rows.append((title, action.text().replace("&", ""), keys))

    for menu in menus:
        walk(menu, menu.title().replace("&", ""))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 680)
        layout = QVBoxLayout(self)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setText(self.tr(
            "<p><b>Labelling.</b> Select text with the mouse or Shift+arrow keys and press a label key "
            "(1–9): the span snaps to whole syllables (or words, View → Snap to words). With a span "
            "selected (click it, or Tab / Shift+Tab), a label key relabels it, Enter accepts a "
            "suggestion, X rejects it and Del removes it.</p>"
            "<p><b>Resizing</b> the selected span by one syllable: Alt+Shift+Right / Alt+Shift+Left move "
            "its <i>end</i> later / earlier (grow / shrink); Alt+Shift+Up / Alt+Shift+Down move its "
            "<i>start</i> earlier / later (grow / shrink). Left/Right act on the end, Up/Down on the "
            "start; the arrow points where the edge goes.</p>"
            "<p><b>Directives.</b> With an entity inside a directive selected, I makes it the issuer and "
            "A the addressee (press again to clear).</p>"))
        layout.addWidget(intro)
        rows = shortcut_rows(menus)
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table


def all_actions(menus: list[QMenu]) -> list[QAction]:
    out = []
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                out.extend(all_actions([action.menu()]))
            elif not action.isSeparator():
                out.append(action)
    return out
