"""Issue 9, items 5 and 6: read-only corpora are readable everywhere and writing says why not;
one writer per corpus (lock with host, pid and time; stale locks; a second window is read-only
with a banner); an edit of a span deleted elsewhere gives a clear message and a reload."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from contextlib import contextmanager

import pytest

from annotator.cli import main
from annotator.core.model import Document, Span
from annotator.core.store import Corpus, CorpusError
from annotator.core.writer_lock import lock_path, read_holder

TEXT = "Thủ tướng yêu cầu UBND TP Hà Nội báo cáo trước ngày 30/6."
READ_COMMANDS = [["stats"], ["search", "Hà"], ["export", "OUT"], ["check"]]


def make(path, n=3):
    with Corpus(path) as c:
        for i in range(n):
            c.add_document(Document(text=f"Bài {i}. {TEXT}", spans=[Span(0, 3, "MISC")]))


def one_line(err):
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("pre-annotating [")]
    assert len(lines) == 1, err
    return lines[0]


@contextmanager
def read_only_mount(tmp_path):
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a tmpfs read-only")
    disk = tmp_path / "mnt"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("mount not permitted here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)])


def remount_ro(disk):
    assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0


@pytest.mark.parametrize("with_wal", [False, True], ids=["closed cleanly", "edits still in the WAL"])
def test_corpus_on_a_read_only_mount_is_readable_and_writing_says_why(tmp_path, capsys, with_wal):
    with read_only_mount(tmp_path) as disk:
        path = disk / "c.db"
        make(path)
        if with_wal:  # a corpus copied while a writer had edits in its -wal file (no -shm beside it)
            c = Corpus(path)
            c.db.conn.execute("PRAGMA wal_autocheckpoint=0")
            c.add_document(Document(text="Bài trong WAL: Sở Y tế báo cáo."))
            shutil.copy(path, disk / "copy.db")
            shutil.copy(str(path) + "-wal", disk / "copy.db-wal")
            c.close()
            path = disk / "copy.db"
        remount_ro(disk)
        expected = 4 if with_wal else 3
        for command in READ_COMMANDS:
            args = [str(tmp_path / "out.jsonl") if a == "OUT" else a for a in command]
            assert main([*args, "--corpus", str(path), *(["--force"] if command[0] == "export" else [])]) == 0
            capsys.readouterr()
        assert main(["stats", "--json", "--corpus", str(path)]) == 0
        assert json.loads(capsys.readouterr().out)["documents"] == expected
        txt = tmp_path / "a.txt"
        txt.write_text("Một bài mới.", encoding="utf-8")
        assert main(["import", str(txt), "--corpus", str(path)]) == 1
        assert "is read-only (it is on a read-only file system (mount)); nothing was written" in one_line(
            capsys.readouterr().err)
        with Corpus(path) as c:
            assert c.read_only and c.read_only_kind == "mount"


def test_wal_corpus_in_a_folder_without_write_permission(tmp_path, capsys, monkeypatch):
    """A read-only folder (as for a user without rights; root ignores permissions, so simulated)."""
    path = tmp_path / "c.db"
    make(path)
    from annotator.core import corpus_file

    monkeypatch.setattr(corpus_file.os, "access", lambda p, mode: str(p) != str(tmp_path))
    assert main(["preannotate", "--corpus", str(path)]) == 1
    assert "is read-only (its folder is read-only); nothing was written" in one_line(capsys.readouterr().err)
    assert main(["stats", "--corpus", str(path)]) == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_read_only_file(tmp_path, capsys):
    path = tmp_path / "c.db"
    make(path)
    os.chmod(path, 0o444)
    try:
        assert main(["stats", "--corpus", str(path)]) == 0
        capsys.readouterr()
        txt = tmp_path / "a.txt"
        txt.write_text("Một bài mới.", encoding="utf-8")
        assert main(["import", str(txt), "--corpus", str(path)]) == 1
        assert "(the file is read-only)" in one_line(capsys.readouterr().err)
    finally:
        os.chmod(path, 0o644)


HOLD = ("import sys\nfrom annotator.core.store import Corpus\nc = Corpus(sys.argv[1])\n"
        "print('ready', flush=True)\nsys.stdin.readline()\n")


@contextmanager
def held(path):
    """Another process writing to the corpus (holds its writer lock until released)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        if proc.poll() is None:
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(10)


def test_lock_file_names_host_pid_and_time_and_is_removed_at_close(tmp_path):
    path = tmp_path / "c.db"
    with held(path) as proc:
        info = json.loads(lock_path(path).read_text())
        assert info["host"] == socket.gethostname() and info["pid"] == proc.pid and info["since"]
        holder = read_holder(path)
        assert holder is not None and holder.pid == proc.pid
        with pytest.raises(CorpusError, match=f"process {proc.pid}") as error:
            Corpus(path, lock_wait=0.2)
        assert error.value.kind == "locked"
        with Corpus(path, read_only=True) as reader:  # readers are never locked out
            assert reader.count_documents() == 0
    assert not lock_path(path).exists()
    Corpus(path).close()


def test_a_killed_writer_leaves_a_stale_lock_that_is_taken_over(tmp_path):
    path = tmp_path / "c.db"
    make(path)
    with held(path) as proc:
        proc.kill()
        proc.wait(10)
        assert lock_path(path).exists()  # kill -9 leaves the file...
        assert read_holder(path) is None  # ...but nobody holds it
        with Corpus(path) as c:
            c.add_document(Document(text="Sau khi tiến trình kia bị dừng."))
            assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()


def test_a_lock_from_another_host_is_held_until_it_is_stale(tmp_path, monkeypatch):
    from annotator.core import writer_lock

    path = tmp_path / "c.db"
    make(path)
    lock_path(path).write_text(json.dumps({"host": "other-machine", "pid": 1, "since": "2026-01-01T00:00:00+00:00"}))
    with pytest.raises(CorpusError, match="annotator on other-machine"):
        Corpus(path)
    monkeypatch.setattr(writer_lock, "STALE_AFTER", -1.0)  # its holder stopped refreshing it
    Corpus(path).close()


def test_cli_writer_waits_a_bounded_time_then_says_who(tmp_path, capsys, monkeypatch):
    path = tmp_path / "c.db"
    make(path)
    txt = tmp_path / "a.txt"
    txt.write_text("Một bài mới.", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_LOCK_WAIT", "0.5")
    with held(path) as proc:
        for command in (["import", str(txt)], ["preannotate"], ["merge", str(txt)]):
            assert main([*command, "--corpus", str(path)]) == 1
            line = one_line(capsys.readouterr().err)
            assert f"is being edited by annotator on {socket.gethostname()} (process {proc.pid}, since" in line
        assert main(["stats", "--corpus", str(path)]) == 0  # reading is fine
    assert main(["import", str(txt), "--corpus", str(path)]) == 0


def test_second_window_opens_read_only_with_a_banner_naming_the_holder(tmp_path, qtbot):
    from annotator.gui.corpus_guard import open_for_window
    from annotator.gui.main_window import MainWindow

    path = tmp_path / "c.db"
    make(path)
    with held(path) as proc:
        corpus = open_for_window(path)
        assert corpus.read_only and corpus.read_only_kind == "locked"
        window = MainWindow(corpus, "lan", restore_state=False)
        qtbot.addWidget(window)
        assert not window.banner.isHidden()
        assert f"process {proc.pid}" in window.banner.text() and socket.gethostname() in window.banner.text()
        assert "read-only" in window.windowTitle()
        before = [s.label for s in corpus.spans(window.current_document_id)]
        window.keys.apply_label("PER")
        window.session.create_span(4, 6, "PER")
        assert [s.label for s in corpus.spans(window.current_document_id)] == before
        window._save_state = False
        window.close()


def test_editing_a_span_deleted_elsewhere_says_so_and_reloads(tmp_path, qtbot):
    from annotator.gui.main_window import MainWindow

    path = tmp_path / "c.db"
    make(path, 1)
    window = MainWindow(Corpus(path), "lan", restore_state=False)
    qtbot.addWidget(window)
    doc_id = window.current_document_id
    span_id = window.session.spans.spans()[0].id
    window.session.select(span_id)
    messages = []
    window.session.message.connect(messages.append)
    with Corpus(path) as other:  # another session (same process here) deletes it
        other.delete_span(span_id)
    window.keys.apply_label("PER")  # relabel the selected span
    assert messages and "changed or deleted in another window or program" in messages[-1]
    assert "43" not in messages[-1] and "reloaded" in messages[-1]
    assert window.session.spans.get(span_id) is None  # the view shows what the corpus holds
    assert window.corpus.spans(doc_id) == []
    window._save_state = False
    window.close()


def test_unexpected_error_in_the_window_is_a_dialog_and_a_crash_report(tmp_path, qapp, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui import crash_dialog

    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    try:
        raise ZeroDivisionError("a slot divided by zero")
    except ZeroDivisionError as exc:
        crash_dialog.handle(type(exc), exc, exc.__traceback__)
    reports = list((tmp_path / "logs").iterdir())
    assert len(reports) == 1 and "ZeroDivisionError: a slot divided by zero" in reports[0].read_text()
    assert len(shown) == 1 and str(reports[0]) in shown[0] and "Traceback" not in shown[0]
    assert one_line(capsys.readouterr().err).startswith("annotator: error: unexpected error (ZeroDivisionError")


def test_stats_window_reads_a_corpus_another_process_writes(tmp_path, qtbot):
    from annotator.gui.stats_view import StatsDialog

    path = tmp_path / "c.db"
    make(path)
    with held(path):
        dialog = StatsDialog(str(path))
        qtbot.addWidget(dialog)
        dialog.refresh()
        assert dialog.error is None and dialog.stats["documents"] == 3
