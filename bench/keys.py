"""Keys a reviewer needs to turn the pre-highlights of an article into its gold labels.

    .venv/bin/python bench/keys.py [--gold DIR ...] [--json OUT]

For each article with gold labels (seed markup: ``[words]{PER}``, ``<D>…</D>``) the shipped
pipeline pre-annotates the plain text; then the fewest keys are counted, by keyboard only, to
reach the gold entities and directives, with the bindings before issue 12 ("old") and now
("new"). The reviewer decides every suggestion (as in Prodigy), in reading order, and ends with
Ctrl+Return. Relations are not counted (the markup has none).

Per suggestion          old                                   new
  right                 Tab, Enter (Enter stays)              Enter (accepts and moves on)
  wrong label           Tab, digit                            digit, N
  wrong bounds          Tab, Alt+Shift+arrows per syllable    the same arrows, then N
  not in gold           Tab, X (X moves on: saves next Tab)   X (moves on)
  rejected directive    X jumps past its entities: Shift+Tab  its entities come next
Missing gold span       caret by Ctrl+Right per unit, then    the cheaper of that (Shift+Right by
                        Ctrl+Shift+Right per unit, digit      syllable) and /, the fewest letters
                                                              that find it, Enter, Shift+Right to
                                                              its end, digit; then N
A document opens on its first suggestion (new), or on nothing (old: the first Tab counts).
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from annotator.core.find import find_all, fold  # noqa: E402
from annotator.core.markup import parse_markup  # noqa: E402
from annotator.core.text import syllables  # noqa: E402

GOLD_DIRS = [ROOT / "bench" / "gold" / "samples"] + [ROOT / "resources" / "seed" / part
                                                      for part in ("test", "test6", "test7", "test8")]


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    label: str

    @property
    def directive(self) -> bool:
        return self.label == "DIRECTIVE"


class Article:
    """Text, gold spans, suggestions, and the unit boundaries keys move over."""

    def __init__(self, name: str, text: str, gold: list[Item], suggested: list[Item]):
        self.name, self.text, self.gold, self.suggested = name, text, gold, suggested
        self.units = syllables(text)
        self.starts = [u[0] for u in self.units]
        self.ends = [u[1] for u in self.units]
        self.folded = fold(text)

    def units_between(self, a: int, b: int) -> int:
        """Units that start in [a, b): Ctrl+Right presses to walk the caret from a to b."""
        return max(bisect.bisect_left(self.starts, b) - bisect.bisect_left(self.starts, a), 0)

    def units_in(self, a: int, b: int) -> int:
        return max(bisect.bisect_right(self.ends, b) - bisect.bisect_right(self.ends, a), 0)

    def edge_moves(self, old: Item, new: Item) -> int:
        """Alt+Shift+arrow presses to move old's edges to new's (one unit each)."""
        return (abs(self.units_in(min(old.start, new.start), max(old.start, new.start)))
                + abs(self.units_in(min(old.end, new.end), max(old.end, new.end))))

    def walk_and_select(self, caret: int, g: Item) -> int:
        """Caret by Ctrl+Right to the start, then one key per unit to the end, then the label key."""
        return self.units_between(caret, g.start) + max(self.units_in(g.start, g.end), 1) + 1

    def find_and_select(self, caret: int, g: Item) -> int:
        """/, the fewest letters that make g the next match after the caret, Enter, Shift+Right per
        unit still missing, label key."""
        best = None
        phrase = self.text[g.start:g.end]
        for k in range(1, min(len(phrase), 40) + 1):
            matches = [a for a, _b in find_all(self.text, phrase[:k], folded=self.folded) if a >= caret]
            if not matches or matches[0] != g.start:
                downs = matches.index(g.start) if g.start in matches else None
                if downs is None:
                    continue
            else:
                downs = 0
            end = g.start + len(" ".join(phrase[:k].split()))
            unit_end = self.ends[bisect.bisect_left(self.ends, end)] if end <= self.ends[-1] else end
            extend = self.units_in(unit_end, g.end)
            cost = 1 + k + downs + 1 + extend + 1
            best = cost if best is None else min(best, cost)
        return best if best is not None else self.walk_and_select(caret, g)


def count(article: Article) -> dict[str, int]:
    """Keys with the old and the new bindings, and what the pre-highlights got right."""
    gold = {(g.start, g.end, g.label) for g in article.gold}
    by_kind: dict[bool, list[Item]] = {True: [], False: []}
    for g in article.gold:
        by_kind[g.directive].append(g)
    used: set[Item] = set()
    events: list[tuple[int, str, Item, Item | None]] = []
    for s in article.suggested:
        if (s.start, s.end, s.label) in gold:
            g = next(g for g in article.gold if (g.start, g.end, g.label) == (s.start, s.end, s.label))
            used.add(g)
            events.append((s.start, "right", s, g))
            continue
        same = next((g for g in by_kind[s.directive] if g not in used and (g.start, g.end) == (s.start, s.end)), None)
        if same is not None:
            used.add(same)
            events.append((s.start, "label", s, same))
            continue
        near = next((g for g in by_kind[s.directive] if g not in used and g.start < s.end and s.start < g.end), None)
        if near is not None:
            used.add(near)
            events.append((s.start, "bounds", s, near))
        else:
            events.append((s.start, "reject", s, None))
    for g in article.gold:
        if g not in used:
            events.append((g.start, "missing", g, g))
    events.sort(key=lambda e: (e[0], e[2].directive is False, e[2].end))

    old = new = 0
    caret = 0
    after_x = False
    for i, (_pos, kind, s, g) in enumerate(events):
        more = any(e[1] != "missing" for e in events[i + 1:])
        if kind == "missing":
            old += article.walk_and_select(caret, g)
            new += min(article.walk_and_select(caret, g), article.find_and_select(caret, g)) + (1 if more else 0)
            caret, after_x = g.end, False
            continue
        tab = 0 if after_x else 1
        if kind == "right":
            old += tab + 1
            new += 1
        elif kind == "label":
            old += tab + 1
            new += 1 + (1 if more else 0)
        elif kind == "bounds":
            relabel = 1 if s.label != g.label else 0
            moves = article.edge_moves(s, g) + relabel
            reject_create = 1 + article.walk_and_select(s.start, g)
            old += tab + min(moves, reject_create)
            new += min(moves + (1 if more else 0), 1 + min(article.walk_and_select(s.start, g),
                                                           article.find_and_select(s.start, g)))
        else:  # reject
            inner = s.directive and any(e[2].start >= s.start and e[2].end <= s.end and not e[2].directive
                                        and e[1] != "missing" for e in events[i + 1:])
            old += tab + 1 + (1 if inner else 0)  # old X jumped past the entities inside: Shift+Tab back
            new += 1
        after_x = kind == "reject"
        caret = s.end
    old += 1  # Ctrl+Return
    new += 1
    kinds = [e[1] for e in events]
    return {"suggestions": len(article.suggested), "gold": len(article.gold), "right": kinds.count("right"),
            "fix": len(kinds) - kinds.count("right") - kinds.count("missing"), "missing": kinds.count("missing"),
            "old": old, "new": new}


def load(path: Path, pipeline) -> Article:
    text, marked = parse_markup(path.read_text(encoding="utf-8"))
    gold = [Item(m.start, m.end, m.label) for m in marked]
    annotation = pipeline.annotate(text)
    suggested = sorted((Item(s.start, s.end, s.label) for s in annotation.spans),
                       key=lambda s: (s.start, s.directive, s.end))
    return Article(path.stem, text, gold, suggested)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", type=Path, help="folder of gold markup articles")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from annotator.nlp.jobs import load_pipeline

    pipeline = load_pipeline(None)
    rows = []
    for folder in args.gold or GOLD_DIRS:
        for path in sorted(folder.glob("*.txt")):
            rows.append((f"{folder.name}/{path.stem}", count(load(path, pipeline))))
    if not rows:
        print("bench/keys.py: no gold articles found", file=sys.stderr)
        return 1
    head = f"{'article':52} {'sugg':>5} {'gold':>5} {'right':>5} {'fix':>4} {'miss':>4} {'old':>5} {'new':>5} {'new/old':>7}"
    print(head)
    print("-" * len(head))
    for name, r in rows:
        print(f"{name[:52]:52} {r['suggestions']:5} {r['gold']:5} {r['right']:5} {r['fix']:4} {r['missing']:4} "
              f"{r['old']:5} {r['new']:5} {r['new'] / r['old']:7.2f}")
    print("-" * len(head))
    for folder in sorted({n.split("/")[0] for n, _r in rows}):
        part = [r for n, r in rows if n.startswith(folder + "/")]
        old_keys, new_keys = sum(r["old"] for r in part), sum(r["new"] for r in part)
        print(f"{folder + ' (' + str(len(part)) + ' articles)':52} {'':35} {old_keys:5} {new_keys:5} "
              f"{new_keys / old_keys:7.2f}   per article: old {old_keys / len(part):.1f}, new {new_keys / len(part):.1f}")
    total = {k: sum(r[k] for _n, r in rows) for k in rows[0][1]}
    print(f"{'total (' + str(len(rows)) + ' articles)':52} {total['suggestions']:5} {total['gold']:5} "
          f"{total['right']:5} {total['fix']:4} {total['missing']:4} {total['old']:5} {total['new']:5} "
          f"{total['new'] / total['old']:7.2f}")
    print(f"keys per article: old {total['old'] / len(rows):.1f}, new {total['new'] / len(rows):.1f}; "
          f"per right suggestion: old 2, new 1")
    if args.json:
        args.json.write_text(json.dumps({n: r for n, r in rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
