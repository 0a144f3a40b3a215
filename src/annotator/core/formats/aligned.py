"""Tokens and sentence starts for the token formats we write (WebAnno TSV, spaCy DocBin).

A document keeps the tokens and sentences of the file it came from when it has them
(``ExportDoc.tokens`` / ``ExportDoc.sentences``, (start, end) pairs); otherwise the shared
tokenizer (:func:`annotator.core.tokens.tokenize`) and the sentence splitter make them.
Either way the tokens are cut at every span boundary, so every span is a whole number of
tokens: an export never moves, widens or drops a span to fit its tokens.
"""

from __future__ import annotations

import bisect

from annotator.core.formats.base import ExportDoc
from annotator.core.tokens import Tok, tokenize


def tokens(ed: ExportDoc, extra_cuts: set[int] | frozenset[int] = frozenset()) -> list[Tok]:
    """The document's tokens (its own when it has them), cut at span boundaries and ``extra_cuts``."""
    text = ed.doc.text
    bounds = [(s.start, s.end) for s in ed.spans] + [(a, a) for a in extra_cuts]
    own = sorted(getattr(ed, "tokens", None) or ())
    if not own:
        return tokenize(text, bounds)
    pieces = tokenize(text, bounds + own)
    cuts = {a for a, _ in bounds} | {b for _, b in bounds}
    starts = [a for a, _ in own]
    out: list[Tok] = []
    for t in pieces:
        if out and not out[-1].ws and out[-1].end == t.start and t.start not in cuts \
                and _same_token(own, starts, out[-1].start, t.end):
            prev = out.pop()
            t = Tok(text[prev.start:t.end], prev.start, t.end, t.ws)
        out.append(t)
    return out


def _same_token(own: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one of the document's own tokens."""
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and own[i][0] <= a and b <= own[i][1]


def sentence_starts(ed: ExportDoc) -> set[int]:
    """Where sentences begin: the document's own sentences, else the sentence splitter's."""
    own = getattr(ed, "sentences", None)
    if own:
        return {a for a, _ in own}
    from annotator.nlp.text import sentences

    return {s.start for s in sentences(ed.doc.text)}
