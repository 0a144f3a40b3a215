"""spaCy ``DocBin`` (``.spacy``), through spaCy (the ``interop`` extra).

Writing
-------
One ``Doc`` per document, on the document's own tokens when it has them, else those of
:func:`annotator.core.segmentation.tokenize`, cut at every span boundary (see
:mod:`annotator.core.formats.aligned`), so every span is a whole number of tokens (``Doc.char_span`` never
fails, no span is moved or dropped). ``doc.ents`` holds the entity spans that do not
overlap (longest first), ready for the ``ner`` component; ``doc.spans["sc"]`` holds every
accepted span, overlapping ones and directives included (the ``spancat`` default key);
suggested and rejected spans (``--state``) are in neither, only in ``user_data``;
sentence starts are set. ``doc.user_data["annotator"]`` keeps what spaCy has no place for
(uid, title, status, meta, reviewer, span states and origins, relations), so a DocBin
written here comes back exactly. ``spacy train`` reads the file as it is.

Reading
-------
A DocBin from anywhere: the text is ``doc.text``, the spans are ``doc.ents`` plus every span
group (the same span twice is kept once), the tokens and sentences are the Doc's own.
When ``user_data["annotator"]`` is there (our export), it is used instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from annotator.core.formats import aligned
from annotator.core.formats.base import ExportDoc, RawRecord, RawRelation, RawSpan, RecordError, as_status
from annotator.core.model import LabelKind, SpanState

NAME = "spacy"
UID_FROM_FILE_NAME = False
KEY = "annotator"
SPAN_KEY = "sc"
MISSING = "the spacy format needs spaCy, which is not installed: pip install 'annotator[interop]'"


def _spacy():
    try:
        from spacy.tokens import Doc, DocBin
        from spacy.vocab import Vocab
    except ImportError:
        return None
    return Doc, DocBin, Vocab


# ---------------------------------------------------------------------------------- reading
def read_bytes(data: bytes, source: str = "") -> Iterator[RawRecord]:
    parts = _spacy()
    if parts is None:
        raise RecordError(MISSING)
    _doc, DocBin, Vocab = parts
    try:
        docs = list(DocBin(store_user_data=True).from_bytes(data).get_docs(Vocab()))
    except Exception as exc:   # spaCy raises many kinds on a file that is not a DocBin
        raise RecordError(f"not a spaCy DocBin file ({type(exc).__name__})") from None
    for n, doc in enumerate(docs, 1):
        yield _record(doc, n)


def _record(doc, n: int) -> RawRecord:
    rec = RawRecord(text=doc.text, line=n, fmt=NAME, has_annotations=True)
    rec.tokens = [(t.idx, t.idx + len(t.text)) for t in doc]
    if doc.has_annotation("SENT_START"):
        rec.sentences = [(s.start_char, s.end_char) for s in doc.sents]
    own = doc.user_data.get(KEY) if isinstance(doc.user_data, dict) else None
    if isinstance(own, dict):
        rec.uid = own.get("uid") or None
        rec.title = own.get("title") or None
        rec.status = as_status(own.get("status"))
        rec.meta = own.get("meta") or {}
        rec.reviewer = own.get("reviewer") or None
        rec.time_spent = float(own.get("time_spent") or 0)
        for index, item in enumerate(own.get("spans") or []):
            start, end, label, state, origin = (list(item) + [None] * 5)[:5]
            rec.spans.append(RawSpan(start, end, label, state=SpanState(state) if state else None,
                                     origin=origin or None, key=index))
        for head, tail, label in own.get("relations") or []:
            rec.relations.append(RawRelation(head, tail, label))
        return rec
    seen = set()
    groups = [("ents", list(doc.ents))] + [(key, list(group)) for key, group in doc.spans.items()]
    for _name, spans in groups:
        for span in spans:
            key = (span.start_char, span.end_char, span.label_)
            if key in seen:
                continue
            seen.add(key)
            rec.spans.append(RawSpan(span.start_char, span.end_char, span.label_, key=key))
    return rec


# ---------------------------------------------------------------------------------- writing
def make_doc(ed: ExportDoc, vocab) -> Any:
    from spacy.tokens import Doc

    spans = sorted(ed.spans, key=lambda s: (s.start, -s.end, s.label))
    starts = aligned.sentence_starts(ed)
    tokens = aligned.tokens(ed, starts)
    sent_starts = [t.start in starts or i == 0 for i, t in enumerate(tokens)]
    doc = Doc(vocab, words=[t.text for t in tokens], spaces=[t.ws for t in tokens], sent_starts=sent_starts)
    made = []
    for s in spans:
        span = doc.char_span(s.start, s.end, label=s.label)
        assert span is not None, "tokens are cut at every span boundary"
        made.append((s, span))
    ents, taken = [], set()
    for s, span in sorted(made, key=lambda x: (-(x[0].end - x[0].start), x[0].start)):
        if ed.kinds.get(s.label, LabelKind.ENTITY) != LabelKind.ENTITY or s.state != SpanState.ACCEPTED:
            continue
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        ents.append(span)
    doc.ents = sorted(ents, key=lambda e: e.start)
    doc.spans[SPAN_KEY] = [span for s, span in made if s.state == SpanState.ACCEPTED]
    index = {s.id: i for i, (s, _) in enumerate(made)}
    d = ed.doc
    doc.user_data[KEY] = {
        "uid": d.uid, "title": d.title, "status": d.status.value, "meta": d.meta, "reviewer": d.reviewer or "",
        "time_spent": float(d.time_spent or 0),
        "spans": [[s.start, s.end, s.label, s.state.value, s.origin] for s, _ in made],
        "relations": [[index[r.head], index[r.tail], r.label] for r in ed.relations
                      if r.head in index and r.tail in index],
    }
    return doc


class Writer:
    """Docs kept until the end, written as one DocBin (see :class:`annotator.core.exporter._Output`)."""

    suffix = ".spacy"
    binary = True

    def __init__(self, level: str = "word"):
        parts = _spacy()
        if parts is None:
            raise ValueError(MISSING)
        self.vocab = parts[2]()
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[Any]:
        doc = make_doc(ed, self.vocab)
        self.stats["entities"] += len(doc.ents)
        yield doc

    def to_bytes(self, docs: list) -> bytes:
        from spacy.tokens import DocBin

        return DocBin(docs=docs, store_user_data=True).to_bytes()
