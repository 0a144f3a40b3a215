"""Round trip of a word-level CoNLL corpus made from the project's labelled seed articles.

    .venv/bin/python bench/roundtrip.py [--sentences-per-doc N] [--seed-dir resources/seed]

The seed articles (``resources/seed/*/*.txt``, inline markup) are written as one word-level
CoNLL file without ``-DOCSTART-`` (one sentence per blank-line block, the way public corpora
are distributed; words from underthesea's segmentation joined by ``_``). The file is imported
into a fresh corpus with ``annotator import``, exported again with ``annotator export
--format conll`` and ``--format hf``, and the script prints how many sentences (tokens and
tags) come back identical, in order. The target is 100%.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.cli import main as cli  # noqa: E402
from annotator.core.formats.base import ExportDoc  # noqa: E402
from annotator.core.formats.conll import DOCSTART, tagged_sentences  # noqa: E402
from annotator.core.markup import parse_markup  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402

Sentence = list[tuple[str, str]]


def seed_sentences(seed_dir: Path = ROOT / "resources" / "seed") -> list[Sentence]:
    """Word-level (token, BIO tag) sentences of every seed article's entities."""
    out: list[Sentence] = []
    for path in sorted(seed_dir.glob("*/*.txt")):
        text, marked = parse_markup(path.read_text(encoding="utf-8"))
        spans = [Span(s.start, s.end, s.label) for s in marked if s.label != "DIRECTIVE"]
        out.extend(tagged_sentences(ExportDoc(Document(text=text), spans, [], {}), "word"))
    return out


def write_conll(path: Path, sentences: list[Sentence]) -> None:
    """``token<TAB>tag`` lines, a blank line after each sentence, no ``-DOCSTART-``."""
    with open(path, "w", encoding="utf-8") as f:
        for sentence in sentences:
            f.writelines(f"{token}\t{tag}\n" for token, tag in sentence)
            f.write("\n")


def read_conll(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                out.append(current)
            current = []
        elif not line.startswith(DOCSTART):
            token, tag = line.split("\t")
            current.append((token, tag))
    if current:
        out.append(current)
    return out


def read_hf(folder: Path) -> list[Sentence]:
    out: list[Sentence] = []
    for line in (folder / "train.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out.append(list(zip(rec["tokens"], rec["ner_tags"])))
    return out


def identical(a: list[Sentence], b: list[Sentence]) -> int:
    """Sentences identical at the same position (a sentence lost or split shifts the rest)."""
    return sum(x == y for x, y in zip(a, b))


def roundtrip(work: Path, sentences: list[Sentence], sentences_per_doc: int = 1) -> dict[str, tuple[int, int]]:
    """Import the CoNLL file of ``sentences`` and export it as conll and hf; per format,
    (identical sentences, sentences written)."""
    source = work / "seed-words.conll"
    write_conll(source, sentences)
    db = str(work / "roundtrip.db")
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        if cli(["import", "--corpus", db, str(source), "--sentences-per-doc", str(sentences_per_doc)]) != 0:
            raise RuntimeError(quiet.getvalue())
        for fmt, out in (("conll", work / "out.conll"), ("hf", work / "out-hf")):
            if cli(["export", "--corpus", db, "--format", fmt, str(out)]) != 0:
                raise RuntimeError(quiet.getvalue())
    got = {"conll": read_conll(work / "out.conll"), "hf": read_hf(work / "out-hf")}
    return {fmt: (identical(sentences, back), len(back)) for fmt, back in got.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences-per-doc", type=int, default=1)
    ap.add_argument("--seed-dir", type=Path, default=ROOT / "resources" / "seed")
    args = ap.parse_args(argv)
    sentences = seed_sentences(args.seed_dir)
    entities = sum(tag.startswith("B-") for s in sentences for _, tag in s)
    print(f"word-level CoNLL from the seed articles: {len(sentences)} sentences, {entities} entities")
    with tempfile.TemporaryDirectory() as tmp:
        result = roundtrip(Path(tmp), sentences, args.sentences_per_doc)
    ok = True
    for fmt, (same, written) in result.items():
        share = same / len(sentences) if sentences else 0.0
        print(f"import then export --format {fmt}: {same}/{len(sentences)} sentences identical ({share:.1%}),"
              f" {written} written")
        ok = ok and same == written == len(sentences)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
