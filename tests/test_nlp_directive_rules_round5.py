"""Directive rules of issue 10, fifth round (classes D15–D19, read off test6 once it had judged the
fourth round; test7 stays unseen): numbered list items, a quoted headline request, the "giao" of
diplomacy, a scam told, last season's obligations, list items that hand in or take responsibility.

Every text here is made up for the test."""

from __future__ import annotations

import pytest

from annotator.nlp.directives import without_list_marks
from annotator.nlp.pipeline import Pipeline
from annotator.nlp.text import sentences
from test_nlp_directive_rules_round2 import _directives, pipe  # noqa: F401  (the module's pipeline fixture)

NUMBERED = (
    "Bộ Nông nghiệp yêu cầu chống rét cho gia súc\n\n"
    "Để bảo vệ đàn gia súc trong đợt rét đậm, Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh "
    "miền núi phía Bắc chỉ đạo thực hiện các việc sau:\n\n"
    "1. Che chắn chuồng trại, giữ ấm cho trâu, bò vào ban đêm;\n"
    "2. Dự trữ rơm, cỏ khô và thức ăn tinh cho gia súc;\n"
    "3. Không thả trâu, bò lên núi cao khi nhiệt độ dưới 10 độ C;\n"
    "4. Tuyên truyền để người dân báo ngay cho chính quyền khi có gia súc chết rét.\n\n"
    "Năm ngoái, hơn 2.000 con trâu, bò chết vì rét tại sáu tỉnh.\n"
)


def test_d15_numbered_items_are_all_directives_and_their_marks_none(pipe):
    got = _directives(pipe, NUMBERED)
    assert got[1:] == [
        "Để bảo vệ đàn gia súc trong đợt rét đậm, Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh "
        "miền núi phía Bắc chỉ đạo thực hiện các việc sau:",
        "Che chắn chuồng trại, giữ ấm cho trâu, bò vào ban đêm;",
        "Dự trữ rơm, cỏ khô và thức ăn tinh cho gia súc;",
        "Không thả trâu, bò lên núi cao khi nhiệt độ dưới 10 độ C;",
        "Tuyên truyền để người dân báo ngay cho chính quyền khi có gia súc chết rét.",
    ]


def test_d15_the_shipped_model_reads_numbered_items_the_same_way():
    got = _directives(Pipeline.load(), NUMBERED)
    assert "1." not in got and "4." not in got
    assert "Tuyên truyền để người dân báo ngay cho chính quyền khi có gia súc chết rét." in got


def test_d15_list_marks_leave_the_directive_pass_and_map_back():
    bounds = [(s.start, s.end) for s in sentences(NUMBERED)]
    keep, kept, gold = without_list_marks(NUMBERED, bounds, [str(k) for k in range(len(bounds))])
    assert [NUMBERED[s:e] for s, e in bounds if (s, e) not in kept] == ["1.", "2.", "3.", "4."]
    assert gold == [str(k) for k in keep] and len(kept) == len(bounds) - 4
    # a number alone at the end of a line is no mark: it stays
    text = "Kết quả bốc thăm như sau.\n\nBảng A gồm 4 đội.\n"
    b = [(s.start, s.end) for s in sentences(text)]
    assert without_list_marks(text, b)[1] == b


@pytest.mark.parametrize("text, expected", [
    ('Chủ tịch UBND tỉnh Nghệ An: "Không để người dân nào thiếu nước sạch trong mùa khô"\n\n'
     "Sáng 2/3, ông Lê Hồng Vinh kiểm tra các công trình cấp nước tại huyện Quỳnh Lưu.\n",
     ['Chủ tịch UBND tỉnh Nghệ An: "Không để người dân nào thiếu nước sạch trong mùa khô"']),
    # the "giao" of diplomacy is no assignment, not even when a name before it was cut
    ("Thủ tướng tiếp Bộ trưởng Ngoại giao Nhật Bản\n\n"
     "Chiều 5/3, tại trụ sở Chính phủ, Thủ tướng tiếp Bộ trưởng Ngoại giao Nhật Bản Sato Kenji.\n", []),
    ("Hội nghị Bộ trưởng ASEAN khai mạc\n\n"
     "Thứ trưởng Thường trực Bộ Ngoại giao Lê Văn An đánh giá Nhật Bản là đối tác quan trọng của khu vực.\n", []),
    # a scam told: the swindlers "ask" their victims, nobody is told to act
    ("Cảnh giác lừa đảo bán vé máy bay\n\n"
     'Khi khách chuyển tiền, các đối tượng viện cớ "lỗi hệ thống" để yêu cầu nạn nhân chuyển thêm phí.\n', []),
    # last season's obligation is a report
    ("Giải bóng đá hạng Nhất khởi tranh\n\n"
     "Mùa trước, Ban Tổ chức phải hủy kết quả hai trận vì sân không đủ điều kiện.\n", []),
])
def test_d16_to_d18_headlines_diplomacy_scams_and_last_season(pipe, text, expected):
    assert _directives(pipe, text) == expected


def test_d19_list_items_that_hand_in_papers_or_take_responsibility(pipe):
    text = (
        "Liên đoàn Cầu lông yêu cầu các đội nộp hồ sơ sớm\n\n"
        "Liên đoàn Cầu lông Việt Nam vừa gửi công văn tới các đội tham dự giải vô địch quốc gia.\n\n"
        "Văn bản nêu rõ:\n\n"
        "- Các đội nộp danh sách vận động viên và giấy khám sức khỏe trước ngày 10/4;\n"
        "- mỗi đội không được đăng ký quá hai vận động viên nước ngoài;\n"
        "- trưởng đoàn chịu trách nhiệm về tính chính xác của hồ sơ.\n"
    )
    got = _directives(pipe, text)
    assert got[1:] == [
        "Văn bản nêu rõ:",
        "Các đội nộp danh sách vận động viên và giấy khám sức khỏe trước ngày 10/4;",
        "mỗi đội không được đăng ký quá hai vận động viên nước ngoài;",
        "trưởng đoàn chịu trách nhiệm về tính chính xác của hồ sơ.",
    ]
