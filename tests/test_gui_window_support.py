"""Fixtures and helpers shared by the GUI tests (imported by test_gui_*.py; holds no tests).

Every GUI test drives the real window like a reviewer (text cursor on the article view,
key clicks) and then reads the corpus file with a separate SQLite connection, so what is
asserted is what was written to disk.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from annotator.core.model import Document, Relation, Span, SpanState, Status  # noqa: E402
from annotator.core.store import Corpus  # noqa: E402
from annotator.core.text import normalize  # noqa: E402

DOC1 = (
    "Hà Nội triển khai kế hoạch phòng chống dịch\n\n"
    "Sáng 12/3, Ủy ban nhân dân thành phố Hà Nội tổ chức hội nghị triển khai kế hoạch phòng chống "
    "dịch sốt xuất huyết. Phó Chủ tịch Nguyễn Văn An chủ trì hội nghị. Chủ tịch UBND thành phố yêu "
    "cầu Sở Y tế Hà Nội khẩn trương kiểm tra các quận, huyện."
)
DOC2 = (
    "Đà Nẵng đón đoàn công tác của Nhật Bản\n\n"
    "Chiều 5/4, lãnh đạo thành phố Đà Nẵng tiếp đoàn công tác của tỉnh Shizuoka, Nhật Bản. Hai bên "
    "trao đổi về hợp tác du lịch và đào tạo nguồn nhân lực."
)
DOC3 = (
    "Quảng Ninh kiểm tra công tác phòng chống bão\n\n"
    "Bộ trưởng Lê Minh Hoan đã kiểm tra đê biển tại huyện Tiên Yên. Ông đề nghị tỉnh Quảng Ninh "
    "chủ động sơ tán người dân."
)
DOC4 = (
    "Cần Thơ tổng kết mùa lúa Đông Xuân\n\n"
    "Sở Nông nghiệp Cần Thơ cho biết năng suất lúa đạt 7 tấn mỗi héc-ta."
)


def at(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """Code-point offsets of the n-th occurrence of fragment in text."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(fragment, pos + 1)
    return pos, pos + len(fragment)


@dataclass
class NewsCorpus:
    path: Path
    ids: list[int]
    texts: list[str]


def build_news_corpus(path: Path) -> NewsCorpus:
    """Four short articles; the first carries machine suggestions and a directive; the last is done."""
    corpus = Corpus(path)
    ids = []
    for text in (DOC1, DOC2, DOC3, DOC4):
        doc_id, _ = corpus.add_document(Document(text=text, title=text.split("\n", 1)[0], source="test"))
        ids.append(doc_id)
    suggestions = [
        Span(*at(DOC1, "Ủy ban nhân dân thành phố Hà Nội"), "ORG", origin="crf:test", state=SpanState.SUGGESTED,
             score=0.91),
        Span(*at(DOC1, "Nguyễn Văn An"), "PER", origin="crf:test", state=SpanState.SUGGESTED, score=0.97),
        Span(*at(DOC1, "Sở Y tế Hà Nội"), "ORG", origin="rules", state=SpanState.SUGGESTED, score=0.8),
        Span(*at(DOC1, "Chủ tịch UBND thành phố yêu cầu Sở Y tế Hà Nội khẩn trương kiểm tra các quận, huyện."),
             "DIRECTIVE", origin="directives", state=SpanState.SUGGESTED, score=0.88),
    ]
    corpus.replace_suggestions(ids[0], suggestions, [Relation(head=3, tail=2, label="addressee", origin="directives")])
    corpus.replace_suggestions(ids[1], [
        Span(*at(DOC2, "Đà Nẵng", 1), "LOC", origin="crf:test", state=SpanState.SUGGESTED, score=0.9),
        Span(*at(DOC2, "Nhật Bản", 1), "LOC", origin="crf:test", state=SpanState.SUGGESTED, score=0.9),
    ])
    corpus.set_status(ids[3], Status.DONE, who="someone")
    corpus.close()
    return NewsCorpus(path, ids, [DOC1, DOC2, DOC3, DOC4])


def db_rows(path: Path, sql: str, *params) -> list[tuple]:
    """Read the corpus file through a fresh connection (what is really on disk)."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def db_spans(path: Path, doc_id: int) -> list[tuple]:
    return db_rows(path, 'SELECT id, start, "end", label, origin, state FROM spans WHERE doc_id=? ORDER BY start, "end"',
                   doc_id)


def db_status(path: Path, doc_id: int) -> str:
    return db_rows(path, "SELECT status FROM documents WHERE id=?", doc_id)[0][0]


def select_text(window, start: int, end: int) -> None:
    """Put a selection on the article view with a QTextCursor (code points → UTF-16 for Qt)."""
    view = window.view
    u16 = window.session.spans.u16
    cursor = view.textCursor()
    cursor.setPosition(u16.to_utf16(start))
    cursor.setPosition(u16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    qtbot.keyClick(widget or window.view, k, modifier)


@pytest.fixture
def gui_settings(tmp_path):
    """QSettings in a temp folder so tests never read or write the user's settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    previous_format = QSettings.defaultFormat()
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe")
    previous_dir = str(Path(probe.fileName()).parent.parent)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from annotator.gui.session import app_settings

    assert Path(app_settings().fileName()).is_relative_to(folder)
    yield folder
    QSettings.setDefaultFormat(previous_format)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, previous_dir)


@pytest.fixture
def news(tmp_path) -> NewsCorpus:
    return build_news_corpus(tmp_path / "news.db")


@pytest.fixture
def open_window(qtbot, gui_settings):
    """Factory: a shown, active review window on a corpus file."""
    from annotator.gui.main_window import MainWindow

    windows = []

    def make(path, reviewer: str = "Tester", **kwargs):
        win = MainWindow(Corpus(path), reviewer, **kwargs)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        win.view.setFocus()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        windows.append(win)
        return win

    yield make
    for win in windows:
        if not win._closed:
            win.close()


@pytest.fixture
def window(open_window, news):
    win = open_window(news.path)
    win.show_document(news.ids[0])
    return win


def nfd_with_emoji() -> tuple[str, str]:
    """(raw NFD text with an emoji before the target, target as NFC)."""
    import unicodedata

    nfc = "Tin nóng 🔥🇻🇳 hôm nay: Thủ tướng Phạm Minh Chính làm việc tại Đồng Tháp."
    raw = unicodedata.normalize("NFD", nfc)
    assert raw != nfc and normalize(raw)[0] == nfc
    return raw, "Phạm Minh Chính"
