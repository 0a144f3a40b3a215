"""Peers' own file shapes come in as they mean: Prodigy answers, doccano projects, Label Studio,
WebAnno/INCEpTION TSV, spaCy DocBin, .json arrays; and the one format registry."""

from __future__ import annotations

import json
import re

import pytest

from annotator.cli import build_parser, main
from annotator.core.exporter import ExportOptions, export
from annotator.core.formats import registry, webanno
from annotator.core.importer import import_paths
from annotator.core.model import SpanState, Status

TEXT = "Ông Nguyễn Văn An yêu cầu Sở Y tế Hà Nội báo cáo."
PER, ORG, LOC = (4, 17, "PER"), (26, 33, "ORG"), (34, 40, "LOC")


def jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def spans_of(doc):
    return sorted((s.start, s.end, s.label, s.state) for s in doc.spans)


def only(corpus):
    [doc] = list(corpus.iter_documents())
    return doc


# ---------------------------------------------------------------------------------- registry
def test_cli_gui_and_importer_read_the_registry():
    from annotator.gui import jobs

    parser = build_parser()
    actions = {a.dest: a for a in parser._subparsers._group_actions[0].choices["export"]._actions}
    assert tuple(actions["format"].choices) == registry.export_names()
    actions = {a.dest: a for a in parser._subparsers._group_actions[0].choices["import"]._actions}
    assert tuple(actions["format"].choices) == registry.import_names()
    # the names the issue spells stay as they were
    assert registry.export_names()[:6] == ("native", "prodigy", "doccano", "conll", "hf", "directives")
    assert {"auto", "txt", "jsonl", "conll"} <= set(registry.import_names())
    assert {"labelstudio", "webanno", "spacy"} <= set(registry.export_names()) & set(registry.import_names())
    # every description the GUI shows has a literal lupdate can collect
    assert {f.description for f in registry.FORMATS} <= set(jobs.FORMAT_TEXTS)
    for fmt in registry.FORMATS:
        if fmt.container:
            assert all(f"*{ext}" in jobs.import_filter() for ext in fmt.extensions)


def test_no_other_module_lists_the_formats():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "src" / "annotator"
    offenders = [str(p) for p in root.rglob("*.py") if p.name != "registry.py"
                 and re.search(r"\(\s*\"native\",\s*\"prodigy\"", p.read_text(encoding="utf-8"))]
    assert offenders == []


# ---------------------------------------------------------------------------------- Prodigy
def test_prodigy_ner_teach_records_of_one_text_merge_and_later_answers_win(corpus, tmp_path):
    def teach(span, answer, score=0.5):
        return {"text": TEXT, "spans": [{"start": span[0], "end": span[1], "label": span[2], "score": score,
                                         "priority": score, "input_hash": 1}],
                "meta": {"score": score}, "_input_hash": 11, "_task_hash": 22, "_view_id": "ner",
                "answer": answer}

    path = jsonl(tmp_path / "teach.jsonl", [teach(PER, "accept"), teach(ORG, "reject"), teach(LOC, "ignore"),
                                            teach(ORG, "accept")])  # a later answer on the same span wins
    report = import_paths(corpus, [path])
    assert report.added == 1 and report.merged == 3 and report.duplicates == 0
    assert "3 records merged" in report.summary()
    doc = only(corpus)
    assert doc.status == Status.DONE
    assert spans_of(doc) == [(4, 17, "PER", SpanState.ACCEPTED), (26, 33, "ORG", SpanState.ACCEPTED),
                             (34, 40, "LOC", SpanState.SUGGESTED)]
    assert corpus.stats()["spans_by_state"].get("suggested") == 1


def test_prodigy_document_whose_every_answer_is_ignore_is_skipped(corpus, tmp_path):
    recs = [{"text": TEXT, "spans": [{"start": s[0], "end": s[1], "label": s[2]}], "answer": "ignore"}
            for s in (PER, ORG)]
    import_paths(corpus, [jsonl(tmp_path / "a.jsonl", recs)])
    doc = only(corpus)
    assert doc.status == Status.SKIPPED
    assert {s.state for s in doc.spans} == {SpanState.SUGGESTED}   # not accepted


def test_prodigy_ner_manual_shape_comes_in_as_meant(corpus, tmp_path):
    # what ner.manual / db-out writes: tokens, spans with token indices, hashes, view id, timestamps
    tokens = [{"text": w, "start": a, "end": a + len(w), "id": i, "ws": True}
              for i, (w, a) in enumerate([("Ông", 0), ("Nguyễn", 4), ("Văn", 11), ("An", 15)])]
    rec = {"text": TEXT, "_input_hash": -5, "_task_hash": 7, "tokens": tokens, "_view_id": "ner_manual",
           "spans": [{"start": 4, "end": 17, "token_start": 1, "token_end": 3, "label": "PER"}],
           "answer": "accept", "_timestamp": 1700000000, "_annotator_id": "s-lan", "_session_id": "s-lan"}
    reject = {"text": "Bộ Y tế họp tại Huế.", "spans": [{"start": 0, "end": 7, "label": "ORG"}], "answer": "reject"}
    import_paths(corpus, [jsonl(tmp_path / "m.jsonl", [rec, reject])])
    docs = {d.text: d for d in corpus.iter_documents()}
    assert spans_of(docs[TEXT]) == [(4, 17, "PER", SpanState.ACCEPTED)] and docs[TEXT].status == Status.DONE
    assert spans_of(docs["Bộ Y tế họp tại Huế."]) == [(0, 7, "ORG", SpanState.REJECTED)]


# ---------------------------------------------------------------------------------- doccano
def test_doccano_own_export_shapes_come_in(corpus, tmp_path):
    seq = {"id": 12, "text": TEXT, "label": [[4, 17, "PER"], [26, 33, "ORG"]], "Comments": []}
    rel = {"id": 13, "text": "Bộ Y tế họp tại Huế.",
           "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 7},
                        {"id": 2, "label": "LOC", "start_offset": 16, "end_offset": 19}],
           "relations": [{"id": 3, "from_id": 1, "to_id": 2, "type": "located_in"}], "Comments": []}
    report = import_paths(corpus, [jsonl(tmp_path / "all.jsonl", [seq, rel])], new_labels="add")
    assert report.added == 2, report.problems
    docs = {d.uid: d for d in corpus.iter_documents()}
    assert spans_of(docs["12"]) == [(4, 17, "PER", SpanState.ACCEPTED), (26, 33, "ORG", SpanState.ACCEPTED)]
    assert [r.label for r in docs["13"].relations] == ["located_in"]


def test_doccano_project_with_its_own_column_names(corpus, tmp_path, capsys):
    rec = {"id": 1, "column_data": TEXT, "column_label": [[4, 17, "PER"]]}
    path = jsonl(tmp_path / "custom.jsonl", [rec])
    report = import_paths(corpus, [path])
    assert report.rejected == 1 and "--text-field" in report.problems[0] and "column_data" in report.problems[0]
    db = str(tmp_path / "c2.db")
    assert main(["import", "--corpus", db, str(path), "--text-field", "column_data",
                 "--label-field", "column_label"]) == 0
    assert "imported 1 document (1 span)" in capsys.readouterr().out


# ---------------------------------------------------------------------------------- .json arrays
def test_json_array_of_mixed_shapes_and_a_broken_one(corpus, tmp_path):
    items = [{"text": TEXT, "label": [[4, 17, "PER"]]},
             {"text": "Bộ Y tế họp tại Huế.", "spans": [{"start": 0, "end": 7, "label": "ORG"}], "answer": "accept"},
             {"data": {"text": "Tin vắn ở Huế."}, "annotations": [{"result": [
                 {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
                  "value": {"start": 10, "end": 13, "text": "Huế", "labels": ["LOC"]}}]}]},
             "not an object"]
    (tmp_path / "arr.json").write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "arr.json"])
    assert report.added == 3 and report.rejected == 1
    assert re.search(r"arr\.json:\d+: not a JSON object", report.problems[0])
    (tmp_path / "bad.json").write_text('[{"text": "a"},\n {"text": ]', encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "bad.json"])
    assert report.failed_files and "bad.json:2: bad JSON" in report.problems[0]


# ---------------------------------------------------------------------------------- Label Studio
LS_TASK = {
    "id": 7, "data": {"text": TEXT}, "meta": {}, "created_at": "2024-05-01T10:00:00Z",
    "annotations": [
        {"id": 1, "completed_by": 1, "was_cancelled": False, "ground_truth": False, "lead_time": 12.5,
         "created_at": "2024-05-01T10:01:00Z", "updated_at": "2024-05-01T10:01:00Z",
         "result": [{"value": {"start": 4, "end": 17, "text": "Nguyễn Văn An", "labels": ["PER"]}, "id": "r1",
                     "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"}]},
        {"id": 2, "completed_by": 2, "was_cancelled": False, "lead_time": 3.0,
         "created_at": "2024-05-02T10:01:00Z", "updated_at": "2024-05-02T10:01:00Z",
         "result": [{"value": {"start": 4, "end": 17, "text": "Nguyễn Văn An", "labels": ["PER"]}, "id": "r1",
                     "from_name": "label", "to_name": "text", "type": "labels"},
                    {"value": {"start": 26, "end": 33, "text": "Sở Y tế", "labels": ["ORG"]}, "id": "r2",
                     "from_name": "label", "to_name": "text", "type": "labels"},
                    {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["issuer"]},
                    {"value": {"choices": ["news"]}, "id": "c", "from_name": "kind", "to_name": "text",
                     "type": "choices"}]}],
    "predictions": [{"model_version": "m1", "score": 0.7, "result": [
        {"value": {"start": 34, "end": 40, "text": "Hà Nội", "labels": ["LOC"]}, "id": "p1", "from_name": "label",
         "to_name": "text", "type": "labels"}]}],
}


def test_label_studio_export_takes_the_latest_annotation(corpus, tmp_path):
    skipped = {"data": {"text": "Bộ Y tế họp tại Huế."}, "annotations": [{"was_cancelled": True, "result": []}]}
    todo = {"data": {"text": "Tin vắn ở Hà Nội."}, "predictions": [{"result": [
        {"id": "p", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 10, "end": 16, "text": "Hà Nội", "labels": ["LOC"]}}], "score": 0.4}]}
    (tmp_path / "project.json").write_text(json.dumps([LS_TASK, skipped, todo], ensure_ascii=False), encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "project.json"], new_labels="add")
    assert report.added == 3, report.problems
    docs = {d.text: d for d in corpus.iter_documents()}
    d = docs[TEXT]
    assert d.status == Status.DONE and d.time_spent == 3.0
    assert spans_of(d) == [(4, 17, "PER", SpanState.ACCEPTED), (26, 33, "ORG", SpanState.ACCEPTED)]
    assert [r.label for r in d.relations] == ["issuer"]
    assert docs["Bộ Y tế họp tại Huế."].status == Status.SKIPPED
    assert spans_of(docs["Tin vắn ở Hà Nội."]) == [(10, 16, "LOC", SpanState.SUGGESTED)]
    assert docs["Tin vắn ở Hà Nội."].status == Status.NEW


def test_label_studio_json_min(corpus, tmp_path):
    rec = [{"id": 3, "text": TEXT, "label": [{"start": 4, "end": 17, "text": "Nguyễn Văn An", "labels": ["PER"]}],
            "annotator": 1, "annotation_id": 9, "created_at": "x", "updated_at": "x", "lead_time": 2.0}]
    (tmp_path / "min.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    import_paths(corpus, [tmp_path / "min.json"])
    assert spans_of(only(corpus)) == [(4, 17, "PER", SpanState.ACCEPTED)]


def test_label_studio_export_shape(filled_corpus, tmp_path):
    export(filled_corpus, tmp_path / "ls.json", ExportOptions(fmt="labelstudio", statuses=["done", "skipped"]))
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert [t["meta"]["doc_id"] for t in tasks] == ["d1", "d3", "d4"]
    first = tasks[0]
    regions = [r for r in first["annotations"][0]["result"] if r["type"] == "labels"]
    text = first["data"]["text"]
    assert all(text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in regions)
    assert [r["type"] for r in first["annotations"][0]["result"]].count("relation") == 1
    assert tasks[1]["annotations"][0]["was_cancelled"] is True


def test_label_studio_converter_reads_the_export(filled_corpus, tmp_path):
    converter = pytest.importorskip("label_studio_converter")
    config = ('<View><Labels name="label" toName="text"><Label value="PER"/><Label value="ORG"/>'
              '<Label value="LOC"/><Label value="MISC"/></Labels><Text name="text" value="$text"/></View>')
    export(filled_corpus, tmp_path / "ls.json", ExportOptions(fmt="labelstudio", labels=["PER", "ORG", "LOC"]))
    c = converter.Converter(config=config, project_dir=str(tmp_path))
    c.convert_to_conll2003(str(tmp_path / "ls.json"), str(tmp_path / "conll"), is_dir=False)
    out = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "conll").glob("*"))
    assert "B-PER" in out and "B-ORG" in out


# ---------------------------------------------------------------------------------- WebAnno
INCEPTION_TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue|coarseValue
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_RL=webanno.custom.Rel|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=Ông Nguyễn Văn An đến Hà Nội.
1-1\t0-3\tÔng\tN\t_\t_\t_\t_\t_\t
1-2\t4-10\tNguyễn\tNp\t_\t_\tPER[1]\t_\t_\t
1-3\t11-14\tVăn\tNp\t_\t_\tPER[1]\t_\t_\t
1-4\t15-17\tAn\tNp\t_\t_\tPER[1]\t_\t_\t
1-5\t18-21\tđến\tV\t_\t_\t_\t_\t_\t
1-6\t22-24\tHà\tNp\t_\t*[2]|*[3]\tLOC[2]|ORG[3]\tđi\\_đến\t1-2[1_2]\t
1-6.1\t22-24\tHà\t_\t_\t_\t_\t_\t_\t
1-7\t25-28\tNội\tNp\t_\t*[2]\tLOC[2]\t_\t_\t
1-8\t28-29\t.\tCH\t_\t_\t_\t_\t_\t

#Text=Tin 😀 vắn.
2-1\t30-33\tTin\tN\t_\t_\tMISC\t_\t_\t
2-2\t34-36\t😀\tX\t_\t_\t_\t_\t_\t
2-3\t37-40\tvắn\tN\t_\t_\t_\t_\t_\t
2-4\t40-41\t.\tCH\t_\t_\t_\t_\t_\t
"""


def test_webanno_file_as_inception_writes_it(corpus, tmp_path):
    path = tmp_path / "bai-1.tsv"
    path.write_text(INCEPTION_TSV, encoding="utf-8")
    report = import_paths(corpus, [path], new_labels="add")
    assert report.added == 1, report.problems
    doc = only(corpus)
    assert doc.text == "Ông Nguyễn Văn An đến Hà Nội.\nTin 😀 vắn." and doc.uid == "bai-1"
    assert spans_of(doc) == [(4, 17, "PER", SpanState.ACCEPTED), (22, 24, "ORG", SpanState.ACCEPTED),
                             (22, 28, "LOC", SpanState.ACCEPTED), (30, 33, "MISC", SpanState.ACCEPTED)]
    by_id = {s.id: (s.start, s.end) for s in doc.spans}
    assert [(by_id[r.head], by_id[r.tail], r.label) for r in doc.relations] == [((4, 17), (22, 28), "đi_đến")]


def test_webanno_reader_keeps_the_files_tokens_and_sentences():
    lines = list(enumerate(INCEPTION_TSV.splitlines(keepends=True), 1))
    [rec] = list(webanno.read(lines))
    assert rec.tokens[:2] == [(0, 3), (4, 10)] and len(rec.tokens) == 12
    assert rec.tokens[-3] == (34, 35)   # the emoji: UTF-16 34-36 is one code point
    assert rec.sentences == [(0, 29), (30, 40)]


def test_webanno_bad_files_say_why(corpus, tmp_path):
    (tmp_path / "x.tsv").write_text("id\tname\n1\ta\n", encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "x.tsv"])
    assert report.failed_files and "not a WebAnno TSV 3 file" in report.problems[0]
    (tmp_path / "y.tsv").write_text(INCEPTION_TSV.replace("1-5\t18-21\tđến", "1-5\t18-21\tđi"), encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "y.tsv"], new_labels="add")
    assert report.rejected == 1 and "y.tsv:12: token 1-5 is 'đi'" in report.problems[0]


def test_webanno_export_is_a_folder_of_documents(filled_corpus, tmp_path, capsys):
    export(filled_corpus, tmp_path / "tsv", ExportOptions(fmt="webanno"))
    files = sorted(p.name for p in (tmp_path / "tsv").iterdir())
    assert files == ["d1.tsv", "d4.tsv"]
    text = (tmp_path / "tsv" / "d1.tsv").read_text(encoding="utf-8")
    assert text.startswith("#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")
    assert "#T_RL=webanno.custom.Relation|label|BT_" in text
    with pytest.raises(ValueError, match="writes a folder"):
        export(filled_corpus, "-", ExportOptions(fmt="webanno"))


# ---------------------------------------------------------------------------------- spaCy
def test_spacy_docbin_from_spacy_itself(corpus, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    doc = nlp(TEXT)
    doc.ents = [doc.char_span(4, 17, label="PER"), doc.char_span(34, 40, label="LOC")]
    doc.spans["sc"] = [doc.char_span(26, 40, label="ORG")]
    DocBin(docs=[doc]).to_disk(tmp_path / "train.spacy")
    report = import_paths(corpus, [tmp_path / "train.spacy"])
    assert report.added == 1, report.problems
    assert spans_of(only(corpus)) == [(4, 17, "PER", SpanState.ACCEPTED), (26, 40, "ORG", SpanState.ACCEPTED),
                                      (34, 40, "LOC", SpanState.ACCEPTED)]


def test_spacy_reader_keeps_the_docs_tokens(tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from annotator.core.formats import spacy as spacy_format

    doc = spacy.blank("xx")("Hà Nội, 2024.")
    [rec] = list(spacy_format.read_bytes(DocBin(docs=[doc]).to_bytes()))
    assert rec.tokens == [(t.idx, t.idx + len(t)) for t in doc]


def test_spacy_missing_says_so_in_one_line(filled_corpus, corpus, tmp_path, monkeypatch):
    from annotator.core.formats import spacy as spacy_format

    monkeypatch.setattr(spacy_format, "_spacy", lambda: None)
    with pytest.raises(ValueError, match=r"needs spaCy.*pip install"):
        export(filled_corpus, tmp_path / "x.spacy", ExportOptions(fmt="spacy"))
    (tmp_path / "y.spacy").write_bytes(b"\x00")
    report = import_paths(corpus, [tmp_path / "y.spacy"])
    assert report.failed_files and "needs spaCy" in report.problems[0]


def test_spacy_trains_from_the_exported_docbin(filled_corpus, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.training import Example

    export(filled_corpus, tmp_path / "train.spacy", ExportOptions(fmt="spacy"))
    nlp = spacy.blank("xx")
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))
    assert sorted((e.text, e.label_) for d in docs for e in d.ents) == [
        ("Phạm Minh Chính", "PER"), ("Sở Du lịch  Đà Nẵng", "ORG"), ("UBND TP Hà Nội", "ORG"), ("Đà Nẵng", "LOC")]
    assert any(s.label_ == "DIRECTIVE" for d in docs for s in d.spans["sc"])
    spacy.util.fix_random_seed(13)
    ner = nlp.add_pipe("ner")
    for d in docs:
        for e in d.ents:
            ner.add_label(e.label_)
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    optimizer = nlp.initialize(lambda: examples)
    assert not nlp.evaluate(examples)["ents_f"]
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    assert nlp.evaluate(examples)["ents_f"] > 0.5   # it learnt the file's entities (0.75 with this seed)


def test_export_dialog_offers_the_registry_formats(qtbot, tmp_path):
    from annotator.gui.jobs import ExportDialog

    dialog = ExportDialog(tmp_path / "corpus.db")
    qtbot.addWidget(dialog)
    codes = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert tuple(codes) == registry.export_names()
    dialog.set_format("webanno")
    assert dialog.output_path() == str(tmp_path / "corpus-webanno")   # a folder, one TSV per document
    assert not dialog.level_combo.isEnabled()
    dialog.set_format("spacy")
    assert dialog.output_path().endswith("corpus-spacy.spacy")
    dialog.set_format("conll")
    assert dialog.level_combo.isEnabled()


def test_a_third_party_webanno_reader_reads_our_export(tmp_path, make_corpus):
    """web-anno-tsv (a reader of INCEpTION's NamedEntity TSV, with its own UTF-16 handling)
    finds our spans at our texts."""
    from annotator.core.model import Document, Span

    reader = pytest.importorskip("web_anno_tsv")
    corpus = make_corpus()
    text = "Ông Nguyễn Văn An 😀 đến Hà Nội.\n\nSở Y tế  Hà Nội cho biết."
    spans = [Span(4, 17, "PER", state=SpanState.ACCEPTED), Span(24, 30, "LOC", state=SpanState.ACCEPTED),
             Span(33, 48, "ORG", state=SpanState.ACCEPTED), Span(42, 48, "LOC", state=SpanState.ACCEPTED)]
    corpus.add_document(Document(text=text, title="t", status=Status.DONE, uid="bai-1", spans=spans))
    export(corpus, tmp_path / "tsv", ExportOptions(fmt="webanno"))
    found = []
    with reader.open_web_anno_tsv(str(tmp_path / "tsv" / "bai-1.tsv")) as f:
        for sentence in f:
            found += [(a.text, a.label) for a in sentence.annotations]
    assert sorted(found) == sorted((text[s.start:s.end], s.label) for s in spans)


def test_we_read_a_third_party_webanno_writers_file(corpus, tmp_path):
    """web-anno-tsv writes sub-token annotations (1-7.1) and ids from 0: both come in."""
    reader = pytest.importorskip("web_anno_tsv")
    from web_anno_tsv.web_anno_tsv import AnnotatedSentence, Annotation, Span as TsvSpan

    text = "Ông Nguyễn Văn An 😀 đến TP.HCM."
    words = [("Ông", 0), ("Nguyễn", 4), ("Văn", 11), ("An", 15), ("😀", 18), ("đến", 20), ("TP.HCM", 24), (".", 30)]
    tokens = [TsvSpan(text=w, start=a, stop=a + len(w), is_token=True) for w, a in words]
    notes = [Annotation(label="PER", text="Nguyễn Văn An", start=4, stop=17),
             Annotation(label="LOC", text="HCM", start=27, stop=30)]
    with reader.open_web_anno_tsv(str(tmp_path / "w.tsv"), "w") as f:
        f.write(AnnotatedSentence(text, tokens, notes))
    report = import_paths(corpus, [tmp_path / "w.tsv"])
    assert report.added == 1, report.problems
    doc = only(corpus)
    assert doc.text == text
    assert sorted((doc.text[s.start:s.end], s.label) for s in doc.spans) == [("HCM", "LOC"), ("Nguyễn Văn An", "PER")]


def test_label_studio_utf16_offsets_of_old_versions_are_taken_as_such(corpus, tmp_path):
    text = "😀 Ông Nguyễn Văn An 👍🏽 đến Hà Nội."
    u16 = lambda i: len(text[:i].encode("utf-16-le")) // 2  # noqa: E731
    a, b = text.index("Hà Nội"), text.index("Hà Nội") + 6
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "x", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": u16(a), "end": u16(b), "text": "Hà Nội", "labels": ["LOC"]}}]}]}
    (tmp_path / "old.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "old.json"])
    assert report.added == 1, report.problems
    assert spans_of(only(corpus)) == [(a, b, "LOC", SpanState.ACCEPTED)]


def test_token_exports_reuse_a_documents_own_tokens_cut_at_spans():
    from annotator.core.formats import aligned
    from annotator.core.formats.base import ExportDoc
    from annotator.core.model import Document, Span

    text = "Ông An ở TP.HCM, 57-NQ/TW."
    ed = ExportDoc(Document(text=text, uid="x"), [Span(12, 15, "LOC", state=SpanState.ACCEPTED)], [], {})
    default = aligned.tokens(ed)   # the shared tokenizer's, cut at the span
    assert "".join(t.text + " " * t.ws for t in default) == text
    assert {12, 15} <= {t.start for t in default} | {t.end for t in default}
    ed.tokens = [(0, 3), (4, 6), (7, 8), (9, 16), (17, 26)]     # the file's own: "TP.HCM," and "57-NQ/TW."
    got = aligned.tokens(ed)
    assert [t.text for t in got] == ["Ông", "An", "ở", "TP.", "HCM", ",", "57-NQ/TW."]   # cut at the span only
    assert "".join(t.text + " " * t.ws for t in got) == text


def test_prodigy_tokens_are_kept_on_the_record():
    from annotator.core.formats import prodigy

    rec = prodigy.parse({"text": "Hà Nội.", "tokens": [{"text": "Hà Nội", "start": 0, "end": 6, "id": 0, "ws": False},
                                                       {"text": ".", "start": 6, "end": 7, "id": 1, "ws": False}]}, 1)
    assert rec.tokens == [(0, 6), (6, 7)]


@pytest.mark.slow
def test_the_seed_articles_come_back_exactly_through_every_format_of_ours(tmp_path, make_corpus):
    """Real articles (entities, directives over them, emoji-free news text with its own
    punctuation): export → import gives the same documents and spans in every format here."""
    from pathlib import Path

    from annotator.core.markup import parse_markup
    from annotator.core.model import Document, Span

    pytest.importorskip("spacy")
    seed = Path(__file__).resolve().parents[1] / "resources" / "seed"
    source = make_corpus("seed.db")
    for path in sorted(seed.glob("*/*.txt")):
        text, spans = parse_markup(path.read_text(encoding="utf-8"))
        for s in spans:
            source.ensure_label(s.label)
        source.add_document(Document(text=text, title=path.stem, status=Status.DONE, uid=path.stem,
                                     spans=[Span(s.start, s.end, s.label, state=SpanState.ACCEPTED) for s in spans]))

    def snap(corpus):
        return {d.text: sorted((s.start, s.end, s.label) for s in d.spans) for d in corpus.iter_documents()}

    before = snap(source)
    assert len(before) >= 50 and sum(map(len, before.values())) >= 1000
    for fmt in ("prodigy", "doccano", "labelstudio", "webanno", "spacy"):
        out = tmp_path / (fmt if registry.get(fmt).folder else f"{fmt}{registry.get(fmt).extensions[0]}")
        export(source, out, ExportOptions(fmt=fmt))
        back = make_corpus(f"{fmt}.db")
        assert not import_paths(back, [out]).problems
        assert snap(back) == before, fmt


def test_spacy_training_spans_are_the_accepted_ones_only(filled_corpus, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    every = ExportOptions(fmt="spacy", statuses=["done", "new", "skipped"], states=["accepted", "suggested", "rejected"])
    export(filled_corpus, tmp_path / "all.spacy", every)
    docs = {d.user_data["annotator"]["uid"]: d
            for d in DocBin().from_disk(tmp_path / "all.spacy").get_docs(spacy.blank("xx").vocab)}
    d1 = docs["d1"]
    assert sorted(s.label_ for s in d1.spans["sc"]) == ["DIRECTIVE", "ORG", "PER"]   # not the rejected LOC, the MISC suggestion
    assert sorted(e.label_ for e in d1.ents) == ["ORG", "PER"]
    assert sorted(x[3] for x in d1.user_data["annotator"]["spans"]) == [
        "accepted", "accepted", "accepted", "rejected", "suggested"]
    assert not list(docs["d2"].spans["sc"]) and not docs["d2"].ents   # a new document's suggestions
