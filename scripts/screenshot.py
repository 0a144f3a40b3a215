"""Render the main window on the bundled sample to PNG, as a reviewer would see it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [OUT_DIR]

Writes main-vi.png and main-en.png (1400x900): the first sample article, pre-highlighted,
with one suggestion selected. For looking at the UI after a change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    for lang in ("vi", "en"):
        i18n.install(app, lang)
        window = MainWindow(Corpus(corpus.path), "Lan", restore_state=False)
        window.resize(1400, 900)
        window.show()
        for _ in range(5):
            app.processEvents()
        window.session.select(next(s.id for s in window.session.spans.spans() if s.label == "ORG"))
        for _ in range(5):
            app.processEvents()
        path = out / f"main-{lang}.png"
        window.grab().save(str(path))
        print(path)
        window._save_state = False
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
