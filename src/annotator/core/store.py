"""The SQLite corpus: documents, spans, relations, labels and the edit history.

Every edit is committed as it happens, so a crash or a killed process loses nothing that
was already shown. The schema carries a version; a corpus written by a newer version is
refused before anything is written to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator import __version__
from annotator.core.model import (
    DEFAULT_LABELS,
    Document,
    DocumentSummary,
    Label,
    LabelKind,
    Relation,
    Span,
    SpanState,
    Status,
)
from annotator.core.text import check_span, content_hash

SCHEMA_VERSION = 4


class CorpusError(Exception):
    """A corpus that cannot be opened or written, with a message meant for the user.

    ``kind`` names the reason so a user interface can say it in its own language:
    missing, folder, locked, corrupt, foreign, newer, read_only, label_in_use or other.
    """

    def __init__(self, message: str, kind: str = "other", path: str | os.PathLike | None = None):
        super().__init__(message)
        self.kind = kind
        self.path = str(path) if path is not None else None


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


_MIGRATIONS: dict[int, list[str]] = {
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


#: a span the machine suggested and nobody has decided on yet: the only kind pre-annotation and
#: learning may replace (a reviewer's, an imported tool's and a merged reviewer's suggestions stay)
_MACHINE_SUGGESTION = "state='suggested' AND origin NOT IN ('reviewer', 'import') AND origin NOT LIKE 'merge:%'"


def _json(value: Any) -> str:
    return json.dumps(value or {}, ensure_ascii=False, sort_keys=True)


def _span_from_row(row: dict) -> Span:
    return Span(
        start=row["start"], end=row["end"], label=row["label"], origin=row["origin"],
        state=SpanState(row["state"]), attrs=json.loads(row["attrs"] or "{}"), score=row["score"],
        id=row["id"], doc_id=row["doc_id"], author=row["author"],
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


class Corpus:
    """One corpus file. Not thread-safe: open one per thread (SQLite WAL lets them share the file)."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._open(create)

    # ------------------------------------------------------------------ opening
    def _open(self, create: bool) -> None:
        path = self.path
        if str(path) != ":memory:":
            if not path.exists():
                if not create:
                    raise CorpusError(f"corpus file {path} does not exist", "missing", path)
                if self.read_only:
                    raise CorpusError(f"corpus file {path} does not exist", "missing", path)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise CorpusError(f"cannot create folder for {path}: {exc.strerror}", "other", path) from exc
            elif path.is_dir():
                raise CorpusError(f"{path} is a folder, not a corpus file", "folder", path)
            elif not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                self.read_only = True
        try:
            if self.read_only:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)  # quoted: # ? % in names
            else:
                conn = sqlite3.connect(str(path), timeout=2.0)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 2000")
            conn.create_function("accent_match", 2, accent_match, deterministic=True)
            self.db = sqlite_utils.Database(conn)
            self._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from exc

    def _explain(self, exc: sqlite3.DatabaseError) -> "CorpusError":
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return CorpusError(f"corpus {self.path} is locked by another program; close it and try again",
                               "locked", self.path)
        if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
            return CorpusError(f"{self.path} is not an annotator corpus or is corrupt ({msg})", "corrupt", self.path)
        if "readonly" in msg or "read-only" in msg:
            return CorpusError(f"corpus {self.path} is read-only", "read_only", self.path)
        return CorpusError(f"cannot use corpus {self.path}: {msg}", "other", self.path)

    def _check_and_migrate(self) -> None:
        conn = self.db.conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise CorpusError(f"{self.path} is an SQLite file but not an annotator corpus", "foreign", self.path)
        version = 0
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            writer = conn.execute("SELECT value FROM meta WHERE key='written_by'").fetchone()
            raise CorpusError(
                f"corpus {self.path} was written by a newer annotator "
                f"({writer[0] if writer else 'unknown version'}, schema {version}); this is "
                f"annotator {__version__} (schema {SCHEMA_VERSION}). Update annotator to open it.",
                "newer", self.path)
        if version == SCHEMA_VERSION:
            if not self.read_only:
                self._enable_wal()
            return
        if self.read_only:
            raise CorpusError(f"corpus {self.path} is read-only and needs an upgrade to schema {SCHEMA_VERSION}", "read_only", self.path)
        self._enable_wal()
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS.get(target, []):  # numbered steps; a gap is allowed
                    conn.execute(statement)
            if version == 0:
                for label in DEFAULT_LABELS:
                    conn.execute(
                        "INSERT OR IGNORE INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?)",
                        (label.name, label.kind.value, label.colour, label.key, label.position))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_at', ?)", (now(),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('written_by', ?)", (f"annotator {__version__}",))
        if "documents_fts" not in self.db.table_names():
            self._create_fts()

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
        self.db.conn.close()

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

    def _writable(self) -> None:
        if self.read_only:
            raise CorpusError(f"corpus {self.path} is read-only; open a copy to make changes", "read_only", self.path)

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
        palette = ["#469990", "#9a6324", "#800000", "#808000", "#000075", "#f032e6", "#42d4f4"]
        with self.transaction():
            self.db.conn.execute(
                "INSERT OR IGNORE INTO labels(name, kind, colour, key, position) VALUES (?,?,?,?,?)",
                (name, kind.value, palette[position % len(palette)],
                 str(position) if position <= 9 else "", position))

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
    def spans(self, doc_id: int) -> list[Span]:
        return [_span_from_row(r) for r in self.db.query(
            'SELECT * FROM spans WHERE doc_id=? ORDER BY start, "end" DESC, id', [doc_id])]

    def span(self, span_id: int) -> Span:
        rows = list(self.db.query("SELECT * FROM spans WHERE id=?", [span_id]))
        if not rows:
            raise KeyError(span_id)
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
                raise KeyError(relation_id)
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

    def history(self, doc_id: int | None = None, limit: int = 1000) -> list[dict]:
        if doc_id is None:
            return list(self.db.query("SELECT * FROM history ORDER BY id DESC LIMIT ?", [limit]))
        return list(self.db.query("SELECT * FROM history WHERE doc_id=? ORDER BY id DESC LIMIT ?", [doc_id, limit]))


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

