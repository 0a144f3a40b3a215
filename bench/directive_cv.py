"""k-fold cross-validation of the learnt directive classifier on the seed training part.

    .venv/bin/python bench/directive_cv.py [--part resources/seed/train] [--folds 5]

The rules learn nothing, so their errors on train are honest; the directive CRF
(:mod:`annotator.nlp.directive_model`) does learn, so it is judged on the fold it did not see.
Prints sentence-level P/R/F1 of the rules alone and of the rules revised by the CRF, summed over
the folds. Tune only on train and dev parts, never on a held-out part.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.core.markup import parse_markup  # noqa: E402
from annotator.nlp.directive_model import train_directive_model  # noqa: E402
from annotator.nlp.directives import DirectiveDetector  # noqa: E402
from annotator.nlp.rules import load_rules  # noqa: E402
from annotator.nlp.text import segment_spans, sentences  # noqa: E402


def _example(path: Path):
    text, spans = parse_markup(path.read_text(encoding="utf-8"))
    bounds = [(s.start, s.end) for s in sentences(text)]
    toks_per = segment_spans(text, bounds)
    ents = [(s.start, s.end, s.label) for s in spans if s.label != "DIRECTIVE"]
    gold = {(s.start, s.end) for s in spans if s.label == "DIRECTIVE"}
    # a sentence is a directive when a gold span covers it, or covers most of it (a lead's dateline
    # "Cần Thơ – " stays outside the directive)
    flags = [any(max(a, s) < min(b, e) and (min(b, e) - max(a, s)) * 2 > (e - s) for a, b in gold)
             for s, e in bounds]
    return text, bounds, toks_per, ents, flags


def _count(pred: list[bool], gold: list[bool], c: list[int]) -> None:
    for p, g in zip(pred, gold):
        c[0] += p and g
        c[1] += p and not g
        c[2] += g and not p


def _prf(c) -> str:
    p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
    r = c[0] / (c[0] + c[2]) if c[0] + c[2] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {c[0]} fp {c[1]} fn {c[2]})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", type=Path, default=ROOT / "resources" / "seed" / "train")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    rules = load_rules()
    detector = DirectiveDetector(rules)
    examples = [_example(p) for p in sorted(args.part.glob("*.txt"))]
    rules_c, model_c = [0, 0, 0], [0, 0, 0]
    for k in range(args.folds):
        test = examples[k::args.folds]
        train = [x for i, x in enumerate(examples) if i % args.folds != k and any(x[4])]
        model = train_directive_model(train, rules=rules)
        for text, bounds, toks_per, ents, gold in test:
            hits = detector.detect(text, bounds, toks_per, ents)
            by_rules = [False] * len(bounds)
            for h in hits:
                by_rules[h.sentence_index] = True
            _count(by_rules, gold, rules_c)
            revised = model.revise(text, bounds, toks_per, None, hits, ents) if model else hits
            by_model = [False] * len(bounds)
            for h in revised:
                by_model[h.sentence_index] = True
            _count(by_model, gold, model_c)
    print(f"{args.part} ({len(examples)} articles, {args.folds} folds)")
    print(f"  rules alone      {_prf(rules_c)}")
    print(f"  rules + CRF      {_prf(model_c)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
