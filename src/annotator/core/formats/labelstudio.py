"""Label Studio: its JSON export (tasks) and JSON-MIN, in; tasks with annotations, out.

Import
------
* A task (``{"data": {"text": ...}, "annotations": [...], "predictions": [...]}``): the text
  is ``data.text`` (or the only string in ``data``; ``--text-field`` names another key). The
  reviewer's work is the latest annotation that was not cancelled: its ``labels`` results
  (``value.start``, ``value.end``, ``value.labels``; one span per label) are the spans, its
  ``relation`` results (``from_id`` → ``to_id``, the first of ``labels`` or ``relation``) the
  relations, and the document is done. When every annotation was cancelled (skipped in
  Label Studio) the document is skipped. A task without annotations takes its latest
  prediction's spans as suggestions to review. ``meta`` of our own export (``doc_id``,
  ``title``, ``status``) is read back. Offsets are code points, as Label Studio stores them;
  a result's ``value.text`` must match the text at its offsets.
* JSON-MIN (``{"id": 1, "text": ..., "label": [{"start", "end", "text", "labels"}], ...}``, the
  list under the labeling config's ``from_name``): every list of such regions is read.

Export
------
One JSON array of tasks (the ``.json`` Label Studio imports). ``data.text`` is the text;
accepted spans (and relations between them) are one annotation's results, ``was_cancelled``
for a skipped document; suggested spans are a prediction (with its score). Rejected spans
have no place in Label Studio's data and are not written (counted in the report). A
labeling config that fits: ``<View><Labels name="label" toName="text">...</Labels>
<Relations>...</Relations><Text name="text" value="$text"/></View>``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from annotator.core.formats.base import (
    ExportDoc, RawRecord, RawRelation, RawSpan, RecordError, as_dict, as_list, as_status,
)
from annotator.core.model import SpanState, Status

NAME = "labelstudio"
FROM_NAME, TO_NAME = "label", "text"
_SPAN_TYPES = ("labels", "hypertextlabels")
_MIN_SKIP = {"id", "text", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}


def _is_region(item: Any) -> bool:
    return isinstance(item, dict) and "start" in item and "end" in item and isinstance(item.get("labels"), list)


def is_labelstudio(obj: dict[str, Any]) -> bool:
    """A Label Studio task (``data`` is an object) or a JSON-MIN record (a list of regions)."""
    if isinstance(obj.get("data"), dict) and ("annotations" in obj or "predictions" in obj or "text" in obj["data"]
                                              or "completions" in obj):
        return True
    if "text" in obj and ("annotation_id" in obj or "lead_time" in obj):
        return True
    if "spans" in obj or "entities" in obj or "tokens" in obj:   # native, Prodigy, doccano, hf
        return False
    return any(type(v) is list and v and all(_is_region(i) for i in v) for v in obj.values())


def _text_of(data: dict) -> Any:
    if "text" in data:
        return data["text"]
    strings = [v for v in data.values() if isinstance(v, str)]
    if len(strings) == 1:
        return strings[0]
    keys = ", ".join(sorted(str(k) for k in data)) or "nothing"
    raise RecordError(f"task data has no 'text' (it has {keys}); name the text field with --text-field")


def _latest(items: list) -> list:
    """Annotations from the latest (by updated_at / created_at, then position)."""
    order = [(str(a.get("updated_at") or a.get("created_at") or ""), i) for i, a in enumerate(items)]
    return [items[i] for _, i in sorted(order, reverse=True)]


def _utf16_fix(text: Any, start: Any, end: Any, claimed: str | None) -> tuple[Any, Any]:
    """Label Studio before 1.4 counted offsets in UTF-16 units (JavaScript's), so spans after
    an emoji are off by one per emoji; when the region's own text says so, take them as such."""
    if not isinstance(text, str) or not isinstance(claimed, str) or type(start) is not int or type(end) is not int:
        return start, end
    if text[start:end] == claimed or not any(ord(c) > 0xFFFF for c in text):
        return start, end
    cp, unit = {}, 0
    for i, ch in enumerate(text):
        cp[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    cp[unit] = len(text)
    a, b = cp.get(start), cp.get(end)
    if a is not None and b is not None and text[a:b] == claimed:
        return a, b
    return start, end


def _results(rec: RawRecord, results: list, where: str, state: SpanState | None, score_default=None) -> None:
    for index, item in enumerate(results):
        if not isinstance(item, dict):
            raise RecordError(f"{where}[{index}] must be a JSON object")
        kind = item.get("type")
        if kind == "relation":
            labels = item.get("labels") or []
            label = labels[0] if isinstance(labels, list) and labels else item.get("relation") or "relation"
            if "from_id" not in item or "to_id" not in item:
                raise RecordError(f"{where}[{index}] relation needs from_id and to_id")
            for a, b in ((item["from_id"], item["to_id"]),) if item.get("direction") != "left" else \
                    ((item["to_id"], item["from_id"]),):
                rec.relations.append(RawRelation(a, b, str(label)))
            continue
        if kind not in _SPAN_TYPES:
            continue  # choices, ratings, text areas...: not spans
        value = as_dict(item.get("value"), f"{where}[{index}].value")
        if "start" not in value or "end" not in value:
            raise RecordError(f"{where}[{index}] has no value.start/value.end")
        labels = as_list(value.get(kind, value.get("labels")), f"{where}[{index}].value.labels")
        if not labels:
            raise RecordError(f"{where}[{index}] has no label")
        score = item.get("score", score_default)
        claimed = value.get("text") if isinstance(value.get("text"), str) else None
        start, end = _utf16_fix(rec.text, value["start"], value["end"], claimed)
        for label in labels:
            rec.spans.append(RawSpan(start, end, label, state=state, key=item.get("id", index),
                                     score=float(score) if isinstance(score, (int, float)) else None,
                                     text=value.get("text") if isinstance(value.get("text"), str) else None))


def parse(obj: dict[str, Any], line: int) -> RawRecord:
    data = obj.get("data")
    if not isinstance(data, dict):
        return _parse_min(obj, line)
    rec = RawRecord(text=_text_of(data), line=line, fmt=NAME)
    meta = as_dict(obj.get("meta"), "meta") if isinstance(obj.get("meta"), dict) else {}
    meta = dict(meta)
    uid = meta.pop("doc_id", None) or obj.get("id")
    rec.uid = str(uid) if uid not in (None, "") else None
    if isinstance(meta.get("title"), str):
        rec.title = meta.pop("title")
    own_status = as_status(meta.pop("status", None))
    if isinstance(meta.get("reviewer"), str):
        rec.reviewer = meta.pop("reviewer")
    rec.meta = meta
    annotations = as_list(obj.get("annotations", obj.get("completions")), "annotations")
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if done:
        latest = _latest(done)[0]
        _results(rec, as_list(latest.get("result"), "annotations.result"), "annotations.result", None)
        rec.has_annotations = True
        rec.status = Status.DONE
        lead = latest.get("lead_time")
        if isinstance(lead, (int, float)) and not isinstance(lead, bool):
            rec.time_spent = float(lead)
    elif annotations:
        rec.has_annotations = True
        rec.status = Status.SKIPPED
    if not done:
        predictions = [p for p in as_list(obj.get("predictions"), "predictions") if isinstance(p, dict)]
        if predictions:
            latest = _latest(predictions)[0]
            _results(rec, as_list(latest.get("result"), "predictions.result"), "predictions.result",
                     SpanState.SUGGESTED, latest.get("score"))
    if own_status is not None:
        rec.status = own_status
    return rec


def _parse_min(obj: dict[str, Any], line: int) -> RawRecord:
    rec = RawRecord(text=obj.get("text"), line=line, fmt=NAME)
    uid = obj.get("id")
    rec.uid = str(uid) if uid not in (None, "") else None
    for key, value in obj.items():
        if key in _MIN_SKIP or not isinstance(value, list) or not value or not all(_is_region(i) for i in value):
            continue
        rec.has_annotations = True
        for index, region in enumerate(value):
            for label in region["labels"]:
                rec.spans.append(RawSpan(region["start"], region["end"], label, key=(key, index),
                                         text=region.get("text") if isinstance(region.get("text"), str) else None))
    if rec.has_annotations or "annotation_id" in obj:
        rec.has_annotations = True
        rec.status = Status.DONE
    return rec


def _region(s, text: str, kind: str = "labels") -> dict[str, Any]:
    return {"id": f"s{s.id}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": kind,
            "value": {"start": s.start, "end": s.end, "text": text[s.start:s.end], kind: [s.label]}}


def task(ed: ExportDoc, stats: Counter | None = None) -> dict[str, Any]:
    doc, text = ed.doc, ed.doc.text
    accepted = [s for s in ed.spans if s.state == SpanState.ACCEPTED]
    suggested = [s for s in ed.spans if s.state == SpanState.SUGGESTED]
    rejected = len(ed.spans) - len(accepted) - len(suggested)
    if stats is not None and rejected:
        stats["rejected spans not written (Label Studio has no rejected regions)"] += rejected
    ids = {s.id for s in accepted}
    result: list[dict[str, Any]] = [_region(s, text) for s in accepted]
    result += [{"from_id": f"s{r.head}", "to_id": f"s{r.tail}", "type": "relation", "direction": "right",
                "labels": [r.label]} for r in ed.relations if r.head in ids and r.tail in ids]
    meta = {**doc.meta, "doc_id": doc.uid, "title": doc.title, "status": doc.status.value}
    if doc.reviewer:
        meta["reviewer"] = doc.reviewer
    # "id" as in Label Studio's own export (label-studio-converter needs it); the uid is meta.doc_id
    out: dict[str, Any] = {"id": doc.id, "data": {"text": text}, "meta": meta, "annotations": [],
                           "predictions": []}
    if accepted or doc.status in (Status.DONE, Status.SKIPPED):
        out["annotations"].append({"id": doc.id, "result": result, "was_cancelled": doc.status == Status.SKIPPED,
                                   "ground_truth": False, "lead_time": float(doc.time_spent or 0)})
    if suggested:
        scores = [s.score for s in suggested if s.score is not None]
        pred: dict[str, Any] = {"id": doc.id, "model_version": "annotator", "result": []}
        for s in suggested:
            region = _region(s, text)
            if s.score is not None:
                region["score"] = s.score
            pred["result"].append(region)
        if scores:
            pred["score"] = min(scores)
        out["predictions"].append(pred)
    return out


class Writer:
    """A JSON array of tasks, one task a line (see :class:`annotator.core.exporter._Output`)."""

    suffix = ".json"
    frame = ("[\n", ",\n", "\n]\n")

    def __init__(self, level: str = "word"):
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        yield json.dumps(task(ed, self.stats), ensure_ascii=False)
