"""Learning from reviewers: train on seed + reviewed documents + CoNLL, judge, maybe activate.

One run (:func:`train_from_corpus`):

1. **Data**: the shipped seed corpus (unless ``no_seed``), every done document of the corpus
   (its accepted spans; repeated ``reviewed_weight`` times, default 5, so the team's conventions win where
   they differ from the seed's; a reviewed copy of a seed article replaces it), and ``--conll``
   files (one document per sentence block, their own words). What reviewers taught the instant
   memory overrides the seed: a seed span whose string reviewers rejected with that label is
   dropped, one they gave another label is relabelled.
2. **Labels**: every entity label of the corpus's scheme is trainable; the report says which
   labels came from which source, and which labels keep their rules (PER/ORG/LOC/MISC unless the
   scheme lacks them or lists them in the corpus meta ``rules_off``).
3. **Judge**: the documents judged are the reviewed ones the active model was not trained on
   (plus a fixed 20% of the CoNLL sentences, held out of training). The candidate is scored on
   them by k-fold cross-validation (k = min(5, documents)); the active model is scored on the
   same documents; both also on the seed's dev part. Per-label P/R/F1 for both and a bootstrap
   95% interval of the difference are printed. **Rule** (``activate='if-better'``): with at
   least :data:`MIN_JUDGE_DOCS` judged documents, the candidate is activated when it is not worse
   on them (micro-F1 difference >= 0) and not worse beyond noise on the seed's dev part (the
   interval reaches 0); with fewer, the report says so and the candidate must be not worse on
   both the seed's dev part and those documents. The directive classifier (trained once there is a
   reviewed document) is judged the same way on directive F1 and activated on its own.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import time
import warnings
from collections import Counter
from pathlib import Path

from annotator.core.progress import NullProgress
from annotator.nlp.resources import DIRECTIVE_POINTER
from annotator.nlp.training_data import (
    DIRECTIVE,
    TrainingDoc,
    directive_sentences,
    label_sources,
    read_conll,
    reviewed_docs,
    seed_docs,
    sentence_bounds,
    shipped_training_docs,
    sequences,
)

__all__ = ["LearnOptions", "LearnReport", "train_from_corpus", "corpus_pipeline", "scheme_of",
           "MIN_JUDGE_DOCS", "DIRECTIVE_POINTER"]

RULE_LABELS = ("PER", "ORG", "LOC", "MISC")
#: fewer judged documents than this: the report says the evidence is thin and the stricter rule applies
MIN_JUDGE_DOCS = 5
#: cross-validation folds at most
FOLDS = 5
#: the part of CoNLL sentences held out for judging
CONLL_HELD_OUT = 0.2
#: how many times a reviewed document counts by default (entity model), and at most for directives
REVIEWED_WEIGHT = 5
DIRECTIVE_WEIGHT = 3
#: training refuses to run with fewer sentences that contain an entity
MIN_ENTITY_SENTENCES = 20


class LearnOptions:
    def __init__(self, conll=(), activate: str = "if-better", seed: int = 13, no_seed: bool = False,
                 reviewed_weight: int = REVIEWED_WEIGHT, new_labels: str = "refuse", folds: int = FOLDS,
                 max_iterations: int | None = None):
        self.conll = list(conll or ())
        self.activate = activate
        self.seed = seed
        self.no_seed = no_seed
        self.reviewed_weight = max(1, int(reviewed_weight))
        self.new_labels = new_labels
        self.folds = folds
        self.max_iterations = max_iterations


class LearnReport:
    """What a run did, for the CLI, the window and the model's sidecar."""

    def __init__(self):
        self.lines: list[str] = []
        self.model_path: Path | None = None
        self.directive_path: Path | None = None
        self.activated = False
        self.directive_activated = False
        self.train_docs = 0
        self.dev_docs = 0
        self.current_name = ""
        self.new_scores: dict = {}
        self.current_scores: dict | None = None
        self.timings: dict[str, float] = {}
        self.labels_added: list[str] = []

    def summary(self) -> str:
        return "\n".join(self.lines)


# ---------------------------------------------------------------------------------- scheme


def scheme_of(corpus) -> tuple[list[str], list[str]]:
    """``(trainable entity labels, labels whose rules stay on)`` of a corpus's label scheme."""
    from annotator.core.model import LabelKind

    labels = [lab.name for lab in corpus.labels() if lab.kind != LabelKind.DIRECTIVE]
    off = {x.strip() for x in (corpus.meta("rules_off") or "").split(",") if x.strip()}
    return labels, [lab for lab in RULE_LABELS if lab in labels and lab not in off]


def corpus_pipeline(corpus_path, corpus=None, *, model_path=None, directive_path=None, memory=None):
    """The pipeline pre-annotation uses for a corpus: its active models (else the shipped one),
    the rules beside it, its label scheme, and its instant memory."""
    from annotator.core.store import Corpus
    from annotator.nlp.jobs import active_model_path, rules_dir_for
    from annotator.nlp.pipeline import Pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = Pipeline.load(model_path or active_model_path(corpus_path), rules_dir_for(corpus_path))
    own = None
    if corpus is None and corpus_path is not None and str(corpus_path) != ":memory:" and Path(corpus_path).exists():
        corpus = own = _open_for_reading(corpus_path)
    try:
        if corpus is not None:
            labels, rule_labels = scheme_of(corpus)
            pipe.labels = frozenset(labels)
            pipe.rule_labels = frozenset(rule_labels)
            if memory is None:
                from annotator.nlp.memory import Memory

                memory = Memory(corpus.memory_entries()) if hasattr(corpus, "memory_entries") else None
    finally:
        if own is not None:
            own.close()
    directive_path = directive_path or active_directive_path(corpus_path)
    if directive_path is not None:
        try:
            from annotator.nlp.directive_model import load_directive_model

            pipe.directive_model = load_directive_model(directive_path)
        except Exception:  # noqa: BLE001 - a broken directive model: the rules alone
            pipe.directive_model = None
    if memory is not None and len(memory):
        pipe.postprocessors.append(memory.postprocessor())
    return pipe


def active_directive_path(corpus_path) -> Path | None:
    """The corpus folder's active directive model if one was trained and activated, else the shipped one."""
    from annotator.nlp.jobs import models_dir_for
    from annotator.nlp.pipeline import default_directive_path

    if corpus_path is not None and str(corpus_path) != ":memory:":
        own = default_directive_path(models_dir_for(corpus_path))
        if own is not None:
            return own
    return default_directive_path()


# ---------------------------------------------------------------------------------- training


def _sequences(docs, featurizer, trainable, weights):
    X, y = [], []
    n_ent = 0
    for d in docs:
        w = weights.get(d.source.split(":")[0], 1)
        for feats, tags in sequences(d, featurizer, trainable):
            has = any(t != "O" for t in tags)
            for _ in range(w):
                X.append(feats)
                y.append(tags)
                n_ent += has
    return X, y, n_ent


def _train_entities(docs, featurizer, trainable, weights, seed, params, name, meta):
    from annotator.nlp.entities import train_crf

    X, y, n_ent = _sequences(docs, featurizer, trainable, weights)
    if n_ent < MIN_ENTITY_SENTENCES:
        raise ValueError(f"too little training data: {n_ent} sentence(s) with entities, "
                         f"at least {MIN_ENTITY_SENTENCES} needed; no model was written")
    order = list(range(len(X)))
    random.Random(seed).shuffle(order)
    X = [X[i] for i in order]
    y = [y[i] for i in order]
    return train_crf(X, y, c1=params["c1"], c2=params["c2"], max_iterations=int(params["max_iterations"]),
                     meta={**meta, "version": name, "train_sentences": len(X), "train_entity_sentences": n_ent})


def directive_examples(docs, weights):
    """``(text, bounds, toks_per, entity spans, gold flags)`` per document with labelled directives,
    repeated by the weight of its source: what :func:`train_directive_model` learns from."""
    out = []
    for d in docs:
        if not d.has_directives:
            continue
        from annotator.nlp.training_data import _token_sentences

        toks_per = _token_sentences(d)
        bounds = sentence_bounds(d)
        ents = [s for s in d.spans if s[2] != DIRECTIVE]
        ex = (d.text, bounds, toks_per, ents, directive_sentences(d))
        out.extend([ex] * weights.get(d.source.split(":")[0], 1))
    return out


def _held_out(docs, fraction, seed):
    """A fixed part of CoNLL sentences (by a seeded draw) kept out of training for judging."""
    rng = random.Random(seed)
    keep, held = [], []
    for d in docs:
        (held if rng.random() < fraction else keep).append(d)
    return keep, held


def train_from_corpus(corpus_path, conll=(), activate: str = "if-better", seed: int = 13,
                      dev_fraction: float = 0.2, progress=None, *, no_seed: bool = False,
                      reviewed_weight: int = REVIEWED_WEIGHT, new_labels: str = "refuse",
                      options: LearnOptions | None = None, corpus=None) -> LearnReport:
    """Train entity and directive models for a corpus, judge them against the active ones and
    activate them by the rule of ``activate`` (see the module docstring). Models are written to
    ``models/`` beside the corpus file. ``dev_fraction`` is the held-out part of CoNLL sentences."""
    from annotator.core.store import Corpus
    from annotator.nlp.features import FEATURE_SET_VERSION, Featurizer
    from annotator.nlp.jobs import active_model_path, models_dir_for, rules_dir_for
    from annotator.nlp.judge import Comparison, doc_counts
    from annotator.nlp.pipeline import Pipeline
    from annotator.nlp.rules import load_rules
    from annotator.nlp.train import DEFAULT_PARAMS, set_active

    opt = options or LearnOptions(conll, activate, seed, no_seed, reviewed_weight, new_labels)
    progress = progress or NullProgress()
    report = LearnReport()
    say = report.lines.append
    t_start = time.perf_counter()

    own = corpus is None
    if own:
        corpus = _open_for_reading(corpus_path)
    try:
        trainable, rule_labels = scheme_of(corpus)
        reviewed = reviewed_docs(corpus)
        memory_entries = corpus.memory_entries() if hasattr(corpus, "memory_entries") else []
    finally:
        if own:
            corpus.close()
    conll_data = read_conll(opt.conll, set(trainable), opt.new_labels) if opt.conll else None
    if conll_data is not None and conll_data.outside:
        names = ", ".join(f"{lab} ({n} spans)" for lab, n in sorted(conll_data.outside.items()))
        if opt.new_labels == "add":
            report.labels_added = sorted(conll_data.outside)
            trainable = trainable + [lab for lab in report.labels_added if lab not in trainable]
            say(f"CoNLL labels not in the corpus's scheme, learnt and added to it (--new-labels add): {names}")
        else:
            say(f"CoNLL labels not in the corpus's scheme were left out (tagged O): {names}; "
                "--new-labels add learns them")
    if report.labels_added and not _add_labels(corpus_path, report.labels_added):
        say("(the corpus is read-only: the new labels were not added to its scheme)")

    seed_train = [] if opt.no_seed else shipped_training_docs()
    seed_dev = seed_docs("dev")
    if memory_entries and seed_train:
        from annotator.nlp.memory import Memory

        seed_train, changed = Memory(memory_entries).override_seed(seed_train)
        if changed:
            say(f"instant memory overrides the seed corpus: {changed} seed span(s) relabelled or dropped")
    by_key = {d.key for d in reviewed}
    seed_train = [d for d in seed_train if d.key not in by_key]
    conll_train, conll_held = _held_out(conll_data.docs, dev_fraction or CONLL_HELD_OUT, opt.seed) \
        if conll_data else ([], [])
    weights = {"reviewed": opt.reviewed_weight}
    all_train = seed_train + reviewed + conll_train
    if not all_train:
        raise ValueError("too little training data: no seed corpus (--no-seed), no done document and no "
                         "--conll file; mark documents done or add --conll files; no model was written")

    # who taught which label
    sources = label_sources(all_train, trainable)
    say("training data:")
    if seed_train:
        say(f"  seed corpus: {len(seed_train)} documents")
    say(f"  reviewed documents: {len(reviewed)} (weight {opt.reviewed_weight}; "
        f"{min(opt.reviewed_weight, DIRECTIVE_WEIGHT)} for directives)")
    if conll_data:
        say(f"  CoNLL: {len(conll_train)} sentences for training, {len(conll_held)} held out for judging "
            f"({', '.join(Path(p).name for p in opt.conll)})")
    say("labels (spans by source; rules):")
    for lab in trainable:
        src = sources.get(lab, Counter())
        parts = ", ".join(f"{k} {v}" for k, v in sorted(src.items())) or "no examples: not learnt"
        rule = "rules on" if lab in rule_labels else ("rules off" if lab in RULE_LABELS else "no rules")
        say(f"  {lab:<10} {parts}; {rule}")
    trainable_set = [lab for lab in trainable if sources.get(lab)]
    progress.start(4 + opt.folds, "training")

    rules = load_rules(extra_dir=rules_dir_for(corpus_path))
    featurizer = Featurizer(rules)
    params = dict(DEFAULT_PARAMS)
    if opt.max_iterations:
        params["max_iterations"] = opt.max_iterations
    folder = models_dir_for(corpus_path)
    folder.mkdir(parents=True, exist_ok=True)

    # the active system and what it was trained on
    current_path = active_model_path(corpus_path)
    current_side = _sidecar(current_path)
    current_dir_path = active_directive_path(corpus_path)
    seen = set((current_side or {}).get("reviewed_keys") or [])
    judged = [d for d in reviewed if d.key not in seen]

    def system(model, dmodel):
        pipe = Pipeline(model, rules, labels=trainable, rule_labels=rule_labels, directive_model=dmodel)
        return pipe

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        current = Pipeline.load(current_path, rules_dir_for(corpus_path))
    current_dir = None
    if current_dir_path is not None:
        from annotator.nlp.directive_model import load_directive_model

        try:
            current_dir = load_directive_model(current_dir_path)
        except Exception:  # noqa: BLE001 - unusable: judge against the rules alone
            current_dir = None
    current_sys = system(current.model, current_dir)
    report.current_name = current.model_version

    # featurize everything once (timed: item 9 of the issue)
    t0 = time.perf_counter()
    for d in all_train:
        sequences(d, featurizer, trainable_set)
    report.timings["featurize"] = time.perf_counter() - t0
    progress.advance()

    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    meta = {"feature_set": FEATURE_SET_VERSION, "seed": opt.seed, "params": params,
            "created": _dt.datetime.now().isoformat(timespec="seconds")}

    # cross-validation over the judged documents
    cand_counts, act_counts = [], []
    k = min(opt.folds, len(judged))
    if k >= 2:
        order = sorted(range(len(judged)), key=lambda i: judged[i].key)
        folds = [[judged[i] for i in order[f::k]] for f in range(k)]
        for f, fold in enumerate(folds):
            progress.check()
            held = {d.key for d in fold}
            part = [d for d in all_train if d.key not in held]
            m = _train_entities(part, featurizer, trainable_set, weights, opt.seed, params, f"cv{f}", meta)
            dm = _train_directives(part, weights, rules, opt.seed)
            cand_counts += doc_counts(system(m, dm), fold, trainable)
            act_counts += doc_counts(current_sys, fold, trainable)
            progress.advance()
    elif k == 1:  # one new document: train without it
        part = [d for d in all_train if d.key != judged[0].key]
        m = _train_entities(part, featurizer, trainable_set, weights, opt.seed, params, "cv0", meta)
        dm = _train_directives(part, weights, rules, opt.seed)
        cand_counts = doc_counts(system(m, dm), judged, trainable)
        act_counts = doc_counts(current_sys, judged, trainable)

    # the candidate itself, on everything (but the CoNLL held-out part)
    t0 = time.perf_counter()
    model = _train_entities(all_train, featurizer, trainable_set, weights, opt.seed, params,
                            f"entity-{stamp}", meta)
    report.timings["crf"] = time.perf_counter() - t0
    dmodel = _train_directives(all_train, weights, rules, opt.seed)
    report.timings["train"] = report.timings["crf"] + report.timings["featurize"]
    progress.advance()
    cand_sys = system(model, dmodel)
    if conll_held:
        cand_counts += doc_counts(cand_sys, conll_held, trainable)
        act_counts += doc_counts(current_sys, conll_held, trainable)
    dev_cmp = Comparison("seed dev part", doc_counts(cand_sys, seed_dev, trainable),
                         doc_counts(current_sys, seed_dev, trainable), trainable, seed=opt.seed) if seed_dev else None
    progress.advance()

    judged_cmp = Comparison("reviewed documents new to the current model"
                            + (" (cross-validated)" if judged else "")
                            + (" + held-out CoNLL sentences" if conll_held else ""),
                            cand_counts, act_counts, trainable, seed=opt.seed) if cand_counts else None
    n_judged = len(judged) + len(conll_held)
    say(f"current model: {report.current_name}"
        + (f" + directive model {current_dir.version}" if current_dir else " + directive rules"))
    if judged_cmp is not None:
        say(judged_cmp.table())
    if dev_cmp is not None:
        say(dev_cmp.table())

    ent_ok, ent_rule = _decide(judged_cmp, dev_cmp, n_judged, "micro")
    dir_ok, dir_rule = _decide(judged_cmp, dev_cmp, n_judged, DIRECTIVE) if dmodel is not None else (False, "")
    if n_judged < MIN_JUDGE_DOCS:
        say(f"too few reviewed documents new to the current model to judge reliably ({n_judged} < "
            f"{MIN_JUDGE_DOCS}): deciding by the stricter rule")
    say(f"rule: {ent_rule}")
    report.activated = opt.activate == "always" or (opt.activate == "if-better" and ent_ok)
    report.directive_activated = dmodel is not None and (
        opt.activate == "always" or (opt.activate == "if-better" and dir_ok))

    # write the candidate (always, versioned) and maybe activate
    side = {"version": f"entity-{stamp}", "feature_set": FEATURE_SET_VERSION, "seed": opt.seed, "params": params,
            "labels": trainable_set, "reviewed_keys": sorted(d.key for d in reviewed),
            "train_documents": len(seed_train) + len(reviewed), "conll_sentences": len(conll_train),
            "judged": judged_cmp.cand if judged_cmp else None,
            "judged_current": judged_cmp.active if judged_cmp else None,
            "dev": dev_cmp.cand if dev_cmp else None, "dev_current": dev_cmp.active if dev_cmp else None,
            "seconds": {k2: round(v, 2) for k2, v in report.timings.items()}}
    path = model.save(folder / f"entity-{stamp}.crf")
    path.with_suffix(".json").write_text(json.dumps(side, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    report.model_path = path
    if report.activated:
        set_active(folder, path.name)
    if dmodel is not None:
        report.directive_path = dmodel.save(folder / f"directive-{stamp}.crf")
        if report.directive_activated:
            _point(folder / DIRECTIVE_POINTER, report.directive_path.name)
    best = judged_cmp or dev_cmp
    report.new_scores = best.cand if best else {}
    report.current_scores = best.active if best else None
    report.train_docs = len(all_train)
    report.dev_docs = n_judged if judged_cmp else (dev_cmp.documents if dev_cmp else 0)
    say(f"new model: {path} ({'now active' if report.activated else 'not activated'})")
    if dmodel is not None:
        say(f"new directive model: {report.directive_path.name} "
            f"({'now active' if report.directive_activated else 'not activated'}; {dir_rule})")
    else:
        say("directive model: no reviewed document to learn from; the rules stay")
    say(f"time: featurizing {report.timings['featurize']:.1f} s, CRF {report.timings['crf']:.1f} s, "
        f"whole run {time.perf_counter() - t_start:.1f} s")
    progress.advance()
    progress.finish()
    return report


def _train_directives(docs, weights, rules, seed):
    """The directive classifier learns from the seed and the reviewed documents, once there is a
    reviewed one (before, the rules tuned on the seed are all there is to know). A reviewed document
    counts at most :data:`DIRECTIVE_WEIGHT` times: one example per sentence, and repeated more it
    follows a few documents too closely (bench/learning.py)."""
    from annotator.nlp.directive_model import train_directive_model

    if not any(d.source == "reviewed" for d in docs):
        return None
    weights = {k: min(v, DIRECTIVE_WEIGHT) for k, v in weights.items()}
    return train_directive_model(directive_examples(docs, weights), rules=rules, seed=seed)


def _decide(judged, dev, n_judged: int, label: str) -> tuple[bool, str]:
    """Whether the candidate may become active, and the rule that decided, in words."""
    name = "directive F1" if label == DIRECTIVE else "entity micro-F1"
    has = (lambda c: c is not None and label in c.cand and label in c.active)
    if has(judged) and n_judged >= MIN_JUDGE_DOCS:
        ok = judged.not_worse(label) and (not has(dev) or dev.not_worse_beyond_noise(label))
        return ok, (f"activate when {name} is not worse on the judged documents (Δ {judged.delta(label):+.3f} >= 0) "
                    f"and not worse beyond noise on the seed dev part"
                    + (f" (interval reaches {dev.intervals[label][1]:+.3f} >= 0)" if has(dev) else "")
                    + f": {'yes' if ok else 'no'}")
    checks = []
    ok = True
    for cmp_ in (dev, judged):
        if has(cmp_):
            checks.append(f"Δ {cmp_.delta(label):+.3f} on the {cmp_.name.split(' (')[0]}")
            ok = ok and cmp_.not_worse(label)
    if not checks:
        return False, f"nothing to judge {name} on: not activated"
    return ok, f"activate when {name} is not worse on both the seed dev part and the reviewed documents " \
               f"({'; '.join(checks)}): {'yes' if ok else 'no'}"


def _open_for_reading(corpus_path):
    """The corpus read-only (a window may be writing it); one still to be upgraded is opened
    for writing once, so the upgrade runs."""
    from annotator.core.store import Corpus, CorpusError

    try:
        return Corpus(corpus_path, read_only=True, create=False)
    except CorpusError as exc:
        if exc.kind != "read_only":
            raise
        return Corpus(corpus_path, create=False)


def _sidecar(model_path) -> dict | None:
    if model_path is None:
        return None
    side = Path(model_path).with_suffix(".json")
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _point(pointer: Path, name: str) -> None:
    tmp = pointer.with_name(pointer.name + ".tmp")
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, pointer)


def _add_labels(corpus_path, labels) -> bool:
    from annotator.core.store import Corpus, CorpusError

    try:
        with Corpus(corpus_path) as corpus:
            for lab in labels:
                corpus.ensure_label(lab)
        return True
    except CorpusError:
        return False


def docs_from_examples(examples, source: str = "reviewed") -> list[TrainingDoc]:
    """``(text, spans)`` pairs as training documents (benchmarks, tests)."""
    return [TrainingDoc(source, text, [tuple(s[:3]) for s in spans]) for text, spans in examples]


# ---------------------------------------------------------------------------------- in the background


class _QueueProgress:
    """Progress sent to the window through a queue; a set event cancels."""

    def __init__(self, out, cancel=None):
        self.out = out
        self.cancel_event = cancel
        self.total = 0
        self.done = 0

    def start(self, total: int, what: str = "") -> None:
        self.total, self.done = total, 0
        self.out.put(("progress", 0, total))

    def advance(self, n: int = 1) -> None:
        self.done += n
        self.out.put(("progress", self.done, self.total))
        self.check()

    def check(self) -> None:
        if self.cancel_event is not None and self.cancel_event.is_set():
            from annotator.core.progress import Cancelled

            raise Cancelled()

    def finish(self) -> None:
        pass


def active_score(corpus_path) -> tuple[str, float | None]:
    """Name of the active entity model and its judged entity micro-F1 (None if unknown)."""
    from annotator.nlp.jobs import active_model_path

    path = active_model_path(corpus_path)
    if path is None:
        return "rules", None
    side = _sidecar(path) or {}
    for key in ("judged", "dev"):
        part = side.get(key)
        if isinstance(part, dict) and isinstance(part.get("micro"), dict):
            return path.stem, part["micro"].get("f1")
    return path.stem, None


def learn_in_background(corpus_path: str, out, refresh: bool = True, options: dict | None = None) -> None:
    """Process entry point of the window's learning: train and judge (messages ``progress``,
    ``report``), then, when a model was activated (or ``refresh``), new suggestions for every
    unreviewed document (``doc`` messages) for the window to store; ``done`` or ``error`` last.
    Reads the corpus only: the window is its one writer."""
    from annotator.core.model import Status
    from annotator.core.store import DocumentFilter
    from annotator.nlp.jobs import to_spans

    warnings.simplefilter("ignore")
    try:
        report = train_from_corpus(corpus_path, progress=_QueueProgress(out), **(options or {}))
        name, f1 = active_score(corpus_path)
        changed = report.activated or report.directive_activated
        out.put(("report", report.summary(), bool(changed), name, f1))
        if changed or refresh:
            pipe = corpus_pipeline(corpus_path)
            with _open_for_reading(corpus_path) as corpus:
                ids = corpus.document_ids(DocumentFilter(status=[Status.NEW, Status.IN_PROGRESS]))
                out.put(("refresh", len(ids)))
                for doc_id in ids:
                    text = corpus.document(doc_id, with_spans=False).text
                    spans, relations = to_spans(pipe.annotate(text))
                    out.put(("doc", doc_id, spans, relations))
        out.put(("done",))
    except BaseException as exc:  # noqa: BLE001 - said in the window, never a traceback
        out.put(("error", str(exc) or type(exc).__name__))
