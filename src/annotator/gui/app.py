"""Starting the review window: `annotator` and `annotator --smoke-test`.

``run()`` returns the process exit code. Startup failures (no display, a corpus that cannot
be opened) end with a one-line reason on stderr and a non-zero code; in a normal start the
reason is also shown in a message box.
"""

from __future__ import annotations

import getpass
import os
import shutil
import sys
import tempfile
from pathlib import Path

from annotator import APP_ID, APP_NAME, __version__

SMOKE_SIZE = (1400, 900)


def _fail(message: str, code: int = 1) -> int:
    print(f"annotator: error: {message}", file=sys.stderr)
    return code


def _application():
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("annotator")
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
        app.setDesktopFileName(APP_ID)
        from PySide6.QtGui import QIcon

        from annotator.paths import resources_dir

        icon = resources_dir() / "icons" / "annotator.svg"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def _install_language(app, lang: str | None) -> None:
    try:
        from annotator.gui import i18n
    except ImportError:
        return
    try:
        i18n.install(app, lang)  # lang, else the saved choice, else the system language
    except Exception as exc:  # noqa: BLE001 - the English source strings still work
        print(f"annotator: warning: translations not loaded: {exc}", file=sys.stderr)


def resolve_reviewer(explicit: str | None, *, ask: bool, parent=None) -> str:
    """Reviewer name: argument > ANNOTATOR_REVIEWER > saved setting > asked once (then saved)."""
    from annotator.gui.session import app_settings

    settings = app_settings()
    name = explicit or os.environ.get("ANNOTATOR_REVIEWER") or settings.value("reviewer") or ""
    name = str(name).strip()
    if not name and ask:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("App", "Welcome to annotator"),
            QCoreApplication.translate("App", "Your name (it is recorded with your edits):"))
        name = text.strip() if ok else ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001
            name = "reviewer"
    if explicit is None and not os.environ.get("ANNOTATOR_REVIEWER"):
        settings.setValue("reviewer", name)
    return name


def open_start_corpus(corpus_path: str | None, *, who: str | None = None):
    """Open the given corpus, or the default one (importing the sample when it is empty and new)."""
    from annotator.gui.corpus_guard import open_for_window
    from annotator.gui.session import app_settings
    from annotator.paths import default_corpus_path

    if corpus_path is not None:
        return open_for_window(corpus_path, create=True)
    path = default_corpus_path()
    corpus = open_for_window(path, create=True)
    settings = app_settings()
    if not corpus.read_only and corpus.count_documents() == 0 and not settings.value("sampleImported", False, type=bool):
        from annotator.gui.sample import import_sample

        import_sample(corpus, who=who)
        settings.setValue("sampleImported", True)
    return corpus


def run(corpus_path: str | None = None, smoke_test: bool = False, lang: str | None = None,
        reviewer: str | None = None) -> int:
    """Open the review window; returns the exit code."""
    if smoke_test:
        return smoke(corpus_path, lang=lang)
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        # Qt would abort the process with a fatal message; say it in one line instead
        return _fail("no display to open the window on (DISPLAY is not set); run it in a desktop session, "
                     "or use the subcommands (annotator --help)")
    try:
        app = _application()
    except Exception as exc:  # noqa: BLE001
        return _fail(f"cannot start the user interface: {exc}")
    _install_language(app, lang)
    from annotator.core.store import CorpusError
    from annotator.gui import crash_dialog

    crash_dialog.install()
    name = resolve_reviewer(reviewer, ask=True)
    try:
        corpus = open_start_corpus(corpus_path, who=None)
    except CorpusError as exc:
        from PySide6.QtWidgets import QMessageBox

        from annotator.gui.errors import describe_corpus_error

        QMessageBox.critical(None, "annotator", describe_corpus_error(exc))
        return _fail(str(exc))
    from annotator.gui.main_window import MainWindow

    window = MainWindow(corpus, name)
    window.show()
    return app.exec()


def smoke(corpus_path: str | None = None, *, lang: str | None = None) -> int:
    """Open the window, render it, check the article is on screen; print one line."""
    tmp = None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QSettings

        tmp = tempfile.mkdtemp(prefix="annotator-smoke-")
        # the smoke test never reads or writes the user's settings
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = _application()
        _install_language(app, lang)
        from annotator.core.store import Corpus, CorpusError
        from annotator.gui.main_window import MainWindow
        from annotator.gui.sample import import_sample

        try:
            if corpus_path is None:
                corpus = Corpus(Path(tmp) / "smoke.db")
                import_sample(corpus, who="smoke-test")
            else:
                corpus = Corpus(corpus_path, create=False)
        except CorpusError as exc:
            return _fail(f"smoke test failed: {exc}")
        count = corpus.count_documents()
        window = MainWindow(corpus, "smoke-test", restore_state=False)
        window.resize(*SMOKE_SIZE)
        window.show()
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        shown = window.view.toPlainText()
        doc = window.session.document
        size = f"{image.width()}x{image.height()}"
        window._save_state = False
        window.close()
        app.processEvents()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            return _fail("smoke test failed: the window rendered an empty image")
        if _blank(image):
            return _fail("smoke test failed: the window rendered a blank image")
        if count and (doc is None or not shown or shown != doc.text):
            return _fail("smoke test failed: the article text is not in the view")
        print(f"smoke test ok: {size}, {count} documents")
        return 0
    except Exception as exc:  # noqa: BLE001 - any startup failure is one line and non-zero
        return _fail(f"smoke test failed: {type(exc).__name__}: {exc}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _blank(image) -> bool:
    """True when every sampled pixel has the same colour."""
    first = image.pixel(0, 0)
    step_x = max(image.width() // 40, 1)
    step_y = max(image.height() // 40, 1)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            if image.pixel(x, y) != first:
                return False
    return True
