"""Every command of the review window in one declarative table.

One row per action: id, text, keys, the window method that runs it, where its keys work and
when it is enabled. The window builds its QActions, menus, shortcuts, the F1 list (read from
the menus) and the retranslation from this table alone; nothing else lists actions. Texts are
``QT_TRANSLATE_NOOP("MainWindow", …)`` literals so lupdate sees them; they are translated when
shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ActionSpec:
    """One command.

    ``handler`` names a MainWindow method called with ``args``; ``local`` keys work only in the
    article and the span list (never while typing in a search box); ``when`` names the state in
    which the action is enabled: always, writable (corpus can change), document (a document
    on screen that can change), span (and a span selected), suggestion (a selected span that
    is not accepted yet), rejectable (a selected span not rejected yet).
    """

    id: str
    text: str
    handler: str | None = None
    keys: tuple[str, ...] = ()
    args: tuple = ()
    local: bool = False
    checkable: bool = False
    when: str = "always"
    tip: str = ""


A = ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    A("import_files", QT_TRANSLATE_NOOP("MainWindow", "&Import files…"), "import_files", ("Ctrl+I",),
      when="writable"),
    A("import_folder", QT_TRANSLATE_NOOP("MainWindow", "Import &folder…"), "import_folder", ("Ctrl+Shift+I",),
      when="writable"),
    A("export", QT_TRANSLATE_NOOP("MainWindow", "&Export…"), "export", ("Ctrl+E",)),
    A("merge", QT_TRANSLATE_NOOP("MainWindow", "&Merge reviewers' work…"), "merge_work", ("Ctrl+Shift+M",),
      when="writable",
      tip=QT_TRANSLATE_NOOP("MainWindow", "Collect other reviewers' corpus files or native exports into this "
                            "corpus")),
    A("open_corpus", QT_TRANSLATE_NOOP("MainWindow", "&Open corpus…"), "ask_open_corpus", ("Ctrl+O",)),
    A("new_corpus", QT_TRANSLATE_NOOP("MainWindow", "&New corpus…"), "ask_new_corpus", ("Ctrl+N",)),
    A("change_reviewer", QT_TRANSLATE_NOOP("MainWindow", "Change &reviewer…"), "ask_reviewer", ("Ctrl+Shift+U",)),
    A("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", ("Ctrl+Q",)),
    # Edit
    A("accept_all", QT_TRANSLATE_NOOP("MainWindow", "Accept &all remaining suggestions"), "keys.accept_all",
      ("Ctrl+Shift+A",), when="document",
      tip=QT_TRANSLATE_NOOP("MainWindow", "Accept every suggestion still to review in this document")),
    A("find", QT_TRANSLATE_NOOP("MainWindow", "&Find in article…"), "keys.open_find", ("Ctrl+F", "/"),
      tip=QT_TRANSLATE_NOOP("MainWindow", "Find text in the article (accents optional) and select it to label")),
    # Span
    A("accept", QT_TRANSLATE_NOOP("MainWindow", "&Accept and go to next suggestion"), "keys.accept_selected",
      ("Return", "Enter"), local=True, when="document",
      tip=QT_TRANSLATE_NOOP("MainWindow", "Accept the selected suggestion and select the next one still to review")),
    A("reject", QT_TRANSLATE_NOOP("MainWindow", "&Reject and go to next suggestion"), "keys.reject_selected", ("X",),
      local=True, when="rejectable",
      tip=QT_TRANSLATE_NOOP("MainWindow", "Rejecting a directive rejects only the sentence: the entities inside it "
                            "stay to be reviewed and come next")),
    A("delete", QT_TRANSLATE_NOOP("MainWindow", "&Delete span"), "keys.delete_selected", ("Del", "Backspace"),
      local=True, when="span"),
    A("next_unreviewed", QT_TRANSLATE_NOOP("MainWindow", "Next suggestion to &review"), "keys.step_unreviewed",
      ("N",), args=(True,), local=True),
    A("previous_unreviewed", QT_TRANSLATE_NOOP("MainWindow", "Previous suggestion to re&view"),
      "keys.step_unreviewed", ("P",), args=(False,), local=True),
    A("next_span", QT_TRANSLATE_NOOP("MainWindow", "&Next span"), "keys.cycle_span", ("Tab",), args=(True,),
      local=True),
    A("previous_span", QT_TRANSLATE_NOOP("MainWindow", "&Previous span"), "keys.cycle_span",
      ("Shift+Backtab", "Shift+Tab"), args=(False,), local=True),
    A("clear_selection", QT_TRANSLATE_NOOP("MainWindow", "Deselect span"), "keys.clear_selection", ("Esc",),
      local=True),
    A("grow_end", QT_TRANSLATE_NOOP("MainWindow", "Grow end by one syllable"), "keys.resize_selected",
      ("Alt+Shift+Right",), args=("end", True), local=True, when="span"),
    A("shrink_end", QT_TRANSLATE_NOOP("MainWindow", "Shrink end by one syllable"), "keys.resize_selected",
      ("Alt+Shift+Left",), args=("end", False), local=True, when="span"),
    A("grow_start", QT_TRANSLATE_NOOP("MainWindow", "Grow start by one syllable"), "keys.resize_selected",
      ("Alt+Shift+Up",), args=("start", True), local=True, when="span"),
    A("shrink_start", QT_TRANSLATE_NOOP("MainWindow", "Shrink start by one syllable"), "keys.resize_selected",
      ("Alt+Shift+Down",), args=("start", False), local=True, when="span"),
    A("set_issuer", QT_TRANSLATE_NOOP("MainWindow", "Set as directive &issuer"), "keys.relate_selected", ("I",),
      args=("issuer",), local=True, when="document",
      tip=QT_TRANSLATE_NOOP("MainWindow", "The selected span or text becomes the issuer of the directive it is in, "
                            "or of the next directive")),
    A("set_addressee", QT_TRANSLATE_NOOP("MainWindow", "Set as directive a&ddressee"), "keys.relate_selected",
      ("A",), args=("addressee",), local=True, when="document",
      tip=QT_TRANSLATE_NOOP("MainWindow", "The selected span or text (any phrase, such as “các sở, ngành”) becomes "
                            "the addressee of the directive it is in, or of the next directive")),
    # Document
    A("done_next", QT_TRANSLATE_NOOP("MainWindow", "Mark &done and go to next"), "flow.mark_done_and_next",
      ("Ctrl+Return", "Ctrl+Enter"), when="document",
      tip=QT_TRANSLATE_NOOP("MainWindow", "Mark this document done (suggestions left standing count as accepted) "
                            "and open the next unfinished one")),
    A("skip", QT_TRANSLATE_NOOP("MainWindow", "&Skip document"), "flow.skip_document", ("Ctrl+K",), when="document"),
    A("next_document", QT_TRANSLATE_NOOP("MainWindow", "Ne&xt document"), "flow.step_document",
      ("Alt+Right", "Ctrl+PgDown"), args=(1,)),
    A("previous_document", QT_TRANSLATE_NOOP("MainWindow", "Pre&vious document"), "flow.step_document",
      ("Alt+Left", "Ctrl+PgUp"), args=(-1,)),
    A("next_unfinished", QT_TRANSLATE_NOOP("MainWindow", "Next &unfinished document"), "flow.go_next_unfinished",
      ("Ctrl+J",)),
    A("least_certain_order", QT_TRANSLATE_NOOP("MainWindow", "Least &certain first"), "set_least_certain_order",
      checkable=True,
      tip=QT_TRANSLATE_NOOP("MainWindow", "After Done or Skip, open the unfinished document the model is least sure "
                            "about instead of the next in corpus order")),
    A("require_issuer", QT_TRANSLATE_NOOP("MainWindow", "Require an &issuer for each directive"),
      "set_require_issuer", checkable=True,
      tip=QT_TRANSLATE_NOOP("MainWindow", "Mark done refuses a document while a directive has no issuer")),
    A("focus_search", QT_TRANSLATE_NOOP("MainWindow", "Search documents"), "flow.focus_search", ("Ctrl+Shift+F",)),
    A("focus_list", QT_TRANSLATE_NOOP("MainWindow", "Go to document list"), "flow.focus_list", ("Ctrl+L",)),
    A("focus_article", QT_TRANSLATE_NOOP("MainWindow", "Go to article"), "flow.focus_article", ("Ctrl+Shift+E",)),
    A("cycle_panes", QT_TRANSLATE_NOOP("MainWindow", "Next pane"), "flow.cycle_panes", ("F6",), args=(True,)),
    A("cycle_panes_back", QT_TRANSLATE_NOOP("MainWindow", "Previous pane"), "flow.cycle_panes", ("Shift+F6",),
      args=(False,)),
    # View
    A("snap_words", QT_TRANSLATE_NOOP("MainWindow", "Snap to &words"), "set_snap_to_words", ("Ctrl+Shift+W",),
      checkable=True,
      tip=QT_TRANSLATE_NOOP("MainWindow", "New spans snap to whole words (underthesea word segmentation) instead of "
                            "syllables")),
    A("show_rejected", QT_TRANSLATE_NOOP("MainWindow", "Show &rejected spans"), "set_show_rejected",
      ("Ctrl+Shift+H",), checkable=True),
    A("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"), "zoom", ("Ctrl++", "Ctrl+="), args=(1,)),
    A("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"), "zoom", ("Ctrl+-",), args=(-1,)),
    A("zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "&Normal size"), "zoom", ("Ctrl+0",), args=(0,)),
    # Tools
    A("preannotate", QT_TRANSLATE_NOOP("MainWindow", "&Pre-annotate"), "preannotate", ("Ctrl+Shift+P",),
      when="writable"),
    A("preannotate_imports", QT_TRANSLATE_NOOP("MainWindow", "Pre-annotate &imported documents"),
      "set_preannotate_imports", checkable=True,
      tip=QT_TRANSLATE_NOOP("MainWindow", "Documents imported from the window get suggestions at once")),
    A("train", QT_TRANSLATE_NOOP("MainWindow", "&Train model"), "train", ("Ctrl+Shift+T",), when="writable"),
    A("statistics", QT_TRANSLATE_NOOP("MainWindow", "&Statistics"), "show_statistics", ("Ctrl+Shift+S",)),
    A("labels", QT_TRANSLATE_NOOP("MainWindow", "&Labels…"), "edit_labels", ("Ctrl+Shift+L",),
      tip=QT_TRANSLATE_NOOP("MainWindow", "Add, rename, recolour or reorder the labels and their keys")),
    # Help
    A("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), "show_shortcuts", ("F1",)),
    A("about", QT_TRANSLATE_NOOP("MainWindow", "&About annotator"), "show_about"),
)

#: Menus in menu-bar order: (id, title, items); None is a separator; "undo"/"redo" are the undo
#: stack's own actions; a string starting with "menu:" is a submenu the window fills itself.
MENUS: tuple[tuple[str, str, tuple], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File"),
     ("import_files", "import_folder", "export", None, "merge", None, "open_corpus", "new_corpus", None,
      "change_reviewer", None, "quit")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), ("undo", "redo", None, "accept_all", None, "find")),
    ("span", QT_TRANSLATE_NOOP("MainWindow", "&Span"),
     ("menu:label", None, "accept", "reject", "delete", None, "next_unreviewed", "previous_unreviewed", "next_span",
      "previous_span", "clear_selection", None, "grow_end", "shrink_end", "grow_start", "shrink_start", None,
      "set_issuer", "set_addressee")),
    ("document", QT_TRANSLATE_NOOP("MainWindow", "&Document"),
     ("done_next", "skip", None, "next_document", "previous_document", "next_unfinished", None,
      "least_certain_order", "require_issuer", None, "focus_search", "focus_list", "focus_article", "cycle_panes",
      "cycle_panes_back")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View"),
     ("snap_words", "show_rejected", None, "zoom_in", "zoom_out", "zoom_reset", None, "menu:panels",
      "menu:language")),
    ("tools", QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
     ("preannotate", "preannotate_imports", "train", "statistics", None, "labels")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("shortcuts", "about")),
)

SUBMENUS: dict[str, str] = {
    "label": QT_TRANSLATE_NOOP("MainWindow", "&Label"),
    "panels": QT_TRANSLATE_NOOP("MainWindow", "&Panels"),
    "language": QT_TRANSLATE_NOOP("MainWindow", "&Language"),
}

#: The span keys shown in the article's context menu.
CONTEXT_MENU: tuple = ("accept", "reject", "delete", None, "grow_end", "shrink_end", "grow_start", "shrink_start",
                       None, "set_issuer", "set_addressee")
