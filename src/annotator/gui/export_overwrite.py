"""The question before an export replaces existing files (the CLI needs --force for it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

#: lupdate reads translate("Context", "literal") calls
translate = QCoreApplication.translate


def confirm_overwrite(parent: QWidget | None, paths: list[Path]) -> bool:
    """Ask whether to replace ``paths``; True to go on (also when there is nothing to replace)."""
    if not paths:
        return True
    names = "\n".join(str(p) for p in paths)
    answer = QMessageBox.question(
        parent,
        translate("ExportOverwrite", "Replace existing files?"),
        translate(
            "ExportOverwrite", "These files already exist and would be replaced:\n{files}\n\nReplace them?"
        ).format(files=names),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
