"""annotator's own JSONL: one document a line, every span with its state, relations by span id.

Line shape::

    {"id": UID, "text": ..., "title": ..., "meta": {...}, "status": "done", "source": ...,
     "spans": [{"id": 1, "start": 0, "end": 7, "label": "LOC", "text": "Hà Nội", "origin": "reviewer",
                "state": "accepted", "score": null, "attrs": {}}],
     "relations": [{"head": 1, "tail": 2, "label": "issuer", "origin": "reviewer"}],
     "reviewer": "lan", "time_spent": 12.5}

On import, ``spans[].id`` only names spans for ``relations`` of the same line (when spans
have no ids, relations name them by their index in ``spans``); the store gives new ids.
A document imported from a token format also carries ``token_offsets`` and
``sentence_offsets`` (``[[start, end], ...]``), so a native backup keeps its tokens.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.base import (
    ExportDoc, RawRecord, RawRelation, RawSpan, RecordError, as_dict, as_list, as_score, as_state, as_status,
)

NAME = "native"


def parse(obj: dict[str, Any], line: int) -> RawRecord:
    rec = RawRecord(text=obj.get("text"), line=line, fmt=NAME)
    rec.has_annotations = "spans" in obj or "relations" in obj
    rec.status = as_status(obj.get("status"))
    rec.meta = as_dict(obj.get("meta"), "meta")
    uid = obj.get("id")
    rec.uid = str(uid) if uid not in (None, "") else None
    rec.title = obj["title"] if isinstance(obj.get("title"), str) else None
    rec.source = obj["source"] if isinstance(obj.get("source"), str) else None
    rec.reviewer = obj["reviewer"] if isinstance(obj.get("reviewer"), str) else None
    spent = obj.get("time_spent")
    rec.time_spent = float(spent) if isinstance(spent, (int, float)) and not isinstance(spent, bool) else 0.0
    append = rec.spans.append
    for index, item in enumerate(as_list(obj.get("spans"), "spans")):
        if type(item) is not dict:
            raise RecordError(f"spans[{index}] must be a JSON object")
        get = item.get
        span = RawSpan(get("start"), get("end"), get("label"), key=get("id", index))
        if len(item) > 3:  # more than start/end/label: read the optional fields
            state, origin, attrs, score, text = get("state"), get("origin"), get("attrs"), get("score"), get("text")
            if state is not None:
                span.state = as_state(state)
            if isinstance(origin, str) and origin:
                span.origin = origin
            if attrs is not None:
                span.attrs = as_dict(attrs, f"spans[{index}].attrs")
            if score is not None:
                span.score = as_score(score)
            if isinstance(text, str):
                span.text = text
        append(span)
    for index, item in enumerate(as_list(obj.get("relations"), "relations")):
        if not isinstance(item, dict) or "head" not in item or "tail" not in item:
            raise RecordError(f"relations[{index}] must be an object with head, tail and label")
        origin = item.get("origin")
        rec.relations.append(RawRelation(item["head"], item["tail"], str(item.get("label") or ""),
                                         origin if isinstance(origin, str) and origin else None))
    rec.tokens = _pairs(obj.get("token_offsets"))
    rec.sentences = _pairs(obj.get("sentence_offsets")) if rec.tokens else None
    return rec


def _pairs(value: Any) -> list[tuple[int, int]] | None:
    """``[[start, end], ...]`` as pairs, None when absent or not that shape (the text is then
    segmented as for any document)."""
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
        return None
    return [(p[0], p[1]) for p in value] or None


def record(ed: ExportDoc) -> dict[str, Any]:
    doc, text = ed.doc, ed.doc.text
    ids = {s.id for s in ed.spans} if ed.relations else ()
    # SpanState and Status are str enums: json writes them as their value
    out = {
        "id": doc.uid,
        "text": text,
        "title": doc.title,
        "meta": doc.meta,
        "status": doc.status,
        "source": doc.source,
        "spans": [{"id": s.id, "start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end],
                   "origin": s.origin, "state": s.state, "score": s.score, "attrs": s.attrs}
                  for s in ed.spans],
        "relations": [{"head": r.head, "tail": r.tail, "label": r.label, "origin": r.origin}
                      for r in ed.relations if r.head in ids and r.tail in ids],
        "reviewer": doc.reviewer,
        "time_spent": doc.time_spent,
    }
    if ed.tokens is not None:
        out["token_offsets"] = [list(t) for t in ed.tokens]
        out["sentence_offsets"] = [list(t) for t in ed.sentences] if ed.sentences else None
    return out
