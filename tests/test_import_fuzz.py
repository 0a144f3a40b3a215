"""Issue 9, item 11: hypothesis fuzzing of every importer.

Each importer (txt, native, Prodigy, doccano, Hugging Face JSONL, CoNLL) gets generated
files mixing plausible records with hostile values (NaN, infinities, huge integers, deeply
nested ids, lone surrogates, NUL and control characters, wrong types, invalid UTF-8). What
must hold for every input: the import returns a report (no exception escapes), every problem
is one line starting with the file name, and the corpus stays healthy and exportable.

``ANNOTATOR_FUZZ_EXAMPLES`` raises the number of examples per importer (default 40);
``ANNOTATOR_FUZZ_REPORT=FILE`` appends the counts (inputs, clear errors, tracebacks).
"""

from __future__ import annotations

import json
import os
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.exporter import ExportOptions, export
from annotator.core.importer import import_paths
from annotator.core.store import Corpus

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
LABELS = ["PER", "ORG", "LOC", "MISC", "DIRECTIVE", "B-PER", "I-ORG", "O", "", " PER", "per"]
TEXTS = ["Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội báo cáo.", "Bộ Y tế họp tại Huế.",
         "Đà Nẵng 👍🏽 đón khách\r\n", "Nội dung NFD: Ha\u0300 No\u0323i", "", "   ", "\ufeffBOM"]
COUNTS: Counter = Counter()


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.sampled_from([10 ** 400, -(10 ** 400), 2 ** 63, 2 ** 64, -1, 0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["\x00", "\ud800", "a\udfffb", "\x01\x02", "é\u0301", "\u202e"]),
)
hostile = st.one_of(scalars, st.just(nested(900)), st.just(nested(60)),
                    st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                                 | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8))


def maybe(plausible):
    """Mostly a plausible value, sometimes a hostile one."""
    return st.one_of(plausible, plausible, plausible, hostile)


offsets = maybe(st.integers(min_value=-2, max_value=70))
label = maybe(st.sampled_from(LABELS))
# a number keeps plausible texts apart, so that most are stored rather than skipped as duplicates
text = maybe(st.tuples(st.sampled_from(TEXTS), st.integers(0, 10 ** 9)).map(lambda t: f"{t[0]} số {t[1]}.")
             | st.text(max_size=80))


@st.composite
def valid_spans(draw):
    """A plausible text with spans over whole words: the path most real records take."""
    import re

    body = draw(st.sampled_from(TEXTS[:4])) + f" số {draw(st.integers(0, 10 ** 9))}."
    words = [m.span() for m in re.finditer(r"\w+", body)]
    chosen = sorted(set(draw(st.lists(st.sampled_from(words), max_size=3))))
    return body, [(start, end, draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"]))) for start, end in chosen]


@st.composite
def native_record(draw):
    if draw(st.booleans()):
        body, spans = draw(valid_spans())
        return {"text": body, "spans": [{"start": a, "end": b, "label": c, "id": i} for i, (a, b, c) in
                                        enumerate(spans)],
                "relations": [{"head": 0, "tail": len(spans) - 1, "label": "issuer"}] if spans else []}
    rec = {"text": draw(text)}
    if draw(st.booleans()):
        rec["spans"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"start": offsets, "end": offsets, "label": label},
            optional={"id": maybe(st.integers(0, 5)), "score": maybe(st.floats(0, 1)), "state": maybe(
                st.sampled_from(["accepted", "suggested", "rejected", "bogus"])), "attrs": hostile,
                "text": maybe(st.text(max_size=8)), "origin": maybe(st.sampled_from(["import", "model"]))}),
            max_size=4)))
    if draw(st.booleans()):
        rec["relations"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"head": maybe(st.integers(0, 5)), "tail": maybe(st.integers(0, 5)), "label": label}), max_size=2)))
    for key in ("time_spent", "status", "id", "meta", "title", "reviewer", "source"):
        if draw(st.integers(0, 3)) == 0:
            rec[key] = draw(hostile)
    return rec


@st.composite
def prodigy_record(draw):
    if draw(st.booleans()):
        body, spans = draw(valid_spans())
        return {"text": body, "answer": "accept", "spans": [{"start": a, "end": b, "label": c} for a, b, c in spans]}
    rec = {"text": draw(text), "answer": draw(maybe(st.sampled_from(["accept", "reject", "ignore"])))}
    rec["spans"] = draw(maybe(st.lists(st.fixed_dictionaries(
        {"start": offsets, "end": offsets, "label": label},
        optional={"token_start": maybe(st.integers(0, 5)), "token_end": maybe(st.integers(0, 5)),
                  "score": hostile, "answer": hostile}), max_size=4)))
    if draw(st.booleans()):
        rec["tokens"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"text": st.text(max_size=5), "start": offsets, "end": offsets, "id": offsets}), max_size=4)))
    if draw(st.booleans()):
        rec["relations"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"head": offsets, "child": offsets, "label": label, "head_span": hostile, "child_span": hostile}),
            max_size=2)))
    if draw(st.booleans()):
        rec["meta"] = draw(maybe(st.fixed_dictionaries({"doc_id": hostile, "title": hostile})))
    return rec


@st.composite
def doccano_record(draw):
    if draw(st.booleans()):
        body, spans = draw(valid_spans())
        return {"text": body, "label": [[a, b, c] for a, b, c in spans]}
    rec = {"text": draw(text), "id": draw(maybe(st.integers(0, 9)))}
    if draw(st.booleans()):
        rec["label"] = draw(maybe(st.lists(st.tuples(offsets, offsets, label).map(list), max_size=4)))
    else:
        rec["entities"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"start_offset": offsets, "end_offset": offsets, "label": label, "id": maybe(st.integers(0, 5))}),
            max_size=4)))
        rec["relations"] = draw(maybe(st.lists(st.fixed_dictionaries(
            {"from_id": maybe(st.integers(0, 5)), "to_id": maybe(st.integers(0, 5)), "type": hostile}),
            max_size=2)))
    return rec


@st.composite
def hf_record(draw):
    size = draw(st.integers(0, 6))
    tokens = draw(maybe(st.lists(maybe(st.sampled_from(["Hà", "Nội", "yêu", "cầu", "UBND", ".", ""])
                                       | st.integers(0, 10 ** 6).map(str)), min_size=size, max_size=size)))
    tags = draw(maybe(st.lists(maybe(st.sampled_from(["O", "B-LOC", "I-LOC", "B-ORG", "I-PER", "X-Y", "B-"])),
                               min_size=size, max_size=size + 1)))
    return {"id": draw(maybe(st.sampled_from(["a-0", "a-1", "b-0", "7", 3]))), "tokens": tokens, "ner_tags": tags}


def jsonl_lines(records):
    def dump(r):
        try:
            return json.dumps(r, ensure_ascii=True)
        except (ValueError, RecursionError):
            return json.dumps(str(r)[:100])
    return st.lists(st.one_of(records.map(dump), records.map(dump), records.map(dump),
                              st.sampled_from(["", "{", "[1, 2]", "null", '{"text": "x"', "\ufeff{}"])),
                    min_size=1, max_size=8).map(lambda lines: ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))


conll_line = st.one_of(
    st.tuples(st.sampled_from(["Hà_Nội", "UBND", "yêu_cầu", ".", "Nguyễn Văn An", "__", "x" * 50])
              | st.integers(0, 10 ** 6).map(str),
              maybe(st.sampled_from(["O", "B-LOC", "I-LOC", "B-PER", "I-ORG", "B-", "I-X", "LOC"]))).map(
        lambda t: f"{t[0]}\t{t[1]}"),
    st.sampled_from(["", "<s>", "</s>", "-DOCSTART- O", "a\tb\tc\td\te", "\t", "tok N Np B-PER O"]),
    st.text(max_size=20),
)
conll_file = st.lists(conll_line, min_size=1, max_size=25).map(
    lambda lines: ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
txt_file = st.one_of(st.sampled_from(TEXTS).map(lambda t: t.encode("utf-8")),
                     st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.binary(max_size=200),
                     st.sampled_from([b"\xff\xfeH\x00i\x00", b"\xef\xbb\xbf", b"\x00\x00", b"ok\xc3"]))

@st.composite
def hf_folder(draw):
    """A dataset folder: a card declaring ClassLabel names (sometimes broken) and integer tags."""
    from annotator.core.formats import hf

    names = draw(st.lists(maybe(st.sampled_from(["O", "B-LOC", "I-LOC", "B-PER", "I-PER"])), min_size=1,
                          max_size=5).map(lambda xs: [str(x) for x in xs]))
    card = hf.dataset_card(names, {"train": "train.jsonl"})
    if draw(st.booleans()):  # a damaged card
        lines = card.splitlines()
        cut = draw(st.integers(0, len(lines)))
        card = "\n".join(lines[:cut] + [draw(st.text(max_size=40))] + lines[cut:])
    rows = draw(st.lists(st.fixed_dictionaries({
        "id": maybe(st.sampled_from(["a-0", "a-1", "b-0"])),
        "tokens": maybe(st.lists(st.sampled_from(["Hà", "Nội", "UBND"]) | st.integers(0, 10 ** 6).map(str),
                                 min_size=1, max_size=4)),
        "ner_tags": maybe(st.lists(maybe(st.integers(-1, 6)), min_size=1, max_size=4))}), min_size=1, max_size=5))
    return card.encode("utf-8", "surrogatepass"), \
        ("\n".join(json.dumps(r) for r in rows) + "\n").encode("utf-8", "surrogatepass")


IMPORTERS = {
    "txt": (".txt", txt_file),
    "native": (".jsonl", jsonl_lines(native_record())),
    "prodigy": (".jsonl", jsonl_lines(prodigy_record())),
    "doccano": (".jsonl", jsonl_lines(doccano_record())),
    "hf": (".jsonl", jsonl_lines(hf_record())),
    "conll": (".conll", conll_file),
    "conll-2003": (".train", conll_file),
    "hf dataset folder": ("/train.jsonl", hf_folder()),
}


def _check(data, suffix: str, folder: Path, corpus: Corpus, name: str, **options) -> None:
    path = folder / f"input{COUNTS[name + ':inputs']}{suffix}"
    if isinstance(data, tuple):  # a dataset folder: its card, then its data file
        path.parent.mkdir()
        (path.parent / "README.md").write_bytes(data[0])
        data = data[1]
    path.write_bytes(data)
    COUNTS[name + ":inputs"] += 1
    try:
        report = import_paths(corpus, [path], **options)
    except Exception:  # noqa: BLE001 - counted, then failed
        COUNTS[name + ":tracebacks"] += 1
        pytest.fail(f"{name} import raised:\n{traceback.format_exc()}\ninput: {data[:300]!r}")
    for problem in report.problems:
        assert problem.startswith(str(path)) and "\n" not in problem and "Traceback" not in problem, problem
    COUNTS[name + ":clear errors"] += report.rejected + len(report.failed_files)
    COUNTS[name + ":records stored"] += report.added


@pytest.fixture(scope="module")
def fuzz_corpus():
    with tempfile.TemporaryDirectory() as tmp:
        with Corpus(Path(tmp) / "fuzz.db") as corpus:
            yield corpus, Path(tmp)
        _write_counts()


def _exported(fmt: str, folder: Path) -> bytes:
    """A real export (two labelled documents) in a format, to mutate: the plausible start."""
    from annotator.core.model import Document, Relation, Span, Status

    source = folder / f"sample-{fmt}.db"
    with Corpus(source) as c:
        if c.count_documents() == 0:
            c.add_document(Document(text="Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội báo cáo.", uid="d1",
                                    status=Status.DONE, spans=[Span(10, 25, "PER"), Span(34, 48, "ORG")],
                                    relations=[Relation(0, 1, "addressee")]))
            c.add_document(Document(text="Bộ Y tế họp tại Huế.", uid="d2", status=Status.DONE,
                                    spans=[Span(0, 7, "ORG"), Span(16, 19, "LOC")]))
        out = folder / f"sample-{fmt}"
        export(c, out, ExportOptions(fmt=fmt))
    if out.is_dir():
        return sorted(out.iterdir())[0].read_bytes()
    return out.read_bytes()


def mutated(base: bytes):
    """The base file, flipped bytes, cut short, or with a line of junk put in."""
    size = max(len(base), 1)
    flips = st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, 255)), min_size=1, max_size=6).map(
        lambda changes: bytes(_flip(base, changes)))
    cut = st.integers(0, size).map(lambda n: base[:n])
    junk = st.tuples(st.integers(0, base.count(b"\n")), st.binary(max_size=40) | st.text(max_size=40).map(
        lambda t: t.encode("utf-8", "surrogatepass"))).map(lambda t: _insert_line(base, *t))
    return st.one_of(st.just(base), flips, cut, junk)


def _flip(base: bytes, changes) -> bytearray:
    data = bytearray(base)
    for pos, value in changes:
        if pos < len(data):
            data[pos] = value
    return data


def _insert_line(base: bytes, index: int, line: bytes) -> bytes:
    lines = base.split(b"\n")
    lines.insert(min(index, len(lines)), line)
    return b"\n".join(lines)


# formats whose plausible inputs come from our own exporter, mutated (added by the format registry)
EXPORTED = {"labelstudio": ".json", "webanno": ".tsv", "spacy": ".spacy", "prodigy-array": ".json"}


@pytest.mark.parametrize("name", list(EXPORTED))
def test_importer_survives_mutated_exports(fuzz_corpus, name):
    corpus, folder = fuzz_corpus
    fmt = "prodigy" if name == "prodigy-array" else name
    if fmt == "spacy":
        pytest.importorskip("spacy")
    base = _exported(fmt, folder)
    if name == "prodigy-array":  # a .json array of records instead of JSONL
        base = ("[" + ",".join(base.decode("utf-8").splitlines()) + "]").encode("utf-8")

    @FUZZ
    @given(data=mutated(base), add=st.booleans())
    def run(data, add):
        _check(data, EXPORTED[name], folder, corpus, name, new_labels="add" if add else "refuse")

    run()
    assert corpus.integrity_check() == []


@pytest.mark.parametrize("name", list(IMPORTERS))
def test_importer_survives_hostile_input(fuzz_corpus, name):
    corpus, folder = fuzz_corpus
    suffix, strategy = IMPORTERS[name]

    @FUZZ
    @given(data=strategy, add=st.booleans(), suggest=st.booleans(), per_doc=st.integers(1, 3))
    def run(data, add, suggest, per_doc):
        _check(data, suffix, folder, corpus, name, new_labels="add" if add else "refuse", as_suggestions=suggest,
               sentences_per_doc=per_doc)

    run()
    assert COUNTS[name + ":inputs"] >= min(EXAMPLES, 10)
    assert corpus.integrity_check() == []
    export(corpus, folder / f"after-{name}.jsonl", ExportOptions(), overwrite=True)


def _write_counts() -> None:
    target = os.environ.get("ANNOTATOR_FUZZ_REPORT")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as f:
        for name in [*IMPORTERS, *EXPORTED]:
            f.write(f"{name}: {COUNTS[name + ':inputs']} inputs, {COUNTS[name + ':clear errors']} clear errors,"
                    f" {COUNTS[name + ':records stored']} documents stored,"
                    f" {COUNTS[name + ':tracebacks']} tracebacks\n")
