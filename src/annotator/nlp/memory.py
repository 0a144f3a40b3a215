"""Instant memory: what reviewers decided about a string is suggested everywhere at once.

Like INCEpTION's string-matching recommender and Prodigy's patterns, no retraining is needed:
when a reviewer accepts, creates or relabels an entity, the same string (exact case, whole
syllables) in the corpus's unreviewed documents gains that suggestion; when a reviewer rejects
one, the machine's suggestions of that string with that label disappear and it is never
suggested with that label again. Entries live in the corpus (``Corpus.memory_entries``) and in
a rules file beside it, ``rules/memory.txt``, which reviewers can read and edit::

    Bộ Y tế | ORG          suggest "Bộ Y tế" as ORG
    !Hà Nội | ORG          never suggest "Hà Nội" as ORG

:class:`Memory` is pure (no SQL, no Qt): :meth:`Memory.postprocessor` plugs it into the
pipeline's post-processing (``Pipeline.postprocessors``), :meth:`Memory.revise` computes the
change to a stored document's suggestions, and :func:`teach` applies one decision to a corpus.
A memory suggestion never replaces a reviewer's decision (the store refuses to), and never
replaces a longer machine suggestion it sits inside.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from annotator.nlp.text import is_word_char, snap_span

__all__ = ["Memory", "teach", "teach_change", "memory_file", "write_memory_file", "read_memory_file",
           "sync_memory_file", "MEMORY_ORIGIN", "MEMORY_SCORE", "MemoryFileError"]

MEMORY_ORIGIN = "memory"
MEMORY_SCORE = 0.9
FILE_NAME = "memory.txt"
_HEADER = """\
# Instant memory: what reviewers taught, used by pre-annotation and training.
# 'string | LABEL' suggests the string (exact case, whole syllables) with that label;
# '!string | LABEL' never suggests it with that label. Edit freely; the corpus reads it back.
"""


class MemoryFileError(ValueError):
    """A line of the memory file that cannot be read (the others are kept)."""


class Memory:
    """Positive and negative string entries: ``(surface, label, verdict, count)``."""

    def __init__(self, entries: Iterable[tuple] = ()):
        self.positive: dict[str, tuple[str, int]] = {}   # surface -> (label, count)
        self.negative: set[tuple[str, str]] = set()
        for e in entries:
            surface, label, verdict = unicodedata.normalize("NFC", e[0]), e[1], e[2]
            count = int(e[3]) if len(e) > 3 else 1
            if not surface.strip():
                continue
            if verdict == "-":
                self.negative.add((surface, label))
            elif (surface, label) not in self.negative:
                best = self.positive.get(surface)
                if best is None or count >= best[1]:
                    self.positive[surface] = (label, count)
        self.positive = {s: v for s, v in self.positive.items() if (s, v[0]) not in self.negative}
        self._regex = None

    def __len__(self) -> int:
        return len(self.positive) + len(self.negative)

    # ------------------------------------------------------------------ matching
    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Occurrences of positive strings in ``text``: whole syllables, longest first, no overlaps."""
        if not self.positive:
            return []
        if self._regex is None:
            alts = sorted(self.positive, key=len, reverse=True)
            self._regex = re.compile("|".join(re.escape(a) for a in alts))
        out = []
        for m in self._regex.finditer(text):
            a, b = m.span()
            if not _whole(text, a, b):
                continue
            surface = m.group(0)
            if " " not in surface.strip() and _part_of_name(text, a, b):
                continue
            out.append((a, b, self.positive[surface][0]))
        return out

    def rejected(self, text: str, start: int, end: int, label: str) -> bool:
        return (text[start:end], label) in self.negative

    # ------------------------------------------------------------------ pipeline post-processing
    def postprocessor(self):
        """``f(annotation) -> annotation`` for ``Pipeline.postprocessors``."""
        def apply(annotation):
            return self.apply(annotation)
        return apply

    def apply(self, annotation):
        """Drop rejected entity suggestions and add remembered strings to an Annotation."""
        from annotator.nlp.pipeline import Annotation, Suggestion

        text = annotation.text
        spans = list(annotation.spans)
        keep = [not (s.label != "DIRECTIVE" and self.rejected(text, s.start, s.end, s.label)) for s in spans]
        ents = [(k, s) for k, s in enumerate(spans) if keep[k] and s.label != "DIRECTIVE"]
        added = []
        for a, b, label in self.matches(text):
            over = [(k, s) for k, s in ents if s.start < b and a < s.end and keep[k]]
            if any(s.start == a and s.end == b and s.label == label for _k, s in over):
                continue
            if all(a <= s.start and s.end <= b for _k, s in over):
                for k, _s in over:
                    keep[k] = False
                added.append(Suggestion(a, b, label, MEMORY_SCORE, MEMORY_ORIGIN))
        if all(keep) and not added:
            return annotation
        index = {}
        out = []
        for k, s in enumerate(spans):
            if keep[k]:
                index[k] = len(out)
                out.append(s)
        relations = [(index[h], index[t], lab) for h, t, lab in annotation.relations if h in index and t in index]
        out.extend(added)
        return Annotation(text, out, relations)

    # ------------------------------------------------------------------ stored documents
    def revise(self, text: str, spans) -> tuple[list[int], list[tuple[int, int, str]]]:
        """For a stored document's spans (``Span`` objects): ids of machine suggestions to
        remove and ``(start, end, label)`` memory suggestions to add. Human decisions are
        obstacles, never removed (the store checks again)."""
        human = [s for s in spans if not _machine(s)]
        machine = [s for s in spans if _machine(s) and s.label != "DIRECTIVE"]
        remove = {s.id for s in machine if self.rejected(text, s.start, s.end, s.label)}
        add = []
        for a, b, label in self.matches(text):
            if any(s.start < b and a < s.end and s.label != "DIRECTIVE" for s in human):
                continue
            over = [s for s in machine if s.start < b and a < s.end and s.id not in remove]
            if any(s.start == a and s.end == b and s.label == label for s in over):
                continue
            if all(a <= s.start and s.end <= b for s in over):
                remove.update(s.id for s in over)
                add.append((a, b, label))
        return sorted(remove), add

    # ------------------------------------------------------------------ training
    def override_seed(self, docs):
        """Seed documents with reviewers' verdicts applied: a span whose string was rejected with
        its label is dropped, one remembered with another label is relabelled. Returns
        ``(docs, number of spans changed)``."""
        from annotator.nlp.training_data import TrainingDoc

        out = []
        changed = 0
        for d in docs:
            spans = []
            for s in d.spans:
                surface = d.text[s[0]:s[1]]
                if s[2] != "DIRECTIVE" and (surface, s[2]) in self.negative:
                    changed += 1
                    continue
                pos = self.positive.get(surface)
                if s[2] != "DIRECTIVE" and pos is not None and pos[0] != s[2]:
                    spans.append((s[0], s[1], pos[0]))
                    changed += 1
                    continue
                spans.append(tuple(s))
            out.append(TrainingDoc(d.source, d.text, spans, key=d.key) if spans != d.spans else d)
        return out, changed


def _machine(span) -> bool:
    state = getattr(span.state, "value", span.state)
    return state == "suggested" and span.origin not in ("reviewer", "import") \
        and not str(span.origin).startswith("merge:")


def _whole(text: str, a: int, b: int) -> bool:
    """The occurrence covers whole syllables: no word character glued on either side."""
    if a > 0 and is_word_char(text[a - 1]) and is_word_char(text[a]):
        return False
    if b < len(text) and is_word_char(text[b]) and is_word_char(text[b - 1]):
        return False
    return snap_span(text, a, b) == (a, b)


def _part_of_name(text: str, a: int, b: int) -> bool:
    """A one-syllable string next to another capitalised syllable ("Nam" in "Việt Nam")."""
    before = text[max(0, a - 40):a].rstrip(" ")
    after = text[b:b + 40].lstrip(" ")
    prev_word = before.split(" ")[-1] if before and text[a - 1:a] == " " else ""
    next_word = after.split(" ")[0] if after and text[b:b + 1] == " " else ""
    return bool(prev_word[:1].isupper() or next_word[:1].isupper())


# ---------------------------------------------------------------------------------- a corpus


def teach(corpus, surface: str, label: str, verdict: str, *, who: str | None = None,
          skip: Iterable[int] = (), statuses=None) -> int:
    """Record one decision and apply it to the unreviewed documents (new and in progress) that
    contain the string, except ``skip`` (the document on screen). Returns documents changed."""
    from annotator.core.model import Span, SpanState, Status

    surface = unicodedata.normalize("NFC", surface)
    if not surface.strip():
        return 0
    corpus.remember(surface, label, verdict, who=who)
    memory = Memory([(surface, label, verdict)])
    changed = 0
    skip = set(skip)
    for doc_id in corpus.documents_containing(surface, statuses or [Status.NEW, Status.IN_PROGRESS]):
        if doc_id in skip:
            continue
        doc = corpus.document(doc_id)
        remove, add = memory.revise(doc.text, doc.spans)
        if not remove and not add:
            continue
        spans = [Span(a, b, lab, origin=MEMORY_ORIGIN, state=SpanState.SUGGESTED, score=MEMORY_SCORE)
                 for a, b, lab in add]
        corpus.revise_suggestions(doc_id, remove, spans, who=who)
        changed += 1
    return changed


def teach_change(before, after, entity_labels=None) -> list[tuple[str, str, str]]:
    """The memory lessons of one span edit (``before``/``after`` Span, either None): a list of
    ``(which, label, verdict)``; ``which`` says whose text ("before" or "after") is the string.
    ``entity_labels``: the scheme's entity labels, when known; spans of other kinds (directives,
    the phrases a reviewer marks as issuer or addressee) are no names and teach nothing.

    accept, create, relabel: the string with its (new) label is remembered (+); relabelling
    replaces the old label's suggestions through it. Reject: never again with that label (-).
    Deleting teaches nothing (a span replaced by a longer one is deleted, and it was not wrong
    everywhere); neither do directive spans."""
    def state(s):
        return getattr(s.state, "value", s.state) if s is not None else None

    if after is None or after.label == "DIRECTIVE":
        return []
    if entity_labels is not None and after.label not in entity_labels:
        return []
    if state(after) == "rejected":
        return [("after", after.label, "-")] if state(before) != "rejected" else []
    if state(after) != "accepted":
        return []
    if before is not None and (before.start, before.end) != (after.start, after.end):
        return []  # a resize, one syllable at a time: its steps are not names
    if before is None or state(before) != "accepted" or before.label != after.label:
        return [("after", after.label, "+")]
    return []


# ---------------------------------------------------------------------------------- the rules file


def memory_file(corpus_path) -> Path | None:
    """``rules/memory.txt`` beside the corpus file (None for an in-memory corpus)."""
    if corpus_path is None or str(corpus_path) == ":memory:":
        return None
    return Path(corpus_path).resolve().parent / "rules" / FILE_NAME


def format_entries(entries) -> str:
    lines = [_HEADER]
    for e in sorted(entries, key=lambda e: (e[1], e[0], e[2])):
        lines.append(f"{'!' if e[2] == '-' else ''}{e[0]} | {e[1]}")
    return "\n".join(lines) + "\n"


def parse_entries(text: str, where: str = "memory.txt") -> tuple[list[tuple], list[str]]:
    """Entries of a memory file, and one message per line that cannot be read (others kept)."""
    entries, problems = [], []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        verdict = "+"
        if line.startswith("!"):
            verdict, line = "-", line[1:].strip()
        if line.count("|") != 1:
            problems.append(f"{where}, line {lineno}: write 'string | LABEL' (or '!string | LABEL')")
            continue
        surface, label = (x.strip() for x in line.split("|"))
        if not surface or not label or " " in label:
            problems.append(f"{where}, line {lineno}: write 'string | LABEL' (or '!string | LABEL')")
            continue
        entries.append((unicodedata.normalize("NFC", surface), label, verdict, 1))
    return entries, problems


def write_memory_file(corpus_path, entries) -> Path | None:
    path = memory_file(corpus_path)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    text = format_entries(entries)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def read_memory_file(corpus_path) -> tuple[list[tuple], list[str]] | None:
    path = memory_file(corpus_path)
    if path is None or not path.is_file():
        return None
    return parse_entries(path.read_text(encoding="utf-8", errors="replace"), str(path))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sync_memory_file(corpus, corpus_path=None) -> list[str]:
    """Keep the corpus's memory and ``rules/memory.txt`` in step: a file edited since it was last
    written is read into the corpus; then the file is rewritten from the corpus. Returns the
    problems of lines that could not be read."""
    corpus_path = corpus_path or corpus.path
    path = memory_file(corpus_path)
    if path is None:
        return []
    problems: list[str] = []
    if path.is_file():
        text = path.read_text(encoding="utf-8", errors="replace")
        if _digest(text) != (corpus.meta("memory_file_sha") or ""):
            entries, problems = parse_entries(text, str(path))
            if not corpus.read_only:
                counts = {(e[0], e[1]): e[3] for e in corpus.memory_entries()}
                corpus.replace_memory([(s, lab, v, counts.get((s, lab), 1)) for s, lab, v, _c in entries])
    if corpus.read_only or problems:  # a file with a bad line stays as written, to be fixed
        return problems
    entries = corpus.memory_entries()
    if entries or path.is_file():
        write_memory_file(corpus_path, entries)
        corpus.set_meta("memory_file_sha", _digest(path.read_text(encoding="utf-8")))
    return problems
