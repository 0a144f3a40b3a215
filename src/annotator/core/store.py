"""The SQLite corpus: documents, spans, relations, labels and the edit history.

Every edit is committed as it happens, so a crash or a killed process loses nothing that
was already shown. The schema carries a version; a corpus written by a newer version is
refused before anything is written to it.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.model import (
    DEFAULT_LABELS,
    Document,
    DocumentSummary,
    Label,
    LabelKind,
    PHRASE_LABEL,
    Relation,
    Span,
    SpanState,
    Status,
)
from annotator.core.corpus_file import (
    APPLICATION_ID,
    LEGACY_TABLES,
    SQLITE_HEADER,
    describe_foreign,
    is_wal,
    read_head,
    READ_ONLY_REASONS,
    read_only_kind,
    special_kind,
)
from annotator.core.text import check_span, content_hash
from annotator.core.writer_lock import LockBusy, WriterLock

SCHEMA_VERSION = 5  # the highest step of _MIGRATIONS (2: reliability, 3: fidelity-core, 4: learning, 5: span order)
DEFAULT_LOCK_WAIT = 0.0  # seconds a writer waits for another's lock; the CLI sets its own (ANNOTATOR_LOCK_WAIT)


class CorpusError(Exception):
    """A corpus that cannot be opened or written, with a message meant for the user.

    ``kind`` names the reason so a user interface can say it in its own language:
    missing, folder, empty, locked, corrupt, foreign, newer, read_only, full, io, conflict,
    label_in_use or other.
    """

    def __init__(self, message: str, kind: str = "other", path: str | os.PathLike | None = None,
                 what: str | None = None):
        super().__init__(message)
        self.kind = kind
        self.path = str(path) if path is not None else None
        self.what = what  # for kind foreign: what the file is instead ("a text file", ...)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class DocumentFilter:
    status: Sequence[Status] | None = None
    label: str | None = None
    reviewer: str | None = None
    query: str | None = None

    def is_empty(self) -> bool:
        return not (self.status or self.label or self.reviewer or self.query)


_MIGRATIONS: dict[int, list] = {  # SQL statements, or functions taking the connection
    1: [
        """CREATE TABLE IF NOT EXISTS documents (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'new',
            reviewer TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            time_spent REAL NOT NULL DEFAULT 0,
            span_count INTEGER NOT NULL DEFAULT 0,
            suggested_count INTEGER NOT NULL DEFAULT 0,
            length INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS documents_status ON documents(status)",
        "CREATE INDEX IF NOT EXISTS documents_reviewer ON documents(reviewer)",
        """CREATE TABLE IF NOT EXISTS spans (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'reviewer',
            state TEXT NOT NULL DEFAULT 'accepted',
            score REAL,
            attrs TEXT NOT NULL DEFAULT '{}',
            author TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )""",
        "CREATE INDEX IF NOT EXISTS spans_doc ON spans(doc_id, start)",
        "CREATE INDEX IF NOT EXISTS spans_label ON spans(label)",
        """CREATE TABLE IF NOT EXISTS relations (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'reviewer',
            author TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS relations_doc ON relations(doc_id)",
        """CREATE TABLE IF NOT EXISTS labels (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'entity',
            colour TEXT NOT NULL DEFAULT '#999999',
            key TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE IF NOT EXISTS history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT,
            doc_id INTEGER,
            action TEXT NOT NULL,
            target INTEGER,
            before TEXT,
            after TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS history_doc ON history(doc_id)",
    ],
    # 3: the tokens and sentences of documents imported from token formats (CoNLL, hf,
    # Prodigy tokens, ...), kept so that exports write them again (flat JSON offset lists)
    3: [
        """CREATE TABLE IF NOT EXISTS doc_tokens (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            tokens TEXT NOT NULL,
            sentences TEXT
        )""",
    ],
    # step 4 (learning): what reviewers taught the instant memory, one row per string and label
    4: [
        """CREATE TABLE IF NOT EXISTS memory (
            surface TEXT NOT NULL,
            label TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('+', '-')),
            count INTEGER NOT NULL DEFAULT 1,
            who TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (surface, label)
        )""",
    ],
}


def _autoincrement_ids(conn: sqlite3.Connection) -> None:
    """Step 2: span and relation ids are never reused (AUTOINCREMENT).

    The tables are rebuilt from their own stored definition (so columns other steps added
    stay), keeping every row and id, their indexes and triggers; the sequence starts after
    the highest id ever seen, also in the history, so a deleted span's id never comes back.
    Runs with foreign keys off (the caller's job) so dropping the old table cascades nothing.
    """
    for table in ("spans", "relations"):
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()
        if row is None or "AUTOINCREMENT" in row[0].upper():
            continue
        create = re.sub(r'^\s*CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?["`]?' + table + r'["`]?',
                        f"CREATE TABLE {table}_rebuilt", row[0], count=1, flags=re.IGNORECASE)
        create = re.sub(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT", create,
                        count=1, flags=re.IGNORECASE)
        extras = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name=? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
            (table,))]
        columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA table_info({table})"))
        conn.execute(create)
        conn.execute(f"INSERT INTO {table}_rebuilt ({columns}) SELECT {columns} FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        for sql in extras:
            conn.execute(sql)
        actions = ("add_span", "update_span", "delete_span") if table == "spans" else \
            ("add_relation", "delete_relation")
        high = conn.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), coalesce((SELECT max(target) FROM history"
            f" WHERE action IN ({','.join('?' * len(actions))})), 0))", actions).fetchone()[0]
        conn.execute("DELETE FROM sqlite_sequence WHERE name=?", (table,))
        conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", (table, high))


_MIGRATIONS[2] = [_autoincrement_ids]

# Step 5: the span index in reading order, so opening an article reads its spans already sorted
# (no temporary B-tree for ``ORDER BY start, "end" DESC, id``; a 2,000-span article opens ~1 ms sooner).
_MIGRATIONS[5] = [
    "DROP INDEX IF EXISTS spans_doc",
    'CREATE INDEX spans_doc ON spans(doc_id, start, "end" DESC, id)',
]


#: a span the machine suggested and nobody has decided on yet: the only kind pre-annotation and
#: learning may replace (a reviewer's, an imported tool's and a merged reviewer's suggestions stay)
_MACHINE_SUGGESTION = "state='suggested' AND origin NOT IN ('reviewer', 'import') AND origin NOT LIKE 'merge:%'"


def _json(value: Any) -> str:
    return json.dumps(value or {}, ensure_ascii=False, sort_keys=True)


_STATES = {state.value: state for state in SpanState}


def _json_or_empty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else "{}"


def _span_from_row(row: dict) -> Span:
    attrs = row["attrs"]
    return Span(
        start=row["start"], end=row["end"], label=row["label"], origin=row["origin"],
        state=_STATES[row["state"]], attrs=json.loads(attrs) if attrs and attrs != "{}" else {},
        score=row["score"], id=row["id"], doc_id=row["doc_id"], author=row["author"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )


def _flat(pairs: Sequence[tuple[int, int]]) -> str:
    return json.dumps([x for pair in pairs for x in pair], separators=(",", ":"))


def _pairs(flat: str) -> list[tuple[int, int]]:
    values = json.loads(flat)
    return list(zip(values[0::2], values[1::2]))


def _span_dict(span: Span) -> dict:
    return {"start": span.start, "end": span.end, "label": span.label, "origin": span.origin,
            "state": SpanState(span.state).value, "score": span.score, "attrs": span.attrs}


class Database:
    """The corpus connection with the few sqlite-utils calls the store makes, answered by sqlite3.

    Importing sqlite_utils pulls in pandas when it is installed (over a second at start-up), so
    it is imported only if some caller reaches for another sqlite-utils feature (``__getattr__``).
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._full = None

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> Iterator[dict]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]

    def full(self):
        """The sqlite_utils.Database over the same connection (imported on first use)."""
        if self._full is None:
            import sqlite_utils

            self._full = sqlite_utils.Database(self.conn)
        return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full(), name)

    def __getitem__(self, table: str):
        return self.full()[table]


class StaleEdit(CorpusError, KeyError):
    """An edit of a span or relation that is no longer there (changed by another session)."""

    def __init__(self, what: str, item_id: int, path: str | os.PathLike | None = None):
        CorpusError.__init__(
            self, f"{what} {item_id} is no longer in the corpus (it was deleted or changed in another"
                  " window or program); the document was reloaded", "conflict", path)
        self.item_id = item_id

    def __str__(self) -> str:
        return str(self.args[0])


class Corpus:
    """One corpus file. Not thread-safe: open one per thread (SQLite WAL lets them share the file).

    ``create`` allows making a new corpus, only in a file that does not exist or is empty (0
    bytes); any other file must carry the corpus marks (see :mod:`annotator.core.corpus_file`).
    A writer takes the corpus's writer lock (waiting up to ``lock_wait`` seconds) and, with
    ``check``, checks its health first (:meth:`open_check`): a damaged corpus is never written.
    ``read_only_reason`` says why a corpus opened read-only.
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = True, read_only: bool = False,
                 check: bool = True, lock_wait: float | None = None):
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        # why it is read-only: requested, file, folder, mount, lockfile, locked (another writer), damaged
        self.read_only_kind: str | None = "requested" if read_only else None
        self._lock: WriterLock | None = None
        self._tmp_copy: str | None = None
        try:
            self._open(create, check, DEFAULT_LOCK_WAIT if lock_wait is None else lock_wait)
        except BaseException:
            self._release()
            raise

    # ------------------------------------------------------------------ opening
    def _open(self, create: bool, check: bool, lock_wait: float) -> None:
        path = self.path
        memory = str(path) == ":memory:"
        new = memory
        head = b""
        if not memory:
            try:
                info = path.stat()
            except FileNotFoundError:
                info = None
            except OSError as exc:
                raise CorpusError(f"cannot use corpus {path}: {exc.strerror or exc}", "other", path) from exc
            if info is None:
                if not create or self.read_only:
                    raise CorpusError(f"corpus file {path} does not exist", "missing", path)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise CorpusError(f"cannot create folder for {path}: {exc.strerror}", "other", path) from exc
                new = True
            elif stat.S_ISDIR(info.st_mode):
                raise CorpusError(f"{path} is a folder, not a corpus file", "folder", path)
            elif special_kind(info.st_mode):
                raise CorpusError(f"{path} is {special_kind(info.st_mode)}, not an annotator corpus", "foreign", path,
                                  special_kind(info.st_mode))
            elif info.st_size == 0:
                if not create or self.read_only:
                    raise CorpusError(f"{path} is an empty file, not an annotator corpus", "empty", path)
                new = True
            else:
                try:
                    head = read_head(path)
                except OSError as exc:
                    raise CorpusError(f"cannot read corpus {path}: {exc.strerror or exc}", "other", path) from exc
                if not head.startswith(SQLITE_HEADER):
                    what = describe_foreign(head)
                    raise CorpusError(f"{path} is {what}, not an annotator corpus", "foreign", path, what)
            if not self.read_only and not new:
                kind = read_only_kind(path)
                if kind:
                    self.set_read_only(kind, READ_ONLY_REASONS[kind])
            elif new and not os.access(path.parent, os.W_OK):
                raise CorpusError(f"cannot create corpus {path}: its folder is read-only", "read_only", path)
        try:
            conn = self._connect(head)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 2000")
            conn.create_function("accent_match", 2, accent_match, deterministic=True)
            self.db = Database(conn)
            version = self._identify(new)
            if not self.read_only and not memory:
                self._take_lock(lock_wait)
            if check and not self.read_only and not new:
                problems = self.open_check()
                if problems:
                    raise CorpusError(
                        f"corpus {path} is damaged ({first_problem(problems)}); nothing was written. Run"
                        " `annotator check` for details and `annotator recover` to rescue it", "corrupt", path)
            self._check_and_migrate(version)
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from exc

    def _connect(self, head: bytes) -> sqlite3.Connection:
        path = self.path
        if not self.read_only:
            return sqlite3.connect(str(path), timeout=2.0)
        uri = path.resolve().as_uri()  # quoted: # ? % in names
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=2.0)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            if not is_wal(head):
                raise
        # WAL mode without a -shm file SQLite may create (read-only folder or mount)
        wal = Path(str(path) + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=2.0)
        # committed edits still in the -wal file: read a private copy of both files
        tmp = tempfile.mkdtemp(prefix="annotator-ro-")
        self._tmp_copy = tmp
        shutil.copyfile(path, os.path.join(tmp, "corpus.db"))
        shutil.copyfile(wal, os.path.join(tmp, "corpus.db-wal"))
        return sqlite3.connect(os.path.join(tmp, "corpus.db"), timeout=2.0)

    def _take_lock(self, wait: float) -> None:
        lock = WriterLock(self.path)
        try:
            lock.acquire(wait)
        except LockBusy as exc:
            error = CorpusError(f"corpus {self.path} is being edited by {exc.holder.describe()};"
                                " close it there and try again", "locked", self.path)
            error.holder = exc.holder  # type: ignore[attr-defined]
            raise error from None
        except OSError as exc:
            self.set_read_only("lockfile", f"its lock file cannot be written ({exc.strerror or exc})")
            return
        self._lock = lock

    def set_read_only(self, kind: str, reason: str) -> None:
        """From now on refuse writes (a damaged corpus found by a background check, another writer)."""
        self.read_only, self.read_only_kind, self.read_only_reason = True, kind, reason

    def refresh_lock(self) -> None:
        """Show other hosts this writer is alive (the window calls it every minute)."""
        if self._lock is not None:
            self._lock.refresh()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._tmp_copy is not None:
            shutil.rmtree(self._tmp_copy, ignore_errors=True)
            self._tmp_copy = None

    def _explain(self, exc: sqlite3.Error) -> "CorpusError":
        if isinstance(exc, CorpusError):
            return exc
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return CorpusError(f"corpus {self.path} is locked by another program; close it and try again",
                               "locked", self.path)
        if "malformed" in msg and hasattr(self, "db"):
            return CorpusError(f"corpus {self.path} is damaged ({msg}); `annotator recover` rescues what can be"
                               " read", "corrupt", self.path)
        if "Could not decode to UTF-8" in msg:
            return CorpusError(f"corpus {self.path} is damaged (a text cannot be read: {msg[:80]}); `annotator"
                               " recover` rescues what can be read", "corrupt", self.path)
        if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
            return CorpusError(f"{self.path} is not an annotator corpus or is corrupt ({msg})", "corrupt", self.path)
        if "no such table" in msg or "no such column" in msg:
            return CorpusError(f"corpus {self.path} is damaged ({msg}); run `annotator recover`", "corrupt", self.path)
        if "readonly" in msg or "read-only" in msg:
            return CorpusError(f"corpus {self.path} is read-only", "read_only", self.path)
        if "disk is full" in msg or "database or disk is full" in msg:
            return CorpusError(f"the disk holding corpus {self.path} is full; free some space and try again",
                               "full", self.path)
        if "disk I/O error" in msg:
            return CorpusError(f"corpus {self.path} could not be read or written (disk I/O error)", "io", self.path)
        return CorpusError(f"cannot use corpus {self.path}: {msg}", "other", self.path)

    def _identify(self, new: bool) -> int:
        """The schema version of this corpus (0 for a new one); refuses any other file."""
        conn = self.db.conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id == APPLICATION_ID:
            if "meta" not in tables:
                raise CorpusError(f"corpus {self.path} is damaged (its meta table is missing);"
                                  " run `annotator recover`", "corrupt", self.path)
            version = self._stored_version()
            if version <= SCHEMA_VERSION:
                missing = sorted(LEGACY_TABLES - tables)
                if missing:
                    raise CorpusError(f"corpus {self.path} is damaged (table {', '.join(missing)} missing);"
                                      " run `annotator recover`", "corrupt", self.path)
            return version
        if app_id == 0 and not tables and new:
            return 0
        if app_id == 0 and LEGACY_TABLES <= tables:
            version = self._stored_version()
            if version >= 1:
                return version
        if app_id:
            what = f"an SQLite database of another program (application_id {app_id:#x})"
        elif tables:
            names = sorted(tables)
            what = "an SQLite database of another program (tables: " + ", ".join(names[:6]) + \
                   (", ..." if len(names) > 6 else "") + ")"
        else:
            what = "an empty SQLite database of another program"
        raise CorpusError(f"{self.path} is {what}, not an annotator corpus", "foreign", self.path,
                          "an SQLite database of another program")

    def _stored_version(self) -> int:
        try:
            row = self.db.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            return int(row[0]) if row else 0
        except (ValueError, TypeError):
            return 0

    def _check_and_migrate(self, version: int) -> None:
        conn = self.db.conn
        if version > SCHEMA_VERSION:
            writer = conn.execute("SELECT value FROM meta WHERE key='written_by'").fetchone()
            raise CorpusError(
                f"corpus {self.path} was written by a newer annotator "
                f"({writer[0] if writer else 'unknown version'}, schema {version}); this is "
                f"annotator {__version__} (schema {SCHEMA_VERSION}). Update annotator to open it.",
                "newer", self.path)
        legacy = version > 0 and conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID
        steps = list(range(version + 1, SCHEMA_VERSION + 1))
        if legacy and version >= 2:  # written without step 2 (before it existed): run it anyway
            steps.insert(0, 2)
        if not steps or self.read_only:
            # an older corpus that cannot be written is read as it is (the migrations only add)
            if not self.read_only:
                self._enable_wal()
            return
        self._enable_wal()
        conn.execute("PRAGMA foreign_keys = OFF")  # table rebuilds must not cascade
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")  # DDL too: a migration cut by a kill leaves the corpus as it was
                conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                for target in steps:
                    for statement in _MIGRATIONS.get(target, []):  # numbered steps; a gap is allowed
                        if callable(statement):
                            statement(conn)
                        else:
                            conn.execute(statement)
                if version == 0:
                    for label in DEFAULT_LABELS:
                        conn.execute(
                            "INSERT OR IGNORE INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?)",
                            (label.name, label.kind.value, label.colour, label.key, label.position))
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_at', ?)", (now(),))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('written_by', ?)", (f"annotator {__version__}",))
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems and version >= 1:
                    raise CorpusError(f"corpus {self.path} has {len(problems)} broken references; "
                                      "run `annotator recover`", "corrupt", self.path)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        if "documents_fts" not in self.db.table_names():
            self._create_fts()

    # ------------------------------------------------------------------ health and copies
    # below this size a writer's open runs the full integrity_check (about 6 ms a MB): quick_check
    # misses damaged row contents (text that is not UTF-8, index entries that do not match)
    FULL_CHECK_BELOW = 256 * 1024 * 1024

    def open_check(self) -> list[str]:
        """The health check a writer runs when it opens the corpus: the problems found (empty: healthy)."""
        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        if size >= self.FULL_CHECK_BELOW:
            return self.quick_check()
        rows = [r[0] for r in self.db.conn.execute("PRAGMA integrity_check(20)").fetchall()]
        return [] if rows == ["ok"] else rows

    def quick_check(self) -> list[str]:
        """``PRAGMA quick_check``: the problems found (empty when healthy); cheap enough for every open."""
        rows = [r[0] for r in self.db.conn.execute("PRAGMA quick_check").fetchall()]
        return [] if rows == ["ok"] else rows

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` plus the foreign keys and the search index: every problem found."""
        conn = self.db.conn
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        problems = [] if rows == ["ok"] else rows
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
        if not problems and "documents_fts" in self.db.table_names():
            try:
                conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                if self.read_only and "readonly" in str(exc):
                    pass
                else:
                    problems.append(f"search index: {exc}")
        return problems

    def backup_to(self, dest: str | os.PathLike, *, pages: int = 4096) -> None:
        """Copy the corpus, consistent at one moment, to ``dest`` with SQLite's online backup API
        (other connections may keep writing meanwhile)."""
        target = sqlite3.connect(str(dest))
        try:
            self.db.conn.backup(target, pages=pages)
        finally:
            target.close()

    def restore_from(self, source: str | os.PathLike) -> None:
        """Replace this corpus's content with a backup's, through the backup API (WAL-safe)."""
        self._writable()
        src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.backup(self.db.conn)
        finally:
            src.close()

    def _create_fts(self) -> None:
        """Full-text index over title and text, kept in step by triggers.

        The update trigger fires only when title or text change: span edits touch the
        document row (counts, status) on every keystroke and must not re-index the article.
        """
        self.db["documents"].enable_fts(["title", "text"], create_triggers=False,
                                        tokenize="unicode61 remove_diacritics 2")
        with self.db.conn:
            self.db.conn.executescript("""
                CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
                  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
                END;
                CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
                  INSERT INTO documents_fts (documents_fts, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
                END;
                CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF title, text ON documents BEGIN
                  INSERT INTO documents_fts (documents_fts, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
                  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
                END;
            """)

    def _enable_wal(self) -> None:
        if str(self.path) != ":memory:":
            self.db.conn.execute("PRAGMA journal_mode=WAL")
            self.db.conn.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            self._release()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all."""
        self._writable()
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._explain(exc) from exc
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        else:
            try:
                conn.commit()
            except sqlite3.DatabaseError as exc:
                conn.rollback()
                raise self._explain(exc) from exc
            if self._lock is not None:
                self._lock.refresh()

    def ensure_writable(self) -> None:
        """Raise the read-only CorpusError (with its reason) before long work that will write."""
        self._writable()

    def _writable(self) -> None:
        if self.read_only:
            reason = self.read_only_reason or "opened read-only"
            raise CorpusError(f"corpus {self.path} is read-only ({reason}); nothing was written", "read_only",
                              self.path)

    def _log(self, who: str | None, doc_id: int | None, action: str, target: int | None,
             before: Any = None, after: Any = None) -> None:
        self.db.conn.execute(
            "INSERT INTO history(at, who, doc_id, action, target, before, after) VALUES (?,?,?,?,?,?,?)",
            (now(), who, doc_id, action, target,
             None if before is None else json.dumps(before, ensure_ascii=False),
             None if after is None else json.dumps(after, ensure_ascii=False)))

    def meta(self, key: str) -> str | None:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def rebuild_search_index(self) -> None:
        with self.transaction():
            self.db.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")

    def table_counts(self, tables: Sequence[str]) -> dict[str, int]:
        names = set(self.db.table_names())
        return {t: self.db.conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables if t in names}

    def salvage_from(self, damaged: str | os.PathLike, tables: Sequence[str], rows: dict[str, int],
                     lost: dict[str, int]) -> None:
        """Copy every row a damaged corpus still yields into this (new) corpus.

        Reading goes by rowid; where SQLite fails (a damaged page), reading resumes further on,
        jumping farther each time, and the stretch is counted in ``lost[table]``. Rows whose
        document did not survive are dropped; counts and the search index are rebuilt.
        """
        self._writable()
        src = sqlite3.connect(f"{Path(damaged).resolve().as_uri()}?mode=ro", uri=True)
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn:
                for table in tables:
                    rows[table], lost[table] = self._salvage_table(src, table)
                conn.execute("DELETE FROM spans WHERE doc_id NOT IN (SELECT id FROM documents)")
                conn.execute("DELETE FROM relations WHERE doc_id NOT IN (SELECT id FROM documents)"
                             " OR head NOT IN (SELECT id FROM spans) OR tail NOT IN (SELECT id FROM spans)")
                conn.execute(f"UPDATE documents SET {self._COUNTS.replace('=?', '=documents.id')}")
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
            src.close()

    def _salvage_table(self, src: sqlite3.Connection, table: str) -> tuple[int, int]:
        conn = self.db.conn
        ours = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
        try:
            theirs = {r[1] for r in src.execute(f"PRAGMA table_info([{table}])")}
        except sqlite3.DatabaseError:
            return 0, 1
        columns = [c for c in ours if c in theirs]
        if not columns:
            return 0, 1 if table != "labels" else 0
        names = ", ".join(f'"{c}"' for c in columns)
        insert = f"INSERT OR REPLACE INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"
        copied, stretches, after, jump = 0, 0, 0, 1
        while True:
            try:
                cursor = src.execute(f"SELECT rowid, {names} FROM [{table}] WHERE rowid > ? ORDER BY rowid", (after,))
                for row in cursor:
                    after, jump = row[0], 1
                    try:
                        conn.execute(insert, row[1:])
                        copied += 1
                    except sqlite3.IntegrityError:
                        pass
                return copied, stretches
            except sqlite3.DatabaseError:
                stretches += 1
                if jump > (1 << 40) or after > (1 << 61):
                    return copied, stretches
                after += jump
                jump *= 2

    # ------------------------------------------------------------------ labels
    def labels(self) -> list[Label]:
        rows = self.db.conn.execute(
            "SELECT name, kind, colour, key, position FROM labels ORDER BY position, name").fetchall()
        return [Label(n, LabelKind(k), c, key, p) for n, k, c, key, p in rows]

    def label_names(self) -> set[str]:
        return {r[0] for r in self.db.conn.execute("SELECT name FROM labels")}

    def upsert_label(self, label: Label) -> None:
        with self.transaction():
            self.db.conn.execute(
                "INSERT INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?) "
                "ON CONFLICT(name) DO UPDATE SET kind=excluded.kind, colour=excluded.colour, "
                "key=excluded.key, position=excluded.position",
                (label.name, LabelKind(label.kind).value, label.colour, label.key, label.position))

    def delete_label(self, name: str) -> None:
        with self.transaction():
            used = self.db.conn.execute("SELECT count(*) FROM spans WHERE label=?", (name,)).fetchone()[0]
            if used:
                raise CorpusError(f"label {name} is used by {used} spans; relabel them first", "label_in_use")
            self.db.conn.execute("DELETE FROM labels WHERE name=?", (name,))

    def ensure_label(self, name: str) -> None:
        """Add an unknown label with a neutral colour (used by imports that allow new labels)."""
        if name in self.label_names():
            return
        position = self.db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM labels").fetchone()[0]
        kind = LabelKind.DIRECTIVE if name.upper().startswith("DIRECTIVE") else LabelKind.ENTITY
        if name == PHRASE_LABEL.name:
            self.upsert_label(PHRASE_LABEL)
            return
        palette = ["#469990", "#9a6324", "#800000", "#808000", "#000075", "#f032e6", "#42d4f4"]
        with self.transaction():
            self.db.conn.execute(
                "INSERT OR IGNORE INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?)",
                (name, kind.value, palette[position % len(palette)],
                 str(position) if position <= 9 else "", position))

    def set_label_kind(self, name: str, kind: LabelKind) -> None:
        with self.transaction():
            self.db.conn.execute("UPDATE labels SET kind=? WHERE name=?", (LabelKind(kind).value, name))

    def rename_label(self, old: str, new: str, *, who: str | None = None, check=None) -> int:
        """Rename label ``old`` to ``new`` and relabel its spans (ids, states, relations kept);
        ``check(new)`` may raise ValueError for a bad name. Returns how many spans changed."""
        with self.transaction():
            conn = self.db.conn
            row = conn.execute("SELECT kind, colour, key, position FROM labels WHERE name=?", (old,)).fetchone()
            if row is None:
                raise KeyError(old)
            if new == old:
                return 0
            if check is not None:
                check(new)
            conn.execute("INSERT INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?)", (new, *row))
            count = conn.execute("UPDATE spans SET label=? WHERE label=?", (new, old)).rowcount
            conn.execute("DELETE FROM labels WHERE name=?", (old,))
            self._log(who, None, "rename_label", None, {"name": old}, {"name": new, "spans": count})
        return count

    def span_counts_by_label(self) -> dict[str, dict[str, int]]:
        """Spans per label and state (every state: a rejected span still holds its label)."""
        out: dict[str, dict[str, int]] = {}
        for label, state, n in self.db.conn.execute("SELECT label, state, count(*) FROM spans GROUP BY label, state"):
            out.setdefault(label, {})[state] = n
        return out

    def reviewers(self) -> list[str]:
        rows = self.db.conn.execute(
            "SELECT DISTINCT reviewer FROM documents WHERE reviewer IS NOT NULL ORDER BY reviewer")
        return [r[0] for r in rows if r[0]]

    # ------------------------------------------------------------------ documents
    def find_by_hash(self, digest: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM documents WHERE hash=?", (digest,)).fetchone()
        return row[0] if row else None

    def add_document(self, doc: Document, *, who: str | None = None) -> tuple[int, bool]:
        """Store a document with its spans and relations; returns (id, created).

        A document whose text is already stored is a duplicate: nothing is written and
        ``created`` is False. ``doc.text`` must already be normalised (see core.text.normalize).
        """
        digest = content_hash(doc.text)
        existing = self.find_by_hash(digest)
        if existing is not None:
            return existing, False
        for span in doc.spans:
            problem = check_span(doc.text, span.start, span.end)
            if problem:
                raise ValueError(problem)
        stamp = now()
        uid = doc.uid or digest[:16]
        with self.transaction():
            if self.db.conn.execute("SELECT 1 FROM documents WHERE uid=?", (uid,)).fetchone():
                uid = f"{uid}-{digest[:8]}"
            cur = self.db.conn.execute(
                "INSERT INTO documents(uid, hash, title, text, source, meta, status, reviewer, created_at,"
                " updated_at, time_spent, length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (uid, digest, doc.title or "", doc.text, doc.source or "", _json(doc.meta),
                 Status(doc.status).value, doc.reviewer, doc.created_at or stamp, stamp,
                 float(doc.time_spent or 0), len(doc.text)))
            doc_id = cur.lastrowid
            ids = self._insert_spans(doc_id, doc.spans, who, stamp)
            for rel in doc.relations:
                self.db.conn.execute(
                    "INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (doc_id, ids[rel.head], ids[rel.tail], rel.label, rel.origin, rel.author or who, stamp))
            self._recount(doc_id)
        return doc_id, True

    # ------------------------------------------------------------------ bulk import
    @contextmanager
    def file_transaction(self) -> Iterator[None]:
        """The corpus transaction, or a savepoint when the caller already holds a transaction,
        so that a file that fails is undone either way."""
        conn = self.db.conn
        if not conn.in_transaction:
            with self.transaction():
                yield
            return
        self._writable()
        conn.execute("SAVEPOINT annotator_import_file")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO annotator_import_file")
            conn.execute("RELEASE annotator_import_file")
            raise
        conn.execute("RELEASE annotator_import_file")

    def max_document_id(self) -> int:
        return self.db.conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]

    def free_uid(self, uid: str, digest: str) -> str:
        """``uid``, or a variant of it no stored document has."""
        for candidate in (uid, f"{uid}-{digest[:8]}", f"{uid}-{digest}"):
            if not self.db.conn.execute("SELECT 1 FROM documents WHERE uid=?", (candidate,)).fetchone():
                return candidate
        return digest  # pragma: no cover - the hash itself is unique among documents

    _IMPORT_DOC_SQL = (
        "INSERT INTO documents(uid, hash, title, text, source, meta, status, reviewer, created_at,"
        " updated_at, time_spent, span_count, suggested_count, length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    _IMPORT_SPAN_SQL = ('INSERT INTO spans(doc_id, start, "end", label, origin, state, score, attrs, author,'
                        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")

    def insert_imported(self, doc: Document, digest: str, *, who: str | None, stamp: str) -> tuple[int, list[tuple]]:
        """Insert an imported, validated document inside the caller's transaction.

        Span counts come from Python; spans of a document with relations are inserted now
        (their ids are needed), the others are returned as rows for :meth:`insert_span_rows`,
        which the importer sends in large batches (import speed).
        """
        uid = self.free_uid(doc.uid or digest[:16], digest)
        counted = sum(1 for s in doc.spans if s.state != SpanState.REJECTED)
        suggested = sum(1 for s in doc.spans if s.state == SpanState.SUGGESTED)
        conn = self.db.conn
        doc_id = conn.execute(self._IMPORT_DOC_SQL, (
            uid, digest, doc.title, doc.text, doc.source, _json_or_empty(doc.meta), Status(doc.status).value,
            doc.reviewer, stamp, stamp, float(doc.time_spent or 0), counted, suggested, len(doc.text))).lastrowid
        rows = [(doc_id, s.start, s.end, s.label, s.origin, SpanState(s.state).value, s.score,
                 _json_or_empty(s.attrs), who, stamp, stamp) for s in doc.spans]
        if not doc.relations:
            return doc_id, rows
        ids = [conn.execute(self._IMPORT_SPAN_SQL, row).lastrowid for row in rows]
        conn.executemany(
            "INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at) VALUES (?,?,?,?,?,?,?)",
            [(doc_id, ids[r.head], ids[r.tail], r.label, r.origin, who, stamp) for r in doc.relations])
        return doc_id, []

    def merge_imported(self, doc_id: int, doc: Document, status: Status | None, *, who: str | None,
                       stamp: str) -> None:
        """Add a later record's spans and relations to a document of the same import (Prodigy
        answers): the same span (start, end, label) takes the later state; ``status`` replaces
        the document's. Inside the caller's transaction."""
        conn = self.db.conn
        known = {(s, e, label): sid for sid, s, e, label in conn.execute(
            'SELECT id, start, "end", label FROM spans WHERE doc_id=?', (doc_id,))}
        ids = []
        for s in doc.spans:
            sid = known.get((s.start, s.end, s.label))
            if sid is None:
                sid = conn.execute(self._IMPORT_SPAN_SQL, (
                    doc_id, s.start, s.end, s.label, s.origin, SpanState(s.state).value, s.score,
                    _json_or_empty(s.attrs), who, stamp, stamp)).lastrowid
            else:
                conn.execute("UPDATE spans SET state=?, score=coalesce(?, score), updated_at=? WHERE id=?",
                             (SpanState(s.state).value, s.score, stamp, sid))
            ids.append(sid)
        have = set(conn.execute("SELECT head, tail, label FROM relations WHERE doc_id=?", (doc_id,)).fetchall())
        self.insert_relations(doc_id, [(ids[r.head], ids[r.tail], r.label, r.origin, who, stamp)
                                       for r in doc.relations if (ids[r.head], ids[r.tail], r.label) not in have])
        conn.execute(
            f"UPDATE documents SET status=coalesce(?, status), updated_at=?, {self._COUNTS} WHERE id=?",
            (status.value if status else None, stamp, doc_id, doc_id, doc_id))

    def insert_span_rows(self, rows: Sequence[tuple]) -> None:
        if rows:
            self.db.conn.executemany(self._IMPORT_SPAN_SQL, rows)

    def replace_work(self, doc_id: int, doc: Document, *, stamp: str) -> None:
        """A merge taking another reviewer's work: spans, relations, status, reviewer and time
        (inside the caller's transaction)."""
        conn = self.db.conn
        conn.execute("DELETE FROM relations WHERE doc_id=?", (doc_id,))
        conn.execute("DELETE FROM spans WHERE doc_id=?", (doc_id,))
        ids = self._insert_spans(doc_id, doc.spans, None, stamp)
        self.insert_relations(doc_id, [(ids[r.head], ids[r.tail], r.label, r.origin, r.author, r.created_at or stamp)
                                       for r in doc.relations])
        conn.execute("UPDATE documents SET status=?, reviewer=?, time_spent=?, updated_at=? WHERE id=?",
                     (Status(doc.status).value, doc.reviewer, float(doc.time_spent or 0), stamp, doc_id))
        self._recount(doc_id)

    def add_suggestions(self, doc_id: int, spans: Sequence[Span], *, stamp: str) -> list[int]:
        """Insert suggested spans into a document (inside the caller's transaction); returns their ids."""
        ids = self._insert_spans(doc_id, spans, None, stamp)
        self.db.conn.execute("UPDATE documents SET updated_at=? WHERE id=?", (stamp, doc_id))
        self._recount(doc_id)
        return ids

    def insert_relations(self, doc_id: int, rows: Iterable[tuple]) -> None:
        """Relations as (head, tail, label, origin, author, created_at) rows, inside the caller's transaction."""
        self.db.conn.executemany(
            "INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at) VALUES (?,?,?,?,?,?,?)",
            [(doc_id, *row) for row in rows])

    def _insert_spans(self, doc_id: int, spans: Iterable[Span], who: str | None, stamp: str) -> list[int]:
        ids = []
        for span in spans:
            cur = self.db.conn.execute(
                'INSERT INTO spans(doc_id, start, "end", label, origin, state, score, attrs, author,'
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, span.start, span.end, span.label, span.origin, SpanState(span.state).value,
                 span.score, _json(span.attrs), span.author or who, span.created_at or stamp, stamp))
            ids.append(cur.lastrowid)
        return ids

    # the document row's span counts, recomputed (parameters: doc_id twice)
    _COUNTS = ("span_count=(SELECT count(*) FROM spans WHERE doc_id=? AND state!='rejected'),"
               " suggested_count=(SELECT count(*) FROM spans WHERE doc_id=? AND state='suggested')")

    def _recount(self, doc_id: int) -> None:
        self.db.conn.execute(f"UPDATE documents SET {self._COUNTS} WHERE id=?", (doc_id, doc_id, doc_id))

    def _touch(self, doc_id: int, who: str | None) -> None:
        """After a span edit: recount, move a new document to in-progress, record who works on it."""
        self.db.conn.execute(
            "UPDATE documents SET updated_at=?, reviewer=coalesce(?, reviewer),"
            f" status=CASE WHEN status='new' THEN 'in_progress' ELSE status END, {self._COUNTS} WHERE id=?",
            (now(), who, doc_id, doc_id, doc_id))

    def document(self, doc_id: int, *, with_spans: bool = True) -> Document:
        row = self.db.conn.execute(
            "SELECT id, uid, hash, title, text, source, meta, status, reviewer, created_at, updated_at,"
            " time_spent FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        doc = Document(
            id=row[0], uid=row[1], hash=row[2], title=row[3], text=row[4], source=row[5],
            meta=json.loads(row[6] or "{}"), status=Status(row[7]), reviewer=row[8],
            created_at=row[9], updated_at=row[10], time_spent=row[11])
        if with_spans:
            doc.spans = self.spans(doc_id)
            doc.relations = self.relations(doc_id)
        return doc

    def _where(self, flt: DocumentFilter | None) -> tuple[str, list]:
        if flt is None or flt.is_empty():
            return "", []
        clauses, params = [], []
        if flt.status:
            statuses = [Status(s).value for s in flt.status]
            clauses.append(f"d.status IN ({','.join('?' * len(statuses))})")
            params += statuses
        if flt.reviewer:
            clauses.append("d.reviewer = ?")
            params.append(flt.reviewer)
        if flt.label:
            clauses.append("EXISTS (SELECT 1 FROM spans s WHERE s.doc_id=d.id AND s.label=? AND s.state!='rejected')")
            params.append(flt.label)
        if flt.query:
            clauses.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(flt.query))
            for word in accented_words(flt.query):
                clauses.append("accent_match(d.title || ' ' || d.text, ?)")
                params.append(word)
        return " WHERE " + " AND ".join(clauses), params

    def count_documents(self, flt: DocumentFilter | None = None) -> int:
        where, params = self._where(flt)
        return self.db.conn.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]

    def document_ids(self, flt: DocumentFilter | None = None) -> list[int]:
        where, params = self._where(flt)
        return [r[0] for r in self.db.conn.execute(f"SELECT d.id FROM documents d{where} ORDER BY d.id", params)]

    def export_rows(self, ids: Sequence[int]) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """Raw rows of a batch of documents for the exporter's fast path: spans (id, doc_id, start,
        end, label, origin, state, score, attrs), relations (id, doc_id, head, tail, label, origin)
        and documents (id, uid, title, text, source, meta, status, reviewer, time_spent)."""
        conn, chunk = self.db.conn, list(ids)
        marks = ",".join("?" * len(chunk))
        spans = conn.execute(
            'SELECT id, doc_id, start, "end", label, origin, state, score, attrs FROM spans'
            f' WHERE doc_id IN ({marks}) ORDER BY doc_id, start, "end" DESC, id', chunk).fetchall()
        relations = conn.execute(
            f"SELECT id, doc_id, head, tail, label, origin FROM relations WHERE doc_id IN ({marks}) ORDER BY id",
            chunk).fetchall()
        documents = conn.execute(
            "SELECT id, uid, title, text, source, meta, status, reviewer, time_spent FROM documents"
            f" WHERE id IN ({marks}) ORDER BY id", chunk).fetchall()
        return spans, relations, documents

    def document_uids(self, ids: Sequence[int]) -> dict[int, str]:
        uids: dict[int, str] = {}
        for i in range(0, len(ids), 900):
            chunk = list(ids[i:i + 900])
            uids.update(self.db.conn.execute(
                f"SELECT id, uid FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return uids

    def summaries(self, ids: Sequence[int]) -> list[DocumentSummary]:
        """Rows for the given ids, in that order, without loading texts."""
        if not ids:
            return []
        out: dict[int, DocumentSummary] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start:chunk_start + 500])
            rows = self.db.conn.execute(
                "SELECT id, uid, title, status, reviewer, span_count, suggested_count, length FROM documents"
                f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            for r in rows:
                out[r[0]] = DocumentSummary(r[0], r[1], r[2], Status(r[3]), r[4], r[5], r[6], r[7])
        return [out[i] for i in ids if i in out]

    def iter_documents(self, flt: DocumentFilter | None = None, *, with_spans: bool = True,
                       batch: int = 500) -> Iterator[Document]:
        """All matching documents in id order, with spans and relations, fetched in batches."""
        ids = self.document_ids(flt)
        for i in range(0, len(ids), batch):
            chunk = ids[i:i + batch]
            marks = ",".join("?" * len(chunk))
            spans: dict[int, list[Span]] = {}
            relations: dict[int, list[Relation]] = {}
            if with_spans:
                for row in self.db.query(f'SELECT * FROM spans WHERE doc_id IN ({marks}) ORDER BY doc_id, start, "end" DESC, id', chunk):
                    spans.setdefault(row["doc_id"], []).append(_span_from_row(row))
                for row in self.db.query(f"SELECT * FROM relations WHERE doc_id IN ({marks}) ORDER BY id", chunk):
                    relations.setdefault(row["doc_id"], []).append(Relation(
                        head=row["head"], tail=row["tail"], label=row["label"], origin=row["origin"],
                        id=row["id"], doc_id=row["doc_id"], author=row["author"], created_at=row["created_at"]))
            rows = self.db.conn.execute(
                "SELECT id, uid, hash, title, text, source, meta, status, reviewer, created_at, updated_at,"
                f" time_spent FROM documents WHERE id IN ({marks}) ORDER BY id", chunk)
            for row in rows:
                yield Document(
                    id=row[0], uid=row[1], hash=row[2], title=row[3], text=row[4], source=row[5],
                    meta=json.loads(row[6] or "{}"), status=Status(row[7]), reviewer=row[8],
                    created_at=row[9], updated_at=row[10], time_spent=row[11],
                    spans=spans.get(row[0], []), relations=relations.get(row[0], []))

    def set_status(self, doc_id: int, status: Status, *, who: str | None = None) -> Status:
        """Set a document's status; returns the previous one (for undo)."""
        status = Status(status)
        with self.transaction():
            row = self.db.conn.execute("SELECT status FROM documents WHERE id=?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(doc_id)
            self.db.conn.execute(
                "UPDATE documents SET status=?, updated_at=?, reviewer=coalesce(?, reviewer) WHERE id=?",
                (status.value, now(), who, doc_id))
            self._log(who, doc_id, "status", doc_id, row[0], status.value)
        return Status(row[0])

    def add_time(self, doc_id: int, seconds: float) -> None:
        if seconds <= 0 or self.read_only:
            return
        with self.transaction():
            self.db.conn.execute("UPDATE documents SET time_spent=time_spent+? WHERE id=?", (seconds, doc_id))

    def delete_document(self, doc_id: int, *, who: str | None = None) -> None:
        with self.transaction():
            self.db.conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))
            self._log(who, doc_id, "delete_document", doc_id)

    # ------------------------------------------------------------------ imported tokens
    def set_tokens(self, doc_id: int, tokens: Sequence[tuple[int, int]],
                   sentences: Sequence[tuple[int, int]] | None = None) -> None:
        """Keep a document's own tokens and sentence breaks (offsets into its text)."""
        with self.transaction():
            self.db.conn.execute(
                "INSERT OR REPLACE INTO doc_tokens(doc_id, tokens, sentences) VALUES (?,?,?)",
                (doc_id, _flat(tokens), None if sentences is None else _flat(sentences)))

    def tokens_of(self, doc_ids: Sequence[int]) -> dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]] | None]]:
        """Document id → (tokens, sentences) for the documents that keep their own tokens."""
        out: dict = {}
        for i in range(0, len(doc_ids), 900):
            chunk = list(doc_ids[i:i + 900])
            for doc_id, tokens, sentences in self.db.conn.execute(
                    f"SELECT doc_id, tokens, sentences FROM doc_tokens WHERE doc_id IN ({','.join('?' * len(chunk))})",
                    chunk):
                out[doc_id] = (_pairs(tokens), None if sentences is None else _pairs(sentences))
        return out

    # ------------------------------------------------------------------ spans
    def spans(self, doc_id: int, *, provenance: bool = True,
              starts: tuple[int, int | None] | None = None) -> list[Span]:
        """The spans of a document in reading order. ``provenance=False`` leaves out author and
        times (the window never shows them, and every edit re-reads the span it changes): a
        2,000-span article then opens about a millisecond sooner. ``starts=(lo, hi)`` keeps the
        spans with lo <= start < hi (hi None: no upper bound), for a progressive open."""
        where, params = "doc_id=?", [doc_id]
        if starts is not None:
            where += " AND start >= ?"
            params.append(starts[0])
            if starts[1] is not None:
                where += " AND start < ?"
                params.append(starts[1])
        columns = 'start, "end", label, origin, state, attrs, score, id'
        if provenance:
            columns += ", doc_id, author, created_at, updated_at"
        rows = self.db.conn.execute(
            f'SELECT {columns} FROM spans WHERE {where} ORDER BY start, "end" DESC, id', params)
        # tuples, not row dicts, and positional arguments in Span's field order: half the cost
        states, loads = _STATES, json.loads
        if not provenance:
            return [Span(r[0], r[1], r[2], r[3], states[r[4]], loads(r[5]) if r[5] and r[5] != "{}" else {},
                         r[6], r[7], doc_id) for r in rows]
        return [Span(r[0], r[1], r[2], r[3], states[r[4]], loads(r[5]) if r[5] and r[5] != "{}" else {},
                     r[6], r[7], r[8], r[9], r[10], r[11]) for r in rows]

    def span(self, span_id: int) -> Span:
        rows = list(self.db.query("SELECT * FROM spans WHERE id=?", [span_id]))
        if not rows:
            raise StaleEdit("span", span_id, self.path)
        return _span_from_row(rows[0])

    def _doc_text(self, doc_id: int) -> str:
        row = self.db.conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    def add_span(self, doc_id: int, span: Span, *, who: str | None = None) -> Span:
        """Insert a span (keeping ``span.id`` when given, so undo of a delete restores it)."""
        text = self._doc_text(doc_id)
        problem = check_span(text, span.start, span.end)
        if problem:
            raise ValueError(problem)
        stamp = now()
        with self.transaction():
            cur = self.db.conn.execute(
                'INSERT INTO spans(id, doc_id, start, "end", label, origin, state, score, attrs, author,'
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (span.id, doc_id, span.start, span.end, span.label, span.origin, SpanState(span.state).value,
                 span.score, _json(span.attrs), span.author or who, span.created_at or stamp, stamp))
            span_id = cur.lastrowid
            self._log(who, doc_id, "add_span", span_id, None, _span_dict(span))
            self._touch(doc_id, who)
        return self.span(span_id)

    def update_span(self, span_id: int, *, who: str | None = None, **changes: Any) -> Span:
        """Change label, start, end, state, attrs, origin or score of a span."""
        allowed = {"label", "start", "end", "state", "attrs", "origin", "score"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"cannot change {sorted(unknown)}")
        before = self.span(span_id)
        after = Span(**{**before.__dict__, **changes})
        text = self._doc_text(before.doc_id)
        problem = check_span(text, after.start, after.end)
        if problem:
            raise ValueError(problem)
        with self.transaction():
            self.db.conn.execute(
                'UPDATE spans SET start=?, "end"=?, label=?, state=?, attrs=?, origin=?, score=?, author=?,'
                " updated_at=? WHERE id=?",
                (after.start, after.end, after.label, SpanState(after.state).value, _json(after.attrs),
                 after.origin, after.score, who or before.author, now(), span_id))
            self._log(who, before.doc_id, "update_span", span_id, _span_dict(before), _span_dict(after))
            self._touch(before.doc_id, who)
        return self.span(span_id)

    def delete_span(self, span_id: int, *, who: str | None = None) -> tuple[Span, list[Relation]]:
        """Delete a span and the relations that use it; returns both so undo can restore them."""
        span = self.span(span_id)
        rels = [r for r in self.relations(span.doc_id) if span_id in (r.head, r.tail)]
        with self.transaction():
            self.db.conn.execute("DELETE FROM spans WHERE id=?", (span_id,))
            self._log(who, span.doc_id, "delete_span", span_id, _span_dict(span), None)
            self._touch(span.doc_id, who)
        return span, rels

    def set_spans_state(self, span_ids: Sequence[int], state: SpanState, *, who: str | None = None) -> list[Span]:
        """Change the state of many spans in one transaction; returns the spans as they were."""
        before = [self.span(i) for i in span_ids]
        if not before:
            return []
        stamp = now()
        with self.transaction():
            for span in before:
                self.db.conn.execute("UPDATE spans SET state=?, author=coalesce(?, author), updated_at=? WHERE id=?",
                                     (SpanState(state).value, who, stamp, span.id))
                self._log(who, span.doc_id, "update_span", span.id, _span_dict(span),
                          {**_span_dict(span), "state": SpanState(state).value})
            for doc_id in {s.doc_id for s in before}:
                self._touch(doc_id, who)
        return before

    def replace_suggestions(self, doc_id: int, suggestions: Sequence[Span],
                            relations: Sequence[Relation] = (), *, who: str | None = None) -> int:
        """Swap machine suggestions for new ones without touching anything a human decided.

        Only the machine's spans still in state ``suggested`` are replaced; suggestions made by a
        reviewer, imported from another tool or brought in by a merge (``merge:*``) are kept.
        A new suggestion that duplicates or overlaps (same label kind) a span a human has
        accepted or rejected is dropped, so a reviewer's decision is never overridden.
        Returns the number of suggestions stored.
        """
        text = self._doc_text(doc_id)
        stamp = now()
        with self.transaction():
            # only the machine's own suggestions are replaced: a reviewer's, an imported tool's
            # (--as-suggestions) and another reviewer's from a merge stay for the reviewer to judge
            self.db.conn.execute(f"DELETE FROM spans WHERE doc_id=? AND {_MACHINE_SUGGESTION}", (doc_id,))
            stored = self._add_suggestions(doc_id, text, suggestions, who, stamp)
            for rel in relations:
                if rel.head in stored and rel.tail in stored:
                    self.db.conn.execute(
                        "INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at)"
                        " VALUES (?,?,?,?,?,?,?)",
                        (doc_id, stored[rel.head], stored[rel.tail], rel.label, rel.origin, who, stamp))
            self._log(who, doc_id, "preannotate", doc_id, None, {"suggestions": len(stored)})
            self._recount(doc_id)
        return len(stored)

    # ------------------------------------------------------------------ instant memory (learning)
    def memory_entries(self) -> list[tuple[str, str, str, int]]:
        """What reviewers taught: ``(surface, label, verdict '+'/'-', count)``, oldest change first."""
        try:
            return [tuple(r) for r in self.db.conn.execute(
                "SELECT surface, label, verdict, count FROM memory ORDER BY updated_at, surface, label")]
        except sqlite3.OperationalError:  # a corpus opened read-only before its upgrade
            return []

    def remember(self, surface: str, label: str, verdict: str, *, who: str | None = None) -> None:
        """Record a reviewer's verdict on a string with a label; the same verdict again counts up,
        the other verdict replaces it (the latest decision wins)."""
        if verdict not in ("+", "-"):
            raise ValueError(f"verdict must be '+' or '-', not {verdict!r}")
        surface = unicodedata.normalize("NFC", surface)
        with self.transaction():
            self.db.conn.execute(
                "INSERT INTO memory(surface, label, verdict, count, who, updated_at) VALUES (?,?,?,1,?,?)"
                " ON CONFLICT(surface, label) DO UPDATE SET"
                " count = CASE WHEN verdict = excluded.verdict THEN count + 1 ELSE 1 END,"
                " verdict = excluded.verdict, who = excluded.who, updated_at = excluded.updated_at",
                (surface, label, verdict, who, now()))

    def replace_memory(self, entries: Iterable[tuple], *, who: str | None = None) -> None:
        """Replace the whole memory (an edited rules file): ``(surface, label, verdict[, count])``."""
        stamp = now()
        with self.transaction():
            self.db.conn.execute("DELETE FROM memory")
            for e in entries:
                self.db.conn.execute(
                    "INSERT OR REPLACE INTO memory(surface, label, verdict, count, who, updated_at)"
                    " VALUES (?,?,?,?,?,?)",
                    (unicodedata.normalize("NFC", e[0]), e[1], e[2], int(e[3]) if len(e) > 3 else 1, who, stamp))

    def documents_containing(self, surface: str, statuses: Sequence[Status]) -> list[int]:
        """Ids of documents in ``statuses`` whose text contains ``surface`` (exact, case-sensitive)."""
        marks = ",".join("?" * len(statuses))
        return [r[0] for r in self.db.conn.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND instr(text, ?) > 0 ORDER BY id",
            [Status(x).value for x in statuses] + [unicodedata.normalize("NFC", surface)])]

    def revise_suggestions(self, doc_id: int, remove: Sequence[int], add: Sequence[Span], *,
                           who: str | None = None) -> int:
        """Remove some machine suggestions and add others, never touching a human decision.

        Only ids of spans that are still machine suggestions (state ``suggested``, not made by a
        reviewer, an import or a merge) are removed; an added span that overlaps a span of the same
        label kind that stays is skipped. The document's status is unchanged. Returns the number
        of spans added.
        """
        text = self._doc_text(doc_id)
        stamp = now()
        with self.transaction():
            for span_id in remove:
                self.db.conn.execute(f"DELETE FROM spans WHERE id=? AND doc_id=? AND {_MACHINE_SUGGESTION}",
                                     (span_id, doc_id))
            added = len(self._add_suggestions(doc_id, text, add, who, stamp, exclusive=True))
            self._recount(doc_id)
        return added

    def _add_suggestions(self, doc_id: int, text: str, suggestions: Sequence[Span], who: str | None, stamp: str,
                         *, exclusive: bool = False) -> dict[int, int]:
        """Insert suggestions that overlap no span of the same label kind already there (a human
        decision or another suggestion that stays); ``exclusive``: nor one added before them.
        Returns {index in ``suggestions``: new span id}."""
        kept = self.spans(doc_id)
        kinds = {label.name: label.kind for label in self.labels()}
        stored: dict[int, int] = {}
        for index, span in enumerate(suggestions):
            if check_span(text, span.start, span.end):
                continue
            kind = kinds.get(span.label, LabelKind.ENTITY)
            if any(k.overlaps(span) and kinds.get(k.label, LabelKind.ENTITY) == kind for k in kept):
                continue
            span = Span(**{**span.__dict__, "state": SpanState.SUGGESTED, "id": None})
            stored[index] = self._insert_spans(doc_id, [span], who, stamp)[0]
            if exclusive:
                kept.append(span)
        return stored

    def least_certain_documents(self, limit: int = 20, statuses: Sequence[Status] = (Status.NEW,)) -> list[int]:
        """Unreviewed documents the machine is least sure about, least sure first: ranked by the
        lowest stored score of their machine suggestions (documents without any come last)."""
        marks = ",".join("?" * len(statuses))
        return [r[0] for r in self.db.conn.execute(
            f"SELECT d.id FROM documents d LEFT JOIN spans s ON s.doc_id = d.id AND s.state = 'suggested'"
            f" AND s.score IS NOT NULL WHERE d.status IN ({marks}) GROUP BY d.id"
            " ORDER BY min(s.score) IS NULL, min(s.score), d.id LIMIT ?",
            [Status(x).value for x in statuses] + [int(limit)])]

    # ------------------------------------------------------------------ relations
    def relations(self, doc_id: int) -> list[Relation]:
        return [Relation(head=r["head"], tail=r["tail"], label=r["label"], origin=r["origin"], id=r["id"],
                         doc_id=r["doc_id"], author=r["author"], created_at=r["created_at"])
                for r in self.db.query("SELECT * FROM relations WHERE doc_id=? ORDER BY id", [doc_id])]

    def add_relation(self, doc_id: int, relation: Relation, *, who: str | None = None) -> Relation:
        heads = {s.id for s in self.spans(doc_id)}
        if relation.head not in heads or relation.tail not in heads:
            raise ValueError("a relation must join two spans of the same document")
        with self.transaction():
            cur = self.db.conn.execute(
                "INSERT INTO relations(id, doc_id, head, tail, label, origin, author, created_at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (relation.id, doc_id, relation.head, relation.tail, relation.label, relation.origin,
                 relation.author or who, relation.created_at or now()))
            self._log(who, doc_id, "add_relation", cur.lastrowid, None,
                      {"head": relation.head, "tail": relation.tail, "label": relation.label})
            self._touch(doc_id, who)
        return Relation(**{**relation.__dict__, "id": cur.lastrowid, "doc_id": doc_id})

    def delete_relation(self, relation_id: int, *, who: str | None = None) -> None:
        with self.transaction():
            row = self.db.conn.execute("SELECT doc_id, head, tail, label FROM relations WHERE id=?",
                                       (relation_id,)).fetchone()
            if row is None:
                raise StaleEdit("relation", relation_id, self.path)
            self.db.conn.execute("DELETE FROM relations WHERE id=?", (relation_id,))
            self._log(who, row[0], "delete_relation", relation_id,
                      {"head": row[1], "tail": row[2], "label": row[3]}, None)

    # ------------------------------------------------------------------ search and statistics
    def search(self, query: str, limit: int = 50) -> list[tuple[int, str, str]]:
        """(id, title, snippet) of documents matching a full-text query, best first."""
        if not query.strip():
            return []
        accents = accented_words(query)
        extra = "".join(" AND accent_match(d.title || ' ' || d.text, ?)" for _ in accents)
        rows = self.db.conn.execute(
            "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts"
            " JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?" + extra +
            " ORDER BY bm25(documents_fts) LIMIT ?", (fts_query(query), *accents, limit)).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def stats(self) -> dict[str, Any]:
        conn = self.db.conn
        by_status = {s.value: 0 for s in Status}
        by_status.update(dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()))
        spans: dict[str, dict[str, int]] = {}
        for label, origin, state, n in conn.execute(
                "SELECT label, origin, state, count(*) FROM spans GROUP BY label, origin, state"):
            entry = spans.setdefault(label, {})
            entry[f"{origin}:{state}"] = n
        reviewers = dict(conn.execute(
            "SELECT coalesce(reviewer, '-'), count(*) FROM documents WHERE status='done' GROUP BY reviewer").fetchall())
        by_label = dict(conn.execute(
            "SELECT label, count(*) FROM spans WHERE state!='rejected' GROUP BY label").fetchall())
        by_origin = dict(conn.execute("SELECT origin, count(*) FROM spans GROUP BY origin").fetchall())
        by_state = dict(conn.execute("SELECT state, count(*) FROM spans GROUP BY state").fetchall())
        per_day = conn.execute(
            "SELECT substr(at, 1, 10) AS day, count(*) FROM history WHERE action='status' AND after='\"done\"'"
            " GROUP BY day ORDER BY day").fetchall()
        time_spent = conn.execute("SELECT coalesce(sum(time_spent), 0) FROM documents").fetchone()[0]
        return {
            "documents": sum(by_status.values()),
            "by_status": by_status,
            "spans_by_label": by_label,
            "spans_by_origin": by_origin,
            "spans_by_state": by_state,
            "spans_detail": spans,
            "done_by_reviewer": reviewers,
            "done_per_day": per_day,
            "time_spent": time_spent,
        }

    def suggestion_certainty(self, ids: Sequence[int] | None = None) -> dict[int, float]:
        """Per document, the lowest score among its scored suggestions still to review.

        The least-certain document order (active learning) reads it; documents without a
        scored suggestion are absent.
        """
        sql = ("SELECT doc_id, min(score) FROM spans WHERE state='suggested' AND score IS NOT NULL"
               " GROUP BY doc_id")
        rows = self.db.conn.execute(sql).fetchall()
        wanted = None if ids is None else set(ids)
        return {r[0]: float(r[1]) for r in rows if wanted is None or r[0] in wanted}

    def history(self, doc_id: int | None = None, limit: int = 1000) -> list[dict]:
        if doc_id is None:
            return list(self.db.query("SELECT * FROM history ORDER BY id DESC LIMIT ?", [limit]))
        return list(self.db.query("SELECT * FROM history WHERE doc_id=? ORDER BY id DESC LIMIT ?", [doc_id, limit]))


def first_problem(problems: Sequence[str]) -> str:
    """The first real line of an integrity report (SQLite starts it with '*** in database main ***')."""
    for problem in problems:
        for line in problem.splitlines():
            if line.strip() and not line.startswith("***"):
                return line.strip()
    return "damaged"


def _guarded(method):
    """Run a Corpus method with every SQLite error turned into a :class:`CorpusError` of a known kind."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise self._explain(exc) from exc
        return generator

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise self._explain(exc) from exc
    return wrapper


for _name, _method in list(vars(Corpus).items()):
    if inspect.isfunction(_method) and _name not in ("__init__", "_explain", "_open", "transaction",
                                                     "file_transaction", "__enter__", "__exit__"):
        setattr(Corpus, _name, _guarded(_method))


def accented_words(query: str) -> list[str]:
    """The query words typed with diacritics, lower-cased: those must match as typed.

    The index ignores diacritics so that "ha noi" finds "Hà Nội"; a reviewer who types
    "Nội" means "Nội", not "nơi" or "nói", so such words are checked against the text too.
    """
    words = unicodedata.normalize("NFC", query).lower().split()
    return [w for w in words if not w.isascii()]


def accent_match(haystack: str | None, word: str) -> bool:
    """SQL function: does the text contain ``word`` as typed (case-insensitive, diacritics kept)."""
    return haystack is not None and word in haystack.lower()


def fts_query(query: str) -> str:
    """Quote each word so user text (hyphens, colons, quotes) never becomes FTS syntax."""
    words = [w.replace('"', '""') for w in unicodedata.normalize("NFC", query).split()]  # texts are stored NFC
    return " ".join(f'"{w}"' for w in words if w)


def open_corpus(path: str | os.PathLike | None = None, **kwargs: Any) -> Corpus:
    from annotator.paths import default_corpus_path

    return Corpus(path or default_corpus_path(), **kwargs)

