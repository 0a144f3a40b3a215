"""Pre-annotation pipeline: entities, directives, relations, offsets (no Qt)."""

from __future__ import annotations

import socket
import warnings

import pytest

from annotator.nlp.pipeline import Annotation, Pipeline, Suggestion

ARTICLE = (
    "Hội nghị thông tin đối ngoại\n\n"
    "Ngày 12/3, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị tổng kết. Bộ trưởng Bộ Y tế "
    "Trần Văn An và ông John Smith dự hội nghị. Năm qua, thành phố đã tăng cường quảng bá "
    "hình ảnh ra nước ngoài.\n\n"
    "Phát biểu kết luận, Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Hùng đề nghị Sở Y tế Hà Nội "
    "phối hợp với các địa phương tăng cường phòng chống dịch. Đồng thời, đổi mới nội dung "
    "thông tin đối ngoại. Tăng cường thông tin bằng tiếng nước ngoài.\n"
)


@pytest.fixture(scope="module")
def pipe():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Pipeline.load()


def _found(ann: Annotation, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in ann.spans}


def test_annotate_finds_entities(pipe):
    ann = pipe.annotate(ARTICLE)
    found = _found(ann, ARTICLE)
    for expected in [
        ("Hà Nội", "LOC"),
        ("Bộ Ngoại giao", "ORG"),
        ("Bộ Y tế", "ORG"),
        ("Trần Văn An", "PER"),
        ("John Smith", "PER"),
        ("Nguyễn Văn Hùng", "PER"),
        ("Sở Y tế Hà Nội", "ORG"),
    ]:
        assert expected in found, (expected, sorted(found))
    assert any(lab == "ORG" and t.startswith("UBND tỉnh Quảng Ninh") for t, lab in found)
    for s in ann.spans:
        assert isinstance(s, Suggestion)
        assert 0.0 <= s.score <= 1.0
        assert s.origin in ("rules", "directives") or s.origin.startswith("crf:")


def test_entities_do_not_overlap(pipe):
    ann = pipe.annotate(ARTICLE)
    ents = sorted((s.start, s.end) for s in ann.spans if s.label != "DIRECTIVE")
    for (a1, b1), (a2, b2) in zip(ents, ents[1:]):
        assert b1 <= a2


def test_directives_and_continuations(pipe):
    ann = pipe.annotate(ARTICLE)
    dirs = [ARTICLE[s.start:s.end] for s in ann.spans if s.label == "DIRECTIVE"]
    assert dirs[0].startswith("Phát biểu kết luận") and dirs[0].endswith("phòng chống dịch.")
    assert "Đồng thời, đổi mới nội dung thông tin đối ngoại." in dirs
    assert "Tăng cường thông tin bằng tiếng nước ngoài." in dirs
    # a report of what was done is not a directive
    assert not any("Năm qua" in d for d in dirs)
    assert len(dirs) == 3


def test_relations_issuer_and_addressee(pipe):
    ann = pipe.annotate(ARTICLE)
    first = next(i for i, s in enumerate(ann.spans) if s.label == "DIRECTIVE")
    rel = {label: tail for head, tail, label in ann.relations if head == first}
    assert ARTICLE[ann.spans[rel["issuer"]].start:ann.spans[rel["issuer"]].end] == "Nguyễn Văn Hùng"
    assert ARTICLE[ann.spans[rel["addressee"]].start:ann.spans[rel["addressee"]].end] == "Sở Y tế Hà Nội"
    for head, tail, label in ann.relations:
        assert ann.spans[head].label == "DIRECTIVE"
        assert ann.spans[tail].label != "DIRECTIVE"
        assert label in ("issuer", "addressee")


@pytest.mark.parametrize("sentence", [
    "Người nông dân Việt Nam vốn cần cù, chịu khó.",
    "Ban Chỉ đạo đã họp và đánh giá kết quả triển khai trong năm.",
    "Theo chỉ đạo của Thủ tướng, tỉnh đã hoàn thành việc di dời các hộ dân.",
    "Thực hiện yêu cầu của Bộ Y tế, sở đã tổ chức tiêm vắc xin cho trẻ em.",
    "Dự án cần khoảng 20 ngày để hoàn thành.",
    "Tình hình giao thông trên tuyến đường đã được cải thiện.",
    "Đoàn đã giao lưu với học sinh nhà trường.",
    "Các kiến nghị của cử tri đã được tiếp thu.",
])
def test_directive_negatives(pipe, sentence):
    ann = pipe.annotate(sentence)
    assert not [s for s in ann.spans if s.label == "DIRECTIVE"], sentence


@pytest.mark.parametrize("sentence", [
    "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ.",
    "Các địa phương cần chủ động phương án phòng chống thiên tai.",
    "Ngành y tế phải bảo đảm đủ thuốc cho người dân.",
    "Chủ tịch tỉnh giao Sở Tài chính chủ trì rà soát nguồn vốn.",
    "Bộ Y tế khuyến cáo người dân không tự ý dùng thuốc.",
])
def test_directive_positives(pipe, sentence):
    ann = pipe.annotate(sentence)
    dirs = [s for s in ann.spans if s.label == "DIRECTIVE"]
    assert len(dirs) == 1 and (dirs[0].start, dirs[0].end) == (0, len(sentence))
    assert 0.5 <= dirs[0].score <= 1.0


def test_no_socket_during_annotate(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = Pipeline.load()
    ann = pipe.annotate(ARTICLE)
    assert ann.spans


def test_model_version_and_empty_text(pipe):
    assert pipe.model_version.startswith("entity-")
    assert pipe.annotate("").spans == []
    assert pipe.annotate("   \n\n ").spans == []


def _rels(ann, text):
    """Per directive, in text order: (directive text, [(label, entity text), ...])."""
    out = []
    for i, d in enumerate(ann.spans):
        if d.label == "DIRECTIVE":
            links = [(lab, text[ann.spans[t].start:ann.spans[t].end]) for h, t, lab in ann.relations if h == i]
            out.append((text[d.start:d.end], links))
    return out


def test_relation_inheritance_coreference_and_lists(pipe):
    text = ("Kết luận hội nghị, Bộ trưởng Lê Minh Tuấn yêu cầu Sở Y tế Hà Nội và Sở Y tế Đà Nẵng "
            "tăng cường giám sát dịch bệnh. Đồng thời, chuẩn bị đủ thuốc và vật tư. "
            "Ông cũng đề nghị Bộ Tài chính bố trí kinh phí kịp thời.")
    ann = pipe.annotate(text)
    (_, first), (cont_text, cont), (third_text, third) = _rels(ann, text)
    assert ("issuer", "Lê Minh Tuấn") in first
    assert ("addressee", "Sở Y tế Hà Nội") in first and ("addressee", "Sở Y tế Đà Nẵng") in first
    # the continuation inherits issuer and addressees
    assert cont_text.startswith("Đồng thời") and set(cont) == set(first)
    # "Ông" refers back to the previous issuer
    assert third_text.startswith("Ông cũng") and ("issuer", "Lê Minh Tuấn") in third
    assert ("addressee", "Bộ Tài chính") in third


def test_generic_addressee_in_attrs(pipe):
    text = "Thủ tướng yêu cầu các bộ, ngành và địa phương khẩn trương hoàn thiện hồ sơ."
    (d,) = pipe.annotate(text).directives()
    assert d.attrs["addressee_text"] == "các bộ, ngành và địa phương"
    assert d.attrs["cue"] == "yêu cầu" and d.attrs["kind"] == "cue"
