"""Corpus-level NLP jobs shared by the CLI and the GUI: batch pre-annotation and training.

Pre-annotation runs the pipeline in worker processes (one per core) and writes each
document's suggestions in its own transaction from the calling process, so an interrupt
keeps every finished document and never leaves one half-written.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.model import Relation, Span, SpanState, Status
from annotator.core.progress import NullProgress
from annotator.core.store import Corpus, DocumentFilter

PREANNOTATE_WHO = "preannotate"


def models_dir_for(corpus_path: str | os.PathLike) -> Path:
    """Where models trained on a corpus live: a ``models`` folder beside the corpus file."""
    return Path(corpus_path).resolve().parent / "models"


def active_model_path(corpus_path: str | os.PathLike | None) -> Path | None:
    """The corpus folder's active model if one was trained and activated, else the shipped one."""
    from annotator.nlp.pipeline import default_model_path

    if corpus_path is not None and str(corpus_path) != ":memory:":
        folder = models_dir_for(corpus_path)
        if (folder / "active").is_file():
            path = default_model_path(folder)
            if path is not None and path.is_file():
                return path
    return default_model_path()


def rules_dir_for(corpus_path: str | os.PathLike | None) -> Path | None:
    """A reviewer-editable ``rules`` folder beside the corpus, when there is one."""
    if corpus_path is None or str(corpus_path) == ":memory:":
        return None
    folder = Path(corpus_path).resolve().parent / "rules"
    return folder if folder.is_dir() else None


def load_pipeline(corpus_path: str | os.PathLike | None = None):
    """The corpus's pipeline: its active models, rules, label scheme and instant memory."""
    from annotator.nlp.learner import corpus_pipeline

    return corpus_pipeline(corpus_path)


def to_spans(annotation) -> tuple[list[Span], list[Relation]]:
    """Pipeline output as store objects; relation heads/tails index into the span list."""
    spans = [Span(start=s.start, end=s.end, label=s.label, origin=s.origin, state=SpanState.SUGGESTED,
                  attrs=dict(s.attrs or {}), score=round(float(s.score), 4)) for s in annotation.spans]
    relations = [Relation(head=h, tail=t, label=label, origin=spans[h].origin)
                 for h, t, label in annotation.relations]
    return spans, relations


# -- worker processes ------------------------------------------------------------------
_WORKER_PIPELINE = None


def _worker_init(model_path: str | None, rules_dir: str | None, corpus_path: str | None = None) -> None:
    """The worker's pipeline: a corpus's own (its active models, scheme and instant memory) when
    ``corpus_path`` is given, else the model and rules named."""
    global _WORKER_PIPELINE
    from annotator.nlp.pipeline import Pipeline

    warnings.simplefilter("ignore")
    if corpus_path is not None:
        _WORKER_PIPELINE = load_pipeline(corpus_path)
    else:
        _WORKER_PIPELINE = Pipeline.load(model_path, rules_dir)


def _worker_annotate(item: tuple[int, str]):
    doc_id, text = item
    spans, relations = to_spans(_WORKER_PIPELINE.annotate(text))
    return doc_id, spans, relations


def _can_fork() -> bool:
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and "PySide6.QtCore" not in sys.modules and not getattr(sys, "frozen", False))


def _ignore_interrupt() -> None:
    """Ctrl+C is the calling process's to handle (it stops the pool): workers print no traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_start(model_path: str | None, rules_dir: str | None, corpus_path: str | None = None) -> None:
    _ignore_interrupt()
    _worker_init(model_path, rules_dir, corpus_path)


def worker_pipeline():
    """The pipeline a worker process set up with :func:`worker_pool` (or ``_worker_init``) uses."""
    return _WORKER_PIPELINE


@contextmanager
def worker_pool(jobs: int, model_path: str | os.PathLike | None, rules_dir: str | os.PathLike | None,
                corpus_path: str | os.PathLike | None = None):
    """A process pool whose workers hold the pipeline (:func:`worker_pipeline`; a corpus's own when
    ``corpus_path`` is given); terminated on any error.

    On Linux the model is loaded once here and the workers inherit it (fork); where forking is
    unsafe (Qt threads running, frozen app) each worker loads it itself.
    """
    initargs = (str(model_path) if model_path else None, str(rules_dir) if rules_dir else None,
                str(corpus_path) if corpus_path else None)
    if _can_fork():
        _worker_init(*initargs)
        context, initializer, initargs = multiprocessing.get_context("fork"), _ignore_interrupt, ()
    else:
        context, initializer = multiprocessing.get_context("spawn"), _worker_start
    with context.Pool(jobs, initializer=initializer, initargs=initargs) as pool:
        try:
            yield pool
        except BaseException:
            pool.terminate()
            raise


def _texts(corpus: Corpus, ids: list[int]) -> Iterator[tuple[int, str]]:
    for doc_id in ids:
        yield doc_id, corpus.document(doc_id, with_spans=False).text


def preannotate_corpus(corpus_path: str | os.PathLike, only: str = "all", progress=None, jobs: int = 0,
                       who: str = PREANNOTATE_WHO) -> int:
    """Suggest entities and directives for documents not yet done; returns documents processed.

    ``only='new'`` limits the run to documents nobody has opened; the default takes every
    document that is new or in progress. Reviewer decisions are never replaced
    (see :meth:`Corpus.replace_suggestions`).
    """
    progress = progress or NullProgress()
    statuses = [Status.NEW] if only == "new" else [Status.NEW, Status.IN_PROGRESS]
    corpus = Corpus(corpus_path, create=False)
    try:
        ids = corpus.document_ids(DocumentFilter(status=statuses))
        progress.start(len(ids), "pre-annotating")
        if not ids:
            progress.finish()
            return 0
        jobs = jobs or os.cpu_count() or 1
        jobs = max(1, min(jobs, len(ids) // 4 or 1))
        done = 0
        if jobs == 1:
            _worker_init(None, None, str(corpus_path))
            for item in _texts(corpus, ids):
                progress.check()
                doc_id, spans, relations = _worker_annotate(item)
                corpus.replace_suggestions(doc_id, spans, relations, who=who)
                done += 1
                progress.advance()
        else:
            with worker_pool(jobs, None, None, corpus_path) as pool:
                # texts are read here, in batches: the pool's feeder thread may not touch SQLite
                for batch_start in range(0, len(ids), 64):
                    batch = list(_texts(corpus, ids[batch_start:batch_start + 64]))
                    for doc_id, spans, relations in pool.imap_unordered(_worker_annotate, batch, chunksize=2):
                        corpus.replace_suggestions(doc_id, spans, relations, who=who)
                        done += 1
                        progress.advance()
        progress.finish()
        return done
    finally:
        corpus.close()


# -- training ----------------------------------------------------------------------------


def train_from_corpus(corpus_path, conll=(), activate: str = "if-better", seed: int = 13,
                      dev_fraction: float = 0.2, progress=None, **options):
    """Learn from the corpus's reviewed documents (with the seed corpus and ``conll`` files),
    judge the candidate against the active model and activate it by ``activate``'s rule:
    see :mod:`annotator.nlp.learner`."""
    from annotator.nlp.learner import train_from_corpus as learn

    return learn(corpus_path, conll=conll, activate=activate, seed=seed, dev_fraction=dev_fraction,
                 progress=progress, **options)
