"""One segmentation everywhere: the window's snapping, the engine's tokens and the exports'
tokens cut every text the same way (core/segmentation.py)."""

from __future__ import annotations

import json
import unicodedata
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import text as window_text
from annotator.core.exporter import ExportOptions, export
from annotator.core.importer import import_paths
from annotator.core.model import Status
from annotator.core.segmentation import snap_to_syllables, split_units, syllables, tokenize, word_units
from annotator.core.text import cuts_character
from annotator.nlp import text as engine_text

NFD = unicodedata.normalize("NFD", "Ông Hà Nội")

# text as stored (NFC) → the units a span may begin and end on
CASES = [
    ("Nghị quyết 57-NQ/TW về", ["Nghị", "quyết", "57", "-", "NQ", "/", "TW", "về"]),
    ("giá 1.000,5 đồng", ["giá", "1.000,5", "đồng"]),
    ("Tp. Hồ Chí Minh", ["Tp.", "Hồ", "Chí", "Minh"]),
    ("tại TP.HCM hôm qua", ["tại", "TP.HCM", "hôm", "qua"]),
    ("cam, quýt v.v. đều", ["cam", ",", "quýt", "v.v.", "đều"]),
    ("ông Nguyễn Văn A. Sau đó", ["ông", "Nguyễn", "Văn", "A", ".", "Sau", "đó"]),
    ("ở Q. 1 và P. 5", ["ở", "Q.", "1", "và", "P.", "5"]),
    ("vui 😀 quá 👍🏻 và 👨\u200d👩\u200d👧 nhé", ["vui", "😀", "quá", "👍🏻", "và", "👨\u200d👩\u200d👧", "nhé"]),
    ("cờ 🇻🇳🇺🇸 bay", ["cờ", "🇻🇳", "🇺🇸", "bay"]),
    (NFD, ["Ông", "Hà", "Nội"]),
    ("UBND tỉnh.", ["UBND", "tỉnh", "."]),
    ("“Hà Nội” (VN)", ["“", "Hà", "Nội", "”", "(", "VN", ")"]),
]
IDS = [c[0] for c in CASES]


def stored(text: str) -> str:
    return window_text.normalize(text)[0]


@pytest.mark.parametrize("text,units", CASES, ids=IDS)
def test_engine_tokens(text, units):
    assert [t.text for t in engine_text.syllables(stored(text))] == units


@pytest.mark.parametrize("text,units", CASES, ids=IDS)
def test_window_snapping(text, units):
    text = stored(text)
    spans = window_text.syllables(text)
    assert [text[a:b] for a, b in spans] == units
    for a, b in spans:
        if text[a].isalnum():   # a click-drag inside a unit labels the whole unit
            assert snap_to_syllables(text, a + (b - a) // 2, b - (b - a - 1) // 2) == (a, b)


@pytest.mark.parametrize("text,units", CASES, ids=IDS)
def test_export_tokens(text, units, corpus, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(text, encoding="utf-8")
    import_paths(corpus, [source])
    corpus.set_status(1, Status.DONE)
    export(corpus, tmp_path / "p.jsonl", ExportOptions(fmt="prodigy"))
    [rec] = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["text"] for t in rec["tokens"] if not t["text"].isspace()] == units
    assert [t.text for t in tokenize(rec["text"]) if not t.text.isspace()] == units
    export(corpus, tmp_path / "s.conll", ExportOptions(fmt="conll", level="syllable"))
    rows = [line.split("\t")[0] for line in (tmp_path / "s.conll").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("-DOCSTART-")]
    assert rows == units


@pytest.fixture(scope="module")
def pipeline():
    from annotator.nlp.pipeline import Pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Pipeline.load()


def test_engine_spans_are_reachable_in_the_window(pipeline):
    """Every span the engine suggests begins and ends on units the window snaps to."""
    text = ("Ngày 10/11, Chủ tịch UBND TP.HCM Nguyễn Văn A. Sau đó Bộ trưởng Y tế Singapore Gan Kim Yong"
            " đề nghị Sở Y tế Tp. Hồ Chí Minh triển khai Nghị quyết 57-NQ/TW, v.v. 😀")
    units = window_text.syllables(text)
    starts, ends = {a for a, _ in units}, {b for _, b in units}
    ann = pipeline.annotate(text)
    assert ann.spans
    for s in ann.spans:
        assert s.start in starts and s.end in ends, (text[s.start:s.end], s)
        assert snap_to_syllables(text, s.start, s.end) == (s.start, s.end)


def test_words_are_whole_syllables_and_split_at_span_edges():
    text = "Bộ trưởng Y tế Singapore Gan Kim Yong cho biết."
    words = [text[a:b] for a, b in word_units(text)]
    assert "Singapore Gan" in words            # the segmenter glues the place to the name
    syllable_edges = {p for u in window_text.syllables(text) for p in u}
    assert all(a in syllable_edges and b in syllable_edges for a, b in word_units(text))
    cut = text.index("Gan")
    pieces = [text[a:b] for a, b in split_units(word_units(text), [cut])]
    assert "Singapore " in pieces and "Gan" in pieces and "Singapore Gan" not in pieces


PIECES = list("aàâđê AĐ09.,-/()\"“”…_\u00a0\u200d\ufe0f\u0301\u0323²") + ["e\u0301", "😀", "👍🏻", "🇻", "🇳", "TP.", "A."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join))
def test_units_cover_the_text_and_never_cut_a_character(text):
    units = syllables(text)
    covered = set()
    for prev, unit in zip([None] + units, units):
        assert text[unit.start:unit.end] == unit.text and unit.text.strip() == unit.text
        assert prev is None or prev.end <= unit.start
        covered.update(range(unit.start, unit.end))
        for p in (unit.start, unit.end):   # a mark or joiner next to whitespace belongs to nothing
            if 0 < p < len(text) and not text[p - 1].isspace() and not text[p].isspace():
                assert not cuts_character(text, p), (text, unit)
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert "".join(t.text + " " * t.ws for t in tokenize(text)) == text
