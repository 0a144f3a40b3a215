"""Judging a candidate model against the active one on the same documents.

Counts are kept per document so that a bootstrap over documents gives an interval for the
difference of F1 between the two systems: a difference inside the interval's noise is not
evidence either way. Entities match exactly (start, end, label); directives match by sentence
extent, ignoring a leading list marker (as :func:`annotator.nlp.train.evaluate` does).
"""

from __future__ import annotations

import random

from annotator.nlp.train import _predicted_spans, _prf, _strip_marker

__all__ = ["DIRECTIVE", "doc_counts", "scores", "bootstrap_diff", "Comparison"]

DIRECTIVE = "DIRECTIVE"
#: bootstrap resamples of the judged documents
BOOTSTRAP = 1000


def doc_counts(system, docs, labels) -> list[dict[str, list[int]]]:
    """Per document: label -> [tp, fp, fn] for the entity ``labels`` and DIRECTIVE."""
    out = []
    for doc in docs:
        text = doc.text
        gold = [tuple(s[:3]) for s in doc.spans]
        pred = _predicted_spans(system, text)
        counts: dict[str, list[int]] = {}
        for lab in labels:
            g = {s for s in gold if s[2] == lab}
            p = {s for s in pred if s[2] == lab}
            counts[lab] = [len(g & p), len(p - g), len(g - p)]
        if getattr(doc, "has_directives", True):
            g = {_strip_marker(text, s[0], s[1]) for s in gold if s[2] == DIRECTIVE}
            p = {_strip_marker(text, s[0], s[1]) for s in pred if s[2] == DIRECTIVE}
            counts[DIRECTIVE] = [len(g & p), len(p - g), len(g - p)]
        out.append(counts)
    return out


def _sum(counts, labels) -> list[int]:
    tp = fp = fn = 0
    for c in counts:
        for lab in labels:
            x = c.get(lab)
            if x:
                tp += x[0]
                fp += x[1]
                fn += x[2]
    return [tp, fp, fn]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def scores(counts, labels) -> dict:
    """Per-label and micro (over the entity ``labels``) P/R/F1, plus DIRECTIVE."""
    out = {lab: _prf(*_sum(counts, [lab])) for lab in labels}
    out["micro"] = _prf(*_sum(counts, labels))
    if any(DIRECTIVE in c for c in counts):
        out[DIRECTIVE] = _prf(*_sum(counts, [DIRECTIVE]))
    return out


def bootstrap_diff(cand, active, labels, *, seed: int = 13, rounds: int = BOOTSTRAP) -> tuple[float, float]:
    """95% interval of F1(candidate) - F1(active) over ``labels`` (summed), resampling documents."""
    n = len(cand)
    if n == 0:
        return (0.0, 0.0)
    a = [_sum([c], labels) for c in cand]
    b = [_sum([c], labels) for c in active]
    rng = random.Random(seed)
    diffs = []
    for _ in range(rounds):
        ta = [0, 0, 0]
        tb = [0, 0, 0]
        for _k in range(n):
            i = rng.randrange(n)
            x, y = a[i], b[i]
            ta[0] += x[0]
            ta[1] += x[1]
            ta[2] += x[2]
            tb[0] += y[0]
            tb[1] += y[1]
            tb[2] += y[2]
        diffs.append(_f1(*ta) - _f1(*tb))
    diffs.sort()
    return (round(diffs[int(0.025 * (rounds - 1))], 4), round(diffs[int(0.975 * (rounds - 1))], 4))


class Comparison:
    """Candidate vs active on one set of documents (``name`` says which)."""

    def __init__(self, name: str, cand_counts, active_counts, labels, seed: int = 13):
        self.name = name
        self.documents = len(cand_counts)
        self.labels = list(labels)
        self.cand = scores(cand_counts, labels)
        self.active = scores(active_counts, labels)
        self.intervals = {lab: bootstrap_diff(cand_counts, active_counts, [lab], seed=seed)
                          for lab in self.labels}
        self.intervals["micro"] = bootstrap_diff(cand_counts, active_counts, labels, seed=seed)
        if DIRECTIVE in self.cand:
            self.intervals[DIRECTIVE] = bootstrap_diff(cand_counts, active_counts, [DIRECTIVE], seed=seed)

    def delta(self, label: str = "micro") -> float:
        return round(self.cand[label]["f1"] - self.active[label]["f1"], 4)

    def not_worse(self, label: str = "micro") -> bool:
        """The candidate's F1 is at least the active one's (the printed figures)."""
        return self.delta(label) >= 0

    def not_worse_beyond_noise(self, label: str = "micro") -> bool:
        """The interval of the difference reaches zero or above."""
        return self.intervals.get(label, (0.0, 0.0))[1] >= 0

    def table(self) -> str:
        lines = [f"{self.name} ({self.documents} documents):",
                 f"  {'label':<10} {'current P':>9} {'R':>6} {'F1':>6}   {'new P':>6} {'R':>6} {'F1':>6}"
                 f"   {'ΔF1':>7} {'95% interval':>17}"]
        for lab in self.labels + ["micro", DIRECTIVE]:
            c, a = self.cand.get(lab), self.active.get(lab)
            if not c or not a:
                continue
            if lab != "micro" and lab != DIRECTIVE and not (c["tp"] + c["fn"] + c["fp"] + a["fp"]):
                continue
            lo, hi = self.intervals.get(lab, (0.0, 0.0))
            lines.append(f"  {lab:<10} {a['precision']:9.3f} {a['recall']:6.3f} {a['f1']:6.3f}   "
                         f"{c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f}   "
                         f"{self.delta(lab):+7.3f} [{lo:+.3f}, {hi:+.3f}]")
        return "\n".join(lines)
