"""Hugging Face token classification JSONL: one sentence a line,
``{"id": "UID-3", "tokens": [...], "ner_tags": ["B-PER", "I-PER", "O", ...]}``.

Writing
-------
Tokens and tags are the CoNLL export's (a document's own imported tokens, else words
joined by ``_`` at word level, syllables at syllable level; a token that crosses a span edge
is cut there). A document's sentences are written on consecutive lines with ids ``UID-0``,
``UID-1``, ... The exporter writes them as a dataset folder: one JSONL file per split plus
the ``README.md`` of :func:`dataset_card`, whose YAML header declares the features (string
``tokens``, ``ner_tags`` as ``Sequence(ClassLabel)``), so that ``datasets.load_dataset(OUT)``
turns the tag names of the files into ClassLabel ids by itself.

Reading
-------
A JSONL line with both ``tokens`` and ``ner_tags`` is an hf sentence (detected per line by
:func:`annotator.core.formats.detect`, so a file may mix it with the other JSONL shapes).

* Documents: **consecutive** hf lines whose ids have the same document part form one
  document. The document part of ``UID-N`` (``N`` digits after the last ``-``) is ``UID``;
  an id without such a suffix (``"7"``, ``"abc"``, an integer) is its own document part.
  The document keeps that part as its uid. A line without ``id`` (or with an empty one) is
  a document by itself: without ids nothing says which sentences belong together, and
  merging a whole sentence-level dataset into one article would be worse. Any other line
  (another JSONL shape) ends the current document, so lines of one id part on both sides
  of it become two documents. Blank lines are skipped and end nothing.
* Text and spans are rebuilt by :func:`annotator.core.formats.conll.build`, exactly as the
  CoNLL reader does for its sentences: ``_`` inside a token becomes a space, tokens are
  joined by one space except around punctuation, sentences by one space, entities
  (BIO, BIOES, IOB1 tags) do not cross sentences, the title is the first sentence. Other
  keys (``pos_tags``, ``chunk_tags``, ...) are ignored.
* As for CoNLL, the spans are accepted spans (origin ``import``) of a done document, or
  suggested spans of a new document with ``as_suggestions``.
* ``ner_tags`` are tag names, or integer ``ClassLabel`` ids when the file lies in a dataset
  folder whose ``README.md`` card declares the names (:func:`card_names`; what ``datasets``
  writes with ``to_json`` beside its card). Integer tags without a card are rejected: the
  label list is not in the file, so they cannot be mapped to labels.
* A bad hf line (tokens and ner_tags of different lengths, a tag that is not ``O`` /
  ``B-X`` / ``I-X``, an empty token, integer tags) rejects its whole document, reported at
  that line, as a bad CoNLL line does; the document's other lines are skipped with it. A
  line that cannot be read at all (bad JSON, not an object, an id that is not a string or
  integer) has no known document: when the hf lines right before and right after it have
  the same document part, it lies inside that document, which is rejected at that line;
  otherwise (between two documents, or next to another shape) it is reported alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.base import BadRecord, ExportDoc, RawRecord, RecordError
from annotator.core.formats.conll import build, is_tag, tagged_sentences

NAME = "hf"

_SENTENCE_NUMBER = re.compile(r"^(.*\S.*)-(\d+)$", re.DOTALL)


def is_hf(obj: dict[str, Any]) -> bool:
    """Whether a JSONL record has the hf shape (``tokens`` and ``ner_tags``)."""
    return "ner_tags" in obj and "tokens" in obj


def document_part(value: Any) -> str | None:
    """The document an hf line's id names: ``UID`` for ``UID-N``, the id itself otherwise;
    None for a line without id."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError(f"id must be a string or an integer, not {value!r}")
    text = str(value)
    match = _SENTENCE_NUMBER.match(text)
    return match.group(1) if match else text


def sentence(obj: dict[str, Any], names: list[str] | None = None) -> list[tuple[str, str]]:
    """(token, tag) pairs of one hf line; integer tags are read through ``names`` (the
    ClassLabel names of a dataset card) when given; RecordError says what is wrong with it."""
    tokens, tags = obj.get("tokens"), obj.get("ner_tags")
    if not isinstance(tokens, list):
        raise RecordError("tokens must be a JSON list")
    if not isinstance(tags, list):
        raise RecordError("ner_tags must be a JSON list")
    if len(tokens) != len(tags):
        raise RecordError(f"tokens has {len(tokens)} items but ner_tags has {len(tags)}")
    pairs = []
    for index, (token, tag) in enumerate(zip(tokens, tags)):
        if names is not None and isinstance(tag, int) and not isinstance(tag, bool):
            if not 0 <= tag < len(names):
                raise RecordError(f"ner_tags[{index}] is {tag}, but the dataset card names {len(names)} tags")
            tag = names[tag]
        if not isinstance(tag, str):
            if isinstance(tag, int) and not isinstance(tag, bool):
                raise RecordError(
                    f"ner_tags are integers (ner_tags[{index}] is {tag}), not tag names like B-PER: the"
                    " label list is not in the file, so they cannot be mapped to labels; write the tags"
                    " as strings (datasets: features['ner_tags'].feature.int2str) and import again")
            raise RecordError(f"ner_tags[{index}] must be a tag string, not {tag!r}")
        tag = tag.strip()
        if not is_tag(tag):
            raise RecordError(f"bad tag {tag!r} in ner_tags[{index}] (expected O, B-LABEL or I-LABEL)")
        if not isinstance(token, str):
            raise RecordError(f"tokens[{index}] must be a string, not {token!r}")
        token = token.strip()
        if not token:
            raise RecordError(f"tokens[{index}] is empty")
        pairs.append((token, tag))
    return pairs


class _Doc:
    def __init__(self, part: str | None, line: int):
        self.part = part
        self.line = line
        self.sentences: list[list[tuple[str, str]]] = []
        self.error: BadRecord | None = None


class Reader:
    """Groups the hf lines of a JSONL file into documents.

    Feed it the file's lines in order: hf records with :meth:`add`, lines that cannot be
    read with :meth:`broken`; call :meth:`finish` before any other JSONL shape and at the
    end of the file. Each returns the documents (:class:`RawRecord`) and rejections
    (:class:`BadRecord`) that are complete, in file order.
    """

    def __init__(self, names: list[str] | None = None) -> None:
        self.names = names   # ClassLabel names of integer ner_tags (from the folder's dataset card)
        self.doc: _Doc | None = None
        self.pending: list[BadRecord] = []   # unreadable lines after the open document

    @property
    def open(self) -> bool:
        return self.doc is not None

    def add(self, obj: dict[str, Any], line: int) -> list[RawRecord | BadRecord]:
        try:
            part = document_part(obj.get("id"))
        except RecordError as exc:
            return self.broken(line, str(exc))
        out: list[RawRecord | BadRecord] = []
        doc = self.doc
        if doc is not None and part is not None and part == doc.part:
            if self.pending and doc.error is None:   # an unreadable line inside this document
                first = self.pending[0]
                doc.error = BadRecord(first.line, f"{first.reason}; the line is inside document {part!r},"
                                                  " which is rejected as a whole")
            self.pending = []
        else:
            out = self.finish()
            doc = self.doc = _Doc(part, line)
        if doc.error is None:
            try:
                doc.sentences.append(sentence(obj, self.names))
            except RecordError as exc:
                what = f" (document {part!r} is rejected as a whole)" if part is not None else ""
                doc.error = BadRecord(line, f"{exc}{what}")
        return out

    def broken(self, line: int, reason: str) -> list[RawRecord | BadRecord]:
        bad = BadRecord(line, reason)
        if self.doc is None:
            return [bad]
        self.pending.append(bad)
        return []

    def finish(self) -> list[RawRecord | BadRecord]:
        out: list[RawRecord | BadRecord] = []
        doc, self.doc = self.doc, None
        if doc is not None:
            if doc.error is not None:
                out.append(doc.error)
            elif not any(doc.sentences):
                out.append(BadRecord(doc.line, "no tokens"))
            else:
                rec = build(doc.sentences, doc.line)
                rec.fmt = NAME
                rec.uid = doc.part
                out.append(rec)
        out.extend(self.pending)
        self.pending = []
        return out


def class_names(labels: list[str]) -> list[str]:
    """The ClassLabel names of the ``ner_tags`` of these entity labels: O, then B-/I- per label."""
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def dataset_card(labels: list[str], files: dict[str, str]) -> str:
    """A Hugging Face dataset card (``README.md``) declaring the features and the data file of
    each split (``files``: split name → file name in the folder)."""
    q = json.dumps   # a JSON string is a YAML string, whatever the label holds
    names = "\n".join(f"          '{i}': {q(name, ensure_ascii=False)}" for i, name in enumerate(class_names(labels)))
    data = "\n".join(f"  - split: {q(name)}\n    path: {q(path, ensure_ascii=False)}" for name, path in files.items())
    return f"""---
dataset_info:
  features:
  - name: id
    dtype: string
  - name: tokens
    sequence: string
  - name: ner_tags
    sequence:
      class_label:
        names:
{names}
configs:
- config_name: default
  data_files:
{data}
---

# Named entities (token classification)

Exported by annotator: one sentence a line, `tokens` and `ner_tags` (BIO tags of the labels
{", ".join(labels) or "(none)"}). Load it with `datasets.load_dataset("path/to/this/folder")`;
`ner_tags` are `ClassLabel` ids (`features["ner_tags"].feature.names` lists the tags).
"""


_CARD_FEATURE = re.compile(r"^\s*-\s*name:\s*['\"]?ner_tags['\"]?\s*$")
_CARD_NAME = re.compile(r"^\s*['\"]?(\d+)['\"]?\s*:\s*(.+?)\s*$")


def card_names(folder: Path) -> list[str] | None:
    """The ClassLabel names of ``ner_tags`` declared by the dataset card (``README.md``) of a
    folder, as :func:`dataset_card` and ``datasets`` write them; None without such a card."""
    try:
        lines = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    names: dict[int, str] = {}
    in_feature = in_names = False
    for line in lines:
        if line.strip() == "---" and (names or in_feature):
            break
        if _CARD_FEATURE.match(line):
            in_feature = True
            continue
        if in_feature and not in_names:
            if line.strip() == "names:":
                in_names = True
            elif line.lstrip().startswith("- name:"):
                in_feature = False
            continue
        if in_names:
            match = _CARD_NAME.match(line)
            if not match:
                break
            names[int(match.group(1))] = _unquote(match.group(2))
    if not names or sorted(names) != list(range(len(names))):
        return None
    return [names[i] for i in range(len(names))]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


class Writer:
    suffix = ".jsonl"

    def __init__(self, level: str = "word"):
        self.level = level
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        for n, tagged in enumerate(tagged_sentences(ed, self.level, self.stats)):
            self.stats["sentences"] += 1
            yield json.dumps({"id": f"{ed.doc.uid}-{n}", "tokens": [t for t, _ in tagged],
                              "ner_tags": [tag for _, tag in tagged]}, ensure_ascii=False)
