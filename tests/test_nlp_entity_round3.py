"""Entity classes of the third tuning round of issue 10 (E8–E11), through the whole pipeline: a body's name
running into a report verb, long names with lower-case tails, Lao persons spelt with hyphens, streets of a
route, tickers after a trading verb, crop seasons and nationalities. Sentences written for these tests (no
seed or held-out text)."""

from __future__ import annotations

import pytest
from test_nlp_entity_round2 import _found, pipe  # noqa: F401 - the pipeline fixture and what it finds

from annotator.nlp.hygiene import _not_a_name


@pytest.mark.parametrize("text, expected, absent", [
    # E8: a two-syllable report verb after a body's name ends it ...
    ("Cục Hàng không Việt Nam giám sát chặt chẽ việc bán vé.", {("Cục Hàng không Việt Nam", "ORG")},
     {("Cục Hàng không Việt Nam giám sát", "ORG")}),
    ("Cục Tần số vô tuyến điện đăng ký tần số cho các trạm.", {("Cục Tần số vô tuyến điện", "ORG")}, set()),
    ("Cục Công nghệ thông tin hoàn thiện hệ thống trong tháng 3.", {("Cục Công nghệ thông tin", "ORG")}, set()),
    # ... but after "," inside the name it is part of the remit, and an action noun of a lower-case tail stays
    ("Theo Cơ quan Thanh tra, giám sát ngân hàng, số vụ vi phạm giảm.",
     {("Cơ quan Thanh tra, giám sát ngân hàng", "ORG")}, set()),
    ("Trung tâm Điều hành giám sát giao thông thành phố Hà Nội cho biết như vậy.",
     {("Trung tâm Điều hành giám sát giao thông thành phố Hà Nội", "ORG")}, set()),
    # E9: long names with lower-case tails
    ("Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam kiến nghị giảm thuế.",
     {("Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam", "ORG")}, {("Việt Nam", "LOC")}),
    ("Theo Cơ quan Phát triển nguồn nhân lực Hàn Quốc, số lao động tăng mạnh.",
     {("Cơ quan Phát triển nguồn nhân lực Hàn Quốc", "ORG")}, {("Hàn Quốc", "LOC")}),
    ("Lao động tham gia Chương trình cấp phép việc làm cho lao động nước ngoài của Hàn Quốc phải về nước.",
     {("Chương trình cấp phép việc làm cho lao động nước ngoài", "MISC")}, set()),
    ("Đồng chí Nguyễn Văn Bình, Trưởng Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực, chủ trì cuộc họp.",
     {("Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực", "ORG")}, set()),
    # E10: Lao persons spelt the Vietnamese way: two hyphenated words, or after a title
    ("Xổm-phết Vông-xa-lợi cho biết hai nước sẽ tăng cường hợp tác.", {("Xổm-phết Vông-xa-lợi", "PER")}, set()),
    ("Đồng chí Cay-xỏn Phôm-vi-hản phát biểu tại lễ kỷ niệm.", {("Cay-xỏn Phôm-vi-hản", "PER")}, set()),
    ("Chủ tịch Quốc hội Lào Xổm-phết Vông-xa-lợi đã tiếp đoàn.",
     {("Quốc hội Lào", "ORG"), ("Xổm-phết Vông-xa-lợi", "PER")}, set()),
    # ... while a place word before the same shape keeps a place
    ("Đoàn đến thăm tỉnh U-đon Tha-ni và thủ đô Viêng-chăn.",
     {("U-đon Tha-ni", "LOC"), ("Viêng-chăn", "LOC")}, set()),
    ("Chủ tịch nước thăm U-đon Tha-ni và gặp Xổm-phết Vông-xa-lợi.",
     {("U-đon Tha-ni", "LOC"), ("Xổm-phết Vông-xa-lợi", "PER")}, set()),
    # E11: the streets of a route, named after people, are places
    ("Từ phố Hàng Bài muốn đi Kim Mã: đi theo Lý Thường Kiệt - Quang Trung - Hàng Bông;",
     {("Lý Thường Kiệt", "LOC"), ("Quang Trung", "LOC"), ("Hàng Bông", "LOC")}, {("Quang Trung", "PER")}),
    ("Phương tiện đi theo Đinh Tiên Hoàng - Lê Thái Tổ - Hàng Trống.",
     {("Lê Thái Tổ", "LOC")}, {("Lê Thái Tổ", "PER")}),
    ("Từ Long Biên vào trung tâm: đi theo cầu Chương Dương - Trần Nhật Duật - Hàng Đậu.",
     {("Trần Nhật Duật", "LOC")}, {("Nhật Duật", "LOC")}),
    # ... tickers listed after a trading verb are the listed companies
    ("Khối ngoại mua ròng mạnh VCB, PLX, HPG với tổng giá trị hơn 200 tỷ đồng.",
     {("VCB", "ORG"), ("PLX", "ORG"), ("HPG", "ORG")}, set()),
    ("Nhà đầu tư nước ngoài bán ròng VNM gần 120 tỷ đồng.", {("VNM", "ORG")}, set()),
    # ... crop seasons and a nation's short name after a noun of people or goods are no entities
    ("Nông dân đang xuống giống vụ Thu Đông trên 50.000 ha.", set(), {("Thu Đông", "PER"), ("Thu Đông", "LOC")}),
    ("Vụ Đông Xuân năm nay tỉnh gieo cấy 80.000 ha lúa.", set(),
     {("Vụ Đông Xuân năm nay tỉnh gieo cấy", "ORG"), ("Đông Xuân", "LOC")}),
    ("Mưa lớn làm đổ nhiều diện tích lúa Hè Thu.", set(), {("Hè Thu", "LOC"), ("Hè Thu", "PER")}),
    ("Người Nhật và khách Hàn đến Đà Nẵng đông.", {("Đà Nẵng", "LOC")}, {("Nhật", "LOC"), ("Hàn", "LOC")}),
    ("Doanh nghiệp Việt cần chủ động, trong khi doanh nghiệp Nhật tăng đầu tư vào Nhật Bản.",
     {("Nhật Bản", "LOC")}, {("Nhật", "LOC"), ("Việt", "LOC")}),
])
def test_round3_entity_classes(pipe, text, expected, absent):
    got = _found(pipe, text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)


def test_a_pair_of_people_joined_by_a_dash_stays_people(pipe):
    # no place in the row: a mixed-doubles pair, not a route
    text = "Cặp Đỗ Tuấn Đức - Phạm Như Thảo giành huy chương vàng."
    got = _found(pipe, text)
    assert {("Đỗ Tuấn Đức", "PER"), ("Phạm Như Thảo", "PER")} <= got, got


@pytest.mark.parametrize("before, name, dropped", [
    ("xuống giống vụ ", "Thu Đông", True),
    ("Ủy ban nhân dân xã ", "Đông Xuân", False),  # a commune of that name is a place
    ("nhiều ", "doanh nghiệp Nhật", True),
    ("sang ", "Nhật", False),  # the country itself
])
def test_crop_seasons_and_nationalities_are_no_names(before, name, dropped):
    text = before + name + " năm nay."
    assert _not_a_name(text, len(before), len(before) + len(name), before) is dropped
