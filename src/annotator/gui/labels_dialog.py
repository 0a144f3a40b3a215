"""The label scheme editor: names, kinds, colours, shortcut keys and order of the labels.

Like the tag-set editors of doccano, INCEpTION or Prodigy: a table of the labels with their
span counts, and a form for the selected one. Nothing is written while the reviewer edits;
OK or Apply writes every change in one transaction and emits :attr:`LabelsDialog.labelsChanged`
so the window can rebuild its palette and re-highlight.

* Rename relabels the label's spans in place (their ids, states and relations are kept):
  :func:`rename_label`.
* A label that spans use cannot be deleted; the dialog says how many spans use it.
* Two labels cannot share a key: giving a label a key another label holds swaps the keys
  (the other label takes this one's former key, or none) and says so.
* A read-only corpus shows the scheme with every control disabled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DEFAULT_LABELS, Label, LabelKind
from annotator.core.store import Corpus, CorpusError
from annotator.gui.label_palette import label_icon

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

#: Names the shipped pre-annotation and training know; renaming or deleting them is allowed
#: but warned about.
BUILTIN_NAMES = tuple(label.name for label in DEFAULT_LABELS)
MAX_NAME_LENGTH = 40
KEYS = tuple("123456789")
#: Colours offered to a new label, first unused first (mid-tones: the highlighter tints them).
NEW_COLOURS = ("#469990", "#9a6324", "#800000", "#808000", "#000075", "#f032e6", "#42d4f4",
               "#e6194b", "#4363d8", "#3cb44b", "#f58231", "#911eb4", "#bfef45", "#dcbeff")

COL_NAME, COL_KIND, COL_COLOUR, COL_KEY, COL_SPANS = range(5)


def kind_text(kind: LabelKind | str) -> str:
    if LabelKind(kind) == LabelKind.PHRASE:
        return translate("LabelsDialog", "Phrase")
    return (
        translate("LabelsDialog", "Directive")
        if LabelKind(kind) == LabelKind.DIRECTIVE
        else translate("LabelsDialog", "Entity")
    )


def name_problem(name: str, taken: Iterable[str] = ()) -> str | None:
    """Why ``name`` cannot be a label name next to the names ``taken`` (translated), or None.

    Names must be non-empty, without spaces, at most 40 characters, and unique regardless of
    case (PER and Per in one scheme would be told apart by exports but not by reviewers).
    """
    if not name:
        return translate("LabelsDialog", "A label needs a name.")
    if any(ch.isspace() or not ch.isprintable() for ch in name):
        return translate("LabelsDialog", "A label name cannot contain spaces; use _ or - instead.")
    if len(name) > MAX_NAME_LENGTH:
        return translate("LabelsDialog", "A label name can have at most %1 characters.").replace(
            "%1", str(MAX_NAME_LENGTH)
        )
    folded = name.casefold()
    if any(folded == other.casefold() for other in taken):
        return translate("LabelsDialog", "There is already a label called %1.").replace("%1", name)
    return None


def rename_label(corpus: Corpus, old: str, new: str, who: str | None = None) -> int:
    """Rename label ``old`` to ``new`` and relabel its spans; returns how many spans changed.

    The spans keep their ids, states, authors, times and relations; the label keeps its kind,
    colour, key and position. One history row (action ``rename_label``) records the change.
    Runs in one transaction, or inside the caller's when one is open. Raises ValueError for an
    invalid or taken name, KeyError for an unknown ``old``, CorpusError when read-only.
    """
    def check(name: str) -> None:
        problem = name_problem(name, corpus.label_names() - {old})
        if problem:
            raise ValueError(problem)

    return corpus.rename_label(old, new, who=who, check=check)


def span_counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    """Spans per label and state (every state: a rejected span still holds its label)."""
    return corpus.span_counts_by_label()


def _swatch(colour: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(colour).darker(130))
    p.setBrush(QColor(colour))
    p.drawRoundedRect(0.5, 0.5, size - 1, size - 1, 3, 3)
    p.end()
    return _unselected(pix)


def _unselected(pix: QPixmap) -> QIcon:
    """An icon that keeps its true colours on a selected row (a colour sample must not be tinted)."""
    icon = QIcon(pix)
    icon.addPixmap(pix, QIcon.Mode.Selected)
    return icon


@dataclass
class LabelRow:
    """One label as edited in the dialog; ``original`` is its name in the corpus (None: new)."""

    name: str
    kind: LabelKind
    colour: str
    key: str
    original: str | None = None
    spans: int = 0
    by_state: dict[str, int] | None = None

    def label(self, position: int) -> Label:
        return Label(self.name, LabelKind(self.kind), self.colour, self.key, position)

    @property
    def renamed(self) -> bool:
        return self.original is not None and self.original != self.name


class LabelsDialog(QDialog):
    """Edit the label scheme of ``corpus``; changes are written on OK or Apply.

    Signals, emitted after a successful write (renames and deletions first, then
    ``labelsChanged``): ``labelsRenamed(dict)`` old name -> new name, ``labelsDeleted(list)``
    the deleted names, ``labelsChanged()`` whenever anything was written.

    ``pick_colour(initial: QColor) -> QColor | None`` asks for a colour (QColorDialog by
    default); replace it to choose without a modal dialog.
    """

    labelsChanged = Signal()
    labelsRenamed = Signal(dict)
    labelsDeleted = Signal(list)

    def __init__(self, corpus: Corpus, parent: QWidget | None = None, *, who: str | None = None):
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.corpus = corpus
        self.who = who if who is not None else getattr(parent, "reviewer", None)
        self.read_only = bool(corpus.read_only)
        self.pick_colour: Callable[[QColor], QColor | None] = self._ask_colour
        self.rows: list[LabelRow] = []
        self.deleted: list[str] = []
        self._baseline: tuple = ()
        self._filling = False
        self._feedback = ""
        self.resize(760, 600)

        self.banner = QLabel()
        self.banner.setObjectName("labelsReadOnly")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#labelsReadOnly { background: #fef7e0; color: #7a4f01;"
            " border: 1px solid #f3d68a; border-radius: 4px; padding: 6px 8px; }"
        )
        self.banner.setVisible(self.read_only)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #5f6368;")

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("labelsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 7 + 30)
        self.table.setIconSize(QSize(18, 18))
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_KIND, COL_COLOUR, COL_KEY, COL_SPANS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.table.cellDoubleClicked.connect(lambda *_: self.name_edit.setFocus())

        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_label())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.delete_button)
        side.addSpacing(12)
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)

        self.form_box = QGroupBox()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("labelName")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH + 10)  # longer names get a message, not a silent cut
        self.name_edit.textEdited.connect(self.set_name)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("labelKind")
        for kind in LabelKind:
            self.kind_combo.addItem("", kind.value)
        self.kind_combo.activated.connect(lambda i: self.set_kind(self.kind_combo.itemData(i)))
        self.colour_button = QPushButton()
        self.colour_button.setObjectName("labelColour")
        self.colour_button.clicked.connect(lambda: self.change_colour())
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        self.key_combo = QComboBox()
        self.key_combo.setObjectName("labelKey")
        self.key_combo.addItem("", "")
        for key in KEYS:
            self.key_combo.addItem("", key)
        self.key_combo.activated.connect(lambda i: self.set_key(self.key_combo.itemData(i)))
        self.usage = QLabel()
        self.usage.setWordWrap(True)
        self.usage.setStyleSheet("color: #5f6368;")
        self.form = QFormLayout(self.form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_caption, self.kind_caption = QLabel(), QLabel()
        self.colour_caption, self.key_caption = QLabel(), QLabel()
        self.name_caption.setBuddy(self.name_edit)
        self.kind_caption.setBuddy(self.kind_combo)
        self.colour_caption.setBuddy(self.colour_button)
        self.key_caption.setBuddy(self.key_combo)
        self.form.addRow(self.name_caption, self.name_edit)
        self.form.addRow(self.kind_caption, self.kind_combo)
        self.form.addRow(self.colour_caption, colour_row)
        self.form.addRow(self.key_caption, self.key_combo)
        self.form.addRow(self.usage)

        self.message = QLabel()
        self.message.setObjectName("labelsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        if self.read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.ok_button = self.apply_button = None
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok
                | QDialogButtonBox.StandardButton.Apply
                | QDialogButtonBox.StandardButton.Cancel
            )
            self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
            self.apply_button.clicked.connect(lambda: self.apply())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(top, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.reload()
        self.retranslate()

    # ================================================================== data
    def reload(self) -> None:
        """Read the labels and their span counts from the corpus again (drops unsaved edits)."""
        counts = span_counts(self.corpus)
        self.rows = [
            LabelRow(
                lb.name,
                LabelKind(lb.kind),
                lb.colour,
                lb.key,
                lb.name,
                sum(counts.get(lb.name, {}).values()),
                counts.get(lb.name, {}),
            )
            for lb in self.corpus.labels()
        ]
        self.deleted = []
        self._baseline = self._state()

    def labels(self) -> list[Label]:
        """The scheme as edited, in order, positions from 1."""
        return [row.label(i) for i, row in enumerate(self.rows, 1)]

    def _state(self) -> tuple:
        return (
            tuple((r.original, r.name, LabelKind(r.kind).value, r.colour, r.key) for r in self.rows),
            tuple(self.deleted),
        )

    def is_dirty(self) -> bool:
        return self._state() != self._baseline

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.name == name), -1)

    def current(self) -> LabelRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, name_or_row: str | int) -> None:
        row = self.row_of(name_or_row) if isinstance(name_or_row, str) else name_or_row
        if 0 <= row < len(self.rows):
            self.table.setCurrentCell(row, COL_NAME)

    def problems(self) -> list[str]:
        """What stops the scheme from being saved (translated)."""
        out = []
        for i, row in enumerate(self.rows):
            others = [r.name for j, r in enumerate(self.rows) if j != i]
            problem = name_problem(row.name, others)
            if problem and problem not in out:
                out.append(problem)
        return out

    def warnings(self) -> list[str]:
        """What is allowed but worth knowing before saving (translated)."""
        out = []
        gone = [r.original for r in self.rows if r.renamed and r.original in BUILTIN_NAMES]
        gone += [name for name in self.deleted if name in BUILTIN_NAMES]
        if gone:
            out.append(
                translate(
                    "LabelsDialog",
                    "Pre-annotation and training use the built-in names PER, ORG, LOC, MISC and DIRECTIVE:"
                    " their suggestions for %1 will carry a label the scheme no longer has.",
                ).replace("%1", ", ".join(gone))
            )
        lower = [r.name for r in self.rows if r.name and r.name != r.name.upper() and (r.original is None or r.renamed)]
        if lower:
            out.append(
                translate("LabelsDialog", "Label names are usually upper-case, like ORG: %1.").replace(
                    "%1", ", ".join(lower)
                )
            )
        return out

    # ================================================================== editing
    def add_label(self, name: str | None = None) -> LabelRow | None:
        """Add a label (an unused colour, the first free key) and select it for editing."""
        if self.read_only:
            return None
        if name is None:
            name, n = "NEW", 1
            while name_problem(name, [r.name for r in self.rows]):
                n += 1
                name = f"NEW_{n}"
        used_colours = {r.colour.lower() for r in self.rows}
        colour = next((c for c in NEW_COLOURS if c not in used_colours), NEW_COLOURS[len(self.rows) % len(NEW_COLOURS)])
        used_keys = {r.key for r in self.rows}
        key = next((k for k in KEYS if k not in used_keys), "")
        row = LabelRow(name, LabelKind.ENTITY, colour, key)
        self.rows.append(row)
        self._feedback = ""
        self._refresh(select=len(self.rows) - 1)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()
        return row

    def delete_selected(self) -> bool:
        """Delete the selected label; refused (with the reason shown) while spans use it."""
        row = self.current()
        if row is None or self.read_only:
            return False
        if row.spans:
            self._feedback = self.tr(
                "%1 cannot be deleted: %n span(s) use it. Relabel or delete them first, or rename the label.",
                "",
                row.spans,
            ).replace("%1", row.original or row.name)
            self._refresh()
            return False
        index = self.rows.index(row)
        del self.rows[index]
        if row.original is not None:
            self.deleted.append(row.original)
        self._feedback = ""
        self._refresh(select=min(index, len(self.rows) - 1))
        return True

    def move_selected(self, delta: int) -> bool:
        """Move the selected label up (-1) or down (+1) in the palette order."""
        index = self.table.currentRow()
        target = index + delta
        if self.read_only or not (0 <= index < len(self.rows)) or not (0 <= target < len(self.rows)):
            return False
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._feedback = ""
        self._refresh(select=target)
        return True

    def set_name(self, name: str) -> None:
        """Rename the selected label (its spans are relabelled on OK/Apply)."""
        row = self.current()
        if row is None or self.read_only:
            return
        row.name = name
        if self.name_edit.text() != row.name:
            self.name_edit.setText(row.name)
        self._feedback = ""
        self._refresh()

    def set_kind(self, kind: LabelKind | str) -> None:
        row = self.current()
        if row is None or self.read_only:
            return
        row.kind = LabelKind(kind)
        self._feedback = ""
        self._refresh()

    def set_colour(self, colour: QColor | str) -> None:
        row = self.current()
        colour = QColor(colour)
        if row is None or self.read_only or not colour.isValid():
            return
        row.colour = colour.name()
        self._feedback = ""
        self._refresh()

    def change_colour(self) -> bool:
        """Ask for a colour with :attr:`pick_colour` and give it to the selected label."""
        row = self.current()
        if row is None or self.read_only:
            return False
        colour = self.pick_colour(QColor(row.colour))
        if colour is None or not QColor(colour).isValid():
            return False
        self.set_colour(colour)
        return True

    def set_key(self, key: str) -> str | None:
        """Give the selected label ``key`` ('1'..'9' or '' for none).

        A key another label holds is swapped: that label takes the selected label's former key
        (or none). Returns the name of the label whose key changed too, else None.
        """
        row = self.current()
        key = key or ""
        if row is None or self.read_only or key == row.key:
            return None
        if key and key not in KEYS:
            raise ValueError(f"not a label key: {key!r}")
        holder = next((r for r in self.rows if key and r is not row and r.key == key), None)
        former = row.key
        row.key = key
        self._feedback = ""
        if holder is not None:
            holder.key = former
            if former:
                self._feedback = (
                    translate("LabelsDialog", "Key %1 now belongs to %2; %3 took its former key %4.")
                    .replace("%1", key)
                    .replace("%2", row.name)
                    .replace("%3", holder.name)
                    .replace("%4", former)
                )
            else:
                self._feedback = (
                    translate("LabelsDialog", "Key %1 now belongs to %2; %3 has no key now.")
                    .replace("%1", key)
                    .replace("%2", row.name)
                    .replace("%3", holder.name)
                )
        self._refresh()
        return holder.name if holder is not None else None

    # ================================================================== saving
    def apply(self) -> bool:
        """Write every change in one transaction; True when saved (or nothing to save)."""
        if self.read_only:
            return False
        problems = self.problems()
        if problems:
            self._feedback = ""
            self._refresh()
            return False
        if not self.is_dirty():
            return True
        renamed = {r.original: r.name for r in self.rows if r.renamed}
        deleted = list(self.deleted)
        before = {lb.name: lb for lb in self.corpus.labels()}
        try:
            with self.corpus.transaction():
                for name in deleted:
                    self.corpus.delete_label(name)  # refuses (and rolls everything back) if spans use it now
                    old = before.get(name)
                    self.corpus._log(self.who, None, "delete_label", None, _label_dict(old) if old else {"name": name})
                self._rename_all(renamed)
                for position, row in enumerate(self.rows, 1):
                    label = row.label(position)
                    old = before.get(row.original) if row.original else None
                    if old is None:
                        self.corpus._log(self.who, None, "add_label", None, None, _label_dict(label))
                    elif _label_dict(old, name=label.name) != _label_dict(label):
                        self.corpus._log(
                            self.who, None, "update_label", None, _label_dict(old, name=label.name), _label_dict(label)
                        )
                    self.corpus.upsert_label(label)
        except (CorpusError, ValueError, KeyError, sqlite3.Error) as exc:
            self._feedback = translate("LabelsDialog", "Nothing was saved: %1").replace("%1", str(exc).strip("'\""))
            self._refresh(error=True)
            return False
        selected = self.current()
        selected_name = selected.name if selected else None
        self.reload()
        self._feedback = translate("LabelsDialog", "Saved.")
        self._refresh(select=self.row_of(selected_name) if selected_name else 0)
        if renamed:
            self.labelsRenamed.emit(renamed)
        if deleted:
            self.labelsDeleted.emit(deleted)
        self.labelsChanged.emit()
        return True

    def _rename_all(self, renamed: dict[str, str]) -> None:
        """Renames in an order that never collides (A→B before B→C; a swap goes through a spare name)."""
        pending = dict(renamed)
        spare = 0
        while pending:
            names = self.corpus.label_names()
            ready = next(
                (old for old, new in pending.items() if not any(new.casefold() == n.casefold() for n in names - {old})),
                None,
            )
            if ready is not None:
                rename_label(self.corpus, ready, pending.pop(ready), self.who)
                continue
            old = next(iter(pending))
            spare += 1
            while f"_RENAMING_{spare}" in names:
                spare += 1
            rename_label(self.corpus, old, f"_RENAMING_{spare}", self.who)
            pending[f"_RENAMING_{spare}"] = pending.pop(old)

    def accept(self) -> None:
        if self.read_only or self.apply():
            super().accept()

    # ================================================================== view
    def _refresh(self, select: int | None = None, error: bool = False) -> None:
        """Show ``rows`` in the table and the selected one in the form; messages; button states."""
        current = self.table.currentRow() if select is None else select
        self._filling = True
        try:
            self._fill_table()
            if self.rows:
                current = max(0, min(current, len(self.rows) - 1))
                self.table.setCurrentCell(current, COL_NAME)
            self._fill_form()
        finally:
            self._filling = False
        self._update_message(error)
        self._update_states()

    def _fill_table(self) -> None:
        locale = QLocale()
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            if row.original is None:
                name = translate("LabelsDialog", "%1 (new)").replace("%1", row.name)
            elif row.renamed:
                name = translate("LabelsDialog", "%1 (was %2)").replace("%1", row.name).replace("%2", row.original)
            else:
                name = row.name
            chip = label_icon(row.label(i + 1)).pixmap(self.table.iconSize())
            name_item = QTableWidgetItem(_unselected(chip), name)
            name_item.setData(Qt.ItemDataRole.UserRole, row.name)
            font = name_item.font()
            font.setBold(True)
            name_item.setFont(font)
            kind_item = QTableWidgetItem(kind_text(row.kind))
            colour_item = QTableWidgetItem(_swatch(row.colour), row.colour)
            key_item = QTableWidgetItem(row.key or "—")
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            spans_item = QTableWidgetItem(locale.toString(row.spans))
            spans_item.setData(Qt.ItemDataRole.UserRole, row.spans)
            spans_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.by_state:
                spans_item.setToolTip(
                    translate("LabelsDialog", "Accepted %1 · suggested %2 · rejected %3")
                    .replace("%1", locale.toString(row.by_state.get("accepted", 0)))
                    .replace("%2", locale.toString(row.by_state.get("suggested", 0)))
                    .replace("%3", locale.toString(row.by_state.get("rejected", 0)))
                )
            for col, item in enumerate((name_item, kind_item, colour_item, key_item, spans_item)):
                self.table.setItem(i, col, item)

    def _fill_form(self) -> None:
        row = self.current()
        holders = {r.key: r.name for r in self.rows if r.key and r is not row}
        self.key_combo.setItemText(0, translate("LabelsDialog", "None"))
        for i, key in enumerate(KEYS, 1):
            holder = holders.get(key)
            self.key_combo.setItemText(
                i, translate("LabelsDialog", "%1 (now %2)").replace("%1", key).replace("%2", holder) if holder else key
            )
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_text(self.kind_combo.itemData(i)))
        if row is None:
            self.name_edit.clear()
            self.colour_button.setIcon(QIcon())
            self.colour_button.setText(translate("LabelsDialog", "Change colour…"))
            self.usage.clear()
            return
        if self.name_edit.text() != row.name:
            self.name_edit.setText(row.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(LabelKind(row.kind).value)))
        self.key_combo.setCurrentIndex(max(0, self.key_combo.findData(row.key)))
        self.colour_button.setIcon(_swatch(row.colour, 16))
        self.colour_button.setText(translate("LabelsDialog", "%1 — change…").replace("%1", row.colour))
        if row.original is None:
            usage = translate("LabelsDialog", "A new label: it is added when you press OK or Apply.")
        elif row.spans:
            usage = self.tr("Used by %n span(s).", "", row.spans)
            if row.renamed:
                usage += " " + self.tr("They will be relabelled %1.", "", row.spans).replace("%1", row.name)
            elif not self.read_only:
                usage += " " + translate(
                    "LabelsDialog", "Renaming the label relabels them; it cannot be deleted while they exist."
                )
        else:
            usage = translate("LabelsDialog", "No span uses this label.")
        self.usage.setText(usage)

    def _update_message(self, error: bool = False) -> None:
        """Blocking problems in red; otherwise the last action's feedback and any warnings."""
        problems = [] if self.read_only else self.problems()
        warnings = [] if self.read_only or problems else self.warnings()
        if problems:
            lines, colour = problems, "#b3261e"
        else:
            lines = ([self._feedback] if self._feedback else []) + warnings
            colour = "#b3261e" if error else "#7a4f01" if warnings else "#5f6368"
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet(f"QLabel#labelsMessage {{ color: {colour}; }}")
        self.message.setVisible(bool(lines))

    def _update_states(self) -> None:
        row = self.current()
        editable = not self.read_only and row is not None
        index = self.table.currentRow()
        for widget in (self.name_edit, self.kind_combo, self.colour_button, self.key_combo):
            widget.setEnabled(editable)
        self.add_button.setEnabled(not self.read_only)
        self.delete_button.setEnabled(editable and not row.spans)
        if editable and row.spans:
            self.delete_button.setToolTip(self.tr("%n span(s) use this label: it cannot be deleted.", "", row.spans))
        else:
            self.delete_button.setToolTip(translate("LabelsDialog", "Delete the selected label."))
        self.up_button.setEnabled(editable and index > 0)
        self.down_button.setEnabled(editable and index < len(self.rows) - 1)
        if self.ok_button is not None:
            valid = not self.problems()
            self.ok_button.setEnabled(valid)
            self.apply_button.setEnabled(valid and self.is_dirty())
        self.name_edit.setStyleSheet(
            ""
            if row is None or self.read_only or not name_problem(row.name, [r.name for r in self.rows if r is not row])
            else "QLineEdit { border: 1px solid #b3261e; }"
        )

    def _show_row(self, _row: int) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._fill_form()
        finally:
            self._filling = False
        self._update_states()

    def _ask_colour(self, initial: QColor) -> QColor | None:
        colour = QColorDialog.getColor(initial, self, translate("LabelsDialog", "Label colour"))
        return colour if colour.isValid() else None

    # ================================================================== texts
    def retranslate(self) -> None:
        self.setWindowTitle(translate("LabelsDialog", "Labels"))
        self.banner.setText(
            translate(
                "LabelsDialog",
                "This corpus is read-only: the labels are shown but cannot be changed."
                " Open a copy of the corpus to edit them.",
            )
        )
        self.intro.setVisible(not self.read_only)
        self.intro.setText(
            translate(
                "LabelsDialog",
                "The labels of this corpus, in palette order. Changes are saved when you press"
                " OK or Apply; renaming a label relabels all its spans.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("LabelsDialog", "Name"),
                translate("LabelsDialog", "Kind"),
                translate("LabelsDialog", "Colour"),
                translate("LabelsDialog", "Key"),
                translate("LabelsDialog", "Spans"),
            ]
        )
        self.add_button.setText(translate("LabelsDialog", "&Add…"))
        self.add_button.setToolTip(translate("LabelsDialog", "Add a label, then type its name."))
        self.delete_button.setText(translate("LabelsDialog", "&Delete"))
        self.up_button.setText(translate("LabelsDialog", "Move &up"))
        self.down_button.setText(translate("LabelsDialog", "Move do&wn"))
        self.up_button.setToolTip(translate("LabelsDialog", "Move the label up in the palette (and in the menus)."))
        self.down_button.setToolTip(translate("LabelsDialog", "Move the label down in the palette (and in the menus)."))
        self.form_box.setTitle(translate("LabelsDialog", "Selected label"))
        self.name_caption.setText(translate("LabelsDialog", "&Name:"))
        self.kind_caption.setText(translate("LabelsDialog", "K&ind:"))
        self.colour_caption.setText(translate("LabelsDialog", "&Colour:"))
        self.key_caption.setText(translate("LabelsDialog", "Short&cut key:"))
        self.name_edit.setPlaceholderText(translate("LabelsDialog", "For example ORG or PRODUCT"))
        self.kind_combo.setToolTip(
            translate(
                "LabelsDialog",
                "Entities mark names in a sentence; directive labels mark whole"
                " sentences. Spans of the same kind cannot overlap.",
            )
        )
        self.key_combo.setToolTip(
            translate(
                "LabelsDialog",
                "The key that applies this label. A key another label has is swapped: that label takes this one's key.",
            )
        )
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _label_dict(label: Label, *, name: str | None = None) -> dict:
    return {
        "name": name or label.name,
        "kind": LabelKind(label.kind).value,
        "colour": label.colour,
        "key": label.key,
        "position": label.position,
    }
