"""Translations: every GUI string translated, .qm files current, vi <-> en at runtime, Qt's own texts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTranslator
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from annotator.gui import i18n, qt_texts

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT / "scripts"))
import i18n_tools as tools  # noqa: E402 - the build tools live in scripts/, outside the package
HAVE_TOOLS = tools.find_tool("lupdate") is not None and tools.find_tool("lrelease") is not None


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    i18n.uninstall()
    yield
    i18n.uninstall()


# ------------------------------------------------------------------ the shipped catalogues
def test_every_gui_string_has_a_finished_vietnamese_translation():
    """Fails when a string in src/annotator/gui/*.py is new, changed or untranslated.

    Fix: run scripts/build-translations, translate what it lists in resources/i18n/annotator_vi.ts
    (and plural forms in annotator_en.ts), run it again.
    """
    wanted, scan_problems = tools.wanted_messages(ROOT)
    assert len(wanted) > 50
    problems = scan_problems + tools.catalogue_problems(wanted, I18N / "annotator_vi.ts", "vi")
    assert problems == [], "\n".join(problems)


def test_every_gui_string_is_in_the_english_catalogue():
    wanted, _ = tools.wanted_messages(ROOT)
    problems = tools.catalogue_problems(wanted, I18N / "annotator_en.ts", "en")
    assert problems == [], "\n".join(problems)


def test_compiled_qm_files_match_their_ts():
    problems = []
    for name in ("annotator_vi", "annotator_en", "qt_vi"):
        problems += tools.qm_problems(I18N / f"{name}.ts", I18N / f"{name}.qm")
    assert problems == [], "\n".join(problems)


def test_qm_check_works_without_lrelease(monkeypatch):
    monkeypatch.setattr(tools, "find_tool", lambda name: None)
    for name in ("annotator_vi", "annotator_en", "qt_vi"):
        assert tools.qm_problems(I18N / f"{name}.ts", I18N / f"{name}.qm") == []


def test_qt_catalogue_matches_qt_texts():
    assert (I18N / "qt_vi.ts").read_text(encoding="utf-8") == tools.format_ts(tools.qt_catalogue())
    problems = [p for m in tools.qt_catalogue().messages for p in tools.translation_problems(m, "vi")]
    assert problems == []


def test_no_text_reaches_qt_without_tr():
    problems = tools.untranslated_literals(tools.gui_sources(ROOT))
    assert problems == [], "\n".join(problems)


def test_the_check_command_passes():
    assert tools.check(ROOT) == []


def _content(folder: Path) -> dict:
    """What the translation files say, whatever tool version wrote them."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".ts":
            out[path.name] = sorted((m.key, tuple(m.translations), m.finished, m.numerus, m.kind)
                                    for m in tools.read_ts(path).messages)
        elif path.suffix == ".qm":
            out[path.name] = sorted((k[:2], tuple(v)) for k, v in tools.read_qm(path).items())
    return out


@pytest.mark.skipif(not HAVE_TOOLS, reason="lupdate/lrelease not available")
def test_build_reproduces_the_committed_files(tmp_path):
    """scripts/build-translations run on the sources changes nothing; run twice, the same bytes."""
    gui = tmp_path / "src" / "annotator" / "gui"
    shutil.copytree(ROOT / "src" / "annotator" / "gui", gui, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(I18N, tmp_path / "resources" / "i18n")
    out = tmp_path / "resources" / "i18n"
    tools.build(tmp_path, log=lambda *a: None)
    assert _content(out) == _content(I18N), "the committed translation files are not what the build makes"
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    tools.build(tmp_path, log=lambda *a: None)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


@pytest.mark.skipif(tools.find_tool("lupdate") is None, reason="lupdate not available")
def test_ast_scan_agrees_with_lupdate(tmp_path):
    """The fallback scan finds what lupdate finds (so the check works without lupdate too)."""
    sources = tools.gui_sources(ROOT)
    scan = tools.extract_messages(sources)
    ts = tmp_path / "scan_vi.ts"
    tools.run_lupdate(sources, ts, "vi")
    by_lupdate = {m.key: m.numerus for m in tools.read_ts(ts).messages if m.key not in scan.misfiled}
    assert by_lupdate == scan.found


# ------------------------------------------------------------------ the checks catch mistakes
SAMPLE = '''
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def _t(text):
    return QCoreApplication.translate("Helper", text)


class Panel(QWidget):
    def build(self, n):
        self.setWindowTitle(self.tr("Translated title"))
        QLabel("Plain words shown as they are")
        self.setToolTip(_t("Through a helper"))
        tr = self.tr
        tr("Bare tr")
        self.tr(f"Formatted {n}")
        self.setText("annotator")
        QLabel("—")
        QLabel("Product name")  # notr
'''


def test_checks_catch_untranslated_and_hidden_strings(tmp_path):
    source = tmp_path / "panel.py"
    source.write_text(SAMPLE, encoding="utf-8")
    scan = tools.extract_messages([source])
    assert ("Panel", "Translated title", "") in scan.found
    assert ("Helper", "Through a helper", "") in scan.hidden  # lupdate cannot see it; the build adds it
    assert ("Panel", "Bare tr", "") in scan.hidden and ("", "Bare tr", "") in scan.misfiled
    assert any("f-string" in p for p in scan.problems)
    literals = tools.untranslated_literals([source])
    assert len(literals) == 1 and "Plain words shown as they are" in literals[0]

    ts = tmp_path / "x_vi.ts"
    cat = tools.Catalogue("vi", "en", [
        tools.Message("Panel", "Translated title", translations=["Tiêu đề đã dịch"], finished=True),
        tools.Message("Helper", "Through a helper", translations=[""], finished=False),
        tools.Message("Panel", "Bare tr", translations=["%1 sai"], finished=True),
    ])
    tools.write_ts(ts, cat)
    problems = tools.catalogue_problems(scan.all, ts, "vi")
    assert any("Through a helper" in p and "no finished translation" in p for p in problems)
    assert any("Bare tr" in p and "placeholders" in p for p in problems)
    assert not any("Translated title" in p for p in problems)


def test_translation_problems_find_lost_placeholders_and_mnemonics():
    ok = tools.Message("C", "&Open %1 of {n}", translations=["&Mở %1 trong {n}"], finished=True)
    assert tools.translation_problems(ok, "vi") == []
    lost = tools.Message("C", "&Open %1 of {n}", translations=["Mở {n}"], finished=True)
    assert len(tools.translation_problems(lost, "vi")) == 2


@pytest.mark.skipif(not HAVE_TOOLS, reason="lupdate/lrelease not available")
def test_build_keeps_translations_and_adds_new_strings(tmp_path):
    gui = tmp_path / "src" / "annotator" / "gui"
    gui.mkdir(parents=True)
    (gui / "panel.py").write_text(SAMPLE, encoding="utf-8")
    unfinished = tools.build(tmp_path, log=lambda *a: None)
    assert any("Through a helper" in u for u in unfinished)
    vi = tmp_path / "resources" / "i18n" / "annotator_vi.ts"
    tools.apply_translations(vi, {("Panel", "Translated title"): "Tiêu đề", ("Helper", "Through a helper"): "Qua hàm",
                                 ("Panel", "Bare tr"): "Gọi tr trần"})
    (gui / "panel.py").write_text(SAMPLE + '\n\nclass More(QWidget):\n    def f(self):\n'
                                  '        return self.tr("A string added later")\n', encoding="utf-8")
    unfinished = tools.build(tmp_path, log=lambda *a: None)
    assert [u for u in unfinished if "annotator_vi" in u] == [
        "annotator_vi.ts: [More] 'A string added later'",
        "annotator_vi.ts: [Panel] 'Formatted {n}'"]  # lupdate takes the f-string's text; the check flags it
    kept = tools.read_ts(vi).by_key()
    assert kept[("Helper", "Through a helper", "")].translation == "Qua hàm"
    assert kept[("Panel", "Bare tr", "")].finished
    assert ("", "Bare tr", "") not in kept
    en = tools.read_ts(tmp_path / "resources" / "i18n" / "annotator_en.ts").by_key()
    assert en[("More", "A string added later", "")].translation == "A string added later"
    before = {p.name: p.read_bytes() for p in (tmp_path / "resources" / "i18n").iterdir()}
    tools.build(tmp_path, log=lambda *a: None)
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "resources" / "i18n").iterdir()}
    translator = QTranslator()
    assert translator.load(str(tmp_path / "resources" / "i18n" / "annotator_vi.qm"))
    assert translator.translate("Helper", "Through a helper") == "Qua hàm"


def test_read_qm_reads_what_lrelease_wrote():
    messages = tools.read_qm(I18N / "qt_vi.qm")
    assert messages[("QPlatformTheme", "Cancel", "")] == ["Hủy"]


# ------------------------------------------------------------------ runtime
def test_install_picks_argument_then_setting_then_system(qapp, settings, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda: "vi")
    assert i18n.install(qapp, settings=settings) == "vi"
    settings.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.install(qapp, settings=settings) == "en"
    assert i18n.install(qapp, "vi_VN", settings=settings) == "vi"
    assert settings.value(i18n.SETTINGS_KEY) == "en"  # a language given for one run is not saved
    assert i18n.current_language() == "vi"


def test_system_language(monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("vi_VN")))
    assert i18n.system_language() == "vi"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert i18n.system_language() == "en"


def test_widgets_retranslate_on_language_change(qtbot, qapp, settings, tmp_path):
    from annotator.gui.jobs import ExportDialog
    from annotator.gui.stats_view import StatsDialog

    i18n.install(qapp, "en", settings=settings)
    export = ExportDialog(tmp_path / "c.db")
    stats = StatsDialog(tmp_path / "missing.db")
    qtbot.addWidget(export)
    qtbot.addWidget(stats)
    assert stats.windowTitle() == "Statistics"
    i18n.switch("vi")
    qtbot.waitUntil(lambda: stats.windowTitle() == "Thống kê")  # QEvent.LanguageChange is posted
    assert stats.status_box.title() == "Số bài theo trạng thái"
    assert export.export_button.text() == "&Xuất"
    assert export.status_checks["done"].text() == "Đã xong"
    assert export.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    i18n.switch("en")
    qtbot.waitUntil(lambda: stats.windowTitle() == "Statistics")
    assert export.status_checks["done"].text() == "Done"


def test_language_actions_follow_the_language(qapp, settings):
    i18n.install(qapp, "en", settings=settings)
    holder = QWidget()
    group = i18n.language_actions(holder)
    by_code = {a.data(): a for a in group.actions()}
    assert by_code["en"].isChecked() and by_code["vi"].text() == "Tiếng Việt"
    by_code["vi"].trigger()
    assert i18n.current_language() == "vi" and by_code["vi"].isChecked()
    i18n.switch("en")
    assert by_code["en"].isChecked()


# ------------------------------------------------------------------ Qt's own texts in Vietnamese
def test_dialog_buttons_in_vietnamese(qtbot, qapp, settings):
    i18n.install(qapp, "vi", settings=settings)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    more = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
                            | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save
                            | QDialogButtonBox.StandardButton.Discard)
    qtbot.addWidget(more)
    texts = {b.text() for b in more.buttons()}
    assert {"&Có", "&Không", "Đóng", "Lưu", "Không lưu"} <= texts
    i18n.switch("en")
    qtbot.waitUntil(lambda: box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel")


def test_undo_and_edit_menus_in_vietnamese(qtbot, qapp, settings):
    i18n.install(qapp, "vi", settings=settings)
    stack = QUndoStack()
    undo, redo = stack.createUndoAction(None), stack.createRedoAction(None)
    assert (undo.text(), redo.text()) == ("Hoàn tác", "Làm lại")
    stack.push(QUndoCommand("Thêm PER"))
    assert undo.text() == "Hoàn tác Thêm PER"
    edit = QLineEdit("Hà Nội")
    qtbot.addWidget(edit)
    menu_texts = [a.text().split("\t")[0] for a in edit.createStandardContextMenu().actions() if a.text()]
    assert {"&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"} <= set(menu_texts)
    text = QTextEdit("Hà Nội")
    qtbot.addWidget(text)
    assert "&Sao chép" in [a.text().split("\t")[0] for a in text.createStandardContextMenu().actions()]


def test_file_and_input_dialogs_in_vietnamese(qtbot, qapp, settings, tmp_path):
    i18n.install(qapp, "vi", settings=settings)
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    assert i18n.file_dialog_options() == QFileDialog.Option.DontUseNativeDialog
    dialog = QFileDialog(None, "x", str(tmp_path))  # notr
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Tìm trong:"
    assert labels["fileNameLabel"] == "Tên &tệp:"
    assert labels["fileTypeLabel"] == "&Kiểu tệp:"
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    assert "Nhập giá trị:" in [w.text() for w in ask.findChildren(QLabel)]
    ask.close()
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok)  # notr
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    assert "Hiện chi tiết…" in [b.text() for b in box.buttons()]
    box.close()
    i18n.switch("en")
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def test_qt_texts_cover_what_qt_asks_for(qtbot, qapp):
    """Log every lookup Qt makes for the dialogs and menus a reviewer sees; all must be in the table."""
    asked: set[tuple[str, str]] = set()

    class Spy(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            asked.add((context, source))
            return ""

        def isEmpty(self):
            return False

    spy = Spy()
    qapp.installTranslator(spy)
    try:
        every = QDialogButtonBox.StandardButton.NoButton
        for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                       QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No,
                       QDialogButtonBox.StandardButton.Close, QDialogButtonBox.StandardButton.Open,
                       QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Apply,
                       QDialogButtonBox.StandardButton.Discard, QDialogButtonBox.StandardButton.Help,
                       QDialogButtonBox.StandardButton.Reset, QDialogButtonBox.StandardButton.RestoreDefaults):
            every |= button
        widgets = [QDialogButtonBox(every)]
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog()
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            dialog.show()
            widgets.append(dialog)
        ask = QInputDialog()
        ask.show()
        box = QMessageBox()
        box.setDetailedText("x")  # notr
        box.show()
        edit, text = QLineEdit("x"), QTextEdit("x")  # notr
        edit.createStandardContextMenu()
        text.createStandardContextMenu()
        stack = QUndoStack()
        stack.createUndoAction(None)
        stack.createRedoAction(None)
        stack.push(QUndoCommand("c"))
        qtbot.wait(50)
        widgets += [ask, box, edit, text]
        for widget in widgets:
            widget.close()
    finally:
        qapp.removeTranslator(spy)
    covered = {(c, s) for c, s, _m, _vi in qt_texts.entries()}
    ignored = {"QShortcut", "QProgressBar"}  # key names stay as they are; "%p%" needs nothing
    missing = sorted(k for k in asked if k not in covered and k[0] not in ignored and k[0].startswith("Q"))
    assert missing == []


def test_qt_texts_without_the_qm(qtbot, qapp, settings, tmp_path):
    """A checkout without qt_vi.qm still gets Vietnamese Qt texts, from the table."""
    shutil.copy(I18N / "annotator_vi.qm", tmp_path / "annotator_vi.qm")
    i18n.install(qapp, "vi", settings=settings, directory=tmp_path)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert QCoreApplication.translate("Jobs", "Import files") == "Nhập tệp"
    assert any(isinstance(t, qt_texts.TableTranslator) for t in i18n.notifier().translators)


def test_language_change_event_reaches_widgets(qtbot, qapp, settings):
    seen = []

    class Probe(QWidget):
        def changeEvent(self, event):  # noqa: N802
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(i18n.current_language())
            super().changeEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    i18n.install(qapp, "en", settings=settings)
    i18n.switch("vi")
    qtbot.waitUntil(lambda: "vi" in seen)
