"""K-fold cross-validation of the entity pipeline on the seed training part (tuning aid).

    .venv/bin/python bench/cv_entities.py [--folds 5] [--part resources/seed/train] [--errors N]

Each fold trains the CRF (shipped parameters) on the other folds and scores the full pipeline
(CRF + rules + hygiene) on its own articles, so rule changes are judged on text the model did
not learn from, without touching the held-out test parts or overfitting dev.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.nlp.entities import train_crf  # noqa: E402
from annotator.nlp.features import Featurizer  # noqa: E402
from annotator.nlp.pipeline import Pipeline  # noqa: E402
from annotator.nlp.rules import load_rules  # noqa: E402
from annotator.nlp.train import DEFAULT_PARAMS, evaluate, examples_to_sequences, format_report, load_examples  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--part", type=Path, default=ROOT / "resources" / "seed" / "train")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    paths = sorted(args.part.glob("*.txt"))
    examples = load_examples(args.part)
    rules = load_rules()
    feats = Featurizer(rules)
    totals: dict[str, list[int]] = {}
    errors: list = []
    for k in range(args.folds):
        test_idx = [i for i in range(len(examples)) if i % args.folds == k]
        train = [ex for i, ex in enumerate(examples) if i % args.folds != k]
        X, y, _n = examples_to_sequences(train, feats)
        p = DEFAULT_PARAMS
        model = train_crf(X, y, c1=p["c1"], c2=p["c2"], max_iterations=int(p["max_iterations"]),
                          meta={"version": f"cv{k}"})
        pipe = Pipeline(model, rules)
        errs: list = []
        rep = evaluate(pipe, [examples[i] for i in test_idx], errors=errs)
        for kind, lab, txt, di, _s, _e in errs:
            errors.append((kind, lab, paths[test_idx[di]].name[:28], txt))
        for lab, r in rep.items():
            if isinstance(r, dict):
                t = totals.setdefault(lab, [0, 0, 0])
                t[0] += r["tp"]
                t[1] += r["fp"]
                t[2] += r["fn"]
        print(f"fold {k}: micro F1 {rep['micro']['f1']:.3f}", file=sys.stderr)
    report = {}
    for lab, (tp, fp, fn) in totals.items():
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        report[lab] = {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f, 4),
                       "tp": tp, "fp": fp, "fn": fn}
    print(format_report(report, f"{args.folds}-fold CV on {args.part} ({len(examples)} articles):"))
    for e in [e for e in errors if e[1] != "DIRECTIVE"][: args.errors]:
        print(f"  {e[0]} {e[1]:<5} {e[2]:<28} {e[3]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
