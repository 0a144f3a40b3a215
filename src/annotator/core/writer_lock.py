"""One writer per corpus: a lock file beside it saying who writes (host, process, since when).

The lock is ``CORPUS.lock``. The holder keeps an OS lock on it while it writes (``flock``;
on Windows a byte-range lock far past the text, so the text stays readable); the OS drops
it when the process ends however it ends, so a holder that was killed (kill -9, power cut)
leaves a *stale* lock file that the next writer detects and takes over. A lock written on another host counts as
held while its holder refreshes it (its time is touched at least every few minutes) and
stale after :data:`STALE_AFTER` seconds without refresh.

Connections of one process share the lock (counted), so worker threads that open their
own connection to the corpus of the window do not lock themselves out.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

_WINDOWS_LOCK_AT = 1 << 20  # the byte Windows locks: past the holder's text, which others must read


def _os_lock(fd: int) -> bool:
    """Take the OS lock on an open lock file without waiting; False when another process has it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:  # BlockingIOError (flock) or PermissionError (msvcrt)
        return False
    return True


def _read(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096)


def _write(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
    os.fsync(fd)

STALE_AFTER = 15 * 60.0  # seconds without refresh after which another host's lock is stale
REFRESH_EVERY = 60.0

_guard = threading.Lock()
_held: dict[str, list] = {}  # resolved lock path -> [fd, count, last refresh, owner pid]


@dataclass
class LockHolder:
    host: str
    pid: int
    since: str
    program: str = "annotator"

    def describe(self) -> str:
        return f"{self.program} on {self.host} (process {self.pid}, since {self.since})"


class LockBusy(Exception):
    """Another process writes to the corpus."""

    def __init__(self, holder: LockHolder):
        super().__init__(holder.describe())
        self.holder = holder


def lock_path(corpus_path: str | os.PathLike) -> Path:
    path = Path(corpus_path)
    return path.with_name(path.name + ".lock")


def _parse(data: bytes) -> LockHolder | None:
    try:
        obj = json.loads(data.decode("utf-8"))
        return LockHolder(str(obj["host"]), int(obj["pid"]), str(obj["since"]), str(obj.get("program", "annotator")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def read_holder(corpus_path: str | os.PathLike) -> LockHolder | None:
    """Who holds the lock of a corpus now (None when free or stale)."""
    path = lock_path(corpus_path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    holder = _parse(data)
    if holder is None or _stale(path, holder):
        return None
    return holder


def _stale(path: Path, holder: LockHolder) -> bool:
    if holder.host != socket.gethostname():
        try:
            return time.time() - path.stat().st_mtime > STALE_AFTER
        except OSError:
            return True
    if holder.pid == os.getpid():
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return True
    try:
        return _os_lock(fd)  # nobody holds it: its writer is gone (closing the file drops this probe's lock)
    finally:
        os.close(fd)


@atexit.register
def _release_all() -> None:
    """A process that ends without closing its corpus leaves no lock file behind."""
    with _guard:
        entries = list(_held.items())
        _held.clear()
    for key, (fd, _count, _refreshed, pid) in entries:
        if pid != os.getpid():  # a forked worker never removes its parent's lock
            continue
        try:
            os.unlink(key)
        except OSError:
            pass
        try:
            os.close(fd)
        except OSError:
            pass


class WriterLock:
    """The writer lock of one corpus file, for one connection."""

    def __init__(self, corpus_path: str | os.PathLike):
        self.path = lock_path(corpus_path)
        self.key = str(self.path.resolve())
        self.held = False

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds; raises :class:`LockBusy` or OSError."""
        with _guard:
            entry = _held.get(self.key)
            if entry is not None:
                entry[1] += 1
                self.held = True
                return
        deadline = time.monotonic() + wait
        while True:
            holder = self._try()
            if holder is None:
                self.held = True
                return
            if time.monotonic() >= deadline:
                raise LockBusy(holder)
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))

    def _try(self) -> LockHolder | None:
        """None when taken; else who holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _os_lock(fd):
                holder = _parse(_read(fd))
                os.close(fd)
                return holder or LockHolder("?", 0, "?", "another program")
            if fcntl is not None:
                try:
                    if os.fstat(fd).st_ino != os.stat(self.path).st_ino:  # released and removed meanwhile
                        os.close(fd)
                        return self._try()
                except FileNotFoundError:
                    os.close(fd)
                    return self._try()
            old = _parse(_read(fd))
            if old is not None and old.host != socket.gethostname() and not _stale(self.path, old):
                os.close(fd)
                return old  # another machine's writer, still refreshing its lock
            me = {"host": socket.gethostname(), "pid": os.getpid(),
                  "since": datetime.now(timezone.utc).isoformat(timespec="seconds"), "program": "annotator"}
            _write(fd, json.dumps(me).encode("utf-8"))
        except BaseException:
            try:
                os.close(fd)
            except OSError:
                pass
            raise
        with _guard:
            _held[self.key] = [fd, 1, time.monotonic(), os.getpid()]
        return None

    def refresh(self) -> None:
        """Touch the lock so other hosts see its holder is alive (at most once a minute)."""
        with _guard:
            entry = _held.get(self.key)
            if entry is None or time.monotonic() - entry[2] < REFRESH_EVERY:
                return
            entry[2] = time.monotonic()
        try:
            os.utime(self.path)
        except OSError:
            pass

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        with _guard:
            entry = _held.get(self.key)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[self.key]
        try:
            os.unlink(self.path)  # before closing: nobody takes a lock on a file about to vanish
        except OSError:
            pass
        os.close(entry[0])
