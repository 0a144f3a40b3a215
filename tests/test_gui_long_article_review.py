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


def test_undo_brings_back_two_replaced_spans_and_the_relation_between_them(window, news, qtbot):
    """A directive relabelled by mistake as ORG keeps its addressee; labelling words over it and its
    addressee replaces both in one step, and Ctrl+Z brings both back with the relation joining them."""
    doc_id = news.ids[0]
    spans_and_relations = ("SELECT s.start, s.\"end\", s.label, s.state FROM spans s WHERE s.doc_id=?"
                           " ORDER BY s.start, s.\"end\"")
    directive = next(s for s in window.session.spans.spans() if s.label == "DIRECTIVE")
    window.session.select(directive.id)
    key(qtbot, window, Qt.Key.Key_2)  # the slip: the directive is an ORG now, its addressee still joined
    before_spans = db_rows(news.path, spans_and_relations, doc_id)
    before_relations = db_rows(news.path, "SELECT head, tail, label FROM relations WHERE doc_id=?", doc_id)
    assert ("ORG",) in [(row[2],) for row in before_spans] and len(before_relations) == 1
    window.session.select(None)
    select_text(window, *at(DOC1, "Sở Y tế Hà Nội"))
    key(qtbot, window, Qt.Key.Key_3)
    assert ("Sở Y tế Hà Nội", "LOC") in [(DOC1[s:e], label) for s, e, label, _ in
                                          db_rows(news.path, spans_and_relations, doc_id)]
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_rows(news.path, spans_and_relations, doc_id) == before_spans
    assert db_rows(news.path, "SELECT head, tail, label FROM relations WHERE doc_id=?", doc_id) == before_relations
    assert "Could not undo" not in window.statusBar().currentMessage()


def test_enter_after_delete_never_brings_back_a_rejected_span(window, news, qtbot):
    """Del leaves nothing selected (the span list's current row must not slide onto the next row,
    here a rejected directive), so the Enter after it goes on to a suggestion and never accepts
    what the reviewer rejected."""
    doc_id = news.ids[0]
    model = window.session.spans
    directive = next(s for s in model.spans() if s.label == "DIRECTIVE")
    window.session.select(directive.id)
    key(qtbot, window, Qt.Key.Key_X)
    person = model.find(*at(DOC1, "Nguyễn Văn An"), "PER")  # the row just before the directive's
    window.session.select(person.id)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert window.session.selected_id is None
    key(qtbot, window, Qt.Key.Key_Return)
    assert db_rows(news.path, "SELECT state FROM spans WHERE id=?", directive.id) == [("rejected",)]
    assert window.session.selected is not None and window.session.selected.state == SpanState.SUGGESTED
