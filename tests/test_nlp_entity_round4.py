"""Entity classes of the fourth tuning round of issue 10 (E12–E15), through the whole pipeline: news outlets,
companies and international bodies named without a head word (the shipped ORG gazetteers), tickers in a
market report, long names cut or joined, clubs named after their province, districts named after persons.
Sentences written for these tests (no seed or held-out text)."""

from __future__ import annotations

import pytest
from test_nlp_entity_round2 import _found, pipe  # noqa: F401 - the pipeline fixture and what it finds

from annotator.nlp.hygiene import clean_entities
from annotator.nlp.rules import GAZETTEER_FILES, ORG_GAZETTEERS, load_rules


@pytest.mark.parametrize("text, expected, absent", [
    # E12: outlets as sources, in a byline and in a dateline
    ("Theo Tuổi Trẻ, nhiều doanh nghiệp đã tạm dừng sản xuất.", {("Tuổi Trẻ", "ORG")}, {("Tuổi Trẻ", "PER")}),
    ("Trao đổi với VnExpress, ông Lê Minh cho biết dự án chậm tiến độ.", {("VnExpress", "ORG"), ("Lê Minh", "PER")},
     set()),
    ("VTV News – Chiều 12/3, giá xăng được điều chỉnh tăng.", {("VTV News", "ORG")}, {("VTV News – Chiều", "ORG")}),
    ("Theo Nhân Dân, đoàn công tác đã làm việc với tỉnh Lào Cai.", {("Nhân Dân", "ORG"), ("Lào Cai", "LOC")}, set()),
    ("Theo Báo Sài Gòn Giải Phóng, giá rau tăng mạnh.", {("Báo Sài Gòn Giải Phóng", "ORG")}, {("Báo Sài Gòn", "ORG")}),
    # ... but an ordinary word is no outlet, and a name that is also a ward's is the ward after a place word
    ("Thanh niên tình nguyện giúp dân dọn dẹp sau lũ.", set(), {("Thanh niên", "ORG")}),
    ("Người dân phường Bạch Mai được hỗ trợ kịp thời.", {("Bạch Mai", "LOC")}, {("Bạch Mai", "ORG")}),
    # E13: companies, chambers, hospitals and international bodies without a cue word
    ("Tập đoàn Hanwha và Amkor đầu tư thêm vào Bắc Ninh.", {("Amkor", "ORG"), ("Bắc Ninh", "LOC")}, set()),
    ("NEC đã chế tạo vệ tinh cho Việt Nam.", {("NEC", "ORG")}, set()),
    ("Chủ tịch KoCham cho biết doanh nghiệp Hàn Quốc tiếp tục mở rộng đầu tư.", {("KoCham", "ORG")},
     {("KoCham", "PER")}),
    ("Bệnh nhân được chuyển lên Chợ Rẫy điều trị.", {("Chợ Rẫy", "ORG")}, {("Chợ Rẫy", "LOC")}),
    ("Interpol đã phát lệnh truy nã đối tượng.", {("Interpol", "ORG")}, set()),
    # ... tickers: the subject of a price move in a market report, and those listed with it
    ("Mã HPG giảm 2%, trong khi VIC tăng trần.", {("HPG", "ORG"), ("VIC", "ORG")}, set()),
    ("Nhóm bất động sản phân hóa: VHM, VRE và NVL cùng giảm.", {("VHM", "ORG"), ("VRE", "ORG"), ("NVL", "ORG")},
     set()),
    # ... but economic acronyms and Roman numerals are no tickers
    ("Trong phiên, tỷ giá USD tăng mạnh.", set(), {("USD", "ORG")}),
    # E14: long names cut or joined
    ("Cục Quản lý và Phát triển thị trường trong nước vừa có văn bản gửi các sở.",
     {("Cục Quản lý và Phát triển thị trường trong nước", "ORG")}, set()),
    ("Công ty Cổ phần Thực phẩm Nông Lâm Xanh ký kết hợp đồng.", {("Công ty Cổ phần Thực phẩm Nông Lâm Xanh", "ORG")},
     {("Nông Lâm Xanh", "PER")}),
    ("Nhà máy Lọc dầu Dung Quất và Nhà máy Lọc hóa dầu Nghi Sơn đều vận hành ổn định.",
     {("Nhà máy Lọc dầu Dung Quất", "ORG"), ("Nhà máy Lọc hóa dầu Nghi Sơn", "ORG")}, set()),
    ("Sở Tài chính trình UBND tỉnh phương án giá.", {("Sở Tài chính", "ORG"), ("UBND tỉnh", "ORG")}, set()),
    # ... "trình" inside a noun is no verb
    ("Ban Quản lý Chương trình mục tiêu quốc gia tỉnh Sơn La họp.",
     set(), {("Ban Quản lý Chương", "ORG")}),
    # E15: clubs named after their province, and districts named after persons
    ("Trên sân nhà, Hải Phòng cầm hòa Nam Định 1-1.", {("Hải Phòng", "ORG"), ("Nam Định", "ORG")}, set()),
    ("Bangkok United đánh bại Hà Nội FC với tỷ số 2-1.", {("Bangkok United", "ORG"), ("Hà Nội FC", "ORG")}, set()),
    ("Đông Á Thanh Hóa để thua SHB Đà Nẵng 0-1. Sau trận, Thanh Hóa rơi xuống thứ năm.",
     {("Đông Á Thanh Hóa", "ORG"), ("SHB Đà Nẵng", "ORG"), ("Thanh Hóa", "ORG")}, {("Thanh Hóa", "LOC")}),
    ("Lễ khởi công diễn ra tại quận Hai Bà Trưng.", {("Hai Bà Trưng", "LOC")}, {("Trưng", "PER")}),
    ("Công an Hà Nội để thua Ulsan HD 1-2. Chỉ năm phút sau, Ulsan lại vượt lên.",
     {("Ulsan HD", "ORG"), ("Ulsan", "ORG")}, {("Ulsan", "LOC")}),
    # ... outside a match report a province alone is a place
    ("Các tỉnh Thái Bình, Nam Định đã cấm biển từ trưa.", {("Thái Bình", "LOC"), ("Nam Định", "LOC")},
     {("Nam Định", "ORG")}),
    # source lines, a body's owner and a title after it, a representation abroad named by a known body
    ("Giá vàng tăng mạnh.\n\nTheo Thời báo Ngân hàng", {("Thời báo Ngân hàng", "ORG")}, set()),
    ("Giá vàng tăng mạnh.\n\nNguồn: Vietnam Finance", {("Vietnam Finance", "ORG")}, set()),
    ("Dự án do Tập đoàn Sembcorp của Singapore đầu tư.", {("Tập đoàn Sembcorp", "ORG"), ("Singapore", "LOC")},
     {("Tập đoàn Sembcorp của Singapore", "ORG")}),
    ("Thành phố làm việc với Phái đoàn Liên minh châu Âu tại Việt Nam.",
     {("Phái đoàn Liên minh châu Âu tại Việt Nam", "ORG")}, set()),
    ("Giám đốc Công ty Cổ phần Thiết bị Y tế Hoàng Phát Mạc Văn Tuyển cho biết.",
     {("Công ty Cổ phần Thiết bị Y tế Hoàng Phát", "ORG"), ("Mạc Văn Tuyển", "PER")}, set()),
    ("Tổng công ty Cảng hàng không Việt Nam (ACV) cho biết sẽ tăng chuyến. Trong dịp Tết, ACV bố trí thêm nhân lực.",
     {("ACV", "ORG")}, set()),
    # ... a province after a place word before a match verb stays a place
    ("Lãnh đạo tỉnh Thanh Hóa tiếp đón đoàn tại sân bay Thọ Xuân.", {("Thanh Hóa", "LOC")}, {("Thanh Hóa", "ORG")}),
])
def test_round4_entity_classes(pipe, text, expected, absent):
    got = _found(pipe, text)
    assert expected <= got, (text, got)
    assert not (absent & got), (text, got)


def test_org_gazetteers_ship_and_load_as_known_names():
    rules = load_rules()
    for name in ORG_GAZETTEERS:
        assert name in GAZETTEER_FILES
        assert len(rules.entries[name]) >= 20, name
    texts = ["Theo", "VnExpress", ","]
    assert rules.entities.match(texts, [t.lower() for t in texts], 1) == (1, "ORG")


def test_entities_txt_wins_over_an_org_gazetteer(tmp_path):
    """A reviewer's entities.txt keeps its label for a name the shipped lists hold as an ORG."""
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "entities.txt").write_text("Chợ Rẫy | LOC\n", encoding="utf-8")
    rules = load_rules(extra_dir=extra)
    texts = ["Chợ", "Rẫy"]
    assert rules.entities.match(texts, [t.lower() for t in texts], 0) == (2, "LOC")
    (extra / "companies.txt").write_text("!Chợ Rẫy\nCông ty Mới\n", encoding="utf-8")
    rules = load_rules(extra_dir=extra)
    assert "Công ty Mới" in {x.phrase for x in rules.entries["companies"]}
    assert "Chợ Rẫy" not in {x.phrase for x in rules.entries["companies"]}


def test_a_dateline_dash_ends_a_name():
    rules = load_rules()
    text = "Hà Nội – Sáng 5/3, trời rét."
    assert clean_entities(text, [(0, 13, "LOC")], rules) == [(0, 6, "LOC")]
    route = "tuyến Hà Nội – Hải Phòng"
    assert len(clean_entities(route, [(6, len(route), "LOC")], rules)) == 2


def test_an_acronym_named_again_is_the_same_organisation():
    from annotator.nlp.abbreviations import with_repeated_acronyms

    text = "Cục Hàng không (CAAV) họp. CAAV yêu cầu các hãng báo cáo. GDP tăng; GDP cũng vậy."
    ents = [(16, 20, "ORG", 0.9, "crf"), (58, 61, "ORG", 0.4, "crf")]
    got = with_repeated_acronyms(text, ents)
    assert (27, 31, "ORG", 0.6, "rules") in got  # the second CAAV
    assert text[58:61] == "GDP" and not any(text[e[0]:e[1]] == "GDP" and e[0] != 58 for e in got)  # an economic acronym never spreads
