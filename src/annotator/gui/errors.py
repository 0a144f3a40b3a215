"""Corpus errors said in the interface language.

The core raises :class:`CorpusError` with an English message and a ``kind``; the window
shows a translated sentence for each kind, with the core's message as the details.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.store import CorpusError

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate


def describe_corpus_error(exc: CorpusError) -> str:
    """One translated sentence naming the file and what is wrong with it."""
    path = getattr(exc, "path", None) or ""
    texts = {
        "missing": translate("CorpusErrors", "The corpus file %1 does not exist."),
        "folder": translate("CorpusErrors", "%1 is a folder, not a corpus file."),
        "locked": translate(
            "CorpusErrors", "The corpus %1 is locked by another program. Close it there and try again."
        ),
        "corrupt": translate("CorpusErrors", "%1 is not an annotator corpus, or it is damaged."),
        "foreign": translate("CorpusErrors", "%1 is not an annotator corpus: it is %2."),
        "newer": translate(
            "CorpusErrors",
            "The corpus %1 was written by a newer version of annotator. Update annotator to open "
            "it; the file was not changed.",
        ),
        "read_only": translate("CorpusErrors", "The corpus %1 is read-only. Open a copy of it to make changes."),
        "empty": translate("CorpusErrors", "%1 is an empty file, not an annotator corpus."),
        "full": translate(
            "CorpusErrors",
            "The disk holding the corpus %1 is full: the change was not saved. Free some space and try again.",
        ),
        "io": translate("CorpusErrors", "The corpus %1 could not be read or written (disk error)."),
        "conflict": translate(
            "CorpusErrors",
            "This item was changed or deleted in another window or program; the document was "
            "reloaded from the corpus %1.",
        ),
    }
    kind = getattr(exc, "kind", "other")
    text = texts.get(kind)
    if text is None:
        return str(exc)
    if kind == "foreign":
        what = getattr(exc, "what", None) or "an SQLite database of another program"
        return text.replace("%1", path).replace("%2", _what(what))
    if kind == "locked" and getattr(exc, "holder", None) is not None:
        holder = exc.holder
        return (
            translate(
                "CorpusErrors",
                "The corpus %1 is being edited by another annotator (on %2, process %3, since %4). Close it "
                "there and try again.",
            )
            .replace("%1", path)
            .replace("%2", holder.host)
            .replace("%3", str(holder.pid))
            .replace("%4", holder.since)
        )
    return text.replace("%1", path)


def _what(what: str) -> str:
    """What a foreign file is, translated (the core says it in English)."""
    names = {
        "a text file": translate("CorpusErrors", "a text file"),
        "a JSON file": translate("CorpusErrors", "a JSON file"),
        "a binary file": translate("CorpusErrors", "a binary file"),
        "a ZIP archive (or a .docx/.xlsx file)": translate("CorpusErrors", "a ZIP archive (or a .docx/.xlsx file)"),
        "a gzip-compressed file": translate("CorpusErrors", "a gzip-compressed file"),
        "a PDF document": translate("CorpusErrors", "a PDF document"),
        "a PNG image": translate("CorpusErrors", "a PNG image"),
        "a JPEG image": translate("CorpusErrors", "a JPEG image"),
        "an SQLite database of another program": translate("CorpusErrors", "an SQLite database of another program"),
        "a named pipe (FIFO)": translate("CorpusErrors", "a named pipe (FIFO)"),
        "a device": translate("CorpusErrors", "a device"),
        "a socket": translate("CorpusErrors", "a socket"),
    }
    return names.get(what, what)
