"""Names repeated later in the same article: a person by one word ("Nguyễn Thị Hường … Hường nói"), a
club named after its province ("Hải Phòng thắng … Hải Phòng chơi kỷ luật").

News names a person in full once and then by one word: the given name for a Vietnamese name, the
family name for a Western one ("Eliud Kibet … Kibet"). Only the last word of a name found in the
article is taken, and only where it stands alone: not next to another capitalised word (that is a
longer name, "Bình Dương"), not inside another entity, not a known place, not after a compass word.
"""

from __future__ import annotations

import re

#: lower-case words before which a capitalised syllable is a direction or a region, not a person
_COMPASS_BEFORE = frozenset({"miền", "phía", "hướng", "phương", "vùng", "cực", "khu", "mạn", "bờ", "nam", "bắc",
                             "đông", "tây", "trung", "thủ", "thời", "năm", "ngày", "tháng", "số", "khóa"})

#: function words that open a sentence before a name ("Theo Sơn, …", "Với Hường, …")
_OPENERS = frozenset({"theo", "với", "khi", "sau", "còn", "nhưng", "và", "riêng", "cùng", "trước", "cả", "đến", "tuy"})


def _name_word(t: str) -> bool:
    return t[:1].isupper() and t.isalpha() and not t.isupper() and len(t) >= 2


def with_repeated_names(toks_per, ents, rules) -> list[tuple]:
    """``ents`` with the lone repeats of the article's persons as PER spans ``(start, end, "PER", score,
    "repeat")``; a model's one-word span on such a repeat ("Hường" as a place) is replaced.

    ``toks_per``: the tokens of each sentence; ``ents``: the spans found so far, tuples
    ``(start, end, label, score, origin)``.
    """
    found = _repeats(toks_per, ents, rules)
    if not found:
        return ents
    at = {(a, b) for a, b, *_ in found}
    return [e for e in ents if (e[0], e[1]) not in at] + found


def _repeats(toks_per, ents, rules) -> list[tuple]:
    words = set()
    for e in ents:
        if e[2] != "PER":
            continue
        last = None
        for toks in toks_per:
            if toks and toks[0].start <= e[0] and e[1] <= toks[-1].end:
                inside = [t for t in toks if e[0] <= t.start and t.end <= e[1]]
                last = inside[-1].text if inside else None
                break
        if last and _name_word(last):
            words.add(last)
    if not words:
        return []
    covered = sorted((e[0], e[1]) for e in ents)
    alone = {(e[0], e[1]) for e in ents if e[2] != "PER" and e[4:5] != ("rules",)}
    out = []
    for toks in toks_per:
        for k, t in enumerate(toks):
            if t.text not in words:
                continue
            if (t.start, t.end) in alone:
                pass  # the word alone taken as a place or a body by the model: the person again
            elif any(a < t.end and t.start < b for a, b in covered):
                continue
            prev = toks[k - 1].text if k else ""
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            opener = k == 1 and prev.lower() in _OPENERS  # "Theo Sơn, …": capitalised as the sentence's first word
            if (prev[:1].isupper() and prev.isalpha() and not opener) or (nxt[:1].isupper() and nxt.isalpha()):
                continue  # part of a longer capitalised name
            if prev.lower() in _COMPASS_BEFORE or toks[k].word_pos == "I" or (
                    k + 1 < len(toks) and toks[k + 1].word_pos == "I"):
                continue
            place = rules.places.match([t.text], [t.text.lower()], 0)
            if place or rules.org_heads.match([t.text], [t.text.lower()], 0):
                continue
            out.append((t.start, t.end, "PER", 0.55, "repeat"))
    return out


#: words before a place that keep it a place even in a match report ("trên sân Hải Phòng", "tại Nam Định")
_PLACE_CUES = frozenset({"tại", "ở", "đến", "tới", "về", "từ", "sân", "tỉnh", "thành", "phố", "thủ", "đô", "người",
                         "quê", "vùng", "miền", "khắp", "ra", "vào"})


_MATCH_VERB = r"(?:hòa|thắng|thua|cầm hòa|để thua|đánh bại|tiếp đón|vượt qua|gặp|hạ)"
_MATCH_AFTER = re.compile(r" " + _MATCH_VERB + r" ")
_MATCH_BEFORE = re.compile(r" " + _MATCH_VERB + r" $")


def with_club_mentions(text: str, ents, rules) -> list[tuple]:
    """``ents`` where a Vietnamese province read as a club in a match ("Hải Phòng thắng …": an ORG next to a
    match verb) is that club again when named alone elsewhere in the article ("… đánh giá Hải Phòng chơi
    kỷ luật"), unless a place word comes before it ("trên sân Hải Phòng"); so is the province that ends a
    club's name ("Đông Á Thanh Hóa" … "Thanh Hóa gỡ hòa") or the city before its club word ("Ulsan HD" …
    "Ulsan vượt lên"), the short names news gives a club. A province after a place word is the place, whatever
    read it as a club ("trên sân Nam Định")."""
    club_spans = set()
    for e in ents:
        a, b = e[0], e[1]
        if e[2] != "ORG" or not (_MATCH_AFTER.match(text, b) or _MATCH_BEFORE.search(text[max(0, a - 12):a])):
            continue
        words = text[a:b].split()
        lows = [w.lower() for w in words]
        first = rules.places.match(words, lows, 0)
        if first and 0 < len(words) - first[0] <= 1 and first[1] in ("PROV", "COUNTRY"):
            club_spans.add(" ".join(words[:first[0]]))  # "Ulsan HD", "Bangkok United": the city before the club word
        for k in range(len(words)):
            # the club itself, or the province that ends its name: "Đông Á Thanh Hóa … Thanh Hóa gỡ hòa"
            place = rules.places.match(words, [w.lower() for w in words], k)
            if place and k + place[0] == len(words) and place[1] == "PROV":
                club_spans.add(" ".join(words[k:]))
                break
    out = []
    for e in ents:
        a, b, label = e[0], e[1], e[2]
        if label in ("LOC", "ORG") and (text[a:b] in club_spans or label == "ORG"):
            before = text[max(0, a - 12):a].split()
            place_cue = bool(before) and before[-1].lower() in _PLACE_CUES
            if label == "LOC" and not place_cue:
                e = (a, b, "ORG") + tuple(e[3:])
            elif label == "ORG" and place_cue and _province(text, a, b, rules):
                e = (a, b, "LOC") + tuple(e[3:])  # "trên sân Nam Định": the ground is a place, not the club
        out.append(e)
    return out


def _province(text: str, a: int, b: int, rules) -> bool:
    """``text[a:b]`` is a province's name, whole."""
    words = text[a:b].split()
    place = rules.places.match(words, [w.lower() for w in words], 0)
    return bool(place) and place[0] == len(words) and place[1] == "PROV"
