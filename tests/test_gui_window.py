"""The review window as a whole: navigation, statuses, persistence, corpus switching, startup."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.store import Corpus
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
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SRC = Path(__file__).resolve().parents[1] / "src"


def test_window_exposes_what_background_jobs_use(window, news):
    assert Path(window.corpus_path) == news.path
    assert isinstance(window.corpus, Corpus)
    assert window.reviewer == "Tester"
    assert window.current_document_id == news.ids[0]
    assert window.undo_stack is window.session.undo_stack
    window.refresh_documents()
    assert window.current_document_id == news.ids[0]
    titles = {a.objectName() for a in window.actions_by_name.values()}
    for name in ("import_files", "import_folder", "export", "open_corpus", "new_corpus", "preannotate", "train",
                 "statistics", "language_vi", "language_en", "undo", "redo", "merge", "labels"):
        assert name in titles


def test_menus_show_shortcuts(window):
    n = window.actions_by_name
    assert n["done_next"].shortcut().toString() == "Ctrl+Return"
    assert n["skip"].shortcut().toString() == "Ctrl+K"
    assert n["accept_all"].shortcut().toString() == "Ctrl+Shift+A"
    assert n["grow_end"].shortcut().toString() == "Alt+Shift+Right"
    assert [a.shortcut().toString() for a in window.label_actions] == ["1", "2", "3", "4", "5"]
    from annotator.gui.help_dialog import ShortcutsDialog, shortcut_rows

    rows = shortcut_rows(window.menus())
    assert any(keys == "Alt+Shift+Up" for _, _, keys in rows)
    dialog = ShortcutsDialog(window.menus(), window)
    assert dialog.table.rowCount() == len(rows)
    dialog.deleteLater()


def test_mark_done_moves_to_next_unfinished(window, news, qtbot):
    d1, d2, d3, d4 = news.ids
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, d1) == "done"
    assert window.current_document_id == d2
    key(qtbot, window, K.Key_Return, CTRL)
    assert window.current_document_id == d3
    key(qtbot, window, K.Key_K, CTRL)  # skip
    assert db_status(news.path, d3) == "skipped"
    # d4 was already done: nothing unfinished is left, so the window stays
    assert window.current_document_id == d3
    assert [db_status(news.path, d) for d in news.ids] == ["done", "done", "skipped", "done"]
    window.update_status_bar()
    assert window.progress_label.text() == window.tr("Done {done} / {total}").format(done=3, total=4)
    qtbot.waitUntil(lambda: window.status_chip.text() == "skipped")


def test_next_and_previous_document_keys(window, news, qtbot):
    key(qtbot, window, K.Key_Right, ALT)
    assert window.current_document_id == news.ids[1]
    key(qtbot, window, K.Key_PageDown, CTRL)
    assert window.current_document_id == news.ids[2]
    key(qtbot, window, K.Key_Left, ALT)
    key(qtbot, window, K.Key_PageUp, CTRL)
    assert window.current_document_id == news.ids[0]
    key(qtbot, window, K.Key_Left, ALT)  # first: stays
    assert window.current_document_id == news.ids[0]
    assert window.position_label.text().startswith(window.tr("Document {x} of {n}").split("{")[0])


def test_close_and_reopen_finds_everything_as_left(open_window, news, qtbot):
    win = open_window(news.path)
    win.show_document(news.ids[1])
    select_text(win, *at(DOC2, "Shizuoka"))
    key(qtbot, win, K.Key_3)
    win.session.timer.set_active(True)
    qtbot.wait(50)
    spans = db_spans(news.path, news.ids[1])
    win.close()
    assert db_rows(news.path, "SELECT time_spent > 0 FROM documents WHERE id=?", news.ids[1]) == [(1,)]

    again = open_window(news.path)
    assert again.current_document_id == news.ids[1]  # the last document shown
    assert db_spans(news.path, news.ids[1]) == spans
    shown = {(s.start, s.end, s.label, s.state.value) for s in again.session.spans.spans()}
    assert {(r[1], r[2], r[3], r[5]) for r in spans} == shown
    assert again.view.toPlainText() == DOC2


def test_keyboard_only_review(window, news, qtbot):
    """Move, select with Shift+arrows, label, cycle, accept, reject, finish: no mouse."""
    view = window.view
    key(qtbot, window, K.Key_Right, ALT)
    key(qtbot, window, K.Key_Left, ALT)
    assert window.current_document_id == news.ids[0]
    # put the caret at the start of "Phó Chủ tịch" with plain arrow keys
    target = at(DOC1, "Phó")[0]
    key(qtbot, window, K.Key_Home, CTRL)
    while window.view.from_utf16(view.textCursor().position()) < target:
        key(qtbot, window, K.Key_Right, CTRL)  # word by word
    assert window.view.from_utf16(view.textCursor().position()) == target
    for _ in range(2):  # Shift+Right extends by a syllable: "Phó", then "Phó Chủ"
        key(qtbot, window, K.Key_Right, SHIFT)
    key(qtbot, window, K.Key_4)
    created = [r for r in db_spans(news.path, news.ids[0]) if r[4] == "reviewer"]
    assert [DOC1[r[1]:r[2]] for r in created] == ["Phó Chủ"]
    # Tab to the next span (the PER suggestion); Enter accepts it and moves on to the directive
    key(qtbot, window, K.Key_Tab)
    assert window.session.selected.label == "PER"
    key(qtbot, window, K.Key_Enter)
    assert window.session.selected.label == "DIRECTIVE"
    key(qtbot, window, K.Key_X)
    # rejecting the directive leaves the entity inside it to review: it comes next
    assert window.session.selected.label == "ORG"
    assert DOC1[window.session.selected.start:window.session.selected.end] == "Sở Y tế Hà Nội"
    states = {r[3]: r[5] for r in db_spans(news.path, news.ids[0])}
    assert states["PER"] == "accepted" and states["DIRECTIVE"] == "rejected"
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, news.ids[0]) == "done"
    assert window.current_document_id == news.ids[1]


def test_search_box_filters_list_and_marks_hits(window, news, qtbot):
    key(qtbot, window, K.Key_F, CTRL | SHIFT)
    assert window.documents.search.hasFocus()
    qtbot.keyClicks(window.documents.search, "Shizuoka")
    qtbot.keyClick(window.documents.search, K.Key_Return)
    assert window.documents.model.ids == [news.ids[1]]
    window.show_document(news.ids[1])
    from annotator.gui.article_view import SEARCH_HIT

    hits = [s for s in window.view.extraSelections() if s.format.background().color() == SEARCH_HIT]
    assert len(hits) == 1
    assert hits[0].cursor.selectedText() == "Shizuoka"
    # typing digits in the search box must not label anything
    window.documents.search.setFocus()
    qtbot.keyClicks(window.documents.search, "1")
    assert window.documents.search.text().endswith("1")
    assert not [r for r in db_spans(news.path, news.ids[1]) if r[4] == "reviewer"]


@pytest.mark.parametrize("kind, reason", [("corrupt", "is not an annotator corpus: it is a text file"),
                                          ("newer", "was written by a newer version of annotator"),
                                          ("missing", "does not exist"),
                                          ("foreign", "is not an annotator corpus: it is an SQLite database of"
                                                      " another program")])
def test_open_corpus_error_keeps_current(window, news, tmp_path, monkeypatch, kind, reason):
    import sqlite3

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    bogus = tmp_path / "not-a-corpus.db"
    if kind == "corrupt":
        bogus.write_bytes(b"this is not sqlite" * 100)
    elif kind == "newer":
        Corpus(bogus).close()
        conn = sqlite3.connect(bogus)
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
        conn.commit()
        conn.close()
    elif kind == "foreign":
        conn = sqlite3.connect(bogus)
        conn.execute("CREATE TABLE t(x)")
        conn.commit()
        conn.close()
    assert window.open_corpus(str(bogus)) is False
    assert len(shown) == 1
    title, text = shown[0]
    assert title == window.tr("Cannot open the corpus")
    assert str(bogus) in text and reason in text and "\n" not in text
    assert bogus.exists() == (kind != "missing")  # nothing created
    assert Path(window.corpus_path) == news.path
    assert window.current_document_id == news.ids[0]
    assert window.corpus.count_documents() == 4


def test_open_and_new_corpus(window, news, tmp_path, qtbot):
    select_text(window, *at(DOC1, "Hà Nội"))
    key(qtbot, window, K.Key_3)
    other = tmp_path / "other.db"
    assert window.open_corpus(str(other), create=True)
    assert Path(window.corpus_path) == other
    assert window.current_document_id is None
    assert window.undo_stack.count() == 0
    assert window.open_corpus(str(news.path))
    assert window.documents.model.rowCount() == 4


def test_time_spent_is_flushed_on_switch(window, news, qtbot):
    # the window became active when shown: that alone runs the clock (no manual set_active here)
    assert window.isActiveWindow()
    qtbot.wait(120)
    window.show_document(news.ids[1])
    spent = db_rows(news.path, "SELECT time_spent FROM documents WHERE id=?", news.ids[0])[0][0]
    assert 0.1 <= spent < 5


def test_language_change_retranslates_without_error(window):
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.file_menu.title()
    assert window.actions_by_name["open_corpus"].text()
    assert window.undo_action in window.edit_menu.actions()
    window.undo_stack.clear()


def test_drop_files_starts_import(window, tmp_path, monkeypatch):
    calls = []

    class FakeJobs:
        @staticmethod
        def start_import(win, paths, preannotate=False):
            calls.append((win, [str(p) for p in paths], preannotate))

    window.jobs = FakeJobs
    article = tmp_path / "bai-bao.txt"
    article.write_text("Tiêu đề\n\nNội dung bài báo.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    # imported documents are pre-annotated by default (Tools → Pre-annotate imported documents)
    assert calls == [(window, [str(article)], True)]


def test_reviewer_comes_from_argument_env_or_settings(gui_settings, monkeypatch):
    from annotator.gui.app import resolve_reviewer

    monkeypatch.delenv("ANNOTATOR_REVIEWER", raising=False)
    assert resolve_reviewer("Mai", ask=False) == "Mai"
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "Hùng")
    assert resolve_reviewer(None, ask=False) == "Hùng"
    monkeypatch.delenv("ANNOTATOR_REVIEWER")
    from annotator.gui.session import app_settings

    app_settings().setValue("reviewer", "Lan")
    assert resolve_reviewer(None, ask=False) == "Lan"


def test_reviewer_name_is_asked_once_then_kept(gui_settings, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from annotator.gui.app import resolve_reviewer
    from annotator.gui.session import app_settings

    monkeypatch.delenv("ANNOTATOR_REVIEWER", raising=False)
    asked = []

    def get_text(*args, **kwargs):
        asked.append(args)
        return "  Nguyễn Thị Mai ", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    assert resolve_reviewer(None, ask=True) == "Nguyễn Thị Mai"  # first run: asked
    assert app_settings().value("reviewer") == "Nguyễn Thị Mai"
    assert resolve_reviewer(None, ask=True) == "Nguyễn Thị Mai"  # next start: kept, not asked
    assert len(asked) == 1


def test_window_layout_is_kept(open_window, news, qtbot):
    from annotator.gui.main_window import MainWindow

    first = open_window(news.path)
    first.removeDockWidget(first.spans_dock)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.spans_dock)
    first.spans_dock.show()
    first.directives_dock.hide()
    assert first.dockWidgetArea(first.spans_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    first.close()  # saves geometry and dock layout

    second = MainWindow(Corpus(news.path), "Tester")  # as `annotator` starts it
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        assert second.dockWidgetArea(second.spans_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert second.spans_dock.isVisible() and not second.directives_dock.isVisible()
    finally:
        second.close()


def test_first_run_imports_sample_into_empty_default_corpus(gui_settings, tmp_path, monkeypatch):
    from annotator.gui.app import open_start_corpus
    from annotator.gui.session import app_settings

    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    corpus = open_start_corpus(None)
    try:
        assert corpus.count_documents() > 0
        assert Path(corpus.path) == tmp_path / "data" / "corpus.db"
        assert app_settings().value("sampleImported", False, type=bool)
    finally:
        corpus.close()


@pytest.mark.slow
def test_smoke_test_command(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(SRC),
           "ANNOTATOR_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "annotator", "--smoke-test"], capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("smoke test ok: 1400x900, ") and line.endswith(" documents")
    assert int(line.split(", ")[1].split()[0]) > 0


def test_smoke_test_fails_with_one_line_on_a_bad_corpus(tmp_path):
    bogus = tmp_path / "bad.db"
    bogus.write_bytes(b"garbage" * 50)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(SRC)}
    result = subprocess.run([sys.executable, "-m", "annotator", "--smoke-test", "--corpus", str(bogus)],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("annotator: error: smoke test failed: ") and "bad.db" in lines[0]


@pytest.mark.parametrize("kind", ["corrupt", "newer"])
def test_startup_on_a_bad_corpus_explains_in_a_box_and_one_line(kind, gui_settings, tmp_path, monkeypatch, capsys):
    import sqlite3

    from annotator.gui import app

    path = tmp_path / f"{kind}.db"
    if kind == "corrupt":
        path.write_bytes(b"SQLite format 3\x00" + b"garbage" * 500)  # an SQLite file with its pages destroyed
    else:
        Corpus(path).close()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "Tester")
    try:
        assert app.run(corpus_path=str(path), lang="en") == 1
    finally:
        from annotator.gui import i18n

        i18n.uninstall()  # run() installed the English catalogue into the shared QApplication
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(shown) == 1 and str(path) in shown[0]
    # the box speaks the interface language; stderr keeps the core's one-line reason
    assert ("newer version of annotator" if kind == "newer" else "damaged") in shown[0]
    assert len(err) == 1 and err[0].startswith("annotator: error: ") and str(path) in err[0]
    assert ("newer annotator" if kind == "newer" else "corrupt") in err[0]
    assert path.read_bytes() == before  # never damaged


def test_import_job_from_the_window_refreshes_the_list(window, news, tmp_path, qtbot):
    jobs = pytest.importorskip("annotator.gui.jobs")
    if window.jobs is None:
        window.jobs = jobs
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text("Huế chuẩn bị lễ hội\n\nThừa Thiên Huế chuẩn bị Festival Huế 2026.",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Cần Thơ mở rộng cảng\n\nCảng Cái Cui được mở rộng trong năm nay.",
                                  encoding="utf-8")
    window.import_paths([str(folder)])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 6, timeout=30000)
    assert window.current_document_id == news.ids[0]  # the reviewer stays where they were
    assert window.corpus.count_documents() == 6


def test_mark_done_accepts_the_suggestions_left_standing_and_undo_restores_them(window, news, qtbot):
    d1 = news.ids[0]
    suggested = {row[0] for row in db_spans(news.path, d1) if row[5] == "suggested"}
    assert suggested
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, d1) == "done"
    states = {row[0]: row[5] for row in db_spans(news.path, d1)}
    assert all(states[i] == "accepted" for i in suggested)
    window.undo_stack.undo()
    assert db_status(news.path, d1) != "done"
    assert {row[0] for row in db_spans(news.path, d1) if row[5] == "suggested"} == suggested


def test_a_closed_window_ignores_a_language_switch(open_window, news, qtbot):
    """Switching language reaches every top-level widget, closed ones too: they must not touch their closed corpus."""
    from annotator.gui import i18n

    first = open_window(news.path)
    first.close()
    try:  # pytest-qt fails the test on an exception raised in a Qt virtual (changeEvent)
        i18n.switch("vi")
        QApplication.processEvents()
    finally:
        i18n.switch("en")


def test_open_corpus_error_is_said_in_vietnamese(window, tmp_path, monkeypatch):
    from annotator.gui import i18n

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    bogus = tmp_path / "hong.db"
    bogus.write_bytes(b"not sqlite at all" * 100)
    try:
        i18n.switch("vi")
        assert window.open_corpus(str(bogus)) is False
    finally:
        i18n.switch("en")
    title, text = shown[0]
    assert str(bogus) in text
    assert "annotator" in text and "corrupt" not in text and "damaged" not in text
    assert title != "Cannot open the corpus"


def test_without_a_display_the_window_says_so_in_one_line(monkeypatch, capsys):
    from annotator.gui import app

    monkeypatch.setattr(app.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert app.run(corpus_path=None) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("annotator: error: no display")
