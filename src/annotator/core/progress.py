"""Progress and cancellation shared by the CLI (stderr bar) and the GUI (worker signals)."""

from __future__ import annotations

import sys
import threading
import time
from typing import Protocol


class Cancelled(Exception):
    """Raised inside long work when the user asked to stop; finished parts are kept."""


class Progress(Protocol):
    def start(self, total: int, what: str = "") -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def check(self) -> None: ...
    def finish(self) -> None: ...


class NullProgress:
    """Progress that reports nothing but still honours a cancel request."""

    def __init__(self, cancel: threading.Event | None = None):
        self.cancel_event = cancel or threading.Event()
        self.total = 0
        self.done = 0

    def start(self, total: int, what: str = "") -> None:
        self.total, self.done = total, 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        self.check()

    def check(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self.cancel_event.set()

    def finish(self) -> None:
        pass


class StderrProgress(NullProgress):
    """A text progress bar on stderr, shown only for work that lasts longer than a second.

    A heartbeat thread redraws it (with the elapsed time) while one step takes long, such
    as training a model, so the bar never looks frozen.
    """

    def __init__(self, stream=None, delay: float = 1.0, heartbeat: float = 0.5):
        super().__init__()
        self.stream = stream or sys.stderr
        self.delay = delay
        self.heartbeat = heartbeat
        self.what = ""
        self._t0 = 0.0
        self._last = 0.0
        self._shown = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, total: int, what: str = "") -> None:
        super().start(total, what)
        self.what = what
        self._t0 = time.monotonic()
        self._last = 0.0
        if self.heartbeat and self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._beat, name="progress-heartbeat", daemon=True)
            self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            if self.cancel_event.is_set():
                return
            t = time.monotonic()
            if t - self._t0 >= self.delay and t - self._last >= self.heartbeat:
                self._draw(t)

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        t = time.monotonic()
        if t - self._t0 >= self.delay and t - self._last >= 0.2:
            self._draw(t)

    def _draw(self, t: float) -> None:
        with self._lock:
            self._last = t
            self._shown = True
            total = max(self.total, 1)
            frac = min(self.done / total, 1.0)
            width = 30
            bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
            elapsed = t - self._t0
            rate = self.done / max(elapsed, 1e-9)
            self.stream.write(f"\r{self.what} [{bar}] {self.done}/{self.total} ({rate:.0f}/s, {elapsed:.0f} s) ")
            self.stream.flush()

    def finish(self) -> None:
        """Stop the heartbeat and end the bar's line; safe to call more than once."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._shown:
            self._draw(time.monotonic())
            with self._lock:
                self.stream.write("\n")
                self.stream.flush()
                self._shown = False
