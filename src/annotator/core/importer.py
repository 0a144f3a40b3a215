"""Import articles and annotations into a corpus.

Inputs
------
* ``.txt``: one article per file, stored whole (title line included, so offsets match the
  file); the title is the first non-empty line. Imported as new documents without spans.
* ``.jsonl`` / ``.ndjson``: one record a line, in annotator's native shape (our export),
  Prodigy's or doccano's, detected per line (see :mod:`annotator.core.formats`); also
  Hugging Face token classification lines (``tokens`` + string ``ner_tags``, our ``hf``
  export), one sentence a line: consecutive lines whose ids share the document part
  (``UID`` of ``UID-N``) form one document with uid ``UID``, a line without id is a
  document by itself, and the text is rebuilt as from CoNLL (see
  :mod:`annotator.core.formats.hf`). Integer ``ner_tags`` are rejected (no label list).
  The ``directives`` export is not importable (sentences without their article).
  Label Studio tasks and JSON-MIN records are recognised too (:mod:`annotator.core.formats.labelstudio`).
* ``.json``: an array of records in any of those shapes (Label Studio's export is one), or
  objects one after another (:mod:`annotator.core.formats.jsonarray`). ``text_field`` /
  ``label_field`` (``--text-field`` / ``--label-field``) name the keys of the text and the
  labels when a tool uses its own (doccano's ``column_data`` / ``column_label``).
* ``.conll`` / ``.bio`` / ``.iob`` and CoNLL-2003's ``.train`` / ``.testa`` / ``.testb``:
  token-per-line BIO files (see :mod:`annotator.core.formats.conll`); without ``-DOCSTART-``,
  every ``sentences_per_doc`` sentences (default 1) make a document.
* ``.tsv``: WebAnno / INCEpTION TSV 3.x, one document a file, its uid the file name
  (:mod:`annotator.core.formats.webanno`); ``.spacy``: spaCy DocBin files
  (:mod:`annotator.core.formats.spacy`, needs the ``interop`` extra).
* Token formats (CoNLL, hf, Prodigy ``tokens``, WebAnno, DocBin) keep their tokens and
  sentence breaks with the document (:meth:`Corpus.set_tokens`), so an export writes the
  same tokens again.
* Folders: searched recursively for those extensions (hidden files and folders skipped).
  ``fmt`` other than ``auto`` reads explicitly named files in that format whatever their
  extension, and keeps only that format's extensions in folders; a record format
  (``prodigy``, ``labelstudio``, ...) reads .jsonl/.json files with every record in that
  shape. Formats, extensions and readers are declared in
  :mod:`annotator.core.formats.registry`.

What imported labels become
---------------------------
Spans keep origin ``import`` (a native record's own ``origin`` is kept) and are stored as
accepted spans of a done document, as Prodigy's ``db-in`` does; with ``as_suggestions``
they are suggested spans of a new document, to be reviewed. What a record says itself wins:
a native ``status`` / ``state``, Prodigy's ``answer`` (accept → accepted spans of a done
document, reject → rejected spans of a done document, ignore → spans left as suggestions of
a skipped document) and a span's own ``answer``. Prodigy records with the same text (ner.teach
writes one per suggestion) are merged into the document the first of them made in this file:
their spans are added, a later answer on the same span (start, end, label) wins, the document
is done unless every answer was ignore; ``ImportReport.merged`` counts them. A record that carries no annotation at all (no ``spans``,
``label``, ``entities``, ``answer`` or ``status`` key, e.g. ``{"text": ...}``) is a new
document, like a .txt file.

Text is stored NFC, without BOM, with LF line ends; the record's offsets are carried onto
the stored text through :class:`annotator.core.text.OffsetMap`, so a span over NFD input
covers the same visible text after normalisation.

Failures
--------
* Each file is one transaction: a file either imports (minus its rejected records) or leaves
  the corpus exactly as it was.
* A bad record (bad JSON, missing or empty text, span out of range, reversed or empty span,
  span cutting a character, span text that does not match its offsets, relation to a missing
  span, unknown label with ``new_labels='refuse'``) is rejected, reported as
  ``FILE:LINE: reason``, and the rest of the file is imported. A CoNLL or hf document with
  a bad line is rejected as a whole, reported at that line (an unreadable line between two
  hf lines of the same document counts as that document's).
* A file that is not UTF-8 (a BOM is fine; nothing is guessed) fails as a whole, reported
  with the first undecodable line, and nothing from it is stored. So do unreadable files.
* Duplicates (text already stored, or seen earlier in the same file) are skipped and
  counted, not errors; details go to ``report.notes``. Empty files are reported.
* A corpus that is read-only or locked raises :class:`~annotator.core.store.CorpusError`
  (files imported before it stay imported).

Files are streamed line by line, so their size is not limited by memory. Documents are
inserted as they come and spans in batches (``executemany``), all inside the file's
transaction, with span counts computed in Python instead of recounted per row.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from annotator.core import formats
from annotator.core.formats import hf, registry, txt
from annotator.core.formats.jsonarray import records as json_records
from annotator.core.formats.base import BadRecord, RawRecord, RecordError, as_int, title_of
from annotator.core.model import Document, Relation, Span, SpanState, Status
from annotator.core.progress import NullProgress, Progress
from annotator.core.store import Corpus, now
from annotator.core.text import OffsetError, OffsetMap, check_span, content_hash, normalize

__all__ = ["ImportReport", "import_paths"]

_IDENTITY = OffsetMap([], [], identity=True)
_PROGRESS_STEP = 1 << 16


@dataclass
class ImportReport:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    spans: int = 0
    merged: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)
    empty_files: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"imported {self.added} document{'s' * (self.added != 1)} "
                 f"({self.spans} span{'s' * (self.spans != 1)}) from {self.files} file{'s' * (self.files != 1)}"]
        if self.merged:
            parts.append(f"{self.merged} record{'s' * (self.merged != 1)} merged into a document of the same text")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'s' * (self.duplicates != 1)} skipped")
        if self.rejected:
            parts.append(f"{self.rejected} record{'s' * (self.rejected != 1)} rejected")
        if self.failed_files:
            parts.append(f"{len(self.failed_files)} file{'s' * (len(self.failed_files) != 1)} failed")
        if self.empty_files:
            parts.append(f"{len(self.empty_files)} empty file{'s' * (len(self.empty_files) != 1)}")
        if self.labels_added:
            parts.append("new labels: " + ", ".join(self.labels_added))
        return "; ".join(parts)

    def _merge(self, other: "ImportReport") -> None:
        for f in fields(self):
            value = getattr(other, f.name)
            if isinstance(value, list):
                getattr(self, f.name).extend(value)
            else:
                setattr(self, f.name, getattr(self, f.name) + value)


class _FileFailed(Exception):
    """The whole file is refused; the message is the line to report."""


def import_paths(corpus: Corpus, paths: Sequence[str | Path], *, as_suggestions: bool = False,
                 new_labels: str = "refuse", fmt: str = "auto", who: str | None = None,
                 progress: Progress | None = None, sentences_per_doc: int = 1, text_field: str | None = None,
                 label_field: str | None = None) -> ImportReport:
    """Import files and folders; see the module documentation for what is accepted and how.

    ``text_field`` / ``label_field`` name the JSON keys that hold the text and the labels
    when a tool writes them under its own names (doccano's ``column_data`` /
    ``column_label`` settings)."""
    if sentences_per_doc < 1:
        raise ValueError(f"sentences per document must be at least 1, not {sentences_per_doc}")
    if new_labels not in ("add", "refuse"):
        raise ValueError(f"new_labels must be 'add' or 'refuse', not {new_labels!r}")
    if fmt not in registry.import_names():
        raise ValueError(f"unknown import format {fmt!r} (use one of {', '.join(registry.import_names())})")
    progress = progress or NullProgress()
    report = ImportReport()
    files = _collect(paths, fmt, report)
    total = 0
    for path, _ in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    importer = _Importer(corpus, as_suggestions=as_suggestions, new_labels=new_labels, who=who,
                         progress=progress, sentences_per_doc=sentences_per_doc, fields=(text_field, label_field))
    progress.start(total, "import")
    try:
        for path, file_fmt in files:
            report._merge(importer.import_file(path, file_fmt))
    finally:
        progress.finish()
    return report


def _collect(paths: Sequence[str | Path], fmt: str, report: ImportReport) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    by_extension = registry.import_extensions()
    wanted = set(registry.extensions_of(fmt)) if fmt != "auto" else set(by_extension)

    def add(path: Path, file_fmt: str) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            out.append((path, file_fmt))

    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                suffix = child.suffix.lower()
                if suffix not in wanted or any(part.startswith(".") for part in rel) or not child.is_file():
                    continue
                found.append((child, by_extension[suffix] if fmt == "auto" else fmt))
            if not found:
                report.problems.append(f"{path}: no {', '.join(sorted(wanted))} files in this folder")
            for child, kind in found:
                add(child, kind)
        elif path.is_file():
            kind = fmt if fmt != "auto" else by_extension.get(path.suffix.lower())
            if kind is None:
                report.problems.append(f"{path}: unknown file type {path.suffix or '(no extension)'!r};"
                                       f" name it {', '.join(sorted(by_extension))}, or choose the format")
                report.failed_files.append(str(path))
                continue
            add(path, kind)
        else:
            report.problems.append(f"{path}: no such file or folder")
            report.failed_files.append(str(path))
    return out


@contextmanager
def _file_transaction(corpus: Corpus) -> Iterator[None]:
    """The corpus transaction, or a savepoint when the caller already holds a transaction,
    so that a failed file is undone either way."""
    conn = corpus.db.conn
    if not conn.in_transaction:
        with corpus.transaction():
            yield
        return
    corpus._writable()
    conn.execute("SAVEPOINT annotator_import_file")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO annotator_import_file")
        conn.execute("RELEASE annotator_import_file")
        raise
    conn.execute("RELEASE annotator_import_file")


def _normalize(raw: str) -> tuple[str, OffsetMap]:
    """:func:`normalize`, with a fast path for text that is already stored as it is."""
    if "\r" not in raw and not raw.startswith("\ufeff") and unicodedata.is_normalized("NFC", raw):
        return raw, _IDENTITY
    return normalize(raw)


def _nfc(text: str) -> str:
    return _normalize(text)[0]


def _decode_error(path: Path, lineno: int, data: bytes, exc: UnicodeDecodeError) -> _FileFailed:
    if lineno == 1 and data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 BOM opens the file
        what = "is UTF-16 text, not UTF-8"
    else:
        what = f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at column {exc.start + 1})"
    return _FileFailed(f"{path}:{lineno}: file {what}; save it as UTF-8 and import it again"
                       " (nothing from this file was imported)")


class _Writer:
    """Inserts documents one by one and their spans in batches, inside the caller's transaction."""

    _DOC_SQL = ("INSERT INTO documents(uid, hash, title, text, source, meta, status, reviewer, created_at,"
                " updated_at, time_spent, span_count, suggested_count, length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    _SPAN_SQL = ('INSERT INTO spans(doc_id, start, "end", label, origin, state, score, attrs, author,'
                 " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
    _REL_SQL = ("INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at)"
                " VALUES (?,?,?,?,?,?,?)")

    def __init__(self, conn: sqlite3.Connection, who: str | None):
        self.conn = conn
        self.who = who
        self.pending: list[tuple] = []
        self.stamp = now()

    def find(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE hash=?", (digest,)).fetchone()
        return row[0] if row else None

    def _free_uid(self, uid: str, digest: str) -> str:
        for candidate in (uid, f"{uid}-{digest[:8]}", f"{uid}-{digest}"):
            if not self.conn.execute("SELECT 1 FROM documents WHERE uid=?", (candidate,)).fetchone():
                return candidate
        return digest  # pragma: no cover - the hash itself is unique among documents

    def insert(self, doc: Document, digest: str) -> int:
        stamp, who = self.stamp, self.who
        uid = self._free_uid(doc.uid or digest[:16], digest)
        counted = sum(1 for s in doc.spans if s.state != SpanState.REJECTED)
        suggested = sum(1 for s in doc.spans if s.state == SpanState.SUGGESTED)
        doc_id = self.conn.execute(self._DOC_SQL, (
            uid, digest, doc.title, doc.text, doc.source, _json(doc.meta), doc.status.value, doc.reviewer,
            stamp, stamp, float(doc.time_spent or 0), counted, suggested, len(doc.text))).lastrowid
        rows = [(doc_id, s.start, s.end, s.label, s.origin, s.state.value, s.score, _json(s.attrs),
                 who, stamp, stamp) for s in doc.spans]
        if doc.relations:
            ids = [self.conn.execute(self._SPAN_SQL, row).lastrowid for row in rows]
            self.conn.executemany(self._REL_SQL, [
                (doc_id, ids[r.head], ids[r.tail], r.label, r.origin, who, stamp) for r in doc.relations])
        else:
            self.pending.extend(rows)
            if len(self.pending) >= 20000:
                self.flush()
        return doc_id

    def merge(self, doc_id: int, doc: Document, status: Status | None) -> None:
        """Add a later record's spans and relations to a document of this import: the same
        span (start, end, label) takes the later state; ``status`` replaces the document's."""
        self.flush()
        conn, stamp, who = self.conn, self.stamp, self.who
        known = {(s, e, label): sid for sid, s, e, label in conn.execute(
            'SELECT id, start, "end", label FROM spans WHERE doc_id=?', (doc_id,))}
        ids = []
        for s in doc.spans:
            sid = known.get((s.start, s.end, s.label))
            if sid is None:
                sid = conn.execute(self._SPAN_SQL, (doc_id, s.start, s.end, s.label, s.origin, s.state.value, s.score,
                                                    _json(s.attrs), who, stamp, stamp)).lastrowid
            else:
                conn.execute("UPDATE spans SET state=?, score=coalesce(?, score), updated_at=? WHERE id=?",
                             (s.state.value, s.score, stamp, sid))
            ids.append(sid)
        have = set(conn.execute("SELECT head, tail, label FROM relations WHERE doc_id=?", (doc_id,)).fetchall())
        for r in doc.relations:
            if (ids[r.head], ids[r.tail], r.label) not in have:
                conn.execute(self._REL_SQL, (doc_id, ids[r.head], ids[r.tail], r.label, r.origin, who, stamp))
        conn.execute(
            f"UPDATE documents SET status=coalesce(?, status), updated_at=?, {Corpus._COUNTS} WHERE id=?",
            (status.value if status else None, stamp, doc_id, doc_id, doc_id))

    def flush(self) -> None:
        if self.pending:
            self.conn.executemany(self._SPAN_SQL, self.pending)
            self.pending = []


def _json(value) -> str:
    if not value:
        return "{}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Importer:
    def __init__(self, corpus: Corpus, *, as_suggestions: bool, new_labels: str, who: str | None,
                 progress: Progress, sentences_per_doc: int = 1,
                 fields: tuple[str | None, str | None] = (None, None)):
        self.corpus = corpus
        self.sentences_per_doc = sentences_per_doc
        self.text_field, self.label_field = fields
        self.as_suggestions = as_suggestions
        self.add_labels = new_labels == "add"
        self.who = who
        self.progress = progress
        self.labels = corpus.label_names()

    # ------------------------------------------------------------------ files
    def import_file(self, path: Path, fmt: str) -> ImportReport:
        report = ImportReport(files=1)
        self.report = report
        labels_before = set(self.labels)
        try:
            with _file_transaction(self.corpus):
                conn = self.corpus.db.conn
                self.first_new_id = conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0] + 1
                self.writer = _Writer(conn, self.who)
                self.answers: dict[int, list[Status | None]] = {}   # Prodigy documents of this file
                empty = self._read(path, fmt)
                self.writer.flush()
                if report.added:
                    self.corpus._log(self.who, None, "import", None, None,
                                     {"file": str(path), "added": report.added, "duplicates": report.duplicates,
                                      "rejected": report.rejected})
        except _FileFailed as exc:
            self.labels = labels_before
            failed = ImportReport(files=1, problems=report.problems + [str(exc)], failed_files=[str(path)])
            return failed
        except OSError as exc:
            self.labels = labels_before
            return ImportReport(files=1, problems=report.problems + [f"{path}: cannot read ({exc.strerror or exc})"],
                                failed_files=[str(path)])
        except sqlite3.Error as exc:
            self.labels = labels_before
            raise self.corpus._explain(exc) from exc
        except BaseException:
            self.labels = labels_before
            raise
        if empty:
            report.empty_files.append(str(path))
            report.problems.append(f"{path}: empty file, nothing to import")
        return report

    def _lines(self, path: Path) -> Iterator[tuple[int, str]]:
        """Decoded lines, streamed; the first undecodable line fails the file."""
        pending = 0
        advance = self.progress.advance
        with open(path, "rb") as f:
            for lineno, data in enumerate(f, 1):
                if lineno == 1 and data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise _decode_error(path, lineno, data, exc) from None
                pending += len(data)
                if pending >= _PROGRESS_STEP:
                    advance(pending)
                    pending = 0
                yield lineno, line
        if pending:
            advance(pending)

    def _read_txt(self, path: Path) -> bool:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            lineno = data.count(b"\n", 0, exc.start) + 1
            col_start = data.rfind(b"\n", 0, exc.start) + 1
            exc = UnicodeDecodeError(exc.encoding, exc.object, exc.start - col_start, exc.end - col_start, exc.reason)
            raise _decode_error(path, lineno, data[col_start:], exc) from None
        self.progress.advance(len(data))
        if not text.strip():
            return True
        self._record(txt.parse(text, str(path)), path)
        return False

    def _read(self, path: Path, fmt: str) -> bool:
        """Read one file as ``fmt`` (see :mod:`annotator.core.formats.registry`); True when empty."""
        container = registry.container_for(fmt, path.suffix)
        forced = None if registry.get(fmt).container else registry.get(fmt).load()
        if container == "txt":
            return self._read_txt(path)
        if container == "jsonl":
            return self._read_records(path, self._jsonl_objects(path), forced)
        if container == "json":
            return self._read_records(path, self._json_objects(path), forced)
        module = registry.get(fmt).load()
        if container == "binary":
            data = path.read_bytes()
            self.progress.advance(len(data))
            items = module.read_bytes(data, str(path))
        else:
            options = {"sentences_per_doc": self.sentences_per_doc} if fmt == "conll" else {}
            items = module.read(self._lines(path), **options)
        named_by_file = getattr(module, "UID_FROM_FILE_NAME", False)
        empty = True
        try:
            for item in items:
                empty = False
                if named_by_file and isinstance(item, RawRecord) and not item.uid:
                    item.uid = path.stem
                self._take((item,), path)
        except RecordError as exc:   # the file as a whole cannot be read as this format
            raise _FileFailed(f"{path}: {exc} (nothing from this file was imported)") from None
        return empty

    def _jsonl_objects(self, path: Path) -> Iterator[tuple[int, object]]:
        """(line, parsed object or BadRecord) for each non-blank line."""
        loads = json.loads
        for lineno, line in self._lines(path):
            if not line.strip():
                continue
            try:
                yield lineno, loads(line)
            except RecursionError:
                yield lineno, BadRecord(lineno, "bad JSON (nested too deeply)")
            except ValueError as exc:
                msg = getattr(exc, "msg", str(exc))
                col = getattr(exc, "colno", None)
                yield lineno, BadRecord(lineno, f"bad JSON ({msg}{f' at column {col}' if col else ''})")

    def _json_objects(self, path: Path) -> Iterator[tuple[int, object]]:
        """Records of a ``.json`` file: an array, or objects one after another (JSON lines or a
        single object). The file is read whole; broken JSON fails the file, since where the
        next record would start is unknown."""
        text = "".join(line for _, line in self._lines(path))
        try:
            yield from json_records(text)
        except ValueError as exc:
            raise _FileFailed(f"{path}:{exc} (nothing from this file was imported)") from None

    def _read_records(self, path: Path, objects, forced=None) -> bool:
        """JSON records, each read by the shape :func:`formats.detect` finds (or ``forced``)."""
        empty = True
        detect = formats.detect
        sentences = hf.Reader(hf.card_names(path.parent))  # hf lines are sentences, grouped into documents
        for lineno, obj in objects:
            empty = False
            if isinstance(obj, BadRecord):
                self._take(sentences.broken(lineno, obj.reason), path)
                continue
            if not isinstance(obj, dict):
                self._take(sentences.broken(lineno, "not a JSON object"), path)
                continue
            if self.text_field or self.label_field:
                obj = self._renamed(obj)
            reader = forced or detect(obj)
            if reader is hf:
                self._take(sentences.add(obj, lineno), path)
                continue
            if sentences.open:
                self._take(sentences.finish(), path)
            try:
                rec = reader.parse(obj, lineno)
            except RecordError as exc:
                self._reject(path, lineno, str(exc))
                continue
            if rec.text is None:
                self._reject(path, lineno, _missing_text(obj, self.text_field))
                continue
            self._record(rec, path)
        self._take(sentences.finish(), path)
        return empty

    def _renamed(self, obj: dict) -> dict:
        """The record with the user's text and label fields under the names the readers know."""
        obj = dict(obj)
        if self.text_field and self.text_field in obj:
            obj["text"] = obj.pop(self.text_field)
        data = obj.get("data")
        if self.text_field and isinstance(data, dict) and self.text_field in data:   # a Label Studio task
            obj["data"] = {**data, "text": data[self.text_field]}
        if self.label_field and self.label_field in obj:
            obj["label"] = obj.pop(self.label_field)
        return obj

    def _take(self, items, path: Path) -> None:
        """Store or reject what a grouping reader (CoNLL, hf, WebAnno, ...) has finished."""
        for item in items:
            if isinstance(item, BadRecord):
                self._reject(path, item.line, item.reason)
            else:
                self._record(item, path)

    # ------------------------------------------------------------------ records
    def _reject(self, path: Path, lineno: int, reason: str) -> None:
        self.report.rejected += 1
        self.report.problems.append(f"{path}:{lineno}: {reason}")

    def _record(self, rec: RawRecord, path: Path) -> None:
        try:
            doc = self._document(rec, path)
        except RecordError as exc:
            self._reject(path, rec.line, str(exc))
            return
        try:
            digest = content_hash(doc.text)
            _check_encodable(doc)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start:exc.end]
            self._reject(path, rec.line, f"contains an unpaired surrogate {bad!r} (a broken character escape)")
            return
        existing = self.writer.find(digest)
        if existing is not None and rec.fmt == "prodigy" and existing in self.answers:
            # ner.teach writes one record per suggestion: they are answers about one document
            self._add_labels(doc)
            answers = self.answers[existing]
            answers.append(rec.status)
            self.writer.merge(existing, doc, _combined_answer(answers))
            self.report.merged += 1
            self.report.spans += len(doc.spans)
            return
        if existing is not None:
            self.report.duplicates += 1
            where = "earlier in this file" if existing >= self.first_new_id else "already in the corpus"
            self.report.notes.append(f"{path}:{rec.line}: duplicate of document {existing} ({where}), skipped")
            return
        self._add_labels(doc)
        doc_id = self.writer.insert(doc, digest)
        if rec.fmt == "prodigy":
            self.answers[doc_id] = [rec.status]
        kept = _tokens(rec, doc.text)
        if kept is not None:
            self.corpus.set_tokens(doc_id, *kept)
        self.report.added += 1
        self.report.spans += len(doc.spans)
        self.report.added_ids.append(doc_id)

    def _add_labels(self, doc: Document) -> None:
        for name in sorted({s.label for s in doc.spans} - self.labels):
            self.corpus.ensure_label(name)
            self.labels.add(name)
            self.report.labels_added.append(name)

    def _document(self, rec: RawRecord, path: Path) -> Document:
        raw = rec.text
        if raw is None:
            raise RecordError("missing text")
        if not isinstance(raw, str):
            raise RecordError("text must be a string")
        if not raw.strip():
            raise RecordError("empty text")
        text, omap = _normalize(raw)
        default_state = SpanState.SUGGESTED if self.as_suggestions else SpanState.ACCEPTED
        spans: list[Span] = []
        index_of_key: dict = {}
        seen: dict[tuple[int, int, str], int] = {}
        n = len(raw)
        for rs in rec.spans:
            start, end, label = rs.start, rs.end, rs.label
            if type(start) is not int or type(end) is not int:
                start = as_int(start, "span start")
                end = as_int(end, "span end")
            if type(label) is not str or not label or label[0].isspace() or label[-1].isspace():
                if not isinstance(label, str) or not label.strip():
                    raise RecordError(f"span {start}-{end} has no label")
                label = label.strip()
            if start < 0 or end > n or start > n or end < 0:
                raise RecordError(f"span {start}-{end} out of range (text has {n} characters)")
            if start > end:
                raise RecordError(f"span {start}-{end} is reversed (start after end)")
            if start == end:
                raise RecordError(f"span {start}-{end} is empty")
            try:
                s, e = omap.map(start), omap.map(end)
            except OffsetError:
                raise RecordError(f"span {start}-{end} cuts a character (an offset falls inside a letter"
                                  " and its combining mark, or inside CRLF)") from None
            problem = check_span(text, s, e)
            if problem:
                raise RecordError(problem if (s, e) == (start, end) else f"{problem} (offsets {start}-{end} in the record)")
            if rs.text is not None and rs.text != text[s:e] and _nfc(rs.text) != text[s:e]:
                raise RecordError(f"span {start}-{end} says {rs.text!r} but the text there is {text[s:e]!r}")
            if label not in self.labels and not self.add_labels:
                raise RecordError(f"unknown label {label!r}; allow new labels (--new-labels add) to add it")
            key = (s, e, label)
            if key in seen:  # the same span twice: keep one
                index_of_key[_hashable(rs.key)] = seen[key]
                continue
            seen[key] = len(spans)
            index_of_key[_hashable(rs.key)] = len(spans)
            spans.append(Span(start=s, end=e, label=label, origin=rs.origin or "import",
                              state=rs.state or default_state, attrs=rs.attrs or {}, score=rs.score))
        relations = []
        for rel in rec.relations:
            if not rel.label:
                raise RecordError("relation without a label")
            head = index_of_key.get(_hashable(rel.head))
            tail = index_of_key.get(_hashable(rel.tail))
            if head is None or tail is None:
                missing = rel.head if head is None else rel.tail
                raise RecordError(f"relation {rel.label!r} refers to span {missing!r}, which is not in the record")
            relations.append(Relation(head=head, tail=tail, label=rel.label, origin=rel.origin or "import"))
        if rec.status is not None:
            status = rec.status
        elif rec.has_annotations and not self.as_suggestions:
            status = Status.DONE
        else:
            status = Status.NEW
        reviewer = rec.reviewer
        if reviewer is None and status in (Status.DONE, Status.SKIPPED):
            reviewer = self.who
        title = _nfc(rec.title).strip() if rec.title else title_of(text)
        return Document(text=text, title=title, source=rec.source or str(path), meta=rec.meta or {},
                        status=status, uid=rec.uid or "", reviewer=reviewer, time_spent=rec.time_spent,
                        spans=spans, relations=relations)


def _combined_answer(answers: list[Status | None]) -> Status | None:
    """The status of a document several Prodigy records answered: done when any answer was
    accept or reject, skipped when every answer was ignore."""
    if Status.DONE in answers:
        return Status.DONE
    if answers and all(a == Status.SKIPPED for a in answers):
        return Status.SKIPPED
    return None


def _missing_text(obj: dict, text_field: str | None) -> str:
    if text_field:
        return f"missing text (no {text_field!r} field)"
    keys = ", ".join(sorted(str(k) for k in obj)[:8])
    return f"missing text (no 'text' field; the record has {keys or 'no fields'}: name the text field with --text-field)"


def _tokens(rec: RawRecord, text: str):
    """The record's own tokens and sentences on the stored text, or None when it has none or
    they do not fit it (then exports segment the text as for any other document)."""
    if not rec.tokens:
        return None
    omap = _normalize(rec.text)[1]
    try:
        tokens = _offsets(rec.tokens, omap, len(text))
        sentences = _offsets(rec.sentences, omap, len(text)) if rec.sentences else None
    except (OffsetError, TypeError, ValueError):
        return None
    return tokens, sentences


def _offsets(pairs, omap: OffsetMap, n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    last = 0
    for a, z in pairs:
        a, z = omap.map(a), omap.map(z)
        if type(a) is not int or type(z) is not int or not last <= a < z <= n:
            raise ValueError("tokens out of order")
        out.append((a, z))
        last = z
    return out


def _check_encodable(doc: Document) -> None:
    """Raise UnicodeEncodeError for strings SQLite cannot store (JSON escapes of lone surrogates)."""
    for value in (doc.title, doc.source, doc.uid, doc.reviewer or ""):
        value.encode("utf-8")
    if doc.meta:
        _json(doc.meta).encode("utf-8")
    for span in doc.spans:
        span.label.encode("utf-8")
        span.origin.encode("utf-8")
        if span.attrs:
            _json(span.attrs).encode("utf-8")
    for rel in doc.relations:
        rel.label.encode("utf-8")
        rel.origin.encode("utf-8")


def _hashable(key):
    if isinstance(key, list):
        return tuple(_hashable(k) for k in key)
    if isinstance(key, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in key.items()))
    return key
