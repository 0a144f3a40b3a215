"""Issuer and addressee of a directive named outside its own sentence.

News names an official once and then refers to him by title or pronoun ("Phó Thủ tướng Lê Minh
Khang chủ trì cuộc họp. Phó Thủ tướng yêu cầu …", "… Ông yêu cầu …"), and names a body once and
then asks it by its bare head ("Làm việc với Sở Xây dựng, … Ông đề nghị sở …"). These helpers
look back through the sentences before the directive for the person or body meant. They work on
the pipeline's entity tuples ``(start, end, label, id)`` and sentence spans (``.start``/``.end``).
"""

from __future__ import annotations

__all__ = ["PRONOUNS", "subject_head", "is_pronoun_subject", "titled_person_before", "speaker_before",
           "anaphor_head", "body_before"]

#: words that stand for an official named earlier when they are the whole subject
PRONOUNS = ("ông", "bà", "đồng chí", "anh", "chị", "bộ trưởng", "thứ trưởng", "chủ tịch", "phó chủ tịch",
            "bí thư", "phó bí thư", "giám đốc", "thủ tướng", "phó thủ tướng", "trưởng ban", "đại biểu",
            "đại sứ", "tổng giám đốc", "thống đốc", "phó thống đốc", "phó giám đốc", "chánh án",
            "viện trưởng", "tổng bí thư", "chủ nhiệm", "phó trưởng ban")
_PERSONAL = ("ông", "bà", "đồng chí", "anh", "chị")
_FILLERS = (" cũng", " tiếp tục", " còn", " đồng thời", " đặc biệt", " nhấn mạnh và")
#: how far back (in sentences) a title is looked for: the lead that named the official
_TITLE_LOOKBACK = 12
#: bare heads by which a body named just before is asked ("đề nghị sở …", "giao tập đoàn …")
_ANAPHOR_HEADS = ("sở", "bộ", "tỉnh", "huyện", "xã", "thành phố", "tập đoàn", "công ty", "tổng công ty",
                  "ngân hàng", "trường", "bệnh viện", "viện", "ban", "quỹ", "hiệp hội", "hội", "cục", "trung tâm")


def subject_head(text: str, start: int, cue_start: int) -> str:
    """The words before the cue, lower case, without list marks and fillers ("Ông cũng" → "ông")."""
    head = text[start:cue_start].strip(" -–•\"“").lower()
    for _ in range(2):
        for filler in _FILLERS:
            if head.endswith(filler):
                head = head[: -len(filler)].strip()
    return head


def is_pronoun_subject(text: str, start: int, cue_start: int) -> bool:
    """The subject only names someone by title or pronoun ("Ông cũng", "Bộ trưởng")."""
    return subject_head(text, start, cue_start) in PRONOUNS


def _same_paragraph(text: str, a_end: int, b_start: int) -> bool:
    return "\n\n" not in text[a_end:b_start]


def speaker_before(text, sents, index, ent_tuples):
    """The first person (else organisation) of the sentence before, in the same paragraph."""
    if index <= 0:
        return None
    prev = sents[index - 1]
    if not _same_paragraph(text, prev.end, sents[index].start):
        return None
    inside = [(a, lab, k) for a, b, lab, k in ent_tuples if a >= prev.start and b <= prev.end]
    for wanted in ("PER", "ORG"):
        for _a, lab, k in inside:
            if lab == wanted:
                return k
    return None


def titled_person_before(text, sents, index, ent_tuples, title: str):
    """The nearest person before sentence ``index`` written after ``title`` ("Phó Thủ tướng [Lê
    Minh Khang]", "Bộ trưởng [Bộ Nội vụ] [Phạm Quang Vinh]": an organisation may stand between)."""
    if not title or title in _PERSONAL:
        return None
    lo = sents[max(0, index - _TITLE_LOOKBACK)].start
    hi = sents[index].start
    people = [(a, b, k) for a, b, lab, k in ent_tuples if lab == "PER" and lo <= a and b <= hi]
    orgs = sorted((a, b) for a, b, lab, _k in ent_tuples if lab == "ORG" and lo <= a < hi)
    for a, _b, k in reversed(people):
        cut = a
        before = text[max(lo, cut - 80):cut].rstrip()
        # step back over an organisation right before the name ("Bộ trưởng Bộ Nội vụ Phạm …")
        for oa, ob in reversed(orgs):
            if ob <= cut and not text[ob:cut].strip():
                before = text[max(lo, oa - 80):oa].rstrip()
                break
        low = before.lower()
        if low.endswith(title) and (len(low) == len(title) or not low[-len(title) - 1].isalpha()):
            return k
    return None


def anaphor_head(toks, j: int) -> str | None:
    """The bare head right after a cue when it stands for a body named before ("đề nghị sở tiếp
    tục …"): lower case, not followed by a capitalised name. ``toks``: the sentence's tokens."""
    words = [t.text.lower() for t in toks[j:j + 3]]
    for head in sorted(_ANAPHOR_HEADS, key=lambda h: -len(h.split())):
        parts = head.split()
        if words[:len(parts)] == parts and toks[j].text[:1].islower():
            nxt = j + len(parts)
            if nxt < len(toks) and toks[nxt].text[:1].isupper():
                return None  # "sở Xây dựng": a name follows, not an anaphor
            return head
    return None


def body_before(text, sents, index, ent_tuples, head: str, lookback: int = 2):
    """The nearest body named in the ``lookback`` sentences before ``index`` that ``head`` can
    stand for: an organisation whose name begins with it ("Sở Xây dựng" for "sở") or holds it
    ("UBND tỉnh Nghệ An" for "tỉnh"), or a place written after it ("tỉnh [Nghệ An]")."""
    lo = sents[max(0, index - lookback)].start
    hi = sents[index].start
    for a, b, lab, k in sorted(ent_tuples, reverse=True):
        if not (lo <= a and b <= hi):
            continue
        name = text[a:b].lower()
        if lab == "ORG" and (name.startswith(head + " ") or f" {head} " in f" {name} "):
            return k
        if lab == "LOC" and text[max(lo, a - len(head) - 1):a].lower().strip() == head:
            return k
    return None
