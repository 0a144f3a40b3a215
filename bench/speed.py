"""Throughput: annotator Pipeline.annotate() (entities + directives) vs underthesea.ner().

    PYTHONPATH=src python bench/speed.py [--rounds 3] [--passes 3] [--texts resources/seed/dev]

Both run in this process on one core over the same texts. Warm-up: both systems process the
*training* articles once (model loading, caches), then the timed rounds run on the dev
articles, which the warm-up has not seen. Rounds interleave the two systems; the figures are
the best pass of each by CPU time of this process (robust to other programs on the machine),
with wall time alongside. underthesea.ner() takes a sentence, so it is called
once per sentence (the pipeline's sentence splitter). Syllables = word-character runs (\\w+).
Target: >= 10x underthesea.ner().
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.nlp.pipeline import Pipeline  # noqa: E402
from annotator.core.segmentation import sentences  # noqa: E402
from annotator.nlp.train import load_examples  # noqa: E402

_SYL = re.compile(r"\w+")


def count_syllables(texts) -> int:
    return sum(len(_SYL.findall(t)) for t in texts)


def _pass(fn, texts) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one pass of ``fn`` over ``texts``."""
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    for t in texts:
        fn(t)
    return time.process_time() - c0, time.perf_counter() - w0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, default=ROOT / "resources" / "seed" / "dev")
    ap.add_argument("--warmup", type=Path, default=ROOT / "resources" / "seed" / "train")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    ap.add_argument("--passes", type=int, default=3, help="pipeline passes per round")
    args = ap.parse_args(argv)

    texts = [t for t, _ in load_examples(args.texts)]
    warm = [t for t, _ in load_examples(args.warmup)]
    if not texts:
        print("no texts")
        return 1
    n_syl = count_syllables(texts)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = Pipeline.load()
    from underthesea import ner

    def ner_text(text):
        for s in sentences(text):
            ner(text[s.start:s.end])

    for t in warm:
        pipe.annotate(t)
    for t in warm[:5]:
        ner_text(t)

    # interleaved rounds: each round times the pipeline (several passes) and underthesea
    # (one pass), so a change in machine load affects both sides alike
    ours, theirs = [], []
    for _ in range(args.rounds):
        for _ in range(args.passes):
            ours.append(_pass(pipe.annotate, texts))
        theirs.append(_pass(ner_text, texts))
    c_ours, w_ours = min(x[0] for x in ours), min(x[1] for x in ours)
    c_ner, w_ner = min(x[0] for x in theirs), min(x[1] for x in theirs)
    med_ratio = statistics.median(t[0] for t in theirs) / statistics.median(o[0] for o in ours)
    print(f"texts: {len(texts)} articles, {n_syl} syllables ({args.texts}); {args.rounds} interleaved "
          f"rounds ({args.passes} pipeline passes + 1 underthesea pass each), best pass shown")
    print(f"{'':44} {'CPU s':>7} {'syl/s (CPU)':>12} {'wall s':>7} {'syl/s (wall)':>13}")
    for name, c, w in ((f"annotator annotate() [{pipe.model_version}]", c_ours, w_ours),
                       ("underthesea.ner() per sentence", c_ner, w_ner)):
        print(f"{name:44} {c:7.3f} {n_syl / c:12,.0f} {w:7.3f} {n_syl / w:13,.0f}")
    ratio = c_ner / c_ours
    ratio_wall = w_ner / w_ours
    print(f"speed-up: {ratio:.1f}x CPU (best passes), {med_ratio:.1f}x CPU (medians), {ratio_wall:.1f}x wall "
          f"(target >= 10x) {'ok' if ratio >= 10 else 'MISSED'}")
    return 0 if ratio >= 10 else 2


if __name__ == "__main__":
    sys.exit(main())
