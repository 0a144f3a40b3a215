"""Round trip of every two-way format we own, as properties: NFD input, emoji, overlapping
entity and directive spans, a relation. import → export → import keeps texts, statuses,
accepted spans and relations exactly."""

from __future__ import annotations

import json
import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotator.core.exporter import ExportOptions, export  # noqa: E402
from annotator.core.formats import registry  # noqa: E402
from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.store import Corpus  # noqa: E402
from annotator.core.text import cuts_character  # noqa: E402

VI = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
PIECES = (list(VI) + list(VI.upper()) + list("bcdghklmnpqrstvx") + [" ", " ", " ", "  ", "\n", "\n\n", ",", ".",
          ". ", "(", ")", "“", "”", "-", "/", "|", "_", "[1]", "\\", "*"]
          + ["😀", "👍🏽", "👨‍👩‍👧", "🇻🇳", "𝐀", "𠀀", "é", "Å"])
LABELS = ["PER", "ORG", "LOC", "MISC"]

#: two-way formats whose exactness this module checks; conll and hf rebuild their text from
#: tokens (their exact round trip is tested with the segmentation work in test_roundtrip*)
OWN = ("native", "prodigy", "doccano", "labelstudio", "webanno", "spacy")
DB = settings(max_examples=20, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def documents(draw):
    text = unicodedata.normalize("NFC", draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=50)
                                              .map("".join)))
    if not text.strip():
        text = "Hà Nội" + text
    bounds = [i for i in range(len(text) + 1) if not cuts_character(text, i)]
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        a, b = sorted(draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2, unique=True)))
        spans.append((a, b, draw(st.sampled_from(LABELS))))
    if draw(st.booleans()):   # a directive over (part of) the text, overlapping the entities
        a, b = sorted(draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2, unique=True)))
        spans.append((a, b, "DIRECTIVE"))
    spans = sorted(set(spans))
    return text, spans


def nfd_record(text: str, spans: list[tuple[int, int, str]]) -> dict:
    """A native record of the NFD form of ``text`` (offsets moved onto it), a relation when possible."""
    nfd = unicodedata.normalize("NFD", text)

    def at(i: int) -> int:
        return len(unicodedata.normalize("NFD", text[:i]))

    rec = {"id": "doc-1", "text": nfd, "status": "done",
           "spans": [{"id": i, "start": at(a), "end": at(b), "label": label} for i, (a, b, label) in enumerate(spans)]}
    heads = [i for i, s in enumerate(spans) if s[2] != "DIRECTIVE"]
    tails = [i for i, s in enumerate(spans) if s[2] == "DIRECTIVE"]
    if heads and tails:
        rec["relations"] = [{"head": heads[0], "tail": tails[0], "label": "issuer"}]
    return rec


def snapshot(corpus: Corpus) -> list:
    out = []
    for doc in corpus.iter_documents():
        by_id = {s.id: (s.start, s.end, s.label) for s in doc.spans}
        out.append((doc.text, doc.status.value, sorted((s.start, s.end, s.label, s.state.value) for s in doc.spans),
                    sorted((by_id[r.head], by_id[r.tail], r.label) for r in doc.relations)))
    return out


def round_trip(folder, fmt: str, record: dict) -> tuple[list, list]:
    source = folder / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = folder / f"out{registry.get(fmt).extensions[0]}"
    with Corpus(folder / "a.db") as a, Corpus(folder / "b.db") as b:
        report = import_paths(a, [source], new_labels="add")
        assert report.added == 1, report.problems
        export(a, out, ExportOptions(fmt=fmt))
        back = import_paths(b, [out], new_labels="add")
        assert back.added == 1 and not back.problems, back.problems
        return snapshot(a), snapshot(b)


@pytest.mark.parametrize("fmt", OWN)
@DB
@given(doc=documents())
def test_every_two_way_format_comes_back_exactly(tmp_path_factory, fmt, doc):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    text, spans = doc
    before, after = round_trip(tmp_path_factory.mktemp(fmt), fmt, nfd_record(text, spans))
    assert before[0][0] == text   # the NFD input was stored NFC, offsets carried over
    assert after == before


def test_own_formats_are_the_two_way_ones_but_the_token_rebuilders():
    two_way = {f.name for f in registry.FORMATS if f.direction == "two-way"}
    assert two_way - set(OWN) == {"conll", "hf"}


#: formats that keep every span state; with the statuses they carry exactly
STATEFUL = {"native": ("new", "in_progress", "done", "skipped"), "spacy": ("new", "in_progress", "done", "skipped"),
            "prodigy": ("done", "skipped")}   # Prodigy answers: accept (done) or ignore (skipped)


@pytest.mark.parametrize("fmt", sorted(STATEFUL))
@DB
@given(doc=documents(), states=st.lists(st.sampled_from(["accepted", "suggested", "rejected"]), min_size=6, max_size=6),
       status=st.sampled_from(["new", "in_progress", "done", "skipped"]))
def test_span_states_and_statuses_come_back(tmp_path_factory, fmt, doc, states, status):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    if status not in STATEFUL[fmt]:
        status = "done"
    text, spans = doc
    record = nfd_record(text, spans)
    record["status"] = status
    for item, state in zip(record["spans"], states):
        item["state"] = state
    folder = tmp_path_factory.mktemp(fmt)
    source = folder / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = folder / f"out{registry.get(fmt).extensions[0]}"
    every = ExportOptions(fmt=fmt, statuses=list(STATEFUL[fmt]), states=["accepted", "suggested", "rejected"])
    with Corpus(folder / "a.db") as a, Corpus(folder / "b.db") as b:
        assert import_paths(a, [source], new_labels="add").added == 1
        export(a, out, every)
        back = import_paths(b, [out], new_labels="add")
        assert back.added == 1 and not back.problems, back.problems
        assert snapshot(b) == snapshot(a)


DAMAGE_ME = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_RL=webanno.custom.Rel|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=Ông An 😀 đến Hà Nội.
1-1\t0-3\tÔng\t_\t_\t_\t_\t
1-2\t4-6\tAn\t*\tPER\t_\t_\t
1-3\t7-9\t😀\t_\t_\t_\t_\t
1-4\t10-13\tđến\t_\t_\t_\t_\t
1-5\t14-16\tHà\t*[2]|*[3]\tLOC[2]|ORG[3]\tđi\\_đến\t1-2[0_2]\t
1-5.1\t14-16\tHà\t_\t_\t_\t_\t
1-6\t17-20\tNội\t*[2]\tLOC[2]\t_\t_\t
1-7\t20-21\t.\t_\t_\t_\t_\t
"""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_webanno_file_is_reported_never_raised(data):
    """Lines dropped, doubled or cut, characters replaced: the reader says why, it never raises
    anything but RecordError (the importer's one line)."""
    from annotator.core.formats import webanno
    from annotator.core.formats.base import RecordError

    lines = DAMAGE_ME.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(st.sampled_from(["drop", "double", "cut", "char"]))
        if how == "drop":
            del lines[i]
        elif how == "double":
            lines.insert(i, lines[i])
        elif how == "cut":
            lines[i] = lines[i][:data.draw(st.integers(0, len(lines[i])))]
        else:
            j = data.draw(st.integers(0, max(len(lines[i]) - 1, 0)))
            lines[i] = lines[i][:j] + data.draw(st.sampled_from(list("\t-[]|_*0123456789x\\ "))) + lines[i][j + 1:]
        if not lines:
            return
    try:
        list(webanno.read(enumerate(lines, 1)))
    except RecordError:
        pass


JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 60) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["text", "start", "end", "labels", "type", "value", "result", "from_id",
                                         "to_id", "was_cancelled", "id", "label"]), inner, max_size=4),
                    max_leaves=12)


@DB
@given(task=st.fixed_dictionaries({"data": st.dictionaries(st.sampled_from(["text", "x"]), JSON, max_size=2)},
                                  optional={"annotations": JSON, "predictions": JSON, "meta": JSON}))
def test_a_malformed_label_studio_task_is_refused_with_a_reason(tmp_path_factory, task):
    """Whatever shape a task has, the import stores it or rejects it with a reason: it never raises."""
    folder = tmp_path_factory.mktemp("ls")
    (folder / "t.json").write_text(json.dumps([task, {"data": {"text": "Hà Nội"}}]), encoding="utf-8")
    with Corpus(folder / "c.db") as corpus:
        report = import_paths(corpus, [folder / "t.json"], new_labels="add")
    assert report.added + report.rejected == 2 - report.duplicates, report.problems
    assert report.rejected == len(report.problems)
