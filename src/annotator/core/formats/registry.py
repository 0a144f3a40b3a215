"""Every import and export format, declared once.

The CLI's ``--format`` choices, the exporter's writer, the importer's detection by file
extension and the GUI's file dialogs and export menu all read :data:`FORMATS`; nothing
else spells a format name or extension.

How the importer reads a file of a format is its ``container``:

* ``txt``: the whole file is one article.
* ``jsonl`` / ``json``: JSON records (one a line / an array, or objects one after another),
  each read by the record format :func:`annotator.core.formats.detect` finds for it, or by
  the format the user named (``--format prodigy``).
* ``lines``: the format's module reads the decoded lines (``read(lines)``).
* ``binary``: the format's module reads the file's bytes (``read_bytes(data, path)``).

A record format (``native``, ``prodigy``, ...) has no container of its own: its records come
in ``.jsonl`` or ``.json`` files. Modules load on first use, so the CLI starts without them.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from annotator.core.formats.base import ExportDoc


@dataclass(frozen=True)
class Format:
    name: str
    description: str                 # English; the GUI shows its translation
    extensions: tuple[str, ...]      # the first one names exported files
    module: str                      # under annotator.core.formats
    imports: bool
    exports: bool
    token_level: bool = False        # tokens and sentences are part of the format
    levels: bool = False             # the export's token level (word / syllable) applies
    container: str | None = None     # how a file of this format is read (see the module doc)
    folder: bool = False             # exported as a folder, one file per document
    training: bool = True            # export defaults: accepted spans of done documents

    @property
    def direction(self) -> str:
        return "two-way" if self.imports and self.exports else ("import" if self.imports else "export")

    def load(self) -> ModuleType:
        return importlib.import_module(f"annotator.core.formats.{self.module}")

    def writer(self, level: str = "word"):
        """A new writer: ``suffix``, ``stats`` and ``lines(ExportDoc)``; optionally ``frame``
        (opening, separator, closing of a JSON array) or ``binary`` with ``to_bytes(items)``."""
        if not self.exports:
            raise ValueError(f"{self.name} is an import format")
        module = self.load()
        if hasattr(module, "Writer"):
            return module.Writer(level)
        return JsonLinesWriter(module)


class JsonLinesWriter:
    """One JSON line a document from a record format's ``record(ExportDoc)``."""

    suffix = ".jsonl"

    def __init__(self, module: ModuleType):
        self.record = module.record
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        yield json.dumps(self.record(ed), ensure_ascii=False)


FORMATS: tuple[Format, ...] = (
    Format("txt", "Plain text articles", (".txt",), "txt", True, False, container="txt"),
    Format("jsonl", "JSON lines (native, Prodigy, doccano, Label Studio or hf records)", (".jsonl", ".ndjson"),
           "jsonarray", True, False, container="jsonl"),
    Format("json", "JSON array (native, Prodigy, doccano, Label Studio or hf records)", (".json",),
           "jsonarray", True, False, container="json"),
    Format("native", "Annotator JSONL (everything, re-importable)", (".jsonl",), "native", True, True,
           training=False),
    Format("prodigy", "Prodigy JSONL", (".jsonl",), "prodigy", True, True),
    Format("doccano", "doccano JSONL", (".jsonl",), "doccano", True, True),
    Format("conll", "CoNLL (one token per line, BIO tags)", (".conll", ".bio", ".iob", ".train", ".testa", ".testb"),
           "conll", True, True,
           token_level=True, levels=True, container="lines"),
    Format("hf", "Hugging Face datasets (JSONL of tokens and tags)", (".jsonl",), "hf", True, True,
           token_level=True, levels=True),
    Format("directives", "Directive sentences (JSONL)", (".jsonl",), "directives", False, True),
    Format("labelstudio", "Label Studio JSON (tasks with annotations)", (".json",), "labelstudio", True, True),
    Format("webanno", "WebAnno / INCEpTION TSV 3.3", (".tsv",), "webanno", True, True,
           token_level=True, container="lines", folder=True),
    Format("spacy", "spaCy DocBin", (".spacy",), "spacy", True, True,
           token_level=True, container="binary"),   # needs the interop extra: spacy.MISSING says so
)

_BY_NAME = {f.name: f for f in FORMATS}


def get(name: str) -> Format:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r} (use one of {', '.join(_BY_NAME)})") from None


def import_names() -> tuple[str, ...]:
    """``--format`` choices of ``import`` (``auto``: by file extension)."""
    return ("auto",) + tuple(f.name for f in FORMATS if f.imports)


def export_names() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS if f.exports)


def import_extensions() -> dict[str, str]:
    """File extension → the format that reads such files when none is named."""
    return {ext: f.name for f in FORMATS if f.container for ext in f.extensions}


def extensions_of(name: str) -> tuple[str, ...]:
    """Extensions of the files a format is read from: its own, or for a record format the
    JSON containers'."""
    fmt = get(name)
    if fmt.container:
        return fmt.extensions
    return get("jsonl").extensions + get("json").extensions


def container_for(name: str, suffix: str) -> str:
    """How to read a file of ``suffix`` as format ``name`` (a record format: JSON array or lines)."""
    fmt = get(name)
    if fmt.container:
        return fmt.container
    return "json" if suffix.lower() in get("json").extensions else "jsonl"
