"""Issue 9, items 9 and 10: export never replaces a file without --force (the window asks) and
honours the umask; rotating online backups (window close, every N minutes of editing,
`annotator backup`) and `annotator restore`."""

from __future__ import annotations

import os
import stat
import time

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from annotator.cli import main
from annotator.core.backup import backup_dir, list_backups, make_backup
from annotator.core.model import Document, Span, Status
from annotator.core.store import Corpus

TEXT = "Ông Nguyễn Văn An làm việc tại Hà Nội."


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "corpus.db"
    with Corpus(p) as c:
        for i in range(3):
            doc_id, _ = c.add_document(Document(text=f"{TEXT} Bài {i}.", spans=[Span(4, 17, "PER")]))
            c.set_status(doc_id, Status.DONE, who="lan")
    return p


def test_export_refuses_to_replace_a_file_without_force(path, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("precious", encoding="utf-8")
    assert main(["export", "--corpus", str(path), str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"annotator: error: {out} already exists; nothing was written (--force replaces it)"
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["export", "--corpus", str(path), str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 3
    split = tmp_path / "split"
    assert main(["export", "--corpus", str(path), str(split), "--split", "50,50", "--format", "conll"]) == 0
    capsys.readouterr()
    assert main(["export", "--corpus", str(path), str(split), "--split", "50,50", "--format", "conll"]) == 1
    assert "train.conll" in capsys.readouterr().err


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_honour_the_umask(path, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert main(["export", "--corpus", str(path), str(tmp_path / "out.jsonl")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.jsonl").stat().st_mode) == mode


class Window(QMainWindow):
    def __init__(self, corpus_path):
        super().__init__()
        self.corpus_path = str(corpus_path)
        self.reviewer = "lan"
        self.statusBar()

    def refresh_documents(self):
        pass


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_the_window_asks_before_an_export_replaces_a_file(path, tmp_path, qtbot, monkeypatch, answer):
    from annotator.gui import jobs

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    window = Window(path)
    qtbot.addWidget(window)
    out = tmp_path / "out.jsonl"
    out.write_text("precious", encoding="utf-8")
    dialog = jobs.start_export(window)
    dialog.set_format("native")
    dialog.set_output_path(out)
    dialog.accept()
    assert len(asked) == 1 and str(out) in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert dialog.task is None and out.read_text(encoding="utf-8") == "precious"
        return
    qtbot.waitUntil(lambda: dialog.task.state in ("done", "failed"), timeout=30000)
    assert dialog.task.state == "done" and out.read_text(encoding="utf-8") != "precious"


def test_backup_command_rotates_and_restore_puts_a_backup_back(path, tmp_path, capsys):
    for _ in range(4):
        assert main(["backup", "--corpus", str(path), "--keep", "3"]) == 0
    backups = list_backups(path)
    assert len(backups) == 3 and all(b.parent == backup_dir(path) == tmp_path / "corpus-backups" for b in backups)
    capsys.readouterr()
    assert main(["backup", "--list", "--corpus", str(path)]) == 0
    assert capsys.readouterr().out.split() == [str(b) for b in backups]
    with Corpus(path) as c:  # work after the backup...
        c.delete_document(c.document_ids()[0])
        c.add_document(Document(text="Một bài viết sau bản sao lưu."))
    assert main(["restore", str(backups[-1]), "--corpus", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"restored {backups[-1]} into {path}; its previous state is in ")
    with Corpus(path, create=False) as c:  # ...is undone, and the corpus is a healthy corpus again
        assert c.count_documents() == 3 and not c.search("sao lưu") and c.integrity_check() == []
    before_restore = out.rsplit(" ", 1)[1].strip()
    with Corpus(before_restore, create=False, read_only=True) as c:
        assert c.search("sao lưu")


def test_restore_moves_a_damaged_corpus_aside(path, tmp_path, capsys):
    make_backup(Corpus(path, read_only=True))
    backup = list_backups(path)[-1]
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)  # destroyed
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"corpus.db{suffix}").unlink(missing_ok=True)
    assert main(["restore", str(backup), "--corpus", str(path)]) == 0
    with Corpus(path, create=False) as c:
        assert c.count_documents() == 3
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_restore_refuses_a_backup_that_is_not_a_healthy_corpus(path, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_text("not a backup", encoding="utf-8")
    before = path.read_bytes()
    assert main(["restore", str(bad), "--corpus", str(path)]) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_the_window_backs_up_while_editing_and_when_it_closes(path, qtbot):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(Corpus(path), "lan", restore_state=False)
    qtbot.addWidget(window)
    assert list_backups(path) == []
    window.auto_backup.tick()  # nothing edited yet: no backup
    assert window.auto_backup.made == 0
    window.session.create_span(30, 36, "LOC")
    window.auto_backup.tick()  # what the timer does every N minutes
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10000)
    with Corpus(list_backups(path)[0], create=False, read_only=True) as backup:
        assert any(s.label == "LOC" for d in backup.document_ids() for s in backup.spans(d))
    time.sleep(0.01)
    window.session.create_span(4, 7, "PER")
    window._save_state = False
    window.close()
    assert len(list_backups(path)) == 2


def test_recover_from_backup_and_check_of_a_healthy_corpus(path, tmp_path, capsys):
    assert main(["check", "--corpus", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: ok"
    assert main(["recover", "--from-backup", "--corpus", str(path), str(tmp_path / "r.db")]) == 1
    assert "no healthy backup" in capsys.readouterr().err
    assert main(["backup", "--corpus", str(path)]) == 0
    capsys.readouterr()
    out = tmp_path / "rescued.db"
    assert main(["recover", "--from-backup", "--corpus", str(path), str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"recovered into {out} (backup corpus-")
    with Corpus(out, create=False, read_only=True) as c:
        assert c.count_documents() == 3
