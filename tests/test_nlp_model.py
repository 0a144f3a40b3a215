"""Entity model: training, refusal on too little data, save/load, versioning, fallbacks."""

from __future__ import annotations

import json
import socket
import warnings

import pytest

from annotator.nlp.entities import ModelError, load_model
from annotator.nlp.pipeline import Pipeline
from annotator.nlp.train import (
    active_model,
    evaluate,
    list_models,
    set_active,
    train_entity_model,
)

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Minh", "Phạm Quốc Huy", "Đỗ Thị Lan",
          "Hoàng Văn Tùng", "Vũ Minh Châu", "Bùi Thị Hà"]
ORGS = ["Sở Y tế Hà Nội", "Bộ Ngoại giao", "UBND tỉnh Nghệ An", "Tập đoàn Điện lực Việt Nam",
        "Ban Tuyên giáo Trung ương", "Sở Giáo dục và Đào tạo Cà Mau"]
PLACES = ["Quảng Ninh", "Đà Nẵng", "Lào Cai", "Cần Thơ", "Nhật Bản", "Đắk Lắk"]


def make_examples(n: int) -> list[tuple[str, list]]:
    """``n`` one-sentence documents, each with a PER, an ORG and a LOC."""
    out = []
    for i in range(n):
        per, org, loc = PEOPLE[i % len(PEOPLE)], ORGS[i % len(ORGS)], PLACES[(i * 5) % len(PLACES)]
        parts = ["Ông ", (per, "PER"), ", đại diện ", (org, "ORG"), ", làm việc tại tỉnh ", (loc, "LOC"),
                 f" trong {i + 2} ngày."]
        text, spans = "", []
        for p in parts:
            if isinstance(p, tuple):
                spans.append((len(text), len(text) + len(p[0]), p[1]))
                text += p[0]
            else:
                text += p
        out.append((text, spans))
    return out


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    path, report = train_entity_model(make_examples(24), dev=make_examples(4), seed=1, out_dir=folder,
                                      params={"max_iterations": 30})
    return folder, path, report


def test_training_writes_versioned_model_and_sidecar(trained):
    folder, path, report = trained
    assert path.parent == folder
    assert path.name.startswith("entity-") and path.suffix == ".crf"
    side = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert side["version"] == path.stem
    assert side["train_entity_sentences"] == 24
    assert set(side["dev"]) >= {"PER", "ORG", "LOC", "MISC", "micro", "DIRECTIVE"}
    assert report["dev"]["micro"]["f1"] > 0.5


def test_trained_model_loads_and_tags(trained):
    folder, path, _ = trained
    model = load_model(path)
    assert model.version == path.stem
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a good model loads without warnings
        pipe = Pipeline.load(path)
    assert pipe.model_version == path.stem
    text = "Ông Nguyễn Văn An, đại diện Bộ Ngoại giao, làm việc tại tỉnh Lào Cai trong 3 ngày."
    ann = pipe.annotate(text)
    found = {(text[s.start:s.end], s.label) for s in ann.spans}
    assert ("Nguyễn Văn An", "PER") in found
    assert ("Lào Cai", "LOC") in found
    assert any(s.origin == f"crf:{path.stem}" for s in ann.spans)


def test_active_pointer(trained):
    folder, path, _ = trained
    assert active_model(folder) is None
    set_active(folder, path.name)
    assert active_model(folder) == path
    from annotator.nlp.pipeline import default_model_path

    assert default_model_path(folder) == path
    models = list_models(folder)
    assert [m["active"] for m in models] == [True]
    with pytest.raises(FileNotFoundError):
        set_active(folder, "entity-19990101-000000.crf")


@pytest.mark.parametrize("n", [0, 5, 19])
def test_too_little_data_raises_value_error(tmp_path, n):
    with pytest.raises(ValueError, match="too little training data"):
        train_entity_model(make_examples(n), out_dir=tmp_path)
    assert not list(tmp_path.iterdir())  # nothing written


def test_missing_model_falls_back_to_rules(tmp_path):
    with pytest.warns(RuntimeWarning, match="falling back"):
        pipe = Pipeline.load(tmp_path / "nope.crf")
    assert pipe.model is None and pipe.model_version == "rules"
    text = "Bộ trưởng Lê Văn Thành làm việc với UBND tỉnh Quảng Ninh. Thủ tướng yêu cầu các bộ khẩn trương hoàn thiện."
    ann = pipe.annotate(text)
    found = {(text[s.start:s.end], s.label) for s in ann.spans}
    assert ("Lê Văn Thành", "PER") in found
    assert ("UBND tỉnh Quảng Ninh", "ORG") in found
    assert any(s.label == "DIRECTIVE" for s in ann.spans)
    assert all(s.origin in ("rules", "directives") for s in ann.spans)


@pytest.mark.parametrize("payload", [
    b"",
    b"garbage bytes that are not a model",
    b"ANNOTATOR-CRF 1\n{not json}\n1234",
    b'ANNOTATOR-CRF 1\n{"size": 4, "sha256": "00", "feature_set": "f4"}\nabcd',
])
def test_corrupt_model_falls_back_with_warning(tmp_path, payload):
    bad = tmp_path / "entity-20240101-000000.crf"
    bad.write_bytes(payload)
    with pytest.raises(ModelError):
        load_model(bad)
    with pytest.warns(RuntimeWarning, match="entity model unusable"):
        pipe = Pipeline.load(bad)
    assert pipe.model is None
    assert pipe.annotate("Ông Nguyễn Văn An đến Hà Nội.").spans


def test_truncated_real_model_is_rejected(trained, tmp_path):
    _, path, _ = trained
    data = path.read_bytes()
    cut = tmp_path / "cut.crf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="truncated|corrupt"):
        load_model(cut)
    flipped = bytearray(data)
    flipped[-10] ^= 0xFF
    bad = tmp_path / "flipped.crf"
    bad.write_bytes(bytes(flipped))
    with pytest.raises(ModelError, match="corrupt"):
        load_model(bad)


def test_no_socket_during_training(tmp_path, monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path, report = train_entity_model(make_examples(20), out_dir=tmp_path, params={"max_iterations": 10})
    assert path.is_file()


def test_evaluate_scores_exact_spans_and_directives():
    text = "Ông Nguyễn Văn An đến Hà Nội. Bộ trưởng đề nghị các tỉnh tăng cường kiểm tra."
    gold = [(4, 17, "PER"), (22, 28, "LOC"), (30, len(text), "DIRECTIVE")]

    def system(t):
        return [(4, 17, "PER"), (22, 27, "LOC"), (30, len(text), "DIRECTIVE")]

    rep = evaluate(system, [(text, gold)])
    assert rep["PER"]["f1"] == 1.0
    assert rep["LOC"]["tp"] == 0 and rep["LOC"]["fp"] == 1 and rep["LOC"]["fn"] == 1
    assert rep["micro"]["tp"] == 1
    assert rep["DIRECTIVE"]["f1"] == 1.0
