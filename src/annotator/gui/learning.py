"""The window learns while the reviewer works: instant memory and background retraining.

* Every accept, create, relabel or reject of an entity teaches the instant memory
  (:mod:`annotator.nlp.memory`): the same string in unreviewed documents gains or loses the
  suggestion at once. Lessons wait in a queue and are applied one per turn of the event loop,
  so a burst (Ctrl+Return accepts a whole document) never holds up a keystroke.
* After a document is marked done, retraining starts after a pause (debounced; another
  document done restarts the pause), in a separate process (the CRF trainer holds Python's
  lock, so a thread would freeze the window). It is cancellable, and Tools → Train now starts
  it at once. When a model was activated, fresh suggestions for the unreviewed documents come
  back from that process and are stored here, a few per turn, never over a reviewer's decision
  and never in the document on screen.
* The status bar shows the active model with its judged F1 and "learning…" with progress.
  Tools → Instant memory… shows and edits what reviewers taught (also ``rules/memory.txt``).
"""

from __future__ import annotations

import multiprocessing
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout

from annotator.core.model import LabelKind, Status

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

#: pause after a document is marked done before retraining starts
DEBOUNCE_MS = 8000
#: after start-up, when the engine has loaded in the background, the memory file is written
MEMORY_SYNC_DELAY_MS = 1500
#: how long one turn of the event loop may spend storing results
SLICE_SECONDS = 0.015


class LearningController(QObject):
    """Instant memory and background retraining for one main window (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lessons: list[tuple] = []
        self.process = None
        self.queue = None
        self.pending = False
        self.progress = (0, 0)
        self.phase = ""
        self.last_report = ""
        self.refreshed = 0
        self.model = None  # (name, F1 or None) of the active model, once known
        self.show_report = False
        #: extra ``train_from_corpus`` options for the background runs (e.g. ``no_seed``)
        self.options: dict = {}

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.start)
        self.teach_timer = QTimer(self)
        self.teach_timer.setInterval(0)
        self.teach_timer.timeout.connect(self._teach_one)
        self.poll = QTimer(self)
        self.poll.setInterval(50)
        self.poll.timeout.connect(self._drain)
        self.memory_write = QTimer(self)
        self.memory_write.setSingleShot(True)
        self.memory_write.setInterval(2000)
        self.memory_write.timeout.connect(self.write_memory_file)

        self.label = QLabel(window.statusBar())
        self.label.setObjectName("learningLabel")
        self.label.setStyleSheet("padding: 0 8px;")
        window.statusBar().addPermanentWidget(self.label)
        self.train_now_action = QAction(window)
        self.train_now_action.setObjectName("trainNowAction")
        self.train_now_action.triggered.connect(self.train_now)
        self.stop_action = QAction(window)
        self.stop_action.setObjectName("stopLearningAction")
        self.stop_action.triggered.connect(self.cancel)
        self.stop_action.setEnabled(False)
        self.memory_action = QAction(window)
        self.memory_action.setObjectName("memoryAction")
        self.memory_action.triggered.connect(self.edit_memory)
        window.tools_menu.addSeparator()
        for action in (self.train_now_action, self.stop_action, self.memory_action):
            window.hook_action("tools", action)  # in the window's menu, shortcuts and F1 list
        session = window.session
        session.spanDecided.connect(self.span_decided)
        session.documentEdited.connect(self.document_edited)
        window.installEventFilter(self)
        self.retranslate()
        # the memory file needs the NLP engine, which loads after the window's first paint (#12.10)
        QTimer.singleShot(MEMORY_SYNC_DELAY_MS, self.sync_memory_file)
        self.update_label()

    # ------------------------------------------------------------------ helpers
    @property
    def corpus(self):
        return self.window.session.corpus

    @property
    def corpus_path(self) -> str:
        return str(self.corpus.path)

    @property
    def running(self) -> bool:
        return self.process is not None

    def retranslate(self) -> None:
        self.train_now_action.setText(translate("Learning", "Train &now"))
        self.train_now_action.setStatusTip(
            translate("Learning", "Learn from the reviewed documents now, in the background")
        )
        self.stop_action.setText(translate("Learning", "&Stop learning"))
        self.stop_action.setStatusTip(
            translate("Learning", "Stop the training running in the background; the current model stays")
        )
        self.memory_action.setText(translate("Learning", "Instant &memory…"))
        self.memory_action.setStatusTip(
            translate("Learning", "Strings reviewers taught: suggested, or never suggested, everywhere")
        )
        self.update_label()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ------------------------------------------------------------------ instant memory
    def span_decided(self, before, after) -> None:
        from annotator.nlp.memory import teach_change

        if self.corpus.read_only:
            return
        entity_labels = {lab.name for lab in self.corpus.labels() if lab.kind == LabelKind.ENTITY}
        for which, label, verdict in teach_change(before, after, entity_labels):
            span = before if which == "before" else after
            try:
                text = (
                    self.window.session.spans.text
                    if span.doc_id == self.window.session.spans.doc_id
                    else self.corpus.document(span.doc_id, with_spans=False).text
                )
            except Exception:  # noqa: BLE001 - the document went away
                continue
            self.lessons.append((text[span.start : span.end], label, verdict, span.doc_id))
        if self.lessons and not self.teach_timer.isActive():
            self.teach_timer.start()

    def _teach_one(self) -> None:
        from annotator.nlp.memory import teach

        if not self.lessons:
            self.teach_timer.stop()
            return
        surface, label, verdict, doc_id = self.lessons.pop(0)
        try:
            changed = teach(
                self.corpus,
                surface,
                label,
                verdict,
                who=self.window.session.reviewer,
                skip=[doc_id, self.window.current_document_id],
            )
        except Exception as exc:  # noqa: BLE001 - memory is a help; a failure is said, not raised
            self.window.statusBar().showMessage(
                translate("Learning", "Instant memory: {error}").format(error=exc), 5000
            )
            return
        if changed:
            self.window.statusBar().showMessage(
                translate("Learning", "Instant memory: “{text}” {label} updated in {n} documents").format(
                    text=surface, label=label if verdict == "+" else "≠ " + label, n=changed
                ),
                4000,
            )
        self.memory_write.start()

    def write_memory_file(self) -> None:
        self.sync_memory_file()

    def sync_memory_file(self) -> list[str]:
        from annotator.nlp.memory import sync_memory_file

        try:
            return sync_memory_file(self.corpus, self.corpus_path)
        except Exception as exc:  # noqa: BLE001 - a read-only folder: the corpus still has it
            return [str(exc)]

    def edit_memory(self) -> None:
        """Show the memory as its rules file; saving replaces it (bad lines are named, nothing lost)."""
        from annotator.nlp.memory import format_entries, memory_file, parse_entries

        self.sync_memory_file()
        dialog = QDialog(self.window)
        dialog.setObjectName("memoryDialog")
        dialog.setWindowTitle(translate("Learning", "Instant memory"))
        layout = QVBoxLayout(dialog)
        path = memory_file(self.corpus_path)
        info = QLabel(
            translate(
                "Learning",
                "One line per string: 'string | LABEL' suggests it, '!string | LABEL' never "
                "suggests it. Also in {path}.",
            ).format(path=path),
            dialog,
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        editor = QPlainTextEdit(dialog)
        editor.setObjectName("memoryEditor")
        editor.setPlainText(format_entries(self.corpus.memory_entries()))
        layout.addWidget(editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        self.memory_dialog = dialog

        def save() -> None:
            entries, problems = parse_entries(editor.toPlainText())
            if problems:
                QMessageBox.warning(dialog, translate("Learning", "Instant memory"), "\n".join(problems[:10]))
                return
            counts = {(e[0], e[1]): e[3] for e in self.corpus.memory_entries()}
            self.corpus.replace_memory(
                [(s, lab, v, counts.get((s, lab), 1)) for s, lab, v, _c in entries], who=self.window.session.reviewer
            )
            from annotator.nlp.memory import write_memory_file

            write_memory_file(self.corpus_path, self.corpus.memory_entries())
            self.corpus.set_meta("memory_file_sha", "")
            self.sync_memory_file()
            dialog.accept()

        buttons.accepted.connect(save)
        buttons.rejected.connect(dialog.reject)
        dialog.resize(560, 480)
        dialog.open()

    # ------------------------------------------------------------------ retraining
    def document_edited(self, doc_id: int) -> None:
        if self.corpus.read_only:
            return
        try:
            summary = self.corpus.summaries([doc_id])
        except Exception:  # noqa: BLE001
            return
        if summary and summary[0].status == Status.DONE:
            if self.running:
                self.pending = True
            else:
                self.debounce.start()

    def train_now(self, show_report: bool = False) -> None:
        """Tools → Train now: cancel a run in progress and start a fresh one at once;
        ``show_report`` shows the training report when the run ends (Tools → Train model)."""
        self.show_report = bool(show_report)
        self.debounce.stop()
        if self.running:
            self.cancel()
        self.start()

    def start(self) -> None:
        if self.running or self.corpus.read_only or str(self.corpus.path) == ":memory:":
            return
        from annotator.nlp.learner import learn_in_background

        context = multiprocessing.get_context("spawn")
        self.queue = context.Queue()
        self.process = context.Process(
            target=learn_in_background, args=(self.corpus_path, self.queue, False, dict(self.options)), daemon=True
        )
        self.process.start()
        self.run_path = self.corpus_path
        self.phase = "learning"
        self.progress = (0, 0)
        self.refreshed = 0
        self.pending = False
        self.poll.start()
        self.update_label()

    def cancel(self) -> None:
        """Stop a run: the process ends; models already written stay unless activated."""
        process, self.process = self.process, None
        self.poll.stop()
        if process is not None:
            process.terminate()
            process.join(2)
        self.queue = None
        self.phase = ""
        self.update_label()

    def shutdown(self) -> None:
        self.debounce.stop()
        self.teach_timer.stop()
        while self.lessons:  # lessons still queued are kept: they are quick
            self._teach_one()
        if self.memory_write.isActive():
            self.memory_write.stop()
            self.write_memory_file()
        self.cancel()

    def _drain(self) -> None:
        """Handle the process's messages for a few milliseconds, then yield to the reviewer."""
        import queue as _queue

        if self.queue is None:
            return
        if getattr(self, "run_path", None) != self.corpus_path:  # another corpus was opened meanwhile
            self.cancel()
            return
        until = time.perf_counter() + SLICE_SECONDS
        while time.perf_counter() < until:
            try:
                msg = self.queue.get_nowait()
            except _queue.Empty:
                if self.process is not None and not self.process.is_alive():
                    self._finished(translate("Learning", "the learning process stopped"))
                return
            except (OSError, ValueError, EOFError):
                self._finished(translate("Learning", "the learning process stopped"))
                return
            kind = msg[0]
            if kind == "progress":
                self.progress = (msg[1], msg[2])
            elif kind == "report":
                self.last_report = msg[1]
                if self.show_report:
                    self.show_report = False
                    box = QMessageBox(
                        QMessageBox.Icon.Information,
                        translate("Learning", "Training finished"),
                        msg[1],
                        QMessageBox.StandardButton.Ok,
                        self.window,
                    )
                    box.setObjectName("trainingReport")
                    box.setStyleSheet("QLabel { font-family: monospace; }")  # the tables line up
                    box.open()
                self.model = (msg[3], msg[4])
                self.window.statusBar().showMessage(
                    translate("Learning", "Learning: a better model is active")
                    if msg[2]
                    else translate("Learning", "Learning: the current model stays (the new one was not better)"),
                    6000,
                )
            elif kind == "refresh":
                self.phase = "refreshing"
                self.progress = (0, msg[1])
            elif kind == "doc":
                self._store(msg[1], msg[2], msg[3])
                self.progress = (self.progress[0] + 1, self.progress[1])
            elif kind == "done":
                self._finished(None)
                return
            elif kind == "error":
                self._finished(msg[1])
                return
        self.update_label()

    def _store(self, doc_id, spans, relations) -> None:
        """Fresh machine suggestions for an unreviewed document not on screen."""
        if doc_id == self.window.current_document_id:
            return
        try:
            summary = self.corpus.summaries([doc_id])
            if not summary or summary[0].status not in (Status.NEW, Status.IN_PROGRESS):
                return
            self.corpus.replace_suggestions(doc_id, spans, relations, who="learning")
            self.refreshed += 1
        except Exception:  # noqa: BLE001 - a document deleted meanwhile, a locked moment: skip it
            return

    def _finished(self, error: str | None) -> None:
        process, self.process = self.process, None
        self.poll.stop()
        if process is not None:
            process.join(1)
        self.queue = None
        self.phase = ""
        if error:
            self.window.statusBar().showMessage(
                translate("Learning", "Learning stopped: {error}").format(error=error), 8000
            )
        if self.refreshed:
            refresh = getattr(self.window, "refresh_documents", None)
            if refresh is not None:
                refresh()
        self.window._model_cache = None  # noqa: SLF001 - the window's model name is re-read
        self.update_label()
        if self.pending:
            self.pending = False
            self.debounce.start()

    # ------------------------------------------------------------------ status bar
    def _model_text(self, name: str, f1) -> str:
        if f1 is None:
            return translate("Learning", "Model {name}").format(name=name)
        return translate("Learning", "Model {name}, F1 {f1}").format(name=name, f1=f"{f1:.2f}")

    def update_label(self) -> None:
        # the score needs the engine: until the window has loaded it after its first paint (#12.10),
        # the window calls this again when it is ready
        if self.model is None and "annotator.nlp.jobs" in sys.modules:
            try:
                from annotator.nlp.learner import active_score

                self.model = tuple(active_score(self.corpus_path))
            except Exception:  # noqa: BLE001
                self.model = None
        # formatted here, not kept: a live language switch retranslates it
        text = self._model_text(*self.model) if self.model else ""
        done, total = self.progress
        if self.phase == "learning":
            text += " · " + translate("Learning", "learning… {done}/{total}").format(done=done, total=total or "?")
        elif self.phase == "refreshing":
            text += " · " + translate("Learning", "refreshing suggestions… {done}/{total}").format(
                done=done, total=total
            )
        self.label.setText(text)
        self.stop_action.setEnabled(self.running)
