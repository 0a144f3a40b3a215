"""Entity classes of the second tuning round of issue 10 (E1–E7), through the whole pipeline: a person
named again by one word, clubs and match verbs, tickers and company words, transliterated places,
long trade names, venues, streets named after people or dates, space stations. Sentences written for
these tests (no seed or held-out text)."""

from __future__ import annotations

import pytest

from annotator.nlp.hygiene import joined_parts
from annotator.nlp.pipeline import Pipeline
from annotator.nlp.rules import _is_ticker, _transliterated


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


def _found(pipe, text):
    return {(text[s.start:s.end], s.label) for s in pipe.annotate(text).spans if s.label != "DIRECTIVE"}


@pytest.mark.parametrize("text, expected, absent", [
    # E1: the one-word repeat of a person named in full earlier in the article
    ("Chị Lê Thị Hường về nhất cự ly 5.000 m. Sau cuộc đua, Hường cho biết chị đã tập ở độ cao.",
     {("Lê Thị Hường", "PER"), ("Hường", "PER")}, set()),
    ("Vận động viên Eliud Kibet về nhất. Kibet nói anh rất vui.", {("Kibet", "PER")}, set()),
    ("Tiền đạo người Brazil Rafaelson ghi bàn.", {("Brazil", "LOC"), ("Rafaelson", "PER")}, set()),
    ("Eliud Kipchoge và Brigid Kosgei tập luyện ở độ cao.", {("Brigid Kosgei", "PER")}, {("Brigid Kosgei", "LOC")}),
    ("Theo Sơn, nhà đầu tư nên thận trọng. Ông Trần Hoàng Sơn là chuyên gia.", {("Sơn", "PER")}, set()),
    # … but a direction is not a repeat of a person called Nam
    ("Ông Trần Văn Nam dự họp. Mưa lớn ở miền Nam kéo dài.", {("Trần Văn Nam", "PER")}, {("Nam", "PER")}),
    # E2: clubs
    ("Hà Nội FC hòa SHB Đà Nẵng 1-1 trên sân Hàng Đẫy.", {("Hà Nội FC", "ORG"), ("SHB Đà Nẵng", "ORG")},
     {("Hà Nội", "LOC")}),
    ("Hải Phòng thắng Nam Định 2-0 ở vòng 5.", {("Hải Phòng", "ORG"), ("Nam Định", "ORG")}, set()),
    ("U23 Việt Nam thắng Malaysia 2-0.", {("Việt Nam", "LOC"), ("Malaysia", "LOC")}, set()),
    ("Hải Phòng thua Nam Định 1-3. Ông đánh giá Hải Phòng chơi kỷ luật, nhưng sân Nam Định quá khó.",
     {("Hải Phòng", "ORG"), ("Nam Định", "ORG"), ("Nam Định", "LOC")}, {("Hải Phòng", "LOC")}),
    # E3: tickers, exchanges, foreign companies named by an English company word
    ("Cổ phiếu HPG, HSG và NKG tăng trần trên sàn HoSE.",
     {("HPG", "ORG"), ("HSG", "ORG"), ("NKG", "ORG"), ("HoSE", "ORG")}, set()),
    ("Hợp đồng được ký với Tokyo Metro.", {("Tokyo Metro", "ORG")}, {("Tokyo", "LOC")}),
    # E4: places spelt the Vietnamese way, with hyphens
    ("Đoàn đã thăm tỉnh U-đon Tha-ni và thành phố Oen-linh-tơn của Niu Di-lân.",
     {("U-đon Tha-ni", "LOC"), ("Oen-linh-tơn", "LOC"), ("Niu Di-lân", "LOC")}, set()),
    # E5: a trade name goes on after the place it holds; high courts keep their seat; an office abroad
    ("Ngân hàng TMCP Sài Gòn Thương Tín công bố lợi nhuận.", {("Ngân hàng TMCP Sài Gòn Thương Tín", "ORG")}, set()),
    ("Tòa án nhân dân cấp cao tại Hà Nội mở phiên phúc thẩm.", {("Tòa án nhân dân cấp cao tại Hà Nội", "ORG")},
     set()),
    ("Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc tổ chức gặp mặt.",
     {("Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc", "ORG")}, set()),
    ("Người dân liên hệ UBND xã hoặc Sở Xây dựng.", {("Sở Xây dựng", "ORG")}, set()),
    # E6: venues whole; streets named after people or dates
    ("Trận đấu diễn ra trên Sân vận động Quốc gia Mỹ Đình tối 12/10.",
     {("Sân vận động Quốc gia Mỹ Đình", "LOC")}, set()),
    ("Xe đi đường Nguyễn Văn Linh, qua cầu Trần Thị Lý rồi vào đường 3 Tháng 2.",
     {("Nguyễn Văn Linh", "LOC"), ("Trần Thị Lý", "LOC"), ("3 Tháng 2", "LOC")}, {("Trần Thị Lý", "PER")}),
    # E7: a space station and its module
    ("Quần thể danh thắng Tràng An đón hơn 5 triệu lượt khách.", {("Quần thể danh thắng Tràng An", "LOC")}, set()),
    ("Trạm vũ trụ Quốc tế ISS và mô-đun Kibo nhận thêm thiết bị.",
     {("Trạm vũ trụ Quốc tế ISS", "MISC"), ("Kibo", "MISC")}, set()),
])
def test_round2_entities(pipe, text, expected, absent):
    got = _found(pipe, text)
    assert expected <= got, got
    assert not (absent & got), got


def test_joined_parts_split_matches_not_republics():
    text = "Thể Công - Viettel hòa Hoàng Anh Gia Lai"
    assert [text[a:b] for a, b in joined_parts(text, 0, len(text))] == ["Thể Công - Viettel", "Hoàng Anh Gia Lai"]
    text = "Đại sứ quán Cộng hòa Liên bang Đức"
    assert joined_parts(text, 0, len(text)) is None


def test_shapes():
    assert _is_ticker("FPT") and not _is_ticker("Hà") and not _is_ticker("2024") and not _is_ticker("UBND")
    for w in ("Tha-ni", "Oen-linh-tơn", "Cam-pốt"):
        assert _transliterated(w), w
    for w in ("VN-Index", "Sang", "HNX-30"):
        assert not _transliterated(w), w
