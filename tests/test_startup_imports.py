"""Start-up stays light (issue 12.10): opening a corpus and building the window imports neither
sqlite_utils (which pulls in pandas) nor the NLP engine; the engine loads after the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

PROBE = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from annotator.gui.app import _application
app = _application()
from annotator.core.model import Document
from annotator.core.store import Corpus
from annotator.gui.main_window import MainWindow
corpus = Corpus(sys.argv[1])
window = MainWindow(corpus, "probe", restore_state=False)
heavy = sorted(m for m in ("pandas", "sqlite_utils", "underthesea", "annotator.nlp.pipeline") if m in sys.modules)
print("heavy:" + ",".join(heavy))
# after the first paint the engine loads on the thread pool and the status bar names the model
window.show()
from PySide6.QtTest import QTest
for _ in range(600):
    QTest.qWait(50)
    if window.learning.label.text().strip():
        break
print("model:" + window.learning.label.text())
"""


def test_window_comes_up_without_heavy_imports(tmp_path):
    from annotator.core.model import Document
    from annotator.core.store import Corpus

    path = tmp_path / "c.db"
    with Corpus(path) as corpus:  # created here: creating a corpus may use sqlite-utils (FTS setup)
        corpus.add_document(Document(text="Bộ Y tế họp tại Huế.", title="Tin"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, env=env,
                         timeout=120)
    lines = out.stdout.splitlines()
    assert [x for x in lines if x.startswith("heavy:")] == ["heavy:"], (out.stdout, out.stderr[-2000:])
    model = [x for x in lines if x.startswith("model:")]
    assert model and model[0] != "model:", (out.stdout, out.stderr[-2000:])
