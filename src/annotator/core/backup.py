"""Backups, restore and recovery of a corpus.

* Backups are online copies made with SQLite's backup API (consistent even while the
  window writes), kept in ``NAME-backups/`` beside the corpus ``NAME.db``; the newest
  ``keep`` are kept. The window makes one when it closes and every few minutes of editing;
  ``annotator backup`` makes one on demand.
* ``restore`` puts a backup's content back into the corpus (through the backup API, so the
  corpus's WAL stays consistent), after a backup of the current state.
* ``recover`` rescues what can still be read from a damaged corpus into a NEW file: SQLite's
  ``.recover`` (sqlite3 command line tool) when it is installed, else a row-by-row salvage;
  or the newest healthy backup. The damaged file is never changed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from annotator.core.store import Corpus, CorpusError, first_problem

DEFAULT_KEEP = 10
BACKUP_SUFFIX = ".db"
# the tables a salvage copies, parents first, with their columns in the new corpus
_SALVAGE_TABLES = ("labels", "documents", "spans", "relations", "history")


def backup_dir(corpus_path: str | os.PathLike) -> Path:
    path = Path(corpus_path)
    return path.with_name(f"{path.stem}-backups")


def list_backups(corpus_path: str | os.PathLike) -> list[Path]:
    """Backups of a corpus, oldest first."""
    folder = backup_dir(corpus_path)
    if not folder.is_dir():
        return []
    stem = Path(corpus_path).stem
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{stem}-") and p.suffix == BACKUP_SUFFIX)


def make_backup(corpus: Corpus, *, keep: int = DEFAULT_KEEP, folder: str | os.PathLike | None = None) -> Path:
    """An online copy of ``corpus`` in its backup folder; older backups beyond ``keep`` are removed.

    A damaged corpus is not backed up (its copy would push a good backup out of the rotation).
    """
    problems = corpus.open_check()
    if problems:
        raise CorpusError(f"corpus {corpus.path} is damaged ({first_problem(problems)}); no backup was made"
                          " (older backups are kept); `annotator recover` rescues what can be read", "corrupt",
                          corpus.path)
    target_dir = Path(folder) if folder else backup_dir(corpus.path)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"cannot create the backup folder {target_dir}: {exc.strerror or exc}", "other",
                          target_dir) from exc
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    dest = target_dir / f"{corpus.path.stem}-{stamp}{BACKUP_SUFFIX}"
    tmp = dest.with_name(dest.name + ".part")
    try:
        corpus.backup_to(tmp)
        os.replace(tmp, dest)
    except CorpusError as exc:
        tmp.unlink(missing_ok=True)
        if exc.kind == "full":
            raise CorpusError(f"the disk holding the backup folder {target_dir} is full; no backup was made",
                              "full", target_dir) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if folder is None:
        for old in list_backups(corpus.path)[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
    return dest


def check_backup(path: str | os.PathLike) -> list[str]:
    """Problems of a backup file (empty when it is a healthy corpus)."""
    try:
        with Corpus(path, create=False, read_only=True) as backup:
            return backup.integrity_check()
    except CorpusError as exc:
        return [str(exc)]


def restore(corpus_path: str | os.PathLike, backup: str | os.PathLike, *, lock_wait: float = 0.0) -> Path | None:
    """Put ``backup`` back as the corpus; returns the backup made of the corpus before (None if it had none).

    A corpus that cannot be opened (damaged) is moved aside as ``NAME.damaged-STAMP.db``, not deleted.
    """
    problems = check_backup(backup)
    if problems:
        raise CorpusError(f"backup {backup} cannot be restored: {problems[0]}", "corrupt", backup)
    corpus_path = Path(corpus_path)
    if corpus_path.exists():
        try:
            corpus = Corpus(corpus_path, create=False, lock_wait=lock_wait)
        except CorpusError as exc:
            if exc.kind == "empty":
                with Corpus(corpus_path, create=True, check=False, lock_wait=lock_wait) as corpus:
                    corpus.restore_from(backup)
                return None
            if exc.kind != "corrupt":  # a foreign, newer or locked file is never touched
                raise
            stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
            aside = corpus_path.with_name(f"{corpus_path.stem}.damaged-{stamp}{corpus_path.suffix}")
            for suffix in ("", "-wal", "-shm"):
                part = Path(str(corpus_path) + suffix)
                if part.exists():
                    os.replace(part, str(aside) + suffix)
        else:
            with corpus:
                before = make_backup(corpus, keep=0, folder=backup_dir(corpus_path))
                corpus.restore_from(backup)
            return before
    with Corpus(corpus_path, create=True, check=False, lock_wait=lock_wait) as corpus:
        corpus.restore_from(backup)
    return None


@dataclass
class RecoverReport:
    method: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self, out: Path) -> str:
        got = ", ".join(f"{n} {table}" for table, n in self.rows.items())
        text = f"recovered into {out} ({self.method}): {got or 'nothing'}"
        lost = ", ".join(f"{n} {table}" for table, n in self.lost.items() if n)
        if lost:
            text += f"; unreadable: {lost}"
        return text


def recover(damaged: str | os.PathLike, out: str | os.PathLike, *, from_backup: bool = False,
            use_cli: bool = True) -> RecoverReport:
    """Rescue a damaged corpus into the new file ``out`` (which must not exist)."""
    damaged, out = Path(damaged), Path(out)
    if out.exists():
        raise FileExistsError(f"{out} already exists; recover writes a new file")
    if out.resolve() == damaged.resolve():
        raise ValueError("recover writes a new file; give another name")
    report = RecoverReport()
    if from_backup:
        for backup in reversed(list_backups(damaged)):
            if not check_backup(backup):
                shutil.copyfile(backup, out)
                report.method = f"backup {backup.name}"
                with Corpus(out, create=False, read_only=True) as corpus:
                    report.rows = _counts(corpus)
                return report
        raise CorpusError(f"no healthy backup of {damaged} in {backup_dir(damaged)}", "missing", damaged)
    try:  # only a corpus is rescued: a foreign, empty or newer file is refused as every command does
        Corpus(damaged, create=False, read_only=True, check=False).close()
    except CorpusError as exc:
        if exc.kind != "corrupt":
            raise
    sqlite_cli = shutil.which("sqlite3") if use_cli else None
    if sqlite_cli:
        try:
            _recover_with_cli(sqlite_cli, damaged, out)
            report.method = "sqlite3 .recover"
        except (OSError, subprocess.SubprocessError, sqlite3.Error, CorpusError) as exc:
            report.problems.append(f"the sqlite3 tool's .recover failed: {exc}; salvaging row by row instead")
            for suffix in ("", "-wal", "-shm"):
                Path(str(out) + suffix).unlink(missing_ok=True)
            sqlite_cli = None
    if not sqlite_cli:
        _salvage(damaged, out, report)
        report.method = "row-by-row salvage"
    with Corpus(out, create=False) as corpus:
        corpus.rebuild_search_index()
        report.rows = _counts(corpus)
        problems = corpus.integrity_check()
    if problems:
        report.problems.extend(problems)
    return report


def _counts(corpus: Corpus) -> dict[str, int]:
    return corpus.table_counts(("documents", "spans", "relations", "history"))


def _recover_with_cli(sqlite_cli: str, damaged: Path, out: Path) -> None:
    dump = subprocess.run([sqlite_cli, f"file:{damaged.resolve()}?mode=ro", ".recover"],
                          capture_output=True, timeout=3600, check=False)
    if b"INSERT" not in dump.stdout:  # some builds lack what .recover needs and print only an error
        error = dump.stderr.decode("utf-8", "replace").strip().splitlines()
        raise subprocess.SubprocessError(f"it read no rows{' (' + error[0] + ')' if error else ''}")
    load = subprocess.run([sqlite_cli, str(out)], input=dump.stdout, capture_output=True, timeout=3600,
                          check=False)
    if load.returncode != 0 and not out.exists():
        raise subprocess.SubprocessError(load.stderr.decode("utf-8", "replace").strip())
    Corpus(out, create=False).close()  # identifies it (.recover keeps the application_id) and migrates it


def _salvage(damaged: Path, out: Path, report: RecoverReport) -> None:
    """Copy every row SQLite can still read, table by table, into a new corpus."""
    with Corpus(out, create=True) as target:
        target.salvage_from(damaged, _SALVAGE_TABLES, report.rows, report.lost)
