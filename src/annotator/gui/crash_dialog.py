"""The window's last line of defence: an unexpected error becomes a dialog and a crash report.

Qt calls Python slots from its event loop; an exception escaping one would otherwise print a
traceback to the terminal (or nowhere). :func:`install` routes it to :mod:`annotator.crash`,
which writes the traceback to the user's log folder, and shows one sentence with the file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.crash import one_line, write_crash_report

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate

_showing = False


def handle(exc_type, exc, tb) -> None:
    """sys.excepthook: report, tell the user, keep the window running."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report = write_crash_report(exc, "annotator window")
    print(f"annotator: error: {one_line(exc, report)}", file=sys.stderr)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        message = translate("CrashDialog", "Something went wrong: {error}. Your saved work is safe.").format(
            error=f"{exc_type.__name__}: {exc}"[:300])
        if report is not None:
            message += "\n\n" + translate("CrashDialog", "A crash report was written to {path}.").format(path=report)
        QMessageBox.critical(QApplication.activeWindow(), translate("CrashDialog", "Unexpected error"), message)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle
