"""The pre-annotation pipeline: entities (CRF + rules) and directives, Qt-free.

    from annotator.nlp.pipeline import Pipeline
    pipe = Pipeline.load()                 # shipped model + shipped rules
    ann = pipe.annotate(text)
    for s in ann.spans: print(s.start, s.end, s.label, s.score, s.origin)
    for head, tail, label in ann.relations: ...   # head = directive index, label issuer/addressee

Merge precedence for entity spans (no two entity spans overlap in the output):

1. CRF spans are the base (origin ``crf:<model-version>``), first repaired by rules:
   a. cut before a word from ``name_breakers.txt`` ("UBND thành phố Hải Phòng | đề nghị …") and
      before ";";
   b. an ORG ends with its place when a capitalised name follows ("Sở … tỉnh Lâm Đồng | Ksor
      Thị Hạnh"); a LOC that runs from a known place into a capitalised name is cut there and
      the name becomes a PER ("Savannakhet | Santiphap Phomvihane"); an ORG that does not begin
      with an organisation head stops before "tại" ("JICA | tại Việt Nam");
   c. coordinated names are split at "và"/"," when the right part starts with an organisation
      head, a known name or a place (ORG/LOC), or a MISC head (MISC);
   d. leading lower-case syllables are dropped from PER/ORG/MISC spans;
   e. a bare organisation head before an event's name is dropped ("Ban Tổ chức | Liên hoan …");
      laws in an ORG span are split at "và" and labelled MISC ("Luật Đê điều và Luật …").
2. A rule span (origin ``rules``) from an organisation head, a MISC head, a known name
   (``entities.txt``) or a gazetteer place replaces the CRF spans it overlaps when it covers
   them and is *longer* than each: rule ``Sở Y tế Hà Nội`` beats CRF ``Sở Y tế`` + ``Hà Nội``.
   A title + name rule span (PER) cuts a CRF ORG that ran into the name.
3. Strong rule spans (heads, known names), title + name spans and gazetteer places (provinces,
   regions, countries; ambiguous one-word names such as "Anh", "Đức" excluded) also fill gaps
   where the CRF found nothing; place prefix + capitalised word spans do not.
4. ORG/MISC spans that are only a generic head ("Ban Tổ chức", "Ban Chỉ đạo", "Đại hội") are
   dropped.
5. Without a usable model the rule spans alone are used (and a warning is issued).
6. Span hygiene (:mod:`annotator.nlp.hygiene`) cleans every span; a bracketed abbreviation after
   an ORG/MISC name takes the name's label (:mod:`annotator.nlp.abbreviations`).

Scores: a CRF span that a rule span confirms exactly scores 0.95; other CRF spans score the lowest
marginal probability of their labels (local forward-backward, see
:func:`annotator.nlp.entities.predict_spans`); rule spans score 0.6-0.7 (0.5-0.6 without a
model). All spans are snapped to whole syllables (:func:`annotator.nlp.text.snap_span`).
DIRECTIVE spans (origin ``directives``) cover whole sentences and may contain entities.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from annotator.nlp.abbreviations import label_abbreviations, with_repeated_acronyms
from annotator.nlp import directive_links
from annotator.nlp.directives import DirectiveDetector, without_list_marks
from annotator.nlp.entities import EntityModel, ModelError, load_model, predict_spans
from annotator.nlp.features import Featurizer
from annotator.nlp.hygiene import clean_entities, joined_parts
from annotator.nlp.name_repeats import with_club_mentions, with_repeated_names
from annotator.nlp.resources import DIRECTIVE_POINTER, models_dir
from annotator.nlp.rules import (RuleSet, _TAIL_NOUNS, _action_pair, _coordinated, _foreign_word, _size_pair,
                                 load_rules, match_report, rule_entities, second_of_compound)
from annotator.nlp.text import segment_spans, sentences, snap_span, syllables

__all__ = ["Suggestion", "Annotation", "Pipeline", "default_model_path"]

log = logging.getLogger(__name__)

_STRONG_RULES = ("org-head", "known", "misc-head")
#: other rules whose spans are suggested where the model found nothing
_ADDED_RULES = ("title", "gazetteer", "name-shape", "company", "thing", "street", "translit", "club")
# heads of laws and other legal texts: never a body ("Luật Đê điều và Luật Tài nguyên nước")
_LAW_HEADS = frozenset({"luật", "bộ luật", "nghị định", "nghị quyết", "thông tư", "quyết định", "chỉ thị",
                        "hiệp định", "công ước", "hiến pháp"})
# MISC heads of events: a body's bare head before one is its organiser ("Ban Tổ chức | Liên hoan …")
_EVENT_HEADS = frozenset({"festival", "lễ hội", "liên hoan", "ngày hội", "tuần lễ", "tuần văn hóa", "hội nghị",
                          "hội thảo", "hội thi", "hội chợ", "hội diễn", "diễn đàn", "triển lãm", "đại hội",
                          "kỳ thi", "cuộc thi", "giải"})
_TIMES_OF_DAY = frozenset({"sáng", "chiều", "trưa", "tối", "đêm"})
#: bodies of one country's people in another take the host place: "Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam"
_ASSOCIATION_HEADS = frozenset({"hiệp hội", "hội"})


def _takes_host_place(rules, texts, lowers, a, b) -> bool:
    """True when "tại <place>" inside the ORG span ``a:b`` is part of its name: the head is a
    representation abroad (``abroad`` in org_heads.txt: embassies, consulates, missions, trade
    offices, chambers, branches), or an association named after a country other than its host."""
    hm = rules.org_heads.match(texts, lowers, a)
    if not hm:
        return False
    if "abroad" in hm[1].flags:
        return True
    if " ".join(lowers[a:a + hm[0]]) not in _ASSOCIATION_HEADS:
        return False
    for k in range(a + 1, b):
        if lowers[k] == "tại":
            pl = rules.places.match(texts, lowers, k - 1)
            pl2 = rules.places.match(texts, lowers, k - 2) if k >= a + 2 else None
            return bool((pl and pl[1] == "COUNTRY") or (pl2 and pl2[0] == 2 and pl2[1] == "COUNTRY"))
    return False


_SELF_CHECK = (
    "Ngày 10/11, UBND tỉnh Quảng Ninh | đề nghị Bộ Y tế, Sở Tài chính TP. Hồ Chí Minh và ông Nguyễn Văn A "
    "(PGS.TS) hỗ trợ 1.000 tỷ đồng cho Nghị quyết số 57-NQ/TW <s> iPhone X1 Hà Nội",
    "Hà",
)


@dataclass
class Suggestion:
    start: int
    end: int
    label: str
    score: float
    origin: str
    attrs: dict = field(default_factory=dict)


@dataclass
class Annotation:
    text: str
    spans: list[Suggestion] = field(default_factory=list)
    relations: list[tuple[int, int, str]] = field(default_factory=list)

    def entities(self) -> list[Suggestion]:
        return [s for s in self.spans if s.label != "DIRECTIVE"]

    def directives(self) -> list[Suggestion]:
        return [s for s in self.spans if s.label == "DIRECTIVE"]


def default_model_path(folder: str | Path | None = None) -> Path | None:
    """The active model in ``folder`` (default: shipped ``resources/models``).

    Reads the ``active`` pointer file if present, else the newest ``entity-*.crf``.
    """
    folder = Path(folder) if folder else models_dir()
    pointer = folder / "active"
    if pointer.is_file():
        name = pointer.read_text(encoding="utf-8").strip()
        if name:
            return folder / name
    found = sorted(folder.glob("entity-*.crf"))
    return found[-1] if found else None


def default_directive_path(folder: str | Path | None = None) -> Path | None:
    """The active directive model in ``folder`` (default: shipped ``resources/models``), or None."""
    folder = Path(folder) if folder else models_dir()
    pointer = folder / DIRECTIVE_POINTER
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    path = folder / name
    return path if name and path.is_file() else None


#: ``Pipeline.load(directive_path=SHIPPED)``: the shipped directive model
SHIPPED = "shipped"


class Pipeline:
    """Entities + directives for one text at a time. Thread-compatible (no shared mutable state
    except caches)."""

    def __init__(self, model: EntityModel | None, rules: RuleSet, *, use_rules: bool = True,
                 scores: bool = True, labels=None, rule_labels=None, directive_model=None):
        self.model = model
        self.rules = rules
        self.use_rules = use_rules
        self.scores = scores
        #: entity labels the corpus's scheme has (None: any): others are never suggested
        self.labels = frozenset(labels) if labels is not None else None
        #: labels the rules may suggest (None: all the rules know); a scheme turns a label's rules off
        self.rule_labels = frozenset(rule_labels) if rule_labels is not None else None
        #: a learnt directive sentence classifier (annotator.nlp.directive_model) revising the rules' hits
        self.directive_model = directive_model
        #: ``f(annotation) -> annotation`` steps run after the engine (instant memory, span hygiene ...)
        self.postprocessors: list = []
        self.featurizer = Featurizer(rules)
        self.directives = DirectiveDetector(rules)
        # tagging uses only the feature strings the model knows (same output, less work)
        self._tag_featurizer = self._known_featurizer(model, rules) or self.featurizer

    @staticmethod
    def _known_featurizer(model, rules) -> Featurizer | None:
        """A featurizer that leaves out the strings ``model`` does not know, if it passes a
        self-check (same labels and marginals as the full features), else None."""
        if model is None:
            return None
        try:
            known = model.attributes
            if not known:
                return None
            full = Featurizer(rules)
            short = Featurizer(rules, known=known)
            for sample in _SELF_CHECK:
                toks = syllables(sample)
                # word positions: all word starts, and two-syllable words
                for toks in (toks, [t._replace(word_pos="BI"[k % 2]) for k, t in enumerate(toks)]):
                    a, b = full.sentence_features(toks), short.sentence_features(toks)
                    if b != [[f for f in row if f in known] for row in a]:
                        return None
                    if model.tag(a) != model.tag(b) or model.marginals(a) != model.marginals(b):
                        return None
            return short
        except Exception:  # noqa: BLE001 - any surprise: full features
            return None

    # ------------------------------------------------------------------
    @classmethod
    def load(cls, model_path: str | Path | None = None, rules_dir: str | Path | None = None,
             *, base_rules_dir: str | Path | None = None,
             gazetteers_dir: str | Path | None = None, directive_path: str | Path | None = SHIPPED) -> "Pipeline":
        """Load the model and rules.

        ``model_path``: a ``.crf`` file (default: the shipped active model). A missing or
        unusable file gives a rules-only pipeline and a :func:`warnings.warn` / logged warning.
        ``rules_dir``: a user rules folder whose files extend/override the shipped rules and
        gazetteers (see :mod:`annotator.nlp.rules`); syntax errors raise ``RuleSyntaxError``.
        ``directive_path``: a ``directive-*.crf`` file revising the directive rules' hits (default: the
        shipped one; None: the rules alone). An unusable file leaves the rules alone, with a warning.
        """
        rules = load_rules(rules_dir=base_rules_dir, extra_dir=rules_dir, gazetteers_dir=gazetteers_dir)
        model = None
        path = Path(model_path) if model_path else default_model_path()
        if path is None:
            msg = "no entity model found; falling back to rule-based entities"
            log.warning(msg)
            warnings.warn(msg, RuntimeWarning, stacklevel=2)
        else:
            try:
                model = load_model(path)
            except ModelError as exc:
                msg = f"entity model unusable ({exc}); falling back to rule-based entities"
                log.warning(msg)
                warnings.warn(msg, RuntimeWarning, stacklevel=2)
        directive_model = None
        if directive_path == SHIPPED:
            directive_path = default_directive_path()
        if directive_path is not None:
            from annotator.nlp.directive_model import load_directive_model

            try:
                directive_model = load_directive_model(directive_path)
            except (ModelError, OSError) as exc:
                msg = f"directive model unusable ({exc}); the directive rules alone"
                log.warning(msg)
                warnings.warn(msg, RuntimeWarning, stacklevel=2)
        return cls(model, rules, directive_model=directive_model)

    @property
    def model_version(self) -> str:
        """Version string of the entity model, or ``"rules"`` without a model."""
        return self.model.version if self.model is not None else "rules"

    # ------------------------------------------------------------------
    def _sentence_entities(self, text, toks, texts=None, lowers=None):
        """Merged entity spans of one sentence: list of (start, end, label, score, origin)."""
        if texts is None:
            texts = [t[0] for t in toks]
        if lowers is None:
            lowers = [t.lower() for t in texts]
        rule = []
        if self.use_rules:
            rule = [(toks[a].start, toks[b - 1].end, lab, why)
                    for a, b, lab, why in rule_entities(toks, self.rules, texts, lowers)
                    if self.rule_labels is None or lab in self.rule_labels]
        crf = []
        bounds = []
        if self.model is not None:
            confirmed = {(a, b, lab) for a, b, lab, _w in rule}
            got = predict_spans(self.model, self._tag_featurizer, toks, self.scores, confirmed)
            crf = [(x.start, x.end, x.label, x.score, x.origin) for x in got]
            bounds = [(x.first, x.last) for x in got]
        if not self.use_rules:
            return crf
        if self.model is None:
            return [(a, b, lab, 0.6 if why in _STRONG_RULES else 0.5, "rules") for a, b, lab, why in rule
                    if not (lab in ("ORG", "MISC") and self._bare_head(toks, a, b, lab))]
        merged = [self._trim_lower(toks, m) for m in self._refine(toks, crf, texts, lowers, bounds)]
        merged = [m for m in merged if m is not None]
        # "Hà Nội FC hòa SHB Đà Nẵng": a span across a match verb is two names (before the rules look at it)
        split = []
        for m in merged:
            parts = joined_parts(text, m[0], m[1]) if m[2] in ("ORG", "LOC") else None
            split.extend([(x, y) + tuple(m[2:]) for x, y in parts] if parts else [m])
        merged = split
        for a, b, lab, why in rule:
            if why == "title" and lab == "PER":
                # "UBND tỉnh Trần Quốc Bảo" tagged as one ORG, "Tổng Tư lệnh Fidel Castro" as a LOC: cut the
                # span before the name (a bare title left over is dropped below)
                cut = []
                for m in merged:
                    if m[0] < a < m[1] and m[1] <= b and (m[2] == "ORG" or (
                            m[2] in ("LOC", "MISC") and sum(m[0] <= t.start and t.end <= a for t in toks) >= 2)):
                        # (a LOC only after a title of two words or more: "Cô Tô", "Anh Sơn" are places)
                        prev_end = max((t.end for t in toks if t.end <= a), default=m[0])
                        cut.append((m, (m[0], prev_end) + tuple(m[2:])))
                for old, new in cut:
                    merged.remove(old)
                    if new[1] > new[0]:
                        merged.append(new)
                # "Chủ tịch Hồ Chí Minh": the title makes the place-shaped name a person
                same = [m for m in merged if m[0] == a and m[1] == b and m[2] == "LOC"]
                for m in same:
                    merged.remove(m)
                    merged.append((a, b, "PER", 0.7, "rules"))
            over = [m for m in merged if m[0] < b and a < m[1]]
            if not over:
                if why in _STRONG_RULES or why in _ADDED_RULES:
                    merged.append((a, b, lab, 0.6, "rules"))
                continue
            if len(over) == 1 and over[0][:2] == (a, b) and over[0][2] != lab and (
                    why in ("known", "place-known")
                    or (why == "gazetteer" and over[0][2] == "ORG" and not match_report(lowers))):
                # the rule's label for the model's very span: a known name (entities.txt) keeps its label ("Nhà
                # Quốc hội" is a building, not an event); a known place after its place word is the place even
                # when a body bears its name ("phường Bạch Mai"); a province alone is a club only in a match
                # report ("Các tỉnh Thái Bình, Nam Định đã cấm biển")
                merged = [m for m in merged if m not in over]
                merged.append((a, b, lab, 0.7, "rules"))
                continue
            if why in ("street", "club") and all(m[0] >= a for m in over):
                # "cầu Trần Thị Lý", "Hà Nội FC": the kind word before or inside makes the name a place/club
                merged = [m for m in merged if m not in over]
                merged.append((a, b, lab, 0.7, "rules"))
                continue
            if why in ("company", "thing", "translit") and all(m[2] == "PER" or (m[0] <= a and m[1] == b)
                                                   or (a <= m[0] and m[1] <= b) for m in over):
                # "Hãng Hanwha Aerospace" as one span: the company's own name, as an ORG; "câu lạc bộ
                # Hà Nội": the club, not the city
                merged = [m for m in merged if m not in over]
                merged.append((a, b, lab, 0.7, "rules"))
                continue
            if (why in _STRONG_RULES and lab in ("ORG", "MISC")) or (why in ("gazetteer", "place-known") and lab == "LOC"):
                # a longer rule name replaces the model spans it covers
                if all(m[0] >= a and m[1] <= b and (m[1] - m[0]) < (b - a) for m in over):
                    if not (len(over) == 1 and over[0][2] == lab and over[0][1] - over[0][0] >= b - a):
                        merged = [m for m in merged if m not in over]
                        merged.append((a, b, lab, 0.7, "rules"))
        for a, b, lab, why in rule:
            if why in _STRONG_RULES and not any(m[0] < b and a < m[1] for m in merged):
                # the model span that hid it was replaced by a later rule ("Trạm vũ trụ Quốc tế ISS và mô-đun
                # Kibo" read as one, "Kibo" taken by its kind word): the name gets its turn again
                merged.append((a, b, lab, 0.7, "rules"))
        merged.sort()
        return [m for m in merged if not (m[2] in ("ORG", "MISC") and self._bare_head(toks, m[0], m[1], m[2]))
                and not (m[4] != "rules" and self._only_title(toks, m[0], m[1]))]

    def _only_title(self, toks, a, b) -> bool:
        """True for a span that is exactly a multi-word person title ("Tổng Tư lệnh")."""
        idx = [k for k, t in enumerate(toks) if t.start >= a and t.end <= b]
        if len(idx) < 2 or len(idx) > self.rules.person_titles.max_len:
            return False
        texts = [t.text for t in toks[idx[0]:idx[-1] + 1]]
        if not texts[0][:1].isupper():  # ("Tổng Tư lệnh" as well as "Phó Thủ tướng")
            return False
        m = self.rules.person_titles.match(texts, [x.lower() for x in texts], 0)
        return bool(m) and m[0] == len(idx)

    def _refine(self, toks, spans, texts=None, lowers=None, bounds=None):
        """Repair model spans with rules (see module docstring, step 1b).

        ``bounds``: the spans' token ranges ``(first, end_exclusive)`` if known."""
        if not spans:
            return spans
        rules = self.rules
        if texts is None:
            texts = [t.text for t in toks]
        if lowers is None:
            lowers = [t.lower() for t in texts]
        if bounds is None or len(bounds) != len(spans):
            start_of = {t.start: k for k, t in enumerate(toks)}
            end_of = {t.end: k + 1 for k, t in enumerate(toks)}
            bounds = [(start_of.get(span[0]), end_of.get(span[1])) for span in spans]
        breakers = rules.name_breakers
        brk_f = breakers.firsts
        heads = rules.org_heads
        out = []
        for span, (a, b) in zip(spans, bounds):
            if a is None or b is None:
                out.append(span)
                continue
            lab = span[2]
            # a name never runs across ";" (list items: "Kết luận số 77-KL/TW; Luật …")
            for k in range(a + 1, b):
                if texts[k] == ";":
                    b = k
                    break
            pieces = [(a, b)]
            # (a) cut before a breaker word ("… Hải Phòng | đề nghị …", "Quốc hội | khóa XV"), or a time of
            # day with its date ("Nhà Quốc hội | sáng 5/5")
            for k in range(a + 1, b):
                if lowers[k] in _TIMES_OF_DAY and texts[k][:1].islower() and (
                        k + 1 >= len(toks) or texts[k + 1][:1].isdigit() or lowers[k + 1] in ("nay", "qua", "mai")):
                    pieces = [(a, k)]
                    break
                # whole words; the segmenter may glue a verb to the name before it ("Lại Xuân nối")
                # (or glued to the body's own word before it when a new name follows: "Tỉnh ủy giao | Ban …")
                if lowers[k] in brk_f and texts[k][:1].islower() and not second_of_compound(lowers, k) and (
                        toks[k].word_pos == "B" or texts[k - 1][:1].isupper()
                        or (k + 1 < b and texts[k + 1][:1].isupper() and toks[k + 1].word_pos == "B")):
                    m = breakers.match(texts, lowers, k)
                    whole = m and (k + m[0] >= len(toks) or toks[k + m[0]].word_pos == "B"
                                   or texts[k + m[0]][:1].isupper())
                    # (not after "," inside a body's name, in "nhỏ và vừa", or as an action noun of its tail)
                    remit = bool(whole) and lab == "ORG" and (
                        _coordinated(texts, lowers, k, m[0]) or _size_pair(lowers, k)
                        or (texts[k - 1][:1].islower() and " ".join(lowers[k:k + 2]) in _TAIL_NOUNS))
                    if whole and (not m[1].flags or lab in m[1].flags) and not remit:
                        pieces = [(a, k)]
                        break
            a, b = pieces[0]
            # (b) an ORG ends with its place: "Sở … tỉnh Lâm Đồng | Ksor Thị Hạnh"
            if lab == "ORG":
                k = a + 1
                while k < b:
                    pm = rules.places.match(texts, lowers, k) if texts[k][:1].isupper() else None
                    if pm and pm[1] in ("PROV", "DIST", "COUNTRY", "REGION"):
                        e = k + pm[0]
                        rest = range(e, b)
                        if e < b and all(texts[x][:1].isupper() and texts[x].replace("-", "").isalpha() for x in rest) \
                                and not rules.places.match(texts, lowers, e) and not heads.match(texts, lowers, e):
                            b = e
                            break
                        if e + 1 < b and texts[e] in rules.foreign_names and texts[e + 1][:1].isupper() \
                                and not heads.match(texts, lowers, e):
                            b = e  # "Bộ Thương mại và Công nghiệp Singapore | Tan Wei Ming và …"
                            break
                        k = e
                    else:
                        k += 1
            # (b2) a place glued to the person after it: "tỉnh Savannakhet | Santiphap Phomvihane"
            if lab == "LOC":
                pm = rules.places.match(texts, lowers, a)
                e = a + pm[0] if pm else b
                if pm and b - e >= 2 and all(texts[x][:1].isupper() and texts[x].replace("-", "").isalpha()
                                             for x in range(e, b)) \
                        and not rules.places.match(texts, lowers, e):
                    out.append((toks[a].start, toks[e - 1].end) + tuple(span[2:]))
                    out.append((toks[e].start, toks[b - 1].end, "PER") + tuple(span[3:]))
                    continue
            # (b4) "Ban Tổ chức | Liên hoan …": a bare head before an event's name is no name; the
            # event (a MISC rule span) takes its place
            if lab == "ORG":
                hm = heads.match(texts, lowers, a)
                k = a + hm[0] if hm else a
                em = rules.misc_heads.match(texts, lowers, k) if hm and k < b and texts[k][:1].isupper() else None
                if em and "alone" not in hm[1].flags and " ".join(lowers[k:k + em[0]]) in _EVENT_HEADS:
                    continue
            # (b3) "JICA | tại Việt Nam": a name that is no organisation head does not take "tại …";
            # nor does a body that is not a representation abroad ("Quỹ Tiền tệ Quốc tế | tại Việt Nam")
            if lab == "ORG" and not _takes_host_place(rules, texts, lowers, a, b):
                for k in range(a + 1, b):
                    if lowers[k] == "tại":
                        b = k
                        break
            if lab == "ORG":
                for k in range(a + 1, b - 1):
                    if lowers[k] == "của" and texts[k + 1][:1].isupper() and rules.places.match(texts, lowers, k + 1):
                        b = k  # "Tập đoàn Sembcorp | của Singapore": whose the body is, not its name
                        break
                for k in range(a + 1, b):
                    tm = rules.person_titles.match(texts, lowers, k) if texts[k][:1].isupper() else None
                    if tm and k + tm[0] == b and texts[k].isupper():
                        b = k  # "Đại học Bách khoa Hà Nội | PGS.TS": the title of the person named next
                        break
            # (c) split coordinated names: "Bộ Tài chính | và | Ủy ban Kiểm tra Trung ương"
            if lab == "ORG":
                # "UBND tỉnh | , lực lượng quân đội": a comma followed by lower-case words only
                for k in range(a + 1, b - 1):
                    if texts[k] == "," and texts[k + 1][:1].islower() and lowers[k + 1] not in ("chống", "chữa") \
                            and not any(texts[x][:1].isupper() for x in range(k + 1, b)):
                        b = k
                        break
            cuts = []
            if lab == "ORG":
                # "Bộ Nội vụ | và chính quyền tỉnh Fukuoka": a whole capitalised name, then "và" and a
                # common noun, is a list (names that go on in lower case hold lower-case words before "và")
                for k in range(a + 2, b - 1):
                    if lowers[k] != "và":
                        continue
                    if toks[k + 1].word_pos == "B" and texts[k + 1][:1].islower() and heads.match(texts, lowers, a) \
                            and all(texts[x][:1].isupper() or toks[x].word_pos == "I" for x in range(a, k)):
                        b = k
                    break
            for k in range(a + 1, b - 1):
                if lab == "ORG" and lowers[k] == "và" and _foreign_word(texts[k - 1]) and _foreign_word(texts[k + 1]):
                    cuts.append(k)  # "Công ty POSCO | và | LG Chem"
                    continue
                if lowers[k] in ("và", ",") and texts[k + 1][:1].isupper():
                    nxt = heads.match(texts, lowers, k + 1) or rules.entities.match(texts, lowers, k + 1)
                    if lab == "LOC" or lab == "ORG":
                        nxt = nxt or rules.places.match(texts, lowers, k + 1)
                    if lab == "MISC":
                        nxt = rules.misc_heads.match(texts, lowers, k + 1)
                    law = lab == "ORG" and lowers[k] == "và" and self._law_head(texts, lowers, k + 1)
                    if lab == "ORG" and _action_pair(texts, lowers, k + 1):
                        nxt = None  # "Cục Quản lý đê điều và | Phòng, chống thiên tai": an action, not an office
                    if law or (nxt and not (lab == "ORG" and lowers[k] == "," and not heads.match(texts, lowers, k + 1))):
                        cuts.append(k)
            bounds = []
            s0 = a
            for k in cuts:
                bounds.append((s0, k))
                s0 = k + 1
            bounds.append((s0, b))
            for x, y in bounds:
                if y > x:
                    piece = (toks[x].start, toks[y - 1].end) + tuple(span[2:])
                    if lab == "ORG" and self._law_head(texts, lowers, x):
                        piece = piece[:2] + ("MISC",) + piece[3:]  # "Luật Đê điều" is a law, not a body
                    out.append(piece)
        return out

    def _law_head(self, texts, lowers, k) -> bool:
        """A capitalised law or legal-text head at ``k`` ("Luật", "Nghị định", "Hiệp định")."""
        m = self.rules.misc_heads.match(texts, lowers, k) if texts[k][:1].isupper() else None
        return bool(m) and " ".join(lowers[k:k + m[0]]) in _LAW_HEADS

    @staticmethod
    def _trim_lower(toks, m):
        """Drop leading lower-case syllables of a PER/ORG/MISC span ("sinh Lào tại …")."""
        a, b, lab = m[0], m[1], m[2]
        if lab not in ("PER", "ORG", "MISC"):  # places and a scheme's own labels keep their words
            return m
        for t in toks:
            if t.start < a:
                continue
            if t.start >= b:
                return None
            if t.text[:1].islower():
                continue
            return (t.start, b) + tuple(m[2:]) if t.start != a else m
        return None

    def _bare_head(self, toks, a, b, label: str = "ORG") -> bool:
        """True for an ORG/MISC span that is only a generic head ("Ban Tổ chức", "Đại hội")."""
        heads = self.rules.org_heads if label == "ORG" else self.rules.misc_heads
        idx = [k for k, t in enumerate(toks) if t.start >= a and t.end <= b]
        if not idx or len(idx) > heads.max_len:
            return False
        i = idx[0]
        texts = [t.text for t in toks[i:i + len(idx)]]
        lowers = [t.lower() for t in texts]
        m = heads.match(texts, lowers, 0)
        if not m or m[0] != len(idx) or "alone" in m[1].flags:
            return False
        known = self.rules.entities.match(texts, lowers, 0)
        return not (known and known[0] == len(idx))

    def annotate(self, text: str) -> Annotation:
        sents = sentences(text)
        spans_ = [(s.start, s.end) for s in sents]
        toks_per = segment_spans(text, spans_)
        # per sentence: token texts and lower-case forms, shared by the rules, the repairs and
        # the directive detector
        words = []
        ents: list[tuple] = []
        for toks in toks_per:
            texts = [t[0] for t in toks]
            lowers = [t.lower() for t in texts]
            words.append((texts, lowers))
            if toks:
                ents.extend(self._sentence_entities(text, toks, texts, lowers))
        # every source's spans in a clean shape (no edge punctuation/prepositions, lists, dates)
        ents = clean_entities(text, ents, self.rules)
        ents = label_abbreviations(text, ents)  # "… Nhật Bản (JETRO)": the short form is labelled like the name
        ents = with_repeated_acronyms(text, ents)  # "… (ACV) … ACV bố trí": the acronym again elsewhere
        ents = with_repeated_names(toks_per, ents, self.rules)  # "… Kibet cho biết": a person named again
        ents = with_club_mentions(text, ents, self.rules)  # "Hải Phòng thắng …": the club again elsewhere
        # snap + de-overlap (keep earlier / longer)
        out_ents = []
        last_end = -1
        allowed = self.labels
        for a, b, lab, score, origin in sorted(ents, key=lambda x: (x[0], -(x[1] - x[0]))):
            if allowed is not None and lab not in allowed:
                continue
            a, b = snap_span(text, a, b)
            if a >= b or a < last_end:
                continue
            out_ents.append(Suggestion(a, b, lab, float(score), origin))
            last_end = b
        # numbered list marks ("2.") are no sentences for the directive pass
        keep, d_bounds, d_toks, d_words = without_list_marks(text, spans_, toks_per, words)
        ent_spans = [(s.start, s.end, s.label) for s in out_ents]
        hits = self.directives.detect(text, d_bounds, d_toks, ent_spans, words=d_words)
        if self.directive_model is not None:
            hits = self.directive_model.revise(text, d_bounds, d_toks, d_words, hits, ent_spans)
        for h in hits:
            h.sentence_index = keep[h.sentence_index]
        spans = list(out_ents)
        relations = []
        ent_tuples = [(s.start, s.end, s.label, k) for k, s in enumerate(out_ents)]
        head_links = (None, [], None)  # issuer, addressees, generic addressee of the chain head
        last_issuer = None
        prev_hit = None
        for h in hits:
            attrs = {"kind": h.kind}
            if h.cue:
                attrs["cue"] = h.cue
            toks = toks_per[h.sentence_index]
            issuer, addressees, addressee_text = self.directives.link(h, toks, ent_tuples)
            if h.kind == "continuation":
                # a continuation carries on the request it follows: same issuer and addressees
                issuer, addressees, addressee_text = head_links
                attrs["inherited"] = True
                if h.attrs.get("body"):
                    # "Sở Giao thông vận tải lập kế hoạch …": the body named first is told to act
                    opener = [k for a_, b_, lab, k in ent_tuples if a_ == toks[0].start and lab in ("ORG", "LOC")]
                    if opener:
                        addressees, addressee_text = opener[:1], None
            else:
                if issuer is None:
                    issuer = self._issuer_before(text, sents, h, ent_tuples, last_issuer, prev_hit)
                    if issuer is not None:
                        attrs["issuer_resolved"] = "previous"
                if not addressees and addressee_text is None and h.kind == "cue":
                    body = self._addressee_before(text, sents, h, toks, ent_tuples)
                    if body is not None:
                        addressees = [body]
                        attrs["addressee_resolved"] = "previous"
                head_links = (issuer, addressees, addressee_text)
            if issuer is not None:
                last_issuer = issuer
            prev_hit = (h, issuer)
            if addressee_text is not None:
                attrs["addressee_text"] = text[addressee_text[0]:addressee_text[1]]
                attrs["addressee_span"] = list(addressee_text)
            a, b = snap_span(text, h.start, h.end)
            d_index = len(spans)
            spans.append(Suggestion(a, b, "DIRECTIVE", float(h.score), "directives", attrs))
            if issuer is not None:
                relations.append((d_index, issuer, "issuer"))
            for ad in addressees:
                if ad != issuer:
                    relations.append((d_index, ad, "addressee"))
        annotation = Annotation(text, spans, relations)
        for step in self.postprocessors:
            annotation = step(annotation)
        return annotation

    @staticmethod
    def _issuer_before(text, sents, h, ent_tuples, last_issuer, prev_hit):
        """Issuer of a directive whose own sentence names none (see :mod:`directive_links`)."""
        si = h.sentence_index
        if h.kind == "cue" and directive_links.is_pronoun_subject(text, h.start, h.cue_start):
            # "Phó Thủ tướng yêu cầu …" after "Phó Thủ tướng Lê Minh Khang chủ trì …"; "Ông yêu
            # cầu …" after a sentence about him; else the official quoted before
            title = directive_links.subject_head(text, h.start, h.cue_start)
            found = directive_links.titled_person_before(text, sents, si, ent_tuples, title)
            if found is None:
                found = directive_links.speaker_before(text, sents, si, ent_tuples)
            return found if found is not None else last_issuer
        if prev_hit is not None and prev_hit[1] is not None and si > 0 and \
                prev_hit[0].sentence_index >= si - 1 and "\n\n" not in text[sents[si - 1].end:sents[si].start]:
            # "… yêu cầu …. Các ngân hàng không được …", "Nghiêm cấm …": the same official goes on
            return prev_hit[1]
        if h.kind == "cue" and si > 0 and not text[h.start:h.cue_start].strip(" -–•\"“"):
            # "Đề nghị các bộ, ngành …" after "Bộ trưởng X phát biểu …": the speaker before
            return directive_links.speaker_before(text, sents, si, ent_tuples)
        return None

    @staticmethod
    def _addressee_before(text, sents, h, toks, ent_tuples):
        """"Ông đề nghị sở …" after a sentence naming "Sở Xây dựng": that body."""
        j = next((k for k, t in enumerate(toks) if t.start >= h.cue_end), None)
        if j is None:
            return None
        head = directive_links.anaphor_head(toks, j)
        if head is None:
            return None
        return directive_links.body_before(text, sents, h.sentence_index, ent_tuples, head)

    def __call__(self, text: str) -> Annotation:
        return self.annotate(text)
