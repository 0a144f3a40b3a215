"""Span colours in the article: a QSyntaxHighlighter fed from the span model.

Per text block the highlighter asks the span model for the spans overlapping the block (two
bisects into start-sorted lists), cuts the block at span edges and gives each piece one
merged format: the directive band first (a pale tint of the DIRECTIVE colour), then the
entity on top of it: accepted entities get a solid fill in their label colour, suggestions a
wavy underline in the label colour over a light tint, and rejected spans are hidden (or
struck through and faint when "Show rejected spans" is on).

Offsets: the span model counts code points, Qt counts UTF-16 units; the conversion happens
here with the document's :class:`Utf16Index`. When a span changes only the blocks it touches
are highlighted again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span, SpanState
from annotator.gui.span_model import SpanModel

TEXT_COLOUR = QColor("#1b1f24")
REJECTED_COLOUR = QColor("#9aa0a6")


def tint(colour: str | QColor, amount: float) -> QColor:
    """``colour`` mixed with white; amount 0 keeps the colour, 1 gives white."""
    c = QColor(colour)
    r, g, b = c.red(), c.green(), c.blue()
    return QColor(round(r + (255 - r) * amount), round(g + (255 - g) * amount),
                  round(b + (255 - b) * amount))


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """``top`` painted with opacity ``alpha`` over ``bottom``."""
    return QColor(round(top.red() * alpha + bottom.red() * (1 - alpha)),
                  round(top.green() * alpha + bottom.green() * (1 - alpha)),
                  round(top.blue() * alpha + bottom.blue() * (1 - alpha)))


# How strong each kind of mark is (share of the label colour kept when mixed with white).
ACCEPTED_FILL = 0.60          # solid fill behind an accepted entity
SUGGESTED_FILL = 0.86         # light tint behind a suggestion
BAND_ACCEPTED = 0.84          # directive band
BAND_SUGGESTED = 0.90
SELECTED_FILL = 0.40


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, spans: SpanModel, parent: QObject | None = None):
        super().__init__(document)
        self.spans = spans
        self.show_rejected = False
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.pending: set[int] = set()         # block numbers not formatted yet (see load_text)
        spans.spanAdded.connect(self._span_touched)
        spans.spanRemoved.connect(self._span_touched)
        spans.spanChanged.connect(self._span_changed)

    # ------------------------------------------------------------------ options
    def set_show_rejected(self, show: bool) -> None:
        if show != self.show_rejected:
            self.show_rejected = show
            self.rehighlight()

    def colour(self, label: str) -> QColor:
        info = self.spans.labels.get(label)
        return QColor(info.colour if info else "#999999")

    def invalidate_formats(self) -> None:
        self._formats.clear()

    # ------------------------------------------------------------------ formats
    def _format(self, directive: Span | None, entity: Span | None) -> QTextCharFormat:
        key = (directive.label if directive else None, directive.state if directive else None,
               entity.label if entity else None, entity.state if entity else None)
        fmt = self._formats.get(key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        base = QColor("#ffffff")
        if directive is not None:
            amount = BAND_ACCEPTED if directive.state == SpanState.ACCEPTED else BAND_SUGGESTED
            base = tint(self.colour(directive.label), amount)
            fmt.setBackground(base)
        if entity is not None:
            colour = self.colour(entity.label)
            if entity.state == SpanState.ACCEPTED:
                fmt.setBackground(tint(colour, ACCEPTED_FILL))
                fmt.setForeground(TEXT_COLOUR)
            elif entity.state == SpanState.SUGGESTED:
                fmt.setBackground(blend(tint(colour, SUGGESTED_FILL), base, 0.75))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(colour)
            else:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(REJECTED_COLOUR)
        self._formats[key] = fmt
        return fmt

    def _visible(self, span: Span) -> bool:
        return span.state != SpanState.REJECTED or self.show_rejected

    # ------------------------------------------------------------------ highlighting
    def load_text(self, set_text: Callable[[], None], first_blocks: int) -> None:
        """Put a new text in the document (``set_text``) with only its first ``first_blocks``
        blocks formatted; the others are formatted when they scroll into view
        (:meth:`ensure_formatted`). The document's signals are held while the text goes in, so
        Qt does not call :meth:`highlightBlock` once for each of a long article's blocks."""
        doc = self.document()
        held = doc.blockSignals(True)
        try:
            set_text()
        finally:
            doc.blockSignals(held)
        count = doc.blockCount()
        self.pending = set(range(min(first_blocks, count), count))
        block = doc.firstBlock()
        for _ in range(min(first_blocks, count)):
            self.rehighlightBlock(block)
            block = block.next()

    def ensure_formatted(self, block, bottom: float, geometry) -> None:
        """Format the blocks still pending from ``block`` down to ``bottom`` (viewport pixels)."""
        while self.pending and block.isValid():
            if block.blockNumber() in self.pending:
                self.rehighlightBlock(block)
            if geometry(block) > bottom:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        block = self.currentBlock()
        if self.pending:
            self.pending.discard(block.blockNumber())
        model = self.spans
        if not model.has_spans:
            return
        pos16 = block.position()
        end16 = pos16 + block.length() - 1
        astral = model.astral
        if astral:
            u16 = model.u16
            cp_start, cp_end = u16.from_utf16(pos16), u16.from_utf16(end16)
        else:  # no emoji or other astral characters: code points are UTF-16 units
            cp_start, cp_end = pos16, end16
        if cp_end <= cp_start:
            return
        directives, entities = model.overlapping(cp_start, cp_end)
        rejected = SpanState.REJECTED
        if directives:
            directives = [d for d in directives if d.state != rejected]
        if entities and not self.show_rejected:
            entities = [e for e in entities if e.state != rejected]
        if not directives and not entities:
            return
        fmt = self._format
        if not directives and all(a.end <= b.start for a, b in zip(entities, entities[1:])):
            # the usual case: entities side by side, no directive band in this block
            for e in entities:
                a, b = max(e.start, cp_start), min(e.end, cp_end)
                if astral:
                    a16, b16 = u16.to_utf16(a) - pos16, u16.to_utf16(b) - pos16
                else:
                    a16, b16 = a - pos16, b - pos16
                self.setFormat(a16, b16 - a16, fmt(None, e))
            return
        cuts = {cp_start, cp_end}
        for span in directives + entities:
            cuts.add(max(span.start, cp_start))
            cuts.add(min(span.end, cp_end))
        cuts = sorted(cuts)
        for a, b in zip(cuts, cuts[1:]):
            directive = None
            for d in directives:
                if d.start <= a and d.end >= b:
                    directive = d
            entity = None
            for e in entities:
                if e.start <= a and e.end >= b and (
                        entity is None or e.end - e.start < entity.end - entity.start
                        or (entity.state == rejected and e.state != rejected)):
                    entity = e
            if directive is None and entity is None:
                continue
            if astral:
                a16, b16 = u16.to_utf16(a) - pos16, u16.to_utf16(b) - pos16
            else:
                a16, b16 = a - pos16, b - pos16
            self.setFormat(a16, b16 - a16, fmt(directive, entity))

    def rehighlight_range(self, start: int, end: int) -> None:
        """Highlight again the blocks that code points [start, end) touch."""
        doc = self.document()
        if doc is None:
            return
        u16 = self.spans.u16
        block = doc.findBlock(u16.to_utf16(start))  # (identity without astral characters)
        last = doc.findBlock(max(u16.to_utf16(end) - 1, 0))
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def _span_touched(self, span: Span) -> None:
        self.rehighlight_range(span.start, span.end)

    def _span_changed(self, old: Span, new: Span) -> None:
        self.rehighlight_range(min(old.start, new.start), max(old.end, new.end))
