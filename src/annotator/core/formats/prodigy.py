"""Prodigy JSONL (``db-in`` / ``ner.manual`` / ``spans.manual`` / ``rel.manual`` task shape).

Export: ``text``, ``tokens`` (the document's own tokens when it was imported with tokens,
else :func:`annotator.core.segmentation.tokenize`'s: they rebuild the text and are split at
every span boundary, so every span aligns with spaCy's ``Doc.char_span``),
``spans`` (``start``, ``end``, ``label``, ``token_start``, ``token_end`` inclusive), ``relations``
(rel.manual shape, when the document has any), ``answer`` (``accept``; ``ignore`` for a
skipped document, Prodigy's skip) and ``meta`` (the document's meta plus ``doc_id`` and
``title``). A span that is not simply accepted by the record's answer carries its own
``answer`` (``reject`` for a rejected span, ``ignore`` for a suggestion, ``accept`` in a
skipped document), so the states come back as they were.

Import: answers mean what they say. ``accept``: the record's spans are accepted (suggested
with ``--as-suggestions``), the document is done. ``reject``: its spans are rejected, the
document is done (reviewed). ``ignore``: its spans stay suggestions (not accepted) and the
document is skipped. A span's own ``answer`` (ner.teach) wins over the record's. Records
with the same text (ner.teach writes one per suggestion) are merged by the importer into
one document; see :func:`annotator.core.importer._combined_answer`. Spans without offsets
are read from ``token_start``/``token_end`` and ``tokens``; ``_input_hash`` and other
underscore keys are dropped.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.base import (
    ExportDoc, RawRecord, RawRelation, RawSpan, RecordError, as_dict, as_int, as_list, as_score,
)
from annotator.core.model import SpanState, Status
from annotator.core.segmentation import TokenIndex, tokenize

NAME = "prodigy"

_ANSWERS = {"accept": Status.DONE, "reject": Status.DONE, "ignore": Status.SKIPPED}
_SPAN_ANSWERS = {"accept": SpanState.ACCEPTED, "reject": SpanState.REJECTED, "ignore": SpanState.SUGGESTED}
#: what a record's answer makes of the spans that have no answer of their own (None: the default)
_RECORD_SPAN_STATES = {"accept": None, "reject": SpanState.REJECTED, "ignore": SpanState.SUGGESTED}


def _offsets(item: dict, tokens: list, index: int) -> tuple[Any, Any]:
    if "start" in item and "end" in item:
        return item["start"], item["end"]
    if "token_start" in item and "token_end" in item:
        try:
            first = tokens[as_int(item["token_start"], "token_start")]
            last = tokens[as_int(item["token_end"], "token_end")]
            return first["start"], last["end"]
        except (IndexError, KeyError, TypeError):
            raise RecordError(f"spans[{index}] token_start/token_end do not match tokens") from None
    raise RecordError(f"spans[{index}] has no start/end")


def _token_offsets(tokens: list) -> list[tuple[int, int]] | None:
    """The record's own tokens (kept with the document and written again on export)."""
    try:
        return [(t["start"], t["end"]) for t in tokens] or None
    except (KeyError, TypeError):
        return None


def parse(obj: dict[str, Any], line: int) -> RawRecord:
    rec = RawRecord(text=obj.get("text"), line=line, fmt=NAME)
    rec.has_annotations = "spans" in obj or "answer" in obj
    answer = obj.get("answer")
    record_state = None
    if answer is not None:
        answer = str(answer).strip().lower()
        if answer not in _ANSWERS:
            raise RecordError(f"unknown answer {obj.get('answer')!r} (expected accept, reject or ignore)")
        rec.status = _ANSWERS[answer]
        record_state = _RECORD_SPAN_STATES[answer]
    meta = {k: v for k, v in as_dict(obj.get("meta"), "meta").items()}
    if isinstance(meta.get("doc_id"), str):
        rec.uid = meta.pop("doc_id")
    if isinstance(meta.get("title"), str):
        rec.title = meta.pop("title")
    rec.meta = meta
    tokens = as_list(obj.get("tokens"), "tokens")
    rec.tokens = _token_offsets(tokens)
    for index, item in enumerate(as_list(obj.get("spans"), "spans")):
        if not isinstance(item, dict):
            raise RecordError(f"spans[{index}] must be a JSON object")
        start, end = _offsets(item, tokens, index)
        span_answer = str(item.get("answer", "")).strip().lower()
        rec.spans.append(RawSpan(start=start, end=end, label=item.get("label"),
                                 state=_SPAN_ANSWERS.get(span_answer, record_state), score=as_score(item.get("score")),
                                 key=(start, end, item.get("label")),
                                 text=item.get("text") if isinstance(item.get("text"), str) else None))
    for index, item in enumerate(as_list(obj.get("relations"), "relations")):
        try:
            head, tail = item["head_span"], item["child_span"]
            rec.relations.append(RawRelation((head["start"], head["end"], head["label"]),
                                             (tail["start"], tail["end"], tail["label"]), str(item["label"])))
        except (KeyError, TypeError):
            raise RecordError(f"relations[{index}] needs head_span, child_span and label") from None
    return rec


def record(ed: ExportDoc) -> dict[str, Any]:
    doc, text = ed.doc, ed.doc.text
    tokens = tokenize(text, [(s.start, s.end) for s in ed.spans], ed.tokens)
    index = TokenIndex(tokens)
    skipped = doc.status == Status.SKIPPED
    spans, by_id = [], {}
    for s in ed.spans:
        first, last = index.span(s.start, s.end)  # always aligned: tokens are cut at span boundaries
        item = {"start": s.start, "end": s.end, "label": s.label, "token_start": first, "token_end": last}
        if s.state == SpanState.REJECTED:
            item["answer"] = "reject"
        elif s.state == SpanState.SUGGESTED:
            item["answer"] = "ignore"
        elif skipped:
            item["answer"] = "accept"
        spans.append(item)
        by_id[s.id] = item
    out: dict[str, Any] = {
        "text": text,
        "tokens": [t.as_dict(i) for i, t in enumerate(tokens)],
        "spans": spans,
    }
    rels = [r for r in ed.relations if r.head in by_id and r.tail in by_id]
    if rels:
        out["relations"] = [{"head": by_id[r.head]["token_end"], "child": by_id[r.tail]["token_end"],
                             "head_span": by_id[r.head], "child_span": by_id[r.tail], "label": r.label}
                            for r in rels]
    out["answer"] = "ignore" if skipped else "accept"
    out["meta"] = {**doc.meta, "doc_id": doc.uid, "title": doc.title}
    return out
