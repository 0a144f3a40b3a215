"""The learning-curve articles (bench/data/learning) are usable data for bench/learning.py.

The curve learns from one half and measures on the other, so every file must parse, both sections
must be there in number, a directive must be exactly one sentence as the detector splits them, and
a name must carry one label across the folder (the desk's conventions, see its README).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from annotator.core.markup import parse_markup
from annotator.nlp.text import sentences

FOLDER = Path(__file__).resolve().parents[1] / "bench" / "data" / "learning"
FILES = sorted(FOLDER.glob("*.txt"))
NAME = re.compile(r"^(\d{2})-([a-z]+)-[a-z0-9-]+\.txt$")


def _parsed(path: Path):
    return parse_markup(path.read_text(encoding="utf-8"))


def test_at_least_30_articles_in_two_sections():
    sections = Counter()
    for path in FILES:
        match = NAME.match(path.name)
        assert match, f"{path.name} is not named NN-section-slug.txt"
        sections[match.group(2)] += 1
    assert len(FILES) >= 30
    assert len(sections) == 2, sections
    assert min(sections.values()) >= 15, sections
    numbers = [int(NAME.match(p.name).group(1)) for p in FILES]
    assert numbers == list(range(1, len(FILES) + 1))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_article_parses_with_entities_and_a_title(path):
    text, spans = _parsed(path)
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "", "line 1 is the title, line 2 is empty"
    assert 150 <= len(text.split()) <= 400
    assert any(s.label != "DIRECTIVE" for s in spans)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_directive_is_exactly_one_sentence(path):
    text, spans = _parsed(path)
    bounds = {(s.start, s.end) for s in sentences(text)}
    for span in spans:
        if span.label == "DIRECTIVE":
            assert (span.start, span.end) in bounds, text[span.start:span.end][:80]


def test_a_name_has_one_label_across_the_folder():
    labels = defaultdict(set)
    for path in FILES:
        text, spans = _parsed(path)
        for span in spans:
            if span.label != "DIRECTIVE":
                labels[text[span.start:span.end]].add(span.label)
    mixed = {name: sorted(ls) for name, ls in labels.items() if len(ls) > 1}
    assert not mixed


def test_most_articles_have_directives_and_some_have_none():
    counts = [sum(s.label == "DIRECTIVE" for s in _parsed(p)[1]) for p in FILES]
    with_directives = sum(c > 0 for c in counts)
    assert with_directives >= 0.75 * len(FILES)
    assert with_directives < len(FILES)
