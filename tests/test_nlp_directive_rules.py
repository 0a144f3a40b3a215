"""Directive rules of issue 10: prohibitions, a body's own continuation, headlines, the exclusions
(reported opinions, wishes, past acts) and an issuer named in the sentence before."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


def _directives(pipe, text):
    ann = pipe.annotate(text)
    return ann, [text[s.start:s.end] for s in ann.directives()]


def _relations(ann, text, directive_prefix):
    for k, s in enumerate(ann.spans):
        if s.label == "DIRECTIVE" and text[s.start:].startswith(directive_prefix):
            return {(lab, text[ann.spans[t].start:ann.spans[t].end]) for h, t, lab in ann.relations if h == k}
    raise AssertionError(f"no directive starts with {directive_prefix!r}")


def test_prohibitions_are_directives(pipe):
    text = ("Giá xăng\n\nBộ Công Thương yêu cầu các cửa hàng không được tăng giá bán. "
            "Các doanh nghiệp không được găm hàng. Nghiêm cấm các hành vi đổ rác thải ra kênh rạch.")
    _ann, got = _directives(pipe, text)
    assert [g[:20] for g in got] == ["Bộ Công Thương yêu c", "Các doanh nghiệp khô", "Nghiêm cấm các hành "]


def test_a_body_takes_up_its_part_of_the_assignment(pipe):
    text = ("Phân luồng\n\nChủ tịch UBND tỉnh Nguyễn Văn Hải giao Sở Giao thông vận tải chủ trì bảo đảm an toàn "
            "giao thông dịp lễ. Sở Giao thông vận tải lập kế hoạch phân luồng tại các nút giao. "
            "Công an tỉnh tăng cường tuần tra, xử lý nghiêm các vi phạm. Năm ngoái, Sở Y tế đã tăng cường kiểm tra.")
    ann, got = _directives(pipe, text)
    assert len(got) == 3
    assert got[1].startswith("Sở Giao thông vận tải lập") and got[2].startswith("Công an tỉnh tăng cường")
    assert ("issuer", "Nguyễn Văn Hải") in _relations(ann, text, "Công an tỉnh tăng cường")


def test_a_description_by_a_body_after_a_report_is_not_a_directive(pipe):
    text = "Kết quả\n\nNăm qua, tỉnh hoàn thành 12 công trình. Sở Xây dựng tăng cường kiểm tra chất lượng."
    _ann, got = _directives(pipe, text)
    assert got == []


def test_headline_directive(pipe):
    text = "Thủ tướng yêu cầu khẩn trương khắc phục hậu quả bão số 5\n\nChiều 12/9, Thủ tướng chủ trì cuộc họp."
    _ann, got = _directives(pipe, text)
    assert got == ["Thủ tướng yêu cầu khẩn trương khắc phục hậu quả bão số 5"]


@pytest.mark.parametrize("sentence", [
    "PGS.TS Lê Minh Tuấn cho rằng cần làm rõ trách nhiệm của người đứng đầu.",
    "Ông Park Ji-hoon bày tỏ mong muốn hai bên tăng cường hợp tác đào tạo nhân lực.",
    "Đại sứ mong muốn hai nước đẩy mạnh trao đổi đoàn.",
    "Năm 2024, Sở Tư pháp đã ban hành kế hoạch triển khai luật mới.",
])
def test_opinions_wishes_and_past_acts_are_not_directives(pipe, sentence):
    _ann, got = _directives(pipe, "Tin tức\n\n" + sentence)
    assert got == []


def test_issuer_named_in_the_sentence_before(pipe):
    text = ("Họp báo\n\nBộ trưởng Trần Văn Sơn phát biểu tại hội nghị. "
            "Đề nghị các bộ, ngành khẩn trương rà soát thủ tục hành chính.")
    ann, got = _directives(pipe, text)
    assert got == ["Đề nghị các bộ, ngành khẩn trương rà soát thủ tục hành chính."]
    assert ("issuer", "Trần Văn Sơn") in _relations(ann, text, "Đề nghị")


def test_no_issuer_borrowed_across_paragraphs(pipe):
    text = "Họp báo\n\nBộ trưởng Trần Văn Sơn phát biểu.\n\nĐề nghị các bộ, ngành rà soát thủ tục."
    ann, _got = _directives(pipe, text)
    assert not any(lab == "issuer" for lab, _t in _relations(ann, text, "Đề nghị"))
