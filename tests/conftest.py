"""Shared fixtures (kept minimal; other test modules may add their own here)."""

from __future__ import annotations

import pytest

from annotator.core.store import Corpus


@pytest.fixture
def corpus(tmp_path):
    """A fresh corpus file in a temporary folder, closed after the test."""
    c = Corpus(tmp_path / "corpus.db")
    yield c
    c.close()


@pytest.fixture
def make_corpus(tmp_path):
    """Factory for further fresh corpora (round trips need two)."""
    opened = []

    def make(name: str = "other.db") -> Corpus:
        c = Corpus(tmp_path / name)
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()


def _snapshot(corpus: Corpus) -> dict:
    """What a round trip must keep: per text its status, spans (with state) and relations; labels."""
    docs = {}
    for doc in corpus.iter_documents():
        by_id = {s.id: (s.start, s.end, s.label) for s in doc.spans}
        docs[doc.text] = {
            "status": doc.status.value,
            "spans": sorted((s.start, s.end, s.label, s.state.value) for s in doc.spans),
            "relations": sorted((by_id[r.head], by_id[r.tail], r.label) for r in doc.relations),
        }
    return {"documents": docs, "labels": sorted(corpus.label_names())}


@pytest.fixture
def snapshot():
    """Function: corpus → comparable dict of texts, statuses, spans, states, relations and labels."""
    return _snapshot


# Offsets below are checked by test_export_formats.test_fixture_offsets.
FILLED_TEXTS = [
    "Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội hoàn thành trước ngày 30/6. Đồng thời, kiểm tra tiến độ.",
    "Bộ Y tế họp tại Huế.",
    "Tin vắn: mưa lớn ở Lào Cai.",
    "Đà Nẵng 👍🏽 đón khách\n\nSở Du lịch  Đà Nẵng cho biết.",
]


@pytest.fixture
def filled_corpus(corpus):
    """A corpus with documents in every status and spans in every state, plus a relation.

    1 done (lan): PER, ORG accepted; LOC inside ORG rejected; MISC suggested; DIRECTIVE accepted;
      relation issuer PER -> DIRECTIVE.
    2 new: ORG and LOC suggested.
    3 skipped: LOC accepted.
    4 done (minh): LOC, ORG accepted (emoji, blank line and double space in the text).
    """
    from annotator.core.model import Document, Relation, Span, SpanState, Status

    A, S, R = SpanState.ACCEPTED, SpanState.SUGGESTED, SpanState.REJECTED
    t1, t2, t3, t4 = FILLED_TEXTS
    docs = [
        Document(text=t1, title="Thủ tướng", status=Status.DONE, reviewer="lan", uid="d1", spans=[
            Span(10, 25, "PER", state=A), Span(34, 48, "ORG", state=A), Span(42, 48, "LOC", state=R),
            Span(71, 75, "MISC", state=S, origin="model", score=0.5), Span(0, 76, "DIRECTIVE", state=A)],
            relations=[Relation(0, 4, "issuer")]),
        Document(text=t2, status=Status.NEW, uid="d2", spans=[
            Span(0, 7, "ORG", state=S, origin="model"), Span(16, 19, "LOC", state=S, origin="model")]),
        Document(text=t3, status=Status.SKIPPED, reviewer="lan", uid="d3", spans=[Span(19, 26, "LOC", state=A)]),
        Document(text=t4, status=Status.DONE, reviewer="minh", uid="d4", meta={"url": "http://x"}, spans=[
            Span(0, 7, "LOC", state=A), Span(22, 41, "ORG", state=A)]),
    ]
    for doc in docs:
        corpus.add_document(doc, who="lan")
    return corpus
