"""Whole-process cost of `annotator preannotate` against `underthesea.ner()` on the same articles.

Both run as fresh processes, start-up included; the figure is CPU seconds (user + system of
the process and its children), so using two cores does not flatter the result.

    python bench/preannotate.py [--n 300]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

NER_SCRIPT = """
import sys, json
from underthesea import ner
texts = json.load(open(sys.argv[1], encoding="utf-8"))
n = 0
for text in texts:
    for line in text.split("\\n"):
        if line.strip():
            n += len(ner(line))
print(n)
"""


def articles(n: int) -> list[str]:
    from annotator.core.markup import parse_markup

    seeds = sorted((ROOT / "resources" / "seed" / "train").glob("*.txt"))
    base = [parse_markup(p.read_text(encoding="utf-8"))[0] for p in seeds]
    return [f"{base[i % len(base)]}\n\nBản tin số {i}." for i in range(n)]


def run_child(cmd: list[str], env=None) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, out


def main() -> int:
    import json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles (default 300)")
    args = ap.parse_args()
    texts = articles(args.n)
    syllables = sum(len(t.split()) for t in texts)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.db"
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        from annotator.core.model import Document
        from annotator.core.store import Corpus

        with Corpus(corpus) as c:
            for i, text in enumerate(texts):
                c.add_document(Document(text=text, title=f"{i}"))
        ours_cpu, ours_wall, _ = run_child(
            [sys.executable, "-m", "annotator", "preannotate", "--corpus", str(corpus)], env)
        theirs_cpu, theirs_wall, _ = run_child([sys.executable, "-c", NER_SCRIPT, str(data)], env)
    print(f"{args.n} articles, {syllables} syllables")
    print(f"annotator preannotate : {ours_cpu:7.1f} CPU s  {ours_wall:6.1f} s wall  "
          f"{syllables / ours_cpu:8.0f} syllables per CPU s")
    print(f"underthesea.ner()     : {theirs_cpu:7.1f} CPU s  {theirs_wall:6.1f} s wall  "
          f"{syllables / theirs_cpu:8.0f} syllables per CPU s")
    print(f"ratio (CPU seconds)   : {theirs_cpu / ours_cpu:.1f}x  (target >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
