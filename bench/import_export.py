"""Import/export throughput against raw sqlite3 baselines, measured in the same run.

    PYTHONPATH=src python bench/import_export.py            # 10,000 articles
    PYTHONPATH=src python bench/import_export.py --n 1000   # a quicker run

Builds N synthetic Vietnamese-like articles (~600 syllables, ~20 spans each) as a JSONL
file, then times:

* import: ``import_paths`` of that file into a fresh corpus, against a raw
  ``sqlite3.executemany`` insert of the same document and span rows (prepared in memory
  beforehand, not timed) into another fresh corpus with the same schema, in one transaction;
* export: ``export(..., fmt='native')`` against a raw sqlite3 SELECT of documents and spans
  + ``json.dumps`` per document loop writing a file (best of ``--repeat`` runs each).

Wall-clock times, both sides in the same run. The import baseline inserts into a real
corpus schema, full-text triggers included (a corpus cannot be without them); the time
the full-text index takes is printed too, for reference.

Targets: import within 3x and export within 2x of the baselines. Exits 1 when a target is
missed (``--no-check`` to only print).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.exporter import ExportOptions, export
from annotator.core.importer import import_paths
from annotator.core.store import Corpus, now

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r",
          "s", "t", "th", "tr", "v", "x"]
NUCLEI = ["a", "á", "à", "ả", "ã", "ạ", "ă", "ắ", "ằ", "â", "ấ", "ầ", "ậ", "e", "é", "è", "ê", "ế", "ề", "ệ", "i",
          "í", "ì", "o", "ó", "ò", "ô", "ố", "ồ", "ộ", "ơ", "ớ", "ờ", "ợ", "u", "ú", "ù", "ư", "ứ", "ừ", "ự", "y",
          "ươ", "ướ", "ườ", "iê", "iế", "uô", "uố", "oa", "oà"]
CODAS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
LABELS = ["PER", "ORG", "LOC", "MISC"]


def make_articles(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    vocab = list({o + v + c for o in ONSETS for v in NUCLEI for c in CODAS})
    vocab.sort()
    out = []
    for i in range(n):
        words: list[str] = []
        starts: list[int] = []
        pos = 0
        pieces: list[str] = []
        sentence_left = 0
        for k in range(600):
            w = rnd.choice(vocab)
            if sentence_left == 0:
                w = w[:1].upper() + w[1:]
                sentence_left = rnd.randint(12, 25)
            sentence_left -= 1
            if pieces:
                sep = ". " if sentence_left == 0 else (", " if rnd.random() < 0.05 else " ")
                pieces.append(sep)
                pos += len(sep)
            starts.append(pos)
            pieces.append(w)
            words.append(w)
            pos += len(w)
        pieces.append(".")
        text = f"Bài {i}: " + "".join(pieces)
        shift = len(f"Bài {i}: ")
        spans = []
        slots = sorted(rnd.sample(range(0, 600 - 4, 6), 20))
        for s in slots:
            length = rnd.randint(1, 3)
            start = shift + starts[s]
            end = shift + starts[s + length - 1] + len(words[s + length - 1])
            spans.append({"start": start, "end": end, "label": rnd.choice(LABELS)})
        out.append({"id": f"bench-{i:06d}", "text": text, "meta": {"n": i}, "status": "done", "spans": spans})
    return out


def raw_import(path: Path, articles: list[dict], fts: bool = True) -> float:
    Corpus(path).close()  # the same schema, indexes and full-text triggers as a real corpus
    if not fts:  # reference only: the same tables without the full-text index
        conn = sqlite3.connect(str(path))
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.commit()
        conn.close()
    stamp = now()
    docs = []
    spans = []
    for i, a in enumerate(articles, 1):
        text = a["text"]
        docs.append((i, a["id"], hashlib.sha256(text.encode()).hexdigest(), text.split(":")[0], text, "bench",
                     json.dumps(a["meta"]), "done", None, stamp, stamp, 0.0, len(a["spans"]), 0, len(text)))
        for s in a["spans"]:
            spans.append((i, s["start"], s["end"], s["label"], "import", "accepted", None, "{}", None, stamp, stamp))
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    t0 = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO documents(id, uid, hash, title, text, source, meta, status, reviewer, created_at,"
            " updated_at, time_spent, span_count, suggested_count, length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            docs)
        conn.executemany(
            'INSERT INTO spans(doc_id, start, "end", label, origin, state, score, attrs, author, created_at,'
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", spans)
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def raw_export(db: Path, out: Path) -> float:
    conn = sqlite3.connect(str(db))
    t0 = time.perf_counter()
    spans: dict[int, list] = {}
    for row in conn.execute('SELECT id, doc_id, start, "end", label, origin, state, score, attrs FROM spans'
                            ' ORDER BY doc_id, start, "end" DESC, id'):
        spans.setdefault(row[1], []).append(row)
    with open(out, "w", encoding="utf-8") as f:
        for d in conn.execute("SELECT id, uid, title, text, meta, status, reviewer, time_spent FROM documents"
                              " ORDER BY id"):
            text = d[3]
            f.write(json.dumps({
                "id": d[1], "text": text, "title": d[2], "meta": json.loads(d[4]), "status": d[5],
                "spans": [{"id": s[0], "start": s[2], "end": s[3], "label": s[4], "text": text[s[2]:s[3]],
                           "origin": s[5], "state": s[6], "score": s[7], "attrs": json.loads(s[8])}
                          for s in spans.get(d[0], [])],
                "reviewer": d[6], "time_spent": d[7]}, ensure_ascii=False))
            f.write("\n")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="export runs per side, best taken (default 3)")
    parser.add_argument("--no-check", action="store_true", help="do not fail when a target is missed")
    parser.add_argument("--profile", choices=("import", "export"), help="print a cProfile of one side")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        t0 = time.perf_counter()
        articles = make_articles(args.n)
        source = tmp_path / "articles.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        n_spans = sum(len(a["spans"]) for a in articles)
        syllables = sum(len(a["text"].split()) for a in articles) / max(len(articles), 1)
        print(f"{args.n} articles, {syllables:.0f} syllables and {n_spans / max(args.n, 1):.0f} spans each,"
              f" {source.stat().st_size / 1e6:.1f} MB JSONL (built in {time.perf_counter() - t0:.1f}s)")

        base_import = raw_import(tmp_path / "raw.db", articles)
        base_no_fts = raw_import(tmp_path / "raw-no-fts.db", articles, fts=False)

        corpus = Corpus(tmp_path / "corpus.db")
        profiler = None
        if args.profile == "import":
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        t0 = time.perf_counter()
        report = import_paths(corpus, [source])
        our_import = time.perf_counter() - t0
        if profiler:
            profiler.disable()
        assert report.added == args.n and not report.problems, report.summary()

        # exports are cheap to repeat: best of --repeat runs each, alternating, to damp machine noise
        base_export = our_export = float("inf")
        for _ in range(args.repeat):
            base_export = min(base_export, raw_export(tmp_path / "corpus.db", tmp_path / "raw.jsonl"))
            if args.profile == "export":
                import cProfile
                profiler = cProfile.Profile()
                profiler.enable()
            t0 = time.perf_counter()
            export(corpus, tmp_path / "native.jsonl", ExportOptions(fmt="native"), overwrite=True)
            our_export = min(our_export, time.perf_counter() - t0)
            if args.profile == "export":
                profiler.disable()
        corpus.close()

        if profiler:
            import pstats
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

        ri, re_ = our_import / base_import, our_export / base_export
        print(f"import  raw executemany {base_import:7.2f}s   import_paths      {our_import:7.2f}s"
              f"   ratio {ri:4.2f}x (target <= 3x)  {'OK' if ri <= 3 else 'MISSED'}")
        print(f"export  raw json.dumps  {base_export:7.2f}s   export native     {our_export:7.2f}s"
              f"   ratio {re_:4.2f}x (target <= 2x)  {'OK' if re_ <= 2 else 'MISSED'}")
        print(f"        {args.n / our_import:,.0f} documents/s imported, {args.n / our_export:,.0f} documents/s exported")
        fts = base_import - base_no_fts
        print(f"        for reference: raw insert without the full-text index {base_no_fts:.2f}s, so indexing costs"
              f" ~{fts:.2f}s of both imports; import_paths without it ~{our_import - fts:.2f}s"
              f" ({(our_import - fts) / base_no_fts:.1f}x)")
    if args.no_check:
        return 0
    return 0 if ri <= 3 and re_ <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
