"""Span hygiene: the shape every suggested entity must have, whatever made it.

The model, the rules and the reviewers' memory each propose entity spans; this module is applied
to all of them last, so that no suggestion of the default scheme:

* begins or ends with punctuation, a conjunction or a preposition ("- xã hội", ", Pháp lệnh",
  "Hà Nội và", "của Bộ Y tế");
* runs across a list ("Ủy ban nhân dân các tỉnh, thành phố …", "Luật A, Luật B"), unless it is a
  known name that contains a comma (``entities.txt``): it is cut at the first list comma;
* is a date, a number or a numeral word ("Ngày 07 / 12 / 2007", "2024", "Sáu", "Hai");
* is a compass direction ("Tây Tây Bắc", "hướng Tây Nam"), or a language ("tiếng Lào");
* (ORG) names a body by a plural of common nouns ("Ủy ban nhân dân các tỉnh"), or is the bare head
  of one ("UBND | các huyện");
* runs across a colon ("Hiệp định EVFTA: Còn …"), the dash of a dateline ("VTV News – Chiều 12/3") or a
  bracket it did not open ("UK PACT), phía Anh"): it ends there;
* (LOC) is a route between places ("cao tốc Nội Bài - Lào Cai"): its ends are the places;
* runs into a bracket after the name ("Olympic Toán học Quốc tế 2026 (IMO 2026)"): the name and
  the abbreviation are two spans.

It works on plain code-point offsets and the sentence's own text, so it is cheap enough to run
on every span of every document (a few string operations a span).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence

from annotator.core.segmentation import syllables
from annotator.nlp.rules import _NOT_TICKERS, RuleSet, _foreign_word

__all__ = ["clean_entities", "EDGE_WORDS"]

# words an entity never begins or ends with (lower case): conjunctions and prepositions
EDGE_WORDS = frozenset({
    "và", "hoặc", "hay", "cùng", "với", "của", "tại", "trong", "ngoài", "cho", "từ", "đến", "tới",
    "ở", "về", "theo", "trên", "dưới", "bởi", "do", "vào", "ra", "giữa", "qua", "sang", "để", "thuộc",
    "là", "như", "nhưng", "mà", "thì", "các", "những", "mọi", "này", "đó", "kia", "nên",
})
# capitalised prepositions that open a sentence and are never the first word of a name
_OPENERS = frozenset({"Theo", "Tại", "Trong", "Với", "Của", "Về", "Ở", "Cùng", "Và", "Hoặc", "Trên", "Dưới",
                      "Ngoài", "Qua", "Đối", "Nhằm", "Để"})


def _opens_sentence(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“'(-–":
        k -= 1
    return k < 0 or text[k] in ".!?:;\n"


_NUMERALS = frozenset({
    "một", "hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm",
    "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "linh", "lẻ", "rưỡi", "nhất", "nhì",
})
_COMPASS = frozenset({"đông", "tây", "nam", "bắc"})
_DIRECTION_BEFORE = ("hướng", "phía", "gió", "theo hướng", "về phía", "lệch", "dịch chuyển")
#: the rice seasons of the Vietnamese calendar ("vụ Đông Xuân", "vụ Hè Thu"): seasons, not places or people
_CROP_SEASONS = frozenset({"đông xuân", "hè thu", "thu đông", "xuân hè"})
_COMMUNE_WORDS = ("xã", "phường", "thôn", "làng", "thị trấn", "huyện", "hợp tác xã", "HTX")
#: a nation's short name after a noun of people or goods is a nationality (GUIDELINES: not an entity)
_NATION_SHORT = frozenset({"việt", "nhật", "hàn", "trung", "thái"})
_NATION_NOUNS = frozenset({"người", "hàng", "doanh nghiệp", "nhà đầu tư", "du khách", "khách", "lao động",
                           "cộng đồng", "kiều bào", "sinh viên", "công ty", "thương hiệu", "sản phẩm"})
_NATION_BEFORE = tuple(" " + w for w in _NATION_NOUNS)
_DATE_HEAD = frozenset({"ngày", "tháng", "năm", "quý", "sáng", "chiều", "tối", "đêm", "trưa"})


def _words(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The engine's own units (syllables and marks) of ``text[a:b]``: one segmentation for all."""
    return [(t.start, t.end) for t in syllables(text, a, b)]


def _is_word(piece: str) -> bool:
    return piece[:1].isalnum()


def _edge_word(piece: str, sentence_start: bool) -> bool:
    """A conjunction or preposition: lower case, or capitalised only because it opens the sentence
    ("Trong Tân Việt Nam"); a capitalised "Sang", "Từ" inside a text is a name ("Lê Văn Sang")."""
    if piece in EDGE_WORDS:
        return True
    return sentence_start and piece in _OPENERS


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Drop edge punctuation, conjunctions and prepositions; None if nothing is left."""
    words = _words(text, a, b)
    while words:
        s, e = words[0]
        piece = text[s:e]
        if not _is_word(piece) and piece not in "(\"“'" or _edge_word(piece, _opens_sentence(text, s)):
            words.pop(0)
            continue
        break
    while words:
        s, e = words[-1]
        piece = text[s:e]
        if not _is_word(piece) and piece not in ")\"”'" or piece in EDGE_WORDS and not (
                piece == "ngoài" and len(words) > 1 and text[words[-2][0]:words[-2][1]].lower() == "nước"):
            words.pop()  # (but "nước ngoài", foreign, is a word: "… cho lao động nước ngoài")
            continue
        break
    if not words:
        return None
    a, b = words[0][0], words[-1][1]
    # unbalanced brackets or quotes at an edge are punctuation too
    for open_, close in (("(", ")"), ("“", "”")):
        if text[a] == open_ and close not in text[a:b]:
            return _trim(text, a + 1, b)
        if text[b - 1] == close and open_ not in text[a:b]:
            return _trim(text, a, b - 1)
    if text[a] in "\"'" and text.count(text[a], a, b) == 1:
        return _trim(text, a + 1, b)
    if text[b - 1] in "\"'" and text.count(text[b - 1], a, b) == 1:
        return _trim(text, a, b - 1)
    return a, b


def _numeral(word: str) -> bool:
    return not any(ch.isalpha() for ch in word) or word.lower() in _NUMERALS


def _not_a_name(text: str, a: int, b: int, before: str) -> bool:
    """Dates, numbers, numeral words and compass directions."""
    words = [text[s:e] for s, e in _words(text, a, b)]
    alpha = [w for w in words if _is_word(w)]
    if not alpha:
        return True
    lowers = [w.lower() for w in alpha]
    if all(_numeral(w) for w in alpha):
        return True  # "2024", "07 / 12 / 2007", "Sáu", "Hai mươi" (not "ST25", "VTV4")
    if lowers[0] in _DATE_HEAD and len(alpha) > 1 and all(_numeral(w) for w in alpha[1:]):
        return True  # "Ngày 07 / 12 / 2007", "Tháng Sáu"
    if (" ".join(lowers[:2]) in _CROP_SEASONS and not before.rstrip().lower().endswith(_COMMUNE_WORDS)) \
            or (lowers[0] == "vụ" and " ".join(lowers[1:3]) in _CROP_SEASONS):
        return True  # "vụ Thu Đông", "Vụ Đông Xuân năm nay …": a crop season (but "xã Đông Xuân" is a place)
    if lowers[-1] in _NATION_SHORT and (
            " ".join(lowers[:-1]) in _NATION_NOUNS
            or len(lowers) == 1 and (" " + before.rstrip().lower()).endswith(_NATION_BEFORE)):
        return True  # "người Việt", "doanh nghiệp Nhật", "Hàng Việt": a nationality, not the country
    if len(alpha) == 1 and alpha[0] in _NOT_TICKERS:
        return True  # "GRDP", "VAT", "USD": an economic acronym is a term, not a name
    if len(lowers) == 2 and lowers[0] in ("vĩ", "kinh") and lowers[1] in _COMPASS:
        return True  # "17,5 độ Vĩ Bắc": a coordinate
    if all(w in _COMPASS for w in lowers):
        if len(lowers) >= 3:
            return True  # "Tây Tây Bắc" is only ever a direction
        tail = before.rstrip().lower()
        while tail.split() and tail.split()[-1] in _COMPASS:
            tail = tail[: tail.rfind(" ")] if " " in tail else ""  # "hướng Tây | Tây Bắc"
        if any(tail.endswith(x) for x in _DIRECTION_BEFORE):
            return True  # "theo hướng Tây Nam"
    return False


_PLURALS = frozenset({"các", "những", "mọi"})
#: the dash of a dateline or a byline before the time it opens with ("VTV News – Chiều 12/3, …", "Hà Nội –
#: Sáng nay, …"): no name runs across it
_DATELINE = re.compile(r" [-–] (?=(?:Sáng|Chiều|Trưa|Tối|Đêm|Ngày|Hôm|Rạng sáng|Khuya|Sáng sớm)\b)")


def _generic_plural(text: str, a: int, b: int) -> bool:
    """"Ủy ban nhân dân các tỉnh (, thành phố từ A đến B)": a body named by a plural of common
    nouns is no name. Names keep a plural when a capital follows it ("Liên hiệp các Tổ chức Hữu
    nghị") or when they end with their own place and hold no list ("Đảng bộ Khối các cơ quan và
    doanh nghiệp tỉnh Bình Định")."""
    words = [text[s:e] for s, e in _words(text, a, b)]
    for k, w in enumerate(words[1:-1], start=1):
        if w.lower() in _PLURALS:
            if not words[k + 1][:1].islower():
                return False
            rest = words[k + 1:]
            return not any(x[:1].isupper() for x in rest) or any(x in (",", "từ", "đến") for x in rest)
    return False


_PLURAL_HEADS = frozenset({"UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân", "Công an", "Sở", "Ban",
                           "Bộ", "Cục", "Chi cục", "Trung tâm", "Đảng ủy", "Ban Chỉ đạo"})
_PLURAL_AFTER = re.compile(r" (các|những|mọi) [^\W\d_]", re.UNICODE)


def _head_of_plural(text: str, a: int, b: int) -> bool:
    """"UBND | các huyện", "Sở | các tỉnh": a bare head cut from a generic plural is no name either."""
    if text[a:b] not in _PLURAL_HEADS:
        return False
    m = _PLURAL_AFTER.match(text, b)
    return bool(m) and text[m.end() - 1].islower()


def _list_cut(text: str, a: int, b: int, known_with_comma: frozenset[str], rules: RuleSet) -> int:
    """End of the span's first list item, or ``b`` when the span is not a list.

    A comma starts a new item when a new name begins right after it: an organisation or MISC
    head, a known name or a place ("Luật Đất đai, Luật Nhà ở", "Bộ Y tế, Sở Y tế"). Names that
    hold a comma go on in lower case or with their own words ("Bộ Văn hóa, Thể thao và Du lịch",
    "Ban Chỉ đạo phòng, chống tham nhũng").
    """
    if text.find(",", a, b) < 0 or text[a:b] in known_with_comma:
        return b
    spans = _words(text, a, b)
    texts = [text[s:e] for s, e in spans]
    lowers = [t.lower() for t in texts]
    for k, t in enumerate(texts[:-1]):
        if t == "," and lowers[k + 1] in _PLURALS:
            return spans[k][0]  # "Ủy ban An toàn giao thông Quốc gia | , các tỉnh …": a list goes on
        if t != "," or not texts[k + 1][:1].isupper():
            continue
        if lowers[k + 1:k + 4] in (["quốc", "hội", "khóa"], ["quốc", "hội", "khoá"]):
            continue  # "Kỳ họp thứ 9, Quốc hội khóa XV" is one name
        j = k + 1
        if (rules.org_heads.match(texts, lowers, j) or rules.misc_heads.match(texts, lowers, j)
                or rules.entities.match(texts, lowers, j) or rules.places.match(texts, lowers, j)):
            return spans[k][0]
    return b


# words before "A - B" that make it one place (a port, a sluice, a zone), not a route between two
_WHOLE_BEFORE = ("cảng", "cống", "luồng", "luồng hàng hải", "khu công nghiệp", "khu kinh tế", "vườn quốc gia")
_DASHES = (" - ", " – ")


def _route_parts(text: str, a: int, b: int, rules: RuleSet) -> list[tuple[int, int]] | None:
    """The places of a route written as one LOC ("Nội Bài - Lào Cai", "Mộc Bài - Bavet"), or None
    when the span is one place: a name of the gazetteers ("Bà Rịa - Vũng Tàu"), a capitalised zone
    or corridor ("Hành lang Kinh tế Đông - Tây"), or a port or zone named after the word before it
    ("cảng Cái Mép - Thị Vải")."""
    piece = text[a:b]
    if not any(d in piece for d in _DASHES):
        return None
    words = piece.split()
    if piece in rules.places or rules.entities.match(words, [w.lower() for w in words], 0):
        return None
    if rules.org_heads.match(words, [w.lower() for w in words], 0) or words[0] in ("Khu", "Hành", "Vườn", "Cảng", "Cụm"):
        return None
    # the common noun the span names: the lower-case words before it, across a list of names
    # ("các khu công nghiệp Quang Châu, Vân Trung và | Song Khê - Nội Hoàng")
    before = [text[s:e] for s, e in _words(text, max(0, a - 80), a)]
    while before and (before[-1][:1].isupper() or before[-1] in (",", "và")):
        before.pop()
    before = " ".join(before).lower()
    if any(before.endswith(w) for w in _WHOLE_BEFORE):
        return None
    parts = []
    pos = a
    for chunk in re.split(r" [-–] ", piece):
        s = text.find(chunk, pos)
        pos = s + len(chunk)
        got = _trim(text, s, pos)
        if got is None:
            continue
        x, y = got
        if not text[x:x + 1].isupper() or text[x:y].lower() in ("đông", "tây", "nam", "bắc", "trung"):
            continue  # "miền Trung - Tây Nguyên": a compass word is no place of its own
        parts.append((x, y))
    return parts


def _bracket_parts(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """"Olympic Toán học Quốc tế 2026 (IMO 2026)", "Công ty Nordkaffee (Đức": a name followed by
    its abbreviation or its country in brackets is the name, and the abbreviation (when the
    bracket closes inside the span) a name of its own; "(sửa đổi)" stays part of a law's name."""
    k = text.find(" (", a, b)
    if k < 0 or not text[k + 2:k + 3].isupper():
        return None
    close = text.find(")", k, b)
    parts = [(a, k)]
    if close > 0:
        parts.append((k + 2, close))
        if close + 1 < b:
            return None  # "X (Y) Z": something else; leave it
    return parts


def _pair_short_form(text: str, a: int, b: int) -> bool:
    """"Việt - Hàn", or the "Lào" of "Việt - Lào": one-syllable short forms paired with "Việt"."""
    piece = text[a:b]
    if piece.startswith("Việt - ") or piece.startswith("Việt – "):
        return len(piece.split()) == 3
    return " " not in piece and text[max(0, a - 7):a] in ("Việt - ", "Việt – ")


_AGE_TEAM = re.compile(r"U\d{2} ")
_AGE_ALONE = re.compile(r"U\d{2}")
_SCORE_TAIL = re.compile(r" \d{1,2} ?[-–] ?\d{1,2}")


def _acronyms_only(piece: str) -> bool:
    words = [w for w in piece.split() if any(c.isalpha() for c in w)]
    return bool(words) and all(sum(c.isalpha() for c in w) >= 2 and w.isupper() for w in words)


#: lower-case words that join two names without being part of either: a match between two teams
#: ("Hà Nội hòa SHB Đà Nẵng", "Thể Công - Viettel thắng Hải Phòng") or a choice ("Sở Y tế hoặc Sở Xây dựng")
_JOINERS = re.compile(r" (?:hòa|thắng|thua|gặp|cầm hòa|đánh bại|vượt qua|tiếp đón|hay|hoặc) (?=[A-ZĐÀ-Ỹ])")


_JOINER_COMPOUNDS = frozenset({"cộng", "chiến", "quyết", "toàn", "danh", "hài", "điều", "thua"})


def joined_parts(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The two names of a span that runs across a joining verb between capitalised words, or None."""
    parts = []
    pos = a
    for m in _JOINERS.finditer(text, a, b):
        before = text[max(a, m.start() - 1):m.start()]
        if not before or not (before.isalnum() or before in ".)"):
            continue
        left = text[pos:m.start()].split()
        if not left or not left[-1][:1].isupper() or left[-1].lower() in _JOINER_COMPOUNDS:
            continue  # "Cộng hòa", "Chiến thắng": the joiner is a syllable of the name's own word
        parts.append((pos, m.start()))
        pos = m.end()
    if not parts:
        return None
    parts.append((pos, b))
    return parts


#: words of foreign place names ("San Jose", "Cape Town"): a run holding one is no person
_PLACE_WORDS = frozenset({"City", "Island", "Islands", "Bay", "Park", "Street", "Lake", "Mount", "Valley", "Beach",
                          "Port", "River", "San", "Santa", "New", "North", "South", "East", "West", "Saint", "St",
                          "Los", "Las", "El", "Fort", "Cape", "Gulf", "Sea", "Hills", "Springs", "Falls", "Town",
                          "Village", "Airport", "Station", "Square", "Road", "Avenue", "Stadium", "Arena", "Store",
                          "Center", "Centre", "Mall", "Plaza", "Tower", "Hotel", "Resort", "App"})
#: words before a place, never before a person's name
_PLACE_BEFORE = ("tại", "ở", "đến", "sang", "tới", "từ", "về", "bang", "tỉnh", "thành phố", "vùng", "đảo", "thủ đô",
                 "vịnh", "hạt", "quận", "khu", "sân", "thị trấn", "làng")


def _foreign_person(text: str, a: int, b: int, rules: RuleSet) -> bool:
    """Two or three romanised foreign-shaped words ("Brigid Kosgei", "Ivan Petrov") that are no known
    place, hold no place word and follow no place preposition: a foreign person's name."""
    words = text[a:b].split()
    if not 2 <= len(words) <= 3 or not all(_foreign_word(w) and w[:1].isupper() and not w.isupper() for w in words):
        return False
    if any(w in _PLACE_WORDS for w in words) or rules.places.match(words, [w.lower() for w in words], 0):
        return False
    if any(rules.places.match([w], [w.lower()], 0) for w in words):
        return False
    before = text[max(0, a - 12):a].lower().rstrip()
    return not any(before.endswith(w) for w in _PLACE_BEFORE)


def _nationality_then_name(text: str, a: int, b: int, rules: RuleSet):
    """``[(a, m, "LOC"), (m', b, "PER")]`` when a span after "người" is a country followed by a name."""
    words = _words(text, a, b)
    names = [text[s:e] for s, e in words]
    pl = rules.places.match(names, [w.lower() for w in names], 0) if names else None
    if not pl or pl[1] != "COUNTRY" or pl[0] >= len(words) or not names[pl[0]][:1].isupper():
        return None
    return [(a, words[pl[0] - 1][1], "LOC"), (words[pl[0]][0], b, "PER")]


def _moved(span, a: int, b: int, label: str):
    piece = copy.copy(span)
    piece.start, piece.end = a, b
    return _relabel(piece, label)


def _relabel(span, label: str):
    """The span with another label (a tuple gets a new tuple, an object is changed in place)."""
    if isinstance(span, tuple):
        return span[:2] + (label,) + span[3:]
    span.label = label
    return span


def known_names_with_comma(rules: RuleSet) -> frozenset[str]:
    cached = getattr(rules, "_hygiene_known_commas", None)
    if cached is None:
        cached = frozenset(x.phrase for x in rules.entries.get("entities", []) if "," in x.phrase)
        rules._hygiene_known_commas = cached
    return cached


def clean_entities(text: str, spans: Iterable, rules: RuleSet,
                   labels: Sequence[str] = ("PER", "ORG", "LOC", "MISC")):
    """The spans of the default scheme in a clean shape; others pass unchanged.

    ``spans`` are objects with ``start``, ``end``, ``label`` attributes (changed with
    ``dataclasses.replace``-like copies via ``_replace`` or attribute assignment) or tuples
    ``(start, end, label, ...)``. Returns the kept spans in input order, in the input's type.
    """
    known = known_names_with_comma(rules)
    out = []
    for span in spans:
        is_tuple = isinstance(span, tuple)
        a, b, label = (span[0], span[1], span[2]) if is_tuple else (span.start, span.end, span.label)
        if label not in labels:
            out.append(span)
            continue
        got = _trim(text, a, b)
        if got is None:
            continue
        a2, b2 = got
        colon = text.find(": ", a2, b2)
        if colon > a2:
            got = _trim(text, a2, colon)  # "Hiệp định EVFTA: Còn dư địa …": a colon ends a name
            if got is None:
                continue
            a2, b2 = got
        dateline = _DATELINE.search(text, a2, b2)
        if dateline and dateline.start() > a2:
            got = _trim(text, a2, dateline.start())  # "VTV News | – Chiều 12/3, …": a dateline ends the name
            if got is None:
                continue
            a2, b2 = got
        close = text.find(")", a2, b2)
        if close > a2 and text.find("(", a2, close) < 0 and close + 1 < b2:
            got = _trim(text, a2, close)  # "UK PACT | ), phía Anh": a bracket closed inside the span ends the name
            if got is None:
                continue
            a2, b2 = got
        cut = _list_cut(text, a2, b2, known, rules)
        if cut != b2:
            got = _trim(text, a2, cut)
            if got is None:
                continue
            a2, b2 = got
        if _not_a_name(text, a2, b2, text[max(0, a2 - 20):a2]):
            continue
        if label in ("LOC", "MISC") and text[max(0, a2 - 6):a2].lower() == "tiếng ":
            continue  # "tiếng Lào", "tiếng Anh": a language is no entity
        if label in ("LOC", "MISC") and _pair_short_form(text, a2, b2):
            continue  # "song ngữ Việt - Lào", "hợp tác Việt - Hàn": an adjective pair, no place
        if label == "ORG" and (_generic_plural(text, a2, b2) or _head_of_plural(text, a2, b2)):
            continue
        if label == "ORG" and "chống " in text[a2:b2]:
            while True:  # "Ban Chỉ đạo phòng, chống tham nhũng | , lãng phí, tiêu cực": the rest of its list
                more = _MORE_EVILS.match(text, b2)
                if not more:
                    break
                b2 = more.end()
        score = _SCORE_TAIL.search(text, a2, b2)
        if score and score.end() == b2 and score.start() > a2:
            b2 = score.start()  # "Hải Phòng | 3 - 0": a match score is no part of a name
        if _AGE_ALONE.fullmatch(text, a2, b2):
            continue  # "U23" alone: an age label
        age = _AGE_TEAM.match(text, a2, b2)
        if age and label in ("LOC", "MISC", "ORG"):
            rest = _words(text, age.end(), b2)
            names = [text[s:e] for s, e in rest]
            place = rules.places.match(names, [w.lower() for w in names], 0) if names else None
            if place:
                # "U23 Việt Nam (bảo vệ …)": the national team is its country; the age label stays outside
                a2, b2, label = age.end(), rest[place[0] - 1][1], "LOC"
                span = _relabel(span, "LOC")
        if label == "PER" and _acronyms_only(text[a2:b2]):
            label = "ORG"  # "NEC", "SK": an acronym is never a person's name
            span = _relabel(span, "ORG")
        if label == "LOC" and _foreign_person(text, a2, b2, rules):
            label = "PER"  # "Brigid Kosgei": a foreign given name and family name, no place of the lists
            span = _relabel(span, "PER")
        if label == "LOC" and text[max(0, a2 - 6):a2].lower() == "người ":
            nat = _nationality_then_name(text, a2, b2, rules)
            if nat:
                # "tiền đạo người Brazil Rafaelson": the nationality, then the person it describes
                for x, y, lab in nat:
                    out.append((x, y, lab) + tuple(span[3:]) if is_tuple else _moved(span, x, y, lab))
                continue
        parts = _bracket_parts(text, a2, b2)
        if parts is None and label in ("ORG", "LOC"):
            parts = joined_parts(text, a2, b2)
        if parts is not None:
            parts = [got for got in (_trim(text, x, y) for x, y in parts) if got is not None]
        elif label == "LOC":
            parts = _route_parts(text, a2, b2, rules)
        if parts is not None:
            for x, y in parts:  # a route: its ends are the places
                if is_tuple:
                    out.append((x, y) + tuple(span[2:]))
                else:
                    piece = copy.copy(span)
                    piece.start, piece.end = x, y
                    out.append(piece)
            continue
        if (a2, b2) == (a, b):
            out.append(span)
        elif is_tuple:
            out.append((a2, b2) + tuple(span[2:]))
        else:
            span.start, span.end = a2, b2
            out.append(span)
    return _route_streets(text, out, labels)


#: what a committee "phòng, chống" fights, listed after the first one in its name
_MORE_EVILS = re.compile(r"(?:, | và )(?:tham nhũng|lãng phí|tiêu cực|buôn lậu|gian lận thương mại|hàng giả|ma túy|"
                         r"tội phạm|rửa tiền)\b", re.UNICODE)
_LOST_HEAD = re.compile(r" [-–] ([A-ZĐÀ-Ỹ][^\W\d_]* )", re.UNICODE)


def _route_streets(text: str, spans: list, labels: Sequence[str]) -> list:
    """Names joined by dashes in a row with a place among them are the streets of a route, places all
    ("đi theo Lý Thường Kiệt - Quang Trung - Hàng Bông": streets named after people are no persons; GUIDELINES,
    routes). Only persons and MISC are relabelled; a club or a body in a dash pair ("Hải Phòng - Nam Định")
    stays what it is. Two names need a "theo"/"qua" before them; three or more are a route by themselves."""
    def bounds(x):
        return (x[0], x[1], x[2]) if isinstance(x, tuple) else (x.start, x.end, x.label)

    order = sorted((k for k, x in enumerate(spans) if bounds(x)[2] in labels), key=lambda k: bounds(spans[k])[0])
    chains, cur = [], []
    for k in order:
        a, _, _ = bounds(spans[k])
        gap = text[bounds(spans[cur[-1]])[1]:a] if cur else ""
        lost = _LOST_HEAD.fullmatch(gap)
        if lost and bounds(spans[k])[2] == "LOC":
            # "… - Trần | Nhật Duật - …": a street's first capitalised syllable left out of it
            a = a - len(lost.group(1))
            spans[k] = (a,) + spans[k][1:] if isinstance(spans[k], tuple) else _moved(spans[k], a, spans[k].end,
                                                                                       spans[k].label)
            gap = text[bounds(spans[cur[-1]])[1]:a]
        if cur and gap in _DASHES:
            cur.append(k)
        else:
            if len(cur) >= 2:
                chains.append(cur)
            cur = [k]
    if len(cur) >= 2:
        chains.append(cur)
    for chain in chains:
        labs = [bounds(spans[k])[2] for k in chain]
        if "LOC" not in labs:
            continue
        start = bounds(spans[chain[0]])[0]
        before = text[max(0, start - 12):start].lower().split()
        if len(chain) < 3 and not (before and before[-1] in ("theo", "qua", "trình")):
            continue
        for k in chain:
            if bounds(spans[k])[2] in ("PER", "MISC"):
                spans[k] = _relabel(spans[k], "LOC")
    return spans
