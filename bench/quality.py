"""Dev-set quality: the annotator pipeline vs underthesea.ner(), per label P/R/F1.

    PYTHONPATH=src python bench/quality.py [--dev resources/seed/dev] [--model PATH]
                                           [--errors N] [--json OUT]

Entities are scored by exact span match; DIRECTIVE at sentence level (see
annotator.nlp.train.evaluate). underthesea.ner() (deep=False, offline) tags words B-/I-PER,
ORG, LOC, MISC; its words are mapped back to character offsets through the same tokenizer.
Targets: entity micro-F1 >= 0.85, ORG F1 >= 0.80, directive F1 >= 0.93.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.nlp.entities import decode_bio  # noqa: E402
from annotator.nlp.pipeline import Pipeline  # noqa: E402
from annotator.core.segmentation import sentences, syllables  # noqa: E402
from annotator.nlp.train import evaluate, format_report, load_examples  # noqa: E402

TARGETS = {"micro": 0.85, "ORG": 0.80, "DIRECTIVE": 0.93}


def underthesea_spans(text: str) -> list[tuple[int, int, str]]:
    """underthesea.ner() entities of ``text`` as character spans (sentence by sentence)."""
    from underthesea import ner

    out = []
    for s in sentences(text):
        toks = syllables(text, s.start, s.end)
        if not toks:
            continue
        rows = ner(text[s.start:s.end])
        counts = [len(r[0].split(" ")) for r in rows]
        tags = []
        for n, r in zip(counts, rows):
            tag = r[3]
            if tag.startswith("B-"):
                tags.extend([tag] + ["I-" + tag[2:]] * (n - 1))
            else:
                tags.extend([tag] * n)
        if len(tags) != len(toks):  # could not align this sentence: skip it (counts as misses)
            continue
        for a, b, lab in decode_bio(tags):
            if lab in ("PER", "ORG", "LOC", "MISC"):
                out.append((toks[a].start, toks[b - 1].end, lab))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=ROOT / "resources" / "seed" / "dev")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--errors", type=int, default=10, help="print the N first errors (0: none)")
    ap.add_argument("--no-underthesea", action="store_true")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    dev = load_examples(args.dev)
    if not dev:
        print(f"no dev documents in {args.dev}")
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = Pipeline.load(args.model)
    errors: list = []
    t0 = time.perf_counter()
    ours = evaluate(pipe, dev, errors=errors)
    t_ours = time.perf_counter() - t0
    print(f"dev set: {len(dev)} documents ({args.dev})")
    print(format_report(ours, f"\nannotator pipeline (model {pipe.model_version}), {t_ours:.2f} s"))
    result = {"annotator": ours, "model_version": pipe.model_version}
    if not args.no_underthesea:
        t0 = time.perf_counter()
        theirs = evaluate(underthesea_spans, dev)
        t_theirs = time.perf_counter() - t0
        theirs.pop("DIRECTIVE", None)
        print(format_report(theirs, f"\nunderthesea.ner() (deep=False), {t_theirs:.2f} s"))
        result["underthesea"] = theirs
    print("\ntargets:")
    ok = True
    for key, target in TARGETS.items():
        got = ours[key]["f1"]
        status = "ok" if got >= target else "MISSED"
        ok &= got >= target
        print(f"  {key:<10} F1 {got:.3f} >= {target:.2f}  {status}")
    if args.errors:
        # worst errors: directive errors first, then boundary errors of ORG, then the rest
        rank = {"DIRECTIVE": 0, "ORG": 1, "LOC": 2, "PER": 3, "MISC": 4}
        errors.sort(key=lambda e: (rank.get(e[1], 9), e[3], e[4]))
        print(f"\nfirst {args.errors} errors (kind, label, doc, text):")
        for kind, label, snippet, doc, _a, _b in errors[: args.errors]:
            snippet = snippet if len(snippet) < 110 else snippet[:107] + "..."
            print(f"  {kind} {label:<9} doc {doc:>2}: {snippet!r}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
