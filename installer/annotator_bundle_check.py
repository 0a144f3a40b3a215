"""Self-check of a frozen annotator bundle: `annotator --bundle-check [--expect-resources a,b,...]`.

Run by the installer builds inside the built (and the installed) app, where the interpreter,
the modules and the data files are the bundle's own. Checks, with every network connection
refused (so it also proves nothing is fetched):

* it runs frozen, and annotator's resources are inside the bundle (and the expected subfolders);
* underthesea's word_tokenize / sent_tokenize work offline from the bundled model files, and
  annotator's own segmenter takes its fast path on them (no silent fallback);
* sqlite has FTS5 (corpus search);
* Qt loads: QtWidgets, the SVG icon engine, PNG/SVG image plugins, the app's .qm translations.

Prints one JSON object; exit status 0 when every check passed.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import traceback
from pathlib import Path

_ATTEMPTS: list[str] = []


def _refuse_network() -> None:
    def refuse(*args, **kwargs):
        _ATTEMPTS.append(repr(args[:2]))
        raise OSError("network access refused by annotator --bundle-check")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def check_frozen(expect: list[str]) -> dict:
    from annotator import APP_ID, __version__
    from annotator.paths import resources_dir

    res = Path(resources_dir()).resolve()
    base = Path(getattr(sys, "_MEIPASS", "")).resolve()
    missing = [name for name in expect if not (res / name).is_dir()]
    assert getattr(sys, "frozen", False), "not running frozen"
    # a macOS .app keeps data in Contents/Resources, linked from Contents/Frameworks (_MEIPASS)
    root = base.parent if sys.platform == "darwin" else base
    assert root in res.parents, f"resources outside the bundle: {res}"
    assert not missing, f"missing resource folders: {missing}"
    return {"version": __version__, "app_id": APP_ID, "resources": str(res),
            "resource_folders": sorted(p.name for p in res.iterdir() if p.is_dir())}


def check_underthesea() -> dict:
    from underthesea import sent_tokenize, word_tokenize

    words = word_tokenize("Bác sĩ bây giờ có thể thản nhiên báo tin bệnh nhân bị ung thư")
    assert "Bác sĩ" in words and "bệnh nhân" in words, f"word_tokenize: {words}"
    sents = sent_tokenize("Thủ tướng chủ trì phiên họp. Các bộ báo cáo tiến độ.")
    assert len(sents) == 2, f"sent_tokenize: {sents}"
    out = {"word_tokenize": words, "sent_tokenize": sents}
    try:
        from annotator.nlp import text as nlp_text
    except ImportError:  # the module is being written: nothing more to check
        return out
    segmenter = getattr(nlp_text, "_SEGMENTER", None)
    if segmenter is not None and hasattr(segmenter, "_init"):
        segmenter._init()
        assert getattr(segmenter, "_fast", True), "annotator's segmenter fell back to the slow path"
        out["segmenter_fast_path"] = True
    if hasattr(nlp_text, "segment"):
        try:
            out["segment"] = repr(nlp_text.segment("Bác sĩ bây giờ có thể báo tin"))[:200]
        except TypeError:
            pass
    return out


def check_sqlite() -> dict:
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    con.execute("INSERT INTO t VALUES ('Hà Nội sốt xuất huyết')")
    hits = con.execute("SELECT count(*) FROM t WHERE t MATCH 'huyết'").fetchone()[0]
    assert hits == 1, "fts5 search failed"
    return {"sqlite": sqlite3.sqlite_version, "fts5": True}


def check_qt() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from annotator.paths import resources_dir

    app = QApplication.instance() or QApplication(["annotator-bundle-check"])
    formats = sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats())
    assert "png" in formats and "svg" in formats, f"image formats: {formats}"
    svg = Path(resources_dir()) / "icons" / "annotator.svg"
    if svg.is_file():
        icon = QIcon(str(svg))
        assert not icon.isNull() and not icon.pixmap(64, 64).isNull(), "SVG icon does not render"
    # the app's own translations (Qt ships no Vietnamese qtbase catalogue)
    loaded = []
    for qm in sorted((Path(resources_dir()) / "i18n").glob("*.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), f"cannot load {qm.name}"
        loaded.append(qm.name)
    del app
    return {"pyside6": pyside_version, "platform": os.environ["QT_QPA_PLATFORM"],
            "image_formats": formats, "app_translations": loaded,
            "qt_translations": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)}


def main(argv: list[str]) -> int:
    expect: list[str] = []
    if argv[:1] == ["--expect-resources"] and len(argv) > 1:
        expect = [x for x in argv[1].split(",") if x]
    _refuse_network()
    report: dict = {"ok": True}
    for name, fn in (("bundle", lambda: check_frozen(expect)), ("underthesea", check_underthesea),
                     ("sqlite", check_sqlite), ("qt", check_qt)):
        try:
            report[name] = fn()
        except Exception as exc:  # report every failure, not only the first
            report["ok"] = False
            report[name] = {"error": f"{type(exc).__name__}: {exc}",
                            "traceback": traceback.format_exc().splitlines()[-6:]}
    report["network_attempts"] = _ATTEMPTS
    if _ATTEMPTS:
        report["ok"] = False
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["ok"] else 1
