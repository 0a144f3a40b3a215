"""core.text: UTF-16 offsets, normalisation offset map, syllable snapping, spans, sentences."""

from __future__ import annotations

import unicodedata

import pytest

pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotator.core.text import (  # noqa: E402
    OffsetError,
    Utf16Index,
    check_span,
    content_hash,
    normalize,
    sentences,
    snap_to_syllables,
    syllables,
)

VI = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
PIECES = (list(VI) + list(VI.upper()) + list("bcdghklmnpqrstvx0123456789") + [" ", " ", "\n", ",", ".", "-", "/",
          "(", ")"] + ["😀", "👍🏽", "👨‍👩‍👧", "𝐀", "𠀀"])
text_st = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


# ---------------------------------------------------------------------------------------- Utf16Index

def test_utf16_examples():
    text = "a😀b𠀀c"
    idx = Utf16Index(text)
    assert [idx.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [idx.from_utf16(u) for u in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]  # inside a pair rounds down


@settings(max_examples=200, deadline=None)
@given(text_st)
def test_utf16_round_trip(text):
    idx = Utf16Index(text)
    encoded = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        unit = idx.to_utf16(i)
        assert unit == len(text[:i].encode("utf-16-le")) // 2
        assert idx.from_utf16(unit) == i
    assert idx.to_utf16(len(text)) == len(encoded) // 2


# ---------------------------------------------------------------------------------------- normalize

def test_normalize_examples():
    raw = "\ufeffHa\u0300 No\u0323\u0302i\r\nx\ry"
    text, omap = normalize(raw)
    assert text == "Hà Nội\nx\ny"
    assert omap.map(0) == 0 and omap.map(1) == 0          # the BOM disappears
    assert omap.map(5) == 3                                # raw "\ufeffHa\u0300 " is "Hà "
    with pytest.raises(OffsetError):
        omap.map(3)                                        # between a and its grave accent
    with pytest.raises(OffsetError):
        omap.map(11)                                       # between CR and LF
    assert omap.map(len(raw)) == len(text)


def test_normalize_ascii_is_identity():
    text, omap = normalize("plain text")
    assert text == "plain text" and omap.identity and omap.map(3) == 3


@settings(max_examples=200, deadline=None)
@given(text_st)
def test_normalize_maps_nfd_boundaries_back(text):
    text = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    out, omap = normalize(nfd)
    assert out == text
    for i in range(len(text) + 1):
        raw = len(unicodedata.normalize("NFD", text[:i]))
        assert omap.map(raw) == i


# ---------------------------------------------------------------------------------------- syllables and snapping

def test_syllables_examples():
    # the engine's units (underthesea's tokenizer): the window snaps to what the engine tags
    text = "UBND TP.HCM, 57-NQ/TW."
    assert [text[a:b] for a, b in syllables(text)] == ["UBND", "TP.HCM", ",", "57", "-", "NQ", "/", "TW", "."]


@settings(max_examples=300, deadline=None)
@given(text_st, st.integers(0, 70), st.integers(0, 70))
def test_snap_never_cuts_a_syllable(text, a, b):
    text = unicodedata.normalize("NFC", text)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    units = syllables(text)
    got = snap_to_syllables(text, start, end, units)
    if got is None:
        assert not any(u[0] < end and u[1] > start for u in units) or start == end
        return
    s, e = got
    assert 0 <= s < e <= len(text)
    starts = {u[0] for u in units}
    ends = {u[1] for u in units}
    assert s in starts and e in ends                       # whole syllables only
    for u0, u1 in units:                                   # and nothing cut in two
        assert not (u0 < s < u1) and not (u0 < e < u1)
    if start < end:
        assert any(u[0] < end and u[1] > start for u in units if u[0] >= s and u[1] <= e)


def test_snap_examples():
    text = "Ông Nguyễn Văn An, (Hà Nội)."
    assert snap_to_syllables(text, 6, 12) == (4, 14)       # "uyễn V" grows to "Nguyễn Văn"
    assert snap_to_syllables(text, 18, 27) == (20, 26)     # punctuation at the edges dropped
    assert snap_to_syllables(text, 3, 4) is None           # only a space


# ---------------------------------------------------------------------------------------- spans and sentences

def test_check_span():
    assert check_span("abc", 0, 3) is None
    assert "out of range" in check_span("abc", 0, 4)
    assert "reversed" in check_span("abc", 2, 1)
    assert "cuts a character" in check_span("e\u0301x", 1, 3)
    assert "cuts a character" in check_span("👨‍👩", 0, 1)
    assert "integers" in check_span("abc", 0, "2")


def test_content_hash_is_of_the_text():
    assert content_hash("Hà Nội") == content_hash(unicodedata.normalize("NFC", "Ha\u0300 Nội"))
    assert content_hash("a") != content_hash("b")


def test_sentences():
    text = "Ngày 12/3, Hà Nội họp. Đồng thời, kiểm tra!\nDòng hai"
    assert [text[a:b] for a, b in sentences(text)] == ["Ngày 12/3, Hà Nội họp.", "Đồng thời, kiểm tra!", "Dòng hai"]
