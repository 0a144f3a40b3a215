"""The window's side of corpus safety: who may write, is the file healthy, why it is read-only.

* :func:`open_for_window` opens a corpus for the window: as the writer when nobody else
  writes to it, else read-only, remembering who holds it (the banner names them).
* :class:`CorpusGuard` checks the corpus's health in the background (SQLite's integrity check
  on its own connection) and, when it finds damage, stops all writing and says so; it also
  keeps the writer lock fresh so other machines see the writer is alive.
* :func:`banner_text` is the banner's sentence for each reason a corpus is read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.store import Corpus, CorpusError, first_problem

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

LOCK_REFRESH_MS = 60_000


def open_for_window(path, *, create: bool = False) -> Corpus:
    """The corpus at ``path`` for the window: writable, or read-only while another program writes it.

    The health check runs later in the background (:class:`CorpusGuard`), so opening stays fast.
    """
    try:
        return Corpus(path, create=create, check=False)
    except CorpusError as exc:
        if exc.kind != "locked":
            raise
        corpus = Corpus(path, create=False, read_only=True)
        holder = getattr(exc, "holder", None)
        corpus.set_read_only("locked", holder.describe() if holder else str(exc))
        corpus.lock_holder = holder  # type: ignore[attr-defined]
        return corpus


def banner_text(corpus: Corpus) -> str:
    """Why this corpus cannot be changed, in the interface language."""
    kind = getattr(corpus, "read_only_kind", None)
    holder = getattr(corpus, "lock_holder", None)
    if kind == "locked":
        if holder is not None:
            return translate(
                "CorpusGuard",
                "Another annotator is editing this corpus (on {host}, process {pid}, since {since}): "
                "it is open here read-only. Close it there, then reopen it here to edit.",
            ).format(host=holder.host, pid=holder.pid, since=holder.since)
        return translate("CorpusGuard", "Another program is editing this corpus: it is open here read-only.")
    if kind == "damaged":
        return translate(
            "CorpusGuard",
            "This corpus is damaged ({problem}): nothing more is written to it. Run annotator recover "
            "to rescue what can be read.",
        ).format(problem=corpus.read_only_reason or "")
    if kind == "mount":
        return translate(
            "CorpusGuard", "This corpus is on a read-only drive: you can read and search it, but not change it."
        )
    if kind == "file":
        return translate("CorpusGuard", "This corpus file is read-only: you can read and search it, but not change it.")
    if kind in ("folder", "lockfile"):
        return translate(
            "CorpusGuard", "The folder of this corpus is read-only: you can read and search it, but not change it."
        )
    return translate(
        "CorpusGuard",
        "This corpus is read-only: you can read and search it, but not change it. Open a copy to make changes.",
    )


class _HealthCheck(QRunnable):
    """``quick_check`` on a connection of its own (SQLite connections do not cross threads)."""

    def __init__(self, path: str, signals: "CorpusGuard"):
        super().__init__()
        self.path = path
        self.signals = signals

    def run(self) -> None:
        try:
            with Corpus(self.path, create=False, read_only=True, check=False) as corpus:
                problems = corpus.open_check()
        except CorpusError as exc:
            problems = [str(exc)] if exc.kind == "corrupt" else []
        except Exception as exc:  # noqa: BLE001 - a check that cannot run is not a damaged corpus
            problems = [] if not isinstance(exc, MemoryError) else [str(exc)]
        try:
            self.signals.checked.emit(self.path, problems)
        except RuntimeError:  # the window is gone
            pass


class CorpusGuard(QObject):
    """Background health check and lock refresh for a window (``window.corpus`` may change)."""

    checked = Signal(str, list)  # corpus path, problems (empty: healthy)
    damaged = Signal(str)  # the first problem, after the corpus was made read-only

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.checked.connect(self._checked)
        self._timer = QTimer(self)
        self._timer.setInterval(LOCK_REFRESH_MS)
        self._timer.timeout.connect(self._refresh_lock)
        self._timer.start()
        self.pool = QThreadPool.globalInstance()

    def check_now(self) -> None:
        corpus = self.window.corpus
        if corpus.read_only or str(corpus.path) == ":memory:":
            return
        self.pool.start(_HealthCheck(str(corpus.path), self))

    def _checked(self, path: str, problems: list) -> None:
        corpus = self.window.corpus
        if not problems or str(corpus.path) != path or corpus.read_only:
            return
        problem = first_problem(problems)
        corpus.set_read_only("damaged", problem)
        loaded = getattr(self.window, "_corpus_loaded", None)  # banner, actions and title follow read_only
        if loaded is not None:
            loaded(self.window.current_document_id)
        self.damaged.emit(problem)
        if not getattr(self.window, "_closed", False):
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                translate("CorpusGuard", "The corpus is damaged"),
                translate(
                    "CorpusGuard",
                    "The corpus {path} is damaged ({problem}). Nothing more will be written to "
                    "it; your earlier work is in its backups. Run annotator recover to rescue what "
                    "can be read.",
                ).format(path=path, problem=problem),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.open()

    def _refresh_lock(self) -> None:
        try:
            self.window.corpus.refresh_lock()
        except Exception:  # noqa: BLE001 - a heartbeat never disturbs the reviewer
            pass
