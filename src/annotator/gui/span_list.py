"""The span list of the current document: text, label, origin and state; click selects."""

from __future__ import annotations

import bisect

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from annotator.core.model import Span, SpanState
from annotator.core.navigator import reading_key
from annotator.gui.commands import label_name, state_name
from annotator.gui.highlighter import tint
from annotator.gui.label_palette import label_icon
from annotator.gui.session import ReviewSession

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate


class SpanListModel(QAbstractTableModel):
    TEXT, LABEL, ORIGIN, STATE = range(4)

    def __init__(self, session: ReviewSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows: list[Span] = []
        self._keys: list[tuple] = []
        model = session.spans
        model.modelReset.connect(self._reset)
        model.spanAdded.connect(self._added)
        model.spanRemoved.connect(self._removed)
        model.spanChanged.connect(self._changed)
        self.reload()

    def _key(self, span: Span) -> tuple:
        return reading_key(span, self.session.spans.kinds)

    def _reset(self) -> None:
        """A new document: empty now, filled right after the article has painted."""
        self.beginResetModel()
        self.rows, self._keys = [], []
        self.endResetModel()
        QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.session.spans.spans()
        self._keys = [self._key(s) for s in self.rows]
        self.endResetModel()

    def row_of(self, span_id: int | None) -> int:
        for i, span in enumerate(self.rows):
            if span.id == span_id:
                return i
        return -1

    def _added(self, span: Span) -> None:
        key = self._key(span)
        i = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), i, i)
        self.rows.insert(i, span)
        self._keys.insert(i, key)
        self.endInsertRows()

    def _removed(self, span: Span) -> None:
        i = self.row_of(span.id)
        if i < 0:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self.rows[i]
        del self._keys[i]
        self.endRemoveRows()

    def _changed(self, old: Span, new: Span) -> None:
        i = self.row_of(new.id)
        if i < 0:
            self._added(new)
            return
        if self._key(new) == self._keys[i]:
            self.rows[i] = new
            self.dataChanged.emit(self.index(i, 0), self.index(i, 3))
            return
        self._removed(old)
        self._added(new)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TEXT:
                text = " ".join(self.session.spans.text[span.start:span.end].split())
                return text if len(text) <= 80 else text[:77] + "…"
            if col == self.LABEL:
                return label_name(span.label)
            if col == self.ORIGIN:
                return span.origin.split(":", 1)[0]
            return state_name(span.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.ORIGIN:
                score = "" if span.score is None else f" ({span.score:.2f})"
                return span.origin + score
            return self.session.spans.text[span.start:span.end]
        if role == Qt.ItemDataRole.DecorationRole and col == self.LABEL:
            label = self.session.spans.labels.get(span.label)
            return label_icon(label, 24) if label else None
        if role == Qt.ItemDataRole.ForegroundRole and span.state == SpanState.REJECTED:
            return QBrush(QColor("#9aa0a6"))
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATE and span.state == SpanState.SUGGESTED:
            label = self.session.spans.labels.get(span.label)
            return QBrush(tint(label.colour if label else "#999999", 0.85))
        if role == Qt.ItemDataRole.FontRole and span.state == SpanState.REJECTED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                translate("SpanListModel", "Text"),
                translate("SpanListModel", "Label"),
                translate("SpanListModel", "Origin"),
                translate("SpanListModel", "State"),
            ][section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))


class SpanListPanel(QWidget):
    spanActivated = Signal(int)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("spanList")
        self.session = session
        self.model = SpanListModel(session, self)
        self.summary = QLabel(self)
        self.summary.setObjectName("spanSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("spanTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(max(self.fontMetrics().height() + 8, 24))
        hh = self.table.horizontalHeader()
        # fixed widths: ResizeToContents would read every row on every change
        hh.setSectionResizeMode(SpanListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        unit = self.fontMetrics().horizontalAdvance("M")
        for col, chars in ((SpanListModel.LABEL, 8), (SpanListModel.ORIGIN, 8), (SpanListModel.STATE, 9)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(col, unit * chars)
        hh.setHighlightSections(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._quiet = False
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        session.selectionChanged.connect(self._select)
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(60)
        self._summary_timer.timeout.connect(self._update_summary)
        self.model.modelReset.connect(self._update_summary)
        # a new document starts at the top of its list (then follows the selection)
        self.model.modelReset.connect(self.table.scrollToTop)
        self.model.modelReset.connect(lambda: self._select(self.session.selected_id))
        for sig in (session.spans.spanAdded, session.spans.spanRemoved, session.spans.spanChanged):
            sig.connect(lambda *_args: self._summary_timer.start())
        self.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """A narrow panel hides the origin column before it squeezes the span texts."""
        super().resizeEvent(event)
        unit = self.fontMetrics().horizontalAdvance("M")
        self.table.setColumnHidden(SpanListModel.ORIGIN, self.width() < unit * 36)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            span_id = self.model.rows[index.row()].id
            self.session.select(span_id)
            self.spanActivated.emit(span_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.session.select(self.model.rows[current.row()].id)

    def _select(self, span_id) -> None:
        self._quiet = True
        try:
            row = self.model.row_of(span_id)
            sm = self.table.selectionModel()
            if row < 0:
                # no current row either: else removing the deleted span's row slides it onto the
                # next one, which would select that span (perhaps a rejected one Enter then accepts)
                sm.clearCurrentIndex()
                sm.clearSelection()
                return
            index = self.model.index(row, 0)
            sm.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._quiet = False

    def _update_summary(self, *_args) -> None:
        states = [s.state for s in self.model.rows]
        suggested = states.count(SpanState.SUGGESTED)
        accepted = states.count(SpanState.ACCEPTED)
        rejected = states.count(SpanState.REJECTED)
        self.summary.setText(
            self.tr("{accepted} accepted · {suggested} to review · {rejected} rejected").format(
                accepted=accepted, suggested=suggested, rejected=rejected
            )
        )

    def retranslate(self) -> None:
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
