"""Tokens and sentence starts for the token formats we write (WebAnno TSV, spaCy DocBin).

A document keeps the tokens and sentences of the file it came from when it has them
(``ExportDoc.tokens`` / ``ExportDoc.sentences``, (start, end) pairs); otherwise the shared
tokenizer (:func:`annotator.core.segmentation.tokenize`) and the sentence splitter make them.
Either way the tokens are cut at every span boundary, so every span is a whole number of
tokens: an export never moves, widens or drops a span to fit its tokens.
"""

from __future__ import annotations

from annotator.core.formats.base import ExportDoc
from annotator.core.segmentation import Tok, tokenize


def tokens(ed: ExportDoc, extra_cuts: set[int] | frozenset[int] = frozenset()) -> list[Tok]:
    """The document's tokens (its own when it has them), cut at span boundaries and ``extra_cuts``."""
    bounds = [(s.start, s.end) for s in ed.spans] + [(a, a) for a in extra_cuts]
    return tokenize(ed.doc.text, bounds, sorted(ed.tokens) if ed.tokens else None)


def sentence_starts(ed: ExportDoc) -> set[int]:
    """Where sentences begin: the document's own sentences, else the sentence splitter's."""
    if ed.sentences:
        return {a for a, _ in ed.sentences}
    from annotator.core.segmentation import sentences

    return {s.start for s in sentences(ed.doc.text)}
