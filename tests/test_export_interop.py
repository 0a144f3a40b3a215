"""Exports load in their consumers without glue code (skipped where spaCy/datasets are missing)."""

from __future__ import annotations

import json

import pytest

from annotator.core.exporter import ExportOptions, export
from annotator.core.model import Document, Span, Status

ALL = dict(statuses=["done", "new", "skipped"], states=["accepted", "suggested", "rejected"])


def test_prodigy_tokens_make_spacy_docs_where_every_span_aligns(filled_corpus, tmp_path):
    pytest.importorskip("spacy")
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    # spans that start or end on spaces, inside words and around emoji
    text = "  Ông  Nguyễn Văn A,\n\nChủ tịch UBND TP.HCM (Hà Nội) 👍🏽 đi.\t x👨‍👩‍👧 "
    filled_corpus.add_document(Document(text=text, status=Status.DONE, spans=[
        Span(2, 5, "PER"), Span(5, 7, "MISC"), Span(8, 20, "PER"), Span(34, 41, "ORG"), Span(38, 40, "LOC"),
        Span(53, 57, "MISC"), Span(60, 66, "MISC")]))
    out = tmp_path / "p.jsonl"
    export(filled_corpus, out, ExportOptions(fmt="prodigy", **ALL))
    vocab = Vocab()
    n = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        doc = Doc(vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])
        assert doc.text == task["text"]
        for s in task["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"])
            assert span is not None, (task["text"][s["start"]:s["end"]], s)
            assert (span.start, span.end - 1) == (s["token_start"], s["token_end"])
            n += 1
    assert n == 17


def test_hf_export_loads_with_datasets(filled_corpus, tmp_path):
    pytest.importorskip("datasets")
    import datasets

    datasets.disable_progress_bars()
    out = tmp_path / "hf"
    export(filled_corpus, out, ExportOptions(fmt="hf", split="50,50", seed=5))
    files = {"train": str(out / "train.jsonl"), "dev": str(out / "dev.jsonl")}
    ds = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "cache"))
    total = ds["train"].num_rows + ds["dev"].num_rows
    assert total > 0
    assert set(ds["train"].column_names) == {"id", "tokens", "ner_tags"}
    row = (ds["train"] if ds["train"].num_rows else ds["dev"])[0]
    assert isinstance(row["tokens"], list) and isinstance(row["ner_tags"][0], str)
    assert len(row["tokens"]) == len(row["ner_tags"])


def test_directives_export_loads_with_datasets(filled_corpus, tmp_path):
    pytest.importorskip("datasets")
    import datasets

    datasets.disable_progress_bars()
    out = tmp_path / "d.jsonl"
    export(filled_corpus, out, ExportOptions(fmt="directives"))
    ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    assert set(ds.column_names) == {"text", "label", "doc_id", "start", "end"}
    assert "directive" in ds["label"]
