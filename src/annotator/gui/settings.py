"""Typed settings of the window: one property per preference, stored with QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "annotator"
APPLICATION = "annotator"


def app_settings() -> QSettings:
    """The app's settings (organisation "annotator").

    Built with ``QSettings.defaultFormat()`` (NativeFormat unless changed), so tests and the
    smoke test can point every settings read and write at a temporary folder with
    ``QSettings.setDefaultFormat(IniFormat)`` + ``QSettings.setPath(...)``; the two-string
    constructor would always use the native location.
    """
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)



class Preferences:
    """The reviewer's preferences, typed, with their defaults in one place."""

    #: name -> (settings key, type, default)
    FIELDS: dict[str, tuple[str, type, object]] = {
        "snap_to_words": ("snapToWords", bool, False),
        "show_rejected": ("showRejected", bool, False),
        "font_size": ("fontSize", float, 0.0),
        "least_certain_order": ("leastCertainOrder", bool, False),
        "require_issuer": ("requireIssuer", bool, False),
        "preannotate_imports": ("preannotateImports", bool, True),
        "reviewer": ("reviewer", str, ""),
    }

    def __init__(self, settings: QSettings | None = None):
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        return self._settings if self._settings is not None else app_settings()

    def get(self, name: str):
        key, kind, default = self.FIELDS[name]
        try:
            value = self.settings.value(key, default, type=kind)
        except (TypeError, ValueError):
            return default
        return default if value is None else value

    def set(self, name: str, value) -> None:
        key, kind, _default = self.FIELDS[name]
        self.settings.setValue(key, kind(value))
