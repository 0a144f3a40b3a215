"""Tokens, word segmentation, sentences and span snapping keep exact offsets."""

from __future__ import annotations

import unicodedata
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.nlp.pipeline import Pipeline
from annotator.nlp.text import _PATTERNS, is_word_char, segment, sentences, snap_span, syllables

SAMPLE = ("Ngày 10/11, tại TP.HCM, PGS.TS Nguyễn Văn A (Nghị quyết số 57-NQ/TW) 😀 e-mail "
          "abc@x.vn hoà 1.000,5 tỷ đồng... “Chúng ta” v.v. Tp. Huế, Mr. Smith, UBND. Hòa Bình.")


def test_syllables_match_underthesea_regex_and_offsets():
    toks = syllables(SAMPLE)
    ref = []
    for m in _PATTERNS.finditer(SAMPLE):
        if m.group() == "UBND.":  # the one deliberate difference, see the next test
            ref += [("UBND", m.start(), m.end() - 1), (".", m.end() - 1, m.end())]
        elif m.group().strip():
            ref.append((m.group(), m.start(), m.end()))
    assert [(t.text, t.start, t.end) for t in toks] == ref
    for t in toks:
        assert SAMPLE[t.start:t.end] == t.text


def test_sentence_final_period_is_split_from_abbreviations():
    text = "Đoàn đến TP.HCM. Sau đó làm việc với EVN. Ông đến TP. Hồ Chí Minh."
    got = [t.text for t in syllables(text)]
    assert got[:4] == ["Đoàn", "đến", "TP.HCM", "."]
    assert "EVN" in got and "TP." in got


def test_segmentation_agrees_with_word_tokenize():
    from underthesea import word_tokenize

    text = "Bộ trưởng Bộ Nông nghiệp và Môi trường Đỗ Văn Thắng cho biết hoà bình là mục tiêu."
    toks = segment(text)
    words, cur = [], []
    for t in toks:
        if t.word_pos == "B" and cur:
            words.append(" ".join(cur))
            cur = []
        cur.append(t.text)
    words.append(" ".join(cur))
    expected = word_tokenize(text)
    # word_tokenize normalises "hoà" to "hòa"; offsets keep the original spelling
    assert [w.replace("hoà", "hòa") for w in words] == expected


def test_sentences_cover_whole_sentences():
    text = "Ông A nói. Bà B đến TP. Hồ Chí Minh! Tiếp theo?\n- Rà soát hồ sơ;\n- Báo cáo kết quả."
    got = [text[s.start:s.end] for s in sentences(text)]
    assert got == ["Ông A nói.", "Bà B đến TP. Hồ Chí Minh!", "Tiếp theo?", "Rà soát hồ sơ;", "Báo cáo kết quả."]


def _syllable_bounds_ok(text: str, a: int, b: int) -> bool:
    """Neither end of [a, b) falls strictly inside a run of word characters."""
    def inside(i):
        return 0 < i < len(text) and is_word_char(text[i - 1]) and is_word_char(text[i])
    return not inside(a) and not inside(b)


VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIET + VIET.upper() + "0123456789 .,;:!?-/()“”\"'\n" + "😀👍🏽🇻🇳✨" + "\u0301\u200d"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(0, 130), st.integers(0, 130))
def test_snap_never_cuts_a_syllable(text, a, b):
    a, b = min(a, b), max(a, b)
    s, e = snap_span(text, a, b)
    assert 0 <= s <= e <= len(text)
    assert _syllable_bounds_ok(text, s, e)
    assert text[s:e] == text[s:e].strip()


@pytest.fixture(scope="module")
def pipe():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Pipeline.load()


WORDS = ["Hà", "Nội", "Bộ", "Y", "tế", "ông", "Nguyễn", "Văn", "An", "đề", "nghị", "các", "tỉnh", "cần",
         "tăng", "cường", "UBND", "TP.HCM", "Quảng", "Ninh", "😀", "👍🏽", "2024", "1.000", "Sở", "và", "“Chỉ", "thị”"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, min_size=1, max_size=6)),
                max_size=40),
       st.lists(st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "; ", "  "]), min_size=40, max_size=40))
def test_pipeline_offsets_never_cut_a_syllable(pipe, words, seps):
    text = "".join(w + s for w, s in zip(words, seps))
    text = unicodedata.normalize("NFC", text)
    ann = pipe.annotate(text)
    for s in ann.spans:
        assert 0 <= s.start < s.end <= len(text)
        assert _syllable_bounds_ok(text, s.start, s.end), (text, s)
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    ents = sorted((s.start, s.end) for s in ann.spans if s.label != "DIRECTIVE")
    for (a1, b1), (a2, b2) in zip(ents, ents[1:]):
        assert b1 <= a2
    for h, t, _lab in ann.relations:
        assert 0 <= h < len(ann.spans) and 0 <= t < len(ann.spans)


def test_public_word_tokenize_fallback_gives_same_words():
    from annotator.nlp import text as T

    fallback = T._Segmenter()
    fallback._ready, fallback._fast = True, False  # as if underthesea's internals were not importable
    toks = syllables(SAMPLE)
    assert fallback.word_positions(toks) == T._SEGMENTER.word_positions(toks)


def test_engine_imports_without_qt():
    import subprocess
    import sys

    code = ("import sys, annotator.nlp.pipeline, annotator.nlp.train; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_fast_segmentation_features_match_underthesea():
    from annotator.nlp import text as T

    segment("Hà Nội")  # initialises the segmenter
    assert T._SEGMENTER._py_features is not None, "fast featurizer disabled: self-check failed"
    words = [t.text for t in syllables(SAMPLE)]
    assert T._SEGMENTER._py_features(words) == T._SEGMENTER._featurizer.process([[[w] for w in words]])[0]
