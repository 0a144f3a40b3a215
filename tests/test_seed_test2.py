"""The second test part (issue #10): unseen sections, measured once at the end.

These checks keep the part usable as a benchmark: every article parses, has the
file shape of the guidelines, and the part covers enough sections.
"""

from __future__ import annotations

import collections
import unicodedata

import pytest

from annotator.core.markup import parse_markup
from annotator.nlp.resources import seed_dir

PART = seed_dir() / "test2"
ARTICLES = sorted(PART.glob("*.txt"))


def _sections() -> dict[str, str]:
    rows = {}
    for line in (PART / "SECTIONS.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, section = line.split("\t")
            rows[name] = section
    return rows


def test_part_has_enough_articles_and_sections():
    sections = _sections()
    assert len(ARTICLES) >= 25
    assert sorted(sections) == [p.name for p in ARTICLES]
    per_section = collections.Counter(sections.values())
    assert len(per_section) >= 5
    assert min(per_section.values()) >= 3


def test_file_names_follow_the_part_numbering():
    for path in ARTICLES:
        number, _, slug = path.stem.partition("-")
        assert number.isdigit() and 301 <= int(number) <= 399, path.name
        assert slug and slug == slug.lower(), path.name


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_article_parses_with_a_title_line(path):
    text, spans = parse_markup(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "", "line 1 is the title, line 2 is empty"
    assert 150 <= len(text.split()) <= 450
    entities = [s for s in spans if s.label != "DIRECTIVE"]
    directives = [s for s in spans if s.label == "DIRECTIVE"]
    assert {s.label for s in entities} <= {"PER", "ORG", "LOC", "MISC"}
    for span in entities:
        piece = text[span.start:span.end]
        assert unicodedata.category(piece[0])[0] in "LN", piece
        assert unicodedata.category(piece[-1])[0] in "LN" or piece[-1] == ")", piece
        crossing = [d for d in directives if d.start < span.end and span.start < d.end
                    and not (d.start <= span.start and span.end <= d.end)]
        assert not crossing, f"{piece!r} crosses a directive boundary"
