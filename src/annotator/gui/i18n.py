"""The user interface language: Vietnamese or English, chosen at start and switchable at runtime.

Runtime
    ``install(app, lang=None)`` picks the language (the ``lang`` argument, else the saved
    QSettings ``ui/language``, else the system locale) and installs the translators from
    ``resources/i18n``: ``annotator_<lang>.qm`` for the app's own strings and, for Vietnamese,
    ``qt_vi.qm`` for Qt's own dialogs and menus (see :mod:`annotator.gui.qt_texts`; Qt ships no
    Vietnamese translation). ``switch(lang)`` swaps the translators while the app runs and saves
    the choice. Qt then sends ``QEvent.LanguageChange`` to every widget, whose ``changeEvent``
    re-applies its texts; objects that are not widgets (actions kept by a controller, say) can
    listen to ``notifier().languageChanged`` instead.

    While Vietnamese is active, file dialogs are Qt's own (``AA_DontUseNativeDialogs``) so that
    they are translated too; :func:`file_dialog_options` gives the same as a dialog option.

Rules for source strings (so that ``pyside6-lupdate`` finds them)
    * in a class: ``self.tr("Text")``; PySide6 looks the text up under the *runtime* class
      name, so a class whose ``tr()`` strings must survive subclassing uses the explicit form;
    * anywhere: ``QCoreApplication.translate("Context", "Text")`` with a literal context and
      positional arguments only (lupdate ignores keyword arguments and variables);
    * strings kept in tables: ``QT_TRANSLATE_NOOP("Context", "Text")``, translated when shown;
    * no f-strings inside tr(): use ``%1``/``{name}`` placeholders and format after translation;
      the check makes sure a translation keeps every placeholder of its source.
    Two common shortcuts that plain lupdate gets wrong are handled by the build (see
    :class:`Scan`): one-argument helpers (``def _t(text): return QCoreApplication.translate("Ctx",
    text)``), whose strings lupdate cannot see, and ``tr = self.tr; tr("x")``, which it files
    under an empty context.

Build time
    ``scripts/build-translations`` (``scripts/i18n_tools.py``, not part of the runtime package)
    updates the .ts files with lupdate and compiles the .qm; ``--check`` reports what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, Qt, QTranslator, Signal

LANGUAGES = ("vi", "en")
#: Each language named in itself: these are not translated (a reviewer looks for their own).
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
APP_CATALOG = "annotator"
QT_CATALOG = "qt"


# ---------------------------------------------------------------------------------- runtime
def translations_dir() -> Path:
    from annotator.paths import resources_dir

    return resources_dir() / "i18n"


def normalize(lang: str | None) -> str | None:
    """'vi_VN', 'vi-VN', 'VI' -> 'vi'; a language the app does not ship -> None."""
    if not lang:
        return None
    code = str(lang).strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The first of the system's preferred UI languages that the app ships, else English."""
    locale = QLocale.system()
    for candidate in [*locale.uiLanguages(), locale.name()]:
        code = normalize(candidate)
        if code:
            return code
    return DEFAULT_LANGUAGE


class LanguageManager(QObject):
    """Keeps the installed translators; ``languageChanged`` is emitted after every switch."""

    languageChanged = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.app: QCoreApplication | None = None
        self.language: str | None = None
        self.directory: Path | None = None
        self.settings: QSettings | None = None
        self.translators: list[QTranslator] = []


_manager: LanguageManager | None = None


def notifier() -> LanguageManager:
    global _manager
    if _manager is None:
        _manager = LanguageManager()
    return _manager


def _settings() -> QSettings:
    manager = notifier()
    if manager.settings is not None:
        return manager.settings
    from annotator.gui.session import app_settings

    return app_settings()  # the same store as the rest of the GUI, redirectable in tests


def saved_language() -> str | None:
    return normalize(_settings().value(SETTINGS_KEY, None))


def current_language() -> str:
    return notifier().language or DEFAULT_LANGUAGE


def install(app: QCoreApplication | None = None, lang: str | None = None, *,
            settings: QSettings | None = None, directory: str | os.PathLike | None = None) -> str:
    """Install the translators for ``lang`` (else the saved choice, else the system's); returns it.

    ``settings`` and ``directory`` replace the default QSettings and ``resources/i18n`` (tests).
    A language given here is used for this run and not saved; :func:`switch` saves.
    """
    manager = notifier()
    manager.app = app or QCoreApplication.instance()
    if manager.app is None:
        raise RuntimeError("create the QApplication before installing translations")
    if settings is not None:
        manager.settings = settings
    manager.directory = Path(directory) if directory is not None else translations_dir()
    chosen = normalize(lang) or saved_language() or system_language()
    _apply(chosen)
    return chosen


def switch(lang: str, *, save: bool = True) -> str:
    """Change the language while the app runs (widgets get QEvent.LanguageChange); saves it."""
    code = normalize(lang)
    if code is None:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    manager = notifier()
    if manager.app is None:
        install(lang=code)
    else:
        _apply(code)
    if save:
        settings = _settings()
        settings.setValue(SETTINGS_KEY, code)
        settings.sync()
    return code


def uninstall() -> None:
    """Remove the translators and forget the language (back to the English source texts)."""
    manager = notifier()
    if manager.app is not None:
        for translator in manager.translators:
            manager.app.removeTranslator(translator)
            translator.deleteLater()
    manager.translators = []
    manager.language = None
    manager.settings = None
    QLocale.setDefault(QLocale.system())
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def translator_files(lang: str, directory: Path | None = None) -> list[Path]:
    """The .qm files for a language, in installation order (the last one is searched first)."""
    directory = directory or notifier().directory or translations_dir()
    files = [directory / f"{APP_CATALOG}_{lang}.qm"]
    if lang == "vi":
        files.insert(0, directory / f"{QT_CATALOG}_vi.qm")
    return files


def _apply(lang: str) -> None:
    manager = notifier()
    app = manager.app
    for translator in manager.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    manager.translators = []
    for path in translator_files(lang, manager.directory):
        translator = QTranslator(manager)
        if translator.load(str(path)):
            manager.translators.append(translator)
        elif path.name.startswith(QT_CATALOG + "_"):
            # The compiled Qt texts are missing (a checkout without the .qm): use the table.
            from annotator.gui.qt_texts import TableTranslator

            manager.translators.append(TableTranslator(lang, manager))
    for translator in manager.translators:
        app.installTranslator(translator)
    system = QLocale.system()
    if normalize(system.name()) == lang:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_US"))
    # Native (GTK, Windows, macOS) file dialogs ignore our translators.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang == "vi")
    manager.language = lang
    manager.languageChanged.emit(lang)


def file_dialog_options():
    """Options for QFileDialog's static functions: Qt's own (translated) dialog in Vietnamese."""
    from PySide6.QtWidgets import QFileDialog

    if current_language() == "vi":
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


def language_actions(parent: QObject):
    """A QActionGroup with one checkable action per language (for a "Language" menu)."""
    from PySide6.QtGui import QAction, QActionGroup

    group = QActionGroup(parent)
    group.setExclusive(True)
    for code in LANGUAGES:
        action = QAction(LANGUAGE_NAMES[code], group)
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(code == current_language())
        action.triggered.connect(lambda _checked=False, code=code: switch(code))
        group.addAction(action)

    def sync(lang: str) -> None:
        for action in group.actions():
            action.setChecked(action.data() == lang)

    notifier().languageChanged.connect(sync)
    group.destroyed.connect(lambda *_: _disconnect(sync))
    return group


def _disconnect(slot) -> None:
    try:
        notifier().languageChanged.disconnect(slot)
    except (RuntimeError, TypeError):
        pass
