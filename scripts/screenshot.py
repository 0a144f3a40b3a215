"""Render the main window on the bundled sample to PNG, as a reviewer would see it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [OUT_DIR]

Writes main-{vi,en}-{1600x1000,1024x700}.png: the first sample article, pre-highlighted, a
directive with an issuer and a phrase addressee, one suggestion selected; plus
main-live-vi-1024x700.png, switched from English to Vietnamese while the window is open (where
clipping shows first). For looking at the UI after a change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1600, 1000), (1024, 700))


def settle(app, rounds: int = 8) -> None:
    """Let deferred work run (directive cards, panel refreshes run on short timers)."""
    from PySide6.QtTest import QTest

    for _ in range(rounds):
        QTest.qWait(25)


def dress(window) -> None:
    """An issuer and a phrase addressee on the first directive; a suggestion selected."""
    session = window.session
    directive = next((d for d in session.spans.directives()), None)
    if directive is not None:
        text = session.spans.text
        people = [s for s in session.spans.entities() if s.label == "PER" and s.end <= directive.end]
        if people:
            session.set_relation(directive.id, "issuer", people[-1].id)
        phrase = "các sở, ngành"
        at = text.find(phrase, directive.start, directive.end)
        if at >= 0:
            session.set_phrase_relation(directive.id, "addressee", at, at + len(phrase))
    session.select(next(s.id for s in session.spans.spans() if s.label == "ORG"))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    tmp = tempfile.mkdtemp(prefix="annotator-shot-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    from annotator.core.store import Corpus
    from annotator.gui import i18n
    from annotator.gui.app import _application
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sample import import_sample

    app = _application()
    corpus = Corpus(Path(tmp) / "shot.db")
    import_sample(corpus, who="screenshot")
    dressed = False
    shots = [(lang, size, False) for lang in ("vi", "en") for size in SIZES] + [("vi", (1024, 700), True)]
    for lang, (width, height), live in shots:
        i18n.install(app, "en" if live else lang)
        window = MainWindow(Corpus(corpus.path), "Lan", restore_state=False)
        window.resize(width, height)
        window.show()
        settle(app)
        if not dressed:
            dress(window)
            dressed = True
        else:
            window.session.select(next(s.id for s in window.session.spans.spans() if s.label == "ORG"))
        if live:
            i18n.switch(lang, save=False)
        settle(app, 20)
        path = out / f"main-{'live-' if live else ''}{lang}-{width}x{height}.png"
        window.grab().save(str(path))
        print(path)
        window._save_state = False
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
