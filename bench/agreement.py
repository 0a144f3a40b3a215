"""How far two annotators agree on the same articles (inter-annotator agreement).

    .venv/bin/python bench/agreement.py FIRST_DIR SECOND_DIR [--errors N] [--json OUT]

Both folders hold markup articles with the same file names and the same plain text (the second
annotator labelled a mark-free copy of the first one's articles). Agreement is scored exactly as
the engine is scored in bench/quality.py (entities by exact span, DIRECTIVE at sentence level), with
the first folder as the reference; F1 is symmetric, so the order only swaps P and R. It is the
ceiling a pre-highlighter can be expected to reach against one writer's labels: a target above it
asks the engine to agree with one annotator better than two careful annotators agree with each other.
Review actions are the product's cost model, counted from the second annotator's labels to the first's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.core.markup import parse_markup  # noqa: E402
from annotator.nlp.review_cost import ReviewCost, review_actions  # noqa: E402
from annotator.nlp.train import evaluate, format_report  # noqa: E402


class TextMismatch(ValueError):
    """The two annotators' copies of an article do not have the same plain text."""


def paired_articles(first: Path, second: Path) -> list[tuple[str, str, list, list]]:
    """(name, text, first spans, second spans) for every article both folders hold."""
    pairs = []
    for path in sorted(first.glob("*.txt")):
        other = second / path.name
        if not other.is_file():
            continue
        text_a, spans_a = parse_markup(path.read_text(encoding="utf-8"))
        text_b, spans_b = parse_markup(other.read_text(encoding="utf-8"))
        if text_a != text_b:
            raise TextMismatch(f"{path.name}: the two copies differ in their plain text")
        pairs.append((path.name, text_a, [(s.start, s.end, s.label) for s in spans_a],
                      [(s.start, s.end, s.label) for s in spans_b]))
    return pairs


def agreement(pairs) -> tuple[dict, ReviewCost, list]:
    """The report of ``evaluate`` with the first annotator as reference, the cost and the disagreements."""
    second = {text: b for _, text, _, b in pairs}
    errors: list = []
    report = evaluate(lambda text: second[text], [(text, a) for _, text, a, _ in pairs], errors=errors)
    cost = ReviewCost()
    for _, text, a, b in pairs:
        cost += review_actions(a, b)
    return report, cost, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="print the N first disagreements")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    try:
        pairs = paired_articles(args.first, args.second)
    except TextMismatch as exc:
        print(f"agreement: {exc}", file=sys.stderr)
        return 2
    if not pairs:
        print("agreement: no article is in both folders", file=sys.stderr)
        return 2
    report, cost, errors = agreement(pairs)
    print(format_report(report, f"{len(pairs)} articles: {args.second} against {args.first}"))
    print(f"review actions per article from the second annotator's labels to the first's: "
          f"{cost.per_article():.1f}")
    names = [name for name, *_ in pairs]
    for kind, label, piece, di, _start, _end in errors[:args.errors]:
        short = piece if len(piece) <= 100 else piece[:100] + "..."
        print(f"  {'only first ' if kind == 'FN' else 'only second'} {label:<9} {names[di][:26]:<26} {short!r}")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(pairs), "report": report,
                                         "actions_per_article": round(cost.per_article(), 2)},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
