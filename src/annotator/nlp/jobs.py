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
    from annotator.nlp.pipeline import Pipeline

    return Pipeline.load(active_model_path(corpus_path), rules_dir_for(corpus_path))


def to_spans(annotation) -> tuple[list[Span], list[Relation]]:
    """Pipeline output as store objects; relation heads/tails index into the span list."""
    spans = [Span(start=s.start, end=s.end, label=s.label, origin=s.origin, state=SpanState.SUGGESTED,
                  attrs=dict(s.attrs or {}), score=round(float(s.score), 4)) for s in annotation.spans]
    relations = [Relation(head=h, tail=t, label=label, origin=spans[h].origin)
                 for h, t, label in annotation.relations]
    return spans, relations


# -- worker processes ------------------------------------------------------------------
_WORKER_PIPELINE = None


def _worker_init(model_path: str | None, rules_dir: str | None) -> None:
    global _WORKER_PIPELINE
    from annotator.nlp.pipeline import Pipeline

    warnings.simplefilter("ignore")
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


def _worker_start(model_path: str | None, rules_dir: str | None) -> None:
    _ignore_interrupt()
    _worker_init(model_path, rules_dir)


def worker_pipeline():
    """The pipeline a worker process set up with :func:`worker_pool` (or ``_worker_init``) uses."""
    return _WORKER_PIPELINE


@contextmanager
def worker_pool(jobs: int, model_path: str | os.PathLike | None, rules_dir: str | os.PathLike | None):
    """A process pool whose workers hold the pipeline (:func:`worker_pipeline`); terminated on any error.

    On Linux the model is loaded once here and the workers inherit it (fork); where forking is
    unsafe (Qt threads running, frozen app) each worker loads it itself.
    """
    initargs = (str(model_path) if model_path else None, str(rules_dir) if rules_dir else None)
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
        model_path = active_model_path(corpus_path)
        rules_dir = rules_dir_for(corpus_path)
        jobs = jobs or os.cpu_count() or 1
        jobs = max(1, min(jobs, len(ids) // 4 or 1))
        done = 0
        if jobs == 1:
            _worker_init(str(model_path) if model_path else None, str(rules_dir) if rules_dir else None)
            for item in _texts(corpus, ids):
                progress.check()
                doc_id, spans, relations = _worker_annotate(item)
                corpus.replace_suggestions(doc_id, spans, relations, who=who)
                done += 1
                progress.advance()
        else:
            with worker_pool(jobs, model_path, rules_dir) as pool:
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
TRAIN_LABELS = ("PER", "ORG", "LOC", "MISC", "DIRECTIVE")


class TrainReport:
    """What a training run produced: both models' scores on the same held-out documents."""

    def __init__(self, model_path, new_scores: dict, current_scores: dict | None, current_name: str,
                 activated: bool, train_docs: int, dev_docs: int):
        self.model_path = model_path
        self.new_scores = new_scores
        self.current_scores = current_scores
        self.current_name = current_name
        self.activated = activated
        self.train_docs = train_docs
        self.dev_docs = dev_docs

    def summary(self) -> str:
        lines = [f"trained on {self.train_docs} documents, evaluated on {self.dev_docs} held-out documents",
                 f"{'label':<10} {'current P':>9} {'R':>6} {'F1':>6}   {'new P':>6} {'R':>6} {'F1':>6}"]
        for label in ("PER", "ORG", "LOC", "MISC", "micro", "DIRECTIVE"):
            new = self.new_scores.get(label)
            cur = (self.current_scores or {}).get(label)
            if not new:
                continue
            left = (f"{cur['precision']:9.3f} {cur['recall']:6.3f} {cur['f1']:6.3f}" if cur
                    else f"{'-':>9} {'-':>6} {'-':>6}")
            lines.append(f"{label:<10} {left}   {new['precision']:6.3f} {new['recall']:6.3f} {new['f1']:6.3f}")
        lines.append(f"current model: {self.current_name}")
        lines.append(f"new model: {self.model_path} ({'now active' if self.activated else 'not activated'})")
        return "\n".join(lines)


def corpus_examples(corpus: Corpus) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, spans) of done documents with their accepted spans: what reviewers confirmed."""
    out = []
    for doc in corpus.iter_documents(DocumentFilter(status=[Status.DONE])):
        spans = [(s.start, s.end, s.label) for s in doc.spans
                 if s.state == SpanState.ACCEPTED and s.label in TRAIN_LABELS]
        out.append((doc.text, spans))
    return out


def conll_examples(paths) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Read CoNLL files through the importer into a throw-away in-memory corpus."""
    from annotator.core.importer import import_paths

    memory = Corpus(":memory:")
    try:
        report = import_paths(memory, [Path(p) for p in paths], new_labels="add", fmt="conll")
        if report.failed_files:
            raise ValueError("; ".join(report.problems) or f"cannot read {report.failed_files}")
        return corpus_examples(memory)
    finally:
        memory.close()


def train_from_corpus(corpus_path, conll=(), activate: str = "if-better", seed: int = 13,
                      dev_fraction: float = 0.2, progress=None):
    """Train an entity model on reviewers' accepted annotations, compare, maybe activate.

    Both the current model and the new one are scored on the same held-out documents; the
    new one becomes active only when its entity micro-F1 is higher (``activate='if-better'``),
    always (``'always'``) or never (``'never'``). Models are versioned in ``models/`` beside
    the corpus file.
    """
    import random

    from annotator.nlp.pipeline import Pipeline
    from annotator.nlp.rules import load_rules
    from annotator.nlp.train import evaluate, set_active, train_entity_model

    progress = progress or NullProgress()
    progress.start(4, "training")
    with Corpus(corpus_path, create=False, read_only=True) as corpus:
        examples = corpus_examples(corpus)
    if conll:
        examples += conll_examples(conll)
    examples = [e for e in examples if e[0].strip()]
    progress.advance()
    if len(examples) < 5:
        raise ValueError(f"too little training data: {len(examples)} done document(s); "
                         "mark at least 5 documents done (or add --conll files); no model was written")
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    n_dev = max(1, int(round(len(examples) * dev_fraction)))
    dev = [examples[i] for i in order[:n_dev]]
    train = [examples[i] for i in order[n_dev:]]
    folder = models_dir_for(corpus_path)
    folder.mkdir(parents=True, exist_ok=True)
    # the same rules as pre-annotation uses: the shipped ones plus the corpus folder's own
    rules = load_rules(extra_dir=rules_dir_for(corpus_path))
    path, report = train_entity_model(train, dev, seed=seed, out_dir=folder, rules=rules)
    progress.advance()
    current_path = active_model_path(corpus_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        current = Pipeline.load(current_path, rules_dir_for(corpus_path))
    current_scores = evaluate(current, dev)
    progress.advance()
    new_scores = report["dev"]
    better = new_scores["micro"]["f1"] > current_scores["micro"]["f1"]
    activated = activate == "always" or (activate == "if-better" and better)
    if activated:
        set_active(folder, path.name)
    progress.advance()
    progress.finish()
    return TrainReport(path, new_scores, current_scores, current.model_version, activated, len(train), len(dev))
