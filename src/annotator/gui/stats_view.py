"""Corpus statistics: documents by status, spans by label and origin, progress per day, reviewers.

The charts are drawn with QPainter by :class:`BarChart` (the PySide6-Essentials wheel has no
QtCharts): one horizontal bar per row, its label on the left and its value at the bar's end.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

#: Document statuses as shown to the reviewer (context "Status", shared with the other views).
STATUS_TEXTS = {
    "new": QT_TRANSLATE_NOOP("Status", "New"),
    "in_progress": QT_TRANSLATE_NOOP("Status", "In progress"),
    "done": QT_TRANSLATE_NOOP("Status", "Done"),
    "skipped": QT_TRANSLATE_NOOP("Status", "Skipped"),
}
STATUS_COLOURS = {"new": "#9e9e9e", "in_progress": "#f2a900", "done": "#2e9d4f", "skipped": "#b0766a"}

#: Span states (context "SpanState").
STATE_TEXTS = {
    "suggested": QT_TRANSLATE_NOOP("SpanState", "Suggested"),
    "accepted": QT_TRANSLATE_NOOP("SpanState", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("SpanState", "Rejected"),
}
STATE_COLOURS = {"suggested": "#7fa7d9", "accepted": "#2e9d4f", "rejected": "#c0504d"}

#: Where a span came from; an origin like "model:crf-2024" is shown by its first part.
ORIGIN_TEXTS = {
    "reviewer": QT_TRANSLATE_NOOP("Origin", "Reviewer"),
    "model": QT_TRANSLATE_NOOP("Origin", "Model"),
    "rules": QT_TRANSLATE_NOOP("Origin", "Rules"),
    "gazetteer": QT_TRANSLATE_NOOP("Origin", "Gazetteer"),
    "import": QT_TRANSLATE_NOOP("Origin", "Imported"),
}
ORIGIN_COLOURS = ["#4363d8", "#f58231", "#911eb4", "#469990", "#9a6324", "#808000", "#000075"]


def status_text(value: str) -> str:
    source = STATUS_TEXTS.get(value)
    return translate("Status", source) if source else value


def state_text(value: str) -> str:
    source = STATE_TEXTS.get(value)
    return translate("SpanState", source) if source else value


def origin_text(value: str) -> str:
    head, _, rest = value.partition(":")
    source = ORIGIN_TEXTS.get(head)
    if source is None:
        return value
    text = translate("Origin", source)
    return f"{text} ({rest})" if rest else text


class BarChart(QWidget):
    """Horizontal bars with their labels and values; rows are (label, value, colour)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, float, QColor]] = []
        self.empty_text = ""
        self.decimals = 0
        self.row_height = 20
        self.spacing = 4
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)

    def set_rows(self, rows: list[tuple[str, float, QColor | str]]) -> None:
        self.rows = [(str(label), float(value), QColor(colour)) for label, value, colour in rows]
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        n = max(len(self.rows), 1)
        return QSize(360, n * (self.row_height + self.spacing) + self.spacing)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _value_text(self, value: float) -> str:
        locale = QLocale()  # the UI language's digit grouping: 1,234 in English, 1.234 in Vietnamese
        return locale.toString(int(round(value))) if not self.decimals else locale.toString(value, "f", self.decimals)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        if not self.rows:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        label_width = min(max(metrics.horizontalAdvance(label) for label, _, _ in self.rows) + 8,
                          int(self.width() * 0.4))
        value_width = max(metrics.horizontalAdvance(self._value_text(v)) for _, v, _ in self.rows) + 8
        bar_space = max(self.width() - label_width - value_width - 8, 10)
        top_value = max((v for _, v, _ in self.rows), default=0) or 1
        y = self.spacing
        for label, value, colour in self.rows:
            painter.setPen(text_colour)
            label_rect = QRectF(0, y, label_width - 6, self.row_height)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            length = bar_space * value / top_value
            if value > 0:
                length = max(length, 2.0)
            bar = QRectF(label_width, y + 2, length, self.row_height - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(text_colour)
            painter.drawText(QRectF(bar.right() + 4, y, value_width, self.row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._value_text(value))
            y += self.row_height + self.spacing


def days_series(per_day: list, *, last: int = 31, today: date | None = None) -> list[tuple[str, int]]:
    """Documents finished per day over the last ``last`` days that have any, gaps filled with 0."""
    counts = {str(day): int(n) for day, n in per_day if day}
    if not counts:
        return []
    first = date.fromisoformat(min(counts))
    end = max(date.fromisoformat(max(counts)), today or date.fromisoformat(max(counts)))
    start = max(first, end - timedelta(days=last - 1))
    out = []
    day = start
    while day <= end:
        out.append((day.isoformat(), counts.get(day.isoformat(), 0)))
        day += timedelta(days=1)
    return out


class StatsDialog(QDialog):
    """Statistics of one corpus, read through its own connection when shown or refreshed."""

    def __init__(self, corpus_path: str | os.PathLike, parent: QWidget | None = None):
        super().__init__(parent)
        self.corpus_path = Path(corpus_path)
        self.stats: dict = {}
        self.label_colours: dict[str, str] = {}
        self.resize(720, 640)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status_box, self.status_chart = self._chart_box()
        self.label_box, self.label_chart = self._chart_box()
        self.origin_box, self.origin_chart = self._chart_box()
        self.state_box, self.state_chart = self._chart_box()
        self.days_box, self.days_chart = self._chart_box()
        self.reviewers_box = QGroupBox()
        self.reviewers = QTableWidget(0, 2)
        self.reviewers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reviewers.verticalHeader().setVisible(False)
        self.reviewers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reviewers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.reviewers.setSortingEnabled(True)
        self.reviewers.setMinimumHeight(120)
        QVBoxLayout(self.reviewers_box).addWidget(self.reviewers)

        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.status_box, 1, 0)
        grid.addWidget(self.state_box, 1, 1)
        grid.addWidget(self.label_box, 2, 0)
        grid.addWidget(self.origin_box, 2, 1)
        grid.addWidget(self.days_box, 3, 0)
        grid.addWidget(self.reviewers_box, 3, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.scroll = scroll

        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.error: str | None = None
        self.refresh()

    @staticmethod
    def _chart_box() -> tuple[QGroupBox, BarChart]:
        box = QGroupBox()
        chart = BarChart()
        QVBoxLayout(box).addWidget(chart)
        return box, chart

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Read the statistics again from the corpus file."""
        from annotator.core.store import Corpus, CorpusError

        try:
            with Corpus(self.corpus_path, create=False, read_only=True) as corpus:
                self.stats = corpus.stats()
                self.label_colours = {label.name: label.colour for label in corpus.labels()}
            self.error = None
        except (CorpusError, OSError) as exc:
            self.stats, self.label_colours = {}, {}
            self.error = str(exc)
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(translate("StatsDialog", "Statistics"))
        self.refresh_button.setText(translate("StatsDialog", "Refresh"))
        self.status_box.setTitle(translate("StatsDialog", "Documents by status"))
        self.state_box.setTitle(translate("StatsDialog", "Spans by state"))
        self.label_box.setTitle(translate("StatsDialog", "Spans by label (not rejected)"))
        self.origin_box.setTitle(translate("StatsDialog", "Spans by origin"))
        self.days_box.setTitle(translate("StatsDialog", "Documents finished per day"))
        self.reviewers_box.setTitle(translate("StatsDialog", "Reviewers"))
        self.reviewers.setHorizontalHeaderLabels([translate("StatsDialog", "Reviewer"),
                                                  translate("StatsDialog", "Documents done")])
        for chart in (self.status_chart, self.state_chart, self.label_chart, self.origin_chart, self.days_chart):
            chart.empty_text = translate("StatsDialog", "Nothing yet")
        self._fill()

    def _fill(self) -> None:
        stats = self.stats
        if self.error:
            self.summary.setText(translate("StatsDialog", "Cannot read the corpus: %1").replace("%1", self.error))
        else:
            hours = float(stats.get("time_spent", 0)) / 3600
            done = int(stats.get("by_status", {}).get("done", 0))
            total = int(stats.get("documents", 0))
            locale = QLocale()
            self.summary.setText(
                translate("StatsDialog", "%1 documents, %2 done (%3%); %4 hours of review.")
                .replace("%1", locale.toString(total))
                .replace("%2", locale.toString(done))
                .replace("%3", locale.toString(round(100 * done / total) if total else 0))
                .replace("%4", locale.toString(hours, "f", 1))
            )
        by_status = stats.get("by_status", {})
        rows = [(status_text(s), by_status.get(s, 0), STATUS_COLOURS[s]) for s in STATUS_TEXTS] if stats else []
        rows += [(status_text(s), n, "#999999") for s, n in by_status.items() if s not in STATUS_TEXTS]
        self.status_chart.set_rows(rows)
        by_state = stats.get("spans_by_state", {})
        self.state_chart.set_rows(
            [
                (state_text(s), n, STATE_COLOURS.get(s, "#999999"))
                for s, n in sorted(
                    by_state.items(), key=lambda kv: list(STATE_TEXTS).index(kv[0]) if kv[0] in STATE_TEXTS else 99
                )
            ]
        )
        by_label = stats.get("spans_by_label", {})
        order = list(self.label_colours)
        self.label_chart.set_rows(
            [
                (name, n, self.label_colours.get(name, "#999999"))
                for name, n in sorted(
                    by_label.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])
                )
            ]
        )
        by_origin = stats.get("spans_by_origin", {})
        self.origin_chart.set_rows(
            [
                (origin_text(o), n, ORIGIN_COLOURS[i % len(ORIGIN_COLOURS)])
                for i, (o, n) in enumerate(sorted(by_origin.items(), key=lambda kv: -kv[1]))
            ]
        )
        self.days_chart.set_rows(
            [(day, n, STATUS_COLOURS["done"]) for day, n in days_series(stats.get("done_per_day", []))]
        )
        reviewers = stats.get("done_by_reviewer", {})
        self.reviewers.setSortingEnabled(False)
        self.reviewers.setRowCount(len(reviewers))
        for row, (name, n) in enumerate(sorted(reviewers.items(), key=lambda kv: -kv[1])):
            self.reviewers.setItem(
                row, 0, QTableWidgetItem(translate("StatsDialog", "(nobody)") if name == "-" else str(name))
            )
            count = QTableWidgetItem()
            count.setData(Qt.ItemDataRole.DisplayRole, int(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.reviewers.setItem(row, 1, count)
        self.reviewers.setSortingEnabled(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
