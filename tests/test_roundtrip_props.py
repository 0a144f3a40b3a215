"""Property-based tests of offsets: Vietnamese text, NFD input, emoji and other non-BMP characters."""

from __future__ import annotations

import json
import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotator.core.exporter import ExportOptions, export  # noqa: E402
from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.store import Corpus  # noqa: E402
from annotator.core.tokens import TokenIndex, tokenize  # noqa: E402

VI = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
PIECES = (list(VI) + list(VI.upper()) + list("bcdghklmnpqrstvx") + [" ", " ", " ", "  ", "\n", "\t", ",", ".", "(",
          ")", "“", "”", "-", "/"] + ["😀", "👍🏽", "👨‍👩‍👧", "🇻🇳", "𝐀", "𠀀", "é", "ﬁ", "Å"])

vi_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)
# each example of the corpus-backed properties creates SQLite files: keep them few
DB = settings(max_examples=30, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def boundaries(text: str) -> list[int]:
    """Offsets of the NFC text where a span may begin or end (not inside a joined emoji sequence)."""
    from annotator.core.text import cuts_character

    return [i for i in range(len(text) + 1) if not cuts_character(text, i)]


@st.composite
def text_and_spans(draw):
    text = unicodedata.normalize("NFC", draw(vi_text))
    bounds = boundaries(text)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        a, b = sorted(draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2, unique=True)))
        spans.append((a, b))
    return text, spans


@DB
@given(text_and_spans())
def test_nfd_input_offsets_cover_the_same_visible_text(tmp_path_factory, data):
    text, spans = data
    nfd = unicodedata.normalize("NFD", text)

    def nfd_offset(i: int) -> int:
        return len(unicodedata.normalize("NFD", text[:i]))

    record = {"text": nfd, "spans": [{"start": nfd_offset(a), "end": nfd_offset(b), "label": "MISC"}
                                     for a, b in spans]}
    folder = tmp_path_factory.mktemp("nfd")
    (folder / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Corpus(folder / "c.db") as corpus:
        report = import_paths(corpus, [folder / "a.jsonl"])
        if not text.strip():
            assert report.rejected == 1
            return
        assert report.added == 1, report.problems
        [doc] = corpus.iter_documents()
    assert doc.text == text
    got = sorted((s.start, s.end) for s in doc.spans)
    assert got == sorted(set(spans))
    for s in doc.spans:
        visible = doc.text[s.start:s.end]
        raw = nfd[nfd_offset(s.start):nfd_offset(s.end)]
        assert unicodedata.normalize("NFC", raw) == visible


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_prodigy_tokens_rebuild_and_align(data):
    text, spans = data
    tokens = tokenize(text, spans)
    assert "".join(t.text + (" " if t.ws else "") for t in tokens) == text
    assert all(t.text and text[t.start:t.end] == t.text for t in tokens)
    assert all(a.end + a.ws == b.start for a, b in zip(tokens, tokens[1:]))
    index = TokenIndex(tokens)
    for a, b in spans:
        assert index.span(a, b) is not None, (text[a:b], [t.text for t in tokens])


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(text_and_spans(), min_size=1, max_size=4))
def test_native_export_import_is_lossless(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp("native")
    records = [{"text": t, "status": "done",
                "spans": [{"start": a, "end": b, "label": ["PER", "LOC"][i % 2],
                           "state": ["accepted", "rejected", "suggested"][i % 3]} for i, (a, b) in enumerate(s)]}
               for t, s in docs if t.strip()]
    assume(records)
    (folder / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                     encoding="utf-8")
    with Corpus(folder / "a.db") as a, Corpus(folder / "b.db") as b:
        first = import_paths(a, [folder / "in.jsonl"])
        assert not first.problems
        export(a, folder / "out.jsonl", ExportOptions())
        second = import_paths(b, [folder / "out.jsonl"])
        assert (second.added, second.problems) == (first.added, [])

        def snap(c):
            return sorted((d.text, d.status.value, tuple((s.start, s.end, s.label, s.state.value) for s in d.spans))
                          for d in c.iter_documents())

        assert snap(a) == snap(b)
