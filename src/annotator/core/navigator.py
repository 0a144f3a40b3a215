"""Where the reviewer goes next: spans within a document and documents within a corpus.

Qt-free so the window, benchmarks and tests share one definition of "next". Spans are
visited in reading order (by start; a nested entity before the directive around it), so
rejecting a directive leaves the entities inside it next in line.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from annotator.core.model import LabelKind, Span, SpanState

#: document orders the "next document" keys can follow
ORDERS = ("corpus", "least_certain")


def reading_key(span: Span, kinds: Mapping[str, LabelKind]) -> tuple:
    """Reading order: by start; when nested, the inner entity before the directive; then shorter first."""
    directive = kinds.get(span.label, LabelKind.ENTITY) == LabelKind.DIRECTIVE
    return (span.start, directive, span.end - span.start, span.id or 0)


def next_span(spans: Sequence[Span], kinds: Mapping[str, LabelKind], *, after: Span | None = None,
              from_pos: int | None = None, forward: bool = True, unreviewed: bool = False,
              wrap: bool = True) -> Span | None:
    """The span after (or before) ``after`` in reading order, or after the caret at ``from_pos``.

    ``unreviewed`` keeps only suggestions (spans still waiting for a decision). ``spans`` must
    be in reading order (:func:`reading_key`); ``after`` need not be among them (it may just
    have been rejected and hidden).
    """
    pool = [s for s in spans if not unreviewed or s.state == SpanState.SUGGESTED]
    if not pool:
        return None
    keys = [reading_key(s, kinds) for s in pool]
    if after is not None:
        key = reading_key(after, kinds)
        i = bisect.bisect_right(keys, key) if forward else bisect.bisect_left(keys, key) - 1
    elif from_pos is not None:
        probe = (from_pos,)
        i = bisect.bisect_left(keys, probe) if forward else bisect.bisect_left(keys, probe) - 1
    else:
        i = 0 if forward else len(pool) - 1
    if 0 <= i < len(pool):
        return pool[i]
    if not wrap:
        return None
    return pool[0] if forward else pool[-1]


def step(ids: Sequence[int], current: int | None, delta: int) -> int | None:
    """The document ``delta`` places away from ``current`` in ``ids`` (sorted), or None at either end."""
    if not ids:
        return None
    if current is None:
        return ids[0]
    i = bisect.bisect_left(ids, current)
    present = i < len(ids) and ids[i] == current
    j = (i + 1 if present else i) if delta > 0 else i - 1
    return ids[j] if 0 <= j < len(ids) else None


def next_in_order(ids: Sequence[int], current: int | None) -> int | None:
    """The next of ``ids`` (sorted) after ``current``, wrapping; never ``current`` itself."""
    rest = [i for i in ids if i != current]
    if not rest:
        return None
    if current is None:
        return rest[0]
    j = bisect.bisect_right(rest, current)
    return rest[j] if j < len(rest) else rest[0]


def least_certain(candidates: Iterable[int], certainty: Mapping[int, float], current: int | None) -> int | None:
    """The candidate document the model is least sure about (lowest certainty), ties by id.

    ``certainty`` maps a document to the lowest score among its machine suggestions (see
    :meth:`Corpus.suggestion_certainty`); documents without a scored suggestion come after all
    scored ones, in corpus order, so the order still reaches every document.
    """
    rest = [i for i in candidates if i != current]
    if not rest:
        return None
    return min(rest, key=lambda i: (i not in certainty, certainty.get(i, 0.0), i))
