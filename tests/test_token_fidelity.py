"""Exports never move a span, imported tokens are kept, CoNLL and hf round trips are exact."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.exporter import ExportOptions, export
from annotator.core.formats import conll
from annotator.core.importer import import_paths
from annotator.core.model import Document, Span, Status
from annotator.core.store import Corpus

ROOT = Path(__file__).resolve().parents[1]
GAN = "Bộ trưởng Y tế Singapore Gan Kim Yong cho biết."


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("-DOCSTART-")]


def spans_of(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.start:s.end], s.label) for s in doc.spans]


# ------------------------------------------------------------------ spans never move

def gan_corpus(corpus: Corpus) -> Corpus:
    loc = GAN.index("Singapore")
    per = GAN.index("Gan")
    corpus.add_document(Document(text=GAN, status=Status.DONE, spans=[
        Span(loc, loc + len("Singapore"), "LOC"), Span(per, per + len("Gan Kim Yong"), "PER")]))
    return corpus


def test_word_glued_across_entities_is_split_not_moved(corpus, tmp_path, make_corpus):
    gan_corpus(corpus)
    report = export(corpus, tmp_path / "w.conll", ExportOptions(fmt="conll"))
    got = rows(tmp_path / "w.conll")
    # underthesea segments "Singapore Gan" as one word; the export cuts it at the span edge
    assert ["Singapore", "B-LOC"] in got and ["Gan", "B-PER"] in got and ["Kim_Yong", "I-PER"] in got
    assert report.details["entities"] == 2
    assert not any("dropped" in k or "widened" in k for k in report.details)
    other = make_corpus()
    import_paths(other, [tmp_path / "w.conll"])
    [doc] = other.iter_documents()
    assert spans_of(doc) == [("Singapore", "LOC"), ("Gan Kim Yong", "PER")]


def test_hf_export_keeps_both_spans(corpus, tmp_path):
    gan_corpus(corpus)
    export(corpus, tmp_path / "h.jsonl", ExportOptions(fmt="hf"))
    [rec] = [json.loads(x) for x in (tmp_path / "h.jsonl").read_text(encoding="utf-8").splitlines()]
    pairs = list(zip(rec["tokens"], rec["ner_tags"]))
    assert ("Singapore", "B-LOC") in pairs and ("Gan", "B-PER") in pairs and ("Kim_Yong", "I-PER") in pairs


def test_span_inside_a_syllable_is_written_exactly(corpus, tmp_path):
    """Even an imported span that cuts a syllable is neither widened nor shrunk."""
    text = "Công ty VinFast ra mắt."
    corpus.add_document(Document(text=text, status=Status.DONE, spans=[Span(8, 11, "ORG")]))  # "Vin"
    for level in ("word", "syllable"):
        export(corpus, tmp_path / f"{level}.conll", ExportOptions(fmt="conll", level=level))
        got = rows(tmp_path / f"{level}.conll")
        assert ["Vin", "B-ORG"] in got and ["Fast", "O"] in got


def test_export_command_never_says_dropped_or_widened(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    with Corpus(db) as corpus:
        gan_corpus(corpus)
    for fmt in ("conll", "hf"):
        assert main(["export", "--corpus", db, "--format", fmt, str(tmp_path / f"out-{fmt}")]) == 0
    said = capsys.readouterr()
    assert "exported 1 document" in said.out + said.err
    assert "dropped" not in said.out + said.err and "widened" not in said.out + said.err


# ------------------------------------------------------------------ imported tokens are kept

CONLL = ("-DOCSTART-\tO\n\n"
         "Nghị_quyết\tO\n57-NQ/TW\tB-MISC\ncủa\tO\nBộ_Chính_trị\tB-ORG\n(\tO\nHà_Nội\tB-LOC\n)\tO\n.\tO\n\n"
         "Giá\tO\n1.000,5\tO\nđồng\tO\n“\tO\nTp.\tB-LOC\nHCM\tI-LOC\n”\tO\n!\tO\n\n"
         "-DOCSTART-\tO\n\n"
         f"{unicodedata.normalize('NFD', 'Ông')}\tO\n{unicodedata.normalize('NFD', 'Gan_Kim_Yong')}\tB-PER\n"
         "😀\tO\n👍🏻\tO\n\n")


def test_conll_import_then_export_is_the_identity(corpus, tmp_path):
    (tmp_path / "in.conll").write_text(CONLL, encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "in.conll"])
    assert report.added == 2 and not report.problems
    for level in ("word", "syllable"):   # the document's own tokens win over the level
        export(corpus, tmp_path / "out.conll", ExportOptions(fmt="conll", level=level))
        assert (tmp_path / "out.conll").read_text(encoding="utf-8") == unicodedata.normalize("NFC", CONLL)
    # the stored text is rebuilt from the tokens, the tokens themselves are kept
    first = next(corpus.iter_documents())
    assert first.text.startswith("Nghị quyết 57-NQ/TW của Bộ Chính trị (Hà Nội). Giá 1.000,5")
    kept = corpus.tokens_of([first.id])[first.id]
    assert [first.text[a:b] for a, b in kept[0]][:3] == ["Nghị quyết", "57-NQ/TW", "của"]
    assert len(kept[1]) == 2


def test_reviewer_span_across_an_imported_token_cuts_it(corpus, tmp_path):
    (tmp_path / "in.conll").write_text("Ông\tO\nNguyễn_Văn_An\tO\nnói\tO\n\n", encoding="utf-8")
    import_paths(corpus, [tmp_path / "in.conll"])
    doc = next(corpus.iter_documents())
    start = doc.text.index("Văn")
    corpus.add_span(doc.id, Span(start, start + len("Văn An"), "PER"))
    export(corpus, tmp_path / "out.conll", ExportOptions(fmt="conll"))
    assert rows(tmp_path / "out.conll") == [["Ông", "O"], ["Nguyễn", "O"], ["Văn_An", "B-PER"], ["nói", "O"]]


def test_hf_jsonl_import_then_export_is_the_identity(corpus, tmp_path):
    lines = [{"id": "a-0", "tokens": ["Ông", "Gan_Kim_Yong", "đến", "Singapore", "."],
              "ner_tags": ["O", "B-PER", "O", "B-LOC", "O"]},
             {"id": "a-1", "tokens": ["Giá", "1.000,5", "USD", "/", "tấn"], "ner_tags": ["O"] * 5},
             {"id": "b-0", "tokens": ["57-NQ/TW", "v.v."], "ner_tags": ["B-MISC", "O"]}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    import_paths(corpus, [source])
    export(corpus, tmp_path / "out.jsonl", ExportOptions(fmt="hf", level="syllable"))
    assert [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()] == lines


def test_prodigy_tokens_are_kept(corpus, tmp_path):
    text = "Nghị quyết 57-NQ/TW tại TP.HCM"
    tokens = [{"text": "Nghị", "start": 0, "end": 4, "id": 0, "ws": True},
              {"text": "quyết", "start": 5, "end": 10, "id": 1, "ws": True},
              {"text": "57-NQ/TW", "start": 11, "end": 19, "id": 2, "ws": True},
              {"text": "tại", "start": 20, "end": 23, "id": 3, "ws": True},
              {"text": "TP.HCM", "start": 24, "end": 30, "id": 4, "ws": False}]
    spans = [{"start": 11, "end": 19, "label": "MISC", "token_start": 2, "token_end": 2},
             {"start": 24, "end": 30, "label": "LOC", "token_start": 4, "token_end": 4}]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": text, "tokens": tokens, "spans": spans, "answer": "accept"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(corpus, [source])
    export(corpus, tmp_path / "out.jsonl", ExportOptions(fmt="prodigy"))
    [rec] = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["tokens"] == tokens and rec["spans"] == spans


def test_token_table_is_added_to_an_older_corpus(tmp_path):
    path = tmp_path / "old.db"
    Corpus(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE doc_tokens")
    conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with Corpus(path) as corpus:
        doc_id, _ = corpus.add_document(Document(text="Hà Nội"))
        corpus.set_tokens(doc_id, [(0, 2), (3, 6)], [(0, 6)])
        assert corpus.tokens_of([doc_id]) == {doc_id: ([(0, 2), (3, 6)], [(0, 6)])}
        corpus.delete_document(doc_id)
        assert corpus.tokens_of([doc_id]) == {}


# ------------------------------------------------------------------ hf as a dataset

def test_hf_export_is_a_dataset_with_class_labels(corpus, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    gan_corpus(corpus)
    corpus.add_document(Document(text="Sở Y tế Hà Nội họp.", status=Status.DONE, spans=[Span(0, 14, "ORG")]))
    corpus.add_document(Document(text="Trời mưa.", status=Status.DONE))
    out = tmp_path / "ds"
    export(corpus, out, ExportOptions(fmt="hf", split="50,50"))
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "dev.jsonl", "train.jsonl"]
    ds = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert set(ds) == {"train", "dev"}
    feature = ds["train"].features["ner_tags"]
    names = feature.feature.names
    assert names[0] == "O" and {"B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "B-MISC"} <= set(names)
    written = {}
    for part in ("train", "dev"):
        for line in (out / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            written[rec["id"]] = rec["ner_tags"]
    loaded = {row["id"]: [names[i] for i in row["ner_tags"]] for part in ds.values() for row in part}
    assert loaded == written and any("B-PER" in tags for tags in loaded.values())


def test_hf_dataset_folder_imports_back(corpus, make_corpus, tmp_path):
    gan_corpus(corpus)
    export(corpus, tmp_path / "ds", ExportOptions(fmt="hf"))
    other = make_corpus()
    report = import_paths(other, [tmp_path / "ds"])
    assert report.added == 1 and not report.problems
    [doc] = other.iter_documents()
    assert spans_of(doc) == [("Singapore", "LOC"), ("Gan Kim Yong", "PER")]


# ------------------------------------------------------------------ CoNLL at any size

BLOCKS = "".join(f"Câu\tO\nsố\tO\n{n}\tO\ncủa\tO\nHà_Nội\tB-LOC\n\n" for n in range(7))


def test_conll_without_docstart_is_one_document_per_sentence(corpus, tmp_path):
    (tmp_path / "a.conll").write_text(BLOCKS, encoding="utf-8")
    assert import_paths(corpus, [tmp_path / "a.conll"]).added == 7
    assert [d.text for d in corpus.iter_documents()][:2] == ["Câu số 0 của Hà Nội", "Câu số 1 của Hà Nội"]


def test_sentences_per_doc_groups_them(tmp_path, capsys):
    (tmp_path / "a.conll").write_text(BLOCKS, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert main(["import", "--corpus", db, "--sentences-per-doc", "3", str(tmp_path / "a.conll")]) == 0
    with Corpus(db) as corpus:
        assert [len(corpus.tokens_of([d.id])[d.id][1]) for d in corpus.iter_documents()] == [3, 3, 1]
    with pytest.raises(SystemExit):
        main(["import", "--corpus", db, "--sentences-per-doc", "0", str(tmp_path / "a.conll")])
    assert "at least 1" in capsys.readouterr().err


def test_docstart_still_splits_documents(corpus, tmp_path):
    (tmp_path / "a.conll").write_text("-DOCSTART- -X- O O\n\n" + BLOCKS + "-DOCSTART- -X- O O\n\n" + BLOCKS,
                                      encoding="utf-8")
    assert import_paths(corpus, [tmp_path / "a.conll"]).added == 1  # the second is a duplicate text
    assert len(corpus.tokens_of([1])[1][1]) == 7


@pytest.mark.parametrize("suffix", [".train", ".testa", ".testb", ".bio", ".iob"])
def test_conll_2003_file_names(corpus, tmp_path, suffix):
    folder = tmp_path / "conll2003"
    folder.mkdir()
    (folder / f"eng{suffix}").write_text("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n"
                                         "German JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\n", encoding="utf-8")
    report = import_paths(corpus, [folder])
    assert report.added == 1, report.problems
    [doc] = corpus.iter_documents()
    assert spans_of(doc) == [("EU", "ORG"), ("German", "MISC")]


def test_repeated_sentence_joins_the_document_before_it(corpus, tmp_path):
    text = "Ông\tO\nAn\tB-PER\nnói\tO\n\nTheo\tO\nTTXVN\tB-ORG\n\nBà\tO\nBình\tB-PER\n\nTheo\tO\nTTXVN\tB-ORG\n\n"
    (tmp_path / "a.conll").write_text(text, encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "a.conll"])
    assert report.added == 3 and report.duplicates == 0
    export(corpus, tmp_path / "out.conll", ExportOptions(fmt="conll"))
    assert [r for r in rows(tmp_path / "out.conll")] == [line.split("\t") for line in text.splitlines() if line]


def test_reader_streams(tmp_path):
    """Documents come out while the file is still being read."""
    def lines():
        for n in range(3):
            yield from ((2 * n + 1, f"Câu{n}\tO"), (2 * n + 2, ""))
        raise AssertionError("read past the third sentence before yielding")

    reader = conll.read(lines())
    first = next(reader)
    assert first.text == "Câu0" and first.tokens == [(0, 4)] and first.sentences == [(0, 4)]


def test_read_path_for_training(tmp_path):
    (tmp_path / "a.testa").write_text("\ufeff" + BLOCKS, encoding="utf-8")
    docs = list(conll.read_path(tmp_path / "a.testa", sentences_per_doc=2))
    assert len(docs) == 4 and len(docs[0].sentences) == 2
    assert [(docs[0].text[s.start:s.end], s.label) for s in docs[0].spans] == [("Hà Nội", "LOC")] * 2


# ------------------------------------------------------------------ the seed corpus round trip

def test_seed_corpus_round_trip_is_exact(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_roundtrip", ROOT / "bench" / "roundtrip.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    sentences = bench.seed_sentences()
    assert len(sentences) >= 1000
    result = bench.roundtrip(tmp_path, sentences)
    assert result == {"conll": (len(sentences), len(sentences)), "hf": (len(sentences), len(sentences))}


def test_prodigy_tokens_without_sentences_are_written_by_sentence(corpus, tmp_path):
    text = "Ông An đến. Bà Bình về."
    tokens = [{"text": text[a:b], "start": a, "end": b, "id": i, "ws": text[b:b + 1] == " "}
              for i, (a, b) in enumerate([(0, 3), (4, 6), (7, 10), (10, 11), (12, 14), (15, 19), (20, 22), (22, 23)])]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": text, "tokens": tokens, "spans": [{"start": 4, "end": 6, "label": "PER"}],
                                  "answer": "accept"}, ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(corpus, [source])
    export(corpus, tmp_path / "out.conll", ExportOptions(fmt="conll"))
    blocks = (tmp_path / "out.conll").read_text(encoding="utf-8").split("\n\n")
    assert blocks[1:3] == ["Ông\tO\nAn\tB-PER\nđến\tO\n.\tO", "Bà\tO\nBình\tO\nvề\tO\n.\tO"]


TOKENS = ["Hà_Nội", "ông", "Nguyễn_Văn_An", "57-NQ/TW", "1.000,5", "Tp.", "v.v.", "A.", ",", ".", "(", ")", "“", "”",
          "...", "…", "%", "😀", "👍🏻", "_", "a__b", "x_", unicodedata.normalize("NFD", "Quảng_Ninh"), "TP.HCM", "-"]


@st.composite
def bio_sentences(draw):
    out = []
    for _ in range(draw(st.integers(1, 4))):
        sentence, prev = [], "O"
        for token in draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8)):
            choice = draw(st.sampled_from(["O", "B-PER", "B-LOC", "I"]))
            tag = (f"I-{prev[2:]}" if prev != "O" else "O") if choice == "I" else choice
            sentence.append((token, tag))
            prev = tag
        out.append(sentence)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(bio_sentences(), min_size=1, max_size=3))
def test_any_bio_file_round_trips_exactly(docs, tmp_path_factory):
    work = tmp_path_factory.mktemp("rt")
    text = "".join("-DOCSTART-\tO\n\n" + "".join("".join(f"{t}\t{g}\n" for t, g in s) + "\n" for s in doc)
                   for doc in docs)
    (work / "in.conll").write_text(text, encoding="utf-8")
    with Corpus(work / "c.db") as corpus:
        report = import_paths(corpus, [work / "in.conll"])
        export(corpus, work / "out.conll", ExportOptions(fmt="conll"))
    expected = unicodedata.normalize("NFC", text)
    if report.duplicates == 0:
        assert (work / "out.conll").read_text(encoding="utf-8") == expected


def test_native_backup_and_merge_keep_imported_tokens(corpus, make_corpus, tmp_path):
    (tmp_path / "in.conll").write_text(CONLL, encoding="utf-8")
    import_paths(corpus, [tmp_path / "in.conll"])
    export(corpus, tmp_path / "backup.jsonl", ExportOptions(fmt="native"))
    restored = make_corpus("restored.db")
    import_paths(restored, [tmp_path / "backup.jsonl"])
    merged = make_corpus("merged.db")
    main(["merge", "--corpus", str(tmp_path / "merged.db"), str(tmp_path / "corpus.db")])
    from_backup = make_corpus("from-backup.db")
    main(["merge", "--corpus", str(tmp_path / "from-backup.db"), str(tmp_path / "backup.jsonl")])
    for other in (restored, merged, from_backup):
        export(other, tmp_path / "out.conll", ExportOptions(fmt="conll", level="syllable"))
        assert (tmp_path / "out.conll").read_text(encoding="utf-8") == unicodedata.normalize("NFC", CONLL)


def test_dataset_saved_by_datasets_with_integer_tags_imports(corpus, make_corpus, tmp_path, monkeypatch):
    """A dataset loaded with ``datasets``, processed and saved with ``to_json`` (ClassLabel ids)
    beside its card comes back with the same entities."""
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    gan_corpus(corpus)
    export(corpus, tmp_path / "ds", ExportOptions(fmt="hf"))
    ds = datasets.load_dataset(str(tmp_path / "ds"), cache_dir=str(tmp_path / "cache"))["train"]
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "README.md").write_text((tmp_path / "ds" / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    ds.to_json(str(saved / "train.jsonl"), force_ascii=False)
    assert all(isinstance(t, int) for line in (saved / "train.jsonl").read_text(encoding="utf-8").splitlines()
               for t in json.loads(line)["ner_tags"])
    other = make_corpus()
    report = import_paths(other, [saved])
    assert report.added == 1, report.problems
    [doc] = other.iter_documents()
    assert spans_of(doc) == [("Singapore", "LOC"), ("Gan Kim Yong", "PER")]
    (saved / "README.md").unlink()   # without the card, integer tags cannot be read
    assert "integers" in import_paths(make_corpus("third.db"), [saved]).problems[0]
