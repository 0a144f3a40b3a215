"""A bracketed abbreviation after a name is labelled like the name (issue 10, MISC and ORG recall)."""

from __future__ import annotations

from annotator.nlp.abbreviations import label_abbreviations


def _spans(text, *pieces):
    out = []
    for phrase, label in pieces:
        a = text.index(phrase)
        out.append((a, a + len(phrase), label, 0.9, "crf"))
    return out


def _named(text, spans):
    return {(text[a:b], lab) for a, b, lab, *_ in spans}


def test_a_missing_abbreviation_is_added_with_the_names_label():
    text = "Tỉnh dự Liên hoan Diều Quốc tế Vũng Tàu 2027 (VIKF 2027) vào tháng 4."
    got = label_abbreviations(text, _spans(text, ("Liên hoan Diều Quốc tế Vũng Tàu 2027", "MISC")))
    assert ("VIKF 2027", "MISC") in _named(text, got)


def test_an_abbreviation_tagged_otherwise_is_relabelled():
    text = "Hiệp định Thương mại tự do Việt Nam - Anh (UKVFTA) có hiệu lực."
    got = label_abbreviations(text, _spans(text, ("Hiệp định Thương mại tự do Việt Nam - Anh", "MISC"),
                                           ("UKVFTA", "ORG")))
    assert _named(text, got) == {("Hiệp định Thương mại tự do Việt Nam - Anh", "MISC"), ("UKVFTA", "MISC")}


def test_a_country_in_brackets_is_no_abbreviation():
    text = "Công ty Hoshino (Nhật Bản) mở nhà máy."
    spans = _spans(text, ("Công ty Hoshino", "ORG"), ("Nhật Bản", "LOC"))
    assert _named(text, label_abbreviations(text, spans)) == {("Công ty Hoshino", "ORG"), ("Nhật Bản", "LOC")}


def test_a_place_before_the_bracket_lends_no_label():
    text = "Đoàn đến Đà Nẵng (DN) hôm qua."
    spans = _spans(text, ("Đà Nẵng", "LOC"))
    assert label_abbreviations(text, spans) == sorted(spans)
