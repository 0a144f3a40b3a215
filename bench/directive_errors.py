"""Directive errors of the rules alone on seed parts you may tune on (train, dev, new articles).

    .venv/bin/python bench/directive_errors.py resources/seed/train resources/seed/dev [--only 4]

Prints directive sentence P/R/F per part and every false positive / negative with its article, so a
rule change can be checked against all the tuning data at once (the rules learn nothing from train,
so train is as fair a check for them as dev). Never point it at a held-out part.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.core.markup import parse_markup  # noqa: E402
from annotator.nlp.pipeline import Pipeline  # noqa: E402
from annotator.nlp.train import evaluate  # noqa: E402

HELD_OUT = ("test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "learning")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="+", type=Path)
    ap.add_argument("--only", default="", help="only articles whose file name starts with this")
    args = ap.parse_args(argv)
    pipe = Pipeline.load()
    for part in args.parts:
        if part.name in HELD_OUT:
            print(f"{part}: a held-out part, skipped")
            continue
        paths = [p for p in sorted(part.glob("*.txt")) if p.name.startswith(args.only)]
        examples = [parse_markup(p.read_text(encoding="utf-8")) for p in paths]
        errors: list = []
        report = evaluate(pipe, examples, errors=errors)
        d = report["DIRECTIVE"]
        print(f"=== {part} ({len(paths)} articles): DIRECTIVE P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} (tp {d['tp']} fp {d['fp']} fn {d['fn']})")
        for kind, label, piece, di, _s, _e in errors:
            if label == "DIRECTIVE":
                print(f"  {kind} {paths[di].name[:34]:34} {piece[:150]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
