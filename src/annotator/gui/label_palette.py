"""The label palette: one button per label showing its key (1–9) and colour."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from annotator.core.model import Label, LabelKind


_ICONS: dict[tuple, QIcon] = {}


def label_icon(label: Label, size: int = 40) -> QIcon:
    """A rounded chip in the label colour with the label key on it (cached)."""
    cache_key = (label.name, label.colour, label.key, label.kind, size)
    icon = _ICONS.get(cache_key)
    if icon is None:
        icon = _ICONS[cache_key] = _draw_icon(label, size)
    return icon


def _draw_icon(label: Label, size: int) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(label.colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    if label.kind == LabelKind.DIRECTIVE:
        p.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), 4, 4)
    else:
        p.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), size / 3, size / 3)
    if label.key:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.55))
        p.setFont(font)
        p.setPen(QColor("white") if colour.lightnessF() < 0.75 else QColor("#202124"))
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, label.key)
    p.end()
    return QIcon(pix)


class Legend(QWidget):
    """How spans look: accepted (filled), suggestion (wavy underline), directive (band + bar)."""

    SAMPLE = "Aa"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("spanLegend")
        self.colour = QColor("#4363d8")
        self.directive_colour = QColor("#911eb4")
        self.captions = ["", "", ""]
        self.retranslate()

    def retranslate(self) -> None:
        self.captions = [self.tr("accepted"), self.tr("suggestion"), self.tr("directive")]
        self.setToolTip(self.tr("Accepted spans are filled; suggestions still to review have a wavy underline; "
                                "directive sentences sit on a pale band with a bar in the margin."))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        width = sum(fm.horizontalAdvance(self.SAMPLE) + fm.horizontalAdvance(c) + 34 for c in self.captions)
        return QSize(width + 12, fm.height() + 12)

    def paintEvent(self, _event) -> None:  # noqa: N802
        from annotator.gui.highlighter import ACCEPTED_FILL, BAND_ACCEPTED, SUGGESTED_FILL, tint

        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        h = fm.height()
        y = (self.height() - h) / 2
        x = 6.0
        sample_w = fm.horizontalAdvance(self.SAMPLE) + 8
        for i, caption in enumerate(self.captions):
            box = QRectF(x, y, sample_w, h)
            if i == 0:
                p.fillRect(box, tint(self.colour, ACCEPTED_FILL))
            elif i == 1:
                p.fillRect(box, tint(self.colour, SUGGESTED_FILL))
                path = QPainterPath(QPointF(box.left(), box.bottom() - 2))
                step = 3.0
                xx, up = box.left(), True
                while xx < box.right():
                    xx += step
                    path.lineTo(QPointF(min(xx, box.right()), box.bottom() - (4 if up else 1)))
                    up = not up
                p.setPen(QPen(self.colour, 1.2))
                p.drawPath(path)
            else:
                p.fillRect(box, tint(self.directive_colour, BAND_ACCEPTED))
                p.fillRect(QRectF(box.left() - 5, box.top(), 3, box.height()), self.directive_colour)
            p.setPen(QColor("#1b1f24"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.SAMPLE)
            x += sample_w + 5
            p.setPen(QColor("#5f6368"))
            p.drawText(QRectF(x, y, fm.horizontalAdvance(caption) + 4, h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, caption)
            x += fm.horizontalAdvance(caption) + 22
        p.end()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LabelPalette(QToolBar):
    """A toolbar of the label actions (the actions themselves live in the main window)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("labelPalette")
        self.setMovable(True)
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._actions: list[QAction] = []
        self.legend: Legend | None = None

    def set_label_actions(self, actions: list[QAction], labels: list[Label]) -> None:
        for action in self._actions:
            self.removeAction(action)
        self.clear()  # also drops the legend's action; the widget itself is kept
        self._actions = list(actions)
        for action, label in zip(actions, labels):
            action.setIcon(label_icon(label))
            self.addAction(action)
            button = self.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"labelButton_{label.name}")
                button.setStyleSheet(
                    "QToolButton { padding: 3px 10px 3px 6px; border-radius: 6px; font-weight: 600; }"
                    f" QToolButton:hover {{ background: {QColor(label.colour).lighter(185).name()}; }}")
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        entity = next((lb for lb in labels if lb.kind == LabelKind.ENTITY), None)
        directive = next((lb for lb in labels if lb.kind == LabelKind.DIRECTIVE), None)
        # QToolBar.clear() deleted the previous legend with its action: add a new one
        self.legend = Legend(self)
        if entity is not None:
            self.legend.colour = QColor(entity.colour)
        if directive is not None:
            self.legend.directive_colour = QColor(directive.colour)
        self.addWidget(self.legend)
