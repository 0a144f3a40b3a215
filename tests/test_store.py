"""The SQLite corpus: span CRUD, history, suggestions, search, and corpus files it must refuse."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import unicodedata

import pytest

from annotator.core.importer import import_paths
from annotator.core.model import Document, Label, LabelKind, Relation, Span, SpanState, Status
from annotator.core.store import Corpus, CorpusError, DocumentFilter

TEXT = "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng yêu cầu Sở Y tế báo cáo trước ngày 30/6."


def add(corpus, text=TEXT, **kw):
    doc_id, created = corpus.add_document(Document(text=text, **kw), who="lan")
    assert created
    return doc_id


def at(text, piece, label, **kw):
    start = text.index(piece)
    return Span(start, start + len(piece), label, **kw)


# ---------------------------------------------------------------------------------------- documents and spans

def test_add_document_duplicate_and_uid(corpus):
    a = add(corpus, uid="x")
    assert corpus.add_document(Document(text=TEXT, uid="y")) == (a, False)
    b = add(corpus, text="Khác", uid="x")
    assert corpus.document(b).uid.startswith("x-")
    with pytest.raises(ValueError, match="out of range"):
        corpus.add_document(Document(text="abc", spans=[Span(0, 9, "PER")]))
    assert corpus.count_documents() == 2


def test_span_crud_and_history(corpus):
    doc_id = add(corpus)
    assert corpus.document(doc_id).status == Status.NEW
    span = corpus.add_span(doc_id, at(TEXT, "Nguyễn Văn Thắng", "PER"), who="lan")
    assert span.id and span.author == "lan" and span.state == SpanState.ACCEPTED
    doc = corpus.document(doc_id)
    assert doc.status == Status.IN_PROGRESS and doc.reviewer == "lan"  # an edit starts the work
    summary = corpus.summaries([doc_id])[0]
    assert summary.span_count == 1

    changed = corpus.update_span(span.id, label="ORG", who="minh")
    assert changed.label == "ORG" and changed.author == "minh"
    with pytest.raises(ValueError, match="cuts a character|out of range|reversed"):
        corpus.update_span(span.id, end=span.start)
    with pytest.raises(TypeError):
        corpus.update_span(span.id, doc_id=5)

    org = corpus.add_span(doc_id, at(TEXT, "Sở Y tế", "ORG"))
    rel = corpus.add_relation(doc_id, Relation(org.id, span.id, "addressee"), who="lan")
    assert [r.id for r in corpus.relations(doc_id)] == [rel.id]
    deleted, rels = corpus.delete_span(span.id, who="lan")
    assert deleted.id == span.id and [r.id for r in rels] == [rel.id]
    assert corpus.relations(doc_id) == []  # relations of a deleted span go with it
    with pytest.raises(KeyError):
        corpus.span(span.id)
    corpus.add_span(doc_id, deleted)  # undo keeps the id
    assert corpus.span(span.id).label == "ORG"

    actions = [h["action"] for h in reversed(corpus.history(doc_id))]
    assert actions == ["add_span", "update_span", "add_span", "add_relation", "delete_span", "add_span"]
    update = [h for h in corpus.history(doc_id) if h["action"] == "update_span"][0]
    assert json.loads(update["before"])["label"] == "PER" and json.loads(update["after"])["label"] == "ORG"
    assert update["who"] == "minh"


def test_set_spans_state_and_status(corpus):
    doc_id = add(corpus, spans=[at(TEXT, "Quảng Ninh", "LOC", state=SpanState.SUGGESTED, origin="model"),
                                at(TEXT, "Sở Y tế", "ORG", state=SpanState.SUGGESTED, origin="model")])
    assert corpus.summaries([doc_id])[0].suggested_count == 2
    ids = [s.id for s in corpus.spans(doc_id)]
    before = corpus.set_spans_state(ids, SpanState.ACCEPTED, who="lan")
    assert [s.state for s in before] == [SpanState.SUGGESTED] * 2
    assert {s.state for s in corpus.spans(doc_id)} == {SpanState.ACCEPTED}
    assert corpus.summaries([doc_id])[0].suggested_count == 0
    assert corpus.set_status(doc_id, Status.DONE, who="lan") == Status.IN_PROGRESS
    assert corpus.document(doc_id).status == Status.DONE
    assert corpus.stats()["done_per_day"][0][1] == 1


def test_replace_suggestions_never_overrides_human_decisions(corpus):
    doc_id = add(corpus)
    accepted = corpus.add_span(doc_id, at(TEXT, "Nguyễn Văn Thắng", "PER"))
    rejected = corpus.add_span(doc_id, at(TEXT, "Quảng Ninh", "LOC", state=SpanState.REJECTED))
    old = corpus.add_span(doc_id, at(TEXT, "Sở Y tế", "ORG", state=SpanState.SUGGESTED, origin="model"))
    mine = corpus.add_span(doc_id, at(TEXT, "30/6", "MISC", state=SpanState.SUGGESTED, origin="reviewer"))
    new = [
        at(TEXT, "Văn Thắng", "PER", origin="model"),          # overlaps an accepted entity: dropped
        at(TEXT, "Quảng Ninh", "LOC", origin="model"),         # the reviewer rejected it: dropped
        at(TEXT, "UBND tỉnh Quảng Ninh", "ORG", origin="model"),  # overlaps the rejected one: dropped
        at(TEXT, "Sở Y tế", "ORG", origin="model", state=SpanState.ACCEPTED),  # stored, but only as a suggestion
        Span(0, len(TEXT), "DIRECTIVE", origin="model"),        # another kind: may overlap entities
        Span(5, 999, "LOC", origin="model"),                    # invalid: skipped
    ]
    stored = corpus.replace_suggestions(doc_id, new, [Relation(3, 4, "addressee", origin="model")], who="model")
    assert stored == 2
    spans = {(s.label, TEXT[s.start:s.end]): s for s in corpus.spans(doc_id)}
    assert spans[("PER", "Nguyễn Văn Thắng")].id == accepted.id
    assert spans[("LOC", "Quảng Ninh")].state == SpanState.REJECTED and spans[("LOC", "Quảng Ninh")].id == rejected.id
    assert spans[("ORG", "Sở Y tế")].state == SpanState.SUGGESTED and spans[("ORG", "Sở Y tế")].id != old.id
    assert spans[("MISC", "30/6")].id == mine.id  # a reviewer's own suggestion stays
    assert ("DIRECTIVE", TEXT) in spans and ("PER", "Văn Thắng") not in spans
    [rel] = corpus.relations(doc_id)
    assert (rel.head, rel.tail) == (spans[("ORG", "Sở Y tế")].id, spans[("DIRECTIVE", TEXT)].id)
    assert corpus.history(doc_id)[0]["action"] == "preannotate"


def test_labels(corpus):
    assert {"PER", "ORG", "LOC", "MISC", "DIRECTIVE"} <= corpus.label_names()
    corpus.ensure_label("DISEASE")
    corpus.ensure_label("DIRECTIVE_X")
    kinds = {label.name: label.kind for label in corpus.labels()}
    assert kinds["DISEASE"] == LabelKind.ENTITY and kinds["DIRECTIVE_X"] == LabelKind.DIRECTIVE
    corpus.upsert_label(Label("DISEASE", LabelKind.ENTITY, "#000000", "9", 9))
    doc_id = add(corpus, text="COVID-19", spans=[Span(0, 8, "DISEASE")])
    with pytest.raises(CorpusError, match="used by 1 spans"):
        corpus.delete_label("DISEASE")
    corpus.delete_document(doc_id)
    corpus.delete_label("DISEASE")
    assert "DISEASE" not in corpus.label_names()


# ---------------------------------------------------------------------------------------- search

def test_search_with_vietnamese_diacritics(corpus):
    a = add(corpus, text="Ủy ban nhân dân thành phố Hà Nội họp về đường Láng.", title="Hà Nội họp")
    b = add(corpus, text="Người dân Hà Tĩnh đón bão.", title="Hà Tĩnh")
    add(corpus, text="Hội nghị về nông nghiệp.", title="Hội nghị")
    assert [hit[0] for hit in corpus.search("Hà Nội")] == [a]
    assert [hit[0] for hit in corpus.search("hà nội")] == [a]          # case folded
    assert {hit[0] for hit in corpus.search("Hà")} == {a, b}
    assert [hit[0] for hit in corpus.search("Tĩnh")] == [b]
    assert [hit[0] for hit in corpus.search(unicodedata.normalize("NFD", "Hà Nội"))] == [a]  # NFD typed query
    assert "[Hà]" in corpus.search("Hà Nội")[0][2]
    assert corpus.search('"; DROP TABLE documents; --') == []          # user text never becomes FTS syntax
    assert corpus.search("   ") == []
    assert corpus.count_documents(DocumentFilter(query="đường")) == 1


def test_search_sees_imported_documents(corpus, tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Đà Nẵng đón khách quốc tế."}) + "\n", encoding="utf-8")
    import_paths(corpus, [tmp_path / "a.jsonl"])
    assert len(corpus.search("Đà Nẵng")) == 1


# ---------------------------------------------------------------------------------------- files it must refuse

def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        add(c)
    return path


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Bài mới."}) + "\n", encoding="utf-8")
    return path


def test_locked_corpus(corpus_file, jsonl):
    before = digest(corpus_file)
    other = sqlite3.connect(str(corpus_file), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Corpus(corpus_file) as c:
            with pytest.raises(CorpusError, match="locked by another program"):
                import_paths(c, [jsonl])
    finally:
        other.rollback()
        other.close()
    assert digest(corpus_file) == before
    with Corpus(corpus_file) as c:
        assert c.count_documents() == 1


def test_read_only_corpus(corpus_file, jsonl):
    before = digest(corpus_file)
    with Corpus(corpus_file, read_only=True) as c:
        assert c.count_documents() == 1
        with pytest.raises(CorpusError, match="read-only"):
            import_paths(c, [jsonl])
        with pytest.raises(CorpusError, match="read-only"):
            c.set_status(1, Status.DONE)
    assert digest(corpus_file) == before


def test_read_only_file_mode(corpus_file, jsonl, monkeypatch):
    """A corpus file without write permission opens read-only by itself.

    Root may write a 0444 file (and CI runs as root), so the permission check is made to
    answer as it does for an ordinary user instead of skipping the test there.
    """
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and os.fspath(path) == os.fspath(corpus_file):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr("annotator.core.store.os.access", access)
    os.chmod(corpus_file, 0o444)
    try:
        before = digest(corpus_file)
        with Corpus(corpus_file) as c:
            assert c.read_only
            with pytest.raises(CorpusError, match="read-only"):
                import_paths(c, [jsonl])
        assert digest(corpus_file) == before
    finally:
        os.chmod(corpus_file, 0o644)


def test_corrupt_corpus(tmp_path):
    path = tmp_path / "junk.db"
    # random bytes, but not at random: os.urandom began with "[" or "{" now and then, which is
    # (rightly) reported as a JSON file and made this test fail about once in a hundred runs
    path.write_bytes(b"\x00" + random.Random(8192).randbytes(8191))
    before = digest(path)
    with pytest.raises(CorpusError, match="is a binary file, not an annotator corpus"):
        Corpus(path)
    assert digest(path) == before


def test_foreign_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(CorpusError, match="not an annotator corpus"):
        Corpus(path)
    assert digest(path) == before


@pytest.mark.parametrize("read_only", [False, True])
def test_corpus_from_a_newer_version(corpus_file, read_only):
    conn = sqlite3.connect(str(corpus_file))
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = digest(corpus_file)
    with pytest.raises(CorpusError, match="newer annotator") as info:
        Corpus(corpus_file, read_only=read_only)
    assert "schema 99" in str(info.value) and "Update annotator" in str(info.value)
    assert digest(corpus_file) == before


def test_missing_corpus(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        Corpus(tmp_path / "none.db", create=False)
    (tmp_path / "folder.db").mkdir()
    with pytest.raises(CorpusError, match="is a folder, not a corpus file"):
        Corpus(tmp_path / "folder.db")
    with pytest.raises(CorpusError, match="does not exist"):
        Corpus(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()


def test_read_only_path_with_uri_characters(tmp_path):
    folder = tmp_path / "a b#c?d%20"
    folder.mkdir()
    with Corpus(folder / "c.db") as c:
        add(c)
    with Corpus(folder / "c.db", read_only=True) as c:
        assert c.count_documents() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a b#c?d%20"]  # no stray file beside it


def test_search_ignores_diacritics_only_when_the_query_has_none(corpus):
    from annotator.core.model import Document
    from annotator.core.store import DocumentFilter

    hanoi, _ = corpus.add_document(Document(text="Thành ủy Hà Nội họp bàn công tác đối ngoại.", title="Hà Nội"))
    noi, _ = corpus.add_document(Document(text="Nơi đây đón nhiều du khách.", title="Du lịch"))
    assert {hit[0] for hit in corpus.search("noi")} == {hanoi, noi}
    assert [hit[0] for hit in corpus.search("Nội")] == [hanoi]
    assert [hit[0] for hit in corpus.search("nơi")] == [noi]
    assert corpus.document_ids(DocumentFilter(query="Hà Nội")) == [hanoi]
    assert set(corpus.document_ids(DocumentFilter(query="ha noi"))) == {hanoi}
    assert corpus.count_documents(DocumentFilter(query="NƠI")) == 1
