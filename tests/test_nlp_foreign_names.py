"""Foreign names and places of issue 10: Korean, Japanese, Chinese, Lao and Thai names, and a place
glued to the name after it."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.load()


@pytest.mark.parametrize("text, expected", [
    ("Tiếp đón đoàn, ông Park Ji-hoon, Phó Thống đốc tỉnh Gyeonggi, cảm ơn tỉnh Bắc Ninh.",
     {("Park Ji-hoon", "PER"), ("Gyeonggi", "LOC"), ("Bắc Ninh", "LOC")}),
    ("Bà Kim Min-seo làm việc với lãnh đạo thành phố Busan và Incheon.",
     {("Kim Min-seo", "PER"), ("Busan", "LOC"), ("Incheon", "LOC")}),
    ("Thị trưởng Yokohama Tanaka Hiroshi và ông Suzuki Kenji, Giám đốc JICA tại Việt Nam, dự lễ ký kết.",
     {("Yokohama", "LOC"), ("Tanaka Hiroshi", "PER"), ("Suzuki Kenji", "PER"), ("JICA", "ORG"), ("Việt Nam", "LOC")}),
    ("Ông Lee Hsien Loong và bà Tan Mei Ling gặp gỡ cộng đồng tại Singapore.",
     {("Lee Hsien Loong", "PER"), ("Tan Mei Ling", "PER"), ("Singapore", "LOC")}),
    ("Tỉnh trưởng tỉnh Savannakhet Santiphap Phomvihane tiếp đoàn tại Viêng Chăn.",
     {("Savannakhet", "LOC"), ("Santiphap Phomvihane", "PER"), ("Viêng Chăn", "LOC")}),
    ("Bà Paetongtarn Shinawatra gặp ông Anutin Charnvirakul tại Bangkok, sau đó thăm Chiang Mai.",
     {("Paetongtarn Shinawatra", "PER"), ("Anutin Charnvirakul", "PER"), ("Bangkok", "LOC"), ("Chiang Mai", "LOC")}),
])
def test_foreign_names_and_places(pipe, text, expected):
    ann = pipe.annotate(text)
    assert {(text[s.start:s.end], s.label) for s in ann.entities()} == expected
