"""Export a corpus as training data (or as a full native backup).

Formats (see the modules in :mod:`annotator.core.formats`):

* ``native``: one document a line, every span with its state and origin, relations.
  Exports every document and every span by default.
* ``prodigy``, ``doccano``: JSONL with character offsets (Prodigy tokens align with every span).
* ``conll``: ``token<TAB>TAG`` BIO lines by word (underthesea segmentation, ``_`` joining
  syllables) or by syllable; entity labels only. Documents imported from a token format
  are written with their own tokens and sentences; a token that crosses a span edge is cut
  there, so no span is ever moved.
* ``hf``: a Hugging Face dataset folder: one JSONL file per split (``train.jsonl`` without
  ``split``), one sentence a line with ``id``, ``tokens``, ``ner_tags``, and a ``README.md``
  dataset card declaring ``ner_tags`` as ``Sequence(ClassLabel(names=[...]))``, so that
  ``datasets.load_dataset(OUT)`` needs no glue code. ``OUT`` ending in ``.jsonl`` (or ``-``)
  writes the sentences alone, as one JSONL file.
* ``directives``: one sentence a JSON line, labelled ``directive`` or ``other``.
* ``labelstudio``: one JSON array of Label Studio tasks; ``webanno``: a folder with one
  WebAnno / INCEpTION TSV 3.3 file per document; ``spacy``: one spaCy DocBin.

The formats and their writers are declared in :mod:`annotator.core.formats.registry`.

Every format but ``directives`` can be imported back (``hf`` lines are grouped back into
documents by their ``UID-N`` ids). ``directives`` is export-only: sentence-level
classification data, without the text between sentences or any entity, cannot rebuild
the articles.

The training formats (all but native) export, by default, accepted spans of done documents.
``statuses`` and ``states`` replace those defaults when given; ``reviewer`` keeps documents of
one reviewer; ``labels`` keeps spans of those labels (documents without such spans are still
exported, as negative examples). Relations are exported when both their spans are.

``split="80,10,10"`` writes ``OUT/train``, ``OUT/dev`` and ``OUT/test`` files (two numbers:
train and dev). Documents are ordered by ``sha256(seed:uid)`` and cut in those proportions,
so the same seed and corpus give the same split whatever the insertion order, and a
document's sentences never end up in two parts. ``out='-'`` writes to stdout. Files are
written to a temporary name and renamed when complete, so a failed or cancelled export
never leaves half a file behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats import hf, registry
from annotator.core.formats.base import ExportDoc
from annotator.core.model import Document, LabelKind, Relation, Span, SpanState, Status
from annotator.core.progress import NullProgress, Progress
from annotator.core.store import Corpus, DocumentFilter

__all__ = ["ExportOptions", "ExportReport", "export", "parse_split"]

PART_NAMES = ("train", "dev", "test")


@dataclass
class ExportOptions:
    fmt: str = "native"
    statuses: Sequence[str | Status] | None = None
    labels: Sequence[str] | None = None
    reviewer: str | None = None
    states: Sequence[str | SpanState] | None = None
    level: str = "word"
    split: str | Sequence[float] | None = None
    seed: int = 13


@dataclass
class ExportReport:
    fmt: str = ""
    documents: int = 0
    spans: int = 0
    lines: int = 0
    files: list[str] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)
    details: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        text = (f"exported {self.documents} document{'s' * (self.documents != 1)} "
                f"({self.spans} span{'s' * (self.spans != 1)}, {self.lines} line{'s' * (self.lines != 1)}) as {self.fmt}")
        if self.parts:
            text += " (" + ", ".join(f"{name} {n}" for name, n in self.parts.items()) + ")"
        if self.files:
            text += " to " + ", ".join(self.files)
        extra = [f"{n} {what}" for what, n in sorted(self.details.items()) if n]
        if extra:
            text += "; " + ", ".join(extra)
        return text


def parse_split(split: str | Sequence[float]) -> list[float]:
    """'80,10,10' → [0.8, 0.1, 0.1]; two parts are train and dev."""
    try:
        parts = [float(p) for p in (split.split(",") if isinstance(split, str) else split)]
    except ValueError:
        raise ValueError(f"split must be numbers like 80,10,10, not {split!r}") from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise ValueError(f"split must be two or three non-negative numbers like 80,10,10, not {split!r}")
    total = sum(parts)
    return [p / total for p in parts]


def _validate(options: ExportOptions) -> tuple[list[Status] | None, set[SpanState] | None]:
    if options.fmt not in registry.export_names():
        raise ValueError(f"unknown export format {options.fmt!r} (use one of {', '.join(registry.export_names())})")
    if options.level not in ("word", "syllable"):
        raise ValueError(f"level must be 'word' or 'syllable', not {options.level!r}")
    try:
        statuses = ([s if isinstance(s, Status) else Status.parse(s) for s in options.statuses]
                    if options.statuses else None)
    except ValueError as exc:
        raise ValueError(f"unknown status in {list(options.statuses)!r}: {exc}") from None
    try:
        states = ({s if isinstance(s, SpanState) else SpanState(str(s).strip().lower()) for s in options.states}
                  if options.states else None)
    except ValueError:
        raise ValueError(f"unknown span state in {list(options.states)!r}"
                         " (use suggested, accepted or rejected)") from None
    if registry.get(options.fmt).training:
        statuses = statuses or [Status.DONE]
        states = states or {SpanState.ACCEPTED}
    return statuses, states


def _assign_parts(corpus: Corpus, ids: list[int], fractions: list[float], seed: int) -> dict[int, int]:
    """Document id → part index, by the document's uid hashed with the seed."""
    uids: dict[int, str] = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        uids.update(corpus.db.conn.execute(
            f"SELECT id, uid FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    order = sorted(ids, key=lambda d: (hashlib.sha256(f"{seed}:{uids[d]}".encode()).hexdigest(), uids[d]))
    n = len(order)
    bounds, acc = [], 0.0
    for fraction in fractions:
        acc += fraction
        bounds.append(round(acc * n))
    bounds[-1] = n
    parts: dict[int, int] = {}
    start = 0
    for part, end in enumerate(bounds):
        for doc_id in order[start:end]:
            parts[doc_id] = part
        start = max(start, end)
    return parts


class _Output:
    """A file written under a temporary name and renamed into place on success (or stdout).

    Text writers give lines; a writer with ``frame`` (opening, separator, closing) writes one
    JSON array; a ``binary`` writer's items are kept and written by ``to_bytes`` at the end."""

    def __init__(self, path: Path | None, writer=None):
        self.path = path
        self.binary = bool(getattr(writer, "binary", False))
        self.writer = writer
        self.opening, self.separator, self.closing = getattr(writer, "frame", None) or ("", "\n", "\n")
        self.started = False
        if path is None:
            self.stream = sys.stdout.buffer if self.binary else sys.stdout
            self.tmp = None
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self.tmp = tmp
            self.stream = os.fdopen(fd, "wb") if self.binary else \
                os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.buffer: list = []

    def write(self, ed: ExportDoc, writer) -> int:
        return self.write_lines(writer.lines(ed))

    def write_lines(self, lines) -> int:
        n = 0
        buf = self.buffer
        for line in lines:
            buf.append(line)
            n += 1
        if len(buf) >= 512 and not self.binary:
            self.flush_buffer()
        return n

    def flush_buffer(self) -> None:
        if self.buffer:
            lead = self.separator if self.started else self.opening
            self.stream.write(lead + self.separator.join(self.buffer))
            self.started = True
            self.buffer = []

    def commit(self) -> None:
        if self.binary:
            self.stream.write(self.writer.to_bytes(self.buffer))
            self.buffer = []
        else:
            self.flush_buffer()
            if self.started or self.opening:
                self.stream.write(("" if self.started else self.opening) + self.closing)
        if self.tmp is None:
            self.stream.flush()
            return
        self.stream.close()
        os.replace(self.tmp, self.path)
        self.tmp = None

    def abort(self) -> None:
        if self.tmp is not None:
            try:
                self.stream.close()
            finally:
                try:
                    os.unlink(self.tmp)
                except OSError:
                    pass


class _FolderOutput:
    """One file per document (``UID`` + the writer's suffix) in a folder; each file is written
    under a temporary name and renamed, and an aborted export removes the files it wrote."""

    def __init__(self, folder: Path, writer):
        self.folder = folder
        self.writer = writer
        self.written: list[Path] = []
        self.names: set[str] = set()
        self.path = folder

    def write(self, ed: ExportDoc, writer) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in ed.doc.uid) or str(ed.doc.id)
        name, n = stem, 1
        while name in self.names:
            n += 1
            name = f"{stem}-{n}"
        self.names.add(name)
        target = self.folder / f"{name}{writer.suffix}"
        out = _Output(target, writer)
        try:
            count = out.write(ed, writer)
            out.commit()
        except BaseException:
            out.abort()
            raise
        self.written.append(target)
        return count

    def commit(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def abort(self) -> None:
        for path in self.written:
            try:
                path.unlink()
            except OSError:
                pass


def export(corpus: Corpus, out: str | os.PathLike, options: ExportOptions | None = None, *,
           progress: Progress | None = None) -> ExportReport:
    """Write the corpus to ``out`` (a file, '-' for stdout, or a folder with ``options.split``)."""
    options = options or ExportOptions()
    statuses, states = _validate(options)
    fractions = parse_split(options.split) if options.split else None
    progress = progress or NullProgress()
    to_stdout = str(out) == "-"
    writer = registry.get(options.fmt).writer(options.level)
    per_document = registry.get(options.fmt).folder
    if (fractions or per_document) and to_stdout:
        raise ValueError(f"a {'split' if fractions else options.fmt} export writes a folder;"
                         " give a folder name instead of '-'")
    if per_document and Path(out).exists() and not Path(out).is_dir():
        raise ValueError(f"{out} is a file; a {options.fmt} export writes a folder (one file per document)")
    dataset = options.fmt == "hf" and not to_stdout and (fractions or Path(out).suffix.lower() != ".jsonl")
    if not fractions and not per_document and not dataset and not to_stdout and Path(out).is_dir():
        raise ValueError(f"{out} is a folder; give a file name (a folder is for a split export)")
    labels = set(options.labels) if options.labels else None
    known = corpus.label_names()
    if labels and labels - known:  # a mistyped label would silently drop its spans from the export
        raise ValueError(f"no such label: {', '.join(sorted(labels - known))}"
                         f" (the corpus has {', '.join(sorted(known))})")
    kinds = {label.name: label.kind for label in corpus.labels()}
    flt = DocumentFilter(status=statuses, reviewer=options.reviewer)
    ids = corpus.document_ids(flt)
    report = ExportReport(fmt=options.fmt)

    if fractions:
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise ValueError(f"{folder} is a file; a split export writes a folder")
        parts = _assign_parts(corpus, ids, fractions, options.seed)
        names = [PART_NAMES[i] for i, f in enumerate(fractions)]
        outputs = [_FolderOutput(folder / name, writer) if per_document
                   else _Output(folder / f"{name}{writer.suffix}", writer) for name in names]
    elif dataset:
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise ValueError(f"{folder} is a file; an hf dataset is a folder (name the file .jsonl for JSONL alone)")
        parts = {doc_id: 0 for doc_id in ids}
        names = ["train"]
        outputs = [_Output(folder / f"train{writer.suffix}", writer)]
    else:
        parts = None
        names = []
        outputs = [_FolderOutput(Path(out), writer) if per_document
                   else _Output(None if to_stdout else Path(out), writer)]
    counts = [0] * len(outputs)
    progress.start(len(ids), f"export {options.fmt}")
    try:
        for ed in _documents(corpus, ids, labels, states, kinds):
            part = parts[ed.doc.id] if parts is not None else 0
            report.lines += outputs[part].write(ed, writer)
            report.documents += 1
            report.spans += len(ed.spans)
            counts[part] += 1
            progress.advance()
        if dataset:
            entity_labels = [label.name for label in corpus.labels() if label.kind == LabelKind.ENTITY
                             and (labels is None or label.name in labels)]
            card = _Output(Path(out) / "README.md")
            card.write_lines([hf.dataset_card(entity_labels, {n: f"{n}{writer.suffix}" for n in names})])
            outputs.append(card)
        for output in outputs:
            output.commit()
    except BaseException:
        for output in outputs:
            output.abort()
        raise
    finally:
        progress.finish()
    if fractions:
        report.parts = dict(zip(names, counts))
    report.files = [str(o.path) for o in outputs if o.path is not None]
    report.details.update({k: v for k, v in writer.stats.items() if k not in ("sentences",)})
    if options.fmt in ("conll", "hf", "directives"):
        report.details["sentences"] = writer.stats.get("sentences", 0)
    return report


def _documents(corpus: Corpus, ids: list[int], labels: set[str] | None, states: set[SpanState] | None,
               kinds: dict) -> Iterator[ExportDoc]:
    """Documents with their spans and relations, read straight from SQL in batches."""
    conn = corpus.db.conn
    state_of = {s.value: s for s in SpanState}
    status_of = {s.value: s for s in Status}
    loads = json.loads
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        spans: dict[int, list[Span]] = {}
        for row in conn.execute(
                'SELECT id, doc_id, start, "end", label, origin, state, score, attrs FROM spans'
                f' WHERE doc_id IN ({marks}) ORDER BY doc_id, start, "end" DESC, id', chunk):
            state = state_of[row[6]]
            if states is not None and state not in states:
                continue
            if labels is not None and row[4] not in labels:
                continue
            attrs = row[8]
            spans.setdefault(row[1], []).append(Span(
                start=row[2], end=row[3], label=row[4], origin=row[5], state=state, score=row[7],
                attrs=loads(attrs) if attrs and attrs != "{}" else {}, id=row[0], doc_id=row[1]))
        kept = corpus.tokens_of(chunk)
        relations: dict[int, list[Relation]] = {}
        for row in conn.execute(
                f"SELECT id, doc_id, head, tail, label, origin FROM relations WHERE doc_id IN ({marks}) ORDER BY id",
                chunk):
            relations.setdefault(row[1], []).append(
                Relation(head=row[2], tail=row[3], label=row[4], origin=row[5], id=row[0], doc_id=row[1]))
        for row in conn.execute(
                "SELECT id, uid, title, text, source, meta, status, reviewer, time_spent FROM documents"
                f" WHERE id IN ({marks}) ORDER BY id", chunk):
            meta = row[5]
            doc = Document(id=row[0], uid=row[1], title=row[2], text=row[3], source=row[4],
                           meta=loads(meta) if meta and meta != "{}" else {}, status=status_of[row[6]],
                           reviewer=row[7], time_spent=row[8])
            tokens, sentences = kept.get(row[0], (None, None))
            yield ExportDoc(doc, spans.get(row[0], []), relations.get(row[0], []), kinds, tokens, sentences)


def iter_export_docs(corpus: Corpus, options: ExportOptions | None = None) -> Iterator[ExportDoc]:
    """The documents and spans an export with these options would write (for previews and tests)."""
    options = options or ExportOptions()
    statuses, states = _validate(options)
    labels = set(options.labels) if options.labels else None
    kinds = {label.name: label.kind for label in corpus.labels()}
    ids = corpus.document_ids(DocumentFilter(status=statuses, reviewer=options.reviewer))
    yield from _documents(corpus, ids, labels, states, kinds)

