"""Sentence-level DIRECTIVE detection with issuer/addressee links.

A sentence is a directive when (rules in ``resources/rules/directive_*.txt``):

1. **cue verb**: it contains a cue from ``directive_cues.txt`` (đề nghị, yêu cầu, chỉ đạo, giao …)
   used as a verb: the cue must be a whole word after word segmentation ("giao" is not
   "giao thông"), must not sit inside an entity ("Ban Chỉ đạo …"), and is cancelled by the
   blockers in ``directive_blockers.txt``: a word right before it (noun/reported use: "sự",
   "theo", "của", "đã", "các" …), right after it ("của", "cù", "khoảng" …), a first-clause
   phrase ("Theo chỉ đạo của …, …", "Thực hiện yêu cầu …, …"), a sentence-level past
   opener ("Trước đó, …") or a reported opinion anywhere before it ("… cho rằng cần …");
   A ``needs_action`` cue ("lưu ý") counts only when someone told to act or an action follows it
   (not a forecaster's "lưu ý bão di chuyển nhanh"); a body issuing a document ("vừa có văn bản
   chỉ đạo các đơn vị …") and a body being asked ("X được đề nghị áp dụng …") are requests;
2. **obligation modal** (``modal`` cues: cần, phải, không được): a subject (or nothing) before it and
   a verb-like word after it, no negation/past marker before it, no number after it, and no
   described subject (a counted one, a party to a verdict, a need measured in numbers: see
   :meth:`DirectiveDetector._described_subject`);
3. **continuation**: a subject-less sentence right after a directive (same paragraph, the next
   line of a list, or any line after a directive that ends with ``:``) opening with a word from
   ``directive_starts.txt`` ("Đồng thời, …", "Tăng cường …", "- Rà soát …;") or with "Không" and
   an action ("Không bố trí vốn …"); or, in the same paragraph (or the list or paragraph after a
   request), a body named at the start taking up its part of the assignment ("Sở Giao thông vận
   tải lập kế hoạch phân luồng …"), also as a new paragraph after one or two sentences of figures;
   A lead-in ending with ":" opens a list of instructions (a diversion plan's routes count whatever
   figures they carry); each item after it is a continuation;
4. **headline**: the first line, without final punctuation, reporting an instruction after a
   colon when only the issuer stands before it ("Phó Thủ tướng: Hoàn thành …", not "Hà Nội:
   siết chặt …"), or as a bare urgent imperative ("Khẩn trương …").

Modals are also no request when they tell what people had to do: a consequence ("… khiến nhiều hộ
phải …"), a cause ("… do doanh nghiệp phải …"), a counted subject or place, a personal account in
quotes. A lead that opens with a dateline ("Cần Thơ – …") is a directive from after the dash.

The confidence is the cue weight (continuations: the start word weight times 0.9, decaying
along a chain), lowered for weak contexts. The span is the whole sentence as returned by
:func:`annotator.nlp.text.sentences` (first character through the final punctuation mark;
a leading list marker "- " is not included).

Relations: the *issuer* is the nearest PER/ORG entity before the cue in the same sentence (the
person, when the body only stands in his apposition; continuations inherit the issuer of the
directive they continue; :mod:`annotator.nlp.directive_links` looks in the sentences before); the *addressee* is the first
ORG/LOC entity after the cue, else a generic addressee phrase ("các sở, ngành …") recorded in
``attrs['addressee_text']``. For a modal directive the entity right before the modal is the
addressee ("Sở Y tế phải …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.nlp.text import Token

__all__ = ["DirectiveHit", "DirectiveDetector", "without_list_marks"]

#: what the sentence splitter leaves alone before a numbered list item ("1.", "12.", "IV.")
_LIST_MARK = re.compile(r"(?:\d{1,3}|[IVX]{1,5})\.")


def without_list_marks(text, bounds, *lists):
    """The sentences the directive pass reads: a numbered item "2. Phun hóa chất …;" reaches it as
    two sentences, "2." and the item, and the mark alone is no statement: it would sit between a
    list's items, break the chain of continuations and be taken for one. Returns the indices kept
    (to map hits back), the kept bounds, and each of ``lists`` (per sentence: tokens, words, gold)
    with the same sentences left out."""
    def is_mark(k):
        s, e = bounds[k]
        return k + 1 < len(bounds) and bool(_LIST_MARK.fullmatch(text[s:e])) \
            and "\n" not in text[e:bounds[k + 1][0]]

    keep = [k for k in range(len(bounds)) if not is_mark(k)]
    if len(keep) == len(bounds):
        return keep, bounds, *lists
    return keep, [bounds[k] for k in keep], *[None if x is None else [x[k] for k in keep] for x in lists]

_PAST = {"đã", "vừa", "từng", "đã từng", "được"}
# how many sentences (figures, a remark) may stand between a request and a paragraph in which a
# body takes up its part of it
_BODY_GAP = 2
_REQUEST_VERBS = {"đề nghị", "yêu cầu", "chỉ đạo", "giao"}
# second syllables that make "giao" a compound of its own: deliver goods, trade, exchange, friendly match
_GIAO_COMPOUNDS = {"hàng", "nhận", "dịch", "lưu", "hữu", "thương", "ca", "kèo"}
# ... and the syllables before it ("Bộ Ngoại giao": diplomacy, even inside a name the model cut)
_GIAO_AFTER = {"ngoại"}
# words that point at the noun before them ("Đề xuất này", "Kế hoạch nói trên"): no action opens the sentence
_POINTING_WORDS = {"này", "đó", "trên", "nói", "nêu"}
# verbs of a party asking on its own behalf ("Doanh nghiệp kiến nghị được …")
_PETITION_VERBS = {"đề nghị", "kiến nghị", "đề xuất"}
_ISSUED_DOCUMENTS = {("văn", "bản"), ("công", "văn"), ("công", "điện"), ("chỉ", "thị")}
_TENSE_PAST = {"đã", "vừa", "từng", "đã từng"}
_NEG = {"không", "chưa", "chẳng", "đã", "vẫn", "còn", "từng", "vừa", "mới"}
_GENERIC_ADDRESSEE_START = {
    "các", "những", "mọi", "mỗi", "toàn", "người", "nhân", "doanh", "cấp", "chính", "cơ", "hai",
    "ban", "ngành", "lực", "đơn", "địa", "bà", "phía", "đại", "đội", "hội", "nông", "học",
}
# lower-case words inside a body's name written without capitals ("Công an tỉnh", "Sở Giao thông vận tải")
_BODY_WORDS = {"tỉnh", "thành", "phố", "huyện", "xã", "quận", "phường", "thị", "vận", "tải", "và", "các"}
# lower-case heads of a body told to act ("lưu ý tỉnh cần …", "đề nghị sở …")
_ADDRESSEE_HEADS = {"tỉnh", "huyện", "xã", "sở", "bộ", "ngành", "một", "thành", "trường", "công", "ủy", "ubnd"}
# words after a sentence-initial "Không" that make a description, not a prohibition
# ("Không có …", "Không ít hộ …", "Không chỉ …")
_NOT_ACTION = {"có", "phải", "chỉ", "ít", "những", "ai", "còn", "thể", "một", "nhiều", "đủ", "hề", "hẳn",
               "bao", "lâu", "riêng", "kể", "ngừng", "ngờ", "sao", "rõ", "biết", "hiếm", "như", "bằng",
               "cần", "nên", "đạt", "thấy", "muốn", "may", "khác", "gì", "đâu", "chịu", "kém", "xa",
               "lớn", "nhỏ", "cao", "thấp", "ngoa", "quá", "hợp", "đều", "hiệu", "thường", "thành",
               "dừng", "giống", "ngoài", "thua"}
# first-person pronouns: a modal after them is the speaker's own necessity ("tôi", "chúng tôi")
_FIRST_PERSON = {"tôi", "tớ", "tao"}
# verbs that attribute quoted words as a personal account ("…", bà X chia sẻ / kể / tâm sự)
_ACCOUNT_VERBS = {"kể"}
_ACCOUNT_VERBS_2 = {("chia", "sẻ"), ("tâm", "sự"), ("thừa", "nhận"), ("bộc", "bạch"), ("phân", "trần"),
                    ("nhớ", "lại"), ("than", "thở")}
# verbs that after a modal usually tell what befalls the subject, and the words after them that
# make them an act on someone else ("phải di dời ngay …", "phải tạm dừng các …")
_CONSEQUENCE_VERBS = (("di", "dời"), ("tạm", "dừng"), ("đóng",), ("bỏ",))
_OBJECT_OPENERS = {"ngay", "các", "những", "toàn", "mọi", "hộ", "người", "dân", "hoạt", "việc"}
# nouns of a plan or a measure: "phải có phương án …" asks for one; "cần có thời gian" describes
_PLAN_NOUNS = {("phương", "án"), ("kế", "hoạch"), ("biện", "pháp"), ("giải", "pháp"), ("lộ", "trình")}
# subjects and verbs of a diversion plan's items
_VEHICLES = {("xe",), ("phương", "tiện"), ("ô", "tô"), ("xe", "tải"), ("xe", "khách"), ("ôtô",), ("mô", "tô"),
             ("taxi",), ("người", "đi")}  # "Người đi bộ đi trên vỉa hè …": pedestrians take part in traffic too
_MOVEMENT_VERBS = {"đi", "rẽ", "lưu", "chạy", "quay", "chuyển", "di", "dừng", "đỗ"}
# words before "phải" that make it the right-hand side ("rẽ phải", "bên phải"), no obligation
_DIRECTION_WORDS = {"rẽ", "quẹo", "bên", "phía", "tay", "làn", "lề", "quay"}
_ORIGIN_WORDS = {"từ", "hướng", "chiều"}  # a route item named by where it starts
_ROUTE_WAYS = {"theo", "qua", "vào", "ra", "về", "lên", "xuống", "tiếp", "sang", "trái", "phải", "thẳng"}
_COUNT_WORDS = {"trăm", "nghìn", "ngàn", "chục", "triệu", "vạn", "loạt"}
# a subject that counts or quantifies: the modal describes ("Nhiều hộ … phải …")
_QUANTIFIED_SUBJECT = {"nhiều", "hàng", "hơn", "khoảng", "gần"}
_QUANTIFIED_SUBJECT_2 = {("không", "ít"), ("một", "số"), ("đa", "số"), ("phần", "lớn"), ("hầu", "hết")}
# conjunctions of cause: a modal after them explains why ("… do doanh nghiệp phải bổ sung chứng từ")
_CAUSAL = {"do", "vì", "bởi"}
# connectives of a conclusion: the clause after them is no consequence told but what follows from it
# ("… khiến nhiều tuyến đường bị chia cắt, vì vậy các địa phương phải …")
_CONCLUSIVE = {("vì", "vậy"), ("do", "đó"), ("vì", "thế"), ("bởi", "vậy"), ("cho", "nên"), ("vì", "lẽ")}
# verbs of announcing a plan or issuing a document ("vừa thông báo", "vừa công bố", "vừa ban hành", "vừa có")
_ANNOUNCING = {"thông", "công", "ban", "có", "phát", "đưa", "gửi"}
# parties to a judgment: what they "phải" do is the court's verdict, reported
_VERDICT_PARTIES = {("bị", "cáo"), ("bị", "đơn"), ("nguyên", "đơn"), ("bị", "hại"), ("đương", "sự")}
# words before a number that make it a date or a deadline, not a count
_TIME_WORDS = {"ngày", "trước", "giờ", "tháng", "năm", "quý", "đến", "từ", "số"}
# "cho" is a causative action ("Sở … cho học sinh nghỉ học") unless it reports ("cho biết")
_REPORTING_AFTER_CHO = {"biết", "rằng", "hay", "thấy", "là", "nên", "đến", "tới"}
# the parties of a works project, each one party though written without "Các" ("Nhà thầu thi công
# lắp đặt biển báo …", "Chủ đầu tư bố trí …")
_WORKS_PARTIES = {("nhà", "thầu"), ("chủ", "đầu", "tư"), ("đơn", "vị", "thi"), ("ban", "quản", "lý")}
_PARTY_NOUNS = {"tỉnh", "bên", "nước", "địa", "ngành", "bộ", "sở", "huyện", "thành", "đơn"}
_CONDITION_OPENERS = {("trường", "hợp"), ("đối", "với")}
_NUMERALS = {"một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "vài", "mấy"}
# nouns for matters that a modal after them describes ("là vấn đề cần …", "là việc phải …"), unlike a
# party told to act ("điều quan trọng là các địa phương phải …")
_MATTER_NOUNS = {"vấn", "việc", "nội", "công", "những", "một", "khâu", "lĩnh", "bài", "điều"}
_DESCRIBING_VERBS = {"gồm", "là", "bao"}
_APPROX_WORDS = {"khoảng", "hơn", "gần", "chừng", "xấp"}
_QUANTITY_WORDS = {"khoảng", "hơn", "gần", "trên", "thêm", "tổng", "ít", "tối"}
_FUNCTION_WORDS = {"các", "những", "mọi", "mỗi", "phía", "hai", "toàn", "người"}
_ADDRESSEE_STOP = {
    "tiếp", "tập", "khẩn", "chủ", "cần", "phải", "nghiêm", "quyết", "sớm", "kịp", "thực", "xây",
    "triển", "tăng", "đẩy", "bảo", "đảm", "rà", "phối", "theo", "có", "làm", "xác", "tuyệt",
    "chịu", "không", "hoàn", "nâng", "tổ", "quan", "phấn", "chuẩn", "đánh", "kiểm", "giám",
    "thường", "khắc", "hỗ", "tham", "cho", "được", "để", "trong", "tại", "về", "với", "từ",
}


def _is_question(text: str, s: int, e: int) -> bool:
    """The sentence asks a question ("Người dân cần lưu ý gì?", "Doanh nghiệp phải làm gì khi …?"):
    a modal or a cue in it asks what to do, nobody is told to act."""
    return text[s:e].rstrip(" \"'”’»)").endswith("?")


def _ends_with_question_word(low) -> bool:
    """A headline (no final punctuation) that asks without its "?" ("Thi tốt nghiệp 2026: Thí sinh
    cần biết gì", "… xử lý ra sao"): the last word is an interrogative; "bất kỳ … nào", "không … gì"
    are no questions. A sentence with its full stop may embed one ("làm rõ … thuộc đơn vị nào.")."""
    words = [w for w in low if w[:1].isalpha()]
    if not words or any(w in ("bất", "không", "chẳng", "mọi") for w in words):
        return False
    return words[-1] in ("gì", "nào") or tuple(words[-2:]) in (("ra", "sao"), ("vì", "sao"))


@dataclass
class DirectiveHit:
    start: int
    end: int
    score: float
    kind: str  # "cue" | "modal" | "continuation" | "headline"
    cue: str = ""
    cue_start: int = -1  # character offsets of the cue
    cue_end: int = -1
    sentence_index: int = -1
    attrs: dict = field(default_factory=dict)


@dataclass
class _Sent:
    start: int
    end: int
    tokens: list
    line_start: bool
    para_start: bool


class DirectiveDetector:
    def __init__(self, rules):
        self.rules = rules
        self.cues = rules.directive_cues
        self.blockers = rules.directive_blockers
        self.starts = rules.directive_starts
        before, after, phrase, sentence, opinion = [], [], [], [], []
        for e in rules.entries.get("directive_blockers", []):
            toks = tuple(e.phrase.lower().split())
            if "before" in e.flags:
                before.append(toks)
            if "after" in e.flags:
                after.append(toks)
            if "phrase" in e.flags:
                phrase.append(toks)
            if "sentence" in e.flags:
                sentence.append(toks)
            if "opinion" in e.flags:
                opinion.append(toks)
            if not e.flags:
                before.append(toks)
        self._before = sorted(set(before), key=len, reverse=True)
        self._after = sorted(set(after), key=len, reverse=True)
        self._phrase = sorted(set(phrase), key=len, reverse=True)
        self._sentence = sorted(set(sentence), key=len, reverse=True)
        # the same patterns keyed by their first word (last word for ``before``): only those can
        # match, so a lookup replaces a scan of the whole list
        self._phrase_by_first = self._by_word(self._phrase, 0)
        self._sentence_by_first = self._by_word(self._sentence, 0)
        self._after_by_first = self._by_word(self._after, 0)
        self._before_by_last = self._by_word(self._before, -1)
        # reported opinions and wishes anywhere before a cue: "… cho rằng cần làm rõ …"
        self._opinion_by_first = self._by_word(sorted(set(opinion), key=len, reverse=True), 0)

    @staticmethod
    def _by_word(patterns, k: int) -> dict:
        out: dict = {}
        for p in patterns:
            if p:
                out.setdefault(p[k], []).append(p)
        return out

    @staticmethod
    def _starts_any(low, i: int, table) -> bool:
        """``low[i:]`` starts with one of the patterns in ``table`` (see :meth:`_by_word`)."""
        if i >= len(low):
            return False
        for p in table.get(low[i], ()):
            if tuple(low[i:i + len(p)]) == p:
                return True
        return False

    # ------------------------------------------------------------------
    @staticmethod
    def _ends_with(seq, pat) -> bool:
        n = len(pat)
        return n <= len(seq) and tuple(seq[len(seq) - n:]) == pat

    @staticmethod
    def _starts_with(seq, pat) -> bool:
        return tuple(seq[:len(pat)]) == pat

    def _content_start(self, low: list[str]) -> int:
        """Index of the first content token (after a list marker / numbering)."""
        i = 0
        while i < len(low) and low[i] in ("-", "–", "—", "+", "•", "*", "·"):
            i += 1
        return i

    def _cue_hits(self, toks: list[Token], low: list[str], texts: list[str], ent_mask: list[bool],
                  ent_labels=None):
        """All unblocked cue occurrences: (token_index, length, weight, entry, kind)."""
        n = len(toks)
        hits = []
        first_clause_end = n
        for k, t in enumerate(texts):
            if t == ",":
                first_clause_end = k
                break
        cs = self._content_start(low)
        phrase_blocked = self._starts_any(low, cs, self._phrase_by_first)
        if phrase_blocked and any(w in _PAST for w in low[first_clause_end:]):
            return []  # "Theo chỉ đạo của …, tỉnh đã …": a report of what was done
        cue_f = self.cues.firsts
        # reported speech: '"…", ông yêu cầu.' (the cue closes a quotation)
        quoted = bool(texts) and texts[cs if cs < n else 0] in ('"', "“", "'", "‘")
        i = 0
        while i < n:
            if low[i] not in cue_f:
                i += 1
                continue
            m = self.cues.match(texts, low, i)
            if not m:
                i += 1
                continue
            length, entry = m
            j = i + length
            # whole words only; the segmenter sometimes glues a verb to the capitalised name
            # that follows or precedes it ("giao Cục", "tỉnh giao"): allow that case
            # (a cue of two syllables or more is a word already: "đề xuất | áp thuế" glued is the segmenter's slip)
            glued_after = j < n and toks[j].word_pos == "I" and not texts[j][:1].isupper() and length == 1
            glued_before = toks[i].word_pos != "B" and not (i > 0 and texts[i - 1][:1].isupper()
                                                               and texts[i][:1].islower())
            if glued_before and self._glued_negation(low, i):
                glued_before = False
            if glued_before or glued_after:
                i += 1
                continue
            if any(ent_mask[i:j]):
                i += 1
                continue
            prev = low[max(0, i - 3):i]
            # a word of a name right before the cue is no blocker ("Cục Hàng không yêu cầu …": the
            # "không" of "Hàng không" is no negation)
            named = i > 0 and ent_mask[i - 1]
            blocked = bool(prev) and not named and any(
                self._ends_with(prev, p) for p in self._before_by_last.get(prev[-1], ()))
            if blocked and prev[-2:] == ["đặc", "khu"]:
                blocked = False  # "công an đặc khu phải …": a special zone is a local government, no "khu vực"
            if not blocked and any(w in _PAST for w, m in zip(prev, ent_mask[max(0, i - 3):i]) if not m):
                blocked = True
            if not blocked and self._passive(toks, low, texts, ent_mask, i):
                blocked = True
            if not blocked and named and ent_labels is not None and ent_labels[i - 1] == "MISC":
                blocked = True  # a law, a decree says it ("Luật Giao thông đường bộ 2024 cấm …"): reported
            if blocked and self._issued_or_passive(toks, low, texts, ent_mask, i, j):
                blocked = False
            if not blocked and i > 1 and texts[i - 1] == "," and self._continues_a_report(low, texts, cs, i, j):
                blocked = True
            if not blocked and low[i:j] == ["giao"] and ((j < n and low[j] in _GIAO_COMPOUNDS)
                                                         or (i > 0 and low[i - 1] in _GIAO_AFTER)):
                blocked = True  # "lịch giao hàng", "giao dịch", "Ngoại giao": a compound the segmenter split
            if not blocked and self._starts_any(low[j:j + 3], 0, self._after_by_first):
                blocked = not (("modal" in entry.flags and self._acts_on_others(low, j))
                               or self._petition_to_be_allowed(toks, low, texts, ent_mask, cs, i, j))
            if not blocked and phrase_blocked and i < first_clause_end:
                blocked = True
            if not blocked and self._opinion_by_first and any(
                    self._starts_any(low, k, self._opinion_by_first) for k in range(cs, i)):
                blocked = True
            modal = "modal" in entry.flags
            if not blocked and modal:
                blocked = not self._modal_ok(toks, low, texts, i, j)
            if not blocked and not modal and j >= n - 1 and not quoted:
                blocked = True  # cue at the very end: "… theo đề nghị." / noun use
            if not blocked and "needs_modal" in entry.flags and not self._has_modal(toks, low, texts):
                blocked = True
            if not blocked and "needs_action" in entry.flags and not self._asks_action(toks, low, texts, j, ent_mask):
                blocked = True
            if not blocked:
                weight = float(entry.option("weight", 0.8))
                hits.append((i, length, weight, entry, "modal" if modal else "cue"))
            i = j
        return hits

    def _issued_or_passive(self, toks, low, texts, mask, i, j) -> bool:
        """Two request formulas that look past or noun-like but ask someone to act: a body issuing
        a document that instructs ("UBND thành phố vừa có văn bản chỉ đạo các đơn vị triển khai …")
        and a body being asked ("Tổng cục Hải quan được đề nghị áp dụng …"). Either way someone
        told to act or an action follows the cue, and the cue is a request verb."""
        if " ".join(low[i:j]) not in _REQUEST_VERBS:
            return False
        if i >= 3 and low[i - 3] == "có" and tuple(low[i - 2:i]) in _ISSUED_DOCUMENTS:
            return self._asks_action(toks, low, texts, j, mask)
        return (i >= 2 and low[i - 1] == "được" and mask[i - 2] and "đã" not in low[:i]
                and j < len(low) and texts[j][:1].islower() and not mask[j])

    @staticmethod
    def _petition_to_be_allowed(toks, low, texts, mask, cs, i, j) -> bool:
        """A party asks to be allowed to act: "Một số doanh nghiệp kiến nghị được tính đủ chi phí …",
        "Hiệp hội đề xuất được áp dụng …" (a proposal to a body that it act, per GUIDELINES). The petition
        verb has a subject of its own before it in its clause, and "được" is followed by a verb in lower
        case, not by an agent ("… đề xuất được Bộ Tài chính chấp thuận": passive). A noun use ("Kiến nghị
        được gửi tới …", "Dự án do tỉnh đề xuất được phê duyệt") has no subject or sits after "do"."""
        if " ".join(low[i:j]) not in _PETITION_VERBS or low[j:j + 1] != ["được"]:
            return False
        k = j + 1
        if k >= len(low) or not texts[k][:1].islower() or not texts[k].isalpha() or mask[k]:
            return False
        start = i
        while start > cs and texts[start - 1] not in (",", ";", ":", '"', "“", "”"):
            start -= 1
        subject = low[start:i]
        return bool(subject) and not any(w in ("do", "bị", "được", "mà") for w in subject[-3:]) \
            and subject[0] not in ("theo", "khi", "nếu")

    @staticmethod
    def _continues_a_report(low, texts, cs, i, j) -> bool:
        """A cue right after a comma, with no subject of its own, carries on the clause before it;
        when that clause reports, so does the cue: a past act ("UBND tỉnh đã tổ chức hội nghị, yêu
        cầu …"), a passive description ("Các ứng dụng này được phát tán …, yêu cầu người dùng …"),
        results in figures ("… tiến hành 37 cuộc thanh tra, …, kiến nghị thu hồi 48 tỷ đồng")."""
        first = low[cs:i - 1]
        if "đã" in first or "được" in first:
            return True
        return any(x[:1].isdigit() for x in texts[cs:i - 1]) and any(x[:1].isdigit() for x in texts[j:j + 5])

    @staticmethod
    def _acts_on_others(low, j: int) -> bool:
        """After a modal, a verb that usually tells what befalls the subject ("hàng trăm hộ phải di
        dời", "phải đóng cửa") is an order when it has an object or "ngay" after it: "Xã phải di dời
        ngay các hộ dân …", "… phải đóng các điểm …"."""
        for verb in _CONSEQUENCE_VERBS:
            k = j + len(verb)
            if tuple(low[j:k]) == verb:
                return k < len(low) and low[k] in _OBJECT_OPENERS
        return False

    @staticmethod
    def _passive(toks, low, texts, mask, i: int) -> bool:
        """The subject was told, by an agent named between "bị" and the cue: "Doanh nghiệp này đã
        bị cơ quan quản lý nhắc nhở", "Công ty từng bị Sở Công Thương nhắc nhở": a report."""
        for k in range(i - 1, max(-1, i - 8), -1):
            if texts[k] in (",", ";", ":", '"', "“", "”"):
                return False
            if low[k] == "bị" and not mask[k] and toks[k].word_pos == "B":
                return True  # the word "bị", not "chuẩn bị", "thiết bị"
        return False

    @staticmethod
    def _glued_negation(low, i: int) -> bool:
        """A prohibition's "không" that the segmenter glued to the noun before it ("ngân hàng
        không", "cửa hàng không" read as "hàng không"): still a cue, unless it really is "hàng
        không" (aviation) on its own."""
        if low[i] != "không" or i == 0:
            return False
        return low[i - 1] != "hàng" or (i > 1 and low[i - 2] in ("ngân", "cửa", "mặt", "khách", "nhà"))

    def _asks_action(self, toks, low, texts, j, mask) -> bool:
        """After a cue such as "lưu ý" comes someone told to act or an action ("lưu ý các đơn vị
        phải …", "lưu ý chuẩn bị …"), not a fact about the weather ("lưu ý bão di chuyển nhanh")."""
        n = len(low)
        if j >= n:
            return False
        if texts[-1] == ":" or mask[j] or self.starts.match(texts, low, j):
            return True
        if low[j] in _GENERIC_ADDRESSEE_START or low[j] in _ADDRESSEE_HEADS:
            return True
        return self._has_modal(toks, low, texts)

    def _has_modal(self, toks, low, texts) -> bool:
        """The sentence has an obligation modal in directive use or a prohibition."""
        n = len(low)
        for k in range(n):
            w = low[k]
            if w in ("cần", "phải") and self._modal_ok(toks, low, texts, k, k + 1):
                return True
            if w in ("không", "tuyệt") and k + 1 < n and low[k + 1] in ("để", "được", "đối"):
                return True
            if w == "nghiêm" and k + 1 < n and low[k + 1] == "cấm":
                return True
        return False

    def _modal_ok(self, toks, low, texts, i, j) -> bool:
        n = len(toks)
        if j >= n:
            return False
        if any(self._starts_any(low, k, self._sentence_by_first) for k in range(n)):
            return False  # "… không được hỗ trợ vốn trong năm qua": a past time frame describes
        nxt = texts[j]
        if not nxt[:1].isalpha() or nxt[:1].isdigit():
            return False
        if low[j] == "có" and tuple(low[j + 1:j + 3]) in _PLAN_NOUNS and i > 0 and texts[i - 1][:1].isalpha():
            pass  # "Các công ty cấp nước phải có phương án …": a plan asked of a subject
        elif low[j] in ("là", "có", "được", "thiết", "cù", "mẫn", "chăng", "khoảng", "tới", "đến", "hơn", "thêm"):
            return False
        if low[j] in ("nhiều", "một", "những", "số") and not (low[i] == "không" or low[i] == "phải"):
            return False  # "Lúa … cần nhiều nước", "cần một cơ chế": a need of something, no act
        if i > 0 and low[i - 1] in _NEG:
            return False
        if i > 1 and low[i - 2] in ("không", "chưa", "chẳng"):  # "không ai phải …"
            return False
        # a number or statistics before the modal suggests a description ("còn 50 hộ cần …",
        # "nơi nhiều thí sinh phải ở trọ")
        for k in range(max(0, i - 4), i):
            if texts[k][:1].isdigit():
                return False
        generic_prohibition = low[0] == "các" and low[i] == "không"  # "Các dự án … tiêu tốn nhiều … không được"
        for k in range(max(0, i - 3), i):
            if low[k] in ("nhiều", "nơi", "có", "số", "những") and not generic_prohibition:
                return False
            if low[k] == "hàng" and k + 1 < i and low[k + 1] in _COUNT_WORDS:  # "hàng trăm hộ phải …"
                return False
        if self._described_subject(low, texts, i, j):
            return False
        if self._first_person_subject(low, texts, i):
            return False
        if (self._personal_account(low, texts, i) or self._crew_subject(low, texts, i)) \
                and not self._official_named(texts, low):
            return False
        # the modal must not be glued into a longer word ("cần thiết", "Cần Thơ"); after a colon
        # or a quotation mark a capital opens the words quoted ('nhấn mạnh: "Phải …"')
        if texts[i][:1].isupper() and i > 0 and texts[i - 1] not in (":", '"', "“"):
            return False
        return True

    @staticmethod
    def _crew_subject(low, texts, i) -> bool:
        """Quoted words whose subject is "anh em" ('"Gió giật mạnh quá, anh em phải chạy tàu về bến
        ngay"'): the speaker and his crew or neighbours, what they had to do."""
        return i >= 2 and tuple(low[i - 2:i]) == ("anh", "em") and any(t in ('"', "“", "”") for t in texts) \
            and (i == 2 or not texts[i - 3][:1].isalpha() or low[i - 3] in ("thì", "là", "mà"))

    def _official_named(self, texts, low) -> bool:
        """A title of office stands in the sentence ('"Anh em phải giữ vững kỷ luật", Đại tá … nhấn mạnh',
        '"…", Bộ trưởng … chia sẻ'): the quoted words are an official's, who may well ask."""
        titles = self.rules.person_titles
        return any(low[k] in titles.firsts and titles.match(texts, low, k) and texts[k][:1].isupper()
                   for k in range(len(low)))

    @staticmethod
    def _personal_account(low, texts, i) -> bool:
        """The modal stands in quoted words that the sentence then attributes with a verb of a
        personal account ('"Năm nay mặn về sớm, bà con phải đi chở nước …", bà …, một tiểu thương,
        chia sẻ.', '"…, anh em phải chạy về ngay", ông … kể.'): what the speaker and people like him
        had to do, told as a story; an official's words end with "nhấn mạnh", "yêu cầu", "nói"."""
        close = next((k for k in range(i + 1, len(texts)) if texts[k] in ('"', "”")), None)
        if close is None or not any(t in ('"', "“") for t in texts[:i]):
            return False
        return any(w in _ACCOUNT_VERBS or tuple(low[k:k + 2]) in _ACCOUNT_VERBS_2
                   for k, w in enumerate(low[close + 1:], start=close + 1))

    @staticmethod
    def _first_person_subject(low, texts, i) -> bool:
        """The speaker's own necessity, told in the first person: a player's "Chúng tôi phải chơi …",
        a borrower's "Tôi phải vay thêm …", "Gia đình tôi phải bán …" (an official's "Tôi đề nghị …"
        is a cue, not a modal, and stays a request); or a machine's work narrated ("Máy xúc phải
        mở đường …"). Nobody is told to act."""
        for k in range(i - 1, max(-1, i - 6), -1):
            if texts[k] in (",", ";", ":", '"', "“", "”", "(", "-"):
                break
            if low[k] in _FIRST_PERSON:
                return True
        # a machine at work ("máy xúc phải mở đường …", "máy cào bóc phải làm việc …") is told nothing
        k = i - 1
        while k > 0 and texts[k - 1] not in (",", ";", ":", '"', "“"):
            k -= 1
        return i - k <= 3 and k < i and low[k] == "máy" and tuple(low[k:k + 2]) != ("máy", "bay")

    @staticmethod
    def _described_subject(low, texts, i, j) -> bool:
        """The modal states a fact about its subject, nobody is told to act: a counted or
        quantified subject ("Nhiều hộ trồng lúa … phải giảm …"), a party to a verdict ("Các bị cáo
        phải liên đới hoàn trả …"), or a need measured in numbers in a sentence of figures or of
        purpose ("Để tổ chức kỳ thi, ngành giáo dục cần huy động khoảng 150.000 …", "Đoạn tuyến
        dài khoảng 280 km, … cần thu hồi hơn 2.300 ha")."""
        cs = 0
        while cs < i and texts[cs] in ("-", "–", "—", "+", "•", "*", "·"):
            cs += 1
        head = low[cs:i]
        if (head[:1] and head[0] in _QUANTIFIED_SUBJECT) or tuple(head[:2]) in _QUANTIFIED_SUBJECT_2:
            return True
        if any(tuple(head[k:k + 2]) in _VERDICT_PARTIES for k in range(len(head))):
            return True
        clause = i
        def effect(k):  # "khiến", "khiến cho", "làm cho" end at k - 1
            return low[k - 1] == "khiến" or (low[k - 1] == "cho" and k > 1 and low[k - 2] in ("khiến", "làm"))
        def causal(k):  # "do", "vì", "bởi" as a conjunction of cause, not "do X chủ trì" nor "vì vậy"
            return low[k] in _CAUSAL and low[k + 1] not in ("vậy", "đó", "thế", "này") and (
                k == cs or texts[k - 1] in (",", ";") or low[k - 1] in ("là", "yếu", "phần", "chính", "cũng"))
        while clause > cs and texts[clause - 1] not in (",", ";", ":", '"', "“", "”", "(") and not effect(clause) \
                and not causal(clause):
            clause -= 1
        subject = low[clause:i]
        last_effect = next((k for k in range(i, cs, -1) if effect(k)), None)
        if last_effect is not None and not any(t in ('"', "“") for t in texts[cs:i]) and not any(
                tuple(low[k:k + 2]) in _CONCLUSIVE for k in range(last_effect, i)):
            return True  # "Nước tràn qua bờ bao khiến nhiều hộ phải thu hoạch sớm", "Mưa lớn khiến …
            # bị ngập sâu, các xe cứu hộ phải đi đường vòng": a consequence, told
        if clause < i - 1 and causal(clause):
            return True  # "Những hồ sơ chậm chủ yếu do doanh nghiệp phải bổ sung …": a cause, explained
        if (subject[:1] and subject[0] in _QUANTIFIED_SUBJECT) or tuple(subject[:2]) in _QUANTIFIED_SUBJECT_2:
            return True  # "Sau bão, nhiều hộ nuôi tôm phải …": counted at the start of its own clause
        comma = next((k for k in range(cs, i) if texts[k] == ","), None)
        if comma is not None and head[:1] and head[0] in ("ở", "tại", "trên") and any(
                w in _QUANTIFIED_SUBJECT or tuple(low[k:k + 2]) in _QUANTIFIED_SUBJECT_2
                for k, w in enumerate(low[cs + 1:comma], start=cs + 1)):
            return True  # "Ở nhiều nơi, người dân phải dùng bồn chứa …": how widespread, a description
        if any(low[k] == "là" and low[k + 1] in _MATTER_NOUNS for k in range(max(cs, i - 4), i - 1)) \
                or any(w in _NUMERALS for w in low[max(cs + 1, i - 3):i]):
            return True  # "Đây là vấn đề cần giải quyết", "có ba nội dung cần lưu ý": a noun described
        if any(w in _DESCRIBING_VERBS for w in low[j + 1:j + 4]):
            return True  # "Hồ sơ phải nộp gồm …": the modal sits in a relative clause
        if low[j] == "chịu" and tuple(low[j + 1:j + 3]) != ("trách", "nhiệm"):
            return True  # "nhân dân phải chịu nhiều áp bức": to suffer, not to act
        after = low[j:j + 8]
        approx = any(w in _APPROX_WORDS and j + k + 1 < len(texts) and texts[j + k + 1][:1].isdigit()
                     for k, w in enumerate(after))
        if approx:
            return True  # "… phải đi đường vòng hơn 10 km": an approximate figure describes
        quantity = any(texts[k][:1].isdigit() for k in range(j, min(len(texts), j + 6)))
        if not quantity:
            return False
        return (bool(head) and head[0] == "để") or any(texts[k][:1].isdigit() for k in range(cs, i))

    def _body_continuation(self, toks, low, texts, mask, cs, *, strict: bool = False) -> bool:
        """A body named at the start of the sentence takes up its part of the assignment before:
        "Sở Giao thông vận tải lập kế hoạch phân luồng …", "Công an tỉnh tăng cường tuần tra …".

        The subject is an entity or an organisation head (or several, joined by "," or by "và
        các …" and a generic plural), at most twenty tokens, directly followed by an action word
        from ``directive_starts.txt``; nothing in the sentence is past.
        """
        n = len(toks)
        if cs >= n or not texts[cs][:1].isupper():
            return False
        head = self.rules.org_heads.match(texts, low, cs)
        if not (mask[cs] or head):
            return False
        if self._reports(low, texts, strict=strict):
            return False
        named = cs + (head[0] if head else 0)  # tokens up to here are the head's own words
        plural = n  # from here on a generic plural joins the body: "… và các trung tâm y tế huyện"
        for k in range(cs + 1, min(n, cs + 21)):
            if low[k] == "và" and k + 1 < n and low[k + 1] == "các" and k > cs and mask[k - 1] and plural == n:
                plural = k
                continue
            lower = texts[k][:1].islower()
            if low[k] == "được":
                return False  # "Sở X được giao …", "… được ưu tiên": passive, no action of its own
            causative = low[k] == "cho" and k + 1 < n and low[k + 1] not in _REPORTING_AFTER_CHO
            if lower and toks[k].word_pos == "B" and (causative or self.starts.match(texts, low, k)):
                # the words between are the body's name: capitalised, the head, a place word
                # (a short form in brackets and a legal form after a dash belong to the name: "Tổng công
                # ty Cảng hàng không Việt Nam – CTCP (ACV) tăng cường nhân lực …")
                return all(x < named or mask[x] or texts[x][:1].isupper() or low[x] in _BODY_WORDS
                           or texts[x] in (",", "(", ")", "-", "–") or (x > plural and texts[x].isalpha())
                           for x in range(cs, k))
            if texts[k] == "," and k + 1 < n and mask[k + 1] and mask[k - 1]:
                continue  # two bodies: "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam tăng …"
            if texts[k] in (",", ";", ":") or (lower and not mask[k] and low[k] in self.cues.firsts
                                                and self.cues.match(texts, low, k)):
                return False
        return False

    def _past(self, low) -> bool:
        """The sentence tells a past act or time frame ("đã", "vừa", "Năm qua, …")."""
        return any(w in _TENSE_PAST for w in low) or any(
            self._starts_any(low, k, self._sentence_by_first) for k in range(len(low)))

    def _reports(self, low, texts, *, strict: bool = False) -> bool:
        """The sentence reports rather than asks: a past tense or time frame ("đã", "trong năm
        qua"), approximate figures ("hơn 30 hoạt động"); ``strict`` (a sentence that does not follow
        the request directly): any count that is no date or deadline ("tổ chức 12 phiên chợ")."""
        n = len(low)
        if self._past(low):
            return True
        if any(w in _QUANTITY_WORDS and k + 1 < n and texts[k + 1][:1].isdigit() for k, w in enumerate(low)):
            return True  # "Sở Văn hóa tổ chức hơn 30 hoạt động …": approximate figures report results
        return strict and any(texts[k][:1].isdigit() and not (k > 0 and low[k - 1] in _TIME_WORDS)
                              for k in range(n))

    def _generic_body_continuation(self, toks, low, texts, mask, cs) -> bool:
        """A generic plural of bodies takes up its part right after a request: "Các huyện ven biển
        sơ tán dân trước 17 giờ.", "Các trọng tài, giám sát trận đấu báo cáo ngay …", "Hai tỉnh phối
        hợp …". The subject is "Các" (or "Hai"/"Ba" and a word for parties) and at most six lower-case words (a place may stand in it), then an action word
        from ``directive_starts.txt``; nothing past, passive or counted ("Các doanh nghiệp đầu tư
        500 tỷ đồng" reports)."""
        n = len(toks)
        if cs >= n or not texts[cs][:1].isupper():
            return False
        works_party = tuple(low[cs:cs + 2]) in _WORKS_PARTIES or tuple(low[cs:cs + 3]) in _WORKS_PARTIES
        if low[cs] != "các" and not works_party and \
                not (low[cs] in ("hai", "ba") and cs + 1 < n and low[cs + 1] in _PARTY_NOUNS):
            return False  # "Hai tỉnh phối hợp …", "Hai bên …": the parties named just before
        if self._reports(low, texts, strict=True):
            return False
        for k in range(cs + (1 if works_party else 2), min(n, cs + 12)):
            if low[k] == "được" or (texts[k] in (";", ":")):
                return False
            if texts[k][:1].islower() and toks[k].word_pos == "B" and self.starts.match(texts, low, k):
                return all(mask[x] or (texts[x][:1].islower() and texts[x].isalpha()) or texts[x] == ","
                           for x in range(cs + 1, k))
            if not (mask[k] or texts[k] == "," or (texts[k][:1].islower() and texts[k].isalpha())):
                return False
        return False

    @staticmethod
    def _body_place_ok(prev_dir, new_para: bool, after_colon: bool, listy: bool) -> bool:
        """Where a body's own continuation may stand: in the paragraph of the directive before,
        in the list a lead-in ending with ":" opens, or in the next paragraph after a request (not
        after a headline: the article's lead follows it)."""
        if not new_para or after_colon or listy:
            return True
        return prev_dir.kind != "headline"

    def _headline(self, text, s, e, toks, low, texts, labels):
        """A headline that reports an instruction: an issuer, a colon and what he asks ("Phó Thủ
        tướng: Hoàn thành … trong năm 2026", "Bộ trưởng Bộ Nội vụ: Đơn giản hóa thủ tục …",
        "Chủ tịch VFF: Không để …"), or a bare urgent imperative ("Khẩn trương bàn giao …").

        Only the document's first line without final punctuation; before the colon (at most ten
        words in) stands only the issuer (a title, a person, an organisation); after it comes a
        word from ``directive_starts.txt``, a cue or a bare prohibition ("Không …"). A topic
        or a place before the colon ("Hà Nội: siết chặt …", "Du lịch Phú Quốc: siết chặt …")
        names nobody who asks: a report, not a directive (a cue after it is found as a cue)."""
        if text[:s].strip() or text[e - 1] in ".!?;:" or (e < len(text) and text[e] not in "\r\n"):
            return None
        n = len(toks)
        colon = next((k for k in range(min(n, 12)) if texts[k] == ":"), None)
        if colon is None:
            if n and low[0] == "khẩn" and n > 1 and low[1] == "trương":
                return DirectiveHit(s, e, 0.7, "headline", sentence_index=0)
            return None
        k = colon + 1
        if k + 1 < n and texts[k] in ('"', "“", "'", "‘"):
            k += 1  # the words asked for, quoted: 'Bí thư Tỉnh ủy: "Không để …"'
        if colon == 0 or k >= n or not texts[k][:1].isalpha():
            return None
        if not self._issuer_only(texts, low, labels, colon):
            # a topic before the colon: a directive only when an imperative with a prohibition
            # follows ("Chuẩn bị SEA Games: Xác định rõ trách nhiệm, không để chậm tiến độ"); a
            # narrated "siết chặt …" alone may report what a place does, a prohibition cannot
            imperative = self.starts.match(texts, low, k) or self._bare_prohibition(toks, low, texts, k)
            prohibits = any(low[m] == "không" and low[m + 1] in ("để", "được") and low[m + 2:m + 3] not in (["ý"], ["lại"])
                            for m in range(k, n - 1))
            if imperative and prohibits:
                return DirectiveHit(s, e, 0.65, "headline", ":", toks[colon].start, toks[colon].end, 0)
            return None
        if self.starts.match(texts, low, k) or (low[k] in self.cues.firsts and self.cues.match(texts, low, k)) \
                or self._bare_prohibition(toks, low, texts, k) or (low[k] in ("phải", "cần") and k + 1 < n
                                                                   and texts[k + 1][:1].islower()):
            return DirectiveHit(s, e, 0.7, "headline", ":", toks[colon].start, toks[colon].end, 0)
        return None

    def _lead_in(self, text, sentences, tokens, words, labels_per, si) -> bool:
        """A sentence ending with ":" that opens a list of instructions is a directive ("Văn bản nêu
        rõ:", "Văn bản yêu cầu Cục X:", "… phương án phân luồng như sau:"): the items follow on
        lines of their own, each but the last ending with ";" (or each after a list mark), none
        reports a past act, and most of them are instructions (an action word, a
        prohibition, a body or a generic plural with an action, an obligation)."""
        lead_texts, lead_low = words[si]
        if (self._reports(lead_low, lead_texts) and not self._announces_now(lead_low)) \
                or any(w == "gồm" for w in lead_low):
            return False  # "Kết quả năm qua như sau:", "Tỉnh đã triển khai các việc:", "Nội dung gồm:"
        items = instructions = 0
        prev_end = sentences[si][1]
        for k in range(si + 1, min(len(sentences), si + 13)):
            s, e = sentences[k]
            toks = tokens[k]
            texts, low = words[k]
            if "\n" not in text[prev_end:s] or not toks or _is_question(text, s, e):
                break
            bullet = text[max(0, s - 2):s].strip() in ("-", "+", "•", "–")
            # an item ends with ";" (or has a list mark), or with "." on a line of the same block (the
            # plan's items one per line, no blank line between: "Xe khách … đi theo …." / "Ô tô …")
            lined = "\n\n" not in text[prev_end:s]
            if items and text[prev_end - 1] != ";" and not bullet and not (lined and text[prev_end - 1] == "."):
                break
            if self._past(low):
                return False
            items += 1
            mask = [lab is not None for lab in labels_per[k]]
            cs = self._content_start(low)
            counted = any(texts[x][:1].isdigit() and not mask[x] and not (x > 0 and low[x - 1] in _TIME_WORDS)
                          for x in range(len(texts)))  # "Tổ chức 30 lớp tập huấn;": a result
            if cs < len(low) and self._route_item(low, cs):
                instructions += 1  # a diversion plan's figures are widths, loads, bus numbers, no results
            elif not counted and not self._reports(low, texts) and self._instruction(toks, low, texts, mask, cs):
                instructions += 1
            prev_end = e
            if text[e - 1] not in ";." and not bullet:
                break
        return items >= 2 and 2 * instructions > items

    def _announces_now(self, low) -> bool:
        """A body has just announced the plan that follows ("Sở Xây dựng vừa thông báo phương án phân
        luồng như sau:"): "vừa" dates the announcement, the items are in force from now on; "đã",
        "từng" or a past time frame still report."""
        return ("đã" not in low and "từng" not in low
                and not any(self._starts_any(low, k, self._sentence_by_first) for k in range(len(low)))
                and any(low[k] == "vừa" and low[k + 1] in _ANNOUNCING for k in range(len(low) - 1)))

    def _instruction(self, toks, low, texts, mask, cs) -> bool:
        """A list item that asks for an act: it opens with an action word (in either case) or a
        prohibition, or a body or a generic plural takes up an action, or it holds an obligation."""
        if cs >= len(low):
            return False
        if self.starts.match(texts, low, cs) or self._bare_prohibition(toks, low, texts, cs):
            return True
        if self._body_continuation(toks, low, texts, mask, cs) or \
                self._generic_body_continuation(toks, low, texts, mask, cs):
            return True
        if self._route_item(low, cs):
            return True
        return self._has_modal(toks, low, texts) or bool(self._cue_hits(toks, low, texts, mask))

    @staticmethod
    def _route_item(low, cs) -> bool:
        """An item of a diversion plan: vehicles and the way they must go ("Xe từ Hà Nội đi Hải Phòng
        theo hướng Quốc lộ 5;", "Các phương tiện lưu thông qua cầu …")."""
        if low[cs] in ("từ", "trong", "trước", "sau") and "," in low[cs:cs + 12]:
            comma = low.index(",", cs)
            if any(w in ("ngày", "giờ", "tháng", "tuần") or w[:1].isdigit() for w in low[cs + 1:comma]):
                cs = comma + 1  # "Từ ngày 8/12 đến hết ngày 20/1, ô tô chỉ được lưu thông …": when, then what
                if cs >= len(low):
                    return False
        if low[cs] in _ORIGIN_WORDS:
            # a route named by where it starts: "Từ phố A muốn đi B: đi theo C - D - E;", "Hướng từ X vào
            # trung tâm: đi theo cầu Y - Z, không đi vào …;": the way to go follows the colon, told without
            # a subject (a race's itinerary "Từ A đi B: đoàn đi qua …" describes)
            colon = next((x for x in range(cs + 1, len(low)) if low[x] == ":"), None)
            if colon is not None:
                x = colon + 1
                return x + 1 < len(low) and low[x] in _MOVEMENT_VERBS and low[x + 1] in _ROUTE_WAYS
        k = cs + (1 if low[cs] == "các" else 0)
        k += 1 if low[k:k + 1] == ["tuyến"] else 0  # "Các tuyến xe buýt số 12, 34 điều chỉnh lộ trình …"
        if tuple(low[k:k + 1]) not in _VEHICLES and tuple(low[k:k + 2]) not in _VEHICLES:
            return False
        return any(w in _MOVEMENT_VERBS or (w == "lộ" and low[x + 1:x + 2] == ["trình"])
                   for x, w in enumerate(low[k + 1:], start=k + 1))

    def _issuer_only(self, texts, low, labels, end) -> bool:
        """``texts[:end]`` names an issuer and nothing else: titles ("Phó Thủ tướng", "Chủ tịch"),
        persons and organisations, no verb ("UBND tỉnh họp thường kỳ tháng 5: …") and no place
        or topic alone ("Thái Bình: …")."""
        k = 0
        issuer = False
        while k < end:
            m = self.rules.person_titles.match(texts, low, k) if low[k] in self.rules.person_titles.firsts else None
            if labels[k] in ("PER", "ORG"):
                issuer = True
                k += 1
            elif m:
                issuer = True
                k += m[0]
            elif labels[k] is not None and issuer:
                k += 1  # a place after the issuer ("Chủ tịch UBND tỉnh Quảng Nam")
            else:
                return False
        return issuer

    def _starts_continuation(self, low, texts, toks=None):
        cs = self._content_start(low)
        if cs >= len(low):
            return None
        if texts[cs][:1].islower():
            return None
        m = self.starts.match(texts, low, cs)
        if m and cs + m[0] < len(low) and low[cs + m[0]] in _POINTING_WORDS:
            return None  # "Đề xuất này đang được lấy ý kiến": the word is a noun, pointed at
        if m:
            return float(m[1].option("weight", 0.8))
        if toks is not None and self._bare_prohibition(toks, low, texts, cs):
            return 0.8
        if toks is not None and self._conditional_request(toks, low, texts, cs):
            return 0.75
        return None

    def _conditional_request(self, toks, low, texts, cs) -> bool:
        """A condition, then the action asked for it: "Trường hợp đã đủ điều kiện thì kiên quyết
        thực hiện cưỡng chế …", "Nếu mưa lớn thì sơ tán ngay …", "Đối với các hộ ở ven sông, di dời …"."""
        n = len(low)
        if tuple(low[cs:cs + 2]) not in _CONDITION_OPENERS and low[cs] != "nếu":
            return False
        sep = ("thì",) if low[cs] != "đối" else (",",)
        for k in range(cs + 2, n - 1):
            if low[k] in sep:
                m = k + 1
                return texts[m][:1].islower() and toks[m].word_pos == "B" and bool(self.starts.match(texts, low, m))
        return False

    @staticmethod
    def _bare_prohibition(toks, low, texts, cs) -> bool:
        """A subject-less "Không" + action ("Không bố trí vốn …", "Không chèo kéo …"): "không" is
        a word of its own (not "không khí", "không gian") and the next word is no description
        ("Không có …", "Không ít …")."""
        n = len(low)
        k = cs + 1
        return (low[cs] == "không" and k < n and toks[k].word_pos == "B" and texts[k][:1].islower()
                and texts[k].isalpha() and low[k] not in _NOT_ACTION)

    # ------------------------------------------------------------------
    def detect(self, text: str, sentences: list[tuple[int, int]], tokens: list[list[Token]],
               entities: list[tuple[int, int, str]], *, words=None) -> list[DirectiveHit]:
        """Directive sentences of a document.

        ``sentences`` are (start, end) spans in document order, ``tokens`` their tokens,
        ``entities`` the final entity spans (start, end, label) used to block cues inside names.
        ``words``: per sentence, the tokens' texts and lower-case forms, if already at hand.
        """
        ents = sorted(entities)
        hits: list[DirectiveHit] = []
        prev_dir: DirectiveHit | None = None
        prev_end = 0
        chain = 0
        ei = 0
        if words is None:
            words = []
            for toks in tokens:
                texts = [t.text for t in toks]
                words.append((texts, [t.lower() for t in texts]))
        labels_per = []
        for (s, e), toks in zip(sentences, tokens):
            # entity labels of this sentence's tokens
            while ei < len(ents) and ents[ei][1] <= s:
                ei += 1
            labels = [None] * len(toks)
            k = ei
            while k < len(ents) and ents[k][0] < e:
                a, b, lab = ents[k]
                for ti, t in enumerate(toks):
                    if t.start >= a and t.end <= b:
                        labels[ti] = lab
                k += 1
            labels_per.append(labels)
        in_list = False  # the last hit is a lead-in ending with ":" or an item of its list
        for si, ((s, e), toks) in enumerate(zip(sentences, tokens)):
            gap = text[prev_end:s]
            new_para = "\n\n" in gap or "\n\r\n" in gap
            new_line = "\n" in gap
            prev_end_char = text[prev_dir.end - 1] if prev_dir is not None else ""
            texts, low = words[si]
            labels = labels_per[si]
            mask = [lab is not None for lab in labels]
            hit = None
            cs = self._content_start(low)
            sentence_blocked = self._starts_any(low, cs, self._sentence_by_first) or _is_question(text, s, e) \
                or (text[e - 1].isalnum() and _ends_with_question_word(low))
            if toks and not sentence_blocked:
                cue_hits = self._cue_hits(toks, low, texts, mask, labels)
                if cue_hits:
                    best = max(cue_hits, key=lambda h: (h[2], -h[0]))
                    i, length, w, entry, kind = best
                    hit = DirectiveHit(s, e, w, kind, " ".join(texts[i:i + length]),
                                       toks[i].start, toks[i + length - 1].end, si)
            adjacent = prev_dir is not None and prev_dir.sentence_index == si - 1
            if hit is None and toks and not sentence_blocked and text[e - 1] == ":" and \
                    self._lead_in(text, sentences, tokens, words, labels_per, si):
                # "Văn bản nêu rõ:", "… phương án như sau:" opening a list of instructions
                hit = DirectiveHit(s, e, 0.75, "cue", ":", e - 1, e, si)
            bullet = new_line and text[max(0, s - 2):s].strip() in ("-", "+", "•", "–")
            if hit is not None and hit.kind == "modal" and adjacent and in_list and new_line and \
                    hit.cue_start > s and text[:hit.cue_start].split()[-1].lower() in _DIRECTION_WORDS:
                hit = None  # a plan's item "Ô tô … rẽ phải sang phố …;": an item of the list, not an obligation
            # items end with ";" or carry a list mark, or stand one per line in the same block ending with "."
            one_per_line = prev_end_char == "." and not new_para and text[e - 1] in ".;"
            if hit is None and adjacent and in_list and new_line and toks and not sentence_blocked \
                    and (prev_end_char in ":;" or bullet or one_per_line) and not self._past(low):
                # an item of a list of instructions, whatever its opening ("ACV bố trí …;", "Khi …,
                # hãng phải …", "tuyệt đối không …;")
                hit = DirectiveHit(s, e, round(0.85 * 0.95 ** chain, 4), "continuation", sentence_index=si)
            if hit is None and si == 0 and toks and not sentence_blocked:
                hit = self._headline(text, s, e, toks, low, texts, labels)
            if hit is None and adjacent and toks and prev_dir.kind != "headline" and not sentence_blocked:
                after_colon = prev_end_char == ":"
                listy = bool(toks) and (new_line and (text[s - 2:s].strip() in ("-", "+", "•", "–")
                                                      or prev_end_char in ";:"))
                sw = self._starts_continuation(low, texts, toks)
                ok_place = (not new_para) or after_colon or listy or prev_dir.kind != "continuation"
                if after_colon and text[e - 1] in ".;" and not mask[cs if cs < len(mask) else 0]:
                    hit = DirectiveHit(s, e, 0.85, "continuation", sentence_index=si)
                elif sw is not None and ok_place:
                    decay = 0.95 ** chain
                    hit = DirectiveHit(s, e, round(sw * 0.95 * decay, 4), "continuation",
                                       sentence_index=si)
                elif self._body_place_ok(prev_dir, new_para, after_colon, listy) and \
                        self._body_continuation(toks, low, texts, mask, cs):
                    hit = DirectiveHit(s, e, round(0.7 * 0.95 ** chain, 4), "continuation",
                                       sentence_index=si, attrs={"body": True})
                elif (not new_para or after_colon or listy) and prev_dir.kind != "headline" and \
                        self._generic_body_continuation(toks, low, texts, mask, cs):
                    hit = DirectiveHit(s, e, round(0.65 * 0.95 ** chain, 4), "continuation", sentence_index=si)
            elif hit is None and toks and new_para and prev_dir is not None and prev_dir.kind != "headline" \
                    and not sentence_blocked \
                    and si - prev_dir.sentence_index <= 1 + _BODY_GAP \
                    and self._body_continuation(toks, low, texts, mask, cs, strict=True):
                # a paragraph of a body's own part of the assignment, after a sentence or two
                # of figures that followed the request ("… yêu cầu …. Năm ngoái, …" / "Sở Xây
                # dựng lập kế hoạch phân luồng …")
                hit = DirectiveHit(s, e, 0.65, "continuation", sentence_index=si, attrs={"body": True})
            if hit is not None:
                chain = chain + 1 if hit.kind == "continuation" else 0
                hits.append(hit)
                in_list = text[e - 1] == ":" or (in_list and (text[e - 1] in ";." or bullet))
                prev_dir = hit
            prev_end = e
        lead = next((k for k, (s, _e) in enumerate(sentences) if "\n" in text[:s]), None)
        for h in hits:
            if h.sentence_index == lead and h.kind != "headline":
                # the article's lead opens with a dateline ("Cần Thơ – …"): the directive starts after it
                h.start = self._after_dateline(tokens[lead], words[lead][0], labels_per[lead], h.start)
        return hits

    @staticmethod
    def _after_dateline(toks, texts, labels, start: int) -> int:
        """Where the lead sentence's own words begin after a dateline ("Cần Thơ – Dự báo …",
        "Hà Nội (TTXVN) – …", "VTV News – Chiều …"): the place or the outlet is no part of what is
        asked, so the directive starts after the dash. A dateline is a few capitalised words (a
        source in brackets may follow), a dash, then a capital that opens no place (two places
        joined by a dash are a pair or a route); anything else keeps ``start``."""
        n = len(texts)
        k = 0
        while k < n and k < 8 and texts[k] not in ("–", "—", "-"):
            if texts[k] == "(":
                close = next((x for x in range(k + 1, min(n, k + 5)) if texts[x] == ")"), None)
                if close is None or not all(t[:1].isupper() for t in texts[k + 1:close]):
                    return start
                k = close + 1
            elif texts[k][:1].isupper():
                k += 1
            else:
                return start
        if k == 0 or k + 1 >= n or texts[k] not in ("–", "—", "-") or not texts[k + 1][:1].isupper():
            return start
        if labels[k + 1] == "LOC":
            return start  # two places joined by a dash ("Việt Nam – Lào …", "Hà Nội - Hải Phòng …"): a pair
        return toks[k + 1].start

    # ------------------------------------------------------------------
    def link(self, hit: DirectiveHit, toks: list[Token], entities: list[tuple[int, int, str, int]]):
        """``(issuer_id, addressee_ids, addressee_text_span)`` for a directive hit.

        ``entities``: (start, end, label, id) of the document's entity spans. Continuations get
        nothing here (the pipeline lets them inherit from the directive they continue).
        """
        inside = [x for x in entities if x[0] >= hit.start and x[1] <= hit.end]
        issuer = None
        addressees: list[int] = []
        if hit.kind == "continuation" or hit.cue_start < 0:
            return issuer, addressees, None
        ti = {t.start: k for k, t in enumerate(toks)}
        cue_tok = ti.get(hit.cue_start, 0)
        cue_end_tok = cue_tok
        while cue_end_tok < len(toks) and toks[cue_end_tok].start < hit.cue_end:
            cue_end_tok += 1
        before = [x for x in inside if x[1] <= hit.cue_start]
        after = [x for x in inside if x[0] >= hit.cue_end]
        if hit.kind == "modal" and cue_tok > 0 and toks[cue_tok - 1].text.lower() in _DIRECTION_WORDS:
            return None, [], None  # "… rẽ phải sang phố …": "phải" is the right-hand side, nobody is told
        if hit.kind == "modal":
            # the subject of the modal is told to act: "Sở Y tế phải …", "Các địa phương cần …"
            if before and before[-1][2] in ("ORG", "LOC") and ti.get(before[-1][0], -9) >= cue_tok - 6:
                gap = [t.text for t in toks if before[-1][1] <= t.start < hit.cue_start]
                if len(gap) <= 2:
                    return None, [before[-1][3]], None
            k = cue_tok
            start = k
            while start > 0 and toks[start - 1].text not in ",;:" and cue_tok - start < 6:
                start -= 1
            if start < cue_tok and (start == 0 or toks[start - 1].text in ",;:") and \
                    toks[start].text.lower() in _GENERIC_ADDRESSEE_START:
                return None, [], (toks[start].start, toks[cue_tok - 1].end)
            return None, [], None
        for n_, (a, b, lab, ident) in enumerate(reversed(before)):
            if lab in ("PER", "ORG"):
                issuer = ident
                if lab == "ORG":
                    # "Ông Lò Văn Thắng, Giám đốc Sở Nội vụ tỉnh Sơn La, kiến nghị …": the person
                    # before the apposition speaks, not the body in his title
                    person = next((x for x in reversed(before[:len(before) - 1 - n_]) if x[2] == "PER"), None)
                    text_after = [t.text for t in toks if person is not None and person[1] <= t.start < hit.cue_start]
                    if person is not None and text_after[:1] == [","] and text_after[-1:] == [","]:
                        issuer = person[3]
                break
        # addressee: the entity (or entities joined by "và"/",") right after the cue, or a
        # generic phrase there ("các sở, ngành và địa phương")
        j = cue_end_tok
        generic = None
        words = [t.text for t in toks]
        lows = [w.lower() for w in words]
        if j < len(toks) and toks[j].text.lower() in _GENERIC_ADDRESSEE_START and toks[j].text[:1].islower():
            # items of at most two words, joined by "," or "và": "các sở, ngành và địa phương"
            k = j
            words_in_item = 0
            while k < len(toks) and k - j < 10:
                t = toks[k]
                low = t.text.lower()
                if low in (",", "và"):
                    if k + 1 >= len(toks) or toks[k + 1].text.lower() in _ADDRESSEE_STOP \
                            or not toks[k + 1].text[:1].islower():
                        break
                    words_in_item = 0
                    k += 1
                    continue
                if k > j and (low in _ADDRESSEE_STOP or not t.text[:1].isalpha() or t.text[:1].isupper()
                              or (t.word_pos == "B" and self.starts.match(words, lows, k))):
                    break
                if t.word_pos == "B":
                    words_in_item += 1
                    if words_in_item > 2 and low not in ("các", "những"):
                        break
                k += 1
            while k > j and toks[k - 1].text.lower() in (",", "-", "và"):
                k -= 1
            if k > j and not all(t.text.lower() in _FUNCTION_WORDS for t in toks[j:k]):
                generic = (toks[j].start, toks[k - 1].end)
        if after and (generic is None or after[0][0] < generic[1]):
            first = after[0]
            first_tok = ti.get(first[0], len(toks))
            if first[2] in ("ORG", "LOC", "PER") and first_tok - cue_end_tok <= 3:
                addressees.append(first[3])
                prev = first
                for nxt in after[1:]:
                    between = [t.text.lower() for t in toks if prev[1] <= t.start < nxt[0]]
                    if nxt[2] in ("ORG", "LOC", "PER") and between and all(w in (",", "và") for w in between):
                        addressees.append(nxt[3])
                        prev = nxt
                    else:
                        break
        if not addressees and generic is not None:
            return issuer, [], generic
        return issuer, addressees, None
