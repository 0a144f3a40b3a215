"""CoNLL / BIO columns (CoNLL-2003, VLSP, PhoNER style).

Reading
-------
* One token a line; columns separated by a tab (when the line has one) or by spaces. The
  first column is the token, the last column the tag: ``O``, ``B-X``, ``I-X`` (also ``S-X``
  and ``E-X`` of BIOES). IOB1 is tolerated: an ``I-X`` after ``O`` or after another label
  starts an entity.
* VLSP 2016's five columns (word, POS, chunk, NE, nested NE; words with spaces inside,
  tab-separated) are recognised by their last three columns all being tags: the fourth
  column is the tag and the nested column is ignored (the corpus keeps one flat layer of
  entities from CoNLL). Its ``<s>`` / ``</s>`` lines (any line that is just ``<tag>`` or
  ``</tag>``) end a sentence.
* Multi-syllable words written with ``_`` (``Hà_Nội``, VLSP word level) become words with
  spaces; a token made only of underscores stays as it is.
* Documents: a ``-DOCSTART-`` line starts a new document. A file that does not open with
  ``-DOCSTART-`` (a corpus as distributed, one sentence per blank-line block) becomes one
  document per ``sentences_per_doc`` sentences (default 1); two blank lines in a row also
  end a document. A sentence group that repeats an earlier one word for word (bylines such
  as "Theo TTXVN") joins the document before it, since the corpus keeps one document per
  text and would skip it. The file is streamed: two documents are held at a time.
* The text is rebuilt deterministically: tokens joined by one space, except no space
  before ``, . ; : ! ? ) ] } ” … %`` and ``...`` and none after ``( [ { “``; sentences joined
  by one space. The title is the first sentence. The record keeps the file's tokens and
  sentences (offsets into that text), so an export of the document writes exactly these
  tokens and sentences again.
* A bad line (missing tag column, unknown tag) rejects its whole document, reported at
  that line.
* :func:`build` (text, spans, tokens from tagged sentences) is shared with the ``hf``
  reader (:mod:`annotator.core.formats.hf`), so both rebuild the same text from the same
  tokens and tags.

Writing
-------
``token<TAB>TAG`` per line, a blank line after each sentence, and ``-DOCSTART-<TAB>O`` plus a
blank line before each document (the reader splits documents there). A document imported
from a token format is written with its own tokens and sentences. Otherwise sentences come
from :func:`annotator.core.segmentation.sentences` and tokens from the same segmentation as
the window and the engine: words (underthesea word segmentation; whitespace inside a word
written as ``_`` like VLSP) at word level, syllables at syllable level. A span never moves:
a token that crosses a span edge is cut there into two tokens, and sentences are merged
where an entity crosses a sentence boundary. Only entity labels are written (DIRECTIVE goes
to the directives export); BIO has one layer, so of two overlapping entities only the first
(the longer one at the same start) is written, and the report counts the others.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from annotator.core.formats.base import BadRecord, ExportDoc, RawRecord, RawSpan
from annotator.core.segmentation import sentences, split_units, syllables, words_by_sentence

NAME = "conll"
DOCSTART = "-DOCSTART-"

NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "…", "%", "..."})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "“"})
_TAG = re.compile(r"^([BIES])[-_](\S+)$")
_UNDERSCORE = re.compile(r"(?<=[^_\s])_(?=[^_\s])")
_MARKUP = re.compile(r"^</?[A-Za-z][\w-]*>$")   # VLSP's <s> ... </s> sentence marks
_WHITESPACE = re.compile(r"\s+")


def is_tag(value: str) -> bool:
    """``O`` or ``B-X`` / ``I-X`` / ``S-X`` / ``E-X`` (``_`` also accepted after the prefix)."""
    return value == "O" or _TAG.match(value) is not None


# ---------------------------------------------------------------------------------- reading

class _Doc:
    def __init__(self) -> None:
        self.sentences: list[list[tuple[str, str]]] = []
        self.current: list[tuple[str, str]] = []
        self.line = 0
        self.error: BadRecord | None = None

    def end_sentence(self) -> None:
        if self.current:
            self.sentences.append(self.current)
            self.current = []


def read(lines: Iterable[tuple[int, str]], sentences_per_doc: int = 1) -> Iterator[RawRecord | BadRecord]:
    """Documents of a CoNLL file given as (line number, line) pairs (see the module documentation)."""
    if sentences_per_doc < 1:
        raise ValueError(f"sentences_per_doc must be at least 1, not {sentences_per_doc}")
    doc = _Doc()
    groups = _Groups()
    blanks = 0
    by_docstart: bool | None = None   # decided by the file's first non-blank line
    for lineno, line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            blanks += 1
            doc.end_sentence()
            if blanks >= 2 or (not by_docstart and len(doc.sentences) >= sentences_per_doc):
                yield from groups.push(doc, repeats_join=not by_docstart)
                doc = _Doc()
            continue
        blanks = 0
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols]
        if by_docstart is None:
            by_docstart = cols[0] == DOCSTART
        if len(cols) == 1 and _MARKUP.match(cols[0]):
            doc.end_sentence()
            continue
        if cols[0] == DOCSTART:
            yield from groups.push(doc, repeats_join=not by_docstart)
            doc = _Doc()
            continue
        if not doc.line:
            doc.line = lineno
        if doc.error:
            continue
        if len(cols) < 2 or not cols[0]:
            doc.error = BadRecord(lineno, f"expected a token and a tag column, got {line.strip()!r}")
            continue
        tag = cols[-1]
        if len(cols) >= 5 and is_tag(cols[-2]) and is_tag(cols[-3]) and is_tag(tag):
            tag = cols[-2]  # VLSP 2016: chunk, NE, nested NE
        if not is_tag(tag):
            doc.error = BadRecord(lineno, f"bad tag {tag!r} (expected O, B-LABEL or I-LABEL)")
            continue
        doc.current.append((cols[0], tag))
    yield from groups.push(doc, repeats_join=not by_docstart)
    yield from groups.close()


class _Groups:
    """Finished documents, held back by one: a sentence group that repeats an earlier group
    of the file word for word ("Theo TTXVN") joins the document before it instead of being
    skipped as a duplicate text, so that no sentence of a corpus is lost."""

    def __init__(self) -> None:
        self.held: _Doc | None = None
        self.seen: set[int] = set()

    def push(self, doc: _Doc, repeats_join: bool) -> Iterator[RawRecord | BadRecord]:
        doc.end_sentence()
        if not doc.sentences and doc.error is None:
            return
        if doc.error is None:
            key = hash(tuple(tuple(token for token, _ in sentence) for sentence in doc.sentences))
            held = self.held
            if repeats_join and key in self.seen and held is not None and held.error is None:
                held.sentences.extend(doc.sentences)
                return
            self.seen.add(key)
        yield from self.close()
        self.held = doc

    def close(self) -> Iterator[RawRecord | BadRecord]:
        if self.held is not None:
            yield from _finish(self.held)
            self.held = None


def read_path(path: str | os.PathLike, sentences_per_doc: int = 1) -> Iterator[RawRecord | BadRecord]:
    """Documents of a CoNLL file, streamed (UTF-8, a BOM is fine): :class:`RawRecord` with text,
    entity spans, tokens and sentences, or :class:`BadRecord` for a document with a bad line."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        yield from read(enumerate(f, 1), sentences_per_doc)


def _finish(doc: _Doc) -> Iterator[RawRecord | BadRecord]:
    doc.end_sentence()
    if doc.error:
        yield doc.error
    elif doc.sentences:
        yield build(doc.sentences, doc.line)


def build(sentences: list[list[tuple[str, str]]], line: int = 0) -> RawRecord:
    """Text, spans, tokens and sentences from tagged sentences (``_`` inside a token becomes a space)."""
    pieces: list[str] = []
    pos = 0
    spans: list[RawSpan] = []
    tokens: list[tuple[int, int]] = []
    bounds: list[tuple[int, int]] = []
    open_label: str | None = None
    open_start = open_end = 0

    def close() -> None:
        nonlocal open_label
        if open_label is not None:
            spans.append(RawSpan(open_start, open_end, open_label, key=len(spans)))
            open_label = None

    for sentence in sentences:
        prev = None
        first = len(tokens)
        for ti, (token, tag) in enumerate(sentence):
            if "_" in token:
                token = _UNDERSCORE.sub(" ", token)
            if pos > 0:
                glue = "" if ti > 0 and (token in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER) else " "
                pieces.append(glue)
                pos += len(glue)
            start = pos
            pieces.append(token)
            pos += len(token)
            tokens.append((start, pos))
            prev = token
            if tag == "O":
                close()
                continue
            kind, label = tag[0], tag[2:]
            if kind in "BS" or open_label != label:
                close()
                open_label, open_start = label, start
            open_end = pos
            if kind in "SE":
                close()
        close()  # entities do not cross sentences
        if len(tokens) > first:
            bounds.append((tokens[first][0], pos))
    text = "".join(pieces)
    return RawRecord(text=text, line=line, fmt=NAME, spans=spans, has_annotations=True,
                     title=text[:bounds[0][1]][:200] if bounds else "", tokens=tokens, sentences=bounds)


# ---------------------------------------------------------------------------------- writing

def _units(ed: ExportDoc, level: str, spans) -> list[list[tuple[int, int]]]:
    """Token offsets of each sentence: the document's own (imported) tokens, else syllables or words."""
    text = ed.doc.text
    if ed.tokens is not None:   # sentences of the file, else of the segmentation (Prodigy tokens)
        bounds = list(ed.sentences) if ed.sentences else [(s.start, s.end) for s in sentences(text)]
        bounds = _merge_crossed(bounds or [(0, len(text))], spans)
        starts = [b[0] for b in bounds]
        out: list[list[tuple[int, int]]] = [[] for _ in bounds]
        for a, z in ed.tokens:
            out[max(bisect.bisect_right(starts, a) - 1, 0)].append((a, z))
        return out
    bounds = _merge_crossed([(s.start, s.end) for s in sentences(text)], spans)
    if level == "syllable":
        return [[(t[1], t[2]) for t in syllables(text, a, b)] for a, b in bounds]
    return words_by_sentence(text, bounds)


def tagged_sentences(ed: ExportDoc, level: str = "word", stats: Counter | None = None
                     ) -> list[list[tuple[str, str]]]:
    """Sentences of (token, BIO tag) for the document's entity spans; a token that crosses a
    span edge is cut there, so every span is written exactly as it is."""
    text = ed.doc.text
    stats = stats if stats is not None else Counter()
    spans = sorted(ed.entity_spans, key=lambda s: (s.start, -(s.end - s.start), s.label))
    edges = [p for s in spans for p in (s.start, s.end)]
    sents = [_trimmed(text, split_units(units, edges)) if edges else units for units in _units(ed, level, spans)]
    sents = [units for units in sents if units]
    ends = [units[-1][1] for units in sents]
    mine: list[list] = [[] for _ in sents]
    for span in spans:   # each span to the sentence it starts in (sentences never cut an entity)
        k = bisect.bisect_right(ends, span.start)
        if k < len(sents):
            mine[k].append(span)
    out: list[list[tuple[str, str]]] = []
    for units, here in zip(sents, mine):
        index = {a: i for i, (a, _) in enumerate(units)}
        tags = ["O"] * len(units)
        for span in here:
            i = index.get(span.start)
            if i is None:   # starts on whitespace: the first token inside
                i = bisect.bisect_left(units, (span.start, span.start))
            j = i
            while j < len(units) and units[j][1] <= span.end:
                j += 1
            if j == i:
                continue
            if any(t != "O" for t in tags[i:j]):
                stats["overlapping entities not written (BIO has one layer)"] += 1
                continue
            tags[i] = f"B-{span.label}"
            for k in range(i + 1, j):
                tags[k] = f"I-{span.label}"
            stats["entities"] += 1
        out.append([(_WHITESPACE.sub("_", text[a:z]), tag) for (a, z), tag in zip(units, tags)])
    return out


def _trimmed(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Units without the whitespace at their edges (a word cut between its syllables)."""
    out = []
    for a, z in units:
        while a < z and text[a].isspace():
            a += 1
        while z > a and text[z - 1].isspace():
            z -= 1
        if a < z:
            out.append((a, z))
    return out


def _merge_crossed(bounds: list[tuple[int, int]], spans) -> list[tuple[int, int]]:
    """Sentences joined where an entity crosses their boundary, so no entity is cut in two."""
    if not spans or len(bounds) < 2:
        return bounds
    merged = list(bounds)
    starts = [b[0] for b in merged]
    for span in spans:
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        j = max(bisect.bisect_right(starts, span.end - 1) - 1, 0)
        if j > i:
            merged[i:j + 1] = [(merged[i][0], merged[j][1])]
            del starts[i + 1:j + 1]
    return merged


class Writer:
    suffix = ".conll"

    def __init__(self, level: str = "word"):
        self.level = level
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        yield f"{DOCSTART}\tO"
        yield ""
        for sentence in tagged_sentences(ed, self.level, self.stats):
            self.stats["sentences"] += 1
            for token, tag in sentence:
                yield f"{token}\t{tag}"
            yield ""
