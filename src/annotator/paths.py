"""Where the app finds its bundled resources and keeps its corpus."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from annotator import APP_NAME


def resources_dir() -> Path:
    """Bundled resources: inside the package in a wheel or bundle, else the checkout's resources/."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_corpus_path() -> Path:
    return data_dir() / "corpus.db"


def sample_dir() -> Path:
    return resources_dir() / "sample"
