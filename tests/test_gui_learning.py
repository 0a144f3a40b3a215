"""The window learns (issue 13): instant memory from a reviewer's keys, retraining in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.markup import parse_markup
from annotator.core.model import Document, Span, SpanState, Status
from annotator.core.store import Corpus
from annotator.nlp.resources import seed_dir
from test_gui_window_support import at, db_rows, db_spans, gui_settings, key, open_window, select_text  # noqa: F401

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
T1 = "Đoàn công tác của Nhật Bản thăm Công ty Sao Mai. Đại diện Nhật Bản phát biểu."
T2 = "Hợp tác với Nhật Bản được Công ty Sao Mai đẩy mạnh trong năm nay."


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "learn.db"
    with Corpus(path) as corpus:
        ids = []
        for text in (T1, T2):
            doc_id, _ = corpus.add_document(Document(text=text, title=text[:20]))
            ids.append(doc_id)
            corpus.replace_suggestions(doc_id, [
                Span(*at(text, "Nhật Bản"), "LOC", origin="crf:test", state=SpanState.SUGGESTED, score=0.9)])
        for f in sorted((seed_dir() / "test").glob("*.txt"))[:6]:
            text, spans = parse_markup(f.read_text(encoding="utf-8"))
            corpus.add_document(Document(text=text, title=f.stem, status=Status.DONE,
                                         spans=[Span(s.start, s.end, s.label) for s in spans]))
    return path


def _labels_of(path, doc_id, text):
    return {(text[s[1]:s[2]], s[3], s[5]) for s in db_spans(path, doc_id)}


def test_rejecting_in_the_window_removes_the_string_elsewhere_and_creating_adds_it(qtbot, open_window,
                                                                                    corpus_path):
    win = open_window(corpus_path)
    win.show_document(1)
    key(qtbot, win, K.Key_Tab)                     # the first span: "Nhật Bản" LOC
    assert win.session.selected.label == "LOC"
    key(qtbot, win, K.Key_X)                       # reject
    qtbot.waitUntil(lambda: ("Nhật Bản", "LOC", "suggested") not in _labels_of(corpus_path, 2, T2), timeout=5000)
    assert ("Nhật Bản", "LOC", "rejected") in _labels_of(corpus_path, 1, T1)   # the decision itself stays
    # a new span made by keys: the same string in the other document gains the suggestion
    select_text(win, *at(T1, "Công ty Sao Mai"))
    key(qtbot, win, K.Key_4)                       # MISC (the team's convention)
    qtbot.waitUntil(lambda: ("Công ty Sao Mai", "MISC", "suggested") in _labels_of(corpus_path, 2, T2), timeout=5000)
    assert ("Công ty Sao Mai", "MISC", "+", 1) in db_rows(corpus_path, "SELECT surface, label, verdict, count FROM memory")
    assert ("Nhật Bản", "LOC", "-", 1) in db_rows(corpus_path, "SELECT surface, label, verdict, count FROM memory")


def test_background_training_never_blocks_input(qtbot, open_window, corpus_path):
    win = open_window(corpus_path)
    learning = win.learning
    learning.options = {"no_seed": True}
    win.show_document(1)
    learning.train_now()
    assert learning.running and "learning" in learning.label.text()
    # the reviewer keeps working while the model trains in its own process
    key(qtbot, win, K.Key_Tab)
    key(qtbot, win, K.Key_Return)                  # accept "Nhật Bản"
    assert learning.running
    assert ("Nhật Bản", "LOC", "accepted") in _labels_of(corpus_path, 1, T1)
    qtbot.waitUntil(lambda: not learning.running, timeout=300_000)
    assert "rule: activate when" in learning.last_report, learning.last_report
    assert "Model" in learning.label.text() and "learning" not in learning.label.text()


def test_marking_done_schedules_retraining_and_train_now_is_in_the_tools_menu(qtbot, open_window, corpus_path):
    win = open_window(corpus_path)
    learning = win.learning
    assert learning.train_now_action in win.tools_menu.actions()
    win.show_document(1)
    key(qtbot, win, K.Key_Return, CTRL)            # done and next
    assert db_rows(corpus_path, "SELECT status FROM documents WHERE id=1") == [("done",)]
    assert learning.debounce.isActive() and not learning.running
    learning.debounce.stop()


def test_a_background_run_can_be_stopped_from_the_tools_menu(qtbot, open_window, corpus_path):
    win = open_window(corpus_path)
    learning = win.learning
    learning.options = {"no_seed": True}
    learning.train_now()
    assert learning.stop_action.isEnabled() and learning.stop_action in win.tools_menu.actions()
    learning.stop_action.trigger()
    assert not learning.running and not learning.stop_action.isEnabled()
    assert "learning" not in learning.label.text()
