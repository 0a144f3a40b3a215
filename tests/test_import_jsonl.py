"""Importing JSONL records in native, Prodigy and doccano shapes, and every bad record."""

from __future__ import annotations

import json
import unicodedata

import pytest

from annotator.core.importer import import_paths
from annotator.core.model import SpanState, Status

TEXT = "Ông Nguyễn Văn An làm việc tại Hà Nội."
PER = (4, 17)   # Nguyễn Văn An
LOC = (31, 37)  # Hà Nội


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
            f.write("\n")
    return path


def only_doc(corpus):
    docs = list(corpus.iter_documents())
    assert len(docs) == 1, docs
    return docs[0]


def test_offsets_used_in_this_file():
    assert TEXT[slice(*PER)] == "Nguyễn Văn An" and TEXT[slice(*LOC)] == "Hà Nội"


def test_plain_spans_become_accepted_spans_of_done_document(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "spans": [
        {"start": PER[0], "end": PER[1], "label": "PER"}, {"start": LOC[0], "end": LOC[1], "label": "LOC"}]}])
    report = import_paths(corpus, [path], who="lan")
    assert report.added == 1 and report.spans == 2 and not report.problems
    doc = only_doc(corpus)
    assert doc.status == Status.DONE and doc.reviewer == "lan"
    assert [(s.start, s.end, s.label, s.state, s.origin, s.author) for s in doc.spans] == [
        (4, 17, "PER", SpanState.ACCEPTED, "import", "lan"), (31, 37, "LOC", SpanState.ACCEPTED, "import", "lan")]
    summary = corpus.summaries([doc.id])[0]
    assert (summary.span_count, summary.suggested_count) == (2, 0)


def test_as_suggestions_makes_new_document_with_suggested_spans(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "spans": [{"start": 4, "end": 17, "label": "PER"}]}])
    import_paths(corpus, [path], as_suggestions=True)
    doc = only_doc(corpus)
    assert doc.status == Status.NEW and doc.reviewer is None
    assert [(s.state, s.origin) for s in doc.spans] == [(SpanState.SUGGESTED, "import")]
    assert corpus.summaries([doc.id])[0].suggested_count == 1


def test_text_only_record_is_a_new_document(corpus, tmp_path):
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
    assert only_doc(corpus).status == Status.NEW


def test_native_record_keeps_everything(corpus, tmp_path):
    rec = {"id": "doc-7", "text": TEXT, "title": "Tiêu đề", "meta": {"url": "http://x"}, "status": "in_progress",
           "source": "crawler", "reviewer": "minh", "time_spent": 42.5,
           "spans": [{"id": 11, "start": 4, "end": 17, "label": "PER", "text": "Nguyễn Văn An", "origin": "model",
                      "state": "suggested", "score": 0.75, "attrs": {"note": "x"}},
                     {"id": 12, "start": 31, "end": 37, "label": "LOC", "origin": "reviewer", "state": "rejected"}],
           "relations": [{"head": 11, "tail": 12, "label": "issuer"}]}
    report = import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [rec])], who="someone")
    assert report.added == 1, report.problems
    doc = only_doc(corpus)
    assert (doc.uid, doc.title, doc.meta, doc.status, doc.source, doc.reviewer, doc.time_spent) == (
        "doc-7", "Tiêu đề", {"url": "http://x"}, Status.IN_PROGRESS, "crawler", "minh", 42.5)
    per, loc = doc.spans
    assert (per.state, per.origin, per.score, per.attrs) == (SpanState.SUGGESTED, "model", 0.75, {"note": "x"})
    assert (loc.state, loc.origin) == (SpanState.REJECTED, "reviewer")
    [rel] = doc.relations
    assert (rel.head, rel.tail, rel.label) == (per.id, loc.id, "issuer")
    summary = corpus.summaries([doc.id])[0]
    assert (summary.span_count, summary.suggested_count) == (1, 1)


def test_native_relations_by_index_when_spans_have_no_ids(corpus, tmp_path):
    rec = {"text": TEXT, "spans": [{"start": 4, "end": 17, "label": "PER"}, {"start": 31, "end": 37, "label": "LOC"}],
           "relations": [{"head": 1, "tail": 0, "label": "addressee"}]}
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [rec])])
    doc = only_doc(corpus)
    [rel] = doc.relations
    assert (rel.head, rel.tail) == (doc.spans[1].id, doc.spans[0].id)


def test_existing_uid_gets_a_suffix(corpus, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "một"}, {"id": "x", "text": "hai"}])
    import_paths(corpus, [tmp_path / "a.jsonl"])
    uids = sorted(d.uid for d in corpus.iter_documents())
    assert uids[0] == "x" and uids[1].startswith("x-") and len(set(uids)) == 2


@pytest.mark.parametrize("answer,status,state,suggest", [
    ("accept", Status.DONE, SpanState.ACCEPTED, False),
    ("accept", Status.DONE, SpanState.SUGGESTED, True),      # --as-suggestions: accepted labels to review
    ("reject", Status.DONE, SpanState.REJECTED, False),
    ("reject", Status.DONE, SpanState.REJECTED, True),
    ("ignore", Status.SKIPPED, SpanState.SUGGESTED, False),
    ("ignore", Status.SKIPPED, SpanState.SUGGESTED, True)])
def test_prodigy_answer_means_what_it_says(corpus, tmp_path, answer, status, state, suggest):
    rec = {"text": TEXT, "tokens": [], "spans": [{"start": 4, "end": 17, "label": "PER", "token_start": 1,
                                                  "token_end": 3}],
           "answer": answer, "_input_hash": 1, "_task_hash": 2, "meta": {"source": "x"}}
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [rec])], as_suggestions=suggest)
    doc = only_doc(corpus)
    assert doc.status == status and doc.meta == {"source": "x"}
    assert doc.spans[0].state == state


def test_prodigy_token_offsets_and_span_answers(corpus, tmp_path):
    tokens = [{"text": "Ông", "start": 0, "end": 3, "id": 0, "ws": True},
              {"text": "Nguyễn", "start": 4, "end": 10, "id": 1, "ws": True},
              {"text": "Văn", "start": 11, "end": 14, "id": 2, "ws": True},
              {"text": "An", "start": 15, "end": 17, "id": 3, "ws": True}]
    rec = {"text": TEXT, "tokens": tokens, "answer": "accept", "spans": [
        {"token_start": 1, "token_end": 3, "label": "PER"},
        {"start": 31, "end": 37, "label": "LOC", "answer": "reject"}]}
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [rec])])
    doc = only_doc(corpus)
    assert [(s.start, s.end, s.state) for s in doc.spans] == [(4, 17, SpanState.ACCEPTED),
                                                             (31, 37, SpanState.REJECTED)]


def test_doccano_both_shapes(corpus, tmp_path):
    recs = [{"id": 5, "text": TEXT, "label": [[4, 17, "PER"], [31, 37, "LOC"]]},
            {"text": "Bộ Y tế họp tại Huế.", "entities": [
                {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 7},
                {"id": 2, "label": "LOC", "start_offset": 16, "end_offset": 19}],
             "relations": [{"id": 9, "from_id": 1, "to_id": 2, "type": "issuer"}]}]
    report = import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", recs)])
    assert report.added == 2 and not report.problems
    a, b = corpus.iter_documents()
    assert a.uid == "5" and a.status == Status.DONE
    assert [(s.start, s.end, s.label) for s in a.spans] == [(4, 17, "PER"), (31, 37, "LOC")]
    assert [(s.label, b.text[s.start:s.end]) for s in b.spans] == [("ORG", "Bộ Y tế"), ("LOC", "Huế")]
    [rel] = b.relations
    assert (rel.head, rel.tail, rel.label) == (b.spans[0].id, b.spans[1].id, "issuer")


def test_nfd_record_offsets_are_remapped(corpus, tmp_path):
    nfd = unicodedata.normalize("NFD", TEXT)
    s, e = len(unicodedata.normalize("NFD", TEXT[:31])), len(unicodedata.normalize("NFD", TEXT[:37]))
    assert nfd[s:e] == unicodedata.normalize("NFD", "Hà Nội")
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [{"text": nfd, "spans": [
        {"start": s, "end": e, "label": "LOC", "text": nfd[s:e]}]}])])
    doc = only_doc(corpus)
    assert doc.text == TEXT
    assert [(x.start, x.end) for x in doc.spans] == [LOC]


def test_crlf_and_bom_in_record(corpus, tmp_path):
    raw = "\ufeffDòng một\r\nHà Nội"
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [{"text": raw, "spans": [
        {"start": 11, "end": 17, "label": "LOC"}]}])])
    doc = only_doc(corpus)
    assert doc.text == "Dòng một\nHà Nội"
    assert doc.text[doc.spans[0].start:doc.spans[0].end] == "Hà Nội"


BAD = [
    ('{"text": "abc", "spans": [', "bad JSON"),
    ("[1, 2]", "not a JSON object"),
    ({"spans": []}, "missing text"),
    ({"text": 5}, "text must be a string"),
    ({"text": "   "}, "empty text"),
    ({"text": "abc", "spans": [{"start": 0, "end": 9, "label": "PER"}]}, "out of range"),
    ({"text": "abc", "spans": [{"start": -1, "end": 2, "label": "PER"}]}, "out of range"),
    ({"text": "abc", "spans": [{"start": 2, "end": 1, "label": "PER"}]}, "reversed"),
    ({"text": "abc", "spans": [{"start": 1, "end": 1, "label": "PER"}]}, "empty"),
    ({"text": "abc", "spans": [{"start": "0", "end": 1, "label": "PER"}]}, "must be an integer"),
    ({"text": "abc", "spans": [{"start": 0, "end": 1}]}, "has no label"),
    ({"text": "abc", "spans": [{"start": 0, "end": 1, "label": "FOO"}]}, "unknown label 'FOO'"),
    ({"text": "abc", "spans": [{"start": 0, "end": 2, "label": "PER", "text": "bc"}]}, "the text there is"),
    ({"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PER", "state": "maybe"}]}, "unknown span state"),
    ({"text": "abc", "status": "finished"}, "unknown status"),
    ({"text": "abc", "answer": "perhaps"}, "unknown answer"),
    ({"text": "abc", "spans": {"start": 0}}, "must be a JSON list"),
    ({"text": "abc", "spans": [{"id": 1, "start": 0, "end": 1, "label": "PER"}],
      "relations": [{"head": 1, "tail": 2, "label": "issuer"}]}, "not in the record"),
    ({"text": "abc", "label": [[0, 1]]}, "must be [start, end, label]"),
    ({"text": "e\u0301a", "spans": [{"start": 0, "end": 1, "label": "PER"}]}, "cuts a character"),
    ({"text": "ab\U0001F44D\u200d\U0001F525", "spans": [{"start": 2, "end": 3, "label": "PER"}]},
     "cuts a character"),
    ('{"text": "ab\\ud800c"}', "unpaired surrogate"),
    ('{"text": "abc", "meta": {"k": "\\udc00"}}', "unpaired surrogate"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
]


@pytest.mark.parametrize("bad,reason", BAD, ids=[r for _, r in BAD])
def test_bad_record_is_reported_with_line_and_rest_imported(corpus, tmp_path, bad, reason):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Trước"}, "", bad, {"text": "Sau"}])
    report = import_paths(corpus, [path])
    assert report.added == 2 and report.rejected == 1
    [problem] = report.problems
    assert problem.startswith(f"{path}:3: ") and reason in problem, problem
    assert sorted(d.text for d in corpus.iter_documents()) == ["Sau", "Trước"]
    assert not report.failed_files


def test_nfd_offset_inside_base_and_mark_is_refused(corpus, tmp_path):
    nfd = unicodedata.normalize("NFD", "Hà Nội")   # H a ` space N o . ^ i
    assert nfd[4:6] == "No" and nfd[6] == "\u0323"
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": nfd, "spans": [{"start": 4, "end": 6, "label": "LOC"}]}])
    report = import_paths(corpus, [path])
    assert report.added == 0 and "cuts a character" in report.problems[0]


def test_unknown_label_added_with_add(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Hội nghị COP28", "spans": [
        {"start": 9, "end": 14, "label": "EVENT"}]}])
    report = import_paths(corpus, [path], new_labels="add")
    assert report.added == 1 and report.labels_added == ["EVENT"]
    assert "EVENT" in corpus.label_names()
    assert "new labels: EVENT" in report.summary()


def test_unknown_label_refused_leaves_labels_alone(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Hội nghị COP28", "spans": [
        {"start": 9, "end": 14, "label": "EVENT"}]}])
    labels = corpus.label_names()
    report = import_paths(corpus, [path], new_labels="refuse")
    assert report.added == 0 and report.rejected == 1 and "EVENT" in report.problems[0]
    assert corpus.label_names() == labels


def test_new_label_rolled_back_when_file_fails(corpus, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"text": "x", "spans": [{"start": 0, "end": 1, "label": "NEW"}]}).encode()
                     + b"\n\xff\xfe\n")
    report = import_paths(corpus, [path], new_labels="add")
    assert report.failed_files and "NEW" not in corpus.label_names()
    assert corpus.count_documents() == 0


def test_duplicates_in_file_and_corpus(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "một"}, {"text": "hai"}, {"text": "một"}])
    report = import_paths(corpus, [path])
    assert (report.added, report.duplicates, report.problems) == (2, 1, [])
    assert "earlier in this file" in report.notes[0] and ":3:" in report.notes[0]
    again = import_paths(corpus, [path])
    assert (again.added, again.duplicates) == (0, 3)
    assert all("already in the corpus" in n for n in again.notes)


def test_duplicate_spans_in_a_record_are_stored_once(corpus, tmp_path):
    span = {"start": 4, "end": 17, "label": "PER"}
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT, "spans": [span, span]}])])
    assert len(only_doc(corpus).spans) == 1


def test_mixed_shapes_in_one_file(corpus, tmp_path):
    recs = [{"text": "một", "spans": [], "status": "skipped"},
            {"text": "hai", "answer": "accept", "spans": []},
            {"text": "ba", "label": []}]
    report = import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", recs)])
    assert report.added == 3
    assert [d.status for d in corpus.iter_documents()] == [Status.SKIPPED, Status.DONE, Status.DONE]


def test_history_records_the_import(corpus, tmp_path):
    import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", [{"text": "một"}])], who="lan")
    [row] = [h for h in corpus.history() if h["action"] == "import"]
    assert row["who"] == "lan" and json.loads(row["after"])["added"] == 1


def test_large_file_is_streamed(corpus, tmp_path, monkeypatch):
    """Lines are read one at a time: the file is never read whole."""
    import builtins

    path = write_jsonl(tmp_path / "a.jsonl", [{"text": f"bài {i}"} for i in range(2000)])
    real_open = builtins.open

    class Guard:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def __iter__(self):
            return iter(self.f)

        def read(self, *a):
            raise AssertionError("whole-file read")

    def guarded(file, mode="r", *a, **k):
        f = real_open(file, mode, *a, **k)
        return Guard(f) if str(file) == str(path) else f

    monkeypatch.setattr(builtins, "open", guarded)
    assert import_paths(corpus, [path]).added == 2000


def test_failed_file_inside_a_caller_transaction_is_undone(corpus, tmp_path):
    good = write_jsonl(tmp_path / "a.jsonl", [{"text": "tốt"}])
    bad = tmp_path / "b.jsonl"
    bad.write_bytes(b'{"text": "m\xe1\xbb\x99t"}\n\xff\n')
    with corpus.transaction():
        report = import_paths(corpus, [good, bad])
    assert report.failed_files == [str(bad)] and report.added == 1
    assert [d.text for d in corpus.iter_documents()] == ["tốt"]


def test_a_directives_export_line_is_refused_with_its_reason(corpus, tmp_path):
    from annotator.core.importer import import_paths

    path = tmp_path / "directives.jsonl"
    path.write_text(
        '{"text": "Đề nghị các sở tăng cường kiểm tra.", "label": "directive", "doc_id": "d1", "start": 0, "end": 35}\n'
        '{"text": "Bộ Y tế họp tại Huế.", "spans": [{"start": 0, "end": 7, "label": "ORG"}]}\n',
        encoding="utf-8")
    report = import_paths(corpus, [path])
    assert report.added == 1
    assert len(report.problems) == 1
    assert f"{path}:1:" in report.problems[0] and "directives" in report.problems[0]
