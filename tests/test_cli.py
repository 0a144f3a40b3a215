"""The command line end to end through annotator.cli.main (no Qt)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import FORMATS, main


@pytest.fixture(autouse=True)
def _no_user_data(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "c.db")


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.jsonl"
    recs = [
        {"text": "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng phát biểu tại hội nghị.",
         "spans": [{"start": 9, "end": 29, "label": "ORG"}, {"start": 30, "end": 46, "label": "PER"}]},
        {"text": "Bộ Y tế đề nghị các địa phương tăng cường phòng chống dịch.",
         "spans": [{"start": 0, "end": 7, "label": "ORG"}, {"start": 0, "end": 59, "label": "DIRECTIVE"}]},
        {"text": "Đà Nẵng đón khách quốc tế.", "spans": [{"start": 0, "end": 7, "label": "LOC"}]},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    return lines[0]


def test_help_exits_zero(capsys):
    for argv in (["--help"], ["import", "--help"], ["export", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 0
    assert "--as-suggestions" in capsys.readouterr().out


def test_import_then_export_every_format(db, source, tmp_path, capsys):
    assert main(["import", "--corpus", db, str(source), "--reviewer", "lan"]) == 0
    out = capsys.readouterr().out
    assert "imported 3 documents (5 spans)" in out
    for fmt in FORMATS:
        target = tmp_path / f"out-{fmt}"
        assert main(["export", "--corpus", db, str(target), "--format", fmt]) == 0, fmt
        assert target.read_text(encoding="utf-8").strip(), fmt
        assert f"as {fmt}" in capsys.readouterr().out
    first = json.loads((tmp_path / "out-native").read_text(encoding="utf-8").splitlines()[0])
    assert first["status"] == "done" and first["reviewer"] == "lan"
    assert "B-PER" in (tmp_path / "out-conll").read_text(encoding="utf-8")


def test_export_options_and_stdout(db, source, tmp_path, capsys):
    main(["import", "--corpus", db, str(source), "--as-suggestions"])
    capsys.readouterr()
    assert main(["export", "--corpus", db, "-", "--format", "native", "--status", "new", "--state", "suggested",
                 "--label", "ORG"]) == 0
    captured = capsys.readouterr()
    recs = [json.loads(x) for x in captured.out.splitlines()]
    assert len(recs) == 3 and {s["label"] for r in recs for s in r["spans"]} == {"ORG"}
    assert "exported 3 documents" in captured.err  # the summary stays off stdout
    assert main(["export", "--corpus", db, str(tmp_path / "split"), "--format", "hf", "--status", "new",
                 "--state", "suggested", "--split", "60,20,20", "--seed", "4", "--level", "syllable"]) == 0
    assert sorted(p.name for p in (tmp_path / "split").iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]


def test_stats_and_search(db, source, capsys):
    main(["import", "--corpus", db, str(source)])
    capsys.readouterr()
    assert main(["stats", "--corpus", db]) == 0
    out = capsys.readouterr().out
    assert "documents: 3" in out and "import" in out
    assert main(["stats", "--corpus", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["by_status"]["done"] == 3 and stats["spans_by_origin"] == {"import": 5}
    assert main(["search", "--corpus", db, "Đà", "Nẵng"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "[Đà] [Nẵng]" in out
    assert main(["search", "--corpus", db, "không", "có"]) == 0
    assert "no match" in capsys.readouterr().err


def test_import_problems_exit_non_zero(db, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "spans": [{"start": 0, "end": 1, "label": "NOPE"}]}\n', encoding="utf-8")
    assert main(["import", "--corpus", db, str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:1: unknown label 'NOPE'" in captured.err
    assert main(["import", "--corpus", db, str(bad), "--new-labels", "add"]) == 0
    assert main(["import", "--corpus", db, str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_failures_are_one_line(db, source, tmp_path, capsys):
    main(["import", "--corpus", db, str(source)])
    capsys.readouterr()
    assert main(["export", "--corpus", db, str(tmp_path / "x"), "--split", "abc"]) == 1
    assert one_line(capsys.readouterr().err).startswith("annotator: error: split must be")
    assert main(["export", "--corpus", db, "-", "--split", "80,20"]) == 1
    assert "folder" in one_line(capsys.readouterr().err)
    assert main(["export", "--corpus", db, str(tmp_path / "y"), "--status", "finished"]) == 1
    assert "unknown status" in one_line(capsys.readouterr().err)

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    assert main(["stats", "--corpus", str(junk)]) == 1
    assert "is not an annotator corpus or is corrupt" in one_line(capsys.readouterr().err)
    assert main(["import", "--corpus", str(junk), str(source)]) == 1
    one_line(capsys.readouterr().err)

    with pytest.raises(SystemExit) as info:
        main(["export", "--corpus", db, "out", "--format", "xml"])
    assert info.value.code == 2
