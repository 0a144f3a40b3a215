"""The active-time clock: seconds a reviewer really spends on each document.

Counted only while a document is on screen, the window is active and keys or the mouse are
used; an idle stretch is left out (see :class:`ActiveTimer`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QInputEvent, QInputMethodEvent

from annotator.core.store import Corpus, CorpusError

# What counts as the reviewer being at the keyboard. The filter sees every event in the app
# (about a thousand when a long article opens), so it first asks the wrapper's class, a C-level
# isinstance; only input events pay for ``event.type()``, which builds a Python enum each call.
INPUT_CLASSES = (QInputEvent, QInputMethodEvent)
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.InputMethod,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
})


class ActiveTimer(QObject):
    """Active time on the document on screen.

    The clock runs while a document is shown and the window is active (:meth:`set_active`), and
    stops when the reviewer is idle: no key press, mouse press/move/wheel anywhere in the app
    for ``idle_limit`` seconds. An idle stretch is not counted: the time counted ends at the
    last input plus ``grace`` seconds; the next input starts the clock again.

    Input is noticed by an application-wide event filter (:meth:`watch_input`, removed by
    :meth:`stop_watching`) that only notes the time of each input event. Time after the last
    input is provisional until further input within the idle limit confirms it (or the stretch
    ends by a document switch, deactivation or close), so a periodic :meth:`flush` never writes
    time that may still turn out to be idle.

    ``clock`` (monotonic seconds) can be replaced, e.g. by a fake clock in tests; the timer
    carries its running stretch over to the new clock.
    """

    IDLE_LIMIT = 120.0   # seconds without input after which the reviewer counts as away
    IDLE_GRACE = 5.0     # seconds after the last input still counted when the reviewer went away

    def __init__(self, parent: QObject | None = None, *, idle_limit: float | None = None,
                 grace: float | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self._clock: Callable[[], float] = clock or time.monotonic
        self.idle_limit = float(self.IDLE_LIMIT if idle_limit is None else idle_limit)
        self.grace = float(self.IDLE_GRACE if grace is None else grace)
        self._accumulated = 0.0           # seconds counted, not yet written
        self._start: float | None = None  # start of the stretch being counted (None: stopped or idle)
        self._last_input = -math.inf      # clock time of the last key/mouse input in the app
        self._watching = False
        self.doc_id: int | None = None
        self.corpus: Corpus | None = None
        self._active = False

    # ------------------------------------------------------------------ clock
    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        shift = clock() - self._clock()
        if self._start is not None:
            self._start += shift
        self._last_input += shift
        self._clock = clock

    # ------------------------------------------------------------------ input watching
    def watch_input(self) -> None:
        """Notice key and mouse input anywhere in the application (an app-wide event filter)."""
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def stop_watching(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # runs for every event in the app: an isinstance, and for input a set lookup and a clock read
        if isinstance(event, INPUT_CLASSES) and event.type() in INPUT_EVENTS:
            now = self._clock()
            if now - self._last_input > self.idle_limit:
                self._wake(now)
            self._last_input = now
        return False

    def note_input(self) -> None:
        """The reviewer touched the keyboard or mouse now (what the event filter does)."""
        now = self._clock()
        if now - self._last_input > self.idle_limit:
            self._wake(now)
        self._last_input = now

    def _wake(self, now: float) -> None:
        """First input after a pause longer than the idle limit: close the stretch before it
        (counting it only up to the last input + grace if it was idle) and count from now on."""
        self._settle(now, to_now=True)
        if self._start is None and self._running:
            self._start = now

    # ------------------------------------------------------------------ document and activation
    @property
    def _running(self) -> bool:
        return self._active and self.doc_id is not None

    @property
    def idle(self) -> bool:
        """True while the clock would run but stands still for want of input."""
        if not self._running:
            return False
        if self._start is None:
            return True
        return self._clock() - max(self._last_input, self._start) > self.idle_limit

    def set_document(self, corpus: Corpus | None, doc_id: int | None) -> None:
        self.flush(to_now=True)
        self.corpus, self.doc_id = corpus, doc_id
        self._start = self._clock() if self._running else None

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        now = self._clock()
        if not active:
            self._settle(now, to_now=True)
        self._active = active
        self._start = now if self._running else None

    def _stretch_end(self, now: float, to_now: bool) -> tuple[float, bool]:
        """Where the stretch being counted ends, and whether the reviewer has gone idle.

        Idle: the stretch ends at the last input (or its start) + grace. Otherwise it ends now
        (``to_now``: the stretch is over) or at the last input (a periodic flush: what follows
        is provisional until more input arrives).
        """
        last = max(self._last_input, self._start)
        if now - last > self.idle_limit:
            return min(last + min(self.grace, self.idle_limit), now), True
        return (now if to_now else last), False

    def _settle(self, now: float, *, to_now: bool) -> None:
        """Move the stretch being counted into the accumulated time."""
        start = self._start
        if start is None:
            return
        end, idle = self._stretch_end(now, to_now)
        self._start = None if idle else end
        if end > start:
            self._accumulated += end - start

    def pending_seconds(self) -> float:
        """Seconds counted and not yet written, including the stretch running now."""
        if self._start is None:
            return self._accumulated
        end, _idle = self._stretch_end(self._clock(), True)
        return self._accumulated + max(0.0, end - self._start)

    def flush(self, *, to_now: bool = False) -> float:
        """Write the time gathered so far to the corpus; returns the seconds written.

        A periodic flush writes the time up to the last input (the rest is written once more
        input shows the reviewer was there); ``to_now`` ends the stretch now, for a document
        switch or close.
        """
        self._settle(self._clock(), to_now=to_now)
        seconds = self._accumulated
        self._accumulated = 0.0
        if seconds > 0 and self.corpus is not None and self.doc_id is not None:
            try:
                self.corpus.add_time(self.doc_id, seconds)
            except (CorpusError, KeyError):
                return 0.0
        return seconds


