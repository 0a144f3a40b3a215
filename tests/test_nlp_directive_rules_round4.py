"""Directive rules of issue 10, fourth round (classes D10–D14): a diversion plan's items whatever
figures they carry, a body's task whose name has a short form in brackets, a party's petition to be
allowed to act, narrated necessity (consequences, causes, personal accounts) and a lead's dateline."""

from __future__ import annotations

import pytest

from test_nlp_directive_rules_round2 import _directives, pipe  # noqa: F401  (the module's pipeline fixture)


PLAN = (
    "Hà Nội phân luồng giao thông để thi công ga ngầm\n\n"
    "Sở Xây dựng Hà Nội thông báo phân luồng giao thông trên phố Trần Hưng Đạo từ ngày 15/12.\n\n"
    "Phương án phân luồng như sau:\n"
    "Xe máy, xe đạp được đi trong làn đường rộng 3 m bên phải rào chắn;\n"
    "Ô tô từ phố Lê Thánh Tông đi về hồ Hoàn Kiếm rẽ trái sang phố Lý Thường Kiệt, đi tiếp phố Quang Trung;\n"
    "Các tuyến xe buýt số 12, 34 điều chỉnh lộ trình theo phố Lý Thường Kiệt, tạm dừng hai điểm dừng trên phố Trần Hưng Đạo;\n"
    "Xe tải trên 1,5 tấn không được đi vào đoạn phố thi công từ 6h đến 21h.\n\n"
    "Công an thành phố bố trí lực lượng hướng dẫn tại các nút giao trong giờ cao điểm.\n\n"
    "Nhà ga dài 220 m, sâu 22 m, dự kiến hoàn thành phần kết cấu vào quý III/2027.\n"
)


def test_d10_a_diversion_plans_items_with_widths_loads_and_bus_numbers(pipe):
    got = _directives(pipe, PLAN)
    assert got == [
        "Phương án phân luồng như sau:",
        "Xe máy, xe đạp được đi trong làn đường rộng 3 m bên phải rào chắn;",
        "Ô tô từ phố Lê Thánh Tông đi về hồ Hoàn Kiếm rẽ trái sang phố Lý Thường Kiệt, đi tiếp phố Quang Trung;",
        "Các tuyến xe buýt số 12, 34 điều chỉnh lộ trình theo phố Lý Thường Kiệt, tạm dừng hai điểm dừng trên "
        "phố Trần Hưng Đạo;",
        "Xe tải trên 1,5 tấn không được đi vào đoạn phố thi công từ 6h đến 21h.",
        "Công an thành phố bố trí lực lượng hướng dẫn tại các nút giao trong giờ cao điểm.",
    ]


def test_d10_a_plan_just_announced_with_items_one_per_line_and_their_dates(pipe):
    text = (
        "Tin giao thông\n\n"
        "Sở Xây dựng Hải Phòng vừa thông báo phương án tổ chức giao thông qua cầu Rào như sau:\n"
        "Từ ngày 8/12 đến hết ngày 20/1, ô tô chỉ được lưu thông một làn mỗi chiều, tốc độ tối đa 30 km/h.\n"
        "Xe tải trên 10 tấn đi theo cầu Niệm.\n"
        "Tuyến xe buýt số 5 tạm dừng điểm đón khách ở đầu cầu.\n\n"
        "Cầu Rào dài 400 m, được đưa vào sử dụng năm 2004.\n"
    )
    got = _directives(pipe, text)
    assert got[0].startswith("Sở Xây dựng Hải Phòng vừa thông báo")
    assert got[1:] == [
        "Từ ngày 8/12 đến hết ngày 20/1, ô tô chỉ được lưu thông một làn mỗi chiều, tốc độ tối đa 30 km/h.",
        "Xe tải trên 10 tấn đi theo cầu Niệm.",
        "Tuyến xe buýt số 5 tạm dừng điểm đón khách ở đầu cầu.",
    ]


def test_d10_a_plan_already_carried_out_and_a_list_of_results_stay_reports(pipe):
    text = (
        "Tin giao thông\n\n"
        "Năm qua, thành phố đã tổ chức phân luồng như sau:\n"
        "Xe tải đi theo đường vành đai 3;\n"
        "Xe khách đi theo cầu Thanh Trì.\n\n"
        "Kết quả năm qua như sau:\n"
        "Xe buýt chở 420 triệu lượt khách;\n"
        "Xe tải vi phạm giảm 12%.\n"
    )
    assert _directives(pipe, text) == []


def test_d11_a_bodys_task_with_its_short_form_in_brackets(pipe):
    text = (
        "Tin hàng không\n\n"
        "Chiều 18/11, Cục trưởng Cục Hàng không Việt Nam yêu cầu các hãng bảo đảm đủ tàu bay phục vụ cao "
        "điểm. Tổng công ty Cảng hàng không Việt Nam (ACV) tăng cường nhân lực làm thủ tục, không để hành "
        "khách chờ lâu.\n"
    )
    assert "Tổng công ty Cảng hàng không Việt Nam (ACV) tăng cường nhân lực làm thủ tục, không để hành khách " \
           "chờ lâu." in _directives(pipe, text)


@pytest.mark.parametrize("sentence", [
    "Một số doanh nghiệp kiến nghị được tính đủ chi phí nhiên liệu vào giá cước.",
    "Các doanh nghiệp cũng đề nghị được gia hạn nộp tiền thuê đất thêm sáu tháng.",
])
def test_d12_a_partys_petition_to_be_allowed_to_act(pipe, sentence):
    assert _directives(pipe, "Tin\n\nHội nghị diễn ra sáng 3/12. " + sentence + "\n")[-1:] == [sentence]


@pytest.mark.parametrize("sentence", [
    "Những kiến nghị được gửi tới hội nghị đã được tổng hợp thành 23 nhóm.",
    "Kiến nghị được Bộ Tài chính tiếp thu trong dự thảo.",
    "Dự án do tỉnh đề xuất được phê duyệt trong tháng 5.",
])
def test_d12_petitions_as_nouns_or_passives_are_no_requests(pipe, sentence):
    assert _directives(pipe, "Tin\n\nHội nghị diễn ra sáng 3/12. " + sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "Tại xã Khánh Bình, nước tràn qua bờ bao khiến nhiều hộ nuôi tôm phải thu hoạch sớm, chấp nhận bán giá thấp.",
    "Mưa lớn khiến nhiều tuyến đường bị ngập sâu, các xe cứu hộ phải đi đường vòng.",
    "Sau đêm triều lên, nhiều hộ phải thuê máy bơm hút nước ra khỏi ao.",
    "Ở nhiều nơi, người dân phải dùng bồn chứa để trữ nước mưa.",
    "Những hồ sơ chậm chủ yếu do doanh nghiệp phải bổ sung chứng từ.",
    '"Gió giật mạnh quá, anh em phải chạy tàu về bến ngay trong đêm", ông Lê Văn Hai, chủ tàu cá, nói.',
    '"Năm nay mặn về sớm, bà con phải đi chở nước từ thị trấn về", bà Lâm Thị Sa, một tiểu thương, chia sẻ.',
    "Nhiều chủ xe phải điều chỉnh lịch giao hàng để tránh giờ cao điểm.",
])
def test_d13_narrated_necessity_is_no_directive(pipe, sentence):
    assert _directives(pipe, "Tin\n\nNgày 18/11, triều cường dâng cao. " + sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    '"Xã nào chậm bàn giao mặt bằng thì người đứng đầu phải giải trình", ông nói.',
    "Vì vậy các địa phương phải chủ động sơ tán dân khỏi vùng nguy hiểm.",
    "Nhà thầu thi công lắp đặt biển báo tại hai đầu rào chắn.",
])
def test_d13_an_officials_words_and_tasks_still_ask(pipe, sentence):
    text = "Tin\n\nChủ tịch UBND tỉnh yêu cầu các sở, ngành khẩn trương khắc phục hậu quả. " + sentence + "\n"
    assert sentence in _directives(pipe, text)


@pytest.mark.parametrize("dateline", ["Cần Thơ – ", "Hà Nội (TTXVN) – ", "VTV News – ", "Sóc Trăng - "])
def test_d14_the_directive_starts_after_the_leads_dateline(pipe, dateline):
    body = ("Dự báo mưa lớn kéo dài đến cuối tuần; ngành nông nghiệp khuyến cáo nông dân gia cố bờ bao, "
            "thu hoạch lúa chín sớm.")
    text = "Mưa lớn ở miền Tây\n\n" + dateline + body + "\n\nLúa đông xuân đang vào vụ thu hoạch.\n"
    assert _directives(pipe, text) == [body]


def test_d14_a_lead_that_opens_with_a_road_between_two_places_is_no_dateline(pipe):
    lead = "Cao tốc Hà Nội - Hải Phòng phải hoàn thành nâng cấp trong năm 2027, Bộ trưởng yêu cầu."
    assert _directives(pipe, "Tin\n\n" + lead + "\n") == [lead]


def test_d10_routes_named_by_their_origin_after_a_lead_in(pipe):
    text = (
        "Tin giao thông\n\n"
        "Sở Xây dựng tổ chức phân luồng từ 18h ngày 1/9. Phương tiện đi theo các hướng tuyến sau:\n"
        "- Từ phố Hàng Gai muốn đi Cửa Nam: đi theo Hàng Hòm - Hàng Đào - Hàng Đường;\n"
        "- Hướng từ Hà Đông vào trung tâm: đi theo Nguyễn Trãi - Láng - Giải Phóng, không đi vào phố Hàng Bông.\n"
    )
    got = _directives(pipe, text)
    assert got[-3:] == [
        "Phương tiện đi theo các hướng tuyến sau:",
        "Từ phố Hàng Gai muốn đi Cửa Nam: đi theo Hàng Hòm - Hàng Đào - Hàng Đường;",
        "Hướng từ Hà Đông vào trung tâm: đi theo Nguyễn Trãi - Láng - Giải Phóng, không đi vào phố Hàng Bông.",
    ]


def test_d10_a_races_itinerary_is_no_plan(pipe):
    text = (
        "Tin thể thao\n\n"
        "Lộ trình chặng đua như sau:\n"
        "- Từ Hà Nội đi Hòa Bình: đoàn đua vượt dốc Cun;\n"
        "- Từ Hòa Bình đi Sơn La: các tay đua vượt đèo Pha Đin.\n"
    )
    assert _directives(pipe, text) == []


def test_d14_two_places_joined_by_a_dash_are_no_dateline(pipe):
    lead = "Việt Nam – Lào cần đẩy nhanh tiến độ tuyến cao tốc Viêng Chăn - Hà Nội, Thủ tướng đề nghị."
    assert _directives(pipe, "Tin\n\n" + lead + "\n") == [lead]


@pytest.mark.parametrize("sentence", [
    '"Anh em phải giữ vững kỷ luật, trực 24/24 giờ", Đại tá Nguyễn Văn Hải nhấn mạnh.',
    '"Các địa phương phải sơ tán dân trước 17 giờ", Bộ trưởng Lê Minh Hoan chia sẻ.',
])
def test_d13_an_officials_quoted_words_with_a_crew_or_a_story_verb_still_ask(pipe, sentence):
    assert _directives(pipe, "Tin\n\nNgày 18/11, bão đổ bộ. " + sentence + "\n") == [sentence]


def test_d13_a_conclusion_after_a_consequence_asks(pipe):
    sentence = "Sạt lở khiến nhiều tuyến đường bị chia cắt, vì vậy các địa phương phải chủ động dự trữ lương thực."
    assert _directives(pipe, "Tin\n\nNgày 18/11, mưa lớn kéo dài. " + sentence + "\n") == [sentence]


def test_d10_a_byline_right_under_items_one_per_line_is_no_item(pipe):
    text = ("Tin\n\nPhương án phân luồng như sau:\nXe tải đi theo đường vành đai 3.\n"
            "Xe khách đi theo cầu Thanh Trì.\nMinh Quân\n")
    assert _directives(pipe, text) == ["Phương án phân luồng như sau:", "Xe tải đi theo đường vành đai 3.",
                                       "Xe khách đi theo cầu Thanh Trì."]


def test_d10_a_right_turn_in_a_plans_item_names_no_addressee(pipe):
    ann = pipe.annotate(PLAN.replace("rẽ trái sang phố Lý Thường Kiệt", "về phía ga Hà Nội rẽ phải sang phố Lý Thường Kiệt"))
    items = [k for k, s in enumerate(ann.spans) if s.label == "DIRECTIVE" and "rẽ phải" in ann.text[s.start:s.end]]
    assert len(items) == 1 and ann.spans[items[0]].attrs["kind"] == "continuation"
    assert not [r for r in ann.relations if r[0] == items[0]]
