"""Learning curve (issue 13): does reviewing make the next suggestions better, never worse?

    .venv/bin/python bench/learning.py [--data bench/data/learning] [--steps 0,5,10,15] [--speed]

The articles (courts and health news, a kind the shipped model was not built from) are split
by number: the first half is reviewed in order, the second half is the fixed evaluation half.
After 0, 5, 10 and 15 reviewed documents, four systems pre-annotate the evaluation half:

* shipped    the shipped model and rules, as installed;
* memory     the shipped engine plus the instant memory a reviewer's decisions taught (every
             accepted or created entity string with its label; every machine suggestion with no
             gold span under it rejected), applied as pre-annotation applies it;
* retrain    ``annotator train`` with the defaults after each step (seed + reviewed documents,
             judged against the active model, activated only when not worse), no memory;
* both       the active model of "retrain" plus the memory.

Printed per system and step: entity micro-F1 (PER/ORG/LOC/MISC, exact spans), directive F1
(sentences) and review actions per article (relabel or resize 1, create 2, delete 1, plus 1 per
article: :mod:`annotator.nlp.review_cost`). ``--speed`` also times training on 5,000 sentences.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from annotator.core.markup import parse_markup  # noqa: E402
from annotator.core.model import Document, Span, Status  # noqa: E402
from annotator.core.store import Corpus  # noqa: E402
from annotator.nlp.learner import corpus_pipeline, train_from_corpus  # noqa: E402
from annotator.nlp.memory import Memory  # noqa: E402
from annotator.nlp.train import evaluate  # noqa: E402

ENTITY = ("PER", "ORG", "LOC", "MISC")


def load(folder: Path):
    out = []
    for path in sorted(folder.glob("[0-9]*.txt")):
        text, spans = parse_markup(path.read_text(encoding="utf-8"))
        out.append((path.name, text, [(s.start, s.end, s.label) for s in spans]))
    return out


def review_cost(system, docs) -> float:
    try:
        from annotator.nlp.review_cost import ReviewCost, review_actions
    except ImportError:  # pragma: no cover - before the cost model landed
        return float("nan")
    total = ReviewCost()
    for _name, text, gold in docs:
        pred = [(s.start, s.end, s.label) for s in system.annotate(text).spans]
        total += review_actions(gold, pred)
    return total.per_article()


def score(system, docs) -> tuple[float, float, float]:
    rep = evaluate(system, [(text, gold) for _n, text, gold in docs])
    return rep["micro"]["f1"], rep["DIRECTIVE"]["f1"], review_cost(system, docs)


def teach_from(memory_rows: list, shipped, text: str, gold) -> None:
    """What a reviewer's work on one document teaches the memory (see the module docstring)."""
    for a, b, lab in gold:
        if lab in ENTITY:
            memory_rows.append((text[a:b], lab, "+"))
    for s in shipped.annotate(text).spans:
        if s.label in ENTITY and not any(g[0] < s.end and s.start < g[1] for g in gold):
            memory_rows.append((text[s.start:s.end], s.label, "-"))


def memory_of(rows) -> Memory:
    """Rows replayed in order, as the corpus keeps them: one verdict per string and label, counted."""
    kept: dict[tuple[str, str], list] = {}
    for surface, label, verdict in rows:
        cur = kept.get((surface, label))
        if cur is None or cur[0] != verdict:
            kept[(surface, label)] = [verdict, 1]
        else:
            cur[1] += 1
    return Memory([(s, lab, v, c) for (s, lab), (v, c) in kept.items()])


def with_memory(pipe, memory):
    pipe.postprocessors = [memory.postprocessor()] if len(memory) else []
    return pipe


def curve(docs, steps, show_report: bool, weight: int = 5, retrain_at_zero: bool = False):
    half = len(docs) // 2
    pool, held = docs[:half], docs[half:]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        db = Path(tmp) / "corpus.db"
        Corpus(db).close()
        shipped = corpus_pipeline(None)
        base = score(shipped, held)
        memory_rows: list = []
        reviewed = 0
        report_text = ""
        for n in steps:
            with Corpus(db) as corpus:
                while reviewed < n:
                    name, text, gold = pool[reviewed]
                    corpus.add_document(Document(text=text, title=name, status=Status.DONE,
                                                 spans=[Span(a, b, lab) for a, b, lab in gold]))
                    teach_from(memory_rows, shipped, text, gold)
                    reviewed += 1
            memory = memory_of(memory_rows)
            got = {"shipped": base}
            got["memory"] = score(with_memory(corpus_pipeline(None, memory=Memory()), memory), held) if n else base
            if n or retrain_at_zero:
                t0 = time.perf_counter()
                report = train_from_corpus(db, reviewed_weight=weight)
                report_text = report.summary()
                seconds = time.perf_counter() - t0
                retrained = corpus_pipeline(db, memory=Memory())
                got["retrain"] = score(retrained, held)
                got["both"] = score(with_memory(retrained, memory), held)
                got["_"] = (report.activated, report.directive_activated, seconds)
            else:
                got["retrain"] = got["both"] = base
            rows.append((n, got))
            print(f"  step {n:>2}: " + "  ".join(f"{k} {v[0]:.3f}/{v[1]:.3f}/{v[2]:.2f}"
                                                for k, v in got.items() if k != "_"), file=sys.stderr)
        if show_report and report_text:
            print("training report of the last run:")
            print(report_text)
            print()
    return rows, len(held), len(pool)


def table(rows, n_held) -> str:
    lines = [f"evaluation half: {n_held} articles; cells: entity micro-F1 / directive F1 / review actions per article",
             f"{'reviewed':>8}  {'shipped':>20}  {'memory only':>20}  {'retraining only':>20}  {'both':>20}  activated"]
    for n, got in rows:
        cells = []
        for key in ("shipped", "memory", "retrain", "both"):
            e, d, a = got[key]
            cells.append(f"{e:.3f} / {d:.3f} / {a:5.2f}")
        act = got.get("_")
        note = "" if act is None else (f"entity {'yes' if act[0] else 'no'}, directive {'yes' if act[1] else 'no'}"
                                       f" ({act[2]:.0f} s)")
        lines.append(f"{n:>8}  " + "  ".join(f"{c:>20}" for c in cells) + f"  {note}")
    return "\n".join(lines)


def speed(n_sentences: int = 5000) -> str:
    """Featurizing and CRF time for ``n_sentences`` sentences of our own labelled text (the seed
    corpus and the learning articles, repeated to reach the size), one run each way."""
    from annotator.nlp.entities import train_crf
    from annotator.nlp.features import Featurizer
    from annotator.nlp.resources import seed_dir
    from annotator.nlp.rules import load_rules
    from annotator.nlp.train import DEFAULT_PARAMS
    from annotator.nlp.training_data import TrainingDoc, sequences

    docs = []
    for folder in [seed_dir() / p for p in ("train", "dev", "test", "test2")] + [ROOT / "bench" / "data" / "learning"]:
        for path in sorted(folder.glob("[0-9]*.txt")):
            text, spans = parse_markup(path.read_text(encoding="utf-8"))
            docs.append((text, [(s.start, s.end, s.label) for s in spans]))
    featurizer = Featurizer(load_rules())
    t0, c0 = time.perf_counter(), time.process_time()
    X, y = [], []
    rounds = 0
    while len(X) < n_sentences:
        for text, spans in docs:  # a fresh document object each round: nothing cached
            for f, t in sequences(TrainingDoc("seed", text, spans), featurizer, ENTITY):
                X.append(f)
                y.append(t)
        rounds += 1
    X, y = X[:n_sentences], y[:n_sentences]
    feat, feat_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    train_crf(X, y, c1=DEFAULT_PARAMS["c1"], c2=DEFAULT_PARAMS["c2"], max_iterations=DEFAULT_PARAMS["max_iterations"])
    crf, crf_cpu = time.perf_counter() - t0, time.process_time() - c0
    try:
        load = " (load average %.1f on %d cores)" % (os.getloadavg()[0], os.cpu_count() or 1)
    except OSError:  # pragma: no cover - not on this system
        load = ""
    return (f"training on {n_sentences} sentences ({len(docs)} distinct articles, {rounds} passes, segmentation "
            f"included){load}:\n  wall: featurizing {feat:.1f} s, CRF {crf:.1f} s, total {feat + crf:.1f} s\n"
            f"  CPU:  featurizing {feat_cpu:.1f} s, CRF {crf_cpu:.1f} s, total {feat_cpu + crf_cpu:.1f} s "
            f"(featurizing is {feat_cpu / crf_cpu:.0%} of the CRF's time)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "learning")
    ap.add_argument("--steps", default="0,5,10,15")
    ap.add_argument("--speed", action="store_true", help="also time training on 5,000 sentences")
    ap.add_argument("--weight", type=int, default=5, help="reviewed documents' weight (train's default 5)")
    ap.add_argument("--no-report", action="store_true", help="do not print the last training report")
    ap.add_argument("--retrain-at-zero", action="store_true",
                    help="also retrain with no reviewed document (what the seed corpus alone gives)")
    args = ap.parse_args(argv)
    docs = load(args.data)
    if len(docs) < 8:
        print(f"bench/learning.py: only {len(docs)} articles in {args.data}", file=sys.stderr)
        return 1
    steps = [int(x) for x in args.steps.split(",")]
    rows, n_held, n_pool = curve(docs, steps, not args.no_report, args.weight, args.retrain_at_zero)
    print(table(rows, n_held))
    if args.speed:
        print(speed())
    return 0


if __name__ == "__main__":
    sys.exit(main())
