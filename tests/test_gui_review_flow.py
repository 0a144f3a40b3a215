"""The keyboard review flow as a reviewer meets it (issue 12): one key per suggestion, find in
the article, one overlap policy, relations by keyboard, orientation, focus, settings."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.find import find_all, fold
from annotator.core.model import Span, SpanState
from annotator.core.navigator import least_certain, next_span, step
from annotator.core.store import Corpus
from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    at,
    db_rows,
    db_spans,
    db_status,
    gui_settings,
    key,
    news,
    open_window,
    select_text,
    window,
)

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def states(path, doc_id) -> dict[str, str]:
    return {DOC1[r[1]:r[2]]: r[5] for r in db_spans(path, doc_id)}


# ------------------------------------------------------------------ 1. one key per suggestion
def test_enter_accepts_and_moves_to_the_next_suggestion(window, news, qtbot):
    # the document opens on its first suggestion; four Enters confirm four suggestions
    assert window.session.selected.label == "ORG"
    for _ in range(4):
        key(qtbot, window, K.Key_Return)
    assert set(states(news.path, news.ids[0]).values()) == {"accepted"}
    assert "Ctrl+Return" in window.statusBar().currentMessage()


def test_x_rejects_a_directive_and_the_entities_inside_come_next(window, news, qtbot):
    key(qtbot, window, K.Key_N)  # ORG → PER
    key(qtbot, window, K.Key_N)  # PER → DIRECTIVE
    assert window.session.selected.label == "DIRECTIVE"
    key(qtbot, window, K.Key_X)
    chosen = window.session.selected
    assert DOC1[chosen.start:chosen.end] == "Sở Y tế Hà Nội" and chosen.state == SpanState.SUGGESTED
    key(qtbot, window, K.Key_P)  # previous unreviewed: PER (the rejected directive is decided)
    assert window.session.selected.label == "PER"
    s = states(news.path, news.ids[0])
    assert s["Sở Y tế Hà Nội"] == "suggested"
    assert [v for k, v in s.items() if k.startswith("Chủ tịch UBND")] == ["rejected"]


def test_tab_still_visits_accepted_spans(window, news, qtbot):
    key(qtbot, window, K.Key_Return)  # ORG accepted, now on PER
    key(qtbot, window, K.Key_Tab, SHIFT)
    assert window.session.selected.label == "ORG" and window.session.selected.state == SpanState.ACCEPTED


def test_done_names_directives_without_issuer_and_setting_requires_one(window, news, qtbot):
    window.actions_by_name["require_issuer"].setChecked(True)
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, news.ids[0]) != "done"
    assert "1" in window.statusBar().currentMessage()
    assert window.session.selected.label == "DIRECTIVE"
    window.actions_by_name["require_issuer"].setChecked(False)
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, news.ids[0]) == "done"
    assert "issuer" in window.statusBar().currentMessage()


# ------------------------------------------------------------------ 2. find in article
def test_find_is_accent_insensitive_and_offsets_hold():
    text = "Sáng 12/3, Ủy ban nhân dân TP Hà Nội và Đà Nẵng"
    assert fold(text).__len__() == len(text)
    assert [text[a:b] for a, b in find_all(text, "ha noi")] == ["Hà Nội"]
    assert [text[a:b] for a, b in find_all(text, "da nang")] == ["Đà Nẵng"]
    assert find_all(text, "Hạ Nội") == []  # a typed diacritic must match


def test_find_selects_the_match_and_a_label_key_labels_it(window, news, qtbot):
    key(qtbot, window, K.Key_Slash)
    assert window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "so y te")
    qtbot.keyClick(window.find_bar.edit, K.Key_Return)
    assert window.view.hasFocus()
    key(qtbot, window, K.Key_2)
    rows = [r for r in db_spans(news.path, news.ids[0]) if r[4] == "reviewer"]
    # the ORG suggestion over "Sở Y tế Hà Nội" overlapped the new span: replaced, and said so
    assert [(DOC1[r[1]:r[2]], r[3]) for r in rows] == [("Sở Y tế", "ORG")]
    assert "Sở Y tế Hà Nội" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert "Sở Y tế Hà Nội" in states(news.path, news.ids[0])


def test_shift_arrows_extend_by_syllable(window, news, qtbot):
    start = at(DOC1, "Phó")[0]
    window.session.select(None)
    select_text(window, start, start)
    for _ in range(3):
        key(qtbot, window, K.Key_Right, SHIFT)
    assert window.view.selection_range() == (start, start + len("Phó Chủ tịch"))
    key(qtbot, window, K.Key_Left, SHIFT)
    assert window.view.selection_range() == (start, start + len("Phó Chủ"))


# ------------------------------------------------------------------ 3. overlap policy
def test_growing_into_another_entity_replaces_it_visibly_in_one_undo_step(window, news, qtbot):
    window.session.create_span(*at(DOC1, "Chủ tịch UBND"), "PER")
    window.session.select(window.session.spans.find(*at(DOC1, "Chủ tịch UBND"), "PER").id)
    span_id = window.session.selected_id
    org = at(DOC1, "Sở Y tế Hà Nội")
    for _ in range(4):  # grow the end over "thành phố yêu cầu": no overlap yet
        key(qtbot, window, K.Key_Right, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert all(r[3] != "PER" or r[2] <= org[0] for r in db_spans(news.path, news.ids[0]))
    key(qtbot, window, K.Key_Right, Qt.KeyboardModifier.AltModifier | SHIFT)  # into "Sở"
    assert "Sở Y tế Hà Nội" not in states(news.path, news.ids[0])
    assert "Sở Y tế Hà Nội" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert "Sở Y tế Hà Nội" in states(news.path, news.ids[0])
    assert window.session.spans.get(span_id) is not None


# ------------------------------------------------------------------ 4. relations by keyboard
def test_issuer_named_before_the_directive_and_a_phrase_addressee(window, news, qtbot, tmp_path):
    # "Nguyễn Văn An" is in the sentence before the directive: I makes him its issuer
    key(qtbot, window, K.Key_N)
    assert window.session.selected.label == "PER"
    key(qtbot, window, K.Key_I)
    directive = next(d for d in window.session.spans.directives())
    issuer = window.session.spans.relations_of(directive.id, "issuer")
    assert [DOC1[window.session.spans.get(r.tail).start:window.session.spans.get(r.tail).end] for r in issuer] \
        == ["Nguyễn Văn An"]
    # any words as addressee: select "các quận, huyện" and press A
    window.session.select(None)
    select_text(window, *at(DOC1, "các quận, huyện"))
    key(qtbot, window, K.Key_A)
    addressee = window.session.spans.relations_of(directive.id, "addressee")
    tail = window.session.spans.get(addressee[0].tail)
    assert DOC1[tail.start:tail.end] == "các quận, huyện" and tail.label == "PHRASE"
    rows = db_rows(news.path, "SELECT s.label, r.label FROM relations r JOIN spans s ON s.id = r.tail")
    assert ("PHRASE", "addressee") in rows and ("PER", "issuer") in rows
    # a phrase is no name: the instant memory does not spread it to other documents
    learning = window.learning
    qtbot.waitUntil(lambda: not learning.lessons and not learning.teach_timer.isActive(), timeout=5000)
    assert not db_rows(news.path, "SELECT surface FROM memory WHERE label = 'PHRASE'")
    # the card shows it
    window.directives.sync_cards()
    card = window.directives.card_for(directive)
    assert "các quận, huyện" in card.combos["addressee"].currentText()
    # one undo step removes the phrase and its relation
    window.undo_stack.undo()
    assert [r.tail for r in window.session.spans.relations_of(directive.id, "addressee")] != [tail.id]
    assert window.session.spans.get(tail.id) is None
    window.undo_stack.redo()
    # the native export carries the phrase span and the relation; entity formats leave it out
    from annotator.core.exporter import ExportOptions, export

    out = tmp_path / "out.jsonl"
    export(window.corpus, out, ExportOptions(fmt="native"))
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    by_id = {s["id"]: s for s in record["spans"]}
    labels = {(by_id[r["tail"]]["label"], r["label"]) for r in record["relations"]}
    assert ("PHRASE", "addressee") in labels
    # and it comes back: importing the native export into a fresh corpus keeps phrase and relation
    from annotator.core.importer import import_paths

    with Corpus(tmp_path / "again.db") as again:
        report = import_paths(again, [out])
        assert report.added == len(news.ids) and not report.labels_added, report.problems
        doc = next(d for d in again.iter_documents() if d.text == DOC1)
        by_id = {s.id: s for s in doc.spans}
        assert {(by_id[r.tail].label, r.label) for r in doc.relations} >= {("PHRASE", "addressee")}
        assert {lb.name: lb.kind for lb in again.labels()}["PHRASE"] == "phrase"
    conll = tmp_path / "out.conll"
    export(window.corpus, conll, ExportOptions(fmt="conll", statuses=["new", "in_progress", "done"],
                                                  states=["accepted", "suggested"]))
    conll_text = conll.read_text(encoding="utf-8")
    assert "B-PER" in conll_text and "PHRASE" not in conll_text


def test_f6_reaches_the_directive_cards(window, news, qtbot):
    window.view.setFocus()
    for _ in range(4):
        key(qtbot, window, K.Key_F6, widget=QApplication.focusWidget())
        if window.directives.isAncestorOf(QApplication.focusWidget()):
            break
    assert window.directives.isAncestorOf(QApplication.focusWidget())


# ------------------------------------------------------------------ 5. orientation
def test_selection_is_restored_when_coming_back(window, news, qtbot):
    key(qtbot, window, K.Key_N)
    key(qtbot, window, K.Key_N)
    chosen = window.session.selected_id
    window.show_document(news.ids[1])
    assert window.span_list.table.verticalScrollBar().value() == 0
    window.show_document(news.ids[0])
    assert window.session.selected_id == chosen


# ------------------------------------------------------------------ 6. focus
def test_enter_in_search_opens_first_hit_and_tab_leaves_the_list(window, news, qtbot):
    window.flow.focus_search()
    qtbot.keyClicks(window.documents.search, "Shizuoka")
    qtbot.keyClick(window.documents.search, K.Key_Return)
    assert window.current_document_id == news.ids[1]
    assert window.view.hasFocus()
    window.documents.table.setFocus()
    qtbot.keyClick(window.documents.table, K.Key_Tab)
    assert not window.documents.table.hasFocus()


# ------------------------------------------------------------------ #13.7 least-certain order
def test_least_certain_order(window, news, qtbot):
    with Corpus(news.path) as corpus:
        corpus.add_span(news.ids[2], Span(*at(news.texts[2], "Lê Minh Hoan"), "PER", origin="crf:test",
                                          state=SpanState.SUGGESTED, score=0.31))
    window.actions_by_name["least_certain_order"].setChecked(True)
    key(qtbot, window, K.Key_Right, Qt.KeyboardModifier.AltModifier)  # "next document"
    assert window.current_document_id == news.ids[2]
    window.show_document(news.ids[0])
    key(qtbot, window, K.Key_Return, CTRL)
    assert window.current_document_id == news.ids[2], window.statusBar().currentMessage()  # score 0.31 beats document 2's 0.9
    assert least_certain([1, 2, 3], {2: 0.5}, None) == 2
    assert least_certain([1, 3], {}, None) == 1  # unscored documents keep corpus order


def test_navigator_steps():
    assert step([1, 2, 5], 2, 1) == 5 and step([1, 2, 5], 5, 1) is None and step([1, 2, 5], 3, -1) == 2
    spans = [Span(0, 4, "PER", state=SpanState.ACCEPTED, id=1), Span(5, 9, "LOC", state=SpanState.SUGGESTED, id=2)]
    assert next_span(spans, {}, from_pos=0, unreviewed=True).id == 2
    assert next_span(spans, {}, after=spans[1], unreviewed=True).id == 2  # wraps to itself when alone


# ------------------------------------------------------------------ 8. live language switch
def test_live_switch_translates_undo_texts_cards_and_actions(window, news, qtbot, qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.gui import i18n

    i18n.install(qapp, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        key(qtbot, window, K.Key_X)  # a command made in English …
        assert window.undo_action.text() == "Undo Reject ORG"
        window.set_language("vi")  # … reads Vietnamese after the switch
        qtbot.waitUntil(lambda: window.undo_action.text() != "Undo Reject ORG", timeout=3000)
        assert window.undo_action.text() == "Hoàn tác Từ chối ORG", window.undo_action.text()
        assert window.actions_by_name["accept"].text() == "&Chấp nhận và sang gợi ý kế tiếp"
        # the status bar's model label too (it was kept in the language it was first made in)
        window.learning.model = ("entity-test", 0.5)
        window.set_language("en")
        qtbot.waitUntil(lambda: window.learning.label.text().startswith("Model entity-test"), timeout=3000)
        window.set_language("vi")
        qtbot.waitUntil(lambda: window.learning.label.text().startswith("Mô hình entity-test"), timeout=3000)
        window.directives.rebuild()
        card = window.directives.cards[0]
        assert card.heading.text().startswith("Chỉ đạo 1")
        assert card.form_labels["issuer"].text() != "Issuer:"
        # the card fits its panel, whatever the length of the sentence and the names
        assert card.width() <= window.directives.scroll.viewport().width()
    finally:
        i18n.uninstall()


# ------------------------------------------------------------------ 9. long articles
def test_long_article_formats_far_paragraphs_when_they_scroll_into_view(open_window, tmp_path, qtbot):
    from annotator.core.model import Document

    paragraphs = [f"Đoạn {i}: Ủy ban nhân dân tỉnh họp bàn kế hoạch năm {2000 + i}." for i in range(300)]
    text = "\n\n".join(paragraphs)
    far = text.index("Đoạn 250")
    path = tmp_path / "long.db"
    with Corpus(path) as corpus:
        doc_id, _ = corpus.add_document(Document(text=text, title="dài"))
        corpus.add_span(doc_id, Span(far, far + len("Đoạn 250"), "MISC", state=SpanState.ACCEPTED))
    win = open_window(path)
    win.show_document(doc_id)
    block = win.view.document().findBlock(far)
    assert block.blockNumber() in win.view.highlighter.pending  # not formatted while opening
    assert not block.layout().formats()
    win.session.select(win.session.spans.entities()[0].id)  # scrolls it into the middle third
    win.view.viewport().repaint()
    assert block.blockNumber() not in win.view.highlighter.pending
    assert any(f.format.background().color().isValid() and f.length for f in block.layout().formats())
    top = win.view.cursorRect().top()
    assert win.view.viewport().height() / 3 - 40 <= top <= 2 * win.view.viewport().height() / 3


# ------------------------------------------------------------------ 8. layout
def test_at_1024x700_the_article_keeps_45_characters_a_line_and_filters_are_whole(window, qtbot, qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.gui import i18n

    i18n.install(qapp, "en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        window.resize(1024, 700)
        window.dock_layout.arrange_docks()
        qtbot.wait(100)
        window.set_language("vi")
        qtbot.waitUntil(lambda: window.documents.status_filter.currentText().startswith("Mọi"), timeout=3000)
        qtbot.wait(100)
        view = window.view
        line = view.viewport().width() - 2 * view.document().documentMargin()
        sample = "Ngày 21/11, tại thành phố Vinh, Ban Chỉ đạo C"
        assert len(sample) == 45 and line >= view.fontMetrics().horizontalAdvance(sample)
        for combo in (window.documents.status_filter, window.documents.label_filter,
                      window.documents.reviewer_filter):
            assert combo.width() >= combo.sizeHint().width(), combo.currentText()
    finally:
        i18n.uninstall()


def test_done_refuses_overlapping_suggestions_and_names_them(window, news, qtbot):
    with Corpus(news.path) as corpus:  # the machine suggested an entity overlapping another one
        corpus.add_span(news.ids[0], Span(*at(DOC1, "Hà Nội tổ chức"), "LOC", origin="crf:test",
                                          state=SpanState.SUGGESTED, score=0.4))
    window.session.reload()
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, news.ids[0]) != "done"
    message = window.statusBar().currentMessage()
    assert "Ủy ban nhân dân thành phố Hà Nội" in message and "Hà Nội tổ chức" in message
    key(qtbot, window, K.Key_X)  # reject the selected one of the pair
    key(qtbot, window, K.Key_Return, CTRL)
    assert db_status(news.path, news.ids[0]) == "done"


def test_span_list_starts_at_the_top_of_each_document(open_window, tmp_path, qtbot):
    from annotator.core.model import Document

    path = tmp_path / "many.db"
    text = " ".join(f"Ông An{i} họp." for i in range(120))
    with Corpus(path) as corpus:
        ids = []
        for n in range(2):
            doc_id, _ = corpus.add_document(Document(text=f"Bài {n}. " + text, title=f"bài {n}"))
            ids.append(doc_id)
            base = len(f"Bài {n}. ")
            for i in range(120):
                start = base + text.index(f"An{i} ")
                corpus.add_span(doc_id, Span(start, start + len(f"An{i}"), "PER", state=SpanState.ACCEPTED))
    win = open_window(path)
    win.show_document(ids[0])
    win.session.select(win.session.spans.entities()[-1].id)
    bar = win.span_list.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    win.show_document(ids[1])
    qtbot.wait(50)
    assert bar.value() == 0


def test_directive_card_by_keyboard(window, news, qtbot):
    window.session.select(window.session.spans.directives()[0].id)
    window.directives.focus_card(window.session.selected)
    card = window.directives.card_for(window.session.selected)
    combo = card.combos["issuer"]
    assert combo.hasFocus()
    qtbot.keyClick(combo, K.Key_Down)  # the first choice: a span inside the directive or just before it
    issuer = window.session.spans.relations_of(card.directive.id, "issuer")
    assert len(issuer) == 1
    qtbot.keyClick(combo, K.Key_Tab)
    assert card.combos["addressee"].hasFocus()


def test_typed_preferences_persist_across_windows(open_window, news, gui_settings):
    from annotator.gui.settings import Preferences

    prefs = Preferences()
    assert prefs.get("preannotate_imports") is True and prefs.get("require_issuer") is False
    first = open_window(news.path)
    first.actions_by_name["least_certain_order"].setChecked(True)
    first.actions_by_name["preannotate_imports"].setChecked(False)
    first.close()
    assert prefs.get("least_certain_order") is True and prefs.get("preannotate_imports") is False
    second = open_window(news.path)
    assert second.actions_by_name["least_certain_order"].isChecked()
    assert not second.actions_by_name["preannotate_imports"].isChecked()


def test_slash_types_in_text_boxes_and_opens_find_elsewhere(window, news, qtbot):
    window.flow.focus_search()
    qtbot.keyClicks(window.documents.search, "12/3")
    assert window.documents.search.text() == "12/3" and not window.find_bar.isVisible()
    window.view.setFocus()
    key(qtbot, window, K.Key_Slash)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "12/3")
    assert window.find_bar.edit.text() == "12/3"
    assert window.view.selection_range() == at(DOC1, "12/3")
    qtbot.keyClick(window.find_bar.edit, K.Key_Escape)
    assert window.view.hasFocus() and not window.find_bar.isVisible()
