"""Input shards: the archive's documents cut into runs of a fixed size, in input order.

The plan depends only on the inputs and the shard size, never on the engine or the number
of workers, so every engine writes the same shards with the same documents in the same order.
A shard is a tuple of segments, each one of:

* ``("txt", path)``: one article file;
* ``("jsonl", path, start, end, first_line)``: the non-blank lines of a JSONL file between
  two byte offsets, the first of them on line ``first_line``.

Planning reads each JSONL file once to find line offsets (without parsing a line); a worker
reads its own segments, so documents never pass through the process that plans.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

INPUT_KINDS = ("txt", "jsonl")


@dataclass(frozen=True)
class Shard:
    index: int
    segments: tuple
    size: int  # documents (non-blank lines and .txt files), readable or not


@dataclass
class Inputs:
    """The input files in the order they are read, and the one-line problems met finding them."""

    files: list[tuple[Path, str]]
    problems: list[str]

    def fingerprint(self) -> str:
        """Names and sizes of the inputs: a resumed job must read the same files."""
        digest = hashlib.sha256()
        for path, kind in self.files:
            try:
                size = path.stat().st_size
            except OSError:
                size = -1
            digest.update(json.dumps([str(path), kind, size]).encode("utf-8"))
        return digest.hexdigest()


def collect_inputs(paths: Sequence[str | Path]) -> Inputs:
    """``.txt`` and ``.jsonl``/``.ndjson`` files as absolute paths, folders searched recursively in
    name order (the importer's rules: hidden files skipped); other files get a problem line each."""
    from annotator.core.importer import ImportReport, _collect

    report = ImportReport()
    files = []
    for path, kind in _collect(paths, "auto", report):
        if kind in INPUT_KINDS:
            files.append((path.absolute(), kind))  # workers elsewhere read the same paths
        else:
            report.problems.append(f"{path}: skipped: tag reads .txt and .jsonl files, not {kind} files")
    return Inputs(files, report.problems)


def plan(files: Sequence[tuple[Path, str]], shard_size: int) -> Iterator[Shard]:
    """Cut the input documents into shards of ``shard_size`` documents (the last one may be shorter)."""
    if shard_size < 1:
        raise ValueError(f"shard size must be at least 1, not {shard_size}")
    segments: list[tuple] = []
    count = index = 0

    def cut() -> Shard:
        nonlocal segments, count, index
        shard = Shard(index, tuple(segments), count)
        segments, count, index = [], 0, index + 1
        return shard

    for path, kind in files:
        if kind == "txt":
            segments.append(("txt", str(path)))
            count += 1
            if count == shard_size:
                yield cut()
            continue
        start = first = None
        offset = 0
        with open(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    if start is None:
                        start, first = offset, lineno
                    count += 1
                    if count == shard_size:
                        segments.append(("jsonl", str(path), start, offset + len(line), first))
                        start = None
                        yield cut()
                offset += len(line)
        if start is not None:
            segments.append(("jsonl", str(path), start, offset, first))
    if count:
        yield cut()


def read_shard(shard: Shard) -> Iterator[tuple[str, int, dict | None, str | None]]:
    """``(path, line, record, problem)`` for each document of the shard: a parsed JSON object
    (a ``.txt`` file gives ``{"text": ...}``) or, for an unreadable one, the reason."""
    for segment in shard.segments:
        if segment[0] == "txt":
            yield _read_txt(segment[1])
        else:
            yield from _read_jsonl(*segment[1:])


def _read_txt(path: str) -> tuple[str, int, dict | None, str | None]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return path, 1, None, f"cannot read ({exc.strerror or exc})"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return path, line, None, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8"
    if not text.strip():
        return path, 1, None, "empty file"
    return path, 1, {"text": text}, None


def _read_jsonl(path: str, start: int, end: int, lineno: int) -> Iterator[tuple[str, int, dict | None, str | None]]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, also when the reader stops early
    except OSError as exc:
        yield path, lineno, None, f"cannot read ({exc.strerror or exc})"
        return
    with fh:
        fh.seek(start)
        offset = start
        while offset < end:
            data = fh.readline()
            if not data:
                yield path, lineno, None, "file is shorter than when the job was planned; tag it again"
                return
            offset += len(data)
            here, lineno = lineno, lineno + 1
            if not data.strip():
                continue
            if start == 0 and here == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            yield (path, here) + _parse_line(data)


def _parse_line(data: bytes) -> tuple[dict | None, str | None]:
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 (byte 0x{data[exc.start]:02x} at column {exc.start + 1})"
    try:
        obj = json.loads(line)
    except RecursionError:
        return None, "bad JSON (nested too deeply)"
    except ValueError as exc:
        col = getattr(exc, "colno", None)
        return None, f"bad JSON ({getattr(exc, 'msg', exc)}{f' at column {col}' if col else ''})"
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    return obj, None
