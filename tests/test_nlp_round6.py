"""Issue 10, sixth round (read off test7 once it had judged the fifth; test8 stays unseen): social
platforms are things, not places; Chinese names in pinyin are persons; a body's name ends before the
verb after it; "nhấn mạnh … phải" is a request of the official who stresses it.

Every text here is made up for the test."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import Pipeline
from test_nlp_directive_rules_round2 import _directives


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


def _entities(pipe, text):
    return [(text[s.start:s.end], s.label) for s in pipe.annotate(text).entities()]


def test_social_platforms_are_misc(pipe):
    text = "Các đối tượng lập trang Facebook, nhóm Zalo và kênh TikTok giả danh hãng bay."
    assert _entities(pipe, text) == [("Facebook", "MISC"), ("Zalo", "MISC"), ("TikTok", "MISC")]


@pytest.mark.parametrize("text, name", [
    ("Cầm đầu đường dây là Lin Haoran, quốc tịch Trung Quốc.", "Lin Haoran"),
    ("Phái đoàn do ông Guo Jianming, Phó Chủ tịch tỉnh Vân Nam, dẫn đầu.", "Guo Jianming"),
])
def test_chinese_names_in_pinyin_are_persons(pipe, text, name):
    assert (name, "PER") in _entities(pipe, text)


@pytest.mark.parametrize("text, body", [
    ("Tháng trước, một tài khoản có 2 triệu người theo dõi đã bị Thanh tra Bộ phạt 40 triệu đồng.", "Thanh tra Bộ"),
    ("Mùa cao điểm: Cục Hàng không siết việc hủy chuyến sát giờ bay", "Cục Hàng không"),
])
def test_a_bodys_name_ends_before_the_verb_after_it(pipe, text, body):
    got = _entities(pipe, text)
    assert (body, "ORG") in got
    assert not any(label == "ORG" and name.startswith(body) and name != body for name, label in got)


def test_stressing_an_obligation_is_the_officials_request(pipe):
    request = ("Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh Trần Thu Hà nhấn mạnh các xã phải bảo đảm an toàn "
               "giao thông trong những ngày lễ hội.")
    text = ("Bắc Giang chuẩn bị lễ hội xuân\n\n"
            "Chiều 6/1, UBND tỉnh Bắc Giang họp bàn công tác tổ chức lễ hội xuân năm 2027. Theo Sở Văn hóa, "
            "Thể thao và Du lịch, toàn tỉnh có 26 lễ hội lớn, thu hút khoảng 1,5 triệu lượt khách mỗi năm.\n\n"
            f"{request} Các điểm trông giữ xe phải niêm yết giá công khai.\n")
    ann = pipe.annotate(text)
    directives = [s for s in ann.spans if s.label == "DIRECTIVE"]
    assert [text[s.start:s.end] for s in directives] == [request, "Các điểm trông giữ xe phải niêm yết giá công khai."]
    assert directives[0].attrs.get("cue") == "nhấn mạnh"
    first = ann.spans.index(directives[0])
    issuer = [ann.spans[b] for a, b, kind in ann.relations if kind == "issuer" and a == first]
    assert [text[s.start:s.end] for s in issuer] == ["Trần Thu Hà"]


@pytest.fixture(scope="module")
def rules_only():
    return Pipeline.load(directive_path=None)  # the rules alone: the shipped directive model revises them


_PROPOSAL = "Trong văn bản gửi Chính phủ, Bộ Tài chính đề xuất áp thuế suất cao hơn với người sở hữu nhiều nhà."
_PATROL = "Lực lượng quản lý thị trường và công an đặc khu phải tăng tuần tra tại chợ đêm và các bến tàu."


@pytest.mark.parametrize("text, expected", [
    # "đề xuất áp" comes out of the word segmenter as one word; the proposal is one all the same,
    # while "Đề xuất này …" right after it is the noun, no continuation of the request
    (f"Thuế nhà ở\n\n{_PROPOSAL} Đề xuất này đang được các bộ, ngành góp ý.\n", [_PROPOSAL]),
    # a special zone's police is told to act; "Khu vực cần …" still describes a zone
    (f"Chợ đêm đông khách\n\n{_PATROL}\n\nKhu vực cần sơ tán gồm ba thôn ven biển.\n", [_PATROL]),
], ids=["glued proposal", "special zone"])
def test_glued_proposals_and_special_zones(rules_only, text, expected):
    assert _directives(rules_only, text) == expected
