"""Plain text: one article per file.

The stored text is the whole file (after NFC, BOM and CRLF normalisation), title line
included, so offsets in the app match the file. The title is the first non-empty line.
Imported .txt articles are new documents with no spans.
"""

from __future__ import annotations

from annotator.core.formats.base import RawRecord, title_of

NAME = "txt"


def parse(text: str, source: str) -> RawRecord:
    return RawRecord(text=text, line=1, fmt=NAME, title=title_of(text), source=source)
