"""Entity span boundaries on outside news (issue 10, tuning), after the rules (whose own cases are in
test_nlp_name_rules.py): the shape of foreign words, span hygiene for directions, age labels, scores
and acronyms, and the whole pipeline for "tại <place>" after a body, "và" between two names and
buildings. Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.nlp.hygiene import clean_entities
from annotator.nlp.pipeline import Pipeline
from annotator.nlp.rules import _foreign_word, load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


def _found(pipe, text):
    return {(text[s.start:s.end], s.label) for s in pipe.annotate(text).spans if s.label != "DIRECTIVE"}


def test_foreign_word_shape():
    for w in ("POSCO", "LG", "Hanbit", "Samsung", "Aerospace", "KCC"):
        assert _foreign_word(w), w
    for w in ("Du", "Thao", "Minh", "Long", "Trung", "Bio", "lịch"):
        assert not _foreign_word(w), w


@pytest.mark.parametrize("text, phrase, label, expected", [
    ("Tâm bão ở khoảng 18 độ Vĩ Bắc.", "Vĩ Bắc", "LOC", []),
    ("Gió giật theo hướng Tây Tây Bắc.", "Tây Bắc", "LOC", []),
    ("U23 Việt Nam thắng 2-0.", "U23 Việt Nam", "MISC", [("Việt Nam", "LOC")]),
    ("Chuyên gia của NEC cho biết.", "NEC", "PER", [("NEC", "ORG")]),
    ("Ông Lê Văn Nam cho biết.", "Lê Văn Nam", "PER", [("Lê Văn Nam", "PER")]),
    ("Hải Phòng 3 - 0 Nam Định.", "Hải Phòng 3 - 0", "ORG", [("Hải Phòng", "ORG")]),
    ("Đội U23 giành vé.", "U23", "MISC", []),
    ("Ủy ban An toàn giao thông Quốc gia, các tỉnh Nghệ An và Hà Tĩnh ra quân.",
     "Ủy ban An toàn giao thông Quốc gia, các tỉnh Nghệ An", "ORG", [("Ủy ban An toàn giao thông Quốc gia", "ORG")]),
    ("Dự án giai đoạn 2021 - 2030 hoàn thành.", "giai đoạn 2021 - 2030", "MISC", [("giai đoạn 2021 - 2030", "MISC")]),
])
def test_hygiene_directions_ages_acronyms(rules, text, phrase, label, expected):
    a = text.index(phrase)
    got = clean_entities(text, [(a, a + len(phrase), label)], rules)
    assert [(text[s:e], lab) for s, e, lab in got] == expected


# the whole pipeline (model, rules, repairs, hygiene)
@pytest.mark.parametrize("text, wanted, unwanted", [
    pytest.param("Đại diện Ngân hàng Thế giới tại Việt Nam cho biết tăng trưởng sẽ đạt 6%.",
                 {("Ngân hàng Thế giới", "ORG"), ("Việt Nam", "LOC")}, {"Ngân hàng Thế giới tại Việt Nam"},
                 id="office-is-body-and-place"),
    pytest.param("Đại sứ quán Hàn Quốc tại Việt Nam tổ chức tiệc chiêu đãi.",
                 {("Đại sứ quán Hàn Quốc tại Việt Nam", "ORG")}, set(), id="embassy-keeps-host"),
    pytest.param("Bộ Tài chính và Ngân hàng Nhà nước phối hợp xây dựng đề án.",
                 {("Bộ Tài chính", "ORG"), ("Ngân hàng Nhà nước", "ORG")}, set(), id="two-bodies"),
    pytest.param("Công ty SGC và Hanbit Bio ký thỏa thuận sản xuất.",
                 {("Công ty SGC", "ORG"), ("Hanbit Bio", "ORG")}, set(), id="two-companies"),
    pytest.param("Đoàn đại biểu tham quan Nhà Quốc hội sáng 5/5.", {("Nhà Quốc hội", "LOC")}, set(), id="building"),
    pytest.param("U23 Việt Nam bảo vệ thành công tấm huy chương vàng.", {("Việt Nam", "LOC")}, {"U23 Việt Nam"},
                 id="age-team"),
    pytest.param("Đại diện Cục Quản lý đê điều và Phòng, chống thiên tai đề nghị các tỉnh chủ động.", set(),
                 {"Phòng, chống thiên tai"}, id="action-pair-is-no-office"),
    pytest.param("Hàng nghìn người dự lễ tại Quảng trường Nguyễn Tất Thành tối qua.",
                 {("Quảng trường Nguyễn Tất Thành", "LOC")}, {"Nguyễn Tất Thành"}, id="landmark"),
    pytest.param("Bão di chuyển theo hướng Tây Tây Bắc, mỗi giờ đi 15 km.", set(), {"Tây Bắc", "Tây Tây Bắc"},
                 id="direction"),
])
def test_pipeline_spans(pipe, text, wanted, unwanted):
    got = _found(pipe, text)
    assert wanted <= got, got
    assert not {name for name, _lab in got} & unwanted, got
