"""Pre-highlight quality on held-out parts: per label, per section, review actions, beside underthesea.

    .venv/bin/python bench/quality.py                        # the parts still held out (measure once)
    .venv/bin/python bench/quality.py --part resources/seed/dev --errors 20     # while tuning
    .venv/bin/python bench/quality.py --part DIR [--part DIR …] [--model PATH] [--no-underthesea] [--json OUT]

Entities are scored by exact span match; DIRECTIVE at sentence level (see
annotator.nlp.train.evaluate). Review actions per article use the product's cost model
(annotator.nlp.review_cost: relabel or resize 1, create 2, delete 1, plus 1 per article), beside
labelling from scratch. underthesea.ner() (deep=False, offline) tags words B-/I-PER, ORG, LOC, MISC;
its words are mapped back to character offsets through the same tokenizer, and its review cost
assumes the same directive suggestions as ours (it has none of its own). A part's ``SECTIONS.tsv``
(``file<TAB>section``) gives the per-section table.
Targets: entity micro-F1 >= 0.90, directive F1 >= 0.95, at most 6 review actions per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.core.markup import parse_markup  # noqa: E402
from annotator.nlp.entities import decode_bio  # noqa: E402
from annotator.nlp.pipeline import Pipeline  # noqa: E402
from annotator.nlp.review_cost import ReviewCost, review_actions  # noqa: E402
from annotator.core.segmentation import sentences, syllables  # noqa: E402
from annotator.nlp.train import evaluate, format_report  # noqa: E402

TARGETS = {"micro": 0.90, "DIRECTIVE": 0.95}
MAX_ACTIONS = 6.0
DEFAULT_PARTS = tuple(ROOT / "resources" / "seed" / part for part in ("test", "test6", "test7", "test8"))


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


def load_part(folder: Path) -> list[dict]:
    """The part's articles: name, section, text, gold spans."""
    sections = {}
    tsv = folder / "SECTIONS.tsv"
    if tsv.is_file():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                name, section = line.split("\t", 1)
                sections[name.strip()] = section.strip()
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text, spans = parse_markup(path.read_text(encoding="utf-8"))
        docs.append({"name": path.name, "section": sections.get(path.name, "-"), "text": text,
                     "gold": [(s.start, s.end, s.label) for s in spans]})
    return docs


def _cached(predictions: dict[str, list]):
    return lambda text: predictions[text]


def _cost(docs, predictions) -> ReviewCost:
    total = ReviewCost()
    for d in docs:
        total += review_actions(d["gold"], predictions[d["text"]])
    return total


def measure_part(folder: Path, pipe: Pipeline, with_underthesea: bool, n_errors: int) -> dict:
    docs = load_part(folder)
    if not docs:
        print(f"no articles in {folder}")
        return {}
    t0 = time.perf_counter()
    ours = {d["text"]: [(s.start, s.end, s.label) for s in pipe.annotate(d["text"]).spans] for d in docs}
    seconds = time.perf_counter() - t0
    examples = [(d["text"], d["gold"]) for d in docs]
    errors: list = []
    report = evaluate(_cached(ours), examples, errors=errors)
    cost = _cost(docs, ours)
    scratch = _cost(docs, {d["text"]: [] for d in docs})
    words = sum(len(d["text"].split()) for d in docs)
    print(f"\n=== {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: "
          f"{len(docs)} articles, {words} words")
    version = pipe.model_version + (f" + {pipe.directive_model.version}" if pipe.directive_model is not None else "")
    print(format_report(report, f"annotator pipeline (model {version}), {seconds:.2f} s"))
    print(f"review actions per article: {cost.per_article():.1f} (relabel {cost.relabel}, resize {cost.resize}, "
          f"delete {cost.delete}, create {cost.create}); from scratch {scratch.per_article():.1f}")
    result = {"articles": len(docs), "annotator": report, "actions_per_article": round(cost.per_article(), 2),
              "scratch_actions_per_article": round(scratch.per_article(), 2)}
    if with_underthesea:
        t0 = time.perf_counter()
        theirs = {d["text"]: underthesea_spans(d["text"]) for d in docs}
        seconds = time.perf_counter() - t0
        uts = evaluate(_cached(theirs), examples)
        uts.pop("DIRECTIVE", None)
        # same directive suggestions as ours: the difference is the entities alone
        with_dirs = {t: theirs[t] + [s for s in ours[t] if s[2] == "DIRECTIVE"] for t in theirs}
        ucost = _cost(docs, with_dirs)
        print(format_report(uts, f"underthesea.ner() (deep=False), {seconds:.2f} s"))
        print(f"review actions per article with underthesea's entities: {ucost.per_article():.1f}")
        result["underthesea"] = uts
        result["underthesea_actions_per_article"] = round(ucost.per_article(), 2)
    # per section
    by_section = defaultdict(list)
    for d in docs:
        by_section[d["section"]].append(d)
    if len(by_section) > 1:
        print(f"\n{'section':<12} {'docs':>4} {'ent F1':>7} {'dir F1':>7} {'actions':>8}")
        result["sections"] = {}
        for section, part in sorted(by_section.items()):
            rep = evaluate(_cached(ours), [(d["text"], d["gold"]) for d in part])
            c = _cost(part, ours)
            print(f"{section:<12} {len(part):>4} {rep['micro']['f1']:7.3f} {rep['DIRECTIVE']['f1']:7.3f} "
                  f"{c.per_article():8.1f}")
            result["sections"][section] = {"docs": len(part), "entity_f1": rep["micro"]["f1"],
                                           "directive_f1": rep["DIRECTIVE"]["f1"],
                                           "actions_per_article": round(c.per_article(), 2)}
    if n_errors:
        rank = {"DIRECTIVE": 0, "ORG": 1, "LOC": 2, "PER": 3, "MISC": 4}
        errors.sort(key=lambda e: (rank.get(e[1], 9), e[3], e[4]))
        print(f"\nfirst {n_errors} errors (kind, label, article, text):")
        for kind, label, snippet, doc, _a, _b in errors[:n_errors]:
            snippet = snippet if len(snippet) < 110 else snippet[:107] + "..."
            print(f"  {kind} {label:<9} {docs[doc]['name'][:28]:<28} {snippet!r}")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", type=Path, action="append", default=None,
                    help="a folder of labelled articles (repeatable; default: the old and new test parts)")
    ap.add_argument("--dev", type=Path, default=None, help=argparse.SUPPRESS)  # older spelling of --part
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print the N first errors of each part (0: none)")
    ap.add_argument("--no-underthesea", action="store_true")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    parts = args.part or ([args.dev] if args.dev else list(DEFAULT_PARTS))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = Pipeline.load(args.model)
    results = {"model_version": pipe.model_version}
    ok = True
    for folder in parts:
        got = measure_part(folder.resolve(), pipe, not args.no_underthesea, args.errors)
        if not got:
            continue
        results[str(folder)] = got
        checks = [(f"{key} F1", got["annotator"][key]["f1"], target, got["annotator"][key]["f1"] >= target)
                  for key, target in TARGETS.items()]
        checks.append(("actions/article", got["actions_per_article"], MAX_ACTIONS,
                       got["actions_per_article"] <= MAX_ACTIONS))
        print("targets: " + ", ".join(f"{name} {value:.3f} ({'ok' if passed else 'MISSED'} {target})"
                                      for name, value, target, passed in checks))
        ok &= all(c[3] for c in checks)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
