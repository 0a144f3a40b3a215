"""Reproducibly train the shipped entity model from ``resources/seed/train``.

    python -m annotator.nlp.build_shipped [--out DIR] [--no-activate]

Fixed seed and parameters; the model is written to ``resources/models/`` as
``entity-<timestamp>.crf`` (+ ``.json`` metrics sidecar), the ``active`` pointer is updated, older
shipped models are removed (``--keep-old`` keeps them), and the dev metrics
(``resources/seed/dev``) are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.nlp.resources import models_dir, seed_dir
from annotator.nlp.train import DEFAULT_PARAMS, format_report, load_examples, set_active, train_entity_model

SHIPPED_SEED = 13
SHIPPED_PARAMS = dict(DEFAULT_PARAMS)


def build(out_dir: Path | None = None, activate: bool = True, keep_old: bool = False) -> tuple[Path, dict]:
    out_dir = Path(out_dir) if out_dir else models_dir()
    train = load_examples(seed_dir() / "train")
    dev = load_examples(seed_dir() / "dev")
    path, report = train_entity_model(train, dev or None, seed=SHIPPED_SEED, out_dir=out_dir,
                                      params=SHIPPED_PARAMS)
    if activate:
        set_active(out_dir, path.name)
        if not keep_old:
            for old in out_dir.glob("entity-*.crf"):
                if old != path:
                    old.unlink()
                    side = old.with_suffix(".json")
                    if side.exists():
                        side.unlink()
    return path, report


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
