"""Hugging Face token classification JSONL: one sentence a line,
``{"id": "UID-3", "tokens": [...], "ner_tags": ["B-PER", "I-PER", "O", ...]}``.

Tokens and tags are the CoNLL export's (words joined by ``_`` at word level, syllables at
syllable level), so ``datasets.load_dataset("json", data_files=...)`` loads it as is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from annotator.core.formats.base import ExportDoc
from annotator.core.formats.conll import tagged_sentences

NAME = "hf"


class Writer:
    suffix = ".jsonl"

    def __init__(self, level: str = "word"):
        self.level = level
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        for n, sentence in enumerate(tagged_sentences(ed, self.level, self.stats)):
            self.stats["sentences"] += 1
            yield json.dumps({"id": f"{ed.doc.uid}-{n}", "tokens": [t for t, _ in sentence],
                              "ner_tags": [tag for _, tag in sentence]}, ensure_ascii=False)
