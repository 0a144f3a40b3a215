"""The statistics window: charts drawn with QPainter from Corpus.stats()."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor

from annotator.core.model import Document, Span, SpanState, Status
from annotator.core.store import Corpus
from annotator.gui import i18n
from annotator.gui.stats_view import BarChart, StatsDialog, days_series, origin_text


@pytest.fixture(autouse=True)
def english(qapp):
    """These tests read English texts: drop translators another test may have left installed."""
    i18n.uninstall()
    yield


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "stats.db"
    with Corpus(path) as corpus:
        for i in range(8):
            text = f"Thủ tướng Phạm Minh Chính yêu cầu Bộ Công Thương bảo đảm cung ứng điện, bài {i}."
            spans = [Span(10, 25, "PER", origin="model:crf", state=SpanState.SUGGESTED),
                     Span(34, 48, "ORG"),
                     Span(0, 9, "MISC", state=SpanState.REJECTED, origin="rules")]
            doc_id, _ = corpus.add_document(Document(text=text, spans=spans))
            if i < 3:
                corpus.set_status(doc_id, Status.DONE, who="lan")
            elif i < 5:
                corpus.set_status(doc_id, Status.DONE, who="minh")
            elif i == 5:
                corpus.set_status(doc_id, Status.SKIPPED, who="lan")
            corpus.add_time(doc_id, 90)
    return path


def _has_colour(image, colour: str) -> bool:
    target = QColor(colour).rgb()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) == target:
                return True
    return False


def test_stats_dialog_renders_charts(qtbot, corpus_path):
    dialog = StatsDialog(corpus_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pixmap = dialog.grab()
    assert not pixmap.isNull() and pixmap.width() > 300 and pixmap.height() > 300

    status_rows = {label: value for label, value, _ in dialog.status_chart.rows}
    assert status_rows == {"New": 2, "In progress": 0, "Done": 5, "Skipped": 1}
    label_rows = {label: (value, colour.name()) for label, value, colour in dialog.label_chart.rows}
    assert label_rows == {"PER": (8, "#e6194b"), "ORG": (8, "#4363d8")}  # label colours from the corpus
    origins = {label for label, _, _ in dialog.origin_chart.rows}
    assert origins == {"Reviewer", "Model (crf)", "Rules"}
    assert [v for _, v, _ in dialog.days_chart.rows] == [5]  # five done today; skipped is not done
    assert dialog.reviewers.rowCount() == 2
    assert {dialog.reviewers.item(r, 0).text(): dialog.reviewers.item(r, 1).text() for r in range(2)} == \
        {"lan": "3", "minh": "2"}
    assert "8 documents, 5 done (62%)" in dialog.summary.text()

    chart_image = dialog.label_chart.grab().toImage()
    assert _has_colour(chart_image, "#e6194b") and _has_colour(chart_image, "#4363d8")
    assert _has_colour(dialog.status_chart.grab().toImage(), "#2e9d4f")


def test_stats_dialog_refresh_sees_new_work(qtbot, corpus_path):
    dialog = StatsDialog(corpus_path)
    qtbot.addWidget(dialog)
    with Corpus(corpus_path) as corpus:
        corpus.set_status(corpus.document_ids()[-1], Status.DONE, who="lan")
    dialog.refresh_button.click()
    assert dialog.stats["by_status"]["done"] == 6


def test_stats_dialog_on_a_missing_corpus_says_so(qtbot, tmp_path):
    dialog = StatsDialog(tmp_path / "nope.db")
    qtbot.addWidget(dialog)
    assert "does not exist" in dialog.summary.text()
    assert not (tmp_path / "nope.db").exists()  # opening for statistics never creates a corpus
    assert not dialog.grab().isNull()


def test_bar_chart_empty_and_values(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.empty_text = "Nothing yet"
    chart.resize(300, 60)
    assert not chart.grab().isNull()
    chart.set_rows([("a", 1, "#ff0000"), ("b", 1000, "#00ff00"), ("c", 0, "#0000ff")])
    chart.resize(400, chart.sizeHint().height())
    image = chart.grab().toImage()
    assert _has_colour(image, "#00ff00") and _has_colour(image, "#ff0000")
    assert chart.sizeHint().height() >= 3 * chart.row_height


def test_days_series_fills_gaps_and_keeps_the_last_days():
    per_day = [("2024-03-01", 2), ("2024-03-04", 5)]
    assert days_series(per_day) == [("2024-03-01", 2), ("2024-03-02", 0), ("2024-03-03", 0), ("2024-03-04", 5)]
    long = [("2024-01-01", 1), ("2024-03-31", 1)]
    series = days_series(long, last=31)
    assert len(series) == 31 and series[-1] == ("2024-03-31", 1) and series[0][0] == "2024-03-01"
    assert days_series([]) == []
    assert days_series([("2024-03-01", 1)], today=date(2024, 3, 3))[-1] == ("2024-03-03", 0)


def test_origin_text():
    assert origin_text("reviewer") == "Reviewer"
    assert origin_text("model:crf-2024") == "Model (crf-2024)"
    assert origin_text("something") == "something"
