"""Long work (import, pre-annotation, training, export) off the GUI thread, with progress and Cancel.

``TaskRunner(window).start(title, fn, *args, on_done=..., on_error=...)`` runs
``fn(progress, *args)`` on ``QThreadPool.globalInstance()``. ``progress`` is a
:class:`QtProgress`: the core's :class:`~annotator.core.progress.NullProgress` whose ``start`` and
``advance`` also report to the GUI thread through queued signals (at most every ``interval``
seconds, so a loop over 100 000 documents does not flood the event loop). While the task runs,
the window's status bar shows its title, a progress bar and a Cancel button; Cancel sets the
cancel event and the core raises :class:`~annotator.core.progress.Cancelled` at its next
``advance``/``check``, keeping what it had already committed.

``on_done(result)``, ``on_error(exc)`` and ``on_cancel()`` run on the GUI thread. An error is
shown as a message box with one line (the exception's message; the traceback sits behind
"Show Details…" for unexpected errors), unless ``on_error`` returns True. The message box
is shown with ``open()`` (never a nested event loop); tests replace ``runner.show_error``.

SQLite connections must not cross threads: ``fn`` opens its own ``Corpus(path)``.
When the window closes: ``runner.cancel_all(); runner.wait_all(5000)``.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QToolButton, QWidget

from annotator.core.progress import Cancelled, NullProgress

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

#: Exceptions whose message is written for the user: shown without a traceback.
try:
    from annotator.core.store import CorpusError

    USER_ERRORS: tuple[type[BaseException], ...] = (CorpusError, OSError, ValueError)
except ImportError:  # pragma: no cover - the store always exists
    USER_ERRORS = (OSError, ValueError)


class _Signals(QObject):
    """Emitted on the worker thread, delivered (queued) on the GUI thread."""

    began = Signal()
    started = Signal(object, str)  # total, what (Python ints: byte counts pass 2**31)
    progressed = Signal(object, object)  # done, total
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()


class QtProgress(NullProgress):
    """Core progress that reports to the GUI: ``start`` always, ``advance`` throttled."""

    def __init__(self, signals: _Signals, cancel: threading.Event | None = None, interval: float = 0.05):
        super().__init__(cancel)
        self._signals = signals
        self.interval = interval
        self.what = ""
        self._last = 0.0

    def start(self, total: int, what: str = "") -> None:
        super().start(total, what)
        self.what = what
        self._last = time.monotonic()
        self._signals.started.emit(int(total), str(what))

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.interval or (self.total and self.done >= self.total):
            self._last = now
            self._signals.progressed.emit(int(self.done), int(self.total))
        self.check()

    def finish(self) -> None:
        self._signals.progressed.emit(int(self.done), int(self.total))


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, progress: QtProgress, signals: _Signals,
                 finished: threading.Event):
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps the Python object; Qt must not delete it
        self.fn, self.args, self.progress, self.signals, self.finished = fn, args, progress, signals, finished

    def run(self) -> None:
        try:
            self.signals.began.emit()
            try:
                result = self.fn(self.progress, *self.args)
            except Cancelled:
                self.signals.cancelled.emit()
            except BaseException as exc:  # noqa: BLE001 - reported to the user on the GUI thread
                self.signals.failed.emit(exc, traceback.format_exc())
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.finished.set()


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message, prefixed by its type unless meant for users."""
    text = str(exc).strip()
    line = text.splitlines()[0].strip() if text else ""
    if not isinstance(exc, USER_ERRORS) or not line:
        line = f"{type(exc).__name__}: {line}" if line else type(exc).__name__
    return line if len(line) <= 300 else line[:299] + "…"


class TaskWidget(QWidget):
    """Title, progress bar and Cancel button of one running task, for the status bar."""

    def __init__(self, task: "Task", parent: QWidget | None = None):
        super().__init__(parent)
        self.task = task
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        self.label = QLabel(task.title)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setMinimumWidth(100)
        self.bar.setMaximumHeight(16)
        self.bar.setRange(0, 0)  # busy until the work reports a total
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(task.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("TaskRunner", "Cancel"))
        self.cancel_button.setToolTip(translate("TaskRunner", "Stop this task; what is already finished is kept"))
        self.update_state()

    def update_state(self) -> None:
        task = self.task
        text = task.title
        # The core's step names ("import", "export conll") are not translated: a tooltip only.
        self.bar.setToolTip(task.what)
        if task.cancelling:
            text = translate("TaskRunner", "%1 (cancelling…)").replace("%1", task.title)
            self.cancel_button.setEnabled(False)
        elif task.state == "queued":
            text = translate("TaskRunner", "%1 (waiting…)").replace("%1", task.title)
        self.label.setText(text)
        if task.total > 0:
            if task.total <= 10000:  # items: "37 / 120"
                self.bar.setRange(0, task.total)
                self.bar.setValue(min(task.done, task.total))
                self.bar.setFormat("%v / %m")
            else:  # bytes or very many items: a percentage (QProgressBar is 32-bit)
                self.bar.setRange(0, 1000)
                self.bar.setValue(min(1000, int(1000 * task.done / task.total)))
                self.bar.setFormat("%p%")
        else:
            self.bar.setRange(0, 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Task(QObject):
    """One unit of background work, seen from the GUI thread."""

    progressed = Signal(object, object)  # done, total
    finished = Signal()  # after on_done / on_error / on_cancel, whatever the outcome

    def __init__(self, runner: "TaskRunner", title: str, fn: Callable[..., Any], args: tuple,
                 on_done: Callable[[Any], Any] | None, on_error: Callable[[BaseException], Any] | None,
                 on_cancel: Callable[[], Any] | None):
        super().__init__(runner)
        self.runner = runner
        self.title = title
        self.on_done, self.on_error, self.on_cancel = on_done, on_error, on_cancel
        self.state = "queued"  # queued, running, done, failed, cancelled
        self.cancelling = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.details = ""
        self.total = 0
        self.done = 0
        self.what = ""
        self._finished = threading.Event()
        self._signals = _Signals()
        self.progress = QtProgress(self._signals, interval=runner.interval)
        self._signals.began.connect(self._on_began, Qt.ConnectionType.QueuedConnection)
        self._signals.started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self._signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self._runnable = _Runnable(fn, args, self.progress, self._signals, self._finished)
        self.widget: TaskWidget | None = None
        # Throttled signals can leave the bar behind when the work stalls after a burst of
        # steps: the GUI also reads the counters now and then (plain ints, safe to read).
        self._poll = QTimer(self)
        self._poll.setInterval(max(int(runner.interval * 2000), 50))
        self._poll.timeout.connect(self._on_poll)

    # -------------------------------------------------------------- API
    @property
    def is_running(self) -> bool:
        return self.state in ("queued", "running")

    def cancel(self) -> None:
        """Ask the work to stop at its next progress step; finished parts are kept."""
        if not self.is_running:
            return
        self.cancelling = True
        self.progress.cancel()
        if self.widget is not None:
            self.widget.update_state()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker thread returns (not until the GUI saw the result)."""
        return self._finished.wait(timeout)

    # -------------------------------------------------------------- from the worker (queued)
    def _on_began(self) -> None:
        if self.state == "queued":
            self.state = "running"
            self._poll.start()
            self._refresh()

    def _on_poll(self) -> None:
        done, total = self.progress.done, self.progress.total
        if self.is_running and (done, total) != (self.done, self.total):
            self._on_progressed(done, total)

    def _on_started(self, total: int, what: str) -> None:
        self.total, self.done, self.what = total, 0, what
        self._refresh()

    def _on_progressed(self, done: int, total: int) -> None:
        if (done, total) == (self.done, self.total):
            return
        self.done, self.total = done, total
        self._refresh()
        self.progressed.emit(done, total)

    def _on_succeeded(self, result: Any) -> None:
        self.state, self.result = "done", result
        message = None
        try:
            if self.on_done is not None:
                message = self.on_done(result)
        except Exception as exc:  # noqa: BLE001 - a failing callback is reported like a failing task
            self._report(exc, traceback.format_exc())
        self._end(message if isinstance(message, str)
                  else translate("TaskRunner", "%1: finished").replace("%1", self.title))

    def _on_failed(self, exc: BaseException, details: str) -> None:
        self.state, self.error, self.details = "failed", exc, details
        handled = False
        if self.on_error is not None:
            try:
                handled = bool(self.on_error(exc))
            except Exception:  # noqa: BLE001
                handled = False
        if not handled:
            self._report(exc, details)
        self._end(translate("TaskRunner", "%1 failed").replace("%1", self.title))

    def _on_cancelled(self) -> None:
        self.state = "cancelled"
        try:
            if self.on_cancel is not None:
                self.on_cancel()
        except Exception as exc:  # noqa: BLE001
            self._report(exc, traceback.format_exc())
        self._end(translate("TaskRunner", "%1: cancelled; finished work was kept").replace("%1", self.title))

    # -------------------------------------------------------------- helpers
    def _report(self, exc: BaseException, details: str) -> None:
        show_details = "" if isinstance(exc, USER_ERRORS) else details
        self.runner.show_error(
            translate("TaskRunner", "%1 failed").replace("%1", self.title), one_line(exc), show_details
        )

    def _refresh(self) -> None:
        if self.widget is not None:
            self.widget.update_state()

    def _end(self, message: str) -> None:
        self._poll.stop()
        self.runner._task_ended(self, message)
        self.finished.emit()


class TaskRunner(QObject):
    """Starts tasks for a window and shows each one in its status bar while it runs."""

    taskStarted = Signal(object)
    taskEnded = Signal(object)

    def __init__(self, window: QWidget | None = None, pool: QThreadPool | None = None):
        super().__init__(window)
        self.window = window
        self.pool = pool or QThreadPool.globalInstance()
        self.tasks: list[Task] = []
        self.interval = 0.05
        self.message_timeout = 15000
        self.last_error_box: QMessageBox | None = None
        #: ``show_error(title, message, details)``; replace it to record errors in tests.
        self.show_error: Callable[[str, str, str], Any] = self._message_box

    def start(
        self,
        title: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
        on_cancel: Callable[[], Any] | None = None,
    ) -> Task:
        """Run ``fn(progress, *args)`` on the thread pool; returns the :class:`Task` at once.

        ``on_done(result)`` may return a line for the status bar. ``on_error(exc)`` returning
        True means it showed the error itself. All callbacks run on the GUI thread.
        """
        task = Task(self, title, fn, args, on_done, on_error, on_cancel)
        self.tasks.append(task)
        bar = self._status_bar()
        if bar is not None:
            task.widget = TaskWidget(task)
            bar.addPermanentWidget(task.widget)
        self.taskStarted.emit(task)
        self.pool.start(task._runnable)
        return task

    def running(self) -> list[Task]:
        return [t for t in self.tasks if t.is_running]

    def cancel_all(self) -> None:
        for task in self.running():
            task.cancel()

    def wait_all(self, timeout_ms: int = 5000) -> bool:
        """Wait for the worker threads (call after cancel_all when the window closes)."""
        deadline = time.monotonic() + timeout_ms / 1000
        for task in list(self.tasks):
            if not task.wait(max(0.0, deadline - time.monotonic())):
                return False
        return True

    # -------------------------------------------------------------- internals
    def _status_bar(self):
        status_bar = getattr(self.window, "statusBar", None)
        return status_bar() if callable(status_bar) else None

    def _task_ended(self, task: Task, message: str) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        bar = self._status_bar()
        if task.widget is not None:
            if bar is not None:
                bar.removeWidget(task.widget)
            task.widget.deleteLater()
            task.widget = None
        if bar is not None and message:
            bar.showMessage(message, self.message_timeout)
        self.taskEnded.emit(task)
        task._runnable = None  # the worker has returned: let the runnable go
        # Freed with the caller's last reference, later: never while Qt delivers this very slot.
        QTimer.singleShot(0, lambda: task.setParent(None))

    def _message_box(self, title: str, message: str, details: str = "") -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            message,
            QMessageBox.StandardButton.Ok,
            self.window if isinstance(self.window, QWidget) else None,
        )
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, no nested event loop: the worker's other tasks keep reporting
        self.last_error_box = box
        return box
