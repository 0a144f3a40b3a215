"""Bundled sample articles, imported into an empty corpus so a newcomer sees work at once.

Uses core functions only: read the file, title = first non-empty line, text = normalize(raw),
``corpus.add_document``; machine suggestions come from ``annotator.nlp.pipeline.Pipeline``
when it is importable. When the sample folder holds no ``.txt`` file, the seed
articles (inline markup) are used instead, their marks stored as suggestions with origin
"sample", so the window still opens on pre-highlighted text.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from annotator.core.model import Document, Span, SpanState
from annotator.core.store import Corpus
from annotator.core.text import normalize
from annotator.paths import resources_dir, sample_dir

log = logging.getLogger(__name__)
SEED_FALLBACK = 6


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _pipeline():
    """The project's pre-annotation pipeline and its converter, or None when unavailable."""
    try:
        from annotator.nlp.jobs import load_pipeline, to_spans

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipeline = load_pipeline(None)
    except Exception as exc:  # noqa: BLE001 - suggestions are optional for the sample
        log.info("no pre-annotation pipeline: %s", exc)
        return None
    return lambda text: to_spans(pipeline.annotate(text))


def sample_files() -> list[Path]:
    folder = sample_dir()
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def import_sample(corpus: Corpus, *, who: str | None = None) -> int:
    """Import the bundled sample into ``corpus``; returns the number of documents added."""
    files = sample_files()
    pipeline = _pipeline() if files else None
    added = 0
    for path in files:
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot read sample %s: %s", path, exc)
            continue
        text = normalize(raw)[0]
        if not text.strip():
            continue
        doc_id, created = corpus.add_document(
            Document(text=text, title=_title(text), source=str(path)), who=who)
        if not created:
            continue
        added += 1
        if pipeline is not None:
            try:
                spans, relations = pipeline(text)
                corpus.replace_suggestions(doc_id, spans, relations, who=who)
            except Exception as exc:  # noqa: BLE001 - suggestions are a bonus
                log.warning("no suggestions for %s: %s", path, exc)
    if not files:
        added += _import_seed(corpus, who)
    return added


def _import_seed(corpus: Corpus, who: str | None) -> int:
    from annotator.core.markup import parse_markup

    folder = resources_dir() / "seed" / "dev"
    if not folder.is_dir():
        folder = resources_dir() / "seed" / "train"
    files = sorted(folder.glob("*.txt"))[:SEED_FALLBACK] if folder.is_dir() else []
    added = 0
    for path in files:
        try:
            text, marks = parse_markup(path.read_text(encoding="utf-8-sig"))
        except Exception as exc:  # noqa: BLE001
            log.warning("cannot read seed %s: %s", path, exc)
            continue
        text = normalize(text)[0]
        doc_id, created = corpus.add_document(
            Document(text=text, title=_title(text), source=str(path)), who=who)
        if not created:
            continue
        added += 1
        spans = [Span(m.start, m.end, m.label, origin="sample", state=SpanState.SUGGESTED, score=1.0)
                 for m in marks]
        corpus.replace_suggestions(doc_id, spans, [], who=who)
    return added
