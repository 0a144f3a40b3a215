"""doccano JSONL: sequence labelling (``label: [[start, end, LABEL], ...]``) or, when the
document has relations, the relation-extraction shape (``entities`` with ``id``, ``label``,
``start_offset``, ``end_offset`` and ``relations`` with ``from_id``, ``to_id``, ``type``).

The export adds ``id`` (the document uid); doccano keeps unknown columns as metadata and the
import reads ``id`` back as the uid. Text may be under ``text`` or (older doccano) ``data``.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.base import ExportDoc, RawRecord, RawRelation, RawSpan, RecordError, as_dict, as_list
from annotator.core.formats.base import flat_id

NAME = "doccano"


def parse(obj: dict[str, Any], line: int) -> RawRecord:
    rec = RawRecord(text=obj.get("text", obj.get("data")), line=line, fmt=NAME)
    rec.has_annotations = "label" in obj or "entities" in obj
    uid = flat_id(obj.get("id"), "id")
    rec.uid = str(uid) if uid not in (None, "") else None
    rec.meta = as_dict(obj.get("meta"), "meta") if isinstance(obj.get("meta"), dict) else {}
    for index, item in enumerate(as_list(obj.get("label"), "label")):
        if not isinstance(item, (list, tuple)) or len(item) != 3:
            raise RecordError(f"label[{index}] must be [start, end, label]")
        rec.spans.append(RawSpan(start=item[0], end=item[1], label=item[2], key=index))
    for index, item in enumerate(as_list(obj.get("entities"), "entities")):
        if not isinstance(item, dict) or "start_offset" not in item or "end_offset" not in item:
            raise RecordError(f"entities[{index}] needs start_offset, end_offset and label")
        rec.spans.append(RawSpan(start=item["start_offset"], end=item["end_offset"], label=item.get("label"),
                                 key=item.get("id", f"#{index}")))
    for index, item in enumerate(as_list(obj.get("relations"), "relations")):
        if not isinstance(item, dict) or "from_id" not in item or "to_id" not in item:
            raise RecordError(f"relations[{index}] needs from_id, to_id and type")
        kind = flat_id(item.get("type"), "relation type")
        rec.relations.append(RawRelation(item["from_id"], item["to_id"], str(kind or "")))
    return rec


def record(ed: ExportDoc) -> dict[str, Any]:
    doc = ed.doc
    ids = {s.id for s in ed.spans}
    rels = [r for r in ed.relations if r.head in ids and r.tail in ids]
    if not rels:
        return {"id": doc.uid, "text": doc.text, "label": [[s.start, s.end, s.label] for s in ed.spans]}
    return {
        "id": doc.uid,
        "text": doc.text,
        "entities": [{"id": s.id, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                     for s in ed.spans],
        "relations": [{"id": i, "from_id": r.head, "to_id": r.tail, "type": r.label}
                      for i, r in enumerate(rels, 1)],
    }
