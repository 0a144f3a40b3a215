"""import → export → import into a fresh corpus gives the same corpus, per format."""

from __future__ import annotations

import json

import pytest

from annotator.core.exporter import ExportOptions, export
from annotator.core.importer import import_paths

T1 = "Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội hoàn thành trước ngày 30/6. Đồng thời, kiểm tra tiến độ."
T2 = "Bộ Y tế họp tại Huế.\n\nĐà Nẵng 👍🏽 đón khách, Sở Du lịch  Đà Nẵng cho biết."
T3 = "Tin vắn: mưa lớn ở Lào Cai."
T4 = "Một văn bản chưa có nhãn nào."


def span(text, piece, label, nth=0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "label": label, **extra}


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def roundtrip(make_corpus, tmp_path, source, fmt, options=None, import_kwargs=None):
    a = make_corpus("a.db")
    first = import_paths(a, [source], **(import_kwargs or {}))
    assert first.added and not first.problems, first.problems
    out = tmp_path / f"export.{'conll' if fmt == 'conll' else 'jsonl'}"
    export(a, out, ExportOptions(fmt=fmt, **(options or {})))
    b = make_corpus("b.db")
    second = import_paths(b, [out], **(import_kwargs or {}))
    assert second.added == first.added and not second.problems, second.problems
    return a, b


def test_native_roundtrip_keeps_everything(make_corpus, tmp_path, snapshot):
    records = [
        {"id": "d1", "text": T1, "title": "Tiêu đề", "status": "done", "reviewer": "lan", "time_spent": 30.5,
         "meta": {"url": "http://a", "tags": ["x"]},
         "spans": [dict(span(T1, "Phạm Minh Chính", "PER"), id="p"),
                   dict(span(T1, "UBND TP Hà Nội", "ORG"), id="o", origin="reviewer"),
                   dict(span(T1, "Hà Nội", "LOC"), state="rejected", origin="reviewer"),
                   dict(span(T1, "30/6", "MISC"), state="suggested", origin="model", score=0.25, attrs={"k": 1}),
                   dict(span(T1, T1[:T1.index(". ") + 1], "DIRECTIVE"), id="d")],
         "relations": [{"head": "p", "tail": "d", "label": "issuer"}, {"head": "o", "tail": "d", "label": "addressee"}]},
        {"id": "d2", "text": T2, "status": "in_progress",
         "spans": [span(T2, "Huế", "LOC"), span(T2, "Đà Nẵng", "LOC"), span(T2, "Sở Du lịch  Đà Nẵng", "ORG"),
                   span(T2, "👍🏽", "MISC", state="suggested")]},
        {"id": "d3", "text": T3, "status": "skipped", "spans": [span(T3, "Lào Cai", "LOC")]},
        {"id": "d4", "text": T4},
        {"id": "d5", "text": "Nhãn mới: COVID-19.", "status": "done", "spans": [span("Nhãn mới: COVID-19.", "COVID-19", "DISEASE")]},
    ]
    source = write(tmp_path / "in.jsonl", records)
    a, b = roundtrip(make_corpus, tmp_path, source, "native", import_kwargs={"new_labels": "add"})
    assert snapshot(a) == snapshot(b)
    assert snapshot(a)["documents"][T4]["status"] == "new"
    # every other field survives too (span and relation ids aside)
    export(a, tmp_path / "a.jsonl", ExportOptions())
    export(b, tmp_path / "b.jsonl", ExportOptions())

    def canon(path):
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            index = {s.pop("id"): i for i, s in enumerate(rec["spans"])}
            rec["relations"] = [(index[r["head"]], index[r["tail"]], r["label"], r["origin"]) for r in rec["relations"]]
            rec.pop("source")
            out.append(rec)
        return out

    assert canon(tmp_path / "a.jsonl") == canon(tmp_path / "b.jsonl")
    assert canon(tmp_path / "a.jsonl")[0]["title"] == "Tiêu đề"


def test_native_roundtrip_from_a_reviewed_corpus(filled_corpus, make_corpus, tmp_path, snapshot):
    export(filled_corpus, tmp_path / "all.jsonl", ExportOptions())
    b = make_corpus()
    assert import_paths(b, [tmp_path / "all.jsonl"]).added == 4
    assert snapshot(filled_corpus) == snapshot(b)


def test_prodigy_roundtrip(make_corpus, tmp_path, snapshot):
    records = [
        {"text": T1, "answer": "accept", "meta": {"source": "vnexpress"},
         "spans": [span(T1, "Phạm Minh Chính", "PER"), span(T1, "UBND TP Hà Nội", "ORG"),
                   span(T1, "Hà Nội", "LOC", answer="reject"),
                   span(T1, T1[:T1.index(". ") + 1], "DIRECTIVE")],
         "relations": [{"head": 3, "child": 0, "label": "issuer",
                        "head_span": span(T1, "Phạm Minh Chính", "PER"),
                        "child_span": span(T1, T1[:T1.index(". ") + 1], "DIRECTIVE")}]},
        {"text": T2, "answer": "accept",
         "spans": [span(T2, "Huế", "LOC"), span(T2, "Đà Nẵng", "LOC", 1), span(T2, "Sở Du lịch  Đà Nẵng", "ORG")]},
        {"text": T3, "answer": "ignore", "spans": [span(T3, "Lào Cai", "LOC")]},
        {"text": T4, "answer": "accept", "spans": []},
    ]
    source = write(tmp_path / "in.jsonl", records)
    a, b = roundtrip(make_corpus, tmp_path, source, "prodigy",
                     options={"statuses": ["done", "skipped"], "states": ["accepted", "rejected", "suggested"]})
    snap = snapshot(a)
    assert snap == snapshot(b)
    assert snap["documents"][T3]["status"] == "skipped"
    assert ((10, 25, "PER"), (0, 76, "DIRECTIVE"), "issuer") in snap["documents"][T1]["relations"]
    assert [d.meta for d in b.iter_documents()][0] == {"source": "vnexpress"}


def test_doccano_roundtrip(make_corpus, tmp_path, snapshot):
    records = [
        {"text": T1, "entities": [
            {"id": 1, "label": "PER", "start_offset": 10, "end_offset": 25},
            {"id": 2, "label": "ORG", "start_offset": 34, "end_offset": 48},
            {"id": 3, "label": "DIRECTIVE", "start_offset": 0, "end_offset": 76}],
         "relations": [{"id": 1, "from_id": 1, "to_id": 3, "type": "issuer"}]},
        {"id": 17, "text": T2, "label": [[0, 7, "ORG"], [16, 19, "LOC"]]},
        {"text": T3, "label": []},
    ]
    source = write(tmp_path / "in.jsonl", records)
    a, b = roundtrip(make_corpus, tmp_path, source, "doccano")
    assert snapshot(a) == snapshot(b)
    assert sorted(d.uid for d in b.iter_documents())[0] == "17"


CONLL = """-DOCSTART-\tO

Chủ_tịch\tO
UBND\tB-ORG
tỉnh\tI-ORG
Quảng_Ninh\tI-ORG
Nguyễn_Văn_Thắng\tB-PER
phát_biểu\tO
tại\tO
hội_nghị\tO
.\tO

Bộ_trưởng\tO
Bộ\tB-ORG
Y_tế\tI-ORG
đề_nghị\tO
các\tO
địa_phương\tO
tăng_cường\tO
phòng_chống\tO
dịch_bệnh\tO
,\tO
nhất_là\tO
tại\tO
Hà_Nội\tB-LOC
và\tO
Thành_phố\tB-LOC
Hồ_Chí_Minh\tI-LOC
.\tO

-DOCSTART-\tO

Theo\tO
Thông_tấn_xã\tB-ORG
Việt_Nam\tI-ORG
(\tO
TTXVN\tB-ORG
)\tO
,\tO
đoàn\tO
công_tác\tO
của\tO
Liên_hợp_quốc\tB-ORG
đã\tO
đến\tO
Đà_Nẵng\tB-LOC
.\tO

"""


def test_conll_roundtrip(make_corpus, tmp_path, snapshot):
    source = tmp_path / "in.conll"
    source.write_text(CONLL, encoding="utf-8")
    a, b = roundtrip(make_corpus, tmp_path, source, "conll")
    snap = snapshot(a)
    assert snap == snapshot(b)
    texts = sorted(snap["documents"])
    assert texts[1].startswith("Theo Thông tấn xã Việt Nam (TTXVN), đoàn")
    # the export writes back what was read
    assert (tmp_path / "export.conll").read_text(encoding="utf-8") == CONLL


def test_conll_syllable_roundtrip(make_corpus, tmp_path, snapshot):
    source = tmp_path / "in.conll"
    source.write_text(CONLL, encoding="utf-8")
    a = make_corpus("a.db")
    import_paths(a, [source])
    export(a, tmp_path / "s.conll", ExportOptions(fmt="conll", level="syllable"))
    b = make_corpus("b.db")
    assert import_paths(b, [tmp_path / "s.conll"]).added == 2
    assert snapshot(a) == snapshot(b)


def conll_to_hf(conll_text, level="word", prefix="bai"):
    """The CoNLL text above as hf lines (ids PREFIX1-0, PREFIX1-1, ...); at syllable level each
    ``_``-joined word is cut into syllables (B-X then I-X)."""
    out = []
    for d, block in enumerate(conll_text.split("-DOCSTART-\tO\n\n")[1:], 1):
        for n, sentence in enumerate(block.strip("\n").split("\n\n")):
            tokens, tags = [], []
            for row in sentence.splitlines():
                token, tag = row.split("\t")
                parts = token.split("_") if level == "syllable" else [token]
                for k, part in enumerate(parts):
                    tokens.append(part)
                    tags.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
            out.append(json.dumps({"id": f"{prefix}{d}-{n}", "tokens": tokens, "ner_tags": tags},
                                  ensure_ascii=False) + "\n")
    return "".join(out)


@pytest.mark.parametrize("level", ["word", "syllable"])
def test_hf_roundtrip(make_corpus, tmp_path, snapshot, level):
    source = tmp_path / "in.jsonl"
    source.write_text(conll_to_hf(CONLL, level), encoding="utf-8")
    a, b = roundtrip(make_corpus, tmp_path, source, "hf", options={"level": level})
    snap = snapshot(a)
    assert snap == snapshot(b)
    assert [d["status"] for d in snap["documents"].values()] == ["done", "done"]
    assert all(state == "accepted" for d in snap["documents"].values() for *_, state in d["spans"])
    texts = sorted(snap["documents"])
    assert texts[1].startswith("Theo Thông tấn xã Việt Nam (TTXVN), đoàn")
    # the sentence ids give the documents their uids back, and the export writes back what was read
    assert sorted(d.uid for d in b.iter_documents()) == ["bai1", "bai2"]
    assert (tmp_path / "export.jsonl").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    # same text and spans as the CoNLL reader makes of the same sentences
    c = make_corpus("c.db")
    (tmp_path / "same.conll").write_text(CONLL, encoding="utf-8")
    import_paths(c, [tmp_path / "same.conll"])
    assert snapshot(c) == snap


def test_hf_roundtrip_from_a_reviewed_corpus(filled_corpus, make_corpus, tmp_path, snapshot):
    """Arbitrary stored text: hf keeps what CoNLL keeps (entities at word boundaries, done documents)."""
    export(filled_corpus, tmp_path / "a.jsonl", ExportOptions(fmt="hf"))
    export(filled_corpus, tmp_path / "a.conll", ExportOptions(fmt="conll"))
    via_hf, via_conll = make_corpus("hf.db"), make_corpus("conll.db")
    first = import_paths(via_hf, [tmp_path / "a.jsonl"])
    assert first.added == 2 and not first.problems, first.problems
    import_paths(via_conll, [tmp_path / "a.conll"])
    assert snapshot(via_hf)["documents"] == snapshot(via_conll)["documents"]
    assert sorted(d.uid for d in via_hf.iter_documents()) == ["d1", "d4"]
    export(via_hf, tmp_path / "b.jsonl", ExportOptions(fmt="hf"))
    again = make_corpus("again.db")
    import_paths(again, [tmp_path / "b.jsonl"])
    assert snapshot(again) == snapshot(via_hf)
