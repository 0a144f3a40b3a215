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
    """A text progress bar on stderr, shown only for work that lasts longer than a second."""

    def __init__(self, stream=None, delay: float = 1.0):
        super().__init__()
        self.stream = stream or sys.stderr
        self.delay = delay
        self.what = ""
        self._t0 = 0.0
        self._last = 0.0
        self._shown = False

    def start(self, total: int, what: str = "") -> None:
        super().start(total, what)
        self.what = what
        self._t0 = time.monotonic()
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        t = time.monotonic()
        if t - self._t0 >= self.delay and t - self._last >= 0.2:
            self._last = t
            self._draw(t)

    def _draw(self, t: float) -> None:
        self._shown = True
        total = max(self.total, 1)
        frac = min(self.done / total, 1.0)
        width = 30
        bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
        rate = self.done / max(t - self._t0, 1e-9)
        self.stream.write(f"\r{self.what} [{bar}] {self.done}/{self.total} ({rate:.0f}/s) ")
        self.stream.flush()

    def finish(self) -> None:
        if self._shown:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
