"""Issue 9, items 4 and 8: every imported field validated per record, the summary always
printed (also after a full disk), folder import stays in the folder, special files refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.core.importer import import_paths
from annotator.core.store import Corpus, CorpusError

TEXT = "Bộ Y tế yêu cầu các tỉnh báo cáo số ca mắc mới."


def jsonl(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def nested(depth, leaf=1):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


BAD_RECORDS = [
    ('{"text": "A1 bài một.", "spans": [], "time_spent": NaN}', "time_spent must be a finite number"),
    ('{"text": "A2 bài hai.", "spans": [], "time_spent": Infinity}', "time_spent must be a finite number"),
    ('{"text": "A3 bài ba.", "spans": [], "time_spent": ' + "9" * 400 + "}", "time_spent 9999"),
    ('{"text": "A4 bài bốn.", "spans": [], "time_spent": -5}', "time_spent must be a finite number"),
    ('{"text": "A5 bài năm.", "spans": [{"start": 0, "end": 2, "label": "PER", "score": ' + "9" * 400 + "}]}",
     "score 9999"),
    ('{"text": "A6 bài sáu.", "spans": [{"start": 0, "end": 2, "label": "PER", "score": NaN}]}',
     "score must be a finite number"),
    (json.dumps({"text": "A7 bài bảy.", "spans": [{"id": nested(900), "start": 0, "end": 2, "label": "PER"}]}),
     "span id must be a string or a number"),
    (json.dumps({"text": "A8 bài tám.", "id": nested(900)}), "id must be a string or a number"),
    (json.dumps({"text": "A9 bài chín.", "spans": [{"start": 0, "end": 2, "label": "P\u0001ER"}]}),
     "contains control characters"),
    (json.dumps({"text": "B1 bài \u0000 mười.", "spans": []}), "NUL character"),
    (json.dumps({"text": "B2 bài.", "meta": {"a": nested(100)}, "spans": []}), "nested more than"),
    (json.dumps({"text": "B3 bài.", "title": "t" * 20000, "spans": []}), "title too long"),
    (json.dumps({"text": "B4 bài.", "spans": [], "meta": {"n": 2 ** 70}}), "integer too large"),
    (json.dumps({"text": "B5 bài.", "label": [[0, 2, "PER"]], "relations": [{"from_id": 0, "to_id": 0,
                                                                              "type": nested(900, "x")}]}),
     "relation type must be a string or a number"),
]


@pytest.mark.parametrize("line, reason", BAD_RECORDS, ids=[r[1][:20] for r in BAD_RECORDS])
def test_a_bad_field_rejects_that_record_only(tmp_path, capsys, line, reason):
    good_before = {"text": "Trước: " + TEXT, "spans": [{"start": 7, "end": 14, "label": "ORG"}]}
    good_after = {"text": "Sau: " + TEXT, "spans": []}
    path = jsonl(tmp_path / "in.jsonl", [good_before, line, good_after])
    second = jsonl(tmp_path / "second.jsonl", [{"text": "Tệp thứ hai."}])
    corpus = tmp_path / "c.db"
    assert main(["import", str(path), str(second), "--corpus", str(corpus), "--new-labels", "add"]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    problems = [line for line in captured.err.splitlines() if line.strip()]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: ") and reason in problems[0], problems
    assert "imported 3 documents" in captured.out and "1 record rejected" in captured.out
    with Corpus(corpus, create=False, read_only=True) as c:
        assert c.count_documents() == 3
        assert c.integrity_check() == []


def test_import_summary_after_a_full_disk(tmp_path, monkeypatch, capsys):
    """A full disk is simulated with SQLite's max_page_count: the same SQLITE_FULL error."""
    corpus = tmp_path / "c.db"
    Corpus(corpus).close()
    files = []
    for i in range(6):
        path = tmp_path / f"f{i}.txt"
        path.write_text(f"Bài {i}. " + ("Ủy ban nhân dân tỉnh yêu cầu báo cáo. " * 60 * (1 + 10 * (i == 3))),
                        encoding="utf-8")
        files.append(path)
    original = Corpus._check_and_migrate

    def limited(self, version):
        original(self, version)
        pages = self.db.conn.execute("PRAGMA page_count").fetchone()[0]
        self.db.conn.execute(f"PRAGMA max_page_count = {pages + 12}")

    monkeypatch.setattr(Corpus, "_check_and_migrate", limited)
    assert main(["import", *map(str, files), "--corpus", str(corpus)]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[0].startswith("imported 3 documents (0 spans) from 4 files") and "1 file failed" in out[0]
    assert out[1] == f"import stopped: the disk holding corpus {corpus} is full; free some space and try again"
    assert out[2] == f"committed (3 files, kept in the corpus): {files[0]}, {files[1]}, {files[2]}"
    assert out[3] == f"failed (nothing from it was stored): {files[3]}"
    assert out[4] == f"not attempted (2): {files[4]}, {files[5]}"
    assert captured.err.strip().endswith("is full; free some space and try again")
    monkeypatch.undo()
    with Corpus(corpus, create=False) as c:
        assert c.count_documents() == 3 and c.integrity_check() == []


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root to mount a small tmpfs")
def test_import_summary_on_a_really_full_tmpfs(tmp_path, capsys):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("mount not permitted here")
    try:
        corpus = disk / "c.db"
        Corpus(corpus).close()
        folder = tmp_path / "in"
        folder.mkdir()
        for i in range(30):
            (folder / f"{i:02d}.txt").write_text(f"Bài {i}. " + "Ủy ban nhân dân tỉnh yêu cầu báo cáo. " * 400,
                                                 encoding="utf-8")
        assert main(["import", str(folder), "--corpus", str(corpus)]) == 1
        out = capsys.readouterr().out
        assert "import stopped: the disk holding corpus" in out and "committed (" in out
        assert "not attempted (" in out and "failed (nothing from it was stored)" in out
        with Corpus(corpus, create=False, read_only=True) as c:
            assert c.integrity_check() == []
    finally:
        subprocess.run(["umount", str(disk)])


def test_folder_import_does_not_follow_links_out_of_the_folder(tmp_path, capsys):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "passwd.txt")
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # a link inside the folder is fine (same file)
    (folder / "sub" / "dirlink").symlink_to(outside, target_is_directory=True)
    corpus = tmp_path / "c.db"
    assert main(["import", str(folder), "--corpus", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert f"{folder / 'link.txt'}: a link to {outside / 'passwd.txt'}, outside the folder; skipped" in captured.err
    with Corpus(corpus, create=False, read_only=True) as c:
        assert [c.document(i).text for i in c.document_ids()] == [TEXT]
    assert main(["import", str(folder), "--corpus", str(corpus), "--follow-links"]) == 0
    with Corpus(corpus, create=False, read_only=True) as c:
        assert c.count_documents() == 2


def test_special_files_are_refused_by_name(tmp_path, capsys):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    folder = tmp_path / "dir"
    folder.mkdir()
    os.mkfifo(folder / "in-folder.txt")
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    corpus = tmp_path / "c.db"
    assert main(["import", str(fifo), "/dev/zero", str(folder), "--corpus", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert f"{fifo}: is a named pipe (FIFO), not a file; refused" in err
    assert "/dev/zero: is a device, not a file; refused" in err
    assert f"{folder / 'in-folder.txt'}: is a named pipe (FIFO), not a file; refused" in err
    with Corpus(corpus, create=False, read_only=True) as c:
        assert c.count_documents() == 1


def test_only_the_corpus_class_runs_sql():
    """The Corpus class (core/store.py) is the only place that runs SQL: the importer's writer,
    the exporter, merges and the window all go through its methods (which map SQLite errors)."""
    import re
    from pathlib import Path

    import annotator

    root = Path(annotator.__file__).parent
    pattern = re.compile(r"\.execute\(|executemany\(|sqlite3\.connect\(|\.db\.conn|\.db\.query\(|\.db\[")
    offenders = [f"{path.relative_to(root)}:{n}" for path in sorted(root.rglob("*.py")) if path.name != "store.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_import_into_a_locked_corpus_waits_then_says_who_holds_it(tmp_path, capsys, monkeypatch):
    corpus = tmp_path / "c.db"
    Corpus(corpus).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys,time\nfrom annotator.core.store import Corpus\n"
                               f"c = Corpus({str(corpus)!r})\nprint('ready', flush=True)\nsys.stdin.readline()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        txt = tmp_path / "a.txt"
        txt.write_text(TEXT, encoding="utf-8")
        monkeypatch.setenv("ANNOTATOR_LOCK_WAIT", "0.3")
        assert main(["import", str(txt), "--corpus", str(corpus)]) == 1
        line = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
        assert len(line) == 1 and "is being edited by annotator on" in line[0]
        assert f"(process {holder.pid}, since " in line[0]
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)
    with Corpus(corpus, read_only=True) as c, pytest.raises(CorpusError, match="read-only") as info:
        import_paths(c, [tmp_path / "a.txt"])
    assert info.value.report.failed_files == [str(tmp_path / "a.txt")]
