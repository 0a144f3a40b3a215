"""The window snaps a reviewer's selection to the units the engine tags and the exports write."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from annotator.core.exporter import ExportOptions, export
from annotator.core.model import Document, Status
from annotator.core.store import Corpus
from annotator.nlp.text import syllables as engine_syllables
from test_gui_window_support import at, db_spans, gui_settings, key, open_window, select_text  # noqa: F401

TEXT = "Nghị quyết 57-NQ/TW, giá 1.000,5 đồng ở Tp. Hồ Chí Minh; ông Nguyễn Văn A. Vui 👍🏻 nhé."
# (what the reviewer drags over, what the span must become)
SELECTIONS = [("Q/T", "NQ/TW"), ("000", "1.000,5"), ("p", "Tp."), ("guyễn Văn A.", "Nguyễn Văn A"), ("👍", "👍🏻")]


def test_window_spans_are_engine_units_and_exported_as_they_are(open_window, tmp_path, qtbot):
    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        doc_id, _ = corpus.add_document(Document(text=TEXT))
    win = open_window(path)
    win.show_document(doc_id)
    for dragged, _ in SELECTIONS:
        a, b = at(TEXT, dragged)
        select_text(win, a, b)
        key(qtbot, win, Qt.Key.Key_1)
    got = [TEXT[r[1]:r[2]] for r in db_spans(path, doc_id)]
    assert got == [want for _, want in SELECTIONS]
    engine = {(t.start, t.end) for t in engine_syllables(TEXT)}
    starts, ends = {a for a, _ in engine}, {b for _, b in engine}
    assert all(r[1] in starts and r[2] in ends for r in db_spans(path, doc_id))
    win.close()
    with Corpus(path) as corpus:
        corpus.set_status(doc_id, Status.DONE)
        export(corpus, tmp_path / "p.jsonl", ExportOptions(fmt="prodigy"))
        export(corpus, tmp_path / "s.conll", ExportOptions(fmt="conll", level="syllable"))
    rec = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    tokens = rec["tokens"]
    assert ["".join(t["text"] + " " * t["ws"] for t in tokens[s["token_start"]:s["token_end"] + 1]).strip()
            for s in rec["spans"]] == got
    rows = [line.split("\t") for line in (tmp_path / "s.conll").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("-DOCSTART-")]
    entities, current = [], None
    for token, tag in rows:
        if tag.startswith("B-"):
            current = [token]
            entities.append(current)
        elif tag.startswith("I-"):
            current.append(token)
    assert [" ".join(e) for e in entities] == ["NQ / TW", "1.000,5", "Tp.", "Nguyễn Văn A", "👍🏻"]
