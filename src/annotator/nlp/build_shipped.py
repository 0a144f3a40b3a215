"""Reproducibly train the shipped models from the seed corpus.

    python -m annotator.nlp.build_shipped [--out DIR] [--no-activate]

They learn from ``resources/seed/train`` and the retired test parts
(:data:`annotator.nlp.training_data.RETIRED_PARTS`, without the learning bench's sections).
Fixed seed and parameters. The entity model is written to ``resources/models/`` as
``entity-<timestamp>.crf`` (+ ``.json`` metrics sidecar), the directive sentence model, which revises
the directive rules' hits, as ``directive-<timestamp>.crf``; the ``active`` and ``active-directive``
pointers are updated, older shipped models are removed (``--keep-old`` keeps them), and the dev
metrics (``resources/seed/dev``) are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.nlp.resources import DIRECTIVE_POINTER, models_dir, seed_dir
from annotator.nlp.train import DEFAULT_PARAMS, format_report, load_examples, set_active, train_entity_model
from annotator.nlp.training_data import shipped_training_docs, shipped_training_examples

SHIPPED_SEED = 13
SHIPPED_PARAMS = dict(DEFAULT_PARAMS)


def build(out_dir: Path | None = None, activate: bool = True, keep_old: bool = False) -> tuple[Path, dict]:
    out_dir = Path(out_dir) if out_dir else models_dir()
    train = shipped_training_examples()
    dev = load_examples(seed_dir() / "dev")
    path, report = train_entity_model(train, dev or None, seed=SHIPPED_SEED, out_dir=out_dir,
                                      params=SHIPPED_PARAMS)
    directive_path, report["directive_dev"] = _build_directive_model(path, dev, out_dir)
    report["directive_model"] = directive_path.name
    if activate:
        set_active(out_dir, path.name)
        (out_dir / DIRECTIVE_POINTER).write_text(directive_path.name + "\n", encoding="utf-8")
        if not keep_old:
            for kind, keep in (("entity", path), ("directive", directive_path)):
                for old in out_dir.glob(f"{kind}-*.crf"):
                    if old != keep:
                        old.unlink()
                        side = old.with_suffix(".json")
                        if side.exists():
                            side.unlink()
    return path, report


def _build_directive_model(entity_path: Path, dev, out_dir: Path) -> tuple[Path, dict | None]:
    """The directive sentence model, trained over the rules' verdicts on the same documents, and its
    dev figures with the new entity model (entities feed the directive features)."""
    import json

    from annotator.nlp.directive_model import train_directive_model
    from annotator.nlp.entities import load_model
    from annotator.nlp.learner import directive_examples
    from annotator.nlp.pipeline import Pipeline
    from annotator.nlp.rules import load_rules
    from annotator.nlp.train import evaluate

    rules = load_rules()
    docs = shipped_training_docs()
    name = entity_path.stem.replace("entity-", "directive-", 1)
    model = train_directive_model(directive_examples(docs, {}), rules=rules, seed=SHIPPED_SEED, name=name)
    path = model.save(out_dir / f"{name}.crf")
    dev_report = evaluate(Pipeline(load_model(entity_path), rules, directive_model=model), dev) if dev else None
    side = {"version": name, "train_documents": len(docs), "seed": SHIPPED_SEED,
            "dev": dev_report and dev_report.get("DIRECTIVE")}
    path.with_suffix(".json").write_text(json.dumps(side, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path, dev_report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m annotator.nlp.build_shipped", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="models folder (default: resources/models)")
    ap.add_argument("--no-activate", action="store_true", help="do not update the active pointer")
    ap.add_argument("--keep-old", action="store_true", help="keep older models in the folder")
    args = ap.parse_args(argv)
    path, report = build(args.out, activate=not args.no_activate, keep_old=args.keep_old)
    print(f"model: {path}")
    print(f"train: {report['train_documents']} documents, {report['train_sentences']} sentences "
          f"({report['train_entity_sentences']} with entities), {report['train_seconds']} s")
    if "dev" in report:
        print(format_report(report["dev"], f"dev ({report['dev']['documents']} documents):"))
    print(f"directive model: {report['directive_model']}")
    if report.get("directive_dev"):
        d = report["directive_dev"]["DIRECTIVE"]
        print(f"dev directive F1 with it: {d['f1']:.3f} (P {d['precision']:.3f}, R {d['recall']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
