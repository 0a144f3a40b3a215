"""The document list dock: a lazy table over the corpus with filters and full-text search.

The model holds only the ids of the matching documents (``Corpus.document_ids``) and fetches
row summaries (no texts) a page at a time into a small LRU cache, so a corpus of 100,000
documents scrolls without loading its texts.
"""

from __future__ import annotations

import bisect
import time
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DocumentSummary, Status
from annotator.core.store import Corpus, DocumentFilter
from annotator.gui.commands import status_name

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

PAGE_SIZE = 200
MAX_PAGES = 16

STATUS_COLOURS = {
    Status.NEW: "#9aa0a6",
    Status.IN_PROGRESS: "#f29900",
    Status.DONE: "#1e8e3e",
    Status.SKIPPED: "#5f6368",
}


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_WANTED = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _ALIGN, _USER))
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


_ICONS: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """Small drawn icons: hollow circle (new), half disc (in progress), tick (done), dash (skipped)."""
    if status in _ICONS:
        return _ICONS[status]
    size = 32
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    r = 11
    c = QPointF(size / 2, size / 2)
    if status == Status.NEW:
        p.setPen(QPen(colour, 3))
        p.drawEllipse(c, r, r)
    elif status == Status.IN_PROGRESS:
        p.setPen(QPen(colour, 3))
        p.drawEllipse(c, r, r)
        path = QPainterPath()
        path.moveTo(c)
        path.arcTo(c.x() - r, c.y() - r, 2 * r, 2 * r, 90, -180)
        path.closeSubpath()
        p.fillPath(path, colour)
    elif status == Status.DONE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(c, r + 1.5, r + 1.5)
        p.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawPolyline([QPointF(10, 16.5), QPointF(14.5, 21), QPointF(22.5, 12)])
    else:
        p.setPen(QPen(colour, 3))
        p.drawEllipse(c, r, r)
        p.drawLine(QPointF(10, 16), QPointF(22, 16))
    p.end()
    _ICONS[status] = QIcon(pix)
    return _ICONS[status]


class DocumentListModel(QAbstractTableModel):
    """Rows: status icon, title, span count, suggested count; loaded lazily by page."""

    COLUMNS = 4
    STATUS, TITLE, SPANS, SUGGESTED = range(4)

    def __init__(self, corpus: Corpus, parent=None):
        super().__init__(parent)
        self.corpus = corpus
        self.filter = DocumentFilter()
        self.ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, DocumentSummary]] = OrderedDict()
        self.pages_fetched = 0
        self.fetch_seconds = 0.0
        self._last_page = -1
        self._last_rows: dict[int, DocumentSummary] = {}

    # ------------------------------------------------------------------ loading
    def set_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.filter = DocumentFilter()
        self.reload()

    def set_filter(self, flt: DocumentFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self.ids = self.corpus.document_ids(self.filter)
        except Exception:  # noqa: BLE001 - e.g. a malformed full-text query: show nothing
            self.ids = []
        self._pages.clear()
        self._last_page = -1
        self.endResetModel()

    def _page(self, page: int) -> dict[int, DocumentSummary]:
        cached = self._pages.get(page)
        if cached is not None:
            self._pages.move_to_end(page)
            return cached
        t0 = time.perf_counter()
        chunk = self.ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        rows = {s.id: s for s in self.corpus.summaries(chunk)}
        self.fetch_seconds += time.perf_counter() - t0
        self.pages_fetched += 1
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def summary(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE_SIZE
        if page == self._last_page:
            return self._last_rows.get(self.ids[row])
        rows = self._page(page)
        self._last_page, self._last_rows = page, rows
        return rows.get(self.ids[row])

    def row_of(self, doc_id: int) -> int:
        """Row of a document id, or -1 (ids are sorted, so this is a bisect)."""
        i = bisect.bisect_left(self.ids, doc_id)
        return i if i < len(self.ids) and self.ids[i] == doc_id else -1

    def insertion_row(self, doc_id: int) -> int:
        return bisect.bisect_left(self.ids, doc_id)

    def refresh_document(self, doc_id: int) -> None:
        """Forget a changed document's cached row and repaint it."""
        row = self.row_of(doc_id)
        if row < 0:
            return
        self._pages.pop(row // PAGE_SIZE, None)
        self._last_page = -1
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: QModelIndex, role=_DISPLAY):
        # hot path: a view asks ~7 roles per cell on every scroll step; answer the unused ones first
        role = int(role)
        if role not in _WANTED:
            return None
        row, col = index.row(), index.column()
        if role == _USER:
            return self.ids[row]
        if role == _ALIGN:
            return _RIGHT if col >= 2 else None
        s = self.summary(row)
        if s is None:
            return None
        if col == 0:
            if role == _DECORATION:
                return status_icon(s.status)
            return status_name(s.status) if role == _TOOLTIP else None
        if role == _DECORATION:
            return None
        if col == 1:
            title = s.title or translate("DocumentListModel", "(untitled #{id})").format(id=s.id)
            if role == _TOOLTIP:
                extra = translate("DocumentListModel", "reviewer: {name}").format(name=s.reviewer) if s.reviewer else ""
                return "\n".join(x for x in (title, status_name(s.status), extra) if x)
            return title
        if col == 2:
            return s.span_count if role == _DISPLAY else translate("DocumentListModel", "spans (not rejected)")
        if role == _TOOLTIP:
            return translate("DocumentListModel", "suggestions still to review")
        return s.suggested_count or ""

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ["", translate("DocumentListModel", "Title"), translate("DocumentListModel", "Spans"),
                    translate("DocumentListModel", "To review")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                translate("DocumentListModel", "Status"),
                translate("DocumentListModel", "Title"),
                translate("DocumentListModel", "Spans (not rejected)"),
                translate("DocumentListModel", "Suggestions still to review"),
            ][section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, self.COLUMNS - 1))


class DocumentListPanel(QWidget):
    """Search box, filters and the lazy document table."""

    documentActivated = Signal(int)
    documentOpened = Signal(int)  # Enter on a search: the reviewer wants to work on it
    filterChanged = Signal()

    STATUS_FILTERS = ("all", "unfinished", "new", "in_progress", "done", "skipped")

    def __init__(self, corpus: Corpus, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentList")
        self.model = DocumentListModel(corpus, self)
        self.search = QLineEdit(self)
        self.search.setObjectName("documentSearch")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.label_filter = QComboBox(self)
        self.reviewer_filter = QComboBox(self)
        self.table = QTableView(self)
        self.table.setObjectName("documentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(14, 14))
        self.table.verticalHeader().hide()
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(self.fontMetrics().height() + 10, 26))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(DocumentListModel.STATUS, QHeaderView.ResizeMode.Fixed)
        hh.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(DocumentListModel.SPANS, QHeaderView.ResizeMode.Fixed)
        hh.setSectionResizeMode(DocumentListModel.SUGGESTED, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(DocumentListModel.STATUS, 30)
        hh.resizeSection(DocumentListModel.SPANS, 56)
        hh.resizeSection(DocumentListModel.SUGGESTED, 72)
        hh.setHighlightSections(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # one filter a row: the panel can narrow to its widest filter and no filter text is cut,
        # in any language
        for combo in (self.status_filter, self.label_filter, self.reviewer_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        for combo in (self.status_filter, self.label_filter, self.reviewer_filter):
            layout.addWidget(combo)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.open_first_hit)
        self.search.installEventFilter(self)
        # Tab leaves the list for the next pane instead of walking its cells
        self.table.setTabKeyNavigation(False)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.label_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.reviewer_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._quiet = False
        self._fill_filters()
        self.retranslate()
        self.model.reload()

    # ------------------------------------------------------------------ filters
    @property
    def corpus(self) -> Corpus:
        return self.model.corpus

    def set_corpus(self, corpus: Corpus) -> None:
        self._quiet = True
        try:
            self.search.clear()
            self.model.corpus = corpus
            self._fill_filters()
            self._debounce.stop()
            self.model.set_filter(DocumentFilter())
        finally:
            self._quiet = False

    def _fill_filters(self) -> None:
        self._quiet, quiet = True, self._quiet
        try:
            current_label = self.label_filter.currentData()
            current_reviewer = self.reviewer_filter.currentData()
            if self.status_filter.count() == 0:
                for key in self.STATUS_FILTERS:
                    self.status_filter.addItem("", key)
            self.label_filter.clear()
            self.label_filter.addItem("", None)
            for label in self.corpus.labels():
                self.label_filter.addItem(label.name, label.name)
            self.reviewer_filter.clear()
            self.reviewer_filter.addItem("", None)
            for name in self.reviewers():
                self.reviewer_filter.addItem(name, name)
            for combo, value in ((self.label_filter, current_label), (self.reviewer_filter, current_reviewer)):
                i = combo.findData(value)
                combo.setCurrentIndex(max(i, 0))
            self.retranslate()
        finally:
            self._quiet = quiet

    def reviewers(self) -> list[str]:
        try:
            return self.corpus.reviewers()
        except Exception:  # noqa: BLE001
            return []

    def refresh_filters(self) -> None:
        self._fill_filters()

    def current_filter(self) -> DocumentFilter:
        key = self.status_filter.currentData() or "all"
        statuses = None
        if key == "unfinished":
            statuses = [Status.NEW, Status.IN_PROGRESS]
        elif key != "all":
            statuses = [Status(key)]
        query = self.search.text().strip() or None
        return DocumentFilter(
            status=statuses,
            label=self.label_filter.currentData(),
            reviewer=self.reviewer_filter.currentData(),
            query=query,
        )

    def apply_filter(self) -> None:
        if self._quiet:
            return
        self._debounce.stop()
        current = self.current_id()
        self.model.set_filter(self.current_filter())
        if current is not None:
            self.select_document(current)
        self.filterChanged.emit()

    def open_first_hit(self) -> None:
        """Enter in the search box: filter now and open the first document found."""
        self.apply_filter()
        if self.model.ids:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, DocumentListModel.TITLE))
            self.documentActivated.emit(self.model.ids[0])
            self.documentOpened.emit(self.model.ids[0])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Down in the search box moves into the list of hits."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.apply_filter()
            if self.model.ids:
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, DocumentListModel.TITLE))
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        current = self.current_id()
        self.model.reload()
        if current is not None:
            self.select_document(current)

    # ------------------------------------------------------------------ selection
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.ids[index.row()]

    def select_document(self, doc_id: int | None) -> None:
        """Highlight a document's row without emitting documentActivated."""
        self._quiet, quiet = True, self._quiet
        try:
            row = -1 if doc_id is None else self.model.row_of(doc_id)
            sm = self.table.selectionModel()
            if row < 0:
                sm.clearSelection()
                sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
                return
            index = self.model.index(row, DocumentListModel.TITLE)
            sm.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._quiet = quiet

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.documentActivated.emit(self.model.ids[current.row()])

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the articles…"))
        self.search.setToolTip(
            self.tr(
                "Full-text search over titles and texts (Ctrl+Shift+F); "
                "Enter opens the first hit, Down goes to the list"
            )
        )
        names = {
            "all": self.tr("All statuses"),
            "unfinished": self.tr("Unfinished"),
            "new": self.tr("New"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "skipped": self.tr("Skipped"),
        }
        for i in range(self.status_filter.count()):
            self.status_filter.setItemText(i, names[self.status_filter.itemData(i)])
        if self.label_filter.count():
            self.label_filter.setItemText(0, self.tr("Any label"))
        if self.reviewer_filter.count():
            self.reviewer_filter.setItemText(0, self.tr("Any reviewer"))
        for combo in (self.status_filter, self.label_filter, self.reviewer_filter):
            combo.setMinimumWidth(0)
            combo.setMinimumWidth(combo.sizeHint().width())  # the panel gives way only down to whole texts
        self.status_filter.setToolTip(self.tr("Show documents with this status"))
        self.label_filter.setToolTip(self.tr("Show documents that have a span with this label"))
        self.reviewer_filter.setToolTip(self.tr("Show documents of this reviewer"))
        self.model.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
