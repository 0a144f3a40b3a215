"""TaskRunner: background work with progress, Cancel, errors, several tasks, a responsive window."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QToolButton

from annotator.core.model import Document
from annotator.core.progress import Cancelled
from annotator.core.store import Corpus, CorpusError
from annotator.gui import i18n
from annotator.gui.workers import QtProgress, TaskRunner, one_line


@pytest.fixture(autouse=True)
def english(qapp):
    """These tests read English texts: drop translators another test may have left installed."""
    i18n.uninstall()
    yield


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.statusBar()
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def runner(window):
    runner = TaskRunner(window)
    runner.errors = []
    runner.show_error = lambda title, message, details="": runner.errors.append((title, message, details))
    yield runner
    runner.cancel_all()
    assert runner.wait_all(10000)


def _bars(window):
    return window.statusBar().findChildren(QProgressBar)


def test_fake_long_task_reports_progress_and_result_on_gui_thread(qtbot, window, runner, qapp):
    seen = []
    results = []
    worker_threads = []

    def work(progress, n, pause):
        worker_threads.append(QThread.currentThread())
        progress.start(n, "items")
        for _ in range(n):
            time.sleep(pause)
            progress.advance()
        return f"{n} done"

    def done(result):
        results.append((result, QThread.currentThread() is qapp.thread()))
        return f"finished with {result}"

    task = runner.start("Fake", work, 40, 0.005, on_done=done)
    task.progressed.connect(lambda d, t: seen.append((d, t)))
    assert task.widget is not None and task.widget.bar in _bars(window)
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    assert results == [("40 done", True)]
    assert worker_threads and worker_threads[0] is not qapp.thread()
    assert seen, "progress was reported"
    assert seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) < 40 + 2  # throttled, not one signal per item necessarily
    assert task.result == "40 done"
    qtbot.waitUntil(lambda: not _bars(window))  # the bar left the status bar
    assert window.statusBar().currentMessage() == "finished with 40 done"


def test_progress_throttles_signals(qapp):
    from annotator.gui.workers import _Signals

    signals = _Signals()
    got = []
    signals.progressed.connect(lambda d, t: got.append(d))
    progress = QtProgress(signals, interval=10.0)
    progress.start(1000)
    for _ in range(999):
        progress.advance()
    assert got == []  # within the interval and not finished
    progress.advance()
    assert got == [1000]  # the last step always reports
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.check()


def test_cancel_stops_the_task_and_keeps_finished_work(qtbot, window, runner, tmp_path):
    path = tmp_path / "c.db"
    Corpus(path).close()
    reached = threading.Event()
    release = threading.Event()
    cancelled = []

    def work(progress, corpus_path, n):
        with Corpus(corpus_path) as corpus:  # its own connection, on the worker thread
            progress.start(n, "documents")
            for i in range(n):
                corpus.add_document(Document(text=f"Bài số {i}. Nội dung của bài {i}."))
                if i == 4:
                    reached.set()
                    release.wait(10)
                progress.advance()
        return n

    task = runner.start("Adding", work, str(path), 100, on_done=lambda r: pytest.fail("not cancelled"),
                        on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(reached.is_set, timeout=10000)
    button = task.widget.findChild(QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert task.cancelling and not button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: task.state == "cancelled", timeout=10000)
    assert cancelled == [True]
    with Corpus(path) as corpus:
        texts = [d.text for d in corpus.iter_documents()]
    assert len(texts) == 5  # the five finished before the cancel are kept, nothing after
    assert texts[0] == "Bài số 0. Nội dung của bài 0."
    assert "cancelled" in window.statusBar().currentMessage()
    assert runner.errors == []


def test_window_stays_responsive_while_a_task_runs(qtbot, window, runner):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)

    def busy(progress, seconds):
        end = time.monotonic() + seconds
        progress.start(0)
        n = 0
        while time.monotonic() < end:
            n += sum(range(2000))  # pure Python work holding the GIL in short bursts
            progress.check()
        return n

    task = runner.start("Busy", busy, 0.6)
    started = time.monotonic()
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    timer.stop()
    during = [t for t in ticks if t >= started]
    assert len(during) >= 10, f"the event loop ticked only {len(during)} times in 0.6 s"
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert max(gaps) < 0.5


def test_error_shows_one_line_message(qtbot, window, runner):
    def fail(progress):
        progress.start(3)
        progress.advance()
        raise CorpusError("corpus x.db is locked by another program; close it and try again\nsecond line")

    errors_seen = []
    task = runner.start("Import", fail, on_error=lambda exc: errors_seen.append(exc) and False)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=10000)
    assert isinstance(errors_seen[0], CorpusError)
    [(title, message, details)] = runner.errors
    assert "Import" in title
    assert message == "corpus x.db is locked by another program; close it and try again"
    assert details == ""  # a message meant for users needs no traceback
    assert isinstance(task.error, CorpusError)


def test_unexpected_error_has_type_and_traceback(qtbot, window, runner):
    def fail(progress):
        return {}["missing"]

    task = runner.start("Broken", fail)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=10000)
    [(_title, message, details)] = runner.errors
    assert message == "KeyError: 'missing'"
    assert "Traceback" in details


def test_on_error_returning_true_suppresses_the_box(qtbot, window, runner):
    task = runner.start("Quiet", lambda progress: 1 / 0, on_error=lambda exc: True)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=10000)
    assert runner.errors == []


def test_default_error_box_is_not_blocking(qtbot, window):
    runner = TaskRunner(window)
    task = runner.start("Fails", lambda progress: (_ for _ in ()).throw(OSError("disk full")))
    qtbot.waitUntil(lambda: task.state == "failed", timeout=10000)
    box = runner.last_error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "disk full"
    box.close()


def test_several_tasks_each_have_their_own_bar(qtbot, window, runner):
    gate = threading.Event()

    def wait(progress, name):
        progress.start(1, name)
        gate.wait(10)
        progress.advance()
        return name

    results = []
    a = runner.start("A", wait, "a", on_done=results.append)
    b = runner.start("B", wait, "b", on_done=results.append)
    assert len(_bars(window)) == 2
    assert {t.title for t in runner.running()} == {"A", "B"}
    gate.set()
    qtbot.waitUntil(lambda: a.state == "done" and b.state == "done", timeout=10000)
    assert sorted(results) == ["a", "b"]
    qtbot.waitUntil(lambda: not _bars(window))
    assert runner.running() == []


def test_runner_without_status_bar(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    runner = TaskRunner(widget)
    task = runner.start("Plain", lambda progress, x: x * 2, 21)
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    assert task.result == 42 and task.widget is None


def test_one_line():
    assert one_line(ValueError("bad value\nmore")) == "bad value"
    assert one_line(RuntimeError("")) == "RuntimeError"
    assert one_line(KeyError("k")) == "KeyError: 'k'"
    assert len(one_line(OSError("x" * 1000))) == 300
