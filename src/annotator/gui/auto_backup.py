"""Rotating backups while a reviewer edits: every few minutes of editing and when the window closes.

Backups are online copies (SQLite's backup API, see :mod:`annotator.core.backup`) kept in
``NAME-backups/`` beside the corpus; the newest ``keep`` stay. A periodic backup runs in a
worker thread on a connection of its own; the last one, at close, runs before the window goes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer

from annotator.core.backup import DEFAULT_KEEP, make_backup
from annotator.core.store import Corpus, CorpusError

BACKUP_MINUTES = 10
log = logging.getLogger(__name__)


def _backup(path: str, keep: int) -> None:
    try:
        with Corpus(path, create=False, read_only=True, check=False) as corpus:
            make_backup(corpus, keep=keep)
    except (CorpusError, OSError) as exc:  # a failed backup must never disturb the reviewer
        log.warning("backup of %s failed: %s", path, exc)


class _BackupJob(QRunnable):
    def __init__(self, path: str, keep: int):
        super().__init__()
        self.path, self.keep = path, keep

    def run(self) -> None:
        _backup(self.path, self.keep)


class AutoBackup(QObject):
    """Backs up ``window.corpus`` after edits: every ``minutes`` while editing, and at close."""

    def __init__(self, window, *, minutes: float = BACKUP_MINUTES, keep: int = DEFAULT_KEEP):
        super().__init__(window)
        self.window = window
        self.keep = keep
        self.dirty = False
        self.made = 0
        window.session.documentEdited.connect(self._edited)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def _edited(self, *_args) -> None:
        self.dirty = True

    def _target(self) -> str | None:
        corpus = self.window.corpus
        if not self.dirty or corpus.read_only or str(corpus.path) == ":memory:":
            return None
        return str(corpus.path)

    def tick(self) -> None:
        """A periodic backup, in the background, when something was edited since the last one."""
        path = self._target()
        if path is not None:
            self.dirty = False
            self.made += 1
            QThreadPool.globalInstance().start(_BackupJob(path, self.keep))

    def at_close(self) -> None:
        """The closing backup (before the corpus connection is closed)."""
        self.timer.stop()
        path = self._target()
        if path is not None:
            self.dirty = False
            self.made += 1
            _backup(path, self.keep)
