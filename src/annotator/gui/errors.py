"""Corpus errors said in the interface language.

The core raises :class:`CorpusError` with an English message and a ``kind``; the window
shows a translated sentence for each kind, with the core's message as the details.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.store import CorpusError


def _tr(text: str) -> str:
    return QCoreApplication.translate("CorpusErrors", text)


def describe_corpus_error(exc: CorpusError) -> str:
    """One translated sentence naming the file and what is wrong with it."""
    path = getattr(exc, "path", None) or ""
    texts = {
        "missing": _tr("The corpus file %1 does not exist."),
        "folder": _tr("%1 is a folder, not a corpus file."),
        "locked": _tr("The corpus %1 is locked by another program. Close it there and try again."),
        "corrupt": _tr("%1 is not an annotator corpus, or it is damaged."),
        "foreign": _tr("%1 is not an annotator corpus: it is %2."),
        "newer": _tr("The corpus %1 was written by a newer version of annotator. Update annotator to open "
                     "it; the file was not changed."),
        "read_only": _tr("The corpus %1 is read-only. Open a copy of it to make changes."),
        "empty": _tr("%1 is an empty file, not an annotator corpus."),
        "full": _tr("The disk holding the corpus %1 is full: the change was not saved. Free some space and try "
                    "again."),
        "io": _tr("The corpus %1 could not be read or written (disk error)."),
        "conflict": _tr("This item was changed or deleted in another window or program; the document was "
                        "reloaded from the corpus %1."),
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
        return _tr("The corpus %1 is being edited by another annotator (on %2, process %3, since %4). Close it "
                   "there and try again.").replace("%1", path).replace("%2", holder.host).replace(
            "%3", str(holder.pid)).replace("%4", holder.since)
    return text.replace("%1", path)


def _what(what: str) -> str:
    """What a foreign file is, translated (the core says it in English)."""
    names = {
        "a text file": _tr("a text file"),
        "a JSON file": _tr("a JSON file"),
        "a binary file": _tr("a binary file"),
        "a ZIP archive (or a .docx/.xlsx file)": _tr("a ZIP archive (or a .docx/.xlsx file)"),
        "a gzip-compressed file": _tr("a gzip-compressed file"),
        "a PDF document": _tr("a PDF document"),
        "a PNG image": _tr("a PNG image"),
        "a JPEG image": _tr("a JPEG image"),
        "an SQLite database of another program": _tr("an SQLite database of another program"),
        "a named pipe (FIFO)": _tr("a named pipe (FIFO)"),
        "a device": _tr("a device"),
        "a socket": _tr("a socket"),
    }
    return names.get(what, what)
