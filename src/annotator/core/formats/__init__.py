"""Import and export formats, one module per format.

JSONL readers (:mod:`native`, :mod:`prodigy`, :mod:`doccano`) turn one parsed line into a
:class:`~annotator.core.formats.base.RawRecord`; :func:`detect` picks the reader per line, so
one file may mix shapes. :mod:`hf` lines are one sentence each: its
:class:`~annotator.core.formats.hf.Reader` groups consecutive lines of one document id
into a record. :mod:`txt` and :mod:`conll` read whole files. Writers (:mod:`native`,
:mod:`prodigy`, :mod:`doccano`, :mod:`conll`, :mod:`hf`, :mod:`directives`, :mod:`labelstudio`,
:mod:`webanno`, :mod:`spacy`) turn an :class:`~annotator.core.formats.base.ExportDoc` into
output. :mod:`directives` is export-only (sentence classification data cannot rebuild
articles). :mod:`registry` declares every format once.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats import directives, doccano, hf, labelstudio, native, prodigy


def detect(obj: dict[str, Any]):
    """The reader for one JSON record: hf, Label Studio, doccano, Prodigy or (the default) native.

    hf (``tokens`` and ``ner_tags``) has no per-line ``parse``: its lines go to
    :class:`hf.Reader`, which groups them into documents."""
    if hf.is_hf(obj):
        return hf
    if directives.is_directives(obj):
        return directives
    if labelstudio.is_labelstudio(obj):
        return labelstudio
    if "entities" in obj or ("data" in obj and "text" not in obj):
        return doccano
    if isinstance(obj.get("label"), list) and "spans" not in obj:
        return doccano
    if "answer" in obj or "tokens" in obj or "_input_hash" in obj or "_task_hash" in obj:
        return prodigy
    spans = obj.get("spans")
    if isinstance(spans, list) and spans and isinstance(spans[0], dict) and "token_start" in spans[0] \
            and "state" not in spans[0]:
        return prodigy
    rels = obj.get("relations")
    if isinstance(rels, list) and rels and isinstance(rels[0], dict) and "head_span" in rels[0]:
        return prodigy
    return native
