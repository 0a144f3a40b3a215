"""Side panels that give way: the article keeps at least MIN_LINE_CHARS characters a line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.gui.article_view import MARGIN_WIDTH
from annotator.gui.window_part import WindowPart

MIN_LINE_CHARS = 45   # the article keeps at least this many characters a line; side panels give way


class DockLayout(WindowPart):
    """Default dock proportions and the narrowing of the side panels on small screens."""

    def arrange_docks(self) -> None:
        """Default proportions: list 23 %, spans and directives 30 % on the right, the article in
        the middle; on a small screen the side panels give way first (:meth:`fit_article`)."""
        w = self.window
        width, height = w.width(), w.height()
        w.resizeDocks([w.documents_dock, w.spans_dock],
                      [max(int(width * 0.23), 240), max(int(width * 0.30), 300)], Qt.Orientation.Horizontal)
        w.resizeDocks([w.spans_dock, w.directives_dock], [int(height * 0.5), int(height * 0.5)],
                      Qt.Orientation.Vertical)
        self.fit_article()

    def article_min_width(self) -> int:
        """Pixels the article needs for MIN_LINE_CHARS characters a line of Vietnamese text."""
        metrics = self.view.fontMetrics()
        sample = "Ngày 21/11, tại thành phố Vinh, Ban Chỉ đạo Công tác thông tin"[:MIN_LINE_CHARS]
        margins = 2 * int(self.view.document().documentMargin()) + MARGIN_WIDTH
        return metrics.horizontalAdvance(sample) + margins + self.view.verticalScrollBar().sizeHint().width() + 8

    def fit_article(self) -> None:
        """Narrow the side panels (left first, then right, never below their minimum) until the
        article keeps at least MIN_LINE_CHARS characters a line."""
        need = self.article_min_width()
        short = need - self.window.centralWidget().width()
        if short <= 0:
            return
        docks = [d for d in (self.window.documents_dock, self.window.spans_dock)
                 if d.isVisible() and not d.isFloating()]
        if not docks:
            return
        widths = [d.width() for d in docks]
        new = []
        for dock, width in zip(docks, widths):  # the document list gives way first, then the span panels
            take = min(short, max(width - dock.minimumSizeHint().width(), 0))
            new.append(width - take)
            short -= take
        if new != widths:
            self.window.resizeDocks(docks, new, Qt.Orientation.Horizontal)
