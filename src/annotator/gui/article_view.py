"""The article in the centre of the window: read-only text with spans highlighted.

Text selection works with the mouse and Shift+arrows; label keys, Tab, Enter, X, Del and
the resize keys are QActions of the main window that call back into the session. Positions
leave this widget as code points (see :meth:`ArticleView.selection_range`); Qt's UTF-16
positions never escape it.

Transient overlays are ExtraSelections: the selected span (stronger tint plus an outline
painted over the text) and search hits. Directives also get a bar in the left margin.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.model import Span, SpanState
from annotator.gui.commands import label_name, state_name
from annotator.gui.highlighter import SELECTED_FILL, SpanHighlighter, tint
from annotator.gui.session import ReviewSession
from annotator.gui.span_model import FIRST_SCREEN_BLOCKS

MARGIN_WIDTH = 22
LAZY_BLOCKS = FIRST_SCREEN_BLOCKS  # paragraphs formatted on opening; the rest when scrolled to
SEARCH_HIT = QColor("#ffe066")


def reading_font(point_size: float | None = None) -> QFont:
    """A large, legible proportional font with Vietnamese coverage."""
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    available = set(QFontDatabase.families())
    for family in ("Segoe UI", "Noto Sans", "Inter", "Roboto", "Arial", "DejaVu Sans"):
        if family in available:
            font.setFamily(family)
            break
    font.setPointSizeF(point_size or max(font.pointSizeF() * 1.35, 13.0))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class DirectiveMargin(QWidget):
    """Left margin of the article: a bar beside the lines of each directive."""

    def __init__(self, view: "ArticleView"):
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f6f7f9"))
        painter.setPen(QColor("#e3e6ea"))
        painter.drawLine(self.width() - 1, event.rect().top(), self.width() - 1, event.rect().bottom())
        view = self.view
        model = view.session.spans
        if not model.has_spans:  # not directives(): that would read a partial model's rest
            return
        u16 = model.u16
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        bottom = event.rect().bottom()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible() and geometry.bottom() >= event.rect().top():
                pos16 = block.position()
                cp_a = u16.from_utf16(pos16)
                cp_b = u16.from_utf16(pos16 + block.length() - 1)
                directives, _ = model.overlapping(cp_a, max(cp_b, cp_a + 1))
                layout = block.layout()
                for d in directives:
                    if d.state == SpanState.REJECTED or layout.lineCount() == 0:
                        continue
                    first = layout.lineForTextPosition(max(u16.to_utf16(d.start) - pos16, 0))
                    last = layout.lineForTextPosition(
                        max(min(u16.to_utf16(d.end), pos16 + block.length() - 1) - pos16 - 1, 0))
                    if not first.isValid() or not last.isValid():
                        continue
                    top = geometry.top() + first.y() + 2
                    bar_bottom = geometry.top() + last.y() + last.height() - 2
                    colour = QColor(view.highlighter.colour(d.label))
                    rect = QRectF(7, top, 6, bar_bottom - top)
                    if d.state == SpanState.ACCEPTED:
                        painter.fillRect(rect, colour)
                    else:  # a suggestion: pale bar with dashes in the label colour
                        painter.fillRect(rect, tint(colour, 0.7))
                        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap))
                        painter.drawLine(rect.center().x(), rect.top(), rect.center().x(), rect.bottom())
                    if view.session.selected_id == d.id:
                        painter.setPen(QPen(colour.darker(140), 1.5))
                        painter.drawRect(rect.adjusted(-3, -2, 3, 2))
            block = block.next()


class ArticleView(QPlainTextEdit):
    """Read-only article text; selection in, span highlighting and overlays out."""

    spanClicked = Signal(object)   # span id or None
    contextMenuRequested = Signal(QMenu)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(reading_font())
        self.document().setDocumentMargin(28)
        self.setCursorWidth(2)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setStyleSheet("QPlainTextEdit#articleView { background: #ffffff; color: #1b1f24;"
                           " selection-background-color: #a8c7fa; selection-color: #1b1f24; }")
        self.highlighter = SpanHighlighter(self.document(), session.spans)
        self.margin = DirectiveMargin(self)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        self.search_terms: list[str] = []
        self._last_click: tuple[int, int | None] | None = None
        self.updateRequest.connect(self._update_margin)
        model = session.spans
        model.modelReset.connect(self._load_text)
        model.spanAdded.connect(self._span_event)
        model.spanRemoved.connect(self._span_event)
        model.spanChanged.connect(lambda old, new: self._span_event(new))
        session.selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------------ text and positions
    def _load_text(self) -> None:
        self._last_click = None
        # a long article: format the first screens now, the rest as it scrolls into view
        text = self.session.spans.text
        self.highlighter.load_text(lambda: self.setPlainText(text), LAZY_BLOCKS)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.update_overlays()

    def to_utf16(self, pos: int) -> int:
        return self.session.spans.u16.to_utf16(pos)

    def from_utf16(self, unit: int) -> int:
        return self.session.spans.u16.from_utf16(unit)

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        start, end = self.from_utf16(a), self.from_utf16(b)
        if end > start and self.session.spans.u16.to_utf16(end) < b:
            end += 1  # a selection ending inside a surrogate pair keeps the whole character
        return (start, end) if end > start else None

    def select_text(self, start: int, end: int) -> None:
        """Select code points [start, end) (as a reviewer would with Shift+arrows)."""
        cursor = self.textCursor()
        cursor.setPosition(self.to_utf16(start))
        cursor.setPosition(self.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self, at: int | None = None) -> None:
        cursor = self.textCursor()
        pos = cursor.selectionEnd() if at is None else self.to_utf16(at)
        cursor.clearSelection()
        cursor.setPosition(pos)
        self.setTextCursor(cursor)

    def position_at(self, point: QPoint) -> int:
        return self.from_utf16(self.cursorForPosition(point).position())

    # ------------------------------------------------------------------ overlays
    def set_search_terms(self, query: str | None) -> None:
        words = [w for w in re.split(r"\s+", (query or "").strip()) if len(w) > 1]
        self.search_terms = words
        self.update_overlays()

    def update_overlays(self) -> None:
        selections = []
        text = self.session.spans.text
        if self.search_terms and text:
            fmt = QTextCharFormat()
            fmt.setBackground(SEARCH_HIT)
            pattern = re.compile("|".join(re.escape(w) for w in self.search_terms), re.IGNORECASE)
            for m in pattern.finditer(text):
                selections.append(self._extra(m.start(), m.end(), fmt))
                if len(selections) > 500:
                    break
        span = self.session.selected
        if span is not None:
            fmt = QTextCharFormat()
            if not self.session.spans.is_directive(span):
                fmt.setBackground(tint(self.highlighter.colour(span.label), SELECTED_FILL))
            # a selected directive keeps its entities' colours: only the outline marks it
            fmt.setProperty(QTextFormat.Property.UserProperty, "selected-span")
            selections.append(self._extra(span.start, span.end, fmt))
        self.setExtraSelections(selections)
        self.viewport().update()
        self.margin.update()

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_utf16(start))
        cursor.setPosition(self.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering code points [start, end), one per visual line."""
        a16, b16 = self.to_utf16(start), self.to_utf16(end)
        doc = self.document()
        block = doc.findBlock(a16)
        offset = self.contentOffset()
        rects: list[QRectF] = []
        height = self.viewport().height()
        while block.isValid() and block.position() < b16:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            layout = block.layout()
            if geometry.bottom() >= 0 and layout is not None:
                rel_a = max(a16 - block.position(), 0)
                rel_b = min(b16 - block.position(), block.length() - 1)
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    la, lb = line.textStart(), line.textStart() + line.textLength()
                    s, e = max(rel_a, la), min(rel_b, lb)
                    if s >= e:
                        continue
                    x1, x2 = line.cursorToX(s)[0], line.cursorToX(e)[0]
                    rects.append(QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height())
                                 .translated(geometry.topLeft()))
            block = block.next()
        return rects

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.highlighter.pending:
            offset = self.contentOffset()
            self.highlighter.ensure_formatted(
                self.firstVisibleBlock(), self.viewport().height(),
                lambda block: self.blockBoundingGeometry(block).translated(offset).bottom())
        super().paintEvent(event)
        span = self.session.selected
        if span is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.highlighter.colour(span.label).darker(150)
        if self.session.spans.is_directive(span):
            painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(colour, 2))
        for rect in self.span_rects(span.start, span.end):
            painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)

    # ------------------------------------------------------------------ margin
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.margin.setGeometry(QRect(cr.left(), cr.top(), MARGIN_WIDTH, cr.height()))

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    # ------------------------------------------------------------------ model events
    def _span_event(self, span: Span) -> None:
        if self.session.spans.is_directive(span):
            self.margin.update()
        if span.id == self.session.selected_id:
            self.update_overlays()

    def _selection_changed(self, span_id) -> None:
        self.update_overlays()
        span = self.session.selected
        if span is not None and not self.textCursor().hasSelection():
            cursor = self.textCursor()
            cursor.setPosition(self.to_utf16(span.start))
            self.setTextCursor(cursor)
            self.center_on(span.start, span.end)

    def center_on(self, start: int, end: int) -> None:
        """Keep [start, end) in the middle third of the article, with context after it.

        Nothing moves while the span already sits there; otherwise its top goes to a third of
        the height (a span taller than two thirds starts at the top)."""
        viewport = self.viewport().height()
        if viewport <= 0:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_utf16(start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.to_utf16(end))
        bottom = self.cursorRect(cursor).bottom()
        third = viewport / 3
        if top >= third and bottom <= 2 * third:
            return
        target = third if bottom - top <= 2 * third else 4
        bar = self.verticalScrollBar()
        line = max(self.fontMetrics().lineSpacing(), 1)
        # QPlainTextEdit scrolls by lines: move by whole lines towards the target
        bar.setValue(bar.value() + round((top - target) / line))

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Shift+Left/Right extend the selection by one syllable (or word with Snap to words)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ShiftModifier and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.extend_selection(event.key() == Qt.Key.Key_Right)
            event.accept()
            return
        super().keyPressEvent(event)

    def extend_selection(self, forward: bool) -> None:
        """Move the moving end of the text selection to the next (previous) unit boundary."""
        units = self.session.units_for_snapping()
        cursor = self.textCursor()
        span = self.session.selected
        if not cursor.hasSelection() and span is not None and self.from_utf16(cursor.position()) == span.start:
            # the caret sits on the selected span: its words become the selection to extend
            cursor.setPosition(self.to_utf16(span.start))
            cursor.setPosition(self.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
        pos = self.from_utf16(cursor.position())
        anchor = self.from_utf16(cursor.anchor())
        # the moving end stops at unit ends on the right of the anchor, at unit starts on its left
        edges = [e for _s, e in units] if (pos > anchor or (pos == anchor and forward)) else [s for s, _e in units]
        if forward:
            after = [e for e in edges if e > pos]
            target = after[0] if after else len(self.session.spans.text)
        else:
            before = [e for e in edges if e < pos]
            target = before[-1] if before else 0
        if (pos - anchor) * (target - anchor) < 0:
            target = anchor  # crossing the anchor: first collapse onto it
        cursor.setPosition(self.to_utf16(target), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # ------------------------------------------------------------------ mouse
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.position_at(event.position().toPoint())
        hits = self.session.spans.at(pos, include_rejected=self.highlighter.show_rejected)
        if not hits:
            self._last_click = None
            self.session.select(None)
            return
        ids = [s.id for s in hits]
        target = ids[0]
        if self._last_click and self._last_click[0] == pos and self._last_click[1] in ids:
            target = ids[(ids.index(self._last_click[1]) + 1) % len(ids)]  # click again: next outer span
        self._last_click = (pos, target)
        self.session.select(target)
        self.spanClicked.emit(target)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        pos = self.position_at(event.pos())
        if not self.textCursor().hasSelection():
            hits = self.session.spans.at(pos, include_rejected=self.highlighter.show_rejected)
            if hits:
                self.session.select(hits[0].id)
        menu = QMenu(self)
        self.contextMenuRequested.emit(menu)
        if not menu.isEmpty():
            menu.exec(event.globalPos())

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            pos = self.position_at(event.pos())
            hits = self.session.spans.at(pos, include_rejected=self.highlighter.show_rejected)
            if hits:
                QToolTip.showText(event.globalPos(), "\n".join(self.describe(s) for s in hits), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def describe(self, span: Span) -> str:
        parts = [label_name(span.label), state_name(span.state), span.origin]
        if span.score is not None:
            parts.append(f"{span.score:.2f}")
        return " · ".join(parts)
