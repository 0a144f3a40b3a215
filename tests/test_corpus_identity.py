"""Issue 9, items 1, 2, 3 and 7: what a corpus is, what happens to files that are not one,
schema migration step 2 (ids never reused), health checks and SQLite errors as CorpusError."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.corpus_file import APPLICATION_ID
from annotator.core.model import Document, Relation, Span
from annotator.core.store import _MIGRATIONS, SCHEMA_VERSION, Corpus, CorpusError, StaleEdit

TEXT = "Thủ tướng yêu cầu UBND TP Hà Nội báo cáo trước ngày 30/6."
ALL_COMMANDS = [["stats"], ["search", "Hà"], ["export", "OUT"], ["check"], ["backup"], ["preannotate"],
                ["train"], ["import", "IN"], ["merge", "SRC"], ["restore", "SRC"], ["recover", "OUT2"]]


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def args_for(command, corpus, tmp_path):
    src = tmp_path / "src.db"
    if not src.exists():
        with Corpus(src) as c:
            c.add_document(Document(text=TEXT))
    txt = tmp_path / "in.txt"
    txt.write_text(TEXT + " Bài khác.", encoding="utf-8")
    mapping = {"OUT": str(tmp_path / "out.jsonl"), "OUT2": str(tmp_path / "rescued.db"), "IN": str(txt),
               "SRC": str(src)}
    return [mapping.get(a, a) for a in command] + ["--corpus", str(corpus)]


def foreign_with_meta(path):
    """The issue's repro: an SQLite file of another program that happens to have a table named meta."""
    conn = sqlite3.connect(path)
    conn.execute("create table meta(key, value)")
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c[0])
def test_foreign_sqlite_file_is_refused_by_every_command(tmp_path, capsys, command):
    path = tmp_path / "f.db"
    foreign_with_meta(path)
    before = digest(path)
    assert main(args_for(command, path, tmp_path)) == 1
    line = one_line(capsys.readouterr().err)
    assert "is an SQLite database of another program (tables: meta, t), not an annotator corpus" in line
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("f.db")) == ["f.db"]


@pytest.mark.parametrize("command", [c for c in ALL_COMMANDS if c[0] not in ("import", "merge", "recover",
                                                                             "restore")], ids=lambda c: c[0])
def test_empty_file_is_refused_by_commands_that_do_not_create(tmp_path, capsys, command):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    assert main(args_for(command, path, tmp_path)) == 1
    assert "empty.db is an empty file, not an annotator corpus" in one_line(capsys.readouterr().err)
    assert path.stat().st_size == 0
    assert not (tmp_path / "empty.db-wal").exists()


@pytest.mark.parametrize("command", [["import", "IN"], ["merge", "SRC"]], ids=lambda c: c[0])
def test_import_and_merge_create_a_corpus_in_an_empty_file(tmp_path, command):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    assert main(args_for(command, path, tmp_path)) == 0
    with Corpus(path, create=False, read_only=True) as c:
        assert c.count_documents() == 1
        assert c.db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_other_files_are_named(tmp_path, capsys):
    cases = {"notes.db": (b"Ghi chu cua toi\nmot dong\n", "a text file"),
             "data.db": (b'{"text": "x"}\n', "a JSON file"),
             "arch.db": (b"PK\x03\x04" + b"\x00" * 100, "a ZIP archive"),
             "rand.db": (bytes(range(256)) * 4, "a binary file")}
    for name, (data, what) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["stats", "--corpus", str(path)]) == 1
        assert f"{name} is {what}" in one_line(capsys.readouterr().err)
        assert path.read_bytes() == data
    other = tmp_path / "app.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("create table documents(x)")
    conn.commit()
    conn.close()
    assert main(["import", str(tmp_path / "notes.db"), "--corpus", str(other)]) == 1
    assert "application_id 0x4d2" in one_line(capsys.readouterr().err)


def test_fifo_and_device_given_as_corpus(tmp_path, capsys):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    assert main(["stats", "--corpus", str(fifo)]) == 1
    assert "is a named pipe (FIFO), not an annotator corpus" in one_line(capsys.readouterr().err)
    assert main(["stats", "--corpus", "/dev/zero"]) == 1
    assert "/dev/zero is a device" in one_line(capsys.readouterr().err)


def make_schema1_corpus(path):
    """A corpus as annotator wrote it before this issue: schema 1, no application_id."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    for statement in _MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO labels(name, kind, colour, key, position) VALUES ('PER','entity','#f00','1',1)")
    conn.execute("INSERT INTO labels(name, kind, colour, key, position) VALUES ('DIRECTIVE','directive','#0f0','2',2)")
    conn.execute("INSERT INTO documents(id, uid, hash, title, text, created_at, updated_at, length)"
                 " VALUES (1, 'd1', 'h1', 't', ?, 'x', 'x', 10)", (TEXT,))
    for span_id, start, end in ((3, 0, 9), (7, 18, 22), (9, 0, 10)):
        conn.execute('INSERT INTO spans(id, doc_id, start, "end", label, created_at, updated_at)'
                     " VALUES (?, 1, ?, ?, 'PER', 'x', 'x')", (span_id, start, end))
    conn.execute("INSERT INTO relations(id, doc_id, head, tail, label, created_at) VALUES (5, 1, 3, 7, 'issuer', 'x')")
    # span 12 was deleted once: its id is in the history and must never come back
    conn.execute("INSERT INTO history(at, action, target) VALUES ('x', 'delete_span', 12)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", [1, 3])
def test_schema1_corpus_is_migrated_keeping_ids_history_search_and_references(tmp_path, version):
    """Version 3: a corpus written by a build with step 3 but without step 2 (steps may land apart)."""
    path = tmp_path / "old.db"
    make_schema1_corpus(path)
    if version == 3:
        conn = sqlite3.connect(path)
        for statement in _MIGRATIONS.get(3, []):
            conn.execute(statement)
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
        conn.commit()
        conn.close()
    with Corpus(path, create=False) as c:
        conn = c.db.conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert c.meta("schema_version") == str(SCHEMA_VERSION)
        for table in ("spans", "relations"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
            assert "AUTOINCREMENT" in sql
        assert sorted(s.id for s in c.spans(1)) == [3, 7, 9]
        assert [(r.id, r.head, r.tail) for r in c.relations(1)] == [(5, 3, 7)]
        assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")} >= {
            "spans_doc", "spans_label", "relations_doc"}
        assert c.history()[0]["target"] == 12
        assert [hit[0] for hit in c.search("UBND")] == [1]
        new = c.add_span(1, Span(23, 26, "PER"))
        assert new.id == 13  # after the highest id ever used, including the deleted 12
        c.delete_span(3)  # the foreign key still cascades to the relation
        assert c.relations(1) == []
        assert c.integrity_check() == []


def test_schema1_corpus_on_a_read_only_open_is_read_as_it_is(tmp_path):
    path = tmp_path / "old.db"
    make_schema1_corpus(path)
    before = digest(path)
    with Corpus(path, create=False, read_only=True) as c:
        assert c.count_documents() == 1 and len(c.spans(1)) == 3
    assert digest(path) == before


def test_a_corpus_missing_a_table_is_damaged_for_every_command(tmp_path, capsys):
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        c.add_document(Document(text=TEXT))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DROP TABLE relations")
    conn.commit()
    conn.close()
    before = digest(path)
    assert main(["stats", "--corpus", str(path)]) == 1
    assert "is damaged (table relations missing)" in one_line(capsys.readouterr().err)
    for command in ALL_COMMANDS:
        if command[0] in ("recover", "restore"):  # they are the cure (restore moves the damaged file aside)
            continue
        code = main(args_for(command, path, tmp_path))
        assert code == 1, command
        assert "is damaged" in one_line(capsys.readouterr().err)
    assert digest(path) == before


def test_span_and_relation_ids_are_never_reused_across_sessions(tmp_path):
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        doc_id, _ = c.add_document(Document(text=TEXT, spans=[Span(0, 9, "PER"), Span(18, 22, "ORG")],
                                            relations=[Relation(0, 1, "issuer")]))
        spans = c.spans(doc_id)
        last_span = max(s.id for s in spans)
        last_rel = c.relations(doc_id)[0].id
        c.delete_span(last_span)
    with Corpus(path) as c:  # another process would see the same file
        again = c.add_span(doc_id, Span(23, 26, "LOC"))
        assert again.id > last_span
        rel = c.add_relation(doc_id, Relation(again.id, spans[0].id, "issuer"))
        assert rel.id > last_rel


def _damage(path):
    """Overwrite a few pages in the middle of a corpus (as a failing disk would)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    count = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        for page in range(count // 3, count // 3 + 4):
            f.seek(page * size + 100)
            f.write(b"\xde\xad" * 200)


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "big.db"
    with Corpus(path) as c:
        for i in range(300):
            c.add_document(Document(text=f"Bài {i}: Ủy ban tỉnh {i} yêu cầu Sở Y tế báo cáo. " + "x" * 200,
                                    spans=[Span(0, 3, "MISC")]))
    _damage(path)
    return path


def test_writers_refuse_a_damaged_corpus_and_check_and_recover_say_what_to_do(damaged, tmp_path, capsys):
    before = digest(damaged)
    txt = tmp_path / "new.txt"
    txt.write_text("Một bài mới.", encoding="utf-8")
    assert main(["import", str(txt), "--corpus", str(damaged)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "is damaged (" in line and "nothing was written" in line and "annotator recover" in line
    assert main(["backup", "--corpus", str(damaged)]) == 1
    assert "no backup was made" in one_line(capsys.readouterr().err)
    assert main(["check", "--corpus", str(damaged)]) == 1
    captured = capsys.readouterr()
    assert "is damaged" in one_line(captured.err) and captured.out.strip()
    assert digest(damaged) == before
    out = tmp_path / "rescued.db"
    assert main(["recover", "--corpus", str(damaged), str(out)]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith(f"recovered into {out}")
    with Corpus(out, create=False) as c:
        assert c.integrity_check() == []
        assert 200 <= c.count_documents() <= 300
        assert c.search("Ủy ban")
    assert digest(damaged) == before
    assert main(["recover", "--corpus", str(damaged), str(out)]) == 1  # never over an existing file
    assert "already exists" in one_line(capsys.readouterr().err)


def test_salvage_without_the_sqlite3_tool(damaged, tmp_path):
    from annotator.core.backup import recover

    report = recover(damaged, tmp_path / "salvaged.db", use_cli=False)
    assert report.method == "row-by-row salvage"
    assert report.rows["documents"] >= 200
    with Corpus(tmp_path / "salvaged.db", create=False) as c:
        assert c.integrity_check() == []
        assert all(s.doc_id in set(c.document_ids()) for d in c.document_ids()[:20] for s in c.spans(d))


def test_window_health_check_finds_damage_in_the_background(damaged, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.corpus_guard import open_for_window
    from annotator.gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "open", lambda self: None)
    corpus = open_for_window(damaged)  # opening does not wait for the check
    assert not corpus.read_only
    window = MainWindow(corpus, "lan", restore_state=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.corpus.read_only, timeout=10000)
    assert window.corpus.read_only_kind == "damaged"
    assert not window.banner.isHidden() and "damaged" in window.banner.text()
    with pytest.raises(CorpusError, match="read-only"):
        window.corpus.add_document(Document(text="Bài mới."))
    window._save_state = False
    window.close()


def test_sqlite_errors_inside_corpus_methods_become_corpus_errors(tmp_path):
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        c.add_document(Document(text=TEXT))
        c.db.conn.execute("DROP TRIGGER documents_au")
        c.db.conn.execute("DROP TABLE documents_fts")
        with pytest.raises(CorpusError) as info:
            c.search("Hà")
        assert info.value.kind == "corrupt" and "no such table" in str(info.value)
        with pytest.raises(StaleEdit) as stale:
            c.update_span(4242, label="PER")
        assert isinstance(stale.value, KeyError) and stale.value.kind == "conflict"
        assert "no longer in the corpus" in str(stale.value)


def test_unexpected_errors_are_one_line_with_a_crash_report(tmp_path, capsys, monkeypatch):
    from annotator import cli

    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    path = tmp_path / "c.db"
    Corpus(path).close()

    def boom(args):
        raise RuntimeError("something nobody expected")

    monkeypatch.setitem(cli.COMMANDS, "stats", boom)
    assert main(["stats", "--corpus", str(path)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "unexpected error (RuntimeError: something nobody expected)" in line
    reports = list((tmp_path / "logs").iterdir())
    assert len(reports) == 1 and str(reports[0]) in line
    text = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "something nobody expected" in text and "in boom" in text

    monkeypatch.setitem(cli.COMMANDS, "stats", lambda args: (_ for _ in ()).throw(sqlite3.OperationalError("x")))
    assert main(["stats", "--corpus", str(path)]) == 1
    assert "the corpus could not be used (x)" in one_line(capsys.readouterr().err)


def test_newer_corpus_is_refused_by_every_command(tmp_path, capsys):
    path = tmp_path / "c.db"
    Corpus(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = digest(path)
    for command in ALL_COMMANDS:
        if command[0] == "recover":
            continue
        assert main(args_for(command, path, tmp_path)) == 1, command
        err = capsys.readouterr().err
        assert "newer annotator" in one_line(err) or "cannot be restored" in err
    assert digest(path) == before


def test_merging_a_damaged_source_changes_neither_side(damaged, tmp_path, capsys):
    target = tmp_path / "lead.db"
    with Corpus(target) as c:
        c.add_document(Document(text=TEXT))
    before_target, before_source = digest(target), digest(damaged)
    assert main(["merge", str(damaged), "--corpus", str(target)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "damaged" in captured.err
    assert digest(damaged) == before_source
    with Corpus(target, create=False, read_only=True) as c:
        assert c.count_documents() == 1 and c.integrity_check() == []
    del before_target  # the target may be checkpointed, its content is what counts
