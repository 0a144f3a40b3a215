""".json files: an array of records in any of the JSONL shapes (native, Prodigy, doccano,
hf, Label Studio), or objects one after another (JSON lines saved as .json, or one object).

Each record is read by :func:`annotator.core.formats.detect`, as a JSONL line would be, and
reported at the line where it starts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

NAME = "json"

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def records(text: str) -> Iterator[tuple[int, Any]]:
    """(line where it starts, value) for each record; ValueError ``LINE: bad JSON (...)``."""
    pos, n, line = 0, len(text), 1

    def skip(p: int) -> int:
        nonlocal line
        while p < n and text[p] in _SPACE:
            if text[p] == "\n":
                line += 1
            p += 1
        return p

    def decode(p: int) -> tuple[Any, int]:
        try:
            return _DECODER.raw_decode(text, p)
        except RecursionError:
            raise ValueError(f"{line}: bad JSON (nested too deeply)") from None
        except json.JSONDecodeError as exc:
            raise ValueError(f"{exc.lineno}: bad JSON ({exc.msg} at column {exc.colno})") from None

    pos = skip(pos)
    if pos < n and text[pos] == "[":
        pos = skip(pos + 1)
        if pos < n and text[pos] == "]":
            pos = skip(pos + 1)
        else:
            while True:
                start_line = line
                value, end = decode(pos)
                line += text.count("\n", pos, end)
                yield start_line, value
                pos = skip(end)
                if pos < n and text[pos] == ",":
                    pos = skip(pos + 1)
                    continue
                if pos < n and text[pos] == "]":
                    pos = skip(pos + 1)
                    break
                raise ValueError(f"{line}: bad JSON (expected ',' or ']' after the record)")
        if pos < n:
            raise ValueError(f"{line}: bad JSON (text after the closing ']')")
        return
    while pos < n:
        start_line = line
        value, end = decode(pos)
        line += text.count("\n", pos, end)
        yield start_line, value
        pos = skip(end)
