"""Start-up time: the review window up (first paint), median of 5, against a bare PySide6 window.

Each run is a fresh Python process, timed from launch until the window has painted once, so
the figure includes the interpreter, every import, opening the corpus and building the window
(what a reviewer waits for). The bare window is measured in the same run, so the ratio holds
on any machine. Usage: .venv/bin/python bench/startup.py [--runs 5] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("up", flush=True); os._exit(0)
        return False
w = QMainWindow(); w.setCentralWidget(QPlainTextEdit("bare")); w.resize(1400, 900)
probe = Painted(); w.centralWidget().viewport().installEventFilter(probe)
w.show(); app.exec()
"""

ANNOTATOR = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from annotator.gui.app import _application, _install_language, open_start_corpus, resolve_reviewer
app = _application()
_install_language(app, "vi")
from annotator.gui.main_window import MainWindow
window = MainWindow(open_start_corpus(sys.argv[1]), resolve_reviewer(None, ask=False))
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("up", "pandas" in sys.modules, flush=True); os._exit(0)
        return False
probe = Painted(); window.view.viewport().installEventFilter(probe)
window.show(); app.exec()
"""


def time_once(code: str, *args: str) -> tuple[float, str]:
    env = dict(os.environ, ANNOTATOR_REVIEWER="bench", PYTHONPATH=str(ROOT / "src"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("up"):
        raise SystemExit(f"bench/startup.py: the window did not come up ({proc.returncode})")
    return elapsed, line.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", help="corpus file to open (default: a fresh one holding the samples)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = str(Path(tmp) / "sample.db")
            subprocess.run([sys.executable, "-m", "annotator", "import", "--corpus", corpus,
                            str(ROOT / "resources" / "sample")], check=True, capture_output=True,
                           env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        bare, ours, pandas = [], [], []
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            bare.append(time_once(BARE)[0])
            seconds, line = time_once(ANNOTATOR, corpus, tmp)
            ours.append(seconds)
            pandas.append(line.endswith("True"))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window up:  median {b * 1000:7.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in bare)})")
    print(f"annotator window up:     median {o * 1000:7.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in ours)})")
    print(f"ratio: {o / b:.2f}x the bare window (target <= 3x); pandas imported: {any(pandas)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
