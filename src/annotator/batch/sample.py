"""``annotator sample``: pick the documents worth a reviewer's time from tagged shards.

Ways to pick (``by``):

* ``uncertainty``: the least certain documents first (lowest ``meta.confidence``, see
  :func:`annotator.batch.tag.confidence`);
* ``label:X``: documents with an ``X`` span, the one whose least certain ``X`` span is least
  certain first;
* ``diversity``: documents spread over clusters of entity profiles (which labels and names a
  document mentions, hashed into a sparse vector): k-means on a fixed pseudo-random sample of
  the profiles, then every document goes to its nearest cluster and the clusters take turns,
  biggest first, each giving its least certain document not yet picked.

Shards are streamed: only the ranking keys and file positions of the candidates are kept,
and the chosen records are read again at the end. Everything is deterministic (ties go to
input order; the pseudo-random sample is a hash of the text). The output is native JSONL
with ``meta.sample`` (how and in which rank the document was picked), which
``annotator import --as-suggestions`` imports as new documents with the suggestions to review.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.batch.shards import _parse_line
from annotator.batch.tag import confidence

PROFILE_DIM = 256
POOL_SIZE = 4000
KMEANS_ROUNDS = 12


@dataclass
class SampleReport:
    out: Path
    by: str
    read: int = 0
    picked: int = 0
    clusters: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"picked {self.picked} of {self.read} documents by {self.by} into {self.out}"
        if self.clusters:
            text += f" ({self.clusters} clusters)"
        if self.problems:
            text += f"; {len(self.problems)} line{'s' * (len(self.problems) != 1)} skipped"
        return text


def parse_by(value: str) -> str:
    """``uncertainty``, ``diversity`` or ``label:X``; anything else is a ValueError."""
    if value in ("uncertainty", "diversity") or (value.startswith("label:") and value[6:].strip()):
        return value if not value.startswith("label:") else "label:" + value[6:].strip()
    raise ValueError(f"expected uncertainty, diversity or label:X, not {value!r}")


def tagged_files(paths: Sequence[str | Path], problems: list[str]) -> list[Path]:
    """Shard files: files as given, folders' ``*.jsonl`` files (not hidden) in name order."""
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.glob("*.jsonl") if not f.name.startswith(".") and f.is_file())
            if not found:
                problems.append(f"{path}: no .jsonl shards in this folder")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return out


def _records(files: list[Path], problems: list[str] | None) -> Iterator[tuple[tuple[int, int], dict]]:
    """((file number, byte offset), record) for each tagged document; bad lines reported once."""
    for number, path in enumerate(files):
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            if problems is not None:
                problems.append(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        with fh:
            offset = 0
            for lineno, data in enumerate(fh, 1):
                here, offset = offset, offset + len(data)
                if not data.strip():
                    continue
                obj, problem = _parse_line(data)
                if obj is not None and not (isinstance(obj.get("text"), str) and isinstance(obj.get("spans"), list)):
                    obj, problem = None, "not a tagged document (needs text and spans)"
                if obj is None:
                    if problems is not None:
                        problems.append(f"{path}:{lineno}: {problem}")
                    continue
                yield (number, here), obj


def _scores(spans, label: str | None = None) -> list:
    return [s.get("score") for s in spans if isinstance(s, dict) and (label is None or s.get("label") == label)
            and isinstance(s.get("score"), (int, float))]


def _doc_confidence(obj: dict) -> float:
    meta = obj.get("meta")
    value = meta.get("confidence") if isinstance(meta, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return confidence(_scores(obj["spans"]))


def _bounded(items: Iterator[tuple[tuple, tuple[int, int]]], n: int) -> list[tuple[tuple, tuple[int, int]]]:
    """The ``n`` smallest (key, position) pairs, smallest first, keeping only ``n`` in memory."""
    heap: list = []  # max-heap on the key through negation of its rank
    for seq, (key, pos) in enumerate(items):
        entry = (_Neg(key + (seq,)), pos)
        if len(heap) < n:
            heapq.heappush(heap, entry)
        elif entry[0] > heap[0][0]:
            heapq.heapreplace(heap, entry)
    return [(neg.key, pos) for neg, pos in sorted(heap, key=lambda e: e[0].key)]


class _Neg:
    """Reverses the order of a key, for a max-heap built on :mod:`heapq`."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return self.key > other.key

    def __gt__(self, other):
        return self.key < other.key


# -- entity profiles -----------------------------------------------------------------------
def profile(obj: dict) -> dict[int, float]:
    """A document's entity profile: its labels and lower-cased names (and directive kinds), hashed
    into :data:`PROFILE_DIM` dimensions, as a unit-length sparse vector."""
    text = obj["text"]
    counts: dict[int, float] = {}
    for s in obj["spans"]:
        if not isinstance(s, dict) or not isinstance(s.get("label"), str):
            continue
        label = s["label"]
        if label == "DIRECTIVE":
            kind = (s.get("attrs") or {}).get("kind", "") if isinstance(s.get("attrs"), dict) else ""
            keys = ("DIRECTIVE", f"DIRECTIVE:{kind}")
        else:
            start, end = s.get("start"), s.get("end")
            name = text[start:end].lower() if isinstance(start, int) and isinstance(end, int) else ""
            keys = (label, f"{label}:{name}")
        for key in keys:
            slot = zlib.crc32(key.encode("utf-8")) % PROFILE_DIM
            counts[slot] = counts.get(slot, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {k: v / norm for k, v in counts.items()} if norm else {}


def _nearest(vector: dict[int, float], centres: list[list[float]], sq: list[float]) -> int:
    """Index of the closest centre (squared distance without the constant |x|²)."""
    best, best_d = 0, math.inf
    for k, (centre, c2) in enumerate(zip(centres, sq)):
        d = c2 - 2.0 * sum(w * centre[i] for i, w in vector.items())
        if d < best_d:
            best, best_d = k, d
    return best


def kmeans(vectors: list[dict[int, float]], k: int, rounds: int = KMEANS_ROUNDS) -> list[list[float]]:
    """Deterministic k-means on sparse vectors: farthest-point start from the first vector, then Lloyd rounds."""
    if not vectors:
        return []
    k = max(1, min(k, len(vectors)))

    def dense(v):
        row = [0.0] * PROFILE_DIM
        for i, w in v.items():
            row[i] = w
        return row

    centres = [dense(vectors[0])]
    dist = [math.inf] * len(vectors)
    while len(centres) < k:
        last = centres[-1]
        l2 = sum(x * x for x in last)
        for j, v in enumerate(vectors):
            v2 = sum(w * w for w in v.values())
            dist[j] = min(dist[j], v2 + l2 - 2.0 * sum(w * last[i] for i, w in v.items()))
        far = max(range(len(vectors)), key=lambda j: (dist[j], -j))
        if dist[far] <= 1e-12:
            break  # fewer distinct profiles than clusters
        centres.append(dense(vectors[far]))
    for _ in range(rounds):
        sq = [sum(x * x for x in c) for c in centres]
        sums = [[0.0] * PROFILE_DIM for _ in centres]
        sizes = [0] * len(centres)
        for v in vectors:
            k_ = _nearest(v, centres, sq)
            sizes[k_] += 1
            row = sums[k_]
            for i, w in v.items():
                row[i] += w
        moved = [[x / sizes[j] for x in sums[j]] if sizes[j] else centres[j] for j in range(len(centres))]
        if moved == centres:
            break
        centres = moved
    return centres


def _text_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _diversity(files, n: int, clusters: int, problems) -> tuple[list[tuple[tuple, tuple[int, int], int]], int]:
    # pass 1: a fixed pseudo-random pool of profiles to cluster
    pool: list = []
    for _pos, obj in _records(files, problems):
        entry = (-_text_hash(obj["text"]), profile(obj))
        if len(pool) < POOL_SIZE:
            heapq.heappush(pool, entry)
        elif entry[0] > pool[0][0]:
            heapq.heapreplace(pool, entry)
    pool.sort(key=lambda e: -e[0])
    centres = kmeans([v for _h, v in pool], clusters)
    if not centres:
        return [], 0
    sq = [sum(x * x for x in c) for c in centres]
    # pass 2: each document to its nearest cluster; each cluster keeps its n least certain
    heaps: list[list] = [[] for _ in centres]
    sizes = [0] * len(centres)
    for seq, (pos, obj) in enumerate(_records(files, None)):
        k = _nearest(profile(obj), centres, sq)
        sizes[k] += 1
        entry = (_Neg((_doc_confidence(obj), seq)), pos)
        if len(heaps[k]) < n:
            heapq.heappush(heaps[k], entry)
        elif entry[0] > heaps[k][0][0]:
            heapq.heapreplace(heaps[k], entry)
    ranked = [sorted(h, key=lambda e: e[0].key) for h in heaps]
    order = sorted(range(len(centres)), key=lambda k: (-sizes[k], k))
    picked = []
    depth = 0
    while len(picked) < n and any(depth < len(ranked[k]) for k in order):
        for k in order:
            if depth < len(ranked[k]) and len(picked) < n:
                neg, pos = ranked[k][depth]
                picked.append((neg.key, pos, k))
        depth += 1
    return picked, sum(1 for s in sizes if s)


def sample(paths: Sequence[str | Path], out: str | Path, n: int = 500, by: str = "uncertainty",
           clusters: int = 0) -> SampleReport:
    """Pick ``n`` documents from tagged shards ``by`` a criterion into ``out`` (see the module doc)."""
    by = parse_by(by)
    if n < 1:
        raise ValueError(f"--n must be at least 1, not {n}")
    out = Path(out)
    report = SampleReport(out, by)
    files = tagged_files(paths, report.problems)
    if not files:
        raise ValueError("; ".join(report.problems + ["no tagged shards to sample from"]))
    counted = _counting(_records(files, report.problems), report)
    if by == "uncertainty":
        picked = [(key, pos, None) for key, pos in
                  _bounded(((( _doc_confidence(obj),), pos) for pos, obj in counted), n)]
    elif by.startswith("label:"):
        label = by[6:]
        picked = [(key, pos, None) for key, pos in _bounded(
            (((confidence(_scores(obj["spans"], label)),), pos) for pos, obj in counted
             if any(isinstance(s, dict) and s.get("label") == label for s in obj["spans"])), n)]
    else:
        for _ in counted:  # count the documents and report the bad lines once
            pass
        k = clusters or max(2, round(math.sqrt(n)))
        picked, report.clusters = _diversity(files, n, k, None)
    chosen = {pos: rank for rank, (_key, pos, _c) in enumerate(picked, 1)}
    cluster_of = {pos: c for _key, pos, c in picked}
    lines: dict[int, str] = {}
    for pos, obj in _records(files, None):
        rank = chosen.get(pos)
        if rank is None:
            continue
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        meta["sample"] = {"by": by, "rank": rank}
        if cluster_of[pos] is not None:
            meta["sample"]["cluster"] = cluster_of[pos]
        obj["meta"] = meta
        lines[rank] = json.dumps(obj, ensure_ascii=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for rank in sorted(lines):
                fh.write(lines[rank] + "\n")
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report.picked = len(lines)
    return report


def _counting(records, report: SampleReport):
    for item in records:
        report.read += 1
        yield item
