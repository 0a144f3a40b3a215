"""Merge other reviewers' work into a corpus: ``annotator merge SOURCE...``.

Import skips a text that is already stored (re-importing stays a no-op), so a lead who handed
the same articles to several reviewers cannot collect their work with it. Merge can.

Sources
-------
Each source is another reviewer's corpus file (SQLite, opened read-only; never written) or a
native JSONL file as written by ``annotator export --format native`` (read with the importer's
own native reader and checks, so text is normalised to NFC and offsets are validated the same
way). A source is recognised by its first bytes (the SQLite header) or its ``.jsonl`` /
``.ndjson`` / ``.json`` extension. Native JSONL carries no span authors: a span a human decided
(accepted or rejected) gets the record's ``reviewer`` as its author.

What happens to each source document
------------------------------------
Documents are matched by the content hash of their NFC text (:func:`core.text.content_hash`,
:meth:`Corpus.find_by_hash`). *Human work* (:func:`has_human_work`) is a status other than
``new``, or a span that is accepted or rejected, or whose origin is ``reviewer``, ``import`` or
``merge:…``. Machine suggestions alone are not human work.

1. Not in the target: **added** with its spans, relations, status, reviewer and time spent, like
   import but keeping every span's state, origin and author.
2. The source has no human work: **skipped** (nothing to take).
3. The target has no human work: the target **takes** the source's work: its spans (the
   target's machine suggestions are replaced), relations, status, reviewer and time spent.
4. Both have human work, with the same set of accepted spans (start, end, label) and the same
   status: **skipped** as identical (not a conflict).
5. Otherwise a **conflict**, settled by ``conflicts``:

   * ``keep`` (default): the target stays as it is; the conflict is reported.
   * ``theirs``: the target's spans, relations, status, reviewer and time spent are replaced by
     the source's (the history row keeps what was replaced).
   * ``suggest``: the target stays as it is (status included) and gains the source's accepted
     spans it lacks (no span of any state with the same start, end and label) as
     suggestions with origin ``merge:<source reviewer>`` and ``attrs["merged_from"]`` = the
     source's file name, for the lead to accept or reject in the review window. Source
     relations that touch such a span come along (same origin).

A text that appears twice in one source is merged once (the second is skipped, with a note).
Sources are merged in the order given; a later source sees what an earlier one merged (so a
second reviewer's differing work on a document the first one filled is a conflict).
Merging the same source again changes nothing (everything is identical or already suggested).

For every conflict the report gives the inter-annotator agreement of the two reviewers:
F1 of their accepted *entity* spans (labels of kind entity; exact start, end and label), and
:attr:`MergeReport.agreement` the micro-averaged F1 over all conflicts.

Safety
------
Labels the target does not know are added (:meth:`Corpus.ensure_label`, with the source's
label kind when the source is a corpus). Each source is one transaction: a source that fails
part-way (corrupt file, newer schema, bad JSONL line) leaves the target exactly as it was, is
reported as one line in ``report.problems`` and ``report.failed_sources``, and the next source
is merged. A target that cannot be written raises :class:`~annotator.core.store.CorpusError`.
Every changed document gets a history row with action ``merge``. Progress counts source
documents; cancelling (:class:`~annotator.core.progress.Cancelled`) rolls back the source being
merged and keeps the ones before it. ``dry_run`` computes the same report without writing
(the target may be opened read-only).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from annotator.core import formats
from annotator.core.formats import native
from annotator.core.formats.base import RecordError, title_of
from annotator.core.importer import ImportReport, _check_encodable, _FileFailed, _Importer, _tokens
from annotator.core.model import Document, LabelKind, Span, SpanState, Status
from annotator.core.progress import NullProgress, Progress
from annotator.core.store import Corpus, CorpusError, now
from annotator.core.text import check_span, content_hash

__all__ = ["CONFLICT_MODES", "Conflict", "MergeReport", "has_human_work", "merge_sources", "span_f1"]

CONFLICT_MODES = ("keep", "theirs", "suggest")
#: Span origins that are a person's work even while the span is still a suggestion.
HUMAN_ORIGINS = frozenset({"reviewer", "import"})
MERGE_ORIGIN = "merge:"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_SQLITE_HEADER = b"SQLite format 3\x00"


# ---------------------------------------------------------------------------------- report
@dataclass
class Conflict:
    """A document both sides worked on differently, and how it was settled."""

    source: str
    title: str
    doc_id: int | None          # the target document (None: added by an earlier source of a dry run)
    ours: str | None            # the target's reviewer
    theirs: str | None          # the source's reviewer
    resolution: str             # "kept", "theirs" or "suggested"
    ours_spans: int = 0         # accepted entity spans in the target
    theirs_spans: int = 0       # accepted entity spans in the source
    matched: int = 0            # of those, the same start, end and label on both sides
    suggested: int = 0          # suggestions added (resolution "suggested")

    @property
    def f1(self) -> float | None:
        return span_f1(self.matched, self.ours_spans, self.theirs_spans)

    def line(self) -> str:
        ours, theirs = self.ours or "?", self.theirs or "?"
        f1 = "n/a" if self.f1 is None else f"{self.f1:.2f}"
        where = f"document {self.doc_id}" if self.doc_id is not None else "new document"
        settled = {"kept": "kept ours", "theirs": "replaced by theirs",
                   "suggested": f"{self.suggested} suggestion{'s' * (self.suggested != 1)} added"}[self.resolution]
        return (f"{self.title!r} ({where}, from {self.source}): {ours} vs {theirs}, entity F1 {f1}"
                f" ({self.matched} agreed, {self.ours_spans - self.matched} only {ours},"
                f" {self.theirs_spans - self.matched} only {theirs}); {settled}")


def span_f1(matched: int, ours: int, theirs: int) -> float | None:
    """F1 of two span sets given their sizes and overlap; None when both are empty."""
    total = ours + theirs
    return 2 * matched / total if total else None


@dataclass
class MergeReport:
    sources: int = 0
    documents: int = 0           # source documents read
    added: int = 0
    taken: int = 0
    skipped: int = 0             # no_work + identical + repeated
    no_work: int = 0             # the source had no human work on it
    identical: int = 0           # both sides did the same work
    repeated: int = 0            # the text came twice in one source
    spans: int = 0               # spans written (added, taken, replaced or suggested)
    suggested: int = 0           # suggestions added to conflicts (mode "suggest")
    conflicts: list[Conflict] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed_sources: list[str] = field(default_factory=list)
    changed_ids: list[int] = field(default_factory=list)
    mode: str = "keep"
    dry_run: bool = False

    @property
    def agreement(self) -> float | None:
        """Micro-averaged entity span F1 between the two reviewers over all conflicts."""
        return span_f1(sum(c.matched for c in self.conflicts), sum(c.ours_spans for c in self.conflicts),
                       sum(c.theirs_spans for c in self.conflicts))

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'s' * (count != 1)}"

        head = (f"{'dry run, nothing written: would merge' if self.dry_run else 'merged'} "
                f"{n(self.sources, 'source')} ({n(self.documents, 'document')})")
        parts = [f"{head}: {self.added} added", f"{self.taken} taken"]
        verdict = {"keep": "kept ours", "theirs": "replaced by theirs",
                   "suggest": "kept ours, theirs as suggestions"}[self.mode]
        parts.append(f"{n(len(self.conflicts), 'conflict')}" + (f" ({verdict})" if self.conflicts else ""))
        if self.suggested:
            parts.append(n(self.suggested, "suggestion") + " added")
        why = [f"{count} {what}" for count, what in ((self.no_work, "without work in the source"),
                                                     (self.identical, "identical"),
                                                     (self.repeated, "repeated in a source")) if count]
        parts.append(f"{self.skipped} skipped" + (f" ({', '.join(why)})" if why else ""))
        text = ", ".join(parts)
        if self.conflicts:
            f1 = self.agreement
            text += f"; entity F1 between reviewers on conflicts {'n/a' if f1 is None else f'{f1:.2f}'}"
        if self.failed_sources:
            text += f"; {n(len(self.failed_sources), 'source')} failed"
        if self.labels_added:
            text += "; new labels: " + ", ".join(self.labels_added)
        return text

    def conflict_lines(self) -> list[str]:
        return [c.line() for c in self.conflicts]

    def _merge(self, other: "MergeReport") -> None:
        for f in fields(self):
            if f.name in ("mode", "dry_run"):
                continue
            value = getattr(other, f.name)
            if isinstance(value, list):
                getattr(self, f.name).extend(value)
            else:
                setattr(self, f.name, getattr(self, f.name) + value)


# ---------------------------------------------------------------------------------- predicates
def has_human_work(doc: Document) -> bool:
    """A status other than new, or a span a person decided or made (see the module docs)."""
    if Status(doc.status) != Status.NEW:
        return True
    return any(SpanState(s.state) != SpanState.SUGGESTED or s.origin in HUMAN_ORIGINS
               or s.origin.startswith(MERGE_ORIGIN) for s in doc.spans)


def _accepted(doc: Document) -> set[tuple[int, int, str]]:
    return {s.key for s in doc.spans if SpanState(s.state) == SpanState.ACCEPTED}


def _same_work(a: Document, b: Document) -> bool:
    return Status(a.status) == Status(b.status) and _accepted(a) == _accepted(b)


def _guess_kind(name: str) -> LabelKind:
    return LabelKind.DIRECTIVE if name.upper().startswith("DIRECTIVE") else LabelKind.ENTITY


# ---------------------------------------------------------------------------------- sources
class _SourceFailed(Exception):
    """The whole source is refused; the message is the one line to report."""


class _CorpusSource:
    kind = "corpus"
    kept_tokens = None   # the imported tokens and sentences of the document just read, if any

    def __init__(self, path: Path):
        self.path, self.name = path, path.name
        try:
            self.corpus = Corpus(path, create=False, read_only=True)
        except CorpusError as exc:
            raise _SourceFailed(str(exc)) from None
        try:
            self.label_kinds = {label.name: label.kind for label in self.corpus.labels()}
            self.count = self.corpus.count_documents()
        except (sqlite3.Error, ValueError) as exc:
            self.close()
            raise _SourceFailed(self._explain(exc)) from None

    def _explain(self, exc: Exception) -> str:
        if isinstance(exc, sqlite3.DatabaseError):
            return str(self.corpus._explain(exc))
        return f"{self.path} is not a readable annotator corpus or is corrupt ({exc})"

    def documents(self) -> Iterator[Document]:
        docs = self.corpus.iter_documents()
        while True:
            try:
                doc = next(docs)
            except StopIteration:
                return
            except (sqlite3.Error, ValueError, KeyError) as exc:
                raise _SourceFailed(self._explain(exc)) from None
            try:
                self.kept_tokens = self.corpus.tokens_of([doc.id]).get(doc.id)
            except sqlite3.Error as exc:
                raise _SourceFailed(self._explain(exc)) from None
            yield self._indexed(doc)

    def _indexed(self, doc: Document) -> Document:
        """The document with relations naming spans by index (as ``add_document`` wants)."""
        index = {}
        for i, span in enumerate(doc.spans):
            problem = check_span(doc.text, span.start, span.end)
            if problem:
                raise _SourceFailed(f"{self.path}: document {doc.uid or doc.id}: span {span.start}-{span.end}:"
                                    f" {problem} (the source is corrupt; nothing from it was merged)")
            index[span.id] = i
        relations = [replace(r, head=index[r.head], tail=index[r.tail], id=None, doc_id=None)
                     for r in doc.relations if r.head in index and r.tail in index]
        spans = [replace(s, id=None, doc_id=None) for s in doc.spans]
        return replace(doc, id=None, spans=spans, relations=relations)

    def close(self) -> None:
        self.corpus.close()


class _JsonlSource:
    """A native export, read with the importer's reader and checks; any bad line fails the source."""

    kind = "jsonl"
    label_kinds: dict[str, LabelKind] = {}
    kept_tokens = None   # the imported tokens and sentences of the document just read, if any

    def __init__(self, path: Path, target: Corpus):
        self.path, self.name = path, path.name
        self.importer = _Importer(target, as_suggestions=False, new_labels="add", who=None,
                                  progress=NullProgress())
        self.importer.report = ImportReport()
        try:
            with open(path, "rb") as f:
                self.count = sum(1 for line in f if line.strip())
        except OSError as exc:
            raise _SourceFailed(f"{path}: cannot read ({exc.strerror or exc})") from None

    def _fail(self, lineno: int, reason: str) -> _SourceFailed:
        return _SourceFailed(f"{self.path}:{lineno}: {reason} (nothing from this source was merged)")

    def documents(self) -> Iterator[Document]:
        try:
            for lineno, line in self.importer._lines(self.path):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except RecursionError:
                    raise self._fail(lineno, "bad JSON (nested too deeply)") from None
                except ValueError as exc:
                    raise self._fail(lineno, f"bad JSON ({getattr(exc, 'msg', exc)})") from None
                if not isinstance(obj, dict):
                    raise self._fail(lineno, "not a JSON object")
                reader = formats.detect(obj)
                if reader is not native:
                    raise self._fail(lineno, f"a {reader.__name__.rsplit('.', 1)[-1]} record, not annotator's"
                                             " native JSONL (write it with annotator export --format native)")
                try:
                    rec = native.parse(obj, lineno)
                    doc = self.importer._document(rec, self.path)
                    self.kept_tokens = _tokens(rec, doc.text)
                    _check_encodable(doc)
                except RecordError as exc:
                    raise self._fail(lineno, str(exc)) from None
                except UnicodeEncodeError:
                    raise self._fail(lineno, "contains an unpaired surrogate (a broken character escape)") from None
                yield self._authored(doc)
        except _FileFailed as exc:
            raise _SourceFailed(str(exc)) from None
        except OSError as exc:
            raise _SourceFailed(f"{self.path}: cannot read ({exc.strerror or exc})") from None

    @staticmethod
    def _authored(doc: Document) -> Document:
        """Native JSONL has no span authors: the record's reviewer decided its non-suggested spans."""
        for span in doc.spans:
            if span.state != SpanState.SUGGESTED or span.origin == "reviewer":
                span.author = doc.reviewer
        for rel in doc.relations:
            rel.author = doc.reviewer
        return doc

    def close(self) -> None:
        pass


def _open_source(path: Path, target: Corpus):
    if path.is_dir():
        raise _SourceFailed(f"{path} is a folder; give corpus files (.db) or native JSONL exports")
    if not path.exists():
        raise _SourceFailed(f"{path}: no such file")
    try:
        if target.path.exists() and os.path.samefile(path, target.path):
            raise _SourceFailed(f"{path} is the corpus being merged into")
        with open(path, "rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise _SourceFailed(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not head:
        raise _SourceFailed(f"{path} is empty: not an annotator corpus or a native JSONL export")
    if head == _SQLITE_HEADER:
        return _CorpusSource(path)
    if path.suffix.lower() in JSONL_SUFFIXES or head.lstrip()[:1] == b"{" or head.startswith(b"\xef\xbb\xbf"):
        return _JsonlSource(path, target)
    raise _SourceFailed(f"{path} is not an annotator corpus (SQLite) or a native JSONL export")


# ---------------------------------------------------------------------------------- merging
_REL_SQL = ("INSERT INTO relations(doc_id, head, tail, label, origin, author, created_at)"
            " VALUES (?,?,?,?,?,?,?)")


def _work(doc: Document) -> dict:
    """What a merge replaces, for the history row (enough to put it back by hand)."""
    return {
        "status": Status(doc.status).value, "reviewer": doc.reviewer, "time_spent": doc.time_spent,
        "spans": [[s.start, s.end, s.label, SpanState(s.state).value, s.origin, s.author] for s in doc.spans],
        "relations": [[r.head, r.tail, r.label, r.origin] for r in doc.relations],
    }


class _Merger:
    def __init__(self, corpus: Corpus, mode: str, dry_run: bool, who: str | None, progress: Progress):
        self.corpus, self.mode, self.dry_run, self.who, self.progress = corpus, mode, dry_run, who, progress
        self.kinds = {label.name: label.kind for label in corpus.labels()}
        self.overlay: dict[str, Document] = {}  # dry run: what earlier sources would have written

    def merge(self, source) -> MergeReport:
        """One source in one transaction (none for a dry run); raises _SourceFailed."""
        self.rep = MergeReport(sources=1, mode=self.mode, dry_run=self.dry_run)
        self.source = source
        saved = dict(self.kinds), dict(self.overlay)
        seen: set[str] = set()
        read = 0
        try:
            with nullcontext() if self.dry_run else self.corpus.transaction():
                for doc in source.documents():
                    self._document(doc, seen)
                    read += 1
                    self.progress.advance(1)
        except _SourceFailed:
            self.kinds, self.overlay = saved
            if read < source.count:  # keep the bar honest for the sources that follow
                self.progress.advance(source.count - read)
            raise
        except sqlite3.Error as exc:  # the source's own errors arrive as _SourceFailed
            self.kinds, self.overlay = saved
            raise self.corpus._explain(exc) from exc
        except BaseException:  # Cancelled, KeyboardInterrupt, CorpusError: rolled back
            self.kinds, self.overlay = saved
            raise
        return self.rep

    # ------------------------------------------------------------------ one document
    def _document(self, doc: Document, seen: set[str]) -> None:
        rep = self.rep
        rep.documents += 1
        digest = content_hash(doc.text)
        if digest in seen:
            rep.skipped += 1
            rep.repeated += 1
            rep.notes.append(f"{self.source.name}: {self._title(doc)!r} comes twice in this source; merged once")
            return
        seen.add(digest)
        target = self._target(digest)
        if target is None:
            self._add(doc, digest)
        elif not has_human_work(doc):
            rep.skipped += 1
            rep.no_work += 1
        elif not has_human_work(target):
            self._replace(target, doc, digest, "taken")
            rep.taken += 1
        elif _same_work(target, doc):
            rep.skipped += 1
            rep.identical += 1
        else:
            self._conflict(target, doc, digest)

    def _target(self, digest: str) -> Document | None:
        if digest in self.overlay:
            return self.overlay[digest]
        doc_id = self.corpus.find_by_hash(digest)
        return None if doc_id is None else self.corpus.document(doc_id)

    @staticmethod
    def _title(doc: Document) -> str:
        return doc.title or title_of(doc.text)

    def _reviewer(self, doc: Document) -> str:
        if doc.reviewer:
            return doc.reviewer
        authors = [s.author for s in doc.spans if s.author and s.state != SpanState.SUGGESTED]
        return max(set(authors), key=authors.count) if authors else Path(self.source.name).stem

    def _kind(self, name: str) -> LabelKind:
        return self.kinds.get(name) or self.source.label_kinds.get(name) or _guess_kind(name)

    def _labels(self, spans: Sequence[Span]) -> None:
        for name in sorted({s.label for s in spans} - set(self.kinds)):
            kind = self._kind(name)
            self.kinds[name] = kind
            self.rep.labels_added.append(name)
            if not self.dry_run:
                self.corpus.ensure_label(name)
                if kind != _guess_kind(name):
                    self.corpus.db.conn.execute("UPDATE labels SET kind=? WHERE name=?", (kind.value, name))

    def _log(self, doc_id: int, action: str, before: dict | None, **after) -> None:
        self.corpus._log(self.who, doc_id, "merge", doc_id, before,
                         {"source": self.source.name, "action": action, **after})
        self.rep.changed_ids.append(doc_id)

    # ------------------------------------------------------------------ actions
    def _add(self, doc: Document, digest: str) -> None:
        self._labels(doc.spans)
        if self.dry_run:
            self.overlay[digest] = doc
        else:
            try:
                doc_id, created = self.corpus.add_document(doc)
            except ValueError as exc:
                raise _SourceFailed(f"{self.source.path}: {self._title(doc)!r}: {exc}") from None
            assert created, "find_by_hash said the text was not stored"
            if self.source.kept_tokens is not None:   # the source document's own tokens (CoNLL, hf, ...)
                self.corpus.set_tokens(doc_id, *self.source.kept_tokens)
            self._log(doc_id, "added", None, reviewer=doc.reviewer, status=Status(doc.status).value,
                      spans=len(doc.spans))
        self.rep.added += 1
        self.rep.spans += len(doc.spans)

    def _replace(self, target: Document, doc: Document, digest: str, action: str) -> None:
        """The target's spans, relations, status, reviewer and time become the source's."""
        self._labels(doc.spans)
        self.rep.spans += len(doc.spans)
        if self.dry_run:
            self.overlay[digest] = replace(target, status=doc.status, reviewer=doc.reviewer,
                                           time_spent=doc.time_spent, spans=doc.spans, relations=doc.relations)
            return
        conn, doc_id, stamp = self.corpus.db.conn, target.id, now()
        conn.execute("DELETE FROM relations WHERE doc_id=?", (doc_id,))
        conn.execute("DELETE FROM spans WHERE doc_id=?", (doc_id,))
        ids = self.corpus._insert_spans(doc_id, doc.spans, None, stamp)
        conn.executemany(_REL_SQL, [(doc_id, ids[r.head], ids[r.tail], r.label, r.origin, r.author,
                                     r.created_at or stamp) for r in doc.relations])
        conn.execute("UPDATE documents SET status=?, reviewer=?, time_spent=?, updated_at=? WHERE id=?",
                     (Status(doc.status).value, doc.reviewer, float(doc.time_spent or 0), stamp, doc_id))
        self.corpus._recount(doc_id)
        self._log(doc_id, action, _work(target), reviewer=doc.reviewer, status=Status(doc.status).value,
                  spans=len(doc.spans))

    def _conflict(self, target: Document, doc: Document, digest: str) -> None:
        def entities(d: Document) -> set[tuple[int, int, str]]:
            return {k for k in _accepted(d) if self._kind(k[2]) == LabelKind.ENTITY}

        ours, theirs = entities(target), entities(doc)
        conflict = Conflict(source=self.source.name, title=self._title(target), doc_id=target.id,
                            ours=target.reviewer, theirs=self._reviewer(doc), resolution="kept",
                            ours_spans=len(ours), theirs_spans=len(theirs), matched=len(ours & theirs))
        if self.mode == "theirs":
            self._replace(target, doc, digest, "theirs")
            conflict.resolution = "theirs"
        elif self.mode == "suggest":
            conflict.suggested = self._suggest(target, doc, digest)
            conflict.resolution = "suggested"
        self.rep.conflicts.append(conflict)

    def _suggest(self, target: Document, doc: Document, digest: str) -> int:
        """Add the source's accepted spans the target lacks as suggestions; returns how many."""
        have = {s.key: s.id for s in target.spans}
        reviewer = self._reviewer(doc)
        origin = f"{MERGE_ORIGIN}{reviewer}"
        new: dict[int, Span] = {}
        for i, s in enumerate(doc.spans):
            if s.state == SpanState.ACCEPTED and s.key not in have:
                have[s.key] = None
                new[i] = Span(s.start, s.end, s.label, origin=origin, state=SpanState.SUGGESTED,
                              attrs={**(s.attrs or {}), "merged_from": self.source.name},
                              author=s.author or reviewer)
        if not new:
            return 0
        self._labels(list(new.values()))
        self.rep.suggested += len(new)
        self.rep.spans += len(new)
        if self.dry_run:
            self.overlay[digest] = replace(target, spans=target.spans + list(new.values()))
            return len(new)
        conn, doc_id, stamp = self.corpus.db.conn, target.id, now()
        ids = dict(zip(new, self.corpus._insert_spans(doc_id, list(new.values()), None, stamp)))
        span_id = {i: ids.get(i) or have.get(s.key) for i, s in enumerate(doc.spans)}
        conn.executemany(_REL_SQL, [
            (doc_id, span_id[r.head], span_id[r.tail], r.label, origin, r.author or reviewer, stamp)
            for r in doc.relations
            if (r.head in new or r.tail in new) and span_id[r.head] and span_id[r.tail]])
        conn.execute("UPDATE documents SET updated_at=? WHERE id=?", (stamp, doc_id))
        self.corpus._recount(doc_id)
        self._log(doc_id, "suggested", None, reviewer=reviewer, suggestions=len(new))
        return len(new)


def merge_sources(corpus: Corpus, sources: Sequence[str | os.PathLike], *, conflicts: str = "keep",
                  dry_run: bool = False, who: str | None = None,
                  progress: Progress | None = None) -> MergeReport:
    """Merge other corpora and native JSONL exports into ``corpus``; see the module docs.

    ``who`` is recorded in the history rows. Returns the report; a source that fails is in
    ``report.failed_sources`` / ``report.problems`` and changed nothing.
    """
    if conflicts not in CONFLICT_MODES:
        raise ValueError(f"conflicts must be one of {', '.join(CONFLICT_MODES)}, not {conflicts!r}")
    if not dry_run:
        corpus._writable()
    progress = progress or NullProgress()
    report = MergeReport(mode=conflicts, dry_run=dry_run)
    opened = []
    seen: set[Path] = set()
    try:
        for item in sources:
            path = Path(item)
            key = path.resolve()
            if key in seen:
                report.notes.append(f"{path}: given twice; merged once")
                continue
            seen.add(key)
            try:
                opened.append(_open_source(path, corpus))
            except _SourceFailed as exc:
                report.problems.append(str(exc))
                report.failed_sources.append(str(path))
        merger = _Merger(corpus, conflicts, dry_run, who, progress)
        progress.start(sum(s.count for s in opened), "merge")
        try:
            for source in opened:
                try:
                    report._merge(merger.merge(source))
                except _SourceFailed as exc:
                    report.problems.append(str(exc))
                    report.failed_sources.append(str(source.path))
        finally:
            progress.finish()
    finally:
        for source in opened:
            source.close()
    return report
