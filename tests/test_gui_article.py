"""The article view driven like a reviewer: select, press keys, check what SQLite holds."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat

from annotator.core.store import Corpus
from annotator.core.text import normalize
from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    DOC3,
    at,
    db_rows,
    db_spans,
    gui_settings,
    key,
    news,
    nfd_with_emoji,
    open_window,
    select_text,
    window,
)

K = Qt.Key
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def spans_by_label(path, doc_id, label):
    return [row for row in db_spans(path, doc_id) if row[3] == label]


def test_label_key_creates_accepted_reviewer_span_snapped_to_syllables(window, news, qtbot):
    doc = news.ids[0]
    a, b = at(DOC1, "Nguyễn Văn An")
    window.session.delete(window.session.spans.find(a, b, "PER").id)  # start from no PER span
    select_text(window, a + 2, b - 1)  # "uyễn Văn A": cuts both edge syllables
    key(qtbot, window, K.Key_1)
    rows = spans_by_label(news.path, doc, "PER")
    assert [(r[1], r[2], r[4], r[5]) for r in rows] == [(a, b, "reviewer", "accepted")]
    assert DOC1[rows[0][1]:rows[0][2]] == "Nguyễn Văn An"
    assert window.session.selected_id == rows[0][0]
    assert not window.view.textCursor().hasSelection()


def test_selection_with_trailing_punctuation_and_space_is_trimmed(window, news, qtbot):
    a, b = at(DOC3, "Tiên Yên")
    window.show_document(news.ids[2])
    select_text(window, a - 1, b + 2)  # " Tiên Yên. "
    key(qtbot, window, K.Key_3)
    assert [(r[1], r[2], r[3]) for r in db_spans(news.path, news.ids[2])] == [(a, b, "LOC")]


def test_nfd_text_with_emoji_stores_code_points_on_nfc(open_window, tmp_path, qtbot):
    raw, target = nfd_with_emoji()
    path = tmp_path / "emoji.db"
    article = tmp_path / "tin-nong.txt"
    article.write_bytes(("\ufeff" + raw.replace("\n", "\r\n")).encode("utf-8"))  # NFD, BOM, CRLF
    from annotator.core.importer import import_paths

    with Corpus(path) as corpus:
        report = import_paths(corpus, [article])  # the real import: BOM, CRLF and NFD normalised
        assert report.added == 1 and not report.problems, report.problems
        (doc_id,) = corpus.document_ids()
    win = open_window(path)
    win.show_document(doc_id)
    text = win.session.spans.text
    assert text == normalize(raw)[0]  # stored NFC, without the BOM
    a, b = at(text, target)
    assert win.view.toPlainText() == text
    select_text(win, a, b)
    selected = win.view.textCursor().selectedText()
    assert selected == target
    # the view counts UTF-16 units: the emoji before the name make them differ
    assert win.view.textCursor().selectionStart() > a
    key(qtbot, win, K.Key_1)
    rows = db_spans(path, doc_id)
    assert [(r[1], r[2], r[3]) for r in rows] == [(a, b, "PER")]
    stored = db_rows(path, "SELECT text FROM documents WHERE id=?", doc_id)[0][0]
    assert stored[rows[0][1]:rows[0][2]] == selected
    # round trip: the span is highlighted exactly over the name
    block = win.view.document().firstBlock()
    formats = [f for f in block.layout().formats() if f.format.background().style() != Qt.BrushStyle.NoBrush]
    u16 = win.session.spans.u16
    assert [(f.start, f.length) for f in formats] == [(u16.to_utf16(a), u16.to_utf16(b) - u16.to_utf16(a))]


def test_label_key_on_selected_span_relabels_it(window, news, qtbot):
    a, b = at(DOC1, "Sở Y tế Hà Nội")
    span = window.session.spans.find(a, b, "ORG")
    window.session.select(span.id)
    key(qtbot, window, K.Key_3)
    row = [r for r in db_spans(news.path, news.ids[0]) if r[0] == span.id][0]
    assert (row[1], row[2], row[3], row[5]) == (a, b, "LOC", "accepted")
    # nothing else was created
    assert len(db_spans(news.path, news.ids[0])) == 4


def test_resize_by_keyboard(window, news, qtbot):
    a, b = at(DOC1, "Nguyễn Văn An")
    span = window.session.spans.find(a, b, "PER")
    window.session.select(span.id)

    def bounds():
        row = [r for r in db_spans(news.path, news.ids[0]) if r[0] == span.id][0]
        return DOC1[row[1]:row[2]]

    key(qtbot, window, K.Key_Right, ALT_SHIFT)
    assert bounds() == "Nguyễn Văn An chủ"
    key(qtbot, window, K.Key_Left, ALT_SHIFT)
    key(qtbot, window, K.Key_Left, ALT_SHIFT)
    assert bounds() == "Nguyễn Văn"
    key(qtbot, window, K.Key_Up, ALT_SHIFT)
    assert bounds() == "tịch Nguyễn Văn"
    key(qtbot, window, K.Key_Down, ALT_SHIFT)
    key(qtbot, window, K.Key_Down, ALT_SHIFT)
    assert bounds() == "Văn"
    key(qtbot, window, K.Key_Down, ALT_SHIFT)  # never empties the span
    assert bounds() == "Văn"
    assert [r[5] for r in db_spans(news.path, news.ids[0]) if r[0] == span.id] == ["accepted"]


def test_enter_accepts_and_x_rejects(window, news, qtbot):
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    org = window.session.spans.find(*at(DOC1, "Ủy ban nhân dân thành phố Hà Nội"), "ORG")
    window.session.select(per.id)
    key(qtbot, window, K.Key_Return)
    window.session.select(org.id)
    key(qtbot, window, K.Key_X)
    states = {r[0]: r[5] for r in db_spans(news.path, news.ids[0])}
    assert states[per.id] == "accepted"
    assert states[org.id] == "rejected"
    # a rejected span is no longer painted
    block = window.view.document().findBlock(window.view.to_utf16(org.start))
    rel = window.view.to_utf16(org.start) - block.position()
    painted = [f for f in block.layout().formats() if f.start <= rel < f.start + f.length]
    assert not painted


def test_delete_key_removes_span(window, news, qtbot):
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    window.session.select(per.id)
    key(qtbot, window, K.Key_Delete)
    assert per.id not in [r[0] for r in db_spans(news.path, news.ids[0])]
    assert window.session.spans.get(per.id) is None


def test_tab_cycles_spans_inner_entity_first(window, news, qtbot):
    # a document opens on its first suggestion to review, so the first key already decides it
    seen = [window.session.selected.label]
    for _ in range(4):
        key(qtbot, window, K.Key_Tab)
        seen.append(window.session.selected.label)
    # reading order by start: the directive starts before the ORG inside it; then wraps around
    assert seen == ["ORG", "PER", "DIRECTIVE", "ORG", "ORG"]
    assert window.session.selected.start == at(DOC1, "Ủy ban nhân dân thành phố Hà Nội")[0]
    key(qtbot, window, K.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.selected.start == at(DOC1, "Sở Y tế Hà Nội")[0]


def test_directive_starting_with_entity_cycles_entity_first(window, news, qtbot):
    # a DIRECTIVE and an entity with the same start: the entity comes first
    a, b = at(DOC1, "Chủ tịch UBND thành phố")
    select_text(window, a, b)
    key(qtbot, window, K.Key_4)
    window.session.select(None)
    window.view.clear_text_selection(at=a)
    key(qtbot, window, K.Key_Tab)
    assert window.session.selected.label == "MISC"
    key(qtbot, window, K.Key_Tab)
    assert window.session.selected.label == "DIRECTIVE"


def test_click_selects_innermost_span_and_again_the_outer(window, news, qtbot):
    a, b = at(DOC1, "Sở Y tế Hà Nội")
    view = window.view
    rect = view.cursorRect(view.textCursor())
    cursor = view.textCursor()
    cursor.setPosition(view.to_utf16(a + 3))
    rect = view.cursorRect(cursor)
    point = QPoint(rect.x() + 2, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected.label == "ORG"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected.label == "DIRECTIVE"


def test_suggested_and_accepted_spans_look_different(window, news, qtbot):
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    highlighter = window.view.highlighter

    def fmt_at(pos):
        block = window.view.document().findBlock(window.view.to_utf16(pos))
        rel = window.view.to_utf16(pos) - block.position()
        ranges = block.layout().formats()
        hits = [QTextCharFormat(f.format) for f in ranges if f.start <= rel < f.start + f.length]
        assert len(hits) == 1
        return hits[0]

    suggested = fmt_at(per.start)
    assert suggested.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    window.session.set_state(per.id, "accepted")
    accepted = fmt_at(per.start)
    assert accepted.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert accepted.background().color() != suggested.background().color()
    assert accepted.background().color() == highlighter._format(None, window.session.spans.get(per.id)).background().color()
    # inside a directive the band shows between entities, and entities keep their colour on top
    directive = [d for d in window.session.spans.directives()][0]
    band = fmt_at(directive.start + 2)
    org = window.session.spans.find(*at(DOC1, "Sở Y tế Hà Nội"), "ORG")
    inside = fmt_at(org.start)
    assert band.background().color() != inside.background().color()
    assert inside.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline


def test_span_change_rehighlights_only_touched_blocks(window, news, qtbot, monkeypatch):
    calls = []
    highlighter = window.view.highlighter
    original = highlighter.rehighlightBlock
    monkeypatch.setattr(highlighter, "rehighlightBlock", lambda block: (calls.append(block.blockNumber()),
                                                                          original(block)))
    per = window.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
    window.session.relabel(per.id, "ORG")
    assert calls == [window.view.document().findBlock(window.view.to_utf16(per.start)).blockNumber()]


def test_snap_to_words_option(window, news, qtbot):
    window.actions_by_name["snap_words"].setChecked(True)
    window.show_document(news.ids[2])
    a, b = at(DOC3, "Quảng Ninh", 1)
    select_text(window, a, a + 2)  # "Qu" of a two-syllable word
    key(qtbot, window, K.Key_3)
    rows = db_spans(news.path, news.ids[2])
    assert [DOC3[r[1]:r[2]] for r in rows] == ["Quảng Ninh"]


def test_issuer_and_addressee_keys(window, news, qtbot):
    directive = window.session.spans.directives()[0]
    a, b = at(DOC1, "Chủ tịch UBND thành phố")
    select_text(window, a + 9, a + 13)  # UBND
    key(qtbot, window, K.Key_2)
    ubnd = window.session.selected
    key(qtbot, window, K.Key_I)
    rows = db_rows(news.path, "SELECT head, tail, label FROM relations WHERE doc_id=? ORDER BY label",
                   news.ids[0])
    sở = window.session.spans.find(*at(DOC1, "Sở Y tế Hà Nội"), "ORG")
    assert rows == [(directive.id, sở.id, "addressee"), (directive.id, ubnd.id, "issuer")]
    key(qtbot, window, K.Key_I)  # again: clears
    rows = db_rows(news.path, "SELECT label FROM relations WHERE doc_id=?", news.ids[0])
    assert rows == [("addressee",)]
    # the panel shows the addressee in its combo
    window.directives.rebuild()
    card = window.directives.cards[0]
    assert card.combos["addressee"].currentData() == sở.id
    assert card.combos["issuer"].currentData() is None
    # choosing in the combo writes the relation
    combo = card.combos["issuer"]
    combo.ensure_filled()  # candidates are listed when the combo opens
    assert combo.findData(ubnd.id) > 0 and combo.findData(sở.id) > 0
    combo.setCurrentIndex(combo.findData(ubnd.id))
    combo.activated.emit(combo.currentIndex())
    rows = db_rows(news.path, "SELECT tail FROM relations WHERE doc_id=? AND label='issuer'", news.ids[0])
    assert rows == [(ubnd.id,)]


def test_read_only_corpus_shows_banner_and_refuses_edits(open_window, news, qtbot):
    import os
    import stat

    os.chmod(news.path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        if os.access(news.path, os.W_OK):  # running as root: open read-only explicitly
            from annotator.core.store import Corpus
            from annotator.gui.main_window import MainWindow

            win = MainWindow(Corpus(news.path, read_only=True), "Tester")
            qtbot.addWidget(win)
            win.show()
            qtbot.waitExposed(win)
        else:
            win = open_window(news.path)
        win.show_document(news.ids[0])
        assert win.banner.isVisible()
        before = db_spans(news.path, news.ids[0])
        a, b = at(DOC1, "Hà Nội", 1)
        select_text(win, a, b)
        win.keys.apply_label("LOC")
        per = win.session.spans.find(*at(DOC1, "Nguyễn Văn An"), "PER")
        win.session.select(per.id)
        win.keys.delete_selected()
        assert db_spans(news.path, news.ids[0]) == before
        assert not win.actions_by_name["delete"].isEnabled()
        win.close()
    finally:
        os.chmod(news.path, stat.S_IRUSR | stat.S_IWUSR)
