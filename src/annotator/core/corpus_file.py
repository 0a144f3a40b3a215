"""What a file given as a corpus is, before SQLite touches it.

A corpus is recognised by its own marks (the SQLite ``application_id`` and the schema
version in ``meta``), never by a table name; anything else is named in one line ("a text
file", "a ZIP archive", "an SQLite database of another program") so the user knows what
they pointed at. Also: why a corpus can only be read (read-only file, folder or mount).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

APPLICATION_ID = 0x416E6E6F  # "Anno": PRAGMA application_id of every annotator corpus
SQLITE_HEADER = b"SQLite format 3\x00"
# the tables a corpus of schema 1 (before application_id) has; a legacy corpus has them all
LEGACY_TABLES = frozenset({"documents", "spans", "relations", "labels", "history", "meta"})

_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


def special_kind(mode: int) -> str | None:
    """'a named pipe (FIFO)', 'a device' ... for a file that is not a regular file or folder."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def describe_foreign(head: bytes) -> str:
    """What a file that does not start with the SQLite header is, from its first bytes."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    sample = head[:512]
    if sample.lstrip().startswith((b"{", b"[")):
        return "a JSON file"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # a cut multi-byte character at the end is still text
            return "a binary file"
    if b"\x00" in sample:
        return "a binary file"
    return "a text file"


def read_head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(512)


def is_wal(head: bytes) -> bool:
    """Header bytes 18/19 are 2 in a database in WAL mode."""
    return len(head) >= 20 and head[18] == 2 and head[19] == 2


READ_ONLY_REASONS = {
    "mount": "it is on a read-only file system (mount)",
    "file": "the file is read-only",
    "folder": "its folder is read-only",
}


def read_only_kind(path: Path) -> str | None:
    """Why an existing corpus file cannot be written ('mount', 'file', 'folder'), or None when it can."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "mount"
    except (AttributeError, OSError):  # no statvfs on Windows
        pass
    if not os.access(path, os.W_OK):
        return "file"
    if not os.access(folder, os.W_OK):
        return "folder"
    return None
