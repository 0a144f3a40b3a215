"""The review window: document list, article, label palette, span list and directive panel.

A thin layer over the Qt-free core: the window turns keys and clicks into calls on the
:class:`ReviewSession`, which pushes undo commands that write to SQLite at once. Views
follow the span model's signals.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QKeyCombination, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.core.model import SpanState, Status
from annotator.core.store import Corpus, CorpusError, DocumentFilter
from annotator.gui.article_view import ArticleView
from annotator.gui.auto_backup import AutoBackup
from annotator.gui.corpus_guard import CorpusGuard, banner_text, open_for_window
from annotator.gui.commands import status_name
from annotator.gui.directive_panel import DirectivePanel
from annotator.gui.document_list import STATUS_COLOURS, DocumentListPanel
from annotator.gui.help_dialog import ShortcutsDialog
from annotator.gui.label_palette import LabelPalette
from annotator.gui.session import UNFINISHED, ReviewSession, app_settings
from annotator.gui.span_list import SpanListPanel

log = logging.getLogger(__name__)

FLUSH_INTERVAL_MS = 30_000
#: Each language named in itself (as annotator.gui.i18n.LANGUAGE_NAMES): not translated.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
KEY = Qt.Key
MOD = Qt.KeyboardModifier


def _optional(module: str):
    """A sibling GUI module written elsewhere in the project, or None while it does not exist."""
    try:
        return importlib.import_module(f"annotator.gui.{module}")
    except ImportError:
        return None


def _keys(*specs) -> list[QKeySequence]:
    out = []
    for spec in specs:
        if isinstance(spec, QKeySequence.StandardKey):
            out.extend(QKeySequence.keyBindings(spec))
        elif isinstance(spec, str):
            out.append(QKeySequence(spec))
        else:
            out.append(QKeySequence(spec))
    return out


def _combo(key: Qt.Key, mods=MOD.NoModifier) -> QKeySequence:
    return QKeySequence(QKeyCombination(mods, key))


class MainWindow(QMainWindow):
    """The review window. Exposes corpus_path, corpus, reviewer, current_document_id,
    undo_stack and refresh_documents() for the background jobs."""

    def __init__(self, corpus: Corpus, reviewer: str, *, restore_state: bool = True,
                 start_document: int | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.corpus_path = str(corpus.path)
        self.session = ReviewSession(corpus, reviewer, self)
        self.undo_stack = self.session.undo_stack
        self.jobs = _optional("jobs")
        self.i18n = _optional("i18n")
        self.actions_by_name: dict[str, QAction] = {}
        self.label_actions: list[QAction] = []
        self._closed = False
        self._model_cache: tuple[str, str] | None = None
        self._edited: set[int] = set()
        self._header_doc: int | None = None
        self._save_state = restore_state

        self._build_central()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.setMinimumSize(QSize(900, 560))

        s = self.session
        s.documentChanged.connect(self._document_changed)
        s.documentEdited.connect(self._document_edited)
        s.selectionChanged.connect(self._update_action_states)
        s.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        s.spans.spanChanged.connect(lambda *_: self._update_action_states())
        self.undo_stack.indexChanged.connect(lambda _i: self._schedule_status())

        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(40)
        self._status_timer.timeout.connect(self._refresh_after_edits)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self.flush_time)
        self._flush_timer.start()

        self.guard, self.auto_backup = CorpusGuard(self), AutoBackup(self)
        self._load_preferences()
        self.retranslate_ui()
        self._corpus_loaded(start_document)
        learning = _optional("learning")  # instant memory and background retraining (issue 13)
        self.learning = learning.LearningController(self) if learning is not None else None
        if restore_state:
            self._restore_window_state()

    # ================================================================== public API
    @property
    def corpus(self) -> Corpus:
        return self.session.corpus

    @property
    def reviewer(self) -> str:
        return self.session.reviewer

    @property
    def current_document_id(self) -> int | None:
        return self.session.current_document_id

    def refresh_documents(self) -> None:
        """Re-read the corpus after an import, pre-annotation or training finished."""
        if self._closed:
            return
        self.session.spans.set_labels(self.corpus.labels())
        self._rebuild_label_actions()
        self.documents.refresh_filters()
        self.documents.reload()
        self._model_cache = None
        if self.current_document_id is None:
            self.show_document(self._start_document())
        else:
            self.session.reload()
            self.documents.select_document(self.current_document_id)
        self.update_status_bar()

    def show_document(self, doc_id: int | None, *, focus: bool = True) -> None:
        """Show a document; ``focus`` moves the keyboard to the article (not while browsing the list)."""
        try:
            self.session.show_document(doc_id)
        except KeyError:
            self.session.show_document(None)
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ================================================================== building
    def _build_central(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QLabel(central)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#readOnlyBanner { background: #fef7e0; color: #7a4f01;"
                                  " border-bottom: 1px solid #f9e2a0; padding: 8px 14px; font-weight: 600; }")
        self.banner.hide()
        header = QFrame(central)
        header.setObjectName("articleHeader")
        header.setStyleSheet("QFrame#articleHeader { background: #ffffff; border-bottom: 1px solid #e3e6ea; }")
        hl = QVBoxLayout(header)
        hl.setContentsMargins(50, 14, 28, 10)
        hl.setSpacing(4)
        self.title_label = QLabel(header)
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.45, 14.0))
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setStyleSheet("color: #1b1f24;")
        info_row = QHBoxLayout()
        info_row.setSpacing(10)
        self.status_chip = QLabel(header)
        self.status_chip.setObjectName("statusChip")
        self.info_label = QLabel(header)
        self.info_label.setObjectName("articleInfo")
        self.info_label.setStyleSheet("color: #5f6368;")
        # long file names must not widen the article column
        self.info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        info_row.addWidget(self.status_chip)
        info_row.addWidget(self.info_label, 1)
        hl.addWidget(self.title_label)
        hl.addLayout(info_row)
        self.view = ArticleView(self.session, central)
        self.view.setAcceptDrops(False)
        self.view.contextMenuRequested.connect(self._fill_context_menu)
        self.view.selectionChanged.connect(self._text_selection_changed)
        layout.addWidget(self.banner)
        layout.addWidget(header)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.documents = DocumentListPanel(self.session.corpus, self)
        self.documents.documentActivated.connect(lambda doc_id: self.show_document(doc_id, focus=False))
        self.documents.table.activated.connect(lambda _i: self.view.setFocus())
        self.documents.filterChanged.connect(self._filter_changed)
        self.documents_dock = self._dock("documentsDock", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.span_list = SpanListPanel(self.session, self)
        self.spans_dock = self._dock("spansDock", self.span_list, Qt.DockWidgetArea.RightDockWidgetArea)
        self.directives = DirectivePanel(self.session, self)
        self.directives_dock = self._dock("directivesDock", self.directives, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.spans_dock, self.directives_dock, Qt.Orientation.Vertical)
        self._size_docks = True
        self.palette = LabelPalette(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.palette)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, name: str, slot=None, keys=(), *, local: bool = False, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts(_keys(*keys))
        if checkable:
            action.setCheckable(True)
        if slot is not None:
            if checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(lambda _checked=False: slot())
        if local:
            # span editing keys act where the reviewer works on spans, never in the search box
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.span_list.addAction(action)
        else:
            self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        jobs_ok = self.jobs is not None
        # File
        a("import_files", self.import_files, ["Ctrl+I"]).setEnabled(jobs_ok)
        a("import_folder", self.import_folder, ["Ctrl+Shift+I"]).setEnabled(jobs_ok)
        a("export", self.export, ["Ctrl+E"]).setEnabled(jobs_ok)
        a("open_corpus", self.ask_open_corpus, ["Ctrl+O"])
        a("new_corpus", self.ask_new_corpus, ["Ctrl+N"])
        a("change_reviewer", self.ask_reviewer, ["Ctrl+Shift+U"])
        a("quit", self.close, ["Ctrl+Q"])
        # Edit
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self._setup_undo_actions()
        a("accept_all", self.accept_all, ["Ctrl+Shift+A"])
        # Span (keys active in the article and the span list)
        a("accept", self.accept_selected, [_combo(KEY.Key_Return), _combo(KEY.Key_Enter)], local=True)
        a("reject", self.reject_selected, ["X"], local=True)
        a("delete", self.delete_selected, [_combo(KEY.Key_Delete), _combo(KEY.Key_Backspace)], local=True)
        a("next_span", lambda: self.cycle_span(True), [_combo(KEY.Key_Tab)], local=True)
        a("previous_span", lambda: self.cycle_span(False),
          [_combo(KEY.Key_Backtab, MOD.ShiftModifier), _combo(KEY.Key_Tab, MOD.ShiftModifier)], local=True)
        a("grow_end", lambda: self.resize_selected("end", True), ["Alt+Shift+Right"], local=True)
        a("shrink_end", lambda: self.resize_selected("end", False), ["Alt+Shift+Left"], local=True)
        a("grow_start", lambda: self.resize_selected("start", True), ["Alt+Shift+Up"], local=True)
        a("shrink_start", lambda: self.resize_selected("start", False), ["Alt+Shift+Down"], local=True)
        a("set_issuer", lambda: self.relate_selected("issuer"), ["I"], local=True)
        a("set_addressee", lambda: self.relate_selected("addressee"), ["A"], local=True)
        a("clear_selection", lambda: self.session.select(None), [_combo(KEY.Key_Escape)], local=True)
        # Document
        a("done_next", self.mark_done_and_next, ["Ctrl+Return", "Ctrl+Enter"])
        a("skip", self.skip_document, ["Ctrl+K"])
        a("next_document", lambda: self.step_document(1), ["Alt+Right", "Ctrl+PgDown"])
        a("previous_document", lambda: self.step_document(-1), ["Alt+Left", "Ctrl+PgUp"])
        a("next_unfinished", self.go_next_unfinished, ["Ctrl+J"])
        a("focus_search", self.focus_search, ["Ctrl+F"])
        a("focus_list", lambda: self.documents.table.setFocus(), ["Ctrl+L"])
        a("focus_article", lambda: self.view.setFocus(), ["F6"])
        # View
        a("snap_words", self.set_snap_to_words, ["Ctrl+Shift+W"], checkable=True)
        a("show_rejected", self.set_show_rejected, ["Ctrl+Shift+H"], checkable=True)
        a("zoom_in", lambda: self.zoom(1), ["Ctrl++", "Ctrl+="])
        a("zoom_out", lambda: self.zoom(-1), ["Ctrl+-"])
        a("zoom_reset", lambda: self.zoom(0), ["Ctrl+0"])
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code in ("vi", "en"):
            act = a(f"language_{code}", lambda c=code: self.set_language(c), checkable=False)
            act.setCheckable(True)
            act.setEnabled(self.i18n is not None)
            self.language_group.addAction(act)
        # Tools
        a("preannotate", self.preannotate, ["Ctrl+Shift+P"]).setEnabled(jobs_ok)
        a("train", self.train, ["Ctrl+Shift+T"]).setEnabled(jobs_ok)
        a("statistics", self.show_statistics, ["Ctrl+Shift+S"]).setEnabled(_optional("stats_view") is not None)
        a("labels", self.edit_labels, ["Ctrl+Shift+L"])
        a("merge", self.merge_work, ["Ctrl+Shift+M"]).setEnabled(jobs_ok)
        # Help
        a("shortcuts", self.show_shortcuts, ["F1"])
        a("about", self.show_about)

    def _setup_undo_actions(self) -> None:
        self.undo_action.setObjectName("undo")
        self.redo_action.setObjectName("redo")
        self.undo_action.setShortcuts(_keys("Ctrl+Z"))
        self.redo_action.setShortcuts(_keys("Ctrl+Shift+Z", "Ctrl+Y"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.actions_by_name["undo"] = self.undo_action
        self.actions_by_name["redo"] = self.redo_action

    def _build_menus(self) -> None:
        n = self.actions_by_name
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for key in ("import_files", "import_folder", "export", None, "merge", None, "open_corpus", "new_corpus", None,
                    "change_reviewer", None, "quit"):
            self._add(self.file_menu, key)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self._add(self.edit_menu, "accept_all")
        self.span_menu = bar.addMenu("")
        self.label_menu = self.span_menu.addMenu("")
        for key in (None, "accept", "reject", "delete", None, "next_span", "previous_span", "clear_selection",
                    None, "grow_end", "shrink_end", "grow_start", "shrink_start", None,
                    "set_issuer", "set_addressee"):
            self._add(self.span_menu, key)
        self.document_menu = bar.addMenu("")
        for key in ("done_next", "skip", None, "next_document", "previous_document", "next_unfinished", None,
                    "focus_search", "focus_list", "focus_article"):
            self._add(self.document_menu, key)
        self.view_menu = bar.addMenu("")
        for key in ("snap_words", "show_rejected", None, "zoom_in", "zoom_out", "zoom_reset", None):
            self._add(self.view_menu, key)
        self.docks_menu = self.view_menu.addMenu("")
        for dock in (self.documents_dock, self.spans_dock, self.directives_dock):
            self.docks_menu.addAction(dock.toggleViewAction())
        self.docks_menu.addAction(self.palette.toggleViewAction())
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(n["language_vi"])
        self.language_menu.addAction(n["language_en"])
        self.tools_menu = bar.addMenu("")
        for key in ("preannotate", "train", "statistics", None, "labels"):
            self._add(self.tools_menu, key)
        self.help_menu = bar.addMenu("")
        for key in ("shortcuts", "about"):
            self._add(self.help_menu, key)

    def _add(self, menu: QMenu, key: str | None) -> None:
        if key is None:
            menu.addSeparator()
        else:
            menu.addAction(self.actions_by_name[key])

    def menus(self) -> list[QMenu]:
        return [self.file_menu, self.edit_menu, self.span_menu, self.document_menu, self.view_menu,
                self.tools_menu, self.help_menu]

    def _rebuild_label_actions(self) -> None:
        for action in self.label_actions:
            self.view.removeAction(action)
            self.span_list.removeAction(action)
            self.label_menu.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        labels = self.corpus.labels()
        for label in labels:
            action = QAction(label.name, self)
            action.setObjectName(f"label_{label.name}")
            if label.key:
                action.setShortcut(QKeySequence(label.key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setData(label.name)
            action.triggered.connect(lambda _checked=False, name=label.name: self.apply_label(name))
            self.view.addAction(action)
            self.span_list.addAction(action)
            self.label_menu.addAction(action)
            self.label_actions.append(action)
        self.palette.set_label_actions(self.label_actions, labels)
        self._retranslate_label_actions()
        self.session.spans.set_labels(labels)
        self.view.highlighter.invalidate_formats()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.reviewer_label = QLabel(bar)
        self.position_label = QLabel(bar)
        self.progress_label = QLabel(bar)
        self.model_label = QLabel(bar)
        for name, widget in (("reviewerLabel", self.reviewer_label), ("positionLabel", self.position_label),
                             ("progressLabel", self.progress_label), ("modelLabel", self.model_label)):
            widget.setObjectName(name)
            widget.setStyleSheet("padding: 0 8px;")
            bar.addPermanentWidget(widget)

    # ================================================================== corpus
    def _corpus_loaded(self, start_document: int | None = None) -> None:
        corpus = self.corpus
        self.corpus_path = str(corpus.path)
        self._rebuild_label_actions()
        self.banner.setVisible(bool(corpus.read_only))
        self.banner.setText(banner_text(corpus))
        self.guard.check_now()
        for name in ("import_files", "import_folder", "preannotate", "train"):
            self.actions_by_name[name].setEnabled(self.jobs is not None and not corpus.read_only)
        self.show_document(start_document if start_document is not None else self._start_document())
        self._update_title()
        self.update_status_bar()

    def _start_document(self) -> int | None:
        last = app_settings().value(self._last_doc_key())
        try:
            last = int(last) if last is not None else None
        except (TypeError, ValueError):
            last = None
        ids = self.documents.model.ids
        if last is not None and self.documents.model.row_of(last) >= 0:
            return last
        unfinished = self.corpus.document_ids(DocumentFilter(status=list(UNFINISHED)))
        if unfinished:
            return unfinished[0]
        return ids[0] if ids else None

    def _last_doc_key(self) -> str:
        digest = hashlib.sha1(str(Path(self.corpus_path).resolve()).encode("utf-8")).hexdigest()[:16]
        return f"lastDocument/{digest}"

    def open_corpus(self, path: str, *, create: bool = False) -> bool:
        """Switch to another corpus file; on failure show why and keep the current one."""
        try:
            corpus = open_for_window(path, create=create)
        except CorpusError as exc:
            from annotator.gui.errors import describe_corpus_error

            self.show_error(self.tr("Cannot open the corpus"), describe_corpus_error(exc))
            return False
        self.flush_time()
        old = self.session.corpus
        self.undo_stack.clear()
        self.session.show_document(None)
        self.session.corpus = corpus
        self.session.spans.set_labels(corpus.labels())
        self.documents.set_corpus(corpus)
        if old is not corpus:
            try:
                old.close()
            except Exception:  # noqa: BLE001
                pass
        self._corpus_loaded()
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 5000)
        return True

    def ask_open_corpus(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open corpus"), str(Path(self.corpus_path).parent),
            self.tr("Annotator corpus (*.db *.sqlite *.sqlite3);;All files (*)"), "", self._dialog_options())
        if path:
            self.open_corpus(path, create=Path(path).is_file() and Path(path).stat().st_size == 0)

    def ask_new_corpus(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New corpus"), str(Path(self.corpus_path).parent / "corpus.db"),
            self.tr("Annotator corpus (*.db)"), "", self._dialog_options())
        if path:
            if Path(path).exists():
                self.show_error(self.tr("Cannot create the corpus"),
                                self.tr("{path} already exists; use Open corpus to open it.").format(path=path))
                return
            self.open_corpus(path, create=True)

    def ask_reviewer(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Reviewer"), self.tr("Your name (recorded with your edits):"),
                                        text=self.reviewer)
        if ok and name.strip():
            self.set_reviewer(name.strip())

    def set_reviewer(self, name: str) -> None:
        self.session.reviewer = name
        app_settings().setValue("reviewer", name)
        self._update_title()
        self.update_status_bar()

    def _dialog_options(self) -> QFileDialog.Option:
        """Qt's own (translated) file dialogs while the interface is Vietnamese."""
        if self.i18n is not None:
            try:
                return self.i18n.file_dialog_options()
            except Exception:  # noqa: BLE001
                pass
        return QFileDialog.Option(0)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ================================================================== documents
    def _document_changed(self, doc_id) -> None:
        self.documents.select_document(doc_id)
        if doc_id is not None and self._save_state:
            app_settings().setValue(self._last_doc_key(), doc_id)
        self.view.set_search_terms(self.documents.search.text())
        self._update_header(counts=False)
        self._update_action_states()
        if doc_id is not None:
            self._edited.add(doc_id)  # span counts in the header follow a moment later
        self._schedule_status()

    def _document_edited(self, doc_id: int) -> None:
        self._edited.add(doc_id)
        self._schedule_status()

    def _refresh_after_edits(self) -> None:
        """Coalesced follow-up of edits: list rows, header and status bar (not in the key path)."""
        if self._closed:
            return
        edited, self._edited = self._edited, set()
        for doc_id in edited:
            self.documents.model.refresh_document(doc_id)
        if self.current_document_id in edited:
            self._update_header()
        self.update_status_bar()

    def _filter_changed(self) -> None:
        self.view.set_search_terms(self.documents.search.text())
        self.update_status_bar()

    def _ordered_ids(self) -> list[int]:
        return self.documents.model.ids

    def step_document(self, delta: int) -> None:
        ids = self._ordered_ids()
        if not ids:
            return
        current = self.current_document_id
        if current is None:
            target = ids[0]
        else:
            i = bisect.bisect_left(ids, current)
            present = i < len(ids) and ids[i] == current
            if delta > 0:
                j = i + 1 if present else i
            else:
                j = i - 1
            if not 0 <= j < len(ids):
                self.statusBar().showMessage(
                    self.tr("This is the last document.") if delta > 0 else self.tr("This is the first document."),
                    3000)
                return
            target = ids[j]
        self.show_document(target)

    def next_unfinished_id(self) -> int | None:
        """The next new or in-progress document after the current one (in list order, wrapping)."""
        flt = self.documents.current_filter()
        flt.status = list(UNFINISHED)
        ids = self.corpus.document_ids(flt)
        current = self.current_document_id
        ids = [i for i in ids if i != current]
        if not ids:
            return None
        if current is None:
            return ids[0]
        j = bisect.bisect_right(ids, current)
        return ids[j] if j < len(ids) else ids[0]

    def go_next_unfinished(self) -> bool:
        target = self.next_unfinished_id()
        if target is None:
            self.statusBar().showMessage(self.tr("All documents are done."), 5000)
            return False
        self.show_document(target)
        return True

    def _finish_document(self, status: Status) -> None:
        """Give the current document its final status (unless it has it) and move on."""
        if self.current_document_id is None:
            return
        already = self.session.document.status == status
        if already or self.session.set_status(status):
            self.go_next_unfinished()

    def mark_done_and_next(self) -> None:
        self._finish_document(Status.DONE)

    def skip_document(self) -> None:
        self._finish_document(Status.SKIPPED)

    def focus_search(self) -> None:
        if not self.documents_dock.isVisible():
            self.documents_dock.show()
        self.documents.search.setFocus()
        self.documents.search.selectAll()

    # ================================================================== span editing
    def _text_selection_changed(self) -> None:
        if self.view.textCursor().hasSelection() and self.session.selected_id is not None:
            self.session.select(None)

    def apply_label(self, label: str) -> None:
        """Label key: create a span from the text selection, or relabel the selected span."""
        rng = self.view.selection_range()
        if rng is not None:
            span = self.session.create_span(rng[0], rng[1], label)
            if span is not None:
                self.view.clear_text_selection(at=span.end)
            return
        if self.session.selected_id is not None:
            self.session.relabel(self.session.selected_id, label)
            return
        self.statusBar().showMessage(self.tr("Select some text or a span first."), 3000)

    def accept_selected(self) -> None:
        if self.session.selected_id is not None:
            self.session.set_state(self.session.selected_id, SpanState.ACCEPTED)

    def reject_selected(self) -> None:
        span = self.session.selected
        if span is None:
            return
        self.session.set_state(span.id, SpanState.REJECTED)
        if not self.view.highlighter.show_rejected:
            self.session.cycle(True, from_pos=span.end)

    def delete_selected(self) -> None:
        span = self.session.selected
        if span is not None:
            self.session.delete(span.id)

    def cycle_span(self, forward: bool) -> None:
        pos = self.view.from_utf16(self.view.textCursor().position())
        self.session.cycle(forward, include_rejected=self.view.highlighter.show_rejected, from_pos=pos)

    def resize_selected(self, edge: str, grow: bool) -> None:
        if self.session.selected_id is not None:
            self.session.resize(self.session.selected_id, edge, grow)

    def accept_all(self) -> None:
        n = self.session.accept_all()
        if n:
            self.statusBar().showMessage(self.tr("Accepted {n} suggestions.").format(n=n), 4000)

    def relate_selected(self, relation: str) -> None:
        """I / A: the selected entity becomes issuer / addressee of the directive around it."""
        span = self.session.selected
        if span is None:
            return
        model = self.session.spans
        if model.is_directive(span):
            card = self.directives.card_for(span)
            if card is not None:
                self.directives_dock.show()
                combo = card.combos[relation]
                combo.setFocus()
                combo.showPopup()
            return
        around = [d for d in model.directives() if d.state != SpanState.REJECTED
                  and d.start <= span.start and span.end <= d.end]
        if not around:
            self.statusBar().showMessage(self.tr("This entity is not inside a directive."), 4000)
            return
        directive = min(around, key=lambda d: d.end - d.start)
        current = [r.tail for r in model.relations_of(directive.id, relation)]
        self.session.set_relation(directive.id, relation, None if current == [span.id] else span.id)

    def _fill_context_menu(self, menu: QMenu) -> None:
        n = self.actions_by_name
        labels = menu.addMenu(self.tr("Label"))
        for action in self.label_actions:
            labels.addAction(action)
        menu.addSeparator()
        for key in ("accept", "reject", "delete", None, "grow_end", "shrink_end", "grow_start", "shrink_start",
                    None, "set_issuer", "set_addressee"):
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(n[key])

    def _update_action_states(self, *_args) -> None:
        span = self.session.selected
        editable = not self.corpus.read_only and self.current_document_id is not None
        n = self.actions_by_name
        for key in ("accept", "reject", "delete", "grow_end", "shrink_end", "grow_start", "shrink_start",
                    "set_issuer", "set_addressee"):
            n[key].setEnabled(editable and span is not None)
        if span is not None:
            n["accept"].setEnabled(editable and span.state != SpanState.ACCEPTED)
            n["reject"].setEnabled(editable and span.state != SpanState.REJECTED)
        for key in ("accept_all", "done_next", "skip"):
            n[key].setEnabled(editable)
        for action in self.label_actions:
            action.setEnabled(editable)

    # ================================================================== view options
    def set_snap_to_words(self, on: bool) -> None:
        self.session.snap_to_words = bool(on)
        app_settings().setValue("snapToWords", bool(on))

    def set_show_rejected(self, on: bool) -> None:
        self.view.highlighter.set_show_rejected(bool(on))
        app_settings().setValue("showRejected", bool(on))
        self.view.margin.update()

    def zoom(self, step: int) -> None:
        from annotator.gui.article_view import reading_font

        font = self.view.font()
        size = reading_font().pointSizeF() if step == 0 else min(max(font.pointSizeF() + step, 9.0), 32.0)
        font.setPointSizeF(size)
        self.view.setFont(font)
        app_settings().setValue("fontSize", size)

    def set_language(self, lang: str) -> None:
        """View → Language: switch and save; every widget retranslates on QEvent.LanguageChange."""
        if self.i18n is None:
            return
        try:
            self.i18n.switch(lang)
        except Exception as exc:  # noqa: BLE001
            self.statusBar().showMessage(str(exc), 5000)

    def _load_preferences(self) -> None:
        s = app_settings()
        snap = s.value("snapToWords", False, type=bool)
        rejected = s.value("showRejected", False, type=bool)
        self.actions_by_name["snap_words"].setChecked(snap)
        self.actions_by_name["show_rejected"].setChecked(rejected)
        size = s.value("fontSize", 0.0, type=float)
        if size and 8 <= size <= 40:
            font = self.view.font()
            font.setPointSizeF(size)
            self.view.setFont(font)

    def _restore_window_state(self) -> None:
        s = app_settings()
        geometry = s.value("geometry")
        state = s.value("windowState")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._size_docks = not self.restoreState(state)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._size_docks:
            self._size_docks = False
            QTimer.singleShot(0, self.arrange_docks)

    def arrange_docks(self) -> None:
        """Default proportions: list 23 %, article in the middle, spans and directives 30 % on the right."""
        width = self.width()
        self.resizeDocks([self.documents_dock, self.spans_dock],
                         [max(int(width * 0.23), 260), max(int(width * 0.30), 340)], Qt.Orientation.Horizontal)
        height = self.height()
        self.resizeDocks([self.spans_dock, self.directives_dock], [int(height * 0.5), int(height * 0.5)],
                         Qt.Orientation.Vertical)

    # ================================================================== jobs (another module)
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), str(Path.home()),
            self.jobs.import_filter(), "",
            self._dialog_options())
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()),
                                                QFileDialog.Option.ShowDirsOnly | self._dialog_options())
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        if self.jobs is None or self.corpus.read_only:
            self.statusBar().showMessage(self.tr("Importing is not available here."), 5000)
            return
        self.jobs.start_import(self, [Path(p) for p in paths])

    def export(self) -> None:
        if self.jobs is not None:
            self.jobs.start_export(self)

    def preannotate(self) -> None:
        if self.jobs is not None:
            self.flush_time()
            self.jobs.start_preannotate(self)

    def train(self) -> None:
        if getattr(self, "learning", None) is not None:  # its own process: the window never freezes (#13)
            self.learning.train_now(show_report=True)
        elif self.jobs is not None:
            self.jobs.start_train(self)

    def show_statistics(self) -> None:
        module = _optional("stats_view")
        if module is None:
            return
        self.flush_time()
        dialog = module.StatsDialog(self.corpus_path, self)
        dialog.show()

    def merge_work(self) -> None:
        if self.jobs is None or self.corpus.read_only:
            self.statusBar().showMessage(self.tr("Merging is not available here."), 5000)
            return
        self.flush_time()
        # in the window the lead adjudicates: differing spans arrive as suggestions to accept or reject
        self.jobs.choose_and_merge(self, conflicts="suggest")

    def edit_labels(self):
        """The label scheme editor; a rename or delete invalidates undo history that names labels."""
        from annotator.gui.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.corpus, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.labelsRenamed.connect(lambda _renamed: self.undo_stack.clear())
        dialog.labelsDeleted.connect(lambda _deleted: self.undo_stack.clear())
        dialog.labelsChanged.connect(self.refresh_documents)
        dialog.labelsChanged.connect(self.directives.apply_style)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.menus(), self)
        dialog.exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About annotator"), self.tr(
            "<b>annotator {version}</b><p>Offline review of Vietnamese news: named entities (PER, ORG, LOC, "
            "MISC) and directive sentences, turned into training data.</p>").format(version=__version__))

    # ================================================================== drag and drop
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasUrls() and all(u.isLocalFile() for u in mime.urls()) and not self.corpus.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ================================================================== status, header, title
    def _schedule_status(self) -> None:
        self._status_timer.start()

    def update_status_bar(self) -> None:
        if self._closed:
            return
        ids = self._ordered_ids()
        current = self.current_document_id
        row = self.documents.model.row_of(current) if current is not None else -1
        self.reviewer_label.setText(self.tr("Reviewer: {name}").format(name=self.reviewer))
        if row >= 0:
            self.position_label.setText(self.tr("Document {x} of {n}").format(x=row + 1, n=len(ids)))
        else:
            self.position_label.setText(self.tr("{n} documents").format(n=len(ids)))
        try:
            total = self.corpus.count_documents()
            done = self.corpus.count_documents(DocumentFilter(status=[Status.DONE]))
            model = self.corpus.meta("active_model")
        except Exception:  # noqa: BLE001 - a closed or locked corpus
            return
        self.progress_label.setText(self.tr("Done {done} / {total}").format(done=done, total=total))
        self.model_label.setText(self.tr("Model: {name}").format(name=model or self._model_name()))

    def _model_name(self) -> str:
        """The entity model pre-annotation would use (beside the corpus, else shipped), or 'rules'."""
        if self._model_cache is None or self._model_cache[0] != self.corpus_path:
            name = self.tr("rules")
            try:
                from annotator.nlp.jobs import active_model_path

                path = active_model_path(self.corpus_path)
                if path is not None and path.is_file():
                    name = path.stem
            except Exception:  # noqa: BLE001 - the NLP part is optional for the window
                pass
            self._model_cache = (self.corpus_path, name)
        return self._model_cache[1]

    def _update_header(self, counts: bool = True) -> None:
        doc = self.session.document
        if doc is None:
            self.title_label.setText(self.tr("No document"))
            self.status_chip.hide()
            self.info_label.setText(self.tr("Import articles with File → Import files… or drop files here."))
            return
        self.session.refresh_status()
        self.title_label.setText(doc.title or self.tr("(untitled #{id})").format(id=doc.id))
        self.title_label.setToolTip(self.tr("Source: {source}").format(source=doc.source) if doc.source else "")
        colour = STATUS_COLOURS[doc.status]
        self.status_chip.setText(status_name(doc.status))
        self.status_chip.setStyleSheet(
            f"QLabel#statusChip {{ color: white; background: {colour}; border-radius: 9px;"
            " padding: 1px 10px; font-weight: 600; }")
        self.status_chip.show()
        if not counts:
            self.info_label.setText(self.info_label.text() if self._header_doc == doc.id else "")
            self._header_doc = doc.id
            return
        self._header_doc = doc.id
        counts = self.session.spans.counts()
        parts = [self.tr("%n entities", "", counts["entities"]),
                 self.tr("%n directives", "", counts["directives"]),
                 self.tr("%n suggestions to review", "", counts["suggested"])]
        self.info_label.setText("   ·   ".join(parts))

    def _update_title(self) -> None:
        read_only = self.tr(" (read-only)") if self.corpus.read_only else ""
        self.setWindowTitle(self.tr("annotator — {corpus}{ro} — {reviewer}").format(
            corpus=Path(self.corpus_path).name, ro=read_only, reviewer=self.reviewer))

    # ================================================================== translation
    def retranslate_ui(self) -> None:
        texts = {
            "import_files": self.tr("&Import files…"),
            "import_folder": self.tr("Import &folder…"),
            "export": self.tr("&Export…"),
            "open_corpus": self.tr("&Open corpus…"),
            "new_corpus": self.tr("&New corpus…"),
            "change_reviewer": self.tr("Change &reviewer…"),
            "quit": self.tr("&Quit"),
            "accept_all": self.tr("Accept &all remaining suggestions"),
            "accept": self.tr("&Accept suggestion"),
            "reject": self.tr("&Reject suggestion"),
            "delete": self.tr("&Delete span"),
            "next_span": self.tr("&Next span"),
            "previous_span": self.tr("&Previous span"),
            "clear_selection": self.tr("Deselect span"),
            "grow_end": self.tr("Grow end by one syllable"),
            "shrink_end": self.tr("Shrink end by one syllable"),
            "grow_start": self.tr("Grow start by one syllable"),
            "shrink_start": self.tr("Shrink start by one syllable"),
            "set_issuer": self.tr("Set as directive &issuer"),
            "set_addressee": self.tr("Set as directive a&ddressee"),
            "done_next": self.tr("Mark &done and go to next"),
            "skip": self.tr("&Skip document"),
            "next_document": self.tr("Ne&xt document"),
            "previous_document": self.tr("Pre&vious document"),
            "next_unfinished": self.tr("Next &unfinished document"),
            "focus_search": self.tr("Search documents"),
            "focus_list": self.tr("Go to document list"),
            "focus_article": self.tr("Go to article"),
            "snap_words": self.tr("Snap to &words"),
            "show_rejected": self.tr("Show &rejected spans"),
            "zoom_in": self.tr("Zoom &in"),
            "zoom_out": self.tr("Zoom &out"),
            "zoom_reset": self.tr("&Normal size"),
            "preannotate": self.tr("&Pre-annotate"),
            "train": self.tr("&Train model"),
            "statistics": self.tr("&Statistics"),
            "labels": self.tr("&Labels…"),
            "merge": self.tr("&Merge reviewers' work…"),
            "shortcuts": self.tr("&Keyboard shortcuts"),
            "about": self.tr("&About annotator"),
        }
        tips = {
            "snap_words": self.tr("New spans snap to whole words (underthesea word segmentation) instead of syllables"),
            "accept_all": self.tr("Accept every suggestion still to review in this document"),
            "done_next": self.tr("Mark this document done (suggestions left standing count as accepted) "
                                 "and open the next unfinished one"),
            "labels": self.tr("Add, rename, recolour or reorder the labels and their keys"),
            "merge": self.tr("Collect other reviewers' corpus files or native exports into this corpus"),
        }
        for key, text in texts.items():
            action = self.actions_by_name[key]
            action.setText(text)
            action.setToolTip(tips.get(key, text.replace("&", "")))
            action.setStatusTip(tips.get(key, ""))
        if self.jobs is None:
            for key in ("import_files", "import_folder", "export", "preannotate", "train", "merge"):
                self.actions_by_name[key].setToolTip(self.tr("Not available in this build"))
        self._retranslate_undo()
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.span_menu.setTitle(self.tr("&Span"))
        self.label_menu.setTitle(self.tr("&Label"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.view_menu.setTitle(self.tr("&View"))
        self.docks_menu.setTitle(self.tr("&Panels"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.documents_dock.setWindowTitle(self.tr("Documents"))
        self.spans_dock.setWindowTitle(self.tr("Spans"))
        self.directives_dock.setWindowTitle(self.tr("Directives"))
        self.palette.setWindowTitle(self.tr("Labels"))
        self.banner.setText(banner_text(self.corpus))
        for code, name in LANGUAGE_NAMES.items():
            action = self.actions_by_name[f"language_{code}"]
            action.setText(name)  # each language named in itself, never translated
            action.setChecked(self.i18n is not None and self.i18n.current_language() == code)
        self._retranslate_label_actions()
        self._update_title()
        self._update_header()
        self.update_status_bar()

    def _retranslate_label_actions(self) -> None:
        for action in self.label_actions:
            name = action.data()
            action.setToolTip(self.tr("Label the selection (or relabel the selected span) as {label} — key {key}")
                              .format(label=name, key=action.shortcut().toString() or "—"))

    def _retranslate_undo(self) -> None:
        """Undo/redo actions carry a translated prefix; recreate them in the new language."""
        old_undo, old_redo = self.undo_action, self.redo_action
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self._setup_undo_actions()
        if hasattr(self, "edit_menu"):
            self.edit_menu.insertAction(old_undo, self.undo_action)
            self.edit_menu.insertAction(old_undo, self.redo_action)
            self.edit_menu.removeAction(old_undo)
            self.edit_menu.removeAction(old_redo)
        self.removeAction(old_undo)
        self.removeAction(old_redo)
        old_undo.deleteLater()
        old_redo.deleteLater()

    def changeEvent(self, event) -> None:  # noqa: N802
        kind = event.type()
        if getattr(self, "_closed", False):
            pass  # a closed window's corpus is closed: it has nothing left to redraw
        elif kind == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self.retranslate_ui()
        elif kind == QEvent.Type.ActivationChange:
            self.session.timer.set_active(self.isActiveWindow())
        super().changeEvent(event)

    # ================================================================== time and closing
    def flush_time(self) -> None:
        if not self._closed:
            self.session.timer.flush()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._closed:
            tasks = getattr(self, "tasks", None)
            if tasks is not None:  # background jobs hold their own connections: stop them first
                tasks.cancel_all()
                tasks.wait_all(5000)
            self.session.close()
            if self._save_state:
                s = app_settings()
                s.setValue("geometry", self.saveGeometry())
                s.setValue("windowState", self.saveState())
                s.sync()
            self._closed = True
            self._flush_timer.stop()
            self._status_timer.stop()
            self.auto_backup.at_close()
            try:
                self.corpus.close()
            except Exception:  # noqa: BLE001
                pass
        super().closeEvent(event)
