"""CoNLL / BIO columns (VLSP, PhoNER style).

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
* A blank line ends a sentence. A document ends at a ``-DOCSTART-`` line or at two blank
  lines in a row; a file with neither is one document.
* The text is rebuilt deterministically: tokens joined by one space, except no space
  before ``, . ; : ! ? ) ] } ” … %`` and ``...`` and none after ``( [ { “``; sentences joined
  by one space. The title is the first sentence. What the original spacing was (``57-NQ/TW``
  read as ``57 - NQ / TW``) is not in the file, so it cannot be restored.
* A bad line (missing tag column, unknown tag) rejects its whole document, reported at
  that line.
* :func:`build` (text and spans from tagged sentences) is shared with the ``hf`` JSONL
  reader (:mod:`annotator.core.formats.hf`), so both rebuild the same text from the same
  tokens and tags.

Writing
-------
``token<TAB>TAG`` per line, a blank line after each sentence, and ``-DOCSTART-<TAB>O`` plus a
blank line before each document (the reader splits documents there). Sentences come from
:func:`annotator.nlp.text.sentences`, words from :func:`annotator.nlp.text.segment`
(underthesea's word segmentation, with offsets kept); at word level the syllables of a word
are joined by ``_`` like VLSP, at syllable level each syllable is a token. Only entity labels
are written (DIRECTIVE goes to the directives export). A span that covers part of a word is
widened to the whole word; a span that then overlaps an entity already written is dropped.
Both are counted in the export report. Sentences are merged where an entity crosses a
sentence boundary, so an entity is never cut in two.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from annotator.core.formats.base import BadRecord, ExportDoc, RawRecord, RawSpan

NAME = "conll"
DOCSTART = "-DOCSTART-"

NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "…", "%", "..."})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "“"})
_TAG = re.compile(r"^([BIES])[-_](\S+)$")
_UNDERSCORE = re.compile(r"(?<=[^_\s])_(?=[^_\s])")
_MARKUP = re.compile(r"^</?[A-Za-z][\w-]*>$")   # VLSP's <s> ... </s> sentence marks


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


def read(lines: Iterable[tuple[int, str]]) -> Iterator[RawRecord | BadRecord]:
    """Documents of a CoNLL file given as (line number, line) pairs."""
    doc = _Doc()
    blanks = 0
    for lineno, line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            blanks += 1
            doc.end_sentence()
            if blanks >= 2:
                yield from _finish(doc)
                doc = _Doc()
            continue
        blanks = 0
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols]
        if len(cols) == 1 and _MARKUP.match(cols[0]):
            doc.end_sentence()
            continue
        if cols[0] == DOCSTART:
            yield from _finish(doc)
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
    yield from _finish(doc)


def _finish(doc: _Doc) -> Iterator[RawRecord | BadRecord]:
    doc.end_sentence()
    if doc.error:
        yield doc.error
    elif doc.sentences:
        yield build(doc.sentences, doc.line)


def build(sentences: list[list[tuple[str, str]]], line: int = 0) -> RawRecord:
    """Text and spans from tagged sentences (``_`` inside a token becomes a space)."""
    pieces: list[str] = []
    pos = 0
    spans: list[RawSpan] = []
    open_label: str | None = None
    open_start = open_end = 0
    first_sentence_end = 0

    def close() -> None:
        nonlocal open_label
        if open_label is not None:
            spans.append(RawSpan(open_start, open_end, open_label, key=len(spans)))
            open_label = None

    for si, sentence in enumerate(sentences):
        prev = None
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
        if si == 0:
            first_sentence_end = pos
    text = "".join(pieces)
    return RawRecord(text=text, line=line, fmt=NAME, spans=spans, has_annotations=True,
                     title=text[:first_sentence_end][:200])


# ---------------------------------------------------------------------------------- writing

def _nlp():
    from annotator.nlp import text as nlp_text

    return nlp_text


def tagged_sentences(ed: ExportDoc, level: str = "word", stats: Counter | None = None
                     ) -> list[list[tuple[str, str]]]:
    """Sentences of (token, BIO tag) for the document's entity spans."""
    nlp = _nlp()
    text = ed.doc.text
    stats = stats if stats is not None else Counter()
    spans = sorted(ed.entity_spans, key=lambda s: (s.start, -(s.end - s.start), s.label))
    bounds = [(s.start, s.end) for s in nlp.sentences(text)]
    bounds = _merge_crossed(bounds, spans)
    units: list[tuple[int, int, str]] = []   # (start, end, token text)
    sentence_of: list[int] = []
    for si, (a, b) in enumerate(bounds):
        if level == "syllable":
            for tok in nlp.syllables(text, a, b):
                units.append((tok.start, tok.end, tok.text))
                sentence_of.append(si)
        else:
            toks = nlp.segment(text, a, b)
            for first, last in nlp.words(toks):
                word = toks[first:last]
                units.append((word[0].start, word[-1].end, "_".join(t.text for t in word)))
                sentence_of.append(si)
    tags = ["O"] * len(units)
    starts = [u[0] for u in units]
    for span in spans:
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        while i < len(units) and units[i][1] <= span.start:
            i += 1
        j = i
        while j < len(units) and units[j][0] < span.end:
            j += 1
        if i == j:
            stats["spans dropped (no token)"] += 1
            continue
        if any(t != "O" for t in tags[i:j]):
            stats["spans dropped (overlap after snapping to words)"] += 1
            continue
        if units[i][0] != span.start or units[j - 1][1] != span.end:
            stats["spans widened to whole words"] += 1
        tags[i] = f"B-{span.label}"
        for k in range(i + 1, j):
            tags[k] = f"I-{span.label}"
        stats["entities"] += 1
    out: list[list[tuple[str, str]]] = [[] for _ in bounds]
    for (a, b, tok), tag, si in zip(units, tags, sentence_of):
        out[si].append((tok, tag))
    return [s for s in out if s]


def _merge_crossed(bounds: list[tuple[int, int]], spans) -> list[tuple[int, int]]:
    if not spans or len(bounds) < 2:
        return bounds
    merged = list(bounds)
    for span in spans:
        starts = [b[0] for b in merged]
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        j = max(bisect.bisect_right(starts, span.end - 1) - 1, 0)
        if j > i:
            merged[i:j + 1] = [(merged[i][0], merged[j][1])]
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
