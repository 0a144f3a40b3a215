"""What each export format writes, default filters, explicit filters, split and stdout."""

from __future__ import annotations

import json

import pytest

from annotator.core.exporter import ExportOptions, export, parse_split
from annotator.core.model import Document, Span, SpanState, Status
from annotator.core.tokens import tokenize


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def run(corpus, tmp_path, name="out.jsonl", **options):
    out = tmp_path / name
    report = export(corpus, out, ExportOptions(**options))
    return out, report


def test_fixture_offsets(filled_corpus):
    got = {d.uid: [(d.text[s.start:s.end], s.label) for s in d.spans] for d in filled_corpus.iter_documents()}
    assert got["d1"] == [
        ("Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội hoàn thành trước ngày 30/6.", "DIRECTIVE"),
        ("Phạm Minh Chính", "PER"), ("UBND TP Hà Nội", "ORG"), ("Hà Nội", "LOC"), ("30/6", "MISC")]
    assert got["d4"] == [("Đà Nẵng", "LOC"), ("Sở Du lịch  Đà Nẵng", "ORG")]


def test_native_exports_everything(filled_corpus, tmp_path):
    out, report = run(filled_corpus, tmp_path, fmt="native")
    recs = lines(out)
    assert [r["id"] for r in recs] == ["d1", "d2", "d3", "d4"]
    assert report.documents == 4 and report.spans == 10
    d1 = recs[0]
    assert set(d1) >= {"id", "text", "title", "meta", "status", "spans", "relations", "reviewer", "time_spent"}
    assert d1["status"] == "done" and d1["reviewer"] == "lan" and d1["title"] == "Thủ tướng"
    states = sorted((s["label"], s["state"]) for s in d1["spans"])
    assert states == [("DIRECTIVE", "accepted"), ("LOC", "rejected"), ("MISC", "suggested"), ("ORG", "accepted"),
                      ("PER", "accepted")]
    for s in d1["spans"]:
        assert set(s) == {"id", "start", "end", "label", "text", "origin", "state", "score", "attrs"}
        assert d1["text"][s["start"]:s["end"]] == s["text"]
    [rel] = d1["relations"]
    by_id = {s["id"]: s["label"] for s in d1["spans"]}
    assert (by_id[rel["head"]], by_id[rel["tail"]], rel["label"]) == ("PER", "DIRECTIVE", "issuer")
    assert recs[3]["meta"] == {"url": "http://x"}


def test_training_formats_default_to_accepted_spans_of_done_documents(filled_corpus, tmp_path):
    out, report = run(filled_corpus, tmp_path, fmt="doccano")
    recs = lines(out)
    assert [r["id"] for r in recs] == ["d1", "d4"]
    assert sorted(e["label"] for e in recs[0]["entities"]) == ["DIRECTIVE", "ORG", "PER"]
    assert report.spans == 5


def test_filters(filled_corpus, tmp_path):
    out, _ = run(filled_corpus, tmp_path, fmt="native", statuses=["new"])
    assert [r["id"] for r in lines(out)] == ["d2"]
    out, _ = run(filled_corpus, tmp_path, fmt="native", statuses=[Status.NEW])  # enums work too
    assert [r["id"] for r in lines(out)] == ["d2"]
    out, _ = run(filled_corpus, tmp_path, fmt="native", states=[SpanState.SUGGESTED])
    assert sorted(s["label"] for r in lines(out) for s in r["spans"]) == ["LOC", "MISC", "ORG"]
    out, _ = run(filled_corpus, tmp_path, fmt="native", states=["suggested"])
    assert sorted(s["label"] for r in lines(out) for s in r["spans"]) == ["LOC", "MISC", "ORG"]
    out, _ = run(filled_corpus, tmp_path, fmt="native", labels=["PER", "DIRECTIVE"])
    d1 = lines(out)[0]
    assert sorted(s["label"] for s in d1["spans"]) == ["DIRECTIVE", "PER"] and len(d1["relations"]) == 1
    out, _ = run(filled_corpus, tmp_path, fmt="native", labels=["PER"])
    assert lines(out)[0]["relations"] == []  # a relation needs both its spans
    out, _ = run(filled_corpus, tmp_path, fmt="prodigy", reviewer="minh")
    assert [r["meta"]["doc_id"] for r in lines(out)] == ["d4"]
    out, _ = run(filled_corpus, tmp_path, fmt="prodigy", statuses=["done", "skipped"], states=["accepted", "rejected"])
    recs = lines(out)
    assert [r["answer"] for r in recs] == ["accept", "ignore", "accept"]  # a skipped document: Prodigy's ignore
    assert [s.get("answer") for s in recs[0]["spans"] if s["label"] == "LOC"] == ["reject"]


def test_bad_options(filled_corpus, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        run(filled_corpus, tmp_path, fmt="xml")
    with pytest.raises(ValueError, match="split"):
        run(filled_corpus, tmp_path, split="80,x")
    with pytest.raises(ValueError, match="split"):
        run(filled_corpus, tmp_path, split="100")
    with pytest.raises(ValueError, match="status"):
        run(filled_corpus, tmp_path, statuses=["finished"])
    with pytest.raises(ValueError, match="state"):
        run(filled_corpus, tmp_path, states=["maybe"])
    with pytest.raises(ValueError, match="label"):
        run(filled_corpus, tmp_path, labels=["NOPE"])
    with pytest.raises(ValueError, match="folder"):
        export(filled_corpus, "-", ExportOptions(split="80,20"))
    assert parse_split("80,10,10") == [0.8, 0.1, 0.1]
    assert not list(tmp_path.glob("*.jsonl")) and not list(tmp_path.glob(".*.tmp"))


def test_prodigy_tokens_rebuild_text_and_align(filled_corpus, tmp_path):
    out, _ = run(filled_corpus, tmp_path, fmt="prodigy", statuses=["done", "new", "skipped"],
                 states=["accepted", "suggested", "rejected"])
    recs = lines(out)
    assert len(recs) == 4
    for rec in recs:
        toks = rec["tokens"]
        assert "".join(t["text"] + (" " if t["ws"] else "") for t in toks) == rec["text"]
        assert [t["id"] for t in toks] == list(range(len(toks)))
        for t in toks:
            assert rec["text"][t["start"]:t["end"]] == t["text"]
        for s in rec["spans"]:
            assert toks[s["token_start"]]["start"] == s["start"]
            assert toks[s["token_end"]]["end"] == s["end"]
    d4 = recs[3]
    texts = [t["text"] for t in d4["tokens"]]
    # as in spaCy: the blank line is one token, the second space of "lịch  Đà" another
    assert "\n\n" in texts and " " in texts
    extra = texts.index(" ")
    assert texts[extra - 1:extra + 2] == ["lịch", " ", "Đà"] and d4["tokens"][extra - 1]["ws"] is True
    assert texts.count("👍🏽") == 1
    d1 = recs[0]
    [rel] = d1["relations"]
    assert rel["label"] == "issuer" and rel["head_span"]["label"] == "PER" and rel["child_span"]["label"] == "DIRECTIVE"
    assert d1["meta"] == {"doc_id": "d1", "title": "Thủ tướng"}


def test_tokenizer_spacy_whitespace_rules():
    toks = tokenize("a  b\nc , d.")
    assert [(t.text, t.ws) for t in toks] == [("a", True), (" ", False), ("b", False), ("\n", False), ("c", True),
                                               (",", True), ("d", False), (".", False)]
    assert [(t.text, t.ws) for t in tokenize(" TP.HCM, 57-NQ/TW")] == [
        (" ", False), ("TP.HCM", False), (",", True), ("57", False), ("-", False), ("NQ", False), ("/", False),
        ("TW", False)]  # the engine's syllables (one segmentation everywhere)
    # splitting at span boundaries, including one that starts on a space
    toks = tokenize("Hà Nội đẹp", [(1, 2), (2, 3)])
    assert [(t.text, t.ws) for t in toks] == [("H", False), ("à", False), (" ", False), ("Nội", True), ("đẹp", False)]


def test_doccano_shapes(filled_corpus, tmp_path):
    out, _ = run(filled_corpus, tmp_path, fmt="doccano")
    d1, d4 = lines(out)
    assert set(d1) == {"id", "text", "entities", "relations"}
    ents = {e["id"]: e for e in d1["entities"]}
    [rel] = d1["relations"]
    assert ents[rel["from_id"]]["label"] == "PER" and ents[rel["to_id"]]["label"] == "DIRECTIVE"
    assert rel["type"] == "issuer"
    assert d4 == {"id": "d4", "text": d4["text"], "label": [[0, 7, "LOC"], [22, 41, "ORG"]]}


def test_conll_word_level(filled_corpus, tmp_path):
    out, report = run(filled_corpus, tmp_path, "out.conll", fmt="conll")
    text = out.read_text(encoding="utf-8")
    blocks = text.split("-DOCSTART-\tO\n\n")
    assert blocks[0] == "" and len(blocks) == 3
    rows = [line.split("\t") for line in blocks[1].splitlines() if line]
    tags = dict((tok, tag) for tok, tag in rows)
    assert tags["Phạm_Minh_Chính"] == "B-PER"
    assert tags["UBND"] == "B-ORG" and tags["Hà_Nội"] == "I-ORG"
    assert all(not tag.endswith("DIRECTIVE") for _, tag in rows)
    assert "\n\n" in blocks[1].rstrip("\n")  # two sentences
    assert report.details["sentences"] >= 3
    # everything written is either O or a well-formed B/I sequence
    prev = "O"
    for tok, tag in rows:
        assert " " not in tok
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:]
        prev = tag


def test_conll_syllable_level_and_snapping(corpus, tmp_path):
    text = "Chủ tịch Nguyễn Văn An thăm Quảng Ninh."
    # a span that cuts the word "Quảng Ninh" and one that covers part of a syllable-level word
    corpus.add_document(Document(text=text, status=Status.DONE, spans=[
        Span(9, 22, "PER"), Span(28, 33, "LOC")]))
    out, report = run(corpus, tmp_path, "w.conll", fmt="conll")
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[2:] if line]
    # the word "Quảng Ninh" is cut at the span's end: the span is written as it is, not widened
    assert ["Quảng", "B-LOC"] in rows and ["Ninh", "O"] in rows
    assert not any("widened" in k or "dropped" in k for k in report.details)
    out, report = run(corpus, tmp_path, "s.conll", fmt="conll", level="syllable")
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[2:] if line]
    assert rows[:6] == [["Chủ", "O"], ["tịch", "O"], ["Nguyễn", "B-PER"], ["Văn", "I-PER"], ["An", "I-PER"],
                        ["thăm", "O"]]
    assert rows[6:9] == [["Quảng", "B-LOC"], ["Ninh", "O"], [".", "O"]]
    assert not any("widened" in k or "dropped" in k for k in report.details)


def test_conll_overlapping_entities_keep_the_first(corpus, tmp_path):
    corpus.add_document(Document(text="Sở Y tế Hà Nội họp.", status=Status.DONE, spans=[
        Span(0, 14, "ORG"), Span(8, 14, "LOC")]))
    out, report = run(corpus, tmp_path, "o.conll", fmt="conll", level="syllable")
    tags = [line.split("\t")[1] for line in out.read_text(encoding="utf-8").splitlines()[2:] if line]
    assert tags == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert report.details["overlapping entities not written (BIO has one layer)"] == 1


def test_hf_lines(filled_corpus, tmp_path):
    out, report = run(filled_corpus, tmp_path, fmt="hf")
    recs = lines(out)
    assert all(set(r) == {"id", "tokens", "ner_tags"} for r in recs)
    assert all(len(r["tokens"]) == len(r["ner_tags"]) for r in recs)
    assert recs[0]["id"] == "d1-0"
    assert {t for r in recs for t in r["ner_tags"]} <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}
    assert report.lines == len(recs) == report.details["sentences"]


def test_directives(filled_corpus, tmp_path):
    out, report = run(filled_corpus, tmp_path, fmt="directives")
    recs = lines(out)
    d1 = [r for r in recs if r["doc_id"] == "d1"]
    assert [r["label"] for r in d1] == ["directive", "other"]
    text = filled_corpus.document(1).text
    assert all(text[r["start"]:r["end"]] == r["text"] for r in d1)
    assert report.details["directive"] == 1


def test_directive_needs_most_of_a_sentence(corpus, tmp_path):
    text = "Đề nghị các sở khẩn trương triển khai. Ngày mai trời mưa. Bộ trưởng giao Sở Y tế chủ trì."
    a = text.index("Ngày")
    b = text.index("Bộ")
    corpus.add_document(Document(text=text, status=Status.DONE, spans=[
        Span(0, a - 3, "DIRECTIVE"),            # most of sentence 1
        Span(a, a + 4, "DIRECTIVE"),            # a small part of sentence 2
        Span(b, len(text), "DIRECTIVE", state=SpanState.SUGGESTED)]))  # not accepted
    out, _ = run(corpus, tmp_path, fmt="directives")
    assert [r["label"] for r in lines(out)] == ["directive", "other", "other"]


def test_split_is_reproducible_and_disjoint(corpus, tmp_path):
    for i in range(60):
        corpus.add_document(Document(text=f"Bài số {i}.", status=Status.DONE, uid=f"u{i:03d}"))
    a = export(corpus, tmp_path / "a", ExportOptions(fmt="doccano", split="80,10,10", seed=1))
    again = export(corpus, tmp_path / "b", ExportOptions(fmt="doccano", split="80,10,10", seed=1))
    c = export(corpus, tmp_path / "c", ExportOptions(fmt="doccano", split="80,10,10", seed=2))
    assert a.parts == again.parts == {"train": 48, "dev": 6, "test": 6}
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    for name in ("train", "dev", "test"):
        assert (tmp_path / "a" / f"{name}.jsonl").read_bytes() == (tmp_path / "b" / f"{name}.jsonl").read_bytes()
    ids = {name: {r["id"] for r in lines(tmp_path / "a" / f"{name}.jsonl")} for name in ("train", "dev", "test")}
    assert sum(map(len, ids.values())) == 60 and len(set().union(*ids.values())) == 60
    other = {r["id"] for r in lines(tmp_path / "c" / "test.jsonl")}
    assert other != ids["test"]
    assert "train 48" in a.summary() and c.parts["train"] == 48


def test_split_does_not_depend_on_insertion_order(make_corpus, tmp_path):
    one, two = make_corpus("one.db"), make_corpus("two.db")
    for i in range(20):
        one.add_document(Document(text=f"Bài {i}", status=Status.DONE, uid=f"u{i}"))
    for i in reversed(range(20)):
        two.add_document(Document(text=f"Bài {i}", status=Status.DONE, uid=f"u{i}"))
    export(one, tmp_path / "a", ExportOptions(fmt="hf", split="50,50", seed=3, level="syllable"))
    export(two, tmp_path / "b", ExportOptions(fmt="hf", split="50,50", seed=3, level="syllable"))
    for name in ("train", "dev"):
        got_a = sorted(r["id"] for r in lines(tmp_path / "a" / f"{name}.jsonl"))
        got_b = sorted(r["id"] for r in lines(tmp_path / "b" / f"{name}.jsonl"))
        assert got_a == got_b


def test_split_conll_suffix(filled_corpus, tmp_path):
    export(filled_corpus, tmp_path / "s", ExportOptions(fmt="conll", split="50,50"))
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["dev.conll", "train.conll"]


def test_stdout(filled_corpus, capsys):
    report = export(filled_corpus, "-", ExportOptions(fmt="native", statuses=["skipped"]))
    out = capsys.readouterr().out
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["d3"]
    assert report.files == []


def test_failed_export_leaves_no_file(filled_corpus, tmp_path, monkeypatch):
    from annotator.core.formats import native

    def boom(ed):
        raise RuntimeError("disk full")

    (tmp_path / "keep.jsonl").write_text("old", encoding="utf-8")
    monkeypatch.setattr(native, "record", boom)
    with pytest.raises(RuntimeError):
        export(filled_corpus, tmp_path / "keep.jsonl", ExportOptions())
    assert (tmp_path / "keep.jsonl").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db" and "corpus" not in p.name) == [
        "keep.jsonl"]
