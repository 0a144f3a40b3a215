"""A keyboard reviewer on a long article that opens progressively (issue 12): edits made while
only the first screen's spans have been read (undo and redo across documents bring the article
back and change it in the same key press) land once in SQLite and once in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Document, Span, SpanState
from annotator.core.store import Corpus
from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    at,
    db_rows,
    gui_settings,
    key,
    news,
    open_window,
    select_text,
    window,
)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _corpus(path) -> tuple[int, int, str]:
    """A short article, then a 40-paragraph one with a LOC suggestion in every paragraph."""
    paragraphs = [f"Đoạn {i}: Ủy ban nhân dân tỉnh Quảng Ninh họp bàn kế hoạch năm {2000 + i}." for i in range(40)]
    text = "\n".join(paragraphs)
    with Corpus(path) as corpus:
        short, _ = corpus.add_document(Document(text=DOC1, title="ngắn"))
        long_id, _ = corpus.add_document(Document(text=text, title="dài"))
        pos = 0
        for paragraph in paragraphs:
            a = pos + paragraph.index("Quảng Ninh")
            corpus.add_span(long_id, Span(a, a + len("Quảng Ninh"), "LOC", state=SpanState.SUGGESTED, origin="model"))
            pos += len(paragraph) + 1
    return short, long_id, text


def _db_counts(path, doc_id: int) -> dict[str, int]:
    (entities, suggested), = db_rows(
        path, "SELECT SUM(state!='rejected'), SUM(state='suggested') FROM spans WHERE doc_id=?", doc_id)
    return {"entities": entities, "directives": 0, "suggested": suggested}


def test_undoing_a_far_delete_from_another_article_restores_the_span_once(open_window, tmp_path, qtbot):
    path = tmp_path / "long.db"
    short, long_id, text = _corpus(path)
    win = open_window(path)
    win.show_document(long_id)
    # the reviewer goes to the end of the article and deletes its last suggestion
    key(qtbot, win, Qt.Key.Key_End, CTRL)
    key(qtbot, win, Qt.Key.Key_Escape)
    key(qtbot, win, Qt.Key.Key_Tab, SHIFT)
    last = win.session.selected
    assert last is not None and last.start > text.rindex("\n")
    key(qtbot, win, Qt.Key.Key_Delete)
    assert _db_counts(path, long_id)["entities"] == 39
    # back to the top, to the short article, and Ctrl+Z there
    key(qtbot, win, Qt.Key.Key_Home, CTRL)
    key(qtbot, win, Qt.Key.Key_Tab)
    key(qtbot, win, Qt.Key.Key_Left, ALT)
    assert win.session.current_document_id == short
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert win.session.current_document_id == long_id
    assert db_rows(path, "SELECT COUNT(*) FROM spans WHERE id=?", last.id) == [(1,)]
    model = win.session.spans
    assert [s.id for s in model.at(last.start)] == [last.id]  # once in the window too
    assert model.counts() == _db_counts(path, long_id) == {"entities": 40, "directives": 0, "suggested": 40}
    qtbot.waitUntil(lambda: win.span_list.model.rowCount() == 40, timeout=3000)
    qtbot.waitUntil(lambda: win.info_label.text().startswith("40 entities"), timeout=3000)
    assert "40 suggestions to review" in win.info_label.text()
    # deleting it again leaves no trace of it on screen
    win.session.select(last.id)
    key(qtbot, win, Qt.Key.Key_Delete)
    assert db_rows(path, "SELECT COUNT(*) FROM spans WHERE id=?", last.id) == [(0,)]
    assert model.at(last.start) == []
    assert model.counts() == _db_counts(path, long_id)


def test_a_phrase_addressee_is_not_counted_as_an_entity(window, news, qtbot):
    """A is pressed on the words "các quận, huyện": a PHRASE span and the addressee relation land
    in SQLite, and the header still counts the article's three entities (a phrase is no entity)."""
    qtbot.waitUntil(lambda: window.info_label.text().startswith("3 entities"), timeout=3000)
    select_text(window, *at(DOC1, "các quận, huyện"))
    key(qtbot, window, Qt.Key.Key_A)
    assert db_rows(news.path, "SELECT s.label, r.label FROM relations r JOIN spans s ON s.id = r.tail"
                   " WHERE s.doc_id=? AND r.label='addressee'", news.ids[0]) == [("PHRASE", "addressee")]
    assert window.session.spans.counts()["entities"] == 3
    qtbot.waitUntil(lambda: window.info_label.text().startswith("3 entities"), timeout=3000)
