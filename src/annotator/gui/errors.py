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
        "foreign": translate("CorpusErrors", "%1 is an SQLite database but not an annotator corpus."),
        "newer": translate(
            "CorpusErrors",
            "The corpus %1 was written by a newer version of annotator. Update annotator to open "
            "it; the file was not changed.",
        ),
        "read_only": translate("CorpusErrors", "The corpus %1 is read-only. Open a copy of it to make changes."),
    }
    text = texts.get(getattr(exc, "kind", "other"))
    if text is None:
        return str(exc)
    return text.replace("%1", path)
