"""The command line end to end through annotator.cli.main (no Qt)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.formats import registry


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


# every command and flag the issues and README name, spelled exactly so
HELP = {
    (): ["--corpus", "--smoke-test"],
    ("import",): ["--corpus", "--as-suggestions", "--new-labels"],
    ("export",): ["--corpus", "--format", "--status", "--label", "--reviewer", "--state", "--split", "--seed"],
    ("merge",): ["--corpus", "--conflicts", "--dry-run"],
    ("stats",): ["--corpus"],
    ("search",): ["--corpus"],
    ("train",): ["--corpus", "--conll"],
    ("preannotate",): ["--corpus", "--only", "{new,all}"],
}


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "annotator")
def test_help_exits_zero_and_names_the_flags(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: annotator {' '.join(command)}".rstrip())
    for flag in HELP[command]:
        assert flag in out, flag


def test_import_then_export_every_format(db, source, tmp_path, capsys):
    assert main(["import", "--corpus", db, str(source), "--reviewer", "lan"]) == 0
    out = capsys.readouterr().out
    assert "imported 3 documents (5 spans)" in out
    for fmt in registry.export_names():
        target = tmp_path / f"out-{fmt}"
        assert main(["export", "--corpus", db, str(target), "--format", fmt]) == 0, fmt
        if fmt == "hf":
            files = [target / "train.jsonl"]   # hf: a dataset folder
        else:
            files = sorted(target.iterdir()) if target.is_dir() else [target]   # webanno: a file per document
        assert files and all(f.read_bytes().strip() for f in files), fmt
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
    assert sorted(p.name for p in (tmp_path / "split").iterdir()) == ["README.md", "dev.jsonl", "test.jsonl",
                                                                             "train.jsonl"]


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


def test_commands_that_read_a_corpus_refuse_a_missing_one(tmp_path, capsys):
    """A mistyped --corpus is an error, not a new empty corpus that reports 0 documents."""
    missing = tmp_path / "typo.db"
    for argv in (["stats"], ["search", "Huế"], ["export", str(tmp_path / "out.jsonl")], ["train"],
                 ["preannotate", "--only", "new"]):
        assert main([*argv, "--corpus", str(missing)]) == 1, argv
        assert one_line(capsys.readouterr().err) == f"annotator: error: corpus file {missing} does not exist"
        assert not missing.exists(), argv
    assert not (tmp_path / "out.jsonl").exists()


def test_newer_corpus_and_non_utf8_file_fail_in_one_line(db, source, tmp_path, capsys):
    import sqlite3

    main(["import", "--corpus", db, str(source)])
    capsys.readouterr()
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Tin\nCà phê Buôn Ma Thuot".encode("cp1258"))  # a legacy Vietnamese code page
    assert main(["import", "--corpus", db, str(legacy)]) == 1
    captured = capsys.readouterr()
    assert one_line(captured.err).startswith(f"{legacy}:2: file is not UTF-8 text")
    assert "1 file failed" in captured.out

    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    for argv in (["stats"], ["import", str(source)], ["export", "-"]):
        assert main([*argv, "--corpus", db]) == 1
        line = one_line(capsys.readouterr().err)
        assert line.startswith("annotator: error: corpus ") and "newer annotator" in line, line


def test_export_to_a_folder_and_unknown_labels_are_refused(db, source, tmp_path, capsys):
    main(["import", "--corpus", db, str(source)])
    capsys.readouterr()
    assert main(["export", "--corpus", db, str(tmp_path)]) == 1
    assert "is a folder" in one_line(capsys.readouterr().err)
    assert main(["export", "--corpus", db, "-", "--label", "PER", "--label", "ORGG"]) == 1
    assert one_line(capsys.readouterr().err).startswith("annotator: error: no such label: ORGG")


def test_a_closed_stdout_is_not_reported_as_an_error(db, source, capsys, monkeypatch):
    main(["import", "--corpus", db, str(source)])
    capsys.readouterr()

    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["export", "--corpus", db, "-"]) == 141
    assert capsys.readouterr().err == ""


def test_long_work_draws_a_progress_bar_on_stderr_only(db, source, tmp_path, capsys, monkeypatch):
    """The bar appears once work has lasted a second (a fake clock makes every step look slow)."""
    import types

    from annotator.core import progress

    clock = {"now": 0.0}

    def monotonic():
        clock["now"] += 0.4
        return clock["now"]

    monkeypatch.setattr(progress, "time", types.SimpleNamespace(monotonic=monotonic))
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"Tin {i}\nUBND tỉnh Nghệ An họp phiên thứ {i}.", encoding="utf-8")
    assert main(["import", "--corpus", db, str(source), str(folder)]) == 0
    captured = capsys.readouterr()
    assert "\rimport [" in captured.err and captured.err.endswith("\n") and "[" not in captured.out
    assert main(["export", "--corpus", db, "-", "--format", "native"]) == 0
    captured = capsys.readouterr()
    assert "\rexport native [##############################] 7/7" in captured.err
    assert all(line.startswith("{") for line in captured.out.splitlines())  # stdout stays pure JSONL


def test_quick_work_draws_no_bar():
    import io

    from annotator.core.progress import StderrProgress

    stream = io.StringIO()
    bar = StderrProgress(stream)
    bar.start(3, "import")
    for _ in range(3):
        bar.advance()
    bar.finish()
    assert stream.getvalue() == ""


def test_a_long_step_keeps_the_bar_alive_and_finish_ends_it_once():
    """Training has one long step with no advance: the heartbeat redraws the bar with the elapsed time."""
    import io
    import time

    from annotator.core.progress import StderrProgress

    stream = io.StringIO()
    bar = StderrProgress(stream, delay=0.05, heartbeat=0.05)
    bar.start(4, "training")
    bar.advance()
    time.sleep(0.4)  # the long step: no advance() at all
    drawn = stream.getvalue().count("\rtraining [")
    assert drawn >= 3, stream.getvalue()
    bar.finish()
    bar.finish()
    assert stream.getvalue().endswith("\n") and stream.getvalue().count("\n") == 1
    after = stream.getvalue()
    time.sleep(0.15)
    assert stream.getvalue() == after, "the heartbeat stops with finish()"
