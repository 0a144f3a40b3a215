"""The document list: lazy paging over many documents, filters, search, and following edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Document, Span, SpanState, Status
from annotator.core.store import Corpus
from annotator.gui.document_list import MAX_PAGES, PAGE_SIZE, DocumentListModel
from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    at,
    db_spans,
    gui_settings,
    key,
    news,
    open_window,
    select_text,
    window,
)

N_DOCS = 1500
PROVINCES = ["Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ", "Hải Phòng", "Nghệ An"]


@pytest.fixture
def big_corpus(tmp_path):
    path = tmp_path / "big.db"
    with Corpus(path) as corpus:
        with corpus.transaction():
            for i in range(N_DOCS):
                place = PROVINCES[i % len(PROVINCES)]
                text = f"Tin số {i}: UBND {place} họp bàn kế hoạch năm {2000 + i}."
                doc_id, _ = corpus.add_document(Document(text=text, title=f"Tin {i} — {place}"))
                if i % 10 == 0:
                    start = text.index(place)
                    corpus.add_span(doc_id, Span(start, start + len(place), "LOC", state=SpanState.SUGGESTED))
        for doc_id in range(1, 31):
            corpus.set_status(doc_id, Status.DONE, who="Hoa")
    return path


def test_model_pages_lazily(big_corpus, qtbot):
    with Corpus(big_corpus) as corpus:
        model = DocumentListModel(corpus)
        model.reload()
        assert model.rowCount() == N_DOCS
        assert model.pages_fetched == 0  # only ids so far
        assert model.data(model.index(0, 1)) == "Tin 0 — Hà Nội"
        assert model.data(model.index(0, 3)) == 1  # one suggestion to review
        assert model.pages_fetched == 1
        last = N_DOCS - 1
        assert model.data(model.index(last, 1)).startswith(f"Tin {last} ")
        assert model.pages_fetched == 2
        for row in range(0, N_DOCS, PAGE_SIZE // 2):
            model.data(model.index(row, 1))
        assert model.pages_fetched <= 2 + N_DOCS // PAGE_SIZE + 1
        assert len(model._pages) <= MAX_PAGES
        assert model.row_of(model.ids[777]) == 777
        assert model.row_of(10 ** 9) == -1


def test_table_view_fetches_only_visible_pages(open_window, big_corpus, qtbot):
    win = open_window(big_corpus)
    model = win.documents.model
    assert model.rowCount() == N_DOCS
    fetched = model.pages_fetched
    assert fetched <= 3
    table = win.documents.table
    table.scrollToBottom()
    qtbot.wait(20)
    assert model.pages_fetched <= fetched + 2


def test_filters(open_window, big_corpus, qtbot):
    win = open_window(big_corpus)
    panel = win.documents
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("done"))
    assert panel.model.rowCount() == 30
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("unfinished"))
    assert panel.model.rowCount() == N_DOCS - 30
    panel.status_filter.setCurrentIndex(0)
    panel.label_filter.setCurrentIndex(panel.label_filter.findData("LOC"))
    assert panel.model.rowCount() == N_DOCS // 10
    panel.label_filter.setCurrentIndex(0)
    panel.refresh_filters()
    panel.reviewer_filter.setCurrentIndex(panel.reviewer_filter.findData("Hoa"))
    assert panel.model.rowCount() == 30
    panel.reviewer_filter.setCurrentIndex(0)
    panel.search.setText("Huế")
    panel.apply_filter()
    assert panel.model.rowCount() == N_DOCS // len(PROVINCES)
    assert all("Huế" in panel.model.data(panel.model.index(r, 1)) for r in range(5))


def test_clicking_a_row_opens_the_document(window, news, qtbot):
    table = window.documents.table
    rect = table.visualRect(window.documents.model.index(2, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document_id == news.ids[2]
    assert window.view.toPlainText() == news.texts[2]


def test_list_follows_edits(window, news, qtbot):
    model = window.documents.model
    row = model.row_of(news.ids[0])
    assert model.data(model.index(row, 3)) == 4
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: model.data(model.index(row, 3)) == "")  # nothing left to review
    select_text(window, *at(DOC1, "Hà Nội"))
    key(qtbot, window, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: model.data(model.index(row, 2)) == len(db_spans(news.path, news.ids[0])))
    status_tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert status_tip == "in progress"


def test_arrow_keys_in_the_list_browse_without_leaving_it(window, news, qtbot):
    table = window.documents.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.current_document_id == news.ids[1]
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: read it
    qtbot.waitUntil(window.view.hasFocus)
