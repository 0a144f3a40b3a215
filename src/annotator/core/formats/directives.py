"""Directive sentence classification JSONL: one sentence a line,
``{"text": ..., "label": "directive" | "other", "doc_id": UID, "start": 10, "end": 80}``.

Sentences come from :func:`annotator.core.segmentation.sentences`. A sentence is ``directive`` when
the exported DIRECTIVE spans (by default: accepted ones of done documents) cover more than
half of its characters, so a span that ends a character short of the final punctuation,
or one that runs over two short sentences, still labels them.

Export only: :func:`parse` recognises such a line and refuses it with a clear reason. This is sentence-level classification data: sentences
cut out of their articles (whatever lay between them is not written), a label per
sentence instead of spans, and no entities. It cannot rebuild the articles or their
annotations, so it is not part of the import → export → import round trip; keep a
``native`` export (or ``conll`` / ``hf`` for the entities) to bring a corpus back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from typing import Any

from annotator.core.formats.base import ExportDoc, RecordError

NAME = "directives"


def is_directives(obj: dict[str, Any]) -> bool:
    """A line of this export: a sentence with a string label and its place in a document."""
    return isinstance(obj.get("label"), str) and "doc_id" in obj and "start" in obj and "end" in obj


def parse(obj: dict[str, Any], line: int):
    raise RecordError("a sentence of the 'directives' export: sentence classification data cannot rebuild "
                      "articles; import a native (or conll/hf) export instead")


def covered(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """Characters of [start, end) covered by the union of spans (sorted by start)."""
    total, reach = 0, start
    for s, e in spans:
        s, e = max(s, reach), min(e, end)
        if e > s:
            total += e - s
            reach = e
    return total


class Writer:
    suffix = ".jsonl"

    def __init__(self, level: str = "word"):
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        from annotator.core.segmentation import sentences

        text = ed.doc.text
        spans = sorted((s.start, s.end) for s in ed.directive_spans)
        for sent in sentences(text):
            a, b = sent.start, sent.end
            label = "directive" if spans and covered(spans, a, b) * 2 > (b - a) else "other"
            self.stats[label] += 1
            self.stats["sentences"] += 1
            yield json.dumps({"text": text[a:b], "label": label, "doc_id": ed.doc.uid, "start": a, "end": b},
                             ensure_ascii=False)
