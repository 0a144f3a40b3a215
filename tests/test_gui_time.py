"""Time spent per document: the clock stops when the reviewer is idle (no key or mouse input).

Most tests give the window's ActiveTimer a fake clock, so the arithmetic is exact and a slow
machine cannot change the outcome; input is real (key clicks and mouse events on the window,
seen by the app-wide event filter). One test runs on the real clock with wide margins.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.session import ActiveTimer
from test_gui_window_support import (  # noqa: F401 - fixtures
    db_rows,
    gui_settings,
    key,
    news,
    open_window,
    window,
)

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
LIMIT = 0.3   # idle limit in these tests (seconds of the fake clock)
GRACE = 0.1


class FakeClock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def spent(news, doc_id: int) -> float:
    return db_rows(news.path, "SELECT time_spent FROM documents WHERE id=?", doc_id)[0][0]


def press(qtbot, window) -> None:
    """A harmless key press on the article view (moves the text cursor)."""
    key(qtbot, window, K.Key_Right)


@pytest.fixture
def clock(window, news) -> FakeClock:
    """A fake clock on the window's timer, idle limit LIMIT; time so far is written first."""
    timer = window.session.timer
    fake = FakeClock(time.monotonic())
    timer.clock = fake
    timer.idle_limit = LIMIT
    timer.grace = GRACE
    timer.flush(to_now=True)  # what ran on the real clock before this point
    return fake


def test_defaults_and_filter_installed(window, qtbot):
    timer = window.session.timer
    assert ActiveTimer.IDLE_LIMIT == 120
    assert timer.idle_limit == 120
    assert 0 < timer.grace < timer.idle_limit
    assert ActiveTimer(idle_limit=0.25).idle_limit == 0.25
    before = timer._last_input
    press(qtbot, window)
    assert timer._last_input > before  # the app-wide filter saw the key


def test_time_stops_when_idle_and_idle_stretch_is_not_recorded(window, news, clock, qtbot):
    timer = window.session.timer
    d1 = news.ids[0]
    base = spent(news, d1)
    press(qtbot, window)
    for _ in range(4):  # 0.8 s of steady work, input every 0.2 s
        clock.advance(0.2)
        press(qtbot, window)
    assert not timer.idle
    clock.advance(0.25)  # reading, not idle yet: counts for now
    assert timer.pending_seconds() == pytest.approx(0.8 + 0.25)
    clock.advance(10)  # walked away
    assert timer.idle
    assert timer.pending_seconds() == pytest.approx(0.8 + GRACE)
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(0.8 + GRACE)
    clock.advance(60)  # still away: nothing grows
    assert timer.pending_seconds() == 0
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(0.8 + GRACE)


def test_periodic_flush_writes_no_time_that_may_turn_out_idle(window, news, clock, qtbot):
    d1 = news.ids[0]
    base = spent(news, d1)
    press(qtbot, window)
    clock.advance(0.25)
    window.flush_time()  # 0.25 s since the last input: not known yet whether that was work
    assert spent(news, d1) == pytest.approx(base)
    press(qtbot, window)  # ...it was: the reviewer is still here
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(0.25)
    clock.advance(0.2)
    window.flush_time()
    clock.advance(20)  # gone
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(0.25 + GRACE)


def test_key_press_resumes_counting(window, news, clock, qtbot):
    timer = window.session.timer
    d1 = news.ids[0]
    base = spent(news, d1)
    press(qtbot, window)
    clock.advance(30)
    assert timer.idle
    press(qtbot, window)  # back at the keyboard
    assert not timer.idle
    clock.advance(0.2)
    press(qtbot, window)
    clock.advance(0.2)
    assert timer.pending_seconds() == pytest.approx(GRACE + 0.4)
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(GRACE + 0.2)  # up to the last input
    window.close()  # closing ends the stretch now: the last 0.2 s count too
    assert spent(news, d1) - base == pytest.approx(GRACE + 0.4)


@pytest.mark.parametrize("kind", ["mouse_move", "mouse_press", "wheel"])
def test_mouse_input_resumes_counting(window, news, clock, qtbot, kind):
    timer = window.session.timer
    viewport = window.view.viewport()
    press(qtbot, window)
    clock.advance(30)
    assert timer.idle
    if kind == "mouse_move":
        qtbot.mouseMove(viewport, QPoint(40, 30))
    elif kind == "mouse_press":
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(40, 30))
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(40, 30))
    else:
        wheel = QWheelEvent(QPointF(40, 30), QPointF(viewport.mapToGlobal(QPoint(40, 30))), QPoint(), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, wheel)
    assert not timer.idle
    clock.advance(0.2)
    assert timer.pending_seconds() == pytest.approx(GRACE + 0.2)


def test_document_switch_flushes_after_idle(window, news, clock, qtbot):
    d1, d2 = news.ids[:2]
    base1, base2 = spent(news, d1), spent(news, d2)
    press(qtbot, window)
    clock.advance(0.2)
    press(qtbot, window)
    clock.advance(45)  # away from the first document
    key(qtbot, window, K.Key_Right, ALT)  # back, straight to the next document
    assert window.current_document_id == d2
    assert spent(news, d1) - base1 == pytest.approx(0.2 + GRACE)
    clock.advance(0.25)
    window.show_document(d1)  # a switch ends the stretch now, even without input since
    assert spent(news, d2) - base2 == pytest.approx(0.25)
    assert spent(news, d1) - base1 == pytest.approx(0.2 + GRACE)


def test_deactivation_while_idle_counts_grace_only():
    written = []

    class Sink:
        def add_time(self, doc_id, seconds):
            written.append((doc_id, seconds))

    fake = FakeClock(1000.0)
    timer = ActiveTimer(idle_limit=LIMIT, grace=GRACE, clock=fake)
    timer.set_document(Sink(), 7)
    timer.set_active(True)
    timer.note_input()
    fake.advance(0.1)
    timer.note_input()
    fake.advance(5)
    timer.set_active(False)  # the reviewer's session locked long after they left
    assert timer.flush() == pytest.approx(0.1 + GRACE)
    fake.advance(5)
    timer.set_active(True)  # back: activation restarts the clock
    fake.advance(0.2)
    timer.set_document(Sink(), 8)
    assert written == [(7, pytest.approx(0.1 + GRACE)), (7, pytest.approx(0.2))]
    fake.advance(0.1)
    timer.note_input()
    assert timer.pending_seconds() == pytest.approx(0.1)


def test_filter_removed_when_window_closes(window, qtbot):
    timer = window.session.timer
    press(qtbot, window)
    window.close()
    assert not timer._watching
    seen = timer._last_input
    other = open_other_widget(qtbot)
    qtbot.keyClick(other, K.Key_A)
    assert timer._last_input == seen


def open_other_widget(qtbot):
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def test_idle_on_the_real_clock(window, news, qtbot):
    """Real time, short idle limit; bounds come from times measured here, not fixed budgets."""
    timer = window.session.timer
    d1 = news.ids[0]
    timer.idle_limit = 0.4
    timer.grace = 0.05
    t0 = time.monotonic()
    timer.flush(to_now=True)  # the stretch counted next starts here, after t0
    base = spent(news, d1)
    press(qtbot, window)
    t1 = time.monotonic()
    qtbot.wait(1500)  # idle
    assert timer.idle
    window.flush_time()
    first = spent(news, d1) - base
    assert first <= (t1 - t0) + 0.05 + 1e-6  # nothing of the idle stretch
    qtbot.wait(300)
    window.flush_time()
    assert spent(news, d1) - base == pytest.approx(first)  # stopped
    press(qtbot, window)
    t2 = time.monotonic()
    assert not timer.idle  # resumed
    timer.idle_limit = 60  # so that a slow machine cannot make the next pause count as idle
    qtbot.wait(100)
    t3 = time.monotonic()
    window.show_document(news.ids[1])
    # the new stretch ran from the key press (before t2) to the switch (after t3)
    assert spent(news, d1) - base >= first + (t3 - t2) - 1e-6
