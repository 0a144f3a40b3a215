"""Directive rules of issue 10, second round (classes D1–D6): a speaker's own necessity, questions,
court narration and passives are no requests; lists of instructions after a lead-in; headlines
with a body's ban or an aviation body; a generic body's obligation."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load(directive_path=None)  # the rules alone: the shipped directive model revises them


def _directives(pipe, text):
    ann = pipe.annotate(text)
    return [text[s.start:s.end] for s in ann.directives()]


@pytest.mark.parametrize("sentence", [
    # D1 the speaker's own necessity
    'Sau trận thua, tiền vệ Nguyễn Văn Hùng nói: "Chúng tôi phải chơi tốt hơn ở lượt về".',
    'Anh Minh kể: "Tôi phải vay thêm 50 triệu đồng để trả nợ".',
    "Gia đình tôi phải bán cả đàn bò để chữa bệnh cho con.",
    "Tại xã Khao Mang, máy xúc phải mở đường suốt đêm để đưa lương thực vào thôn.",
    "Theo anh Tùng, người lao động phải làm thêm giờ mới đủ sống.",
    "Anh Tùng kể, công nhân phải làm thêm giờ mới đủ sống.",
    "Huấn luyện viên Park thừa nhận đội cần cải thiện khả năng phòng ngự.",
    # D2 questions
    "Mùa mưa bão: Người dân cần lưu ý gì?",
    "Doanh nghiệp phải làm gì khi thuế tăng?",
    "Vì sao các địa phương phải sơ tán dân sớm?",
    # D3 court narration and passives
    "Cáo trạng xác định Nguyễn Văn An chỉ đạo nhân viên lập khống hồ sơ để rút tiền.",
    "Theo bản án, Trần Văn Bình phải nộp lại 2 tỷ đồng thu lợi bất chính.",
    "Theo kết luận điều tra, giám đốc công ty yêu cầu kế toán hợp thức hóa chứng từ.",
    "Doanh nghiệp này đã bị cơ quan quản lý nhắc nhở nhiều lần.",
    "Công ty từng bị Sở Công Thương nhắc nhở vì niêm yết giá sai.",
    # a ban as a noun or passive
    "Lệnh cấm xuất khẩu gạo được dỡ bỏ từ tháng 3.",
    "Cầu thủ này bị cấm thi đấu 3 trận.",
    "Cơ quan chức năng thu giữ nhiều chất cấm.",
    "Luật Giao thông đường bộ 2024 cấm người điều khiển xe sử dụng điện thoại.",
    "Quy định mới cấm xe máy đi vào làn ô tô.",
    # what befalls people is no order
    "Hàng trăm hộ dân phải di dời ngay trong đêm.",
    "Doanh nghiệp cần có thời gian để thích ứng.",
    # lists of results, events or contents are no instructions
    "Kết quả năm qua như sau:\nTổ chức 30 lớp tập huấn;\nHỗ trợ 200 hộ nghèo.",
    "Chương trình gồm các hoạt động:\nHội thảo khoa học vào ngày 5/3;\nTriển lãm ảnh tại nhà văn hóa;\nGiao lưu văn nghệ.",
    "Kết quả như sau:\nTổ chức 30 lớp tập huấn;\nHỗ trợ 200 hộ nghèo.",
    "Nội dung hội nghị gồm:\nTổng kết công tác năm 2025;\nTriển khai nhiệm vụ năm 2026.",
])
def test_not_directives(pipe, sentence):
    assert _directives(pipe, sentence) == []


@pytest.mark.parametrize("headline", [
    "Hà Nội cấm xe tải trên 10 tấn qua cầu Chương Dương",
    "Cục Hàng không yêu cầu các hãng bảo đảm giờ bay dịp Tết",
    "Chuẩn bị SEA Games: Xác định rõ trách nhiệm, không để chậm tiến độ",
])
def test_headlines_that_ask(pipe, headline):
    assert _directives(pipe, headline + "\n\nSáng 3/12, cuộc họp diễn ra tại Hà Nội.") == [headline]


def test_a_headline_question_without_its_mark(pipe):
    assert _directives(pipe, "Thi tốt nghiệp THPT 2026: Thí sinh cần biết gì\n\nSáng 3/12, Bộ công bố lịch thi.") == []


def test_an_embedded_question_in_a_request_stays_a_request(pipe):
    sentence = "Bộ trưởng yêu cầu làm rõ trách nhiệm thuộc về đơn vị nào."
    assert _directives(pipe, sentence) == [sentence]


def test_a_topic_headline_without_a_prohibition_stays_a_report(pipe):
    assert _directives(pipe, "Chuẩn bị SEA Games: Xác định rõ trách nhiệm các bên\n\nSáng 3/12, cuộc họp diễn ra.") == []


@pytest.mark.parametrize("sentence", [
    "Xã phải di dời ngay các hộ dân ra khỏi vùng sạt lở.",
    "Các công ty cấp nước phải có phương án dự phòng, không để gián đoạn cấp nước.",
])
def test_generic_body_obligations(pipe, sentence):
    assert _directives(pipe, sentence) == [sentence]


def test_a_lead_in_and_its_items_whatever_they_open_with(pipe):
    text = ("Bộ Xây dựng vừa gửi văn bản tới các đơn vị. Văn bản nêu rõ:\n\n"
            "Các hãng hàng không xây dựng phương án phục vụ hành khách;\n\n"
            "ACV bố trí đủ nhân lực tại các nhà ga;\n\n"
            "tuyệt đối không để hành khách chờ quá lâu;\n\n"
            "Khi chuyến bay bị chậm, hãng thông báo cho hành khách.")
    got = _directives(pipe, text)
    assert [g[:12] for g in got] == ["Văn bản nêu ", "Các hãng hàn", "ACV bố trí đ", "tuyệt đối kh", "Khi chuyến b"]


def test_a_diversion_plan(pipe):
    text = ("Sở Giao thông vận tải đưa ra phương án phân luồng như sau:\n"
            "Xe từ Hà Nội đi Hải Phòng theo Quốc lộ 5;\n"
            "Xe từ Hải Phòng đi Hà Nội theo cao tốc.")
    assert len(_directives(pipe, text)) == 3


def test_a_prosecutor_who_keeps_the_indictment_still_proposes(pipe):
    sentence = ("Đại diện Viện kiểm sát giữ nguyên quan điểm truy tố theo cáo trạng và đề nghị Hội đồng xét xử "
                "tuyên phạt bị cáo từ 5 đến 6 năm tù.")
    assert _directives(pipe, sentence) == [sentence]


def test_a_bulleted_list_of_instructions_ending_in_full_stops(pipe):
    text = ("Văn bản nêu rõ:\n- Các hãng hàng không xây dựng phương án phục vụ.\n- ACV bố trí đủ nhân lực tại các nhà ga.\n"
            "- Khi chuyến bay bị chậm, hãng thông báo cho khách.\n\nNăm ngoái, sân bay đón 20 triệu khách.")
    assert [g[:8] for g in _directives(pipe, text)] == ["Văn bản ", "Các hãng", "ACV bố t", "Khi chuy"]


def test_kể_cả_is_no_story(pipe):
    sentence = "Bộ trưởng yêu cầu tất cả các đơn vị, kể cả doanh nghiệp nhà nước, phải công khai số liệu."
    assert _directives(pipe, sentence) == [sentence]
