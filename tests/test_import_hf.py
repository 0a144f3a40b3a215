"""Importing Hugging Face token classification JSONL (``tokens`` + ``ner_tags``, our ``hf`` export)."""

from __future__ import annotations

import pytest

from annotator.core import formats
from annotator.core.formats import hf
from annotator.core.importer import import_paths
from annotator.core.model import SpanState, Status
from test_import_jsonl import write_jsonl

S1 = {"tokens": ["Chủ_tịch", "UBND", "tỉnh", "Quảng_Ninh", "phát_biểu", "."],
      "ner_tags": ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]}
S2 = {"tokens": ["Ông", "đến", "Hà_Nội", "(", "Việt_Nam", ")", "."],
      "ner_tags": ["O", "O", "B-LOC", "O", "B-LOC", "O", "O"]}
TEXT = "Chủ tịch UBND tỉnh Quảng Ninh phát biểu. Ông đến Hà Nội (Việt Nam)."


def line(sentence, id=None, **extra):
    rec = dict(sentence, **extra)
    if id is not None:
        rec = {"id": id, **rec}
    return rec


def spans_of(doc):
    return [(doc.text[s.start:s.end], s.label) for s in doc.spans]


def one_word(word, tag="O", id=None):
    return line({"tokens": [word], "ner_tags": [tag]}, id)


def test_detected_before_prodigy():
    assert formats.detect({"id": "a-0", "tokens": ["x"], "ner_tags": ["O"]}) is hf
    assert formats.detect({"text": "x", "tokens": [{"text": "x", "start": 0, "end": 1}]}).NAME == "prodigy"


def test_sentences_of_one_id_become_one_done_document(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [line(S1, "bai-7-0"), line(S2, "bai-7-1", pos_tags=[1, 2])])
    report = import_paths(corpus, [path], who="lan")
    assert report.added == 1 and report.spans == 3 and not report.problems, report.problems
    [doc] = corpus.iter_documents()
    assert doc.text == TEXT and doc.title == "Chủ tịch UBND tỉnh Quảng Ninh phát biểu."
    assert doc.uid == "bai-7"  # the document part of "bai-7-0": the id up to its last "-N"
    assert spans_of(doc) == [("UBND tỉnh Quảng Ninh", "ORG"), ("Hà Nội", "LOC"), ("Việt Nam", "LOC")]
    assert doc.status == Status.DONE and doc.reviewer == "lan"
    assert all((s.state, s.origin) == (SpanState.ACCEPTED, "import") for s in doc.spans)


def test_same_text_and_spans_as_conll(corpus, make_corpus, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [line(S1, "x-0"), line(S2, "x-1")])
    conll_text = "".join("".join(f"{t}\t{g}\n" for t, g in zip(s["tokens"], s["ner_tags"])) + "\n" for s in (S1, S2))
    (tmp_path / "a.conll").write_text(conll_text, encoding="utf-8")
    other = make_corpus()
    import_paths(corpus, [tmp_path / "a.jsonl"])
    import_paths(other, [tmp_path / "a.conll"], sentences_per_doc=2)
    [a], [b] = corpus.iter_documents(), other.iter_documents()
    assert (a.text, a.title, spans_of(a)) == (b.text, b.title, spans_of(b))


def test_as_suggestions(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [line(S1, "d-0")])
    import_paths(corpus, [path], as_suggestions=True)
    [doc] = corpus.iter_documents()
    assert doc.status == Status.NEW and doc.reviewer is None
    assert [(s.state, s.origin) for s in doc.spans] == [(SpanState.SUGGESTED, "import")]


def test_grouping_rule(corpus, tmp_path):
    records = [
        one_word("Một", id="a-0"), one_word("hai", id="a-1"),     # a
        one_word("Ba", id="b-0"),                                 # b
        one_word("Bốn"), one_word("Năm"),                         # no id: one document each
        one_word("Sáu", id=7), one_word("Bảy", id="7"),           # id without -N: the id itself, same document
        one_word("Tám", id="c-0"),
        {"text": "Một bài khác."},                                # another shape ends the document
        one_word("Chín", id="c-1"),
        "",                                                       # blank lines end nothing
        one_word("Mười", id="c-2"),
    ]
    report = import_paths(corpus, [write_jsonl(tmp_path / "a.jsonl", records)])
    assert not report.problems, report.problems
    got = [(d.text, d.uid) for d in corpus.iter_documents()]
    assert got[:5] == [("Một hai", "a"), ("Ba", "b"), ("Bốn", got[2][1]), ("Năm", got[3][1]), ("Sáu Bảy", "7")]
    assert got[2][1] != got[3][1]
    assert got[5:7] == [("Tám", "c"), ("Một bài khác.", got[6][1])]
    assert got[7][0] == "Chín Mười" and got[7][1].startswith("c-")  # uid "c" is taken: it gets a suffix


def test_integer_tags_are_rejected_with_the_reason(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        one_word("Trước", id="t-0"),
        {"id": "x-0", "tokens": ["Hà_Nội", "đẹp"], "ner_tags": [5, 0]},
        one_word("Sau", id="s-0"),
    ])
    report = import_paths(corpus, [path])
    assert (report.added, report.rejected) == (2, 1)
    [problem] = report.problems
    assert problem.startswith(f"{path}:2: ner_tags are integers"), problem
    assert "cannot be mapped" in problem and "int2str" in problem
    assert sorted(d.text for d in corpus.iter_documents()) == ["Sau", "Trước"]


def test_bad_sentence_rejects_its_whole_document(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        one_word("Một", id="a-0"),
        {"id": "a-1", "tokens": ["hai", "ba"], "ner_tags": ["O"]},
        one_word("bốn", id="a-2"),
        one_word("Khác", id="b-0"),
    ])
    report = import_paths(corpus, [path])
    assert (report.added, report.rejected) == (1, 1)
    assert report.problems == [f"{path}:2: tokens has 2 items but ner_tags has 1 (document 'a' is rejected as a whole)"]
    assert [d.text for d in corpus.iter_documents()] == ["Khác"]


def test_broken_line_inside_a_document_rejects_it(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        one_word("Một", id="a-0"),
        '{"id": "a-1", "tokens": ["hai"], "ner_tags": ["O"]',
        one_word("ba", id="a-2"),
        one_word("Khác", id="b-0"),
    ])
    report = import_paths(corpus, [path])
    assert (report.added, report.rejected) == (1, 1)
    [problem] = report.problems
    assert problem.startswith(f"{path}:2: bad JSON") and "inside document 'a'" in problem, problem
    assert [d.text for d in corpus.iter_documents()] == ["Khác"]


def test_broken_line_between_documents_is_reported_alone(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        one_word("Một", id="a-0"), "[1, 2]", one_word("Hai", id="b-0"), "{oops", one_word("Ba"),
    ])
    report = import_paths(corpus, [path])
    assert (report.added, report.rejected) == (3, 2)
    assert report.problems == [f"{path}:2: not a JSON object",
                               f"{path}:4: bad JSON (Expecting property name enclosed in double quotes at column 2)"]
    assert [d.text for d in corpus.iter_documents()] == ["Một", "Hai", "Ba"]


BAD = [
    ({"tokens": "Hà Nội", "ner_tags": ["O"]}, "tokens must be a JSON list"),
    ({"tokens": ["Hà"], "ner_tags": "O"}, "ner_tags must be a JSON list"),
    ({"tokens": ["Hà"], "ner_tags": ["B-LOC", "O"]}, "tokens has 1 items but ner_tags has 2"),
    ({"tokens": ["Hà"], "ner_tags": ["LOC"]}, "bad tag 'LOC' in ner_tags[0]"),
    ({"tokens": ["Hà"], "ner_tags": [None]}, "ner_tags[0] must be a tag string"),
    ({"tokens": ["Hà"], "ner_tags": [1]}, "ner_tags are integers"),
    ({"tokens": [3], "ner_tags": ["O"]}, "tokens[0] must be a string"),
    ({"tokens": ["Hà", " "], "ner_tags": ["O", "O"]}, "tokens[1] is empty"),
    ({"tokens": [], "ner_tags": []}, "no tokens"),
    ({"id": ["a"], "tokens": ["Hà"], "ner_tags": ["O"]}, "id must be a string or an integer"),
    ({"tokens": ["Hội_nghị", "COP28"], "ner_tags": ["O", "B-EVENT"]}, "unknown label 'EVENT'"),
]


@pytest.mark.parametrize("bad,reason", BAD, ids=[r for _, r in BAD])
def test_bad_line_reported_with_file_and_line(corpus, tmp_path, bad, reason):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "Trước"}, "", bad, {"text": "Sau"}])
    report = import_paths(corpus, [path])
    assert report.added == 2 and report.rejected == 1
    [problem] = report.problems
    assert problem.startswith(f"{path}:3: ") and reason in problem, problem
    assert sorted(d.text for d in corpus.iter_documents()) == ["Sau", "Trước"]


def test_duplicate_document_is_skipped(corpus, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [line(S1, "a-0"), line(S1, "b-0")])
    report = import_paths(corpus, [path])
    assert (report.added, report.duplicates) == (1, 1)
    assert ":2: duplicate of document" in report.notes[0]


def test_document_part_of_ids():
    assert hf.document_part("UID-3") == "UID"
    assert hf.document_part("2024-05-01-12") == "2024-05-01"
    assert hf.document_part("abc") == "abc"
    assert hf.document_part(7) == "7"
    assert hf.document_part("-3") == "-3"
    assert hf.document_part(None) is None and hf.document_part("") is None
