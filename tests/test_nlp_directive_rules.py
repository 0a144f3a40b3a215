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
    # reported views, wishes before a modal, ongoing or restrictive descriptions
    "Theo ông, các hợp tác xã cần liên kết với doanh nghiệp để giữ giá.",
    "Theo bà Lê Thu Hà, thành phố cần thêm bãi đỗ xe ngầm.",
    "Đối tác Nhật Bản mong muốn mở rộng vùng nguyên liệu nhưng cần nguồn vốn lớn.",
    "Một số xã vẫn yêu cầu người dân nộp bản sao giấy tờ.",
    "Chỉ cần điện thoại thông minh, người dân nộp hồ sơ tại nhà.",
    "Hội thảo cũng thảo luận đề xuất thành lập khu thương mại tự do.",
    "Ông Somphone cho biết tỉnh đang kêu gọi đầu tư vào khu kinh tế.",
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


def test_bodies_take_up_their_parts_in_a_list_after_a_colon(pipe):
    text = ("Phòng dịch\n\nKết luận cuộc họp, Chủ tịch UBND tỉnh Hoàng Minh Đức giao nhiệm vụ:\n\n"
            "- Sở Y tế chuẩn bị đủ thuốc và vật tư tại các trạm y tế xã;\n"
            "- Trung tâm Kiểm soát bệnh tật tỉnh Hòa Bình chủ trì giám sát các ổ dịch cũ;\n"
            "- Công an tỉnh bố trí lực lượng hỗ trợ khi cần.\n\n"
            "Sở Tài chính bố trí kinh phí phòng dịch trong tháng 6.\n\n"
            "Ngày 20/5, Sở Y tế tổ chức tập huấn cho 300 cán bộ.")
    _ann, got = _directives(pipe, text)
    assert [g.split()[0] + " " + g.split()[1] for g in got] == [
        "Kết luận", "Sở Y", "Trung tâm", "Công an", "Sở Tài"]


def test_a_long_body_name_before_its_action(pipe):
    text = ("Di sản\n\nÔng giao Sở Văn hóa và Thể thao lập hồ sơ di tích. "
            "Ban Quản lý Khu di tích Đền Hùng Phú Thọ chủ động phối hợp với các xã giữ gìn cảnh quan.")
    _ann, got = _directives(pipe, text)
    assert len(got) == 2 and got[1].startswith("Ban Quản lý Khu di tích")


@pytest.mark.parametrize("headline, expected", [
    ("Chủ tịch UBND tỉnh Yên Bái: Di dời ngay các hộ dân khỏi vùng sạt lở", True),
    ("Bộ trưởng Bộ Công Thương: Không để thiếu xăng dầu dịp cuối năm", True),
    ("Khẩn trương sửa chữa đê biển trước mùa mưa bão", True),
    ("Lạng Sơn: Lễ hội hoa đào thu hút 20.000 du khách", False),
    ("Phát triển du lịch cộng đồng ở vùng cao", False),
])
def test_headline_reporting_an_instruction(pipe, headline, expected):
    text = headline + "\n\nSáng 3/4, UBND tỉnh tổ chức hội nghị về công tác năm 2026."
    _ann, got = _directives(pipe, text)
    assert got == ([headline] if expected else [])


def test_the_lead_after_a_headline_directive_is_not_a_continuation(pipe):
    text = ("Hà Giang: Tăng cường phòng chống cháy rừng\n\n"
            "UBND tỉnh Hà Giang tổ chức hội nghị trực tuyến với các huyện về phòng chống cháy rừng.")
    _ann, got = _directives(pipe, text)
    assert got == ["Hà Giang: Tăng cường phòng chống cháy rừng"]


def test_a_prohibition_after_a_request(pipe):
    text = ("An ninh mạng\n\nCông an tỉnh khuyến cáo người dân chỉ tải ứng dụng từ kho chính thức. "
            "Không cung cấp mã OTP cho người lạ qua điện thoại.")
    _ann, got = _directives(pipe, text)
    assert len(got) == 2 and got[1].startswith("Không cung cấp")


def test_consider_and_compile_continue_a_request(pipe):
    text = ("Thương mại\n\nBộ trưởng đề nghị phía Canada sớm mở cửa thị trường cho quả bưởi. "
            "Xem xét công nhận kết quả kiểm dịch của Việt Nam.")
    _ann, got = _directives(pipe, text)
    assert len(got) == 2 and got[1].startswith("Xem xét")


def test_two_bodies_take_up_their_part_together(pipe):
    text = ("Bão số 3\n\nPhó Thủ tướng yêu cầu các địa phương khẩn trương sơ tán dân. "
            "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam tăng thời lượng phát tin về bão.")
    _ann, got = _directives(pipe, text)
    assert len(got) == 2 and got[1].startswith("Đài Truyền hình")
