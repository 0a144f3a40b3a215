"""The review window: document list, article, label palette, span list and directive panel.

A thin layer over the Qt-free core: the window turns keys and clicks into calls on the
:class:`ReviewSession`, which pushes undo commands that write to SQLite at once. Views
follow the span model's signals.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRunnable, QSize, Qt, QTimer, Signal
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
from annotator.core.model import LabelKind, SpanState, Status
from annotator.core.store import Corpus, CorpusError, DocumentFilter
from annotator.gui import i18n
from annotator.gui.actions import ACTIONS, CONTEXT_MENU, MENUS, SUBMENUS, ActionSpec
from annotator.gui.article_view import ArticleView
from annotator.gui.auto_backup import AutoBackup
from annotator.gui.corpus_guard import CorpusGuard, banner_text, open_for_window
from annotator.gui.commands import status_name
from annotator.gui.directive_panel import DirectivePanel
from annotator.gui.dock_layout import DockLayout
from annotator.gui.document_flow import DocumentFlow
from annotator.gui.document_list import STATUS_COLOURS, DocumentListPanel
from annotator.gui.help_dialog import ShortcutsDialog
from annotator.gui.label_palette import LabelPalette
from annotator.gui.review_keys import ReviewKeys
from annotator.gui.session import UNFINISHED, ReviewSession
from annotator.gui.settings import Preferences, app_settings
from annotator.gui.span_list import SpanListPanel

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

log = logging.getLogger(__name__)

FLUSH_INTERVAL_MS = 30_000
#: Each language named in itself (as annotator.gui.i18n.LANGUAGE_NAMES): not translated.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
KEY = Qt.Key
MOD = Qt.KeyboardModifier


def _keys(specs) -> list[QKeySequence]:
    return [QKeySequence(spec) for spec in specs]


class _WarmupSignals(QObject):
    found = Signal(str, str)   # corpus path, model name ("" for rules only)


class EngineWarmup(QRunnable):
    """Imports the NLP engine off the GUI thread after the first paint and names the active model."""

    def __init__(self, corpus_path: str):
        super().__init__()
        self.corpus_path = corpus_path
        self.signals = _WarmupSignals()

    def run(self) -> None:
        name = ""
        try:
            from annotator.nlp.jobs import active_model_path

            path = active_model_path(self.corpus_path)
            if path is not None and path.is_file():
                name = path.stem
        except Exception:  # noqa: BLE001 - without the engine the window still reviews
            pass
        try:
            self.signals.found.emit(self.corpus_path, name)
        except RuntimeError:  # the window closed meanwhile
            pass



_FROZEN = False


def _freeze_long_lived_objects() -> None:
    """Once the window and the engine are loaded, move their objects (over 100,000) out of the
    cyclic garbage collector's reach: a full collection otherwise scans them all and stalls a
    key press by about 70 ms now and then. Objects made later are collected as usual."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()

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
        self.jobs = None  # tests may put a stand-in for annotator.gui.jobs here
        self.learning = None
        self.i18n = i18n
        self.actions_by_name: dict[str, QAction] = {}
        self.label_actions: list[QAction] = []
        self._closed = False
        self._model_cache: tuple[str, str] | None = None
        self._warming = False
        self._edited: set[int] = set()
        self._header_doc: int | None = None
        self._save_state = restore_state
        self.prefs = Preferences()

        self._build_central()
        self._build_docks()
        self.keys = ReviewKeys(self)
        self.flow = DocumentFlow(self)
        self.dock_layout = DockLayout(self)
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
        # instant memory and background retraining (issue 13); its Tools actions join the action table's menu
        from annotator.gui.learning import LearningController

        self.learning = LearningController(self)
        self.model_label.hide()  # the learning label names the model, with its score
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
        self.info_label.setWordWrap(True)  # a narrow article wraps the counts instead of cutting them
        # long file names must not widen the article column
        self.info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        info_row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)  # stays a chip when the counts wrap
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
        from annotator.gui.find_bar import FindBar

        self.find_bar = FindBar(self.view, central)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.documents = DocumentListPanel(self.session.corpus, self)
        self.documents.documentActivated.connect(lambda doc_id: self.show_document(doc_id, focus=False))
        self.documents.table.activated.connect(lambda _i: self.view.setFocus())
        self.documents.documentOpened.connect(lambda _doc_id: self.view.setFocus())
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

    def _action(self, spec: ActionSpec) -> QAction:
        action = QAction(self)
        action.setObjectName(spec.id)
        if spec.keys:
            action.setShortcuts(_keys(spec.keys))
        if spec.checkable:
            action.setCheckable(True)
        handler = self
        for part in spec.handler.split("."):  # "keys.accept_selected": a method of window.keys
            handler = getattr(handler, part)
        if spec.checkable:
            action.toggled.connect(lambda on, h=handler, a=spec.args: h(*a, on))
        else:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        if spec.local:
            # span keys act where the reviewer works on spans, never in a search box
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.span_list.addAction(action)
        else:
            self.addAction(action)
        self.actions_by_name[spec.id] = action
        return action

    def _build_actions(self) -> None:
        """Every QAction from the table in :mod:`annotator.gui.actions`; undo/redo from the stack."""
        for spec in ACTIONS:
            self._action(spec)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self._setup_undo_actions()
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code in LANGUAGE_NAMES:
            act = QAction(self)
            act.setObjectName(f"language_{code}")
            act.setCheckable(True)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.actions_by_name[f"language_{code}"] = act

    def _setup_undo_actions(self) -> None:
        self.undo_action.setObjectName("undo")
        self.redo_action.setObjectName("redo")
        self.undo_action.setShortcuts(_keys(["Ctrl+Z"]))
        self.redo_action.setShortcuts(_keys(["Ctrl+Shift+Z", "Ctrl+Y"]))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.actions_by_name["undo"] = self.undo_action
        self.actions_by_name["redo"] = self.redo_action

    def _build_menus(self) -> None:
        """Menus from the table; the F1 list is read from them."""
        n = self.actions_by_name
        bar = self.menuBar()
        self.menus_by_id: dict[str, QMenu] = {}
        for menu_id, _title, items in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{menu_id}")
            self.menus_by_id[menu_id] = menu
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif item == "undo":
                    menu.addAction(self.undo_action)
                elif item == "redo":
                    menu.addAction(self.redo_action)
                elif item.startswith("menu:"):
                    sub = menu.addMenu("")
                    sub.setObjectName(f"menu_{item[5:]}")
                    self.menus_by_id[item[5:]] = sub
                else:
                    menu.addAction(n[item])
        m = self.menus_by_id
        self.file_menu, self.edit_menu, self.span_menu = m["file"], m["edit"], m["span"]
        self.label_menu, self.document_menu, self.view_menu = m["label"], m["document"], m["view"]
        self.docks_menu, self.language_menu, self.tools_menu = m["panels"], m["language"], m["tools"]
        self.help_menu = m["help"]
        for dock in (self.documents_dock, self.spans_dock, self.directives_dock):
            self.docks_menu.addAction(dock.toggleViewAction())
        self.docks_menu.addAction(self.palette.toggleViewAction())
        for code in LANGUAGE_NAMES:
            self.language_menu.addAction(n[f"language_{code}"])

    def menus(self) -> list[QMenu]:
        return [self.menus_by_id[menu_id] for menu_id, _title, _items in MENUS]

    def hook_action(self, menu_id: str, action: QAction, *, after: str | None = None) -> None:
        """Put an action another module made (background training, …) into a menu of the table."""
        menu = self.menus_by_id[menu_id]
        anchor = self.actions_by_name.get(after) if after else None
        actions = menu.actions()
        if anchor in actions and actions.index(anchor) + 1 < len(actions):
            menu.insertAction(actions[actions.index(anchor) + 1], action)
        else:
            menu.addAction(action)
        if action.objectName():
            self.actions_by_name.setdefault(action.objectName(), action)
        self.addAction(action)

    def _rebuild_label_actions(self) -> None:
        for action in self.label_actions:
            self.view.removeAction(action)
            self.span_list.removeAction(action)
            self.label_menu.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        every = self.corpus.labels()
        # phrases (issuers/addressees that are no entity) are made with I/A, never with a label key
        labels = [label for label in every if label.kind != LabelKind.PHRASE]
        for label in labels:
            action = QAction(label.name, self)
            action.setObjectName(f"label_{label.name}")
            if label.key:
                action.setShortcut(QKeySequence(label.key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setData(label.name)
            action.triggered.connect(lambda _checked=False, name=label.name: self.keys.apply_label(name))
            self.view.addAction(action)
            self.span_list.addAction(action)
            self.label_menu.addAction(action)
            self.label_actions.append(action)
        self.palette.set_label_actions(self.label_actions, labels)
        self._retranslate_label_actions()
        self.session.spans.set_labels(every)
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
        self._update_action_states()
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

    # ================================================================== span editing
    def _text_selection_changed(self) -> None:
        if self.view.textCursor().hasSelection() and self.session.selected_id is not None:
            self.session.select(None)

    def _fill_context_menu(self, menu: QMenu) -> None:
        n = self.actions_by_name
        labels = menu.addMenu(self.tr("Label"))
        for action in self.label_actions:
            labels.addAction(action)
        menu.addSeparator()
        for key in CONTEXT_MENU:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(n[key])

    def _update_action_states(self, *_args) -> None:
        """Enable each action by the state its table row names."""
        span = self.session.selected
        writable = not self.corpus.read_only
        document = writable and self.current_document_id is not None
        states = {
            "always": True,
            "writable": writable,
            "document": document,
            "span": document and span is not None,
            "suggestion": document and span is not None and span.state != SpanState.ACCEPTED,
            "rejectable": document and span is not None and span.state != SpanState.REJECTED,
        }
        n = self.actions_by_name
        for spec in ACTIONS:
            n[spec.id].setEnabled(states[spec.when])
        for action in self.label_actions:
            action.setEnabled(document)

    # ================================================================== view options
    def set_snap_to_words(self, on: bool) -> None:
        self.session.snap_to_words = bool(on)
        self.prefs.set("snap_to_words", on)

    def set_show_rejected(self, on: bool) -> None:
        self.view.highlighter.set_show_rejected(bool(on))
        self.prefs.set("show_rejected", on)
        self.view.margin.update()

    def set_least_certain_order(self, on: bool) -> None:
        self.prefs.set("least_certain_order", on)

    def set_require_issuer(self, on: bool) -> None:
        self.prefs.set("require_issuer", on)

    def set_preannotate_imports(self, on: bool) -> None:
        self.prefs.set("preannotate_imports", on)

    def zoom(self, step: int) -> None:
        from annotator.gui.article_view import reading_font

        font = self.view.font()
        size = reading_font().pointSizeF() if step == 0 else min(max(font.pointSizeF() + step, 9.0), 32.0)
        font.setPointSizeF(size)
        self.view.setFont(font)
        self.prefs.set("font_size", size)

    def set_language(self, lang: str) -> None:
        """View → Language: switch and save; every widget retranslates on QEvent.LanguageChange."""
        try:
            self.i18n.switch(lang)
        except Exception as exc:  # noqa: BLE001
            self.statusBar().showMessage(str(exc), 5000)

    def _load_preferences(self) -> None:
        for name, action in (("snap_to_words", "snap_words"), ("show_rejected", "show_rejected"),
                             ("least_certain_order", "least_certain_order"), ("require_issuer", "require_issuer"),
                             ("preannotate_imports", "preannotate_imports")):
            self.actions_by_name[action].setChecked(bool(self.prefs.get(name)))
        size = self.prefs.get("font_size")
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
            QTimer.singleShot(0, self.dock_layout.arrange_docks)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._size_docks:
            QTimer.singleShot(0, self.dock_layout.fit_article)

    # ================================================================== jobs (another module)
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), str(Path.home()),
            self.job_functions().import_filter(), "",
            self._dialog_options())
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()),
                                                QFileDialog.Option.ShowDirsOnly | self._dialog_options())
        if path:
            self.import_paths([path])

    def job_functions(self):
        """The background jobs module (imported when first needed: not at start-up)."""
        if self.jobs is None:
            from annotator.gui import jobs

            self.jobs = jobs
        return self.jobs

    def import_paths(self, paths: list[str]) -> None:
        if self.corpus.read_only:
            self.statusBar().showMessage(self.tr("Importing is not available here."), 5000)
            return
        self.job_functions().start_import(self, [Path(p) for p in paths],
                                          preannotate=self.actions_by_name["preannotate_imports"].isChecked())

    def export(self) -> None:
        self.job_functions().start_export(self)

    def preannotate(self) -> None:
        self.flush_time()
        self.job_functions().start_preannotate(self)

    def train(self) -> None:
        if self.learning is not None:  # its own process: the window never freezes (#13)
            self.learning.train_now(show_report=True)
        else:
            self.job_functions().start_train(self)

    def show_statistics(self) -> None:
        from annotator.gui.stats_view import StatsDialog

        self.flush_time()
        dialog = StatsDialog(self.corpus_path, self)
        dialog.show()

    def merge_work(self) -> None:
        if self.corpus.read_only:
            self.statusBar().showMessage(self.tr("Merging is not available here."), 5000)
            return
        self.flush_time()
        # in the window the lead adjudicates: differing spans arrive as suggestions to accept or reject
        self.job_functions().choose_and_merge(self, conflicts="suggest")

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
        ids = self.documents.model.ids
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
        """The entity model pre-annotation would use (beside the corpus, else shipped), or 'rules'.

        Finding it imports the engine (over a second), so the first answer is "…" and the engine
        loads on the thread pool after the window has painted (:class:`EngineWarmup`)."""
        if self._model_cache is None or self._model_cache[0] != self.corpus_path:
            if not self._warming:
                self._warming = True
                QTimer.singleShot(0, self._warm_engine)
            return "…"
        return self._model_cache[1]

    def _warm_engine(self) -> None:
        from PySide6.QtCore import QThreadPool

        warmup = EngineWarmup(self.corpus_path)
        warmup.signals.found.connect(self._engine_ready)
        QThreadPool.globalInstance().start(warmup)

    def _engine_ready(self, corpus_path: str, name: str) -> None:
        self._warming = False
        _freeze_long_lived_objects()
        if self._closed or corpus_path != self.corpus_path:
            return
        self._model_cache = (corpus_path, name or self.tr("rules"))
        self.update_status_bar()
        if self.learning is not None:  # its label names the model with its score: one place, not two
            self.learning.update_label()

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
        """Texts of every action and menu from the table, in the current language."""
        for spec in ACTIONS:
            action = self.actions_by_name[spec.id]
            text = translate("MainWindow", spec.text)
            tip = translate("MainWindow", spec.tip) if spec.tip else ""
            action.setText(text)
            action.setToolTip(tip or text.replace("&", ""))
            action.setStatusTip(tip)
        for menu_id, title, _items in MENUS:
            self.menus_by_id[menu_id].setTitle(translate("MainWindow", title))
        for menu_id, title in SUBMENUS.items():
            self.menus_by_id[menu_id].setTitle(translate("MainWindow", title))
        self._retranslate_undo()
        self.documents_dock.setWindowTitle(self.tr("Documents"))
        self.spans_dock.setWindowTitle(self.tr("Spans"))
        self.directives_dock.setWindowTitle(self.tr("Directives"))
        self.palette.setWindowTitle(self.tr("Labels"))
        self.banner.setText(banner_text(self.corpus))
        for code, name in LANGUAGE_NAMES.items():
            action = self.actions_by_name[f"language_{code}"]
            action.setText(name)  # each language named in itself, never translated
            action.setChecked(self.i18n.current_language() == code)
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
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if hasattr(command, "retranslate"):
                command.retranslate()
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
