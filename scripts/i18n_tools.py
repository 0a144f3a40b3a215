"""Translation build and check tools for annotator (build time only, never shipped).

    scripts/build-translations           update resources/i18n/*.ts and compile the .qm
    scripts/build-translations --check   change nothing; exit 1 if a string is untranslated or a .qm stale

lupdate over ``src/annotator/gui/*.py`` updates ``annotator_vi.ts`` and ``annotator_en.ts``
(existing translations are kept, vanished strings dropped, no line numbers so that edits
elsewhere in a file do not churn the .ts), fills the English catalogue with the source text,
writes ``qt_vi.ts`` from :mod:`annotator.gui.qt_texts` and compiles every .ts into its .qm with
lrelease. The scanner (:func:`extract_messages`) also reports strings lupdate cannot see.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.gui.i18n import APP_CATALOG, LANGUAGES, QT_CATALOG  # noqa: E402


# ---------------------------------------------------------------------------------- .ts and .qm files
@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    translations: list[str] = field(default_factory=lambda: [""])
    finished: bool = False
    numerus: bool = False
    kind: str = ""  # '', 'vanished' or 'obsolete'
    extra: list[tuple[str, str]] = field(default_factory=list)  # other child elements, in order

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def translation(self) -> str:
        return self.translations[0] if self.translations else ""


@dataclass
class Catalogue:
    language: str
    source_language: str
    messages: list[Message]

    def by_key(self) -> dict[tuple[str, str, str], Message]:
        return {m.key: m for m in self.messages if not m.kind}


def read_ts(path: str | os.PathLike) -> Catalogue:
    root = ET.parse(path).getroot()
    messages = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = (tr.get("type") if tr is not None else "") or ""
            numerus = msg.get("numerus") == "yes"
            if numerus and tr is not None:
                texts = [f.text or "" for f in tr.findall("numerusform")] or [""]
            else:
                texts = [(tr.text or "") if tr is not None else ""]
            extra = [(child.tag, child.text or "") for child in msg
                     if child.tag not in ("source", "comment", "translation", "location")]
            messages.append(Message(
                context=name, source=msg.findtext("source") or "", comment=msg.findtext("comment") or "",
                translations=texts, finished=kind == "", numerus=numerus,
                kind=kind if kind in ("vanished", "obsolete") else "", extra=extra))
    return Catalogue(root.get("language") or "", root.get("sourcelanguage") or "", messages)


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&apos;").replace('"', "&quot;"))


_CHILD_ORDER = ("oldsource", "oldcomment", "extracomment", "translatorcomment")


def format_ts(catalogue: Catalogue) -> str:
    """The catalogue as lupdate writes it (contexts sorted, messages in their order, no locations)."""
    attrs = ' version="2.1"'
    if catalogue.language:
        attrs += f' language="{_esc(catalogue.language)}"'
    if catalogue.source_language:
        attrs += f' sourcelanguage="{_esc(catalogue.source_language)}"'
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attrs}>"]
    contexts: dict[str, list[Message]] = {}
    for msg in catalogue.messages:
        contexts.setdefault(msg.context, []).append(msg)
    for name in sorted(contexts):
        out += ["<context>", f"    <name>{_esc(name)}</name>"]
        for msg in contexts[name]:
            out.append('    <message numerus="yes">' if msg.numerus else "    <message>")
            extra = dict(msg.extra)
            out.append(f"        <source>{_esc(msg.source)}</source>")
            if "oldsource" in extra:
                out.append(f"        <oldsource>{_esc(extra['oldsource'])}</oldsource>")
            if msg.comment:
                out.append(f"        <comment>{_esc(msg.comment)}</comment>")
            for tag in _CHILD_ORDER[1:]:
                if tag in extra:
                    out.append(f"        <{tag}>{_esc(extra[tag])}</{tag}>")
            kind = msg.kind or ("" if msg.finished else "unfinished")
            type_attr = f' type="{kind}"' if kind else ""
            if msg.numerus:
                out.append(f"        <translation{type_attr}>")
                for form in msg.translations or [""]:
                    out.append(f"            <numerusform>{_esc(form)}</numerusform>")
                out.append("        </translation>")
            else:
                out.append(f"        <translation{type_attr}>{_esc(msg.translation)}</translation>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


def write_ts(path: str | os.PathLike, catalogue: Catalogue) -> bool:
    """Write a .ts file; returns whether its content changed."""
    text = format_ts(catalogue)
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


_QM_MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])


def read_qm(path: str | os.PathLike) -> dict[tuple[str, str, str], list[str]]:
    """The messages of a compiled .qm file: (context, source, comment) -> translations."""
    data = Path(path).read_bytes()
    if data[:16] != _QM_MAGIC:
        raise ValueError(f"{path} is not a Qt .qm file")
    out: dict[tuple[str, str, str], list[str]] = {}
    i = 16
    while i + 5 <= len(data):
        tag, size = data[i], struct.unpack(">I", data[i + 1:i + 5])[0]
        block = data[i + 5:i + 5 + size]
        i += 5 + size
        if tag != 0x69:  # the messages block
            continue
        j, cur, texts = 0, {}, []
        while j < len(block):
            t = block[j]
            j += 1
            if t == 1:  # end of message
                out[(cur.get(7, ""), cur.get(6, ""), cur.get(8, ""))] = texts
                cur, texts = {}, []
            elif t == 3:  # translation, UTF-16
                n = struct.unpack(">I", block[j:j + 4])[0]
                j += 4
                if n != 0xFFFFFFFF:
                    texts.append(block[j:j + n].decode("utf-16-be"))
                    j += n
            elif t in (6, 7, 8):  # source text, context, comment, UTF-8
                n = struct.unpack(">I", block[j:j + 4])[0]
                j += 4
                cur[t] = block[j:j + n].decode("utf-8")
                j += n
            elif t in (2, 4, 5, 9):  # obsolete tags without payload
                continue
            else:
                raise ValueError(f"{path}: unknown .qm message tag {t}")
    return out


# ---------------------------------------------------------------------------------- tools
def find_tool(name: str) -> str | None:
    """lupdate / lrelease: the binary inside the PySide6 wheel, else one on PATH."""
    exe = ".exe" if sys.platform == "win32" else ""
    try:
        import PySide6

        base = Path(PySide6.__file__).resolve().parent
        for candidate in (base / f"{name}{exe}", base / "Qt" / "bin" / f"{name}{exe}",
                          base / "Qt" / "libexec" / f"{name}{exe}"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    except ImportError:
        pass
    for candidate in (f"pyside6-{name}", name, f"{name}6", f"{name}-qt6"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def repo_root() -> Path:
    return ROOT


def gui_sources(root: Path | None = None) -> list[Path]:
    root = root or repo_root()
    return sorted((root / "src" / "annotator" / "gui").glob("*.py"))


def run_lupdate(sources: Sequence[Path], ts: Path, language: str, *, tool: str | None = None) -> None:
    tool = tool or find_tool("lupdate")
    if tool is None:
        raise RuntimeError("lupdate not found (it ships in the PySide6 wheel as PySide6/lupdate)")
    cmd = [tool, "-silent", "-locations", "none", "-no-obsolete", "-source-language", "en",
           "-target-language", language, *[str(s) for s in sources], "-ts", str(ts)]
    subprocess.run(cmd, check=True, capture_output=True)


def run_lrelease(ts: Path, qm: Path, *, tool: str | None = None) -> None:
    tool = tool or find_tool("lrelease")
    if tool is None:
        raise RuntimeError("lrelease not found (it ships in the PySide6 wheel as PySide6/lrelease)")
    subprocess.run([tool, "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True, capture_output=True)


# ---------------------------------------------------------------------------------- source scan
_TR_NAMES = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


@dataclass
class Scan:
    """Translatable strings found in Python sources by ``ast``.

    ``found``: what lupdate finds too (tr(), translate() with a literal context, the NOOP macros).
    ``hidden``: strings passed to a helper such as ``def _t(text): return
    QCoreApplication.translate("Ctx", text)``, which lupdate cannot see, and strings of bare
    ``tr("x")`` calls (after ``tr = self.tr``), which it files under no context; the build adds them.
    Both map (context, source, comment) -> numerus.
    """

    found: dict[tuple[str, str, str], bool] = field(default_factory=dict)
    hidden: dict[tuple[str, str, str], bool] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: What lupdate files wrongly: ``tr = self.tr; tr("x")`` lands in an empty context, while
    #: PySide looks "x" up under the class name at runtime (that key goes to ``hidden``).
    misfiled: set[tuple[str, str, str]] = field(default_factory=set)

    @property
    def all(self) -> dict[tuple[str, str, str], bool]:
        return {**self.hidden, **self.found}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _helper_context(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The context of a one-argument translation helper (``translate("Ctx", text)``), else None."""
    params = [a.arg for a in fn.args.args]
    if params and params[0] in ("self", "cls"):
        params = params[1:]
    if not params:
        return None
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and _call_name(node) == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), node.args[1]
            if context is not None and isinstance(text, ast.Name) and text.id == params[0]:
                return context
    return None


def extract_messages(paths: Iterable[Path]) -> Scan:
    """What lupdate finds in Python sources, found with ``ast`` (plus strings given to helpers).

    Used when lupdate is not available, to find what helpers hide from it, and to report tr()
    calls lupdate cannot read (f-strings, keyword arguments).
    """
    scan = Scan()

    class Visitor(ast.NodeVisitor):
        def __init__(self, path: Path, helpers: dict[str, str]):
            self.path = path
            self.helpers = helpers
            self.classes: list[str] = []

        def visit_ClassDef(self, node: ast.ClassDef) -> None:
            self.classes.append(node.name)
            self.generic_visit(node)
            self.classes.pop()

        def visit_Call(self, node: ast.Call) -> None:
            name = _call_name(node)
            if name in _TR_NAMES:
                self.record(name, node)
            elif name in self.helpers and node.args:
                source = _literal(node.args[0])
                if source is not None:
                    scan.hidden[(self.helpers[name], source, "")] = False
                elif isinstance(node.args[0], ast.JoinedStr):
                    scan.problems.append(f"{self.path.name}:{node.lineno}: f-string in {name}(); use %1 placeholders")
            self.generic_visit(node)

        def record(self, name: str, node: ast.Call) -> None:
            where = f"{self.path.name}:{node.lineno}"
            args = node.args
            if any(isinstance(a, ast.JoinedStr) for a in args[:3]):
                scan.problems.append(f"{where}: f-string in {name}(); use %1 placeholders instead")
                return
            if name in ("tr", "QT_TR_NOOP"):
                source = _literal(args[0]) if args else None
                if source is None:
                    return
                if not self.classes:
                    scan.problems.append(f"{where}: {name}() outside a class has no context; use translate()")
                    return
                if node.keywords and name == "tr":
                    scan.problems.append(f"{where}: lupdate ignores keyword arguments of tr()")
                comment = (_literal(args[1]) or "") if len(args) > 1 else ""
                numerus = name == "tr" and len(args) > 2
                if name == "tr" and isinstance(node.func, ast.Name):
                    scan.hidden[(self.classes[-1], source, comment)] = numerus
                    scan.misfiled.add(("", source, comment))
                else:
                    scan.found[(self.classes[-1], source, comment)] = numerus
            else:
                context = _literal(args[0]) if args else None
                source = _literal(args[1]) if len(args) > 1 else None
                if context is None or source is None:
                    return
                if node.keywords and name == "translate":
                    scan.problems.append(f"{where}: lupdate ignores keyword arguments of translate()")
                comment = ""
                if len(args) > 2 and name in ("translate", "QT_TRANSLATE_NOOP3"):
                    comment = _literal(args[2]) or ""
                scan.found[(context, source, comment)] = False

    for path in paths:
        path = Path(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        helpers = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name not in _TR_NAMES:
                context = _helper_context(node)
                if context is not None:
                    helpers[node.name] = context
        Visitor(path, helpers).visit(tree)
    for key in list(scan.hidden):
        if key in scan.found:
            del scan.hidden[key]
    for key in scan.found:
        scan.misfiled.discard(key)
    return scan


# Qt calls that show text, and which positional arguments (or keywords) carry it.
_TEXT_ARGS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    **{n: ((0,), ("text",)) for n in (
        "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
        "setTitle", "showMessage", "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText",
        "setWindowIconText", "setIconText", "setCancelButtonText", "setOkButtonText", "setInformativeText",
        "setAccessibleName", "setAccessibleDescription", "QLabel", "QCheckBox", "QRadioButton", "QGroupBox",
        "QMenu", "addMenu", "addItem", "addRow", "addButton", "QListWidgetItem", "QTableWidgetItem",
        "QStandardItem", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels")},
    **{n: ((1, 2), ("title", "text", "label")) for n in (
        "information", "warning", "critical", "question", "about", "getText", "getItem", "getInt", "getDouble",
        "getMultiLineText", "QMessageBox")},
    **{n: ((1, 3), ("caption", "filter")) for n in (
        "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory", "QFileDialog")},
    **{n: ((1,), ("text",)) for n in ("setItemText", "setTabText", "addTab", "setTabToolTip", "insertItem")},
    "insertTab": ((2,), ("text",)),
    "setHeaderData": ((2,), ("value",)),
}
# Calls whose text is the first string among the first two arguments: (icon, text) or (text, shortcut).
_FIRST_TEXT = {"QAction", "addAction", "QPushButton", "QToolButton", "QCommandLinkButton"}
_MARKUP = re.compile(r"<[^>]*>|%\d|%n|%L\d|\{[^}]*\}|&\w+;")


#: Names that stay as they are in every language.
UNTRANSLATED_NAMES = {"annotator", "Tiếng Việt", "English"}


def _is_words(text: str) -> bool:
    if text.strip() in UNTRANSLATED_NAMES:
        return False
    return bool(re.search(r"[^\W\d_]{2,}", _MARKUP.sub(" ", text)))


def untranslated_literals(paths: Iterable[Path]) -> list[str]:
    """String literals with words passed straight to a Qt text setter (never translated).

    A line ending in ``# notr`` is exempt (a language's own name, a file-format name...).
    """
    problems: list[str] = []
    for path in paths:
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text, filename=str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in _FIRST_TEXT:
                strings = [a for a in node.args[:2] if _literal(a) is not None or isinstance(a, ast.JoinedStr)]
                candidates = strings[:1] + [k.value for k in node.keywords if k.arg == "text"]
            elif name in _TEXT_ARGS:
                positions, keywords = _TEXT_ARGS[name]
                candidates = [node.args[i] for i in positions if i < len(node.args)]
                candidates += [k.value for k in node.keywords if k.arg in keywords]
            else:
                continue
            for arg in candidates:
                values = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
                for value in values:
                    literal = _literal(value)
                    if literal is None and isinstance(value, ast.JoinedStr):
                        literal = "".join(v.value for v in value.values
                                          if isinstance(v, ast.Constant) and isinstance(v.value, str))
                    if literal is None or not _is_words(literal):
                        continue
                    end = getattr(node, "end_lineno", node.lineno) or node.lineno
                    if any("# notr" in lines[i - 1] for i in range(node.lineno, end + 1) if i - 1 < len(lines)):
                        continue
                    problems.append(f"{path.name}:{value.lineno}: {name}() shows {literal!r} without tr()")
    return problems


# ---------------------------------------------------------------------------------- checks
_PLACEHOLDER = re.compile(r"%(?:L?[1-9]\d?|n)|\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}|\{\d*\}")
_MNEMONIC = re.compile(r"&(?![&\s])")


def translation_problems(msg: Message, language: str) -> list[str]:
    """Placeholders lost or added, and a lost keyboard mnemonic, in a finished translation."""
    problems = []
    where = f"{language}: [{msg.context}] {msg.source!r}"
    wanted = set(_PLACEHOLDER.findall(msg.source))
    for text in msg.translations:
        got = set(_PLACEHOLDER.findall(text))
        if msg.numerus and language != "en":
            wanted_here, got_here = wanted - {"%n"}, got - {"%n"}
        else:
            wanted_here, got_here = wanted, got
        if wanted_here != got_here:
            problems.append(f"{where}: placeholders {sorted(wanted_here)} became {sorted(got_here)} in {text!r}")
        source_plain = msg.source.replace("&&", "")
        text_plain = text.replace("&&", "")
        if _MNEMONIC.search(source_plain) and not _MNEMONIC.search(text_plain):
            problems.append(f"{where}: the keyboard mnemonic (&) is missing in {text!r}")
    return problems


def catalogue_problems(wanted: dict[tuple[str, str, str], bool], ts: Path, language: str) -> list[str]:
    """Source strings without a finished translation in ``ts``, and bad translations."""
    if not ts.exists():
        return [f"{ts.name} does not exist; run scripts/build-translations"]
    have = read_ts(ts).by_key()
    problems = []
    for key in sorted(wanted):
        msg = have.get(key)
        if msg is None:
            problems.append(f"{ts.name}: [{key[0]}] {key[1]!r} is missing; run scripts/build-translations")
        elif not msg.finished or not all(t.strip() for t in msg.translations):
            problems.append(f"{ts.name}: [{key[0]}] {key[1]!r} has no finished translation")
        else:
            problems += translation_problems(msg, language)
    return problems


def qm_problems(ts: Path, qm: Path) -> list[str]:
    """Whether the committed .qm holds exactly the finished translations of the .ts.

    Compared by content, not bytes, so that another lrelease version does not count as stale;
    when lrelease is at hand, what it makes of the .ts must have that content too.
    """
    if not qm.exists():
        return [f"{qm.name} does not exist; run scripts/build-translations"]
    stale = [f"{qm.name} is out of date with {ts.name}; run scripts/build-translations"]
    # lrelease keeps no disambiguation comments in the .qm: compare by (context, source).
    expected = {m.key[:2]: m.translations for m in read_ts(ts).messages
                if m.finished and not m.kind and all(m.translations)}
    got = {key[:2]: texts for key, texts in read_qm(qm).items()}
    if got != expected:
        return stale
    tool = find_tool("lrelease")
    if tool:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / qm.name
            run_lrelease(ts, fresh, tool=tool)
            if {key[:2]: texts for key, texts in read_qm(fresh).items()} != got:
                return stale
    return []


def wanted_messages(root: Path | None = None) -> tuple[dict[tuple[str, str, str], bool], list[str]]:
    """The translatable strings of the GUI sources: lupdate's (else the ``ast`` scan's) plus the
    strings given to translation helpers; and the problems the scan found."""
    root = root or repo_root()
    sources = gui_sources(root)
    tool = find_tool("lupdate")
    scan = extract_messages(sources)
    if tool is None:
        return scan.all, scan.problems
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "scan_vi.ts"
        run_lupdate(sources, ts, "vi", tool=tool)
        found = {m.key: m.numerus for m in read_ts(ts).messages if not m.kind and m.key not in scan.misfiled}
    return {**scan.hidden, **found}, scan.problems


def check(root: Path | None = None) -> list[str]:
    """Everything that keeps the shipped translations from matching the sources."""
    root = root or repo_root()
    folder = root / "resources" / "i18n"
    wanted, problems = wanted_messages(root)
    for lang in LANGUAGES:
        ts = folder / f"{APP_CATALOG}_{lang}.ts"
        problems += catalogue_problems(wanted, ts, lang)
        if ts.exists():
            problems += qm_problems(ts, folder / f"{APP_CATALOG}_{lang}.qm")
    qt_ts = folder / f"{QT_CATALOG}_vi.ts"
    if not qt_ts.exists() or qt_ts.read_text(encoding="utf-8") != format_ts(qt_catalogue()):
        problems.append(f"{qt_ts.name} is out of date with qt_texts.py; run scripts/build-translations")
    else:
        problems += qm_problems(qt_ts, folder / f"{QT_CATALOG}_vi.qm")
    for msg in qt_catalogue().messages:
        problems += translation_problems(msg, "vi")
    problems += untranslated_literals(gui_sources(root))
    return problems


# ---------------------------------------------------------------------------------- build
def fill_english(catalogue: Catalogue) -> int:
    """English is the source language: a plain message's translation is its source text.

    Plural (numerus) messages are left for a person: English needs both forms written out.
    Returns how many messages were filled.
    """
    filled = 0
    for msg in catalogue.messages:
        if msg.kind or msg.numerus:
            continue
        if not msg.finished or msg.translation != msg.source:
            msg.translations, msg.finished = [msg.source], True
            filled += 1
    return filled


def update_catalogue(ts: Path, language: str, sources: Sequence[Path], scan: Scan,
                     *, tool: str | None = None) -> Catalogue:
    """lupdate ``ts`` from the sources, then add what lupdate cannot see or files wrongly (see
    :class:`Scan`), keeping earlier translations, and fill English."""
    before = read_ts(ts).by_key() if ts.exists() else {}
    run_lupdate(sources, ts, language, tool=tool)
    catalogue = read_ts(ts)
    catalogue.messages = [m for m in catalogue.messages if m.key not in scan.misfiled]
    have = catalogue.by_key()
    for key, numerus in scan.hidden.items():
        if key in have:
            continue
        old = before.get(key)
        if old is not None:
            catalogue.messages.append(Message(*key, translations=list(old.translations), finished=old.finished,
                                              numerus=numerus, extra=list(old.extra)))
        else:
            catalogue.messages.append(Message(*key, translations=[""], numerus=numerus))
    if language == "en":
        fill_english(catalogue)
    write_ts(ts, catalogue)
    return catalogue


def apply_translations(ts: Path, table: dict[tuple[str, str], str | list[str]], *, overwrite: bool = False) -> int:
    """Set translations from {(context, source): text or plural forms}; marks them finished."""
    catalogue = read_ts(ts)
    changed = 0
    for msg in catalogue.messages:
        value = table.get((msg.context, msg.source))
        if value is None or msg.kind or (msg.finished and not overwrite):
            continue
        msg.translations = list(value) if isinstance(value, (list, tuple)) else [value]
        msg.finished = True
        changed += 1
    if changed:
        write_ts(ts, catalogue)
    return changed


def qt_catalogue() -> Catalogue:
    """The table of Qt's own texts (:mod:`annotator.gui.qt_texts`), as ``qt_vi.ts`` holds it."""
    from annotator.gui import qt_texts

    messages = [Message(context=c, source=s, comment=m, translations=[vi], finished=True)
                for c, s, m, vi in qt_texts.entries()]
    return Catalogue(language="vi", source_language="en", messages=messages)


def build(root: Path | None = None, *, log=print) -> list[str]:
    """Update the .ts files from the sources and compile every .qm. Returns unfinished messages."""
    root = root or repo_root()
    folder = root / "resources" / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    lupdate, lrelease = find_tool("lupdate"), find_tool("lrelease")
    if lupdate is None or lrelease is None:
        raise RuntimeError("lupdate/lrelease not found; install PySide6 (its wheel ships both)")
    sources = gui_sources(root)
    scan = extract_messages(sources)
    for lang in LANGUAGES:
        ts = folder / f"{APP_CATALOG}_{lang}.ts"
        update_catalogue(ts, lang, sources, scan, tool=lupdate)
        log(f"updated {ts.relative_to(root)}")
    qt_ts = folder / f"{QT_CATALOG}_vi.ts"
    if write_ts(qt_ts, qt_catalogue()):
        log(f"wrote {qt_ts.relative_to(root)}")
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        run_lrelease(ts, qm, tool=lrelease)
        log(f"compiled {qm.relative_to(root)}")
    unfinished = []
    for lang in LANGUAGES:
        ts = folder / f"{APP_CATALOG}_{lang}.ts"
        unfinished += [f"{ts.name}: [{m.context}] {m.source!r}" for m in read_ts(ts).messages
                       if not m.kind and (not m.finished or not all(t.strip() for t in m.translations))]
    return unfinished


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build-translations",
        description="Update resources/i18n/*.ts from the GUI sources (keeping translations) and compile the .qm.")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; list untranslated strings and stale files, exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        print("translations are complete and up to date" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    unfinished = build()
    for item in unfinished:
        print(f"needs a translation: {item}")
    if unfinished:
        print(f"{len(unfinished)} string(s) need a translation: edit the .ts (or open it in pyside6-linguist),"
              " then run this again to compile the .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
