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
            "<p><b>Reviewing.</b> A document opens on its first suggestion: Enter accepts it and X "
            "rejects it, and both go on to the next suggestion still to review, so each suggestion costs "
            "one key. N / P go to the next / previous suggestion, Tab / Shift+Tab to every span; a label "
            "key relabels the selected span, Del removes it. Rejecting a directive leaves the entities "
            "inside it to review: they come next.</p>"
            "<p><b>Labelling.</b> Ctrl+F or / finds words in the article as you type, accents optional; "
            "Enter selects the match. Shift+Left / Shift+Right extend a selection by a syllable. A label "
            "key (1–9) labels it, snapped to whole syllables (or words, View → Snap to words). A new or "
            "grown span replaces an overlapping span of its kind, and the status bar names it (Ctrl+Z "
            "brings it back).</p>"
            "<p><b>Resizing</b> the selected span by one syllable: Alt+Shift+Right / Alt+Shift+Left move "
            "its <i>end</i> later / earlier (grow / shrink); Alt+Shift+Up / Alt+Shift+Down move its "
            "<i>start</i> earlier / later (grow / shrink).</p>"
            "<p><b>Directives.</b> I / A make the selected span, or any selected words (“các sở, ngành”), "
            "the issuer / addressee of the directive it is in, else of the next directive. F6 moves "
            "through the panes up to the directive cards (Tab and arrows inside a card). Ctrl+Return "
            "names the directives still without an issuer.</p>"))
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
