"""Locations of the shipped NLP resources (models, rules, gazetteers)."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """``annotator.paths.resources_dir()`` when available, else the checkout's ``resources/``."""
    try:
        from annotator.paths import resources_dir as _rd

        return Path(_rd())
    except Exception:
        return Path(__file__).resolve().parents[3] / "resources"


#: the pointer file naming the active directive model in a models folder (``active`` names the entity model)
DIRECTIVE_POINTER = "active-directive"


def models_dir() -> Path:
    return resources_dir() / "models"


def rules_dir() -> Path:
    return resources_dir() / "rules"


def gazetteers_dir() -> Path:
    return resources_dir() / "gazetteers"


def seed_dir() -> Path:
    return resources_dir() / "seed"
