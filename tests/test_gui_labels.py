"""The label scheme editor: what lands in SQLite when the reviewer edits labels and presses OK."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from annotator.core.model import Document, LabelKind, Span
from annotator.core.store import Corpus, CorpusError
from annotator.gui import i18n
from annotator.gui.labels_dialog import COL_SPANS, LabelsDialog, name_problem, rename_label
from test_gui_window_support import gui_settings, news, open_window  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def english(qapp):
    """These tests read English texts: drop translators another test may have left installed."""
    i18n.uninstall()
    yield


@pytest.fixture
def small_corpus(corpus):
    """Two PER spans and one ORG span; LOC, MISC and DIRECTIVE unused."""
    text = "Thủ tướng Phạm Minh Chính gặp ông Lê Văn Thành tại Bộ Công Thương."
    corpus.add_document(Document(text=text, spans=[Span(10, 25, "PER"), Span(34, 46, "PER"),
                                                   Span(51, 65, "ORG")]), who="lan")
    return corpus


def open_dialog(qtbot, corpus, **kwargs) -> LabelsDialog:
    dialog = LabelsDialog(corpus, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(corpus: Corpus) -> list[tuple]:
    return corpus.db.conn.execute("SELECT name, kind, colour, key, position FROM labels ORDER BY position").fetchall()


def choose_key(dialog: LabelsDialog, key: str) -> None:
    """As if the reviewer picked ``key`` ('' for none) in the key list."""
    index = dialog.key_combo.findData(key)
    dialog.key_combo.setCurrentIndex(index)
    dialog.key_combo.activated.emit(index)


def type_name(qtbot, dialog: LabelsDialog, text: str) -> None:
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.name_edit, text)


def history(corpus: Corpus, action: str) -> list[dict]:
    return [h for h in corpus.history() if h["action"] == action]


# ------------------------------------------------------------------ showing
def test_lists_the_labels_with_their_span_counts(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    assert [r.name for r in dialog.rows] == ["PER", "ORG", "LOC", "MISC", "DIRECTIVE"]
    counts = [dialog.table.item(i, COL_SPANS).data(Qt.ItemDataRole.UserRole) for i in range(dialog.table.rowCount())]
    assert counts == [2, 1, 0, 0, 0]
    assert dialog.table.currentRow() == 0 and dialog.name_edit.text() == "PER"
    assert not dialog.apply_button.isEnabled() and dialog.ok_button.isEnabled()
    pixmap = dialog.grab()
    assert not pixmap.isNull() and pixmap.width() > 500 and pixmap.height() > 400


def test_ok_without_changes_writes_nothing_and_emits_nothing(qtbot, small_corpus):
    before = rows(small_corpus)
    dialog = open_dialog(qtbot, small_corpus)
    with qtbot.assertNotEmitted(dialog.labelsChanged):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(small_corpus) == before
    assert history(small_corpus, "update_label") == []


# ------------------------------------------------------------------ adding, colours, keys, order
def test_add_a_label_with_a_key(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus, who="lan")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.current().original is None and dialog.current().key == "6"  # first free key
    type_name(qtbot, dialog, "PRODUCT")
    choose_key(dialog, "7")
    assert small_corpus.label_names() == {"PER", "ORG", "LOC", "MISC", "DIRECTIVE"}  # nothing written yet
    with qtbot.waitSignal(dialog.labelsChanged):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    name, kind, colour, key, position = rows(small_corpus)[-1]
    assert (name, kind, key, position) == ("PRODUCT", "entity", "7", 6)
    assert colour.startswith("#") and colour not in {r[2] for r in rows(small_corpus)[:-1]}
    added = history(small_corpus, "add_label")
    assert len(added) == 1 and added[0]["who"] == "lan" and '"PRODUCT"' in added[0]["after"]


def test_a_new_directive_label(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.add_label()
    type_name(qtbot, dialog, "DECISION")
    index = dialog.kind_combo.findData(LabelKind.DIRECTIVE.value)
    dialog.kind_combo.setCurrentIndex(index)
    dialog.kind_combo.activated.emit(index)
    assert dialog.apply()
    assert small_corpus.labels()[-1].kind == LabelKind.DIRECTIVE


def test_recolour(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    asked = []
    dialog.pick_colour = lambda initial: asked.append(initial.name()) or QColor("#123456")
    dialog.select("ORG")
    qtbot.mouseClick(dialog.colour_button, Qt.MouseButton.LeftButton)
    assert asked == ["#4363d8"]
    dialog.select("LOC")
    dialog.pick_colour = lambda initial: None  # the colour dialog was cancelled
    assert not dialog.change_colour()
    dialog.accept()
    colours = {name: colour for name, _, colour, _, _ in rows(small_corpus)}
    assert colours["ORG"] == "#123456" and colours["LOC"] == "#3cb44b"
    updated = history(small_corpus, "update_label")
    assert len(updated) == 1 and "#123456" in updated[0]["after"]


def test_reorder(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("LOC")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.current().name == "LOC" and not dialog.up_button.isEnabled()
    dialog.select("PER")
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    dialog.select("DIRECTIVE")
    assert not dialog.down_button.isEnabled() and not dialog.move_selected(1)
    dialog.accept()
    assert [(name, position) for name, *_, position in rows(small_corpus)] == [
        ("LOC", 1), ("ORG", 2), ("PER", 3), ("MISC", 4), ("DIRECTIVE", 5)]
    assert [label.name for label in small_corpus.labels()] == ["LOC", "ORG", "PER", "MISC", "DIRECTIVE"]
    # keys follow their labels, not their places
    assert {name: key for name, _, _, key, _ in rows(small_corpus)}["LOC"] == "3"


def test_a_taken_key_is_swapped(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("MISC")
    assert "PER" in dialog.key_combo.itemText(dialog.key_combo.findData("1"))  # the list says who holds 1
    choose_key(dialog, "1")
    assert "PER" in dialog.message.text() and "4" in dialog.message.text()
    assert dialog.set_key("1") is None  # already its key: nothing moves
    dialog.select("LOC")
    choose_key(dialog, "")  # LOC gives up key 3
    dialog.select("ORG")
    assert dialog.set_key("3") is None  # a free key: nobody else changes
    dialog.select("DIRECTIVE")
    assert dialog.set_key("3") == "ORG"  # ORG takes DIRECTIVE's 5
    dialog.accept()
    keys = {name: key for name, _, _, key, _ in rows(small_corpus)}
    assert keys == {"MISC": "1", "PER": "4", "LOC": "", "ORG": "5", "DIRECTIVE": "3"}
    held = [k for k in keys.values() if k]
    assert len(held) == len(set(held))


def test_swap_with_a_label_that_has_no_key(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("MISC")
    dialog.set_key("")
    assert dialog.set_key("1") == "PER"
    assert "no key" in dialog.message.text()
    dialog.accept()
    keys = {name: key for name, _, _, key, _ in rows(small_corpus)}
    assert keys["MISC"] == "1" and keys["PER"] == ""


# ------------------------------------------------------------------ deleting
def test_delete_an_unused_label(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("MISC")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "MISC" not in [r.name for r in dialog.rows] and dialog.current().name == "DIRECTIVE"
    with qtbot.waitSignal(dialog.labelsDeleted) as deleted:
        dialog.accept()
    assert deleted.args == [["MISC"]]
    assert small_corpus.label_names() == {"PER", "ORG", "LOC", "DIRECTIVE"}
    assert len(history(small_corpus, "delete_label")) == 1


def test_a_label_in_use_cannot_be_deleted(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("PER")
    assert not dialog.delete_button.isEnabled()
    assert "2 span" in dialog.delete_button.toolTip()
    assert not dialog.delete_selected()
    assert "PER cannot be deleted" in dialog.message.text() and "2 span" in dialog.message.text()
    assert "PER" in [r.name for r in dialog.rows] and not dialog.is_dirty()
    dialog.accept()
    assert "PER" in small_corpus.label_names()


def test_spans_added_meanwhile_refuse_the_delete_and_nothing_is_saved(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("MISC")
    dialog.delete_selected()
    dialog.select("ORG")
    dialog.set_colour("#000000")
    small_corpus.add_span(1, Span(0, 9, "MISC"))  # another window labelled something MISC meanwhile
    with qtbot.assertNotEmitted(dialog.labelsChanged):
        dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert "Nothing was saved" in dialog.message.text() and "MISC" in dialog.message.text()
    assert "MISC" in small_corpus.label_names()
    assert {name: colour for name, _, colour, _, _ in rows(small_corpus)}["ORG"] == "#4363d8"  # rolled back too


# ------------------------------------------------------------------ renaming
def test_rename_relabels_the_spans_and_keeps_their_ids(qtbot, filled_corpus):
    corpus = filled_corpus
    before = {s.id: s for doc in corpus.iter_documents() for s in doc.spans}
    relations = sorted((r.head, r.tail, r.label) for doc in corpus.iter_documents() for r in doc.relations)
    old_row = next(r for r in rows(corpus) if r[0] == "ORG")
    dialog = open_dialog(qtbot, corpus, who="lan")
    dialog.select("ORG")
    type_name(qtbot, dialog, "ORGANISATION")
    assert "ORGANISATION (was ORG)" in dialog.table.item(dialog.table.currentRow(), 0).text()
    assert "relabelled ORGANISATION" in dialog.usage.text()
    with qtbot.waitSignal(dialog.labelsRenamed) as renamed, qtbot.waitSignal(dialog.labelsChanged):
        dialog.accept()
    assert renamed.args == [{"ORG": "ORGANISATION"}]
    after = {s.id: s for doc in corpus.iter_documents() for s in doc.spans}
    assert after.keys() == before.keys()
    for span_id, span in before.items():
        expected = "ORGANISATION" if span.label == "ORG" else span.label
        got = after[span_id]
        assert (got.label, got.start, got.end, got.state, got.origin, got.author, got.updated_at) == (
            expected, span.start, span.end, span.state, span.origin, span.author, span.updated_at)
    assert sorted((r.head, r.tail, r.label) for doc in corpus.iter_documents() for r in doc.relations) == relations
    assert "ORG" not in corpus.label_names()
    assert next(r for r in rows(corpus) if r[0] == "ORGANISATION")[1:] == old_row[1:]  # kind, colour, key, place
    logged = history(corpus, "rename_label")
    assert len(logged) == 1 and logged[0]["who"] == "lan"
    assert '"ORG"' in logged[0]["before"] and '"spans": 3' in logged[0]["after"]
    assert corpus.stats()["spans_by_label"]["ORGANISATION"] == 3


def test_renames_that_swap_names_go_through_a_spare_name(qtbot, small_corpus):
    ids = {s.id: s.label for s in small_corpus.spans(1)}
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("PER")
    dialog.set_name("ORG_TMP")
    dialog.select("ORG")
    dialog.set_name("PER")
    dialog.select("ORG_TMP")
    dialog.set_name("ORG")
    dialog.select("LOC")
    dialog.set_name("PLACE")
    assert dialog.apply()
    swapped = {"PER": "ORG", "ORG": "PER"}
    assert {s.id: s.label for s in small_corpus.spans(1)} == {i: swapped[label] for i, label in ids.items()}
    names = [name for name, *_ in rows(small_corpus)]
    assert names == ["ORG", "PER", "PLACE", "MISC", "DIRECTIVE"]
    assert {name: colour for name, _, colour, _, _ in rows(small_corpus)}["ORG"] == "#e6194b"  # PER's, renamed


def test_a_chain_of_renames(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("ORG")
    dialog.set_name("ORGANISATION")
    dialog.select("PER")
    dialog.set_name("ORG")  # PER -> ORG while ORG -> ORGANISATION: the second must go first
    assert dialog.apply()
    labels = sorted(s.label for s in small_corpus.spans(1))
    assert labels == ["ORG", "ORG", "ORGANISATION"]


@pytest.mark.parametrize("name, why", [("", "needs a name"), ("NEW LABEL", "spaces"), ("per", "already"),
                                       ("LOC", "already"), ("X" * 41, "at most")])
def test_invalid_names_block_saving(qtbot, small_corpus, name, why):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("ORG")
    type_name(qtbot, dialog, name)
    assert why in dialog.message.text()
    assert not dialog.ok_button.isEnabled() and not dialog.apply_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert small_corpus.label_names() == {"PER", "ORG", "LOC", "MISC", "DIRECTIVE"}


def test_renaming_a_label_to_its_own_name_in_another_case_is_allowed(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("MISC")
    dialog.set_name("Misc")
    assert "upper-case" in dialog.message.text() and dialog.ok_button.isEnabled()
    assert "built-in" in dialog.message.text()
    dialog.accept()
    assert "Misc" in small_corpus.label_names() and "MISC" not in small_corpus.label_names()


def test_rename_label_function(small_corpus):
    assert rename_label(small_corpus, "PER", "PERSON", who="minh") == 2
    assert rename_label(small_corpus, "PERSON", "PERSON") == 0
    assert {s.label for s in small_corpus.spans(1)} == {"PERSON", "ORG"}
    with pytest.raises(ValueError):
        rename_label(small_corpus, "ORG", "person")
    with pytest.raises(KeyError):
        rename_label(small_corpus, "NOPE", "OTHER")
    assert name_problem("A B") and name_problem("") and not name_problem("B-PER", ["PER"])
    assert small_corpus.label_names() == {"PERSON", "ORG", "LOC", "MISC", "DIRECTIVE"}


# ------------------------------------------------------------------ apply, cancel, read-only
def test_apply_keeps_the_dialog_open_and_cancel_discards(qtbot, small_corpus):
    dialog = open_dialog(qtbot, small_corpus)
    dialog.select("LOC")
    dialog.set_colour("#00aa00")
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.labelsChanged):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.is_dirty() and not dialog.apply_button.isEnabled()
    assert dialog.current().name == "LOC"
    dialog.select("MISC")
    dialog.set_colour("#aa0000")
    with qtbot.assertNotEmitted(dialog.labelsChanged):
        dialog.reject()
    colours = {name: colour for name, _, colour, _, _ in rows(small_corpus)}
    assert colours["LOC"] == "#00aa00" and colours["MISC"] == "#f58231"


def test_read_only_corpus(qtbot, tmp_path):
    path = tmp_path / "ro.db"
    with Corpus(path) as writable:
        writable.add_document(Document(text="Bộ Y tế họp tại Huế.", spans=[Span(0, 7, "ORG")]))
    corpus = Corpus(path, read_only=True)
    try:
        before = rows(corpus)
        dialog = open_dialog(qtbot, corpus)
        assert dialog.banner.isVisible() and "read-only" in dialog.banner.text()
        assert dialog.ok_button is None and dialog.apply_button is None
        for widget in (dialog.add_button, dialog.delete_button, dialog.up_button, dialog.down_button,
                       dialog.name_edit, dialog.kind_combo, dialog.colour_button, dialog.key_combo):
            assert not widget.isEnabled()
        assert dialog.add_label() is None and not dialog.move_selected(1) and not dialog.apply()
        dialog.set_name("X")
        dialog.set_key("9")
        assert not dialog.is_dirty()
        with qtbot.assertNotEmitted(dialog.labelsChanged):
            dialog.accept()
        assert rows(corpus) == before
        with pytest.raises(CorpusError):
            rename_label(corpus, "ORG", "ORGANISATION")
    finally:
        corpus.close()


# ------------------------------------------------------------------ the review window reacting
def test_the_window_shows_the_new_scheme_after_labels_changed(qtbot, open_window, news):
    """The wiring the window uses: labelsChanged -> refresh_documents() (palette, keys, spans)."""
    window = open_window(news.path)
    window.show_document(news.ids[0])
    dialog = LabelsDialog(window.corpus, window)
    qtbot.addWidget(dialog)
    assert dialog.who == "Tester"  # taken from the window
    dialog.labelsChanged.connect(window.refresh_documents)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.select("ORG")
    dialog.set_name("ORGANISATION")
    dialog.set_key("9")
    dialog.accept()
    assert [a.text() for a in window.label_actions] == ["PER", "ORGANISATION", "LOC", "MISC", "DIRECTIVE"]
    assert window.label_actions[1].shortcut().toString() == "9"
    assert "ORG" not in window.session.spans.labels
    assert "ORG" not in {s.label for s in window.session.spans.spans()}
    assert "ORGANISATION" in {s.label for s in window.session.spans.spans()}


def test_tools_labels_opens_the_editor_from_the_window(qtbot, tmp_path, monkeypatch):
    """Tools → Labels… (Ctrl+Shift+L) opens the editor; a rename there relabels the article's spans."""
    from PySide6.QtCore import QSettings

    from annotator.core.model import Document, Span
    from annotator.core.store import Corpus
    from annotator.gui.labels_dialog import LabelsDialog
    from annotator.gui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        corpus.add_document(Document(text="Bộ Y tế họp tại Huế.", title="x", spans=[Span(0, 7, "ORG")]))
    window = MainWindow(Corpus(path), "Tester", restore_state=False)
    qtbot.addWidget(window)
    window.show()
    assert window.actions_by_name["labels"].shortcut().toString() == "Ctrl+Shift+L"
    dialog = window.edit_labels()
    assert isinstance(dialog, LabelsDialog)
    dialog.select("ORG")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "TOCHUC")
    dialog.apply()
    with Corpus(path) as corpus:
        assert [s.label for s in corpus.spans(1)] == ["TOCHUC"]
    assert "TOCHUC" in [a.data() for a in window.label_actions]
    assert window.session.spans.spans()[0].label == "TOCHUC"
    dialog.close()
