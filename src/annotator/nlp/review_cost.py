"""What it costs a reviewer to turn suggestions into the gold labels: review actions per article.

The cost model (the one the product is measured by): accepting a correct suggestion is free,
because marking the article done accepts what is left (one action per article); relabelling or
resizing a suggestion costs one action, relabelling *and* resizing two; deleting a wrong one costs
one; creating a missing span costs two (select, then label). Suggestions are paired with gold spans
one to one, best overlap first; directives are compared as sentences like entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ReviewCost", "review_actions"]


@dataclass
class ReviewCost:
    relabel: int = 0
    resize: int = 0
    delete: int = 0
    create: int = 0
    articles: int = 0

    @property
    def actions(self) -> int:
        return self.relabel + self.resize + self.delete + 2 * self.create + self.articles

    def __iadd__(self, other: "ReviewCost") -> "ReviewCost":
        self.relabel += other.relabel
        self.resize += other.resize
        self.delete += other.delete
        self.create += other.create
        self.articles += other.articles
        return self

    def per_article(self) -> float:
        return self.actions / self.articles if self.articles else 0.0


def _overlap(a: Sequence, b: Sequence) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def review_actions(gold: Iterable[Sequence], predicted: Iterable[Sequence]) -> ReviewCost:
    """The cost of one article: ``gold`` and ``predicted`` hold ``(start, end, label)`` tuples."""
    gold = sorted({tuple(g[:3]) for g in gold})
    pred = sorted({tuple(p[:3]) for p in predicted})
    cost = ReviewCost(articles=1)
    exact = set(gold) & set(pred)
    gold_left = [g for g in gold if g not in exact]
    pred_left = [p for p in pred if p not in exact]
    # pair the rest by overlap, largest first; a directive only pairs with a directive-or-entity of
    # the same kind of thing (a sentence never stands for a name)
    pairs = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold_left) for pi, p in enumerate(pred_left)
                    if _overlap(g, p) > 0 and (g[2] == "DIRECTIVE") == (p[2] == "DIRECTIVE")), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold_left[gi], pred_left[pi]
        if g[2] != p[2]:
            cost.relabel += 1
        if (g[0], g[1]) != (p[0], p[1]):
            cost.resize += 1
    cost.delete += len(pred_left) - len(used_p)
    cost.create += len(gold_left) - len(used_g)
    return cost
