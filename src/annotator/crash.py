"""Crash reports: what the user sees is one line or a dialog; the traceback goes to a file.

The report is written to the user's log folder (platformdirs ``user_log_dir``, or
``ANNOTATOR_LOG_DIR``) so that a reviewer can send it to whoever maintains the app.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

from annotator import APP_NAME, __version__


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def write_crash_report(exc: BaseException, context: str = "") -> Path | None:
    """Write the traceback of ``exc`` with versions and the command; returns the file (None if unwritable)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    lines = [
        f"annotator {__version__} crash report, {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        f"python {sys.version.split()[0]} on {platform.platform()}",
        f"command: {context or ' '.join(sys.argv)}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        path.write_text("\n".join(line.rstrip("\n") for line in lines) + "\n", encoding="utf-8")
        return path
    except OSError:
        return None


def one_line(exc: BaseException, report: Path | None) -> str:
    """The line a user sees for an unexpected error."""
    where = f"; a crash report was written to {report}" if report else "; the crash report could not be written"
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return f"unexpected error ({type(exc).__name__}{': ' + detail[:200] if detail else ''}){where}"
