"""The main window's long jobs: import, merge, pre-annotate, train, export (and the statistics window).

Each ``start_*`` function uses ``window.corpus_path``, ``window.reviewer`` and
``window.tasks`` (a :class:`~annotator.gui.workers.TaskRunner`; one is created when missing),
runs the core function on the thread pool with its own ``Corpus`` connection, and calls
``window.refresh_documents()`` when the job ends, also after a cancel (what was finished is
kept). Only one job of each kind runs at a time.

:class:`JobActions` gives ready-made, self-retranslating QActions for a menu or toolbar.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats import registry
from annotator.gui import i18n
from annotator.gui.stats_view import STATUS_TEXTS, StatsDialog, status_text
from annotator.gui.workers import Task, TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Jobs", text)


# ---------------------------------------------------------------------------------- helpers
def runner_for(window: QWidget) -> TaskRunner:
    """The window's TaskRunner (``window.tasks``), created on first use."""
    runner = getattr(window, "tasks", None)
    if not isinstance(runner, TaskRunner):
        runner = TaskRunner(window)
        window.tasks = runner
    return runner


def _corpus_path(window: QWidget) -> str:
    path = getattr(window, "corpus_path", None)
    if not path:
        raise ValueError("the window has no corpus open")
    return str(path)


def _reviewer(window: QWidget) -> str | None:
    return getattr(window, "reviewer", None) or None


def _refresh(window: QWidget) -> None:
    refresh = getattr(window, "refresh_documents", None)
    if callable(refresh):
        refresh()


def _status(window: QWidget, message: str, timeout: int = 15000) -> None:
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(message, timeout)


def _running(window: QWidget, kind: str) -> Task | None:
    for task in runner_for(window).running():
        if getattr(task, "kind", None) == kind:
            return task
    return None


def show_info(window: QWidget, title: str, message: str, details: str = "") -> QMessageBox:
    """A non-blocking information box (``open()``, never ``exec()``)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, window)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    window._last_info_box = box  # for tests and for keeping a reference
    return box


def _start(window: QWidget, kind: str, title: str, fn, *args: Any, on_done=None, on_cancel=None) -> Task:
    existing = _running(window, kind)
    if existing is not None:
        _status(window, _tr("%1 is already running").replace("%1", existing.title))
        return existing

    def cancelled() -> None:
        _refresh(window)
        if on_cancel is not None:
            on_cancel()

    def failed(_exc: BaseException) -> bool:
        _refresh(window)  # a failure half-way may still have committed parts
        return False

    task = runner_for(window).start(title, fn, *args, on_done=on_done, on_error=failed, on_cancel=cancelled)
    task.kind = kind
    return task


# ---------------------------------------------------------------------------------- import
def _import_work(progress, corpus_path: str, paths: list[str], as_suggestions: bool, new_labels: str,
                 fmt: str, who: str | None):
    from annotator.core.importer import import_paths
    from annotator.core.store import Corpus

    with Corpus(corpus_path) as corpus:
        return import_paths(corpus, [Path(p) for p in paths], as_suggestions=as_suggestions,
                            new_labels=new_labels, fmt=fmt, who=who, progress=progress)


def _count(n: Any) -> str:
    return QLocale().toString(int(n))


def import_summary(report) -> str:
    """The import report in the interface language (the core's own summary is English)."""
    if not hasattr(report, "added"):
        return report.summary()
    parts = [_tr("Documents imported: %1 (spans: %2, files: %3)").replace("%1", _count(report.added))
             .replace("%2", _count(getattr(report, "spans", 0))).replace("%3", _count(getattr(report, "files", 0)))]
    for count, text in ((getattr(report, "merged", 0), _tr("records merged into a document of the same text: %1")),
                        (getattr(report, "duplicates", 0), _tr("duplicates skipped: %1")),
                        (getattr(report, "rejected", 0), _tr("records rejected: %1")),
                        (len(getattr(report, "failed_files", []) or []), _tr("files that failed: %1")),
                        (len(getattr(report, "empty_files", []) or []), _tr("empty files: %1"))):
        if count:
            parts.append(text.replace("%1", _count(count)))
    labels = list(getattr(report, "labels_added", []) or [])
    if labels:
        parts.append(_tr("new labels: %1").replace("%1", ", ".join(labels)))
    return "; ".join(parts)


def export_summary(report) -> str:
    if not hasattr(report, "documents"):
        return report.summary()
    files = list(getattr(report, "files", []) or [])
    text = _tr("Documents exported: %1 (spans: %2)").replace("%1", _count(report.documents)) \
        .replace("%2", _count(getattr(report, "spans", 0)))
    if files:
        text += " → " + ", ".join(files)
    return text


def start_import(window: QWidget, paths: Sequence[str | os.PathLike], *, as_suggestions: bool = False,
                 new_labels: str = "refuse", fmt: str = "auto") -> Task:
    """Import files or folders into the window's corpus in the background."""
    def done(report) -> str:
        _refresh(window)
        summary = import_summary(report)
        problems = list(getattr(report, "problems", []) or [])
        if problems:
            show_info(window, _tr("Import finished with problems"), summary,
                      "\n".join(str(p) for p in problems))
        return summary

    return _start(window, "import", _tr("Import"), _import_work, _corpus_path(window),
                  [str(p) for p in paths], as_suggestions, new_labels, fmt, _reviewer(window), on_done=done)


def import_filter() -> str:
    """The import dialog's name filters: every extension the importer reads (from the format
    registry), then one filter per readable file format, then all files."""
    patterns = " ".join(f"*{ext}" for ext in registry.import_extensions())
    filters = [f"{_tr('Articles and annotations')} ({patterns})"]
    for fmt in registry.FORMATS:
        if fmt.container:
            filters.append(f"{format_text(fmt.name)} ({' '.join(f'*{ext}' for ext in fmt.extensions)})")
    filters.append(f"{_tr('All files')} (*)")
    return ";;".join(filters)


def choose_and_import(window: QWidget) -> Task | None:
    """Ask for files (Qt's own translated dialog in Vietnamese), then import them."""
    paths, _ = QFileDialog.getOpenFileNames(window, _tr("Import files"), "", import_filter(),
                                            options=i18n.file_dialog_options())
    return start_import(window, paths) if paths else None


def choose_folder_and_import(window: QWidget) -> Task | None:
    folder = QFileDialog.getExistingDirectory(window, _tr("Import a folder"), "",
                                              QFileDialog.Option.ShowDirsOnly | i18n.file_dialog_options())
    return start_import(window, [folder]) if folder else None


# ---------------------------------------------------------------------------------- merge
def _merge_work(progress, corpus_path: str, paths: list[str], conflicts: str, who: str | None):
    from annotator.core.merge import merge_sources
    from annotator.core.store import Corpus

    with Corpus(corpus_path) as corpus:
        return merge_sources(corpus, [Path(p) for p in paths], conflicts=conflicts, who=who, progress=progress)


def _f1(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(float(value), "f", 2)


def merge_summary(report) -> str:
    """The merge report in the interface language (the core's own summary is English)."""
    if not hasattr(report, "taken"):
        return report.summary()
    parts = [_tr("Merged: %1 added, %2 taken, %3 conflicts, %4 skipped")
             .replace("%1", _count(report.added)).replace("%2", _count(report.taken))
             .replace("%3", _count(len(report.conflicts))).replace("%4", _count(report.skipped))]
    if report.suggested:
        parts.append(_tr("suggestions added: %1").replace("%1", _count(report.suggested)))
    if report.conflicts:
        parts.append(_tr("entity F1 between reviewers on conflicts: %1").replace("%1", _f1(report.agreement)))
    if report.failed_sources:
        parts.append(_tr("sources that failed: %1").replace("%1", _count(len(report.failed_sources))))
    if report.labels_added:
        parts.append(_tr("new labels: %1").replace("%1", ", ".join(report.labels_added)))
    return "; ".join(parts)


def merge_conflict_line(conflict) -> str:
    """One conflict for the details of the merge message box."""
    if conflict.resolution == "theirs":
        settled = _tr("replaced by theirs")
    elif conflict.resolution == "suggested":
        settled = _tr("suggestions added: %1").replace("%1", _count(conflict.suggested))
    else:
        settled = _tr("kept ours")
    return (_tr("%1 (%2 vs %3): entity F1 %4; %5").replace("%1", conflict.title)
            .replace("%2", conflict.ours or "?").replace("%3", conflict.theirs or "?")
            .replace("%4", _f1(conflict.f1)).replace("%5", settled))


def start_merge(window: QWidget, paths: Sequence[str | os.PathLike], *, conflicts: str = "keep") -> Task:
    """Merge other reviewers' corpora (.db) or native JSONL exports into the window's corpus in the
    background (see :mod:`annotator.core.merge`); conflicts and failed sources are listed in a box."""
    def done(report) -> str:
        _refresh(window)
        summary = merge_summary(report)
        problems = [str(p) for p in getattr(report, "problems", []) or []]
        lines = [merge_conflict_line(c) for c in getattr(report, "conflicts", []) or []]
        if problems or lines:
            title = _tr("Merge finished with problems") if problems else _tr("Merge finished with conflicts")
            show_info(window, title, summary, "\n".join(problems + lines))
        return summary

    return _start(window, "merge", _tr("Merge"), _merge_work, _corpus_path(window), [str(p) for p in paths],
                  conflicts, _reviewer(window), on_done=done)


MERGE_FILTER = QT_TRANSLATE_NOOP("Jobs", "Corpora and native exports (*.db *.jsonl);;All files (*)")


def choose_and_merge(window: QWidget, conflicts: str = "keep") -> Task | None:
    """Ask for other reviewers' corpus files or native exports, then merge them."""
    paths, _ = QFileDialog.getOpenFileNames(window, _tr("Merge reviewers' work"), "", _tr(MERGE_FILTER),
                                            options=i18n.file_dialog_options())
    return start_merge(window, paths, conflicts=conflicts) if paths else None


# ---------------------------------------------------------------------------------- pre-annotate and train
def _preannotate_work(progress, corpus_path: str, only: str) -> int:
    from annotator.nlp.jobs import preannotate_corpus

    return preannotate_corpus(corpus_path, only=only, progress=progress, jobs=0)


def start_preannotate(window: QWidget, only: str = "all") -> Task:
    """Pre-highlight entities and directives as suggestions ('all' not-done documents, or 'new')."""
    def done(count) -> str:
        _refresh(window)
        return _tr("Pre-annotation finished: %1 documents").replace("%1", QLocale().toString(int(count or 0)))

    return _start(window, "preannotate", _tr("Pre-annotation"), _preannotate_work, _corpus_path(window), only,
                  on_done=done)


def _train_work(progress, corpus_path: str):
    from annotator.nlp.jobs import train_from_corpus

    return train_from_corpus(corpus_path, progress=progress)


def start_train(window: QWidget) -> Task:
    """Train an entity model from the accepted annotations; it becomes active if it is better."""
    def done(report) -> str:
        _refresh(window)
        summary = report.summary()
        show_info(window, _tr("Training finished"), summary)
        return summary.splitlines()[0] if summary else _tr("Training finished")

    return _start(window, "train", _tr("Training"), _train_work, _corpus_path(window), on_done=done)


# ---------------------------------------------------------------------------------- export
#: the translations of the format registry's descriptions (lupdate reads these literals;
#: tests/test_formats_peers.py checks that every registered format has one)
FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Plain text articles"),
    QT_TRANSLATE_NOOP("ExportDialog", "JSON lines (native, Prodigy, doccano, Label Studio or hf records)"),
    QT_TRANSLATE_NOOP("ExportDialog", "JSON array (native, Prodigy, doccano, Label Studio or hf records)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Annotator JSONL (everything, re-importable)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Prodigy JSONL"),
    QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"),
    QT_TRANSLATE_NOOP("ExportDialog", "CoNLL (one token per line, BIO tags)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Hugging Face datasets (JSONL of tokens and tags)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Directive sentences (JSONL)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Label Studio JSON (tasks with annotations)"),
    QT_TRANSLATE_NOOP("ExportDialog", "WebAnno / INCEpTION TSV 3.3"),
    QT_TRANSLATE_NOOP("ExportDialog", "spaCy DocBin"),
)


def format_text(name: str) -> str:
    """A registered format's description in the interface language."""
    return _etr(registry.get(name).description)


TOKEN_LEVELS = (
    ("word", QT_TRANSLATE_NOOP("ExportDialog", "Words (underthesea segmentation)")),
    ("syllable", QT_TRANSLATE_NOOP("ExportDialog", "Syllables")),
)


def _etr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class ExportDialog(QDialog):
    """Format, document filter, split and output path of an export. Works without ``exec()``:
    set the fields, call ``accept()``, read ``output_path()`` and ``options()``."""

    def __init__(self, corpus_path: str | os.PathLike | None = None, reviewer: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.corpus_path = Path(corpus_path) if corpus_path else None
        self.reviewer = reviewer
        self.task: Task | None = None
        self._path_edited = False

        self.format_combo = QComboBox()
        for code in registry.export_names():
            self.format_combo.addItem("", code)
        default_format = self.format_combo.findData("native")
        self.format_combo.setCurrentIndex(default_format)
        self.level_combo = QComboBox()
        for code, _ in TOKEN_LEVELS:
            self.level_combo.addItem("", code)

        self.status_box = QGroupBox()
        status_layout = QHBoxLayout(self.status_box)
        self.status_checks: dict[str, QCheckBox] = {}
        for code in STATUS_TEXTS:
            check = QCheckBox()
            check.setChecked(code == "done")
            check.toggled.connect(self._validate)
            self.status_checks[code] = check
            status_layout.addWidget(check)
        self.mine_check = QCheckBox()
        self.mine_check.setVisible(bool(reviewer))

        self.split_check = QCheckBox()
        self.train_spin, self.dev_spin, self.test_spin = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, value in ((self.train_spin, 80), (self.dev_spin, 10), (self.test_spin, 10)):
            spin.setRange(0, 100)
            spin.setValue(value)
            spin.setSuffix(" %")
            spin.valueChanged.connect(self._validate)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(13)
        self.split_row = QWidget()
        split_layout = QHBoxLayout(self.split_row)
        split_layout.setContentsMargins(0, 0, 0, 0)
        self.train_label, self.dev_label, self.test_label, self.seed_label = QLabel(), QLabel(), QLabel(), QLabel()
        for label, spin in ((self.train_label, self.train_spin), (self.dev_label, self.dev_spin),
                            (self.test_label, self.test_spin), (self.seed_label, self.seed_spin)):
            label.setBuddy(spin)
            split_layout.addWidget(label)
            split_layout.addWidget(spin)
        split_layout.addStretch(1)

        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(self._validate)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")

        self.form = QFormLayout()
        self.format_label, self.level_label, self.output_label = QLabel(), QLabel(), QLabel()
        self.format_label.setBuddy(self.format_combo)
        self.level_label.setBuddy(self.level_combo)
        self.output_label.setBuddy(self.path_edit)
        self.form.addRow(self.format_label, self.format_combo)
        self.form.addRow(self.level_label, self.level_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Our own button: a standard Ok would get its text back from Qt on every language change.
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status_box)
        layout.addWidget(self.mine_check)
        layout.addWidget(self.split_check)
        layout.addWidget(self.split_row)
        output_form = QFormLayout()
        output_form.addRow(self.output_label, path_row)
        layout.addLayout(output_form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.split_check.toggled.connect(self._on_split_toggled)
        self.retranslate()
        self._on_format_changed()
        self._on_split_toggled(False)

    # ------------------------------------------------------------------ values
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def set_format(self, code: str) -> None:
        index = self.format_combo.findData(code)
        if index < 0:
            raise ValueError(f"unknown export format {code!r}")
        self.format_combo.setCurrentIndex(index)

    def statuses(self) -> list[str]:
        return [code for code, check in self.status_checks.items() if check.isChecked()]

    def split(self) -> str | None:
        if not self.split_check.isChecked():
            return None
        return f"{self.train_spin.value()},{self.dev_spin.value()},{self.test_spin.value()}"

    def output_path(self) -> str:
        return self.path_edit.text().strip()

    def set_output_path(self, path: str | os.PathLike) -> None:
        self._path_edited = True
        self.path_edit.setText(str(path))

    def options(self):
        """The chosen options as the exporter's ``ExportOptions``."""
        from annotator.core.exporter import ExportOptions

        level = self.level_combo.currentData() if registry.get(self.fmt()).levels else "word"
        return ExportOptions(fmt=self.fmt(), statuses=self.statuses() or None, labels=None,
                             reviewer=self.reviewer if self.mine_check.isChecked() and self.reviewer else None,
                             states=None, level=level, split=self.split(), seed=self.seed_spin.value())

    def problem(self) -> str | None:
        """Why the dialog cannot be accepted yet, or None."""
        if not self.statuses():
            return _etr("Choose at least one document status.")
        parts = self.train_spin.value() + self.dev_spin.value() + self.test_spin.value()
        if self.split_check.isChecked() and not parts:
            return _etr("The split proportions add up to nothing.")
        if not self.output_path():
            return _etr("Choose where to write the export.")
        return None

    # ------------------------------------------------------------------ behaviour
    def _default_path(self) -> str:
        folder = self.corpus_path.parent if self.corpus_path else Path.home()
        stem = f"{self.corpus_path.stem if self.corpus_path else 'corpus'}-{self.fmt()}"
        if self.split_check.isChecked() or registry.get(self.fmt()).folder:
            return str(folder / stem)
        return str(folder / (stem + registry.get(self.fmt()).extensions[0]))

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _on_format_changed(self, *_args) -> None:
        tokens = registry.get(self.fmt()).levels
        self.level_combo.setEnabled(tokens)
        self.level_label.setEnabled(tokens)
        if not self._path_edited:
            self.path_edit.setText(self._default_path())

    def _on_split_toggled(self, checked: bool) -> None:
        self.split_row.setEnabled(checked)
        if not self._path_edited:
            self.path_edit.setText(self._default_path())
        self.retranslate_output()

    def _validate(self, *_args) -> None:
        problem = self.problem()
        self.export_button.setEnabled(problem is None)
        self.problem_label.setText(problem or "")

    def browse(self) -> None:
        options = i18n.file_dialog_options()
        if self.split_check.isChecked() or registry.get(self.fmt()).folder:
            path = QFileDialog.getExistingDirectory(self, _etr("Folder for the train, dev and test files"),
                                                    self.output_path(), QFileDialog.Option.ShowDirsOnly | options)
        else:
            path, _ = QFileDialog.getSaveFileName(self, _etr("Export to"), self.output_path(), "", options=options)
        if path:
            self.set_output_path(path)

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.problem_label.setText(problem)
            return
        super().accept()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(_etr("Export"))
        for i, code in enumerate(registry.export_names()):
            self.format_combo.setItemText(i, format_text(code))
        for i, (_code, text) in enumerate(TOKEN_LEVELS):
            self.level_combo.setItemText(i, _etr(text))
        self.format_label.setText(_etr("&Format:"))
        self.level_label.setText(_etr("&Tokens:"))
        self.status_box.setTitle(_etr("Documents with status"))
        for code, check in self.status_checks.items():
            check.setText(status_text(code))
        self.mine_check.setText(_etr("Only documents I reviewed"))
        self.split_check.setText(_etr("&Split into train, dev and test sets"))
        self.train_label.setText(_etr("Train:"))
        self.dev_label.setText(_etr("Dev:"))
        self.test_label.setText(_etr("Test:"))
        self.seed_label.setText(_etr("Seed:"))
        self.seed_spin.setToolTip(_etr("The same seed gives the same split"))
        self.browse_button.setText(_etr("&Browse…"))
        self.export_button.setText(_etr("&Export"))
        self.retranslate_output()
        self._validate()

    def retranslate_output(self) -> None:
        self.output_label.setText(_etr("Output &folder:") if self.split_check.isChecked() else _etr("Output &file:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _export_work(progress, corpus_path: str, out: str, options):
    from annotator.core.exporter import export
    from annotator.core.store import Corpus

    with Corpus(corpus_path) as corpus:
        return export(corpus, out, options, progress=progress)


def run_export(window: QWidget, out: str | os.PathLike, options) -> Task:
    """Export with the given ``ExportOptions`` in the background."""
    def done(report) -> str:
        _refresh(window)
        return export_summary(report)

    return _start(window, "export", _tr("Export"), _export_work, _corpus_path(window), str(out), options,
                  on_done=done)


def start_export(window: QWidget) -> ExportDialog:
    """Open the export dialog (without blocking); accepting it starts the export.

    Returns the dialog; after ``accept()`` its ``task`` is the running export.
    """
    dialog = ExportDialog(getattr(window, "corpus_path", None), _reviewer(window), window)

    def accepted() -> None:
        dialog.task = run_export(window, dialog.output_path(), dialog.options())

    dialog.accepted.connect(accepted)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog


def show_stats(window: QWidget) -> StatsDialog:
    """The statistics window of the window's corpus (not modal; it can stay open)."""
    dialog = StatsDialog(_corpus_path(window), window)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.show()
    return dialog


# ---------------------------------------------------------------------------------- actions
class JobActions(QObject):
    """QActions for the jobs, retranslated when the language changes (put them in any menu)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.import_files = QAction(window)
        self.import_folder = QAction(window)
        self.preannotate = QAction(window)
        self.train = QAction(window)
        self.export = QAction(window)
        self.statistics = QAction(window)
        self.import_files.triggered.connect(lambda: choose_and_import(window))
        self.import_folder.triggered.connect(lambda: choose_folder_and_import(window))
        self.preannotate.triggered.connect(lambda: start_preannotate(window))
        self.train.triggered.connect(lambda: start_train(window))
        self.export.triggered.connect(lambda: start_export(window))
        self.statistics.triggered.connect(lambda: show_stats(window))
        self.retranslate()
        i18n.notifier().languageChanged.connect(self.retranslate)

    def actions(self) -> list[QAction]:
        return [self.import_files, self.import_folder, self.preannotate, self.train, self.export, self.statistics]

    def retranslate(self, *_args) -> None:
        self.import_files.setText(_tr("&Import files…"))
        self.import_files.setStatusTip(_tr("Add articles and annotations (text, JSON, CoNLL, WebAnno, spaCy, ...) to the corpus"))
        self.import_folder.setText(_tr("Import a &folder…"))
        self.import_folder.setStatusTip(_tr("Add every article in a folder to the corpus"))
        self.preannotate.setText(_tr("&Pre-annotate"))
        self.preannotate.setStatusTip(_tr("Highlight likely entities and directives as suggestions to review"))
        self.train.setText(_tr("&Train the model"))
        self.train.setStatusTip(_tr("Learn from the accepted annotations to improve the suggestions"))
        self.export.setText(_tr("&Export…"))
        self.export.setStatusTip(_tr("Write the corpus as training data"))
        self.statistics.setText(_tr("&Statistics"))
        self.statistics.setStatusTip(_tr("Documents by status, spans by label, progress per day"))
