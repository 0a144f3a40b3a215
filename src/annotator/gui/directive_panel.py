"""Directive panel: each DIRECTIVE span with its issuer and addressee.

Relations are stored as ``issuer``/``addressee`` with head = the directive span id and tail =
an entity span id. The combos offer the entity spans inside the directive first, then those
near it (same paragraph, a few hundred characters around). The panel rebuilds lazily (a
short timer after the last change) so editing large documents stays fast.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import RELATION_LABELS, Span, SpanState
from annotator.gui.commands import label_name
from annotator.gui.highlighter import tint
from annotator.gui.session import ReviewSession

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

NEAR = 300     # characters after a directive whose spans its cards offer
BEFORE = 900   # characters before it: the previous few sentences


def candidates(session: ReviewSession, directive: Span) -> list[Span]:
    """Who can be issuer/addressee: the entity and phrase spans inside the directive, then those of
    the sentences before it (an issuer is often named in the sentence before), nearest first,
    then those just after it."""
    model = session.spans
    lo = max(0, directive.start - BEFORE)
    hi = min(len(model.text), directive.end + NEAR)
    _, spans = model.overlapping(lo, hi)
    spans = [e for e in spans if e.state != SpanState.REJECTED]
    inside = [e for e in spans if e.start >= directive.start and e.end <= directive.end]
    before = sorted((e for e in spans if e.end <= directive.start), key=lambda e: directive.start - e.end)
    after = sorted((e for e in spans if e.start >= directive.end), key=lambda e: e.start - directive.end)
    return inside + before + after


class LazyCombo(QComboBox):
    """A combo that lists its entity candidates only when opened (cards stay cheap to build)."""

    def __init__(self, parent: QWidget, fill):
        super().__init__(parent)
        self._fill = fill
        self._filled = False

    def ensure_filled(self) -> None:
        if not self._filled:
            self._filled = True
            self._fill(self)

    def showPopup(self) -> None:  # noqa: N802
        self.ensure_filled()
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.ensure_filled()
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.ignore()  # scrolling the panel must not change a relation


class DirectiveCard(QFrame):
    """One directive: its sentence, an issuer combo and an addressee combo."""

    def __init__(self, panel: "DirectivePanel", directive: Span, number: int):
        super().__init__(panel.body)
        self.panel = panel
        self.directive = directive
        self.setObjectName(f"directive_{directive.id}")
        session = panel.session
        self.setProperty("suggested", directive.state == SpanState.SUGGESTED)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setObjectName("sentence")
        self.sentence.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        text = " ".join(session.spans.text[directive.start:directive.end].split())
        self.sentence.setText(text if len(text) <= 220 else text[:217] + "…")
        self.sentence.setToolTip(text)
        self.number = number
        layout.addWidget(self.heading)
        layout.addWidget(self.sentence)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        # each caption above its box: the names keep the card's whole width, in any language
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(2)
        self.combos: dict[str, LazyCombo] = {}
        self.form_labels: dict[str, QLabel] = {}
        for relation in RELATION_LABELS:
            combo = LazyCombo(self, lambda c, r=relation: self._fill(c, r))
            combo.setObjectName(f"{relation}_{directive.id}")
            # long entity names must not widen the card beyond its panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            combo.addItem("", None)
            current = session.spans.relations_of(directive.id, relation)
            if current:
                combo.addItem(self._entity_text(current[0].tail), current[0].tail)
                combo.setCurrentIndex(1)
            combo.activated.connect(lambda index, r=relation, c=combo: self._chosen(r, c))
            caption = QLabel(self)
            caption.setObjectName("caption")
            form.addRow(caption, combo)
            self.combos[relation] = combo
            self.form_labels[relation] = caption
        layout.addLayout(form)
        self.retranslate()

    def sync(self) -> None:
        """Follow the model: current issuer/addressee, entity texts, candidates re-listed on next open."""
        model = self.panel.session.spans
        for relation, combo in self.combos.items():
            current = model.relations_of(self.directive.id, relation)
            tail = current[0].tail if current else None
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            combo._filled = False
            if tail is not None:
                combo.addItem(self._entity_text(tail), tail)
                combo.setCurrentIndex(1)
            else:
                combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _entity_text(self, span_id: int) -> str:
        model = self.panel.session.spans
        span = model.get(span_id)
        if span is None:
            return str(span_id)
        return f"{' '.join(model.text[span.start:span.end].split())}  ({label_name(span.label)})"

    def _fill(self, combo: QComboBox, relation: str) -> None:
        """Put the candidates in the combo, keeping the current choice selected."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for entity in candidates(self.panel.session, self.directive):
            combo.addItem(self._entity_text(entity.id), entity.id)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(self._entity_text(current), current)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def _chosen(self, relation: str, combo: QComboBox) -> None:
        self.panel.session.set_relation(self.directive.id, relation, combo.currentData())

    def retranslate(self) -> None:
        self.sync()  # issuer/addressee texts name their label kind in the interface language
        state = ""
        if self.directive.state == SpanState.SUGGESTED:
            state = translate("DirectivePanel", " (suggested)")
        self.heading.setText(translate("DirectivePanel", "Directive {n}").format(n=self.number) + state)
        self.form_labels["issuer"].setText(translate("DirectivePanel", "Issuer:"))
        self.form_labels["addressee"].setText(translate("DirectivePanel", "Addressee:"))
        for combo in self.combos.values():
            combo.setItemText(0, translate("DirectivePanel", "— none —"))
        self.combos["issuer"].setToolTip(
            translate("DirectivePanel", "Who gives the directive (key I on a selected entity)"))
        self.combos["addressee"].setToolTip(
            translate("DirectivePanel", "Who must carry it out (key A on a selected entity)")
        )

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.panel.session.select(self.directive.id)
        super().mousePressEvent(event)


class DirectivePanel(QWidget):
    """Cards for the directives of the document on screen, built in small batches after a load."""

    BATCH = 12

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("directivePanel")
        self.session = session
        self.cards: list[DirectiveCard] = []
        self._pending: list[Span] = []
        self._dirty: list[tuple[int, int]] | None = []
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self.scroll)
        self.body.setObjectName("directiveBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(6, 6, 6, 6)
        self.body_layout.setSpacing(8)
        self.empty = QLabel(self.body)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368;")
        self.body_layout.addWidget(self.empty)
        self.cards_box = self._new_cards_box()
        self.body_layout.addStretch(1)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.rebuild)
        self._batch_timer = QTimer(self)
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(0)
        self._batch_timer.timeout.connect(self._build_batch)
        model = session.spans
        model.modelReset.connect(self._reset)
        model.spanAdded.connect(self._span_event)
        model.spanRemoved.connect(self._span_event)
        model.spanChanged.connect(lambda old, new: self._span_event(new, old))
        model.relationsChanged.connect(self._sync_later)
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(60)
        self._sync_timer.timeout.connect(self.sync_cards)
        session.selectionChanged.connect(self._highlight)
        self.apply_style()
        self.retranslate()
        self.rebuild()

    def apply_style(self) -> None:
        label = next((lb for lb in self.session.spans.labels.values() if lb.name == "DIRECTIVE"), None)
        colour = QColor(label.colour if label else "#911eb4")
        self.body.setStyleSheet(
            f"DirectiveCard {{ background: {tint(colour, 0.94).name()};"
            f" border: 1px solid {tint(colour, 0.65).name()}; border-left: 5px solid {colour.name()};"
            " border-radius: 4px; }"
            f' DirectiveCard[suggested="true"] {{ border-left: 5px dashed {tint(colour, 0.35).name()}; }}'
            " DirectiveCard QLabel { background: transparent; border: none; }"
            " DirectiveCard QLabel#heading { font-weight: 600; }"
        )

    def _later(self, *_args) -> None:
        self._timer.start()

    def _span_event(self, span: Span, old: Span | None = None) -> None:
        """A directive changed: rebuild the cards soon; an entity changed: refresh them in place."""
        model = self.session.spans
        if model.is_directive(span) or (old is not None and model.is_directive(old)):
            self._timer.start()
            return
        lo = min(span.start, old.start if old else span.start) - NEAR
        hi = max(span.end, old.end if old else span.end) + NEAR
        if self._dirty is not None:
            self._dirty.append((lo, hi))
        self._sync_timer.start()

    def _sync_later(self) -> None:
        self._dirty = None  # relations changed: every card
        self._sync_timer.start()

    def sync_cards(self) -> None:
        """Refresh the cards an entity change could affect (or all after a relation change)."""
        self._sync_timer.stop()
        dirty, self._dirty = self._dirty, []
        for card in self.cards:
            d = card.directive
            if dirty is None or any(lo < d.end and d.start < hi for lo, hi in dirty):
                card.sync()

    def _reset(self) -> None:
        """A new document: clear now, build the cards right after (the article paints first)."""
        self._clear()
        self._pending = []
        self.empty.setVisible(False)
        self._timer.stop()
        self._batch_timer.stop()
        self._timer.start(0)

    def _new_cards_box(self) -> QWidget:
        box = QWidget(self.body)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(8)
        self.body_layout.insertWidget(1, box)  # after the "no directives" line, before the stretch
        return box

    def _clear(self) -> None:
        """Drop every card at once: the box that holds them goes, not 150 cards one by one
        (opening a long article stays within a frame)."""
        if self.cards:
            old, self.cards_box = self.cards_box, self._new_cards_box()
            self.body_layout.removeWidget(old)
            old.deleteLater()  # not hide(): that sends a hide event to every widget of every card
        self.cards = []

    def rebuild(self) -> None:
        """Rebuild every card now for a short list, or the first batch and the rest when idle."""
        self._timer.stop()
        self._sync_timer.stop()
        self._dirty = []
        self._timer.setInterval(120)
        self._batch_timer.stop()
        self._clear()
        self._pending = [d for d in self.session.spans.directives() if d.state != SpanState.REJECTED]
        self.empty.setVisible(not self._pending)
        self._build_batch()

    def _build_batch(self) -> None:
        batch, self._pending = self._pending[: self.BATCH], self._pending[self.BATCH :]
        for directive in batch:
            card = DirectiveCard(self, directive, len(self.cards) + 1)
            self.cards_box.layout().addWidget(card)
            self.cards.append(card)
        if self._pending:
            self._batch_timer.start()
        else:
            self._highlight(self.session.selected_id)

    def card_for(self, span: Span | None) -> DirectiveCard | None:
        """The card of a directive, or of the directive containing an entity span."""
        if span is None:
            return None
        if self._pending:
            self._timer.stop()
            while self._pending:
                self._build_batch()
        for card in self.cards:
            d = card.directive
            if d.id == span.id or (d.start <= span.start and span.end <= d.end):
                return card
        return None

    def focus_card(self, span: Span | None, relation: str | None = None) -> None:
        """Keyboard into the cards (F6, or I/A on a directive): the card of ``span`` (or the first),
        its ``relation`` combo opened, else its issuer combo focused; Tab/arrows move on from there."""
        card = self.card_for(span) or (self.cards[0] if self.cards else None)
        if card is None:
            self.scroll.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.scroll.ensureWidgetVisible(card)
        combo = card.combos[relation or "issuer"]
        combo.setFocus(Qt.FocusReason.TabFocusReason)
        if relation is not None:
            combo.showPopup()

    def _highlight(self, span_id) -> None:
        if self._pending:
            return
        card = self.card_for(self.session.spans.get(span_id))
        if card is not None:
            self.scroll.ensureWidgetVisible(card)

    def retranslate(self) -> None:
        self.empty.setText(
            self.tr("No directive in this document. Select a sentence and press the DIRECTIVE key to mark one.")
        )
        for card in self.cards:
            card.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
