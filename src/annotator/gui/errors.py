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
        "foreign": _tr("%1 is an SQLite database but not an annotator corpus."),
        "newer": _tr("The corpus %1 was written by a newer version of annotator. Update annotator to open "
                     "it; the file was not changed."),
        "read_only": _tr("The corpus %1 is read-only. Open a copy of it to make changes."),
    }
    text = texts.get(getattr(exc, "kind", "other"))
    if text is None:
        return str(exc)
    return text.replace("%1", path)
