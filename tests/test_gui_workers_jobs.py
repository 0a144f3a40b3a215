"""jobs.py: import, export, pre-annotate and train from a window, on the thread pool."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMainWindow

from annotator.core.model import Document, Span, Status
from annotator.core.store import Corpus
from annotator.gui import i18n, jobs
from annotator.gui.workers import TaskRunner


@pytest.fixture(autouse=True)
def english(qapp):
    """These tests read English texts: drop translators another test may have left installed."""
    i18n.uninstall()
    yield


class Window(QMainWindow):
    """What jobs.py needs of the main window."""

    def __init__(self, corpus_path, reviewer="lan"):
        super().__init__()
        self.corpus_path = str(corpus_path)
        self.reviewer = reviewer
        self.refreshed = 0
        self.statusBar()

    def refresh_documents(self):
        self.refreshed += 1


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "corpus.db"
    with Corpus(path) as corpus:
        for i in range(6):
            text = f"Ông Nguyễn Văn An làm việc tại Hà Nội, bài {i}."
            doc_id, _ = corpus.add_document(Document(text=text, spans=[Span(4, 17, "PER"), Span(30, 36, "LOC")]))
            if i % 2 == 0:
                corpus.set_status(doc_id, Status.DONE, who="lan")
    return path


@pytest.fixture
def window(qtbot, corpus_path):
    win = Window(corpus_path)
    qtbot.addWidget(win)
    win.show()
    yield win
    runner = getattr(win, "tasks", None)
    if isinstance(runner, TaskRunner):
        runner.cancel_all()
        assert runner.wait_all(10000)


def _errors(window):
    runner = jobs.runner_for(window)
    runner.errors = []
    runner.show_error = lambda title, message, details="": runner.errors.append((title, message))
    return runner.errors


def _articles(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(f"Tin số {i}\nUBND tỉnh Nghệ An họp phiên thứ {i}.", encoding="utf-8")
    return folder


def test_runner_is_created_once(window):
    assert not hasattr(window, "tasks")
    runner = jobs.runner_for(window)
    assert isinstance(runner, TaskRunner) and jobs.runner_for(window) is runner


def test_import_with_the_real_importer(qtbot, window, tmp_path, corpus_path):
    errors = _errors(window)
    folder = _articles(tmp_path / "in", 5)
    task = jobs.start_import(window, [folder])
    qtbot.waitUntil(lambda: task.state == "done", timeout=20000)
    assert errors == []
    assert window.refreshed == 1
    assert task.result.added == 5
    assert window.statusBar().currentMessage() == "Documents imported: 5 (spans: 0, files: 5)"
    with Corpus(corpus_path) as corpus:
        assert corpus.count_documents() == 11
        assert {d.reviewer for d in corpus.iter_documents() if "Tin số" in d.text} <= {None, "lan"}


def test_cancelled_import_keeps_what_was_imported(qtbot, window, tmp_path, corpus_path, monkeypatch):
    """The real importer, stopped by the status bar's Cancel after a few files."""
    errors = _errors(window)
    folder = _articles(tmp_path / "in", 40)
    reached, release = threading.Event(), threading.Event()
    real_work = jobs._import_work

    class Gate:
        """Passes progress through; holds the worker at the 5th step until the test clicked Cancel."""

        def __init__(self, inner):
            self.inner, self.steps = inner, 0

        def start(self, total, what=""):
            self.inner.start(total, what)

        def advance(self, n=1):
            self.steps += 1
            if self.steps == 5:
                reached.set()
                release.wait(10)
            self.inner.advance(n)

        def check(self):
            self.inner.check()

        def finish(self):
            self.inner.finish()

    monkeypatch.setattr(jobs, "_import_work", lambda progress, *args: real_work(Gate(progress), *args))
    task = jobs.start_import(window, [folder])
    qtbot.waitUntil(reached.is_set, timeout=20000)
    task.widget.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: task.state == "cancelled", timeout=20000)
    assert errors == []
    assert window.refreshed == 1  # the list shows what was kept
    with Corpus(corpus_path) as corpus:
        imported = [d for d in corpus.iter_documents() if d.text.startswith("Tin số")]
    assert 0 < len(imported) < 40
    assert all(d.text.endswith(".") for d in imported)  # whole documents, nothing half-written


def test_same_job_does_not_run_twice(qtbot, window, monkeypatch):
    gate = threading.Event()

    def slow(progress, corpus_path, only):
        gate.wait(10)
        return 0

    monkeypatch.setattr(jobs, "_preannotate_work", slow)
    first = jobs.start_preannotate(window)
    second = jobs.start_preannotate(window)
    assert second is first
    assert "already running" in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: first.state == "done", timeout=10000)


def test_import_error_is_reported(qtbot, window, tmp_path):
    not_a_corpus = tmp_path / "notes.db"
    not_a_corpus.write_text("this is not SQLite " * 100)
    window.corpus_path = str(not_a_corpus)
    errors = _errors(window)
    task = jobs.start_import(window, [tmp_path])
    qtbot.waitUntil(lambda: task.state == "failed", timeout=10000)
    [(title, message)] = errors
    assert "\n" not in message and "not an annotator corpus" in message
    assert window.refreshed == 1


def test_preannotate_calls_the_core_with_the_corpus_path(qtbot, window, corpus_path, monkeypatch):
    import annotator.nlp.jobs as nlp_jobs

    calls = []

    def fake(path, only="all", progress=None, jobs=0):
        calls.append((str(path), only, jobs, threading.current_thread() is threading.main_thread()))
        progress.start(3, "pre-annotating")
        for _ in range(3):
            progress.advance()
        return 3

    monkeypatch.setattr(nlp_jobs, "preannotate_corpus", fake)
    task = jobs.start_preannotate(window, only="new")
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    assert calls == [(str(corpus_path), "new", 0, False)]
    assert window.refreshed == 1
    assert "3" in window.statusBar().currentMessage()


def test_train_shows_the_report(qtbot, window, corpus_path, monkeypatch):
    import annotator.nlp.jobs as nlp_jobs

    class Report:
        def summary(self):
            return "trained on 6 documents; F1 0.81 (was 0.74); the new model is active"

    def fake(path, conll=(), activate="if-better", seed=13, dev_fraction=0.2, progress=None):
        progress.start(2, "training")
        progress.advance(2)
        return Report()

    monkeypatch.setattr(nlp_jobs, "train_from_corpus", fake, raising=False)
    task = jobs.start_train(window)
    qtbot.waitUntil(lambda: task.state == "done", timeout=10000)
    assert window.refreshed == 1
    box = window._last_info_box
    assert "F1 0.81" in box.text()
    box.close()


def test_export_dialog_accepts_without_exec(qtbot, window, tmp_path):
    errors = _errors(window)
    dialog = jobs.start_export(window)
    assert dialog.isVisible()
    assert dialog.statuses() == ["done"]
    dialog.set_format("conll")
    assert dialog.level_combo.isEnabled()
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("syllable"))
    out = tmp_path / "out.conll"
    dialog.set_output_path(out)
    options = dialog.options()
    assert (options.fmt, options.statuses, options.split, options.level) == ("conll", ["done"], None, "syllable")
    dialog.accept()
    task = dialog.task
    assert task is not None
    qtbot.waitUntil(lambda: task.state in ("done", "failed"), timeout=30000)
    assert errors == [] and task.state == "done"
    assert out.exists() and "Nguyễn\tB-PER" in out.read_text(encoding="utf-8")
    assert window.refreshed == 1
    assert task.result.documents == 3


def test_export_dialog_validation_and_split(qtbot, corpus_path):
    dialog = jobs.ExportDialog(corpus_path, reviewer="lan")
    qtbot.addWidget(dialog)
    ok = dialog.export_button
    assert dialog.output_path().endswith("corpus-native.jsonl")
    dialog.split_check.setChecked(True)
    assert dialog.output_path().endswith("corpus-native")  # a folder for train/dev/test
    assert dialog.options().split == "80,10,10"
    for check in dialog.status_checks.values():
        check.setChecked(False)
    assert not ok.isEnabled() and dialog.problem()
    dialog.accept()
    assert dialog.result() == 0  # refused
    dialog.status_checks["in_progress"].setChecked(True)
    dialog.mine_check.setChecked(True)
    assert ok.isEnabled()
    options = dialog.options()
    assert options.statuses == ["in_progress"] and options.reviewer == "lan"
    dialog.path_edit.clear()
    assert not ok.isEnabled()


def test_job_actions_trigger_jobs(qtbot, window, monkeypatch):
    started = []
    monkeypatch.setattr(jobs, "start_train", lambda w: started.append(("train", w)))
    actions = jobs.JobActions(window)
    assert len(actions.actions()) == 6 and all(a.text() for a in actions.actions())
    actions.train.trigger()
    assert started == [("train", window)]
    actions.statistics.trigger()
    [dialog] = [w for w in window.findChildren(jobs.StatsDialog)]
    assert dialog.isVisible() and dialog.stats["documents"] == 6
    dialog.close()


def test_merge_runs_on_the_worker_and_reports(qtbot, window, tmp_path, corpus_path, monkeypatch):
    """The real merge: minh reviewed document 0 differently (a conflict) and brings a new article."""
    errors = _errors(window)
    source = tmp_path / "minh.db"
    with Corpus(source) as other:
        other.add_document(Document(text="Ông Nguyễn Văn An làm việc tại Hà Nội, bài 0.", status=Status.DONE,
                                    reviewer="minh", spans=[Span(4, 17, "PER"), Span(30, 36, "ORG")]))
        other.add_document(Document(text="Bộ Y tế họp tại Huế.", status=Status.DONE, reviewer="minh",
                                    spans=[Span(0, 7, "ORG")]))
    on_main = []
    real_work = jobs._merge_work

    def work(progress, *args):
        on_main.append(threading.current_thread() is threading.main_thread())
        return real_work(progress, *args)

    monkeypatch.setattr(jobs, "_merge_work", work)
    task = jobs.start_merge(window, [source], conflicts="suggest")
    qtbot.waitUntil(lambda: task.state == "done", timeout=20000)
    assert errors == [] and on_main == [False]
    assert window.refreshed == 1
    assert window.statusBar().currentMessage() == (
        "Merged: 1 added, 0 taken, 1 conflicts, 0 skipped; suggestions added: 1;"
        " entity F1 between reviewers on conflicts: 0.50")
    box = window._last_info_box
    assert box.windowTitle() == "Merge finished with conflicts"
    assert box.detailedText() == ("Ông Nguyễn Văn An làm việc tại Hà Nội, bài 0. (lan vs minh): entity F1 0.50;"
                                  " suggestions added: 1")
    box.close()
    with Corpus(corpus_path) as corpus:
        assert corpus.count_documents() == 7
        [doc] = [d for d in corpus.iter_documents() if d.text.endswith("bài 0.")]
        assert [(s.label, s.state.value, s.origin) for s in doc.spans if s.origin.startswith("merge:")] == [
            ("ORG", "suggested", "merge:minh")]
        assert corpus.history(doc.id, limit=1)[0]["who"] == "lan"  # the window's reviewer ran the merge


def test_merge_reports_a_bad_source_and_the_file_picker_starts_it(qtbot, window, tmp_path, monkeypatch):
    errors = _errors(window)
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"not a corpus at all\n" * 50)
    asked = []

    def pick(parent, caption, folder, filters, options=None):
        asked.append((parent, filters))
        return [str(bad)], ""

    monkeypatch.setattr(jobs.QFileDialog, "getOpenFileNames", pick)
    task = jobs.choose_and_merge(window)
    assert asked and asked[0][0] is window and "*.jsonl" in asked[0][1]
    qtbot.waitUntil(lambda: task.state == "done", timeout=20000)
    assert errors == [] and window.refreshed == 1
    assert "sources that failed: 1" in window.statusBar().currentMessage()
    box = window._last_info_box
    assert box.windowTitle() == "Merge finished with problems"
    assert "broken.db" in box.detailedText() and "\n" not in box.detailedText()
    box.close()


def test_import_file_filter_offers_exactly_what_the_importer_reads():
    import re

    from annotator.core.formats import registry
    from annotator.gui.jobs import import_filter

    offered = set(re.findall(r"\*(\.\w+)", import_filter().split(";;")[0]))
    assert offered == set(registry.import_extensions())
    assert {".txt", ".jsonl", ".json", ".conll", ".tsv", ".spacy"} <= offered
