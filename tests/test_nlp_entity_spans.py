"""Entity span boundaries on outside news (issue 10, tuning): names that ran on into a verb, long
official names cut short, "và" inside a name or between two, "tại <place>" after a body, companies,
persons whose surname is also a body's word, landmarks, named things after their kind. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from annotator.nlp.hygiene import clean_entities
from annotator.nlp.pipeline import Pipeline
from annotator.nlp.rules import _foreign_word, load_rules, rule_entities
from annotator.nlp.text import segment


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


def _rules_found(rules, text):
    toks = segment(text)
    return {(text[toks[a].start:toks[b - 1].end], lab) for a, b, lab, _ in rule_entities(toks, rules)}


def _found(pipe, text):
    return {(text[s.start:s.end], s.label) for s in pipe.annotate(text).spans if s.label != "DIRECTIVE"}


# what the rules find, whole, and where they stop
@pytest.mark.parametrize("text, name, label", [
    pytest.param("Sáng nay, Cục Chuyển đổi số hoàn thành việc kết nối dữ liệu dân cư.", "Cục Chuyển đổi số", "ORG",
                 id="verb-ends-name"),
    pytest.param("Tập đoàn NTT chế tạo thành công máy chủ mới.", "Tập đoàn NTT", "ORG", id="glued-verb"),
    pytest.param("Quỹ Hỗ trợ nông dân nghèo vượt khó đã giải ngân 3 tỷ đồng.", "Quỹ Hỗ trợ nông dân nghèo vượt khó",
                 "ORG", id="fund-tail"),
    pytest.param("Trung tâm Điều phối quốc gia về hiến máu tình nguyện tiếp nhận 500 đơn vị máu.",
                 "Trung tâm Điều phối quốc gia về hiến máu tình nguyện", "ORG", id="centre-remit"),
    pytest.param("Cơ quan Thanh tra, giám sát chứng khoán đã kiểm tra 12 công ty.",
                 "Cơ quan Thanh tra, giám sát chứng khoán", "ORG", id="paired-actions"),
    pytest.param("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Tĩnh họp khẩn.",
                 "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Tĩnh", "ORG", id="remit-with-va"),
    pytest.param("Ban Chỉ đạo 138 quốc gia tổng kết năm.", "Ban Chỉ đạo 138 quốc gia", "ORG", id="numbered-body"),
    pytest.param("Ủy ban Xã hội và Dân tộc của Quốc hội giám sát chính sách.",
                 "Ủy ban Xã hội và Dân tộc của Quốc hội", "ORG", id="assembly-committee"),
    pytest.param("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ chức hội thảo.",
                 "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "ORG", id="plural-before-capital"),
    pytest.param("Lãnh đạo công ty DKC cho biết doanh thu tăng.", "DKC", "ORG", id="company-acronym"),
    pytest.param("Hãng Kolon Industries mở văn phòng ở Đà Nẵng.", "Kolon Industries", "ORG", id="company-word"),
    pytest.param("Tổng Giám đốc Genex Pharma cho biết nhà máy sẽ hoạt động năm sau.", "Genex Pharma", "ORG",
                 id="company-after-title"),
    pytest.param("Phó Giám đốc Sở Đoàn Văn Khôi dự buổi làm việc.", "Đoàn Văn Khôi", "PER", id="surname-head"),
    pytest.param("Bà Đoàn Thị Mai, Giám đốc hợp tác xã, cho biết giá tăng.", "Đoàn Thị Mai", "PER", id="surname-head"),
    pytest.param("Tờ trình nêu rõ Nghị định số 58/2025/NĐ-CP đã có hiệu lực.", "Nghị định số 58/2025/NĐ-CP", "MISC",
                 id="legal-code"),
    pytest.param("Bộ trưởng ký Quyết định số 25/QĐ-TTg ngày 3/1.", "Quyết định số 25/QĐ-TTg", "MISC", id="legal-code"),
    pytest.param("Tỉnh triển khai Nghị quyết số 39-NQ/TW tỉnh Hòa Bình từ tháng 5.", "Nghị quyết số 39-NQ/TW", "MISC",
                 id="code-closes-name"),
    pytest.param("Quốc hội thông qua Luật Văn hóa, thể thao và du lịch cộng đồng với 92% tán thành.",
                 "Luật Văn hóa, thể thao và du lịch cộng đồng", "MISC", id="law-of-fields"),
    pytest.param("Dự án được trình tại Kỳ họp thứ 8, Quốc hội khóa XV.", "Kỳ họp thứ 8, Quốc hội khóa XV", "MISC",
                 id="session"),
    pytest.param("Khán giả đón xem Tuần Văn hóa Nhật Bản tại Việt Nam 2027 ở Hà Nội.",
                 "Tuần Văn hóa Nhật Bản tại Việt Nam 2027", "MISC", id="culture-week"),
    pytest.param("Nhà khoa học theo dõi vệ tinh MicroSat-3 trên quỹ đạo.", "MicroSat-3", "MISC", id="satellite"),
    pytest.param("Nông dân gieo giống lúa OM 5451 trên 200 ha.", "OM 5451", "MISC", id="rice"),
    pytest.param("Bão số 3 (tên quốc tế Wipha) mạnh lên.", "Wipha", "MISC", id="storm"),
    pytest.param("Tiền vệ của câu lạc bộ Nam Định ghi bàn.", "Nam Định", "ORG", id="club"),
    pytest.param("Lễ mít tinh diễn ra tại Quảng trường Lê Nin.", "Quảng trường Lê Nin", "LOC", id="landmark"),
    pytest.param("Doanh nghiệp thuê đất ở Khu Công nghệ cao Đà Nẵng.", "Khu Công nghệ cao Đà Nẵng", "LOC", id="zone"),
    pytest.param("Dự án Trung tâm Dữ liệu quốc gia số 2 khởi công.", "Trung tâm Dữ liệu quốc gia số 2", "ORG",
                 id="numbered-centre"),
])
def test_rules_find_the_whole_name(rules, text, name, label):
    assert (name, label) in _rules_found(rules, text)


@pytest.mark.parametrize("text, wrong", [
    pytest.param("Công ty POSCO và Hyundai Steel ký thỏa thuận.", ("Công ty POSCO và Hyundai Steel", "ORG"),
                 id="two-companies"),
    pytest.param("Ông Đoàn Văn Khôi phát biểu.", ("Đoàn Văn Khôi", "ORG"), id="surname-is-no-body"),
    pytest.param("Trung tâm Khuyến nông quốc gia sản xuất đủ giống.",
                 ("Trung tâm Khuyến nông quốc gia sản xuất đủ giống", "ORG"), id="no-tail-without-object"),
    pytest.param("Văn phòng Đăng ký đất đai tỉnh Cà Mau cấp sổ.", ("Văn phòng Đăng", "ORG"), id="vietnamese-word-kept"),
])
def test_rules_do_not_run_on(rules, text, wrong):
    assert wrong not in _rules_found(rules, text)


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
    pytest.param("Bão di chuyển theo hướng Tây Tây Bắc, mỗi giờ đi 15 km.", set(), {"Tây Bắc", "Tây Tây Bắc"},
                 id="direction"),
])
def test_pipeline_spans(pipe, text, wanted, unwanted):
    got = _found(pipe, text)
    assert wanted <= got, got
    assert not {name for name, _lab in got} & unwanted, got
