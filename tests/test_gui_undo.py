"""Undo/redo: one command per edit, across document switches, always mirrored in SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    DOC2,
    at,
    db_rows,
    db_spans,
    db_status,
    gui_settings,
    key,
    news,
    open_window,
    select_text,
    window,
)

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_undo_redo_across_documents(window, news, qtbot):
    d1, d2 = news.ids[0], news.ids[1]
    before1, before2 = db_spans(news.path, d1), db_spans(news.path, d2)
    select_text(window, *at(DOC1, "Hà Nội"))  # in the title line
    key(qtbot, window, K.Key_3)
    after1 = db_spans(news.path, d1)
    assert len(after1) == len(before1) + 1

    key(qtbot, window, K.Key_Right, Qt.KeyboardModifier.AltModifier)  # next document
    assert window.current_document_id == d2
    select_text(window, *at(DOC2, "Shizuoka"))
    key(qtbot, window, K.Key_3)
    assert len(db_spans(news.path, d2)) == len(before2) + 1

    key(qtbot, window, K.Key_Z, CTRL)
    assert db_spans(news.path, d2) == before2
    assert window.current_document_id == d2
    key(qtbot, window, K.Key_Z, CTRL)
    assert db_spans(news.path, d1) == before1
    assert window.current_document_id == d1  # the undo brought its document back on screen
    assert window.view.toPlainText() == DOC1

    key(qtbot, window, K.Key_Z, CTRL_SHIFT)  # redo
    assert db_spans(news.path, d1) == after1
    key(qtbot, window, K.Key_Y, CTRL)        # redo (other binding)
    assert window.current_document_id == d2
    assert len(db_spans(news.path, d2)) == len(before2) + 1


def test_undo_of_delete_restores_same_id_and_relations(window, news, qtbot):
    d1 = news.ids[0]
    sở = window.session.spans.find(*at(DOC1, "Sở Y tế Hà Nội"), "ORG")
    relations = db_rows(news.path, "SELECT id, head, tail, label FROM relations WHERE doc_id=?", d1)
    assert relations and relations[0][2] == sở.id
    window.session.select(sở.id)
    key(qtbot, window, K.Key_Delete)
    assert db_rows(news.path, "SELECT count(*) FROM relations WHERE doc_id=?", d1) == [(0,)]
    window.undo_stack.undo()
    assert sở.id in [r[0] for r in db_spans(news.path, d1)]
    assert db_rows(news.path, "SELECT id, head, tail, label FROM relations WHERE doc_id=?", d1) == relations
    assert window.session.spans.get(sở.id) is not None
    assert window.session.selected_id == sở.id


def test_each_edit_is_one_command_with_readable_text(window, news, qtbot):
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    window.session.select(per.id)
    key(qtbot, window, K.Key_2)                                   # relabel
    key(qtbot, window, K.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)  # resize
    key(qtbot, window, K.Key_X)                                   # reject
    assert window.undo_stack.count() == 3
    assert "PER" in window.undo_stack.text(0) and "ORG" in window.undo_stack.text(0)
    assert window.undo_action.text().startswith(window.tr("Undo"))
    for _ in range(3):
        window.undo_stack.undo()
    row = [r for r in db_spans(news.path, news.ids[0]) if r[0] == per.id][0]
    assert (DOC1[row[1]:row[2]], row[3], row[5]) == ("Nguyễn Văn An", "PER", "suggested")


def test_accept_all_and_undo(window, news, qtbot):
    d1 = news.ids[0]
    key(qtbot, window, K.Key_A, CTRL_SHIFT)
    assert {r[5] for r in db_spans(news.path, d1)} == {"accepted"}
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert {r[5] for r in db_spans(news.path, d1)} == {"suggested"}


def test_status_change_is_undoable(window, news, qtbot):
    d1 = news.ids[0]
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, d1) == "done"
    assert window.current_document_id != d1
    window.undo_stack.undo()
    assert db_status(news.path, d1) == "new"
    assert window.current_document_id == d1


def test_relation_change_is_undoable(window, news, qtbot):
    d1 = news.ids[0]
    directive = window.session.spans.directives()[0]
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    window.session.set_relation(directive.id, "issuer", per.id)
    assert db_rows(news.path, "SELECT tail FROM relations WHERE doc_id=? AND label='issuer'", d1) == [(per.id,)]
    window.undo_stack.undo()
    assert db_rows(news.path, "SELECT tail FROM relations WHERE doc_id=? AND label='issuer'", d1) == []
    window.undo_stack.redo()
    assert db_rows(news.path, "SELECT tail FROM relations WHERE doc_id=? AND label='issuer'", d1) == [(per.id,)]


def test_new_span_replaces_overlapping_entity_and_undo_restores_it(window, news, qtbot):
    d1 = news.ids[0]
    org = window.session.spans.find(*at(DOC1, "Ủy ban nhân dân thành phố Hà Nội"), "ORG")
    select_text(window, *at(DOC1, "Hà Nội", 1))
    key(qtbot, window, K.Key_3)
    labels = {DOC1[r[1]:r[2]]: r[3] for r in db_spans(news.path, d1)}
    assert labels.get("Hà Nội") == "LOC"
    assert "Ủy ban nhân dân thành phố Hà Nội" not in labels
    window.undo_stack.undo()
    assert org.id in [r[0] for r in db_spans(news.path, d1)]
