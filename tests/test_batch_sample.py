"""annotator sample: least certain first, by label, spread over entity profiles; output imports as suggestions."""

from __future__ import annotations

import json

import pytest

from annotator.batch.sample import kmeans, profile, sample
from annotator.cli import main
from annotator.core.store import Corpus


def _record(i, confidence, names=(("LOC", "Hà Nội"),)):
    """A tagged document whose text holds the given (label, name) entities; ``i`` makes it unique."""
    text, spans = f"Bài {i}:", []
    for label, name in names:
        text += " "
        spans.append({"id": len(spans) + 1, "start": len(text), "end": len(text) + len(name), "label": label,
                      "text": name, "origin": "crf:test", "state": "suggested", "score": confidence, "attrs": {}})
        text += name
    text += "."
    return {"id": f"d{i}", "text": text, "title": text, "meta": {"confidence": confidence}, "status": "new",
            "source": "archive", "spans": spans, "relations": [], "reviewer": None, "time_spent": 0.0}


def _write(path, records, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _picked(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_uncertainty_picks_the_least_certain_first(tmp_path, capsys):
    shards = tmp_path / "tagged"
    shards.mkdir()
    confidences = [0.9, 0.31, 0.75, 0.2, 0.95, 0.5, 0.31, 0.88, 0.6, 0.99, 0.45, 0.7]
    records = [_record(i, c) for i, c in enumerate(confidences)]
    _write(shards / "part-00000.jsonl", records[:6], ["{broken", "[]"])
    _write(shards / "part-00001.jsonl", records[6:], ['{"text": "no spans"}'])
    (shards / ".part-00002.jsonl.tmp").write_text("{half", encoding="utf-8")  # an unfinished shard: ignored
    out = tmp_path / "review.jsonl"
    assert main(["sample", str(shards), "--n", "4", "--by", "uncertainty", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    picked = _picked(out)
    # 0.2, then the two 0.31 in input order, then 0.45
    assert [p["id"] for p in picked] == ["d3", "d1", "d6", "d10"]
    assert [p["meta"]["sample"] for p in picked] == [{"by": "uncertainty", "rank": r} for r in (1, 2, 3, 4)]
    assert "picked 4 of 12 documents" in captured.out
    problems = [line for line in captured.err.splitlines() if line.startswith("annotator:")]
    assert len(problems) == 3 and "Traceback" not in captured.err
    assert any("part-00000.jsonl:7: bad JSON" in line for line in problems)
    assert any("part-00001.jsonl:7: not a tagged document" in line for line in problems)
    # more than there is: everything, least certain first
    sample([shards], out, n=100)
    assert [p["meta"]["confidence"] for p in _picked(out)] == sorted(confidences)


def test_sample_imports_as_suggestions(tmp_path):
    shards = tmp_path / "part-00000.jsonl"
    _write(shards, [_record(i, c, (("PER", "Nguyễn Văn An"), ("ORG", "Bộ Y tế"))) for i, c in
                    enumerate([0.8, 0.4, 0.6])])
    out = tmp_path / "review.jsonl"
    sample([shards], out, n=2)
    db = tmp_path / "review.db"
    assert main(["--corpus", str(db), "import", "--as-suggestions", str(out)]) == 0
    with Corpus(db) as corpus:
        docs = list(corpus.iter_documents())
        assert sorted(d.uid for d in docs) == ["d1", "d2"]
        for doc in docs:
            assert doc.status.value == "new"
            assert doc.meta["sample"]["by"] == "uncertainty"
            assert sorted((doc.text[s.start:s.end], s.label, s.state.value) for s in doc.spans) == [
                ("Bộ Y tế", "ORG", "suggested"), ("Nguyễn Văn An", "PER", "suggested")]


def test_label_picks_documents_with_that_label(tmp_path):
    shards = tmp_path / "part-00000.jsonl"
    records = [_record(0, 0.3, (("LOC", "Huế"),)), _record(1, 0.9, (("MISC", "SEA Games"),)),
               _record(2, 0.5, (("MISC", "Tết"), ("LOC", "Huế"))), _record(3, 0.95, (("PER", "Lan"),))]
    records[2]["spans"][0]["score"] = 0.4  # its MISC span is the least certain MISC
    _write(shards, records)
    out = tmp_path / "misc.jsonl"
    report = sample([shards], out, n=5, by="label:MISC")
    assert [p["id"] for p in _picked(out)] == ["d2", "d1"] and report.picked == 2


def test_diversity_spreads_over_entity_profiles(tmp_path):
    groups = {
        "sport": (("MISC", "SEA Games"), ("LOC", "Thái Lan")),
        "health": (("ORG", "Bộ Y tế"), ("PER", "Trần Văn Thuấn")),
        "weather": (("ORG", "Trung tâm Dự báo khí tượng thủy văn quốc gia"), ("LOC", "Bắc Bộ")),
    }
    records = []
    i = 0
    for name, names in groups.items():
        # many sport articles, all less certain: uncertainty alone would pick only sport
        for k in range(12 if name == "sport" else 4):
            conf = (0.1 if name == "sport" else 0.6) + k / 100
            records.append(_record(i, conf, names))
            records[-1]["group"] = name
            i += 1
    _write(tmp_path / "part-00000.jsonl", records)
    out = tmp_path / "diverse.jsonl"
    report = sample([tmp_path], out, n=3, by="diversity", clusters=3)
    picked = _picked(out)
    assert sorted(p["group"] for p in picked) == ["health", "sport", "weather"]
    assert report.clusters == 3
    # least certain within each cluster; the biggest cluster first
    assert picked[0]["group"] == "sport" and picked[0]["meta"]["confidence"] == 0.1
    assert {p["meta"]["sample"]["cluster"] for p in picked} == {0, 1, 2}
    sample([tmp_path], tmp_path / "again.jsonl", n=3, by="diversity", clusters=3)
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()  # deterministic
    sample([tmp_path], tmp_path / "uncertain.jsonl", n=3)
    assert {p["group"] for p in _picked(tmp_path / "uncertain.jsonl")} == {"sport"}


def test_profiles_and_kmeans():
    a = profile(_record(0, 0.5, (("LOC", "Huế"),)))
    b = profile(_record(1, 0.5, (("LOC", "huế"),)))
    c = profile(_record(2, 0.5, (("PER", "Lan"),)))
    assert a == b and a != c
    assert abs(sum(w * w for w in a.values()) - 1.0) < 1e-9
    assert profile({"text": "x", "spans": []}) == {}
    centres = kmeans([a, b, c, c], 5)
    assert len(centres) == 2  # only two distinct profiles


def test_bad_by_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["sample", str(tmp_path), "--by", "random", "--out", str(tmp_path / "x.jsonl")])
    assert "uncertainty, diversity or label:X" in capsys.readouterr().err
    assert main(["sample", str(tmp_path / "none"), "--out", str(tmp_path / "x.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "no tagged shards to sample from" in err and "Traceback" not in err
