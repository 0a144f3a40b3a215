"""Reviewer-editable rules and gazetteers, and the rule-based entity tagger.

Files
-----
Shipped rule files live in ``resources/rules/`` and gazetteers in ``resources/gazetteers/``.
All are plain UTF-8 text, one entry per line::

    # a comment line (also: blank lines are ignored)
    Sở                       a plain entry
    UBND | place, alone      an entry with options: comma-separated flags or key=value pairs
    Quốc hội | ORG           (entities.txt) the option is the entity label
    đề nghị | weight=0.95    (directive_cues.txt) a numeric option
    !Bộ                      in a user rules folder: remove this shipped entry

A user rules folder (e.g. ``rules/`` next to the corpus file) may hold files with the same names;
their entries are added to (or, with ``!``, removed from) the shipped lists. A user file whose first
non-blank line is ``#! replace`` replaces the shipped list instead of extending it.

Any syntax error raises :class:`RuleSyntaxError`, whose message names the file and line number.

Known files and their options (see each file's header for details)::

    org_heads.txt           flags: alone, place, abroad, named
    misc_heads.txt          (no options)
    entities.txt            value: PER | ORG | LOC | MISC
    person_titles.txt       (no options)
    place_prefixes.txt      (no options)
    name_breakers.txt       flags: PER, ORG, LOC, MISC (labels whose spans are cut; default all)
    directive_cues.txt      weight=<0..1>, flags: modal, needs_modal, needs_action
    directive_blockers.txt  flags: before, after, phrase, sentence, opinion (where the blocker sits)
    directive_starts.txt    weight=<0..1>  (words that open a subject-less continuation sentence)
    provinces.txt districts.txt wards.txt countries.txt regions.txt surnames.txt
    foreign_names.txt world.txt  gazetteers (no options)
    outlets.txt companies.txt bodies.txt clubs.txt  known organisation names (ORG, exact case; no options)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from annotator.nlp.resources import gazetteers_dir as _gaz_dir
from annotator.nlp.resources import rules_dir as _rules_dir
from annotator.nlp.text import Token, syllables

__all__ = [
    "RuleSyntaxError",
    "RuleEntry",
    "PhraseIndex",
    "RuleSet",
    "parse_rule_file",
    "parse_rule_text",
    "load_rules",
    "rule_entities",
    "FILE_SCHEMAS",
]

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")


class RuleSyntaxError(ValueError):
    """A malformed line in a rule or gazetteer file."""

    def __init__(self, path: str | Path, line: int, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}, line {line}: {message}")


@dataclass(frozen=True)
class RuleEntry:
    phrase: str
    flags: frozenset = frozenset()
    options: tuple = ()  # (key, value) pairs
    label: str | None = None
    remove: bool = False
    path: str = ""
    line: int = 0

    def option(self, key: str, default=None):
        for k, v in self.options:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class _Schema:
    flags: frozenset = frozenset()
    numeric: frozenset = frozenset()
    label: bool = False


FILE_SCHEMAS: dict[str, _Schema] = {
    "org_heads": _Schema(flags=frozenset({"alone", "place", "abroad", "named"})),
    "entities": _Schema(label=True),
    "person_titles": _Schema(),
    "place_prefixes": _Schema(),
    "misc_heads": _Schema(),
    "directive_cues": _Schema(flags=frozenset({"modal", "needs_modal", "needs_action"}),
                              numeric=frozenset({"weight"})),
    "directive_blockers": _Schema(flags=frozenset({"before", "after", "phrase", "sentence", "opinion"})),
    "directive_starts": _Schema(numeric=frozenset({"weight"})),
    "name_breakers": _Schema(flags=frozenset(ENTITY_LABELS)),
    "provinces": _Schema(),
    "districts": _Schema(),
    "wards": _Schema(),
    "countries": _Schema(),
    "regions": _Schema(),
    "surnames": _Schema(),
    "foreign_names": _Schema(),
    "world": _Schema(),
    "outlets": _Schema(),
    "companies": _Schema(),
    "bodies": _Schema(),
    "clubs": _Schema(),
}

RULE_FILES = (
    "org_heads", "misc_heads", "entities", "person_titles", "place_prefixes", "name_breakers",
    "directive_cues", "directive_blockers", "directive_starts",
)
GAZETTEER_FILES = (
    "provinces", "districts", "wards", "countries", "regions", "surnames", "foreign_names", "world",
    "outlets", "companies", "bodies", "clubs",
)
#: gazetteers of organisations named without a head word (news outlets, companies, international
#: bodies): known ORG names like those of ``entities.txt``, which wins where both list a name
ORG_GAZETTEERS = ("outlets", "companies", "bodies", "clubs")

_BAD_CHARS = re.compile(r"[\t\x00-\x08\x0b-\x1f\[\]{}<>]")


def parse_rule_text(text: str, name: str, path: str | Path = "<string>") -> tuple[list[RuleEntry], bool]:
    """Parse one rule file's text. Returns ``(entries, replace)``."""
    schema = FILE_SCHEMAS.get(name, _Schema())
    entries: list[RuleEntry] = []
    replace = False
    seen_content = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw).strip()
        if not line:
            continue
        if line.startswith("#"):
            if not seen_content and line.replace(" ", "").lower() == "#!replace":
                replace = True
            continue
        seen_content = True
        remove = False
        if line.startswith("!"):
            remove = True
            line = line[1:].strip()
        if line.count("|") > 1:
            raise RuleSyntaxError(path, lineno, "more than one '|' on the line")
        phrase, _, opts = line.partition("|")
        phrase = " ".join(phrase.split())
        if not phrase:
            raise RuleSyntaxError(path, lineno, "empty entry before '|'" if _ else "empty entry")
        if _BAD_CHARS.search(phrase):
            raise RuleSyntaxError(path, lineno, f"invalid character in entry {phrase!r}")
        flags: set[str] = set()
        options: list[tuple[str, object]] = []
        label = None
        if _:
            opts = opts.strip()
            if not opts:
                raise RuleSyntaxError(path, lineno, "nothing after '|'")
            for item in opts.split(","):
                item = item.strip()
                if not item:
                    raise RuleSyntaxError(path, lineno, "empty option (stray comma)")
                if "=" in item:
                    key, _eq, value = item.partition("=")
                    key, value = key.strip(), value.strip()
                    if key not in schema.numeric:
                        raise RuleSyntaxError(path, lineno, f"unknown option {key!r} in {name}.txt")
                    try:
                        num = float(value)
                    except ValueError:
                        raise RuleSyntaxError(path, lineno, f"option {key} needs a number, got {value!r}") from None
                    if not 0.0 <= num <= 1.0:
                        raise RuleSyntaxError(path, lineno, f"option {key} must lie in 0..1, got {value}")
                    options.append((key, num))
                elif schema.label and item.upper() in ENTITY_LABELS and item == item.upper():
                    if label is not None:
                        raise RuleSyntaxError(path, lineno, "two labels on one line")
                    label = item
                elif item in schema.flags:
                    flags.add(item)
                else:
                    allowed = sorted(schema.flags) + ([f"{k}=<number>" for k in sorted(schema.numeric)])
                    if schema.label:
                        allowed = list(ENTITY_LABELS)
                    raise RuleSyntaxError(
                        path, lineno,
                        f"unknown option {item!r} in {name}.txt (allowed: {', '.join(allowed) or 'none'})",
                    )
        if schema.label and label is None and not remove:
            raise RuleSyntaxError(path, lineno, f"missing label: write '{phrase} | ORG' (one of {', '.join(ENTITY_LABELS)})")
        entries.append(RuleEntry(phrase, frozenset(flags), tuple(options), label, remove, str(path), lineno))
    return entries, replace


def parse_rule_file(path: str | Path, name: str | None = None) -> tuple[list[RuleEntry], bool]:
    path = Path(path)
    name = name or path.stem
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise RuleSyntaxError(path, line, "not valid UTF-8") from None
    return parse_rule_text(text, name, path)


# ---------------------------------------------------------------------------
# phrase index


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    parts = phrase.split()
    if all(p.isalpha() for p in parts):
        return tuple(parts)
    return tuple(t.text for t in syllables(phrase))


class PhraseIndex:
    """Longest-match lookup of token sequences.

    ``case``: ``"lower"`` (case-insensitive), ``"first"`` (case-insensitive except that the first
    letter of the phrase must have the written case) or ``"exact"``.
    """

    def __init__(self, entries=(), case: str = "lower"):
        self.case = case
        self._index: dict[str, list[tuple[int, tuple[str, ...], tuple[str, ...], object]]] = {}
        self.max_len = 0
        self.size = 0
        self._first_exact: set[str] = set()
        self._pos: dict = {}
        self._dirty: set[str] = set()
        # first word -> [(length, {lower-case tuple: [(tokens, value), ...]}), ...] longest first:
        # the bucket grouped for lookups (built on demand, dropped when the bucket changes)
        self._groups: dict[str, list] = {}
        for phrase, value in entries:
            self.add(phrase, value)
        self._sort()

    def add(self, phrase: str, value=None) -> None:
        toks = _phrase_tokens(phrase)
        if not toks:
            return
        low = tuple(t.lower() for t in toks)
        key = (low, toks)
        self._groups.pop(low[0], None)
        bucket = self._index.setdefault(low[0], [])
        pos = self._pos.get(key)
        if pos is not None:
            for i, item in enumerate(bucket):
                if item[1] == low and item[2] == toks:
                    bucket[i] = (item[0], low, toks, value)
                    return
        self._pos[key] = True
        bucket.append((len(low), low, toks, value))
        self._dirty.add(low[0])
        self._first_exact.add(toks[0])
        self.max_len = max(self.max_len, len(low))
        self.size += 1

    def _sort(self) -> None:
        for k in self._dirty:
            self._index[k].sort(key=lambda x: -x[0])
        self._dirty.clear()

    def remove(self, phrase: str) -> None:
        toks = _phrase_tokens(phrase)
        if not toks:
            return
        low = tuple(t.lower() for t in toks)
        self._groups.pop(low[0], None)
        bucket = self._index.get(low[0])
        if bucket:
            keep = [b for b in bucket if b[1] != low]
            for b in bucket:
                if b[1] == low:
                    self._pos.pop((b[1], b[2]), None)
            self.size -= len(bucket) - len(keep)
            self._index[low[0]] = keep

    def __len__(self) -> int:
        return self.size

    def __contains__(self, phrase: str) -> bool:
        toks = _phrase_tokens(phrase)
        low = [t.lower() for t in toks]
        return self.match(toks, low, 0) is not None and self.match(toks, low, 0)[0] == len(toks)

    def first_words(self) -> set[str]:
        return set(self._index)

    @property
    def firsts(self) -> dict:
        """Lower-cased first token -> candidates (for a quick ``in`` pre-check)."""
        return self._index

    def _group(self, key: str) -> list:
        """The bucket of ``key`` grouped by length (longest first), then by lower-case tuple;
        entries keep their bucket order within a group."""
        groups: list = []
        for n, low, orig, value in self._index.get(key, ()):
            if not groups or groups[-1][0] != n:
                groups.append((n, {}))
            groups[-1][1].setdefault(low, []).append((orig, value))
        self._groups[key] = groups
        return groups

    def match(self, texts, lowers, i: int):
        """Longest match starting at ``i``: ``(length, value)`` or ``None``."""
        case = self.case
        if case == "exact" and texts[i] not in self._first_exact:
            return None
        if self._dirty:
            self._sort()
        key = lowers[i]
        groups = self._groups.get(key)
        if groups is None:
            if not self._index.get(key):
                return None
            groups = self._group(key)
        n_avail = len(lowers) - i
        for n, table in groups:
            if n > n_avail:
                continue
            found = table.get(tuple(lowers[i:i + n]) if n > 1 else (key,))
            if found is None:
                continue
            for orig, value in found:
                if case == "exact":
                    if tuple(texts[i:i + n]) != orig:
                        continue
                elif case == "first":
                    if texts[i][:1].isupper() != orig[0][:1].isupper():
                        continue
                return n, value
        return None

    def match_all(self, texts, lowers, i: int):
        """All matches starting at ``i`` (longest first)."""
        if self._dirty:
            self._sort()
        bucket = self._index.get(lowers[i])
        out = []
        if not bucket:
            return out
        for n, low, orig, value in bucket:
            if n > len(lowers) - i or tuple(lowers[i:i + n]) != low:
                continue
            if self.case == "exact" and tuple(texts[i:i + n]) != orig:
                continue
            if self.case == "first" and texts[i][:1].isupper() != orig[0][:1].isupper():
                continue
            out.append((n, value))
        return out


# ---------------------------------------------------------------------------
# rule set


@dataclass
class RuleSet:
    """All rules and gazetteers, loaded and indexed."""

    entries: dict[str, list[RuleEntry]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self):
        self._build()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        e = self.entries
        self.org_heads = PhraseIndex(((x.phrase, x) for x in e.get("org_heads", [])), case="first")
        self.misc_heads = PhraseIndex(((x.phrase, x) for x in e.get("misc_heads", [])), case="first")
        self.entities = PhraseIndex(case="exact")
        for name in ORG_GAZETTEERS:
            for x in e.get(name, []):
                self.entities.add(x.phrase, "ORG")
        for x in e.get("entities", []):
            self.entities.add(x.phrase, x.label)
        self.entities._sort()
        self.person_titles = PhraseIndex(((x.phrase, x) for x in e.get("person_titles", [])), case="lower")
        self.place_prefixes = PhraseIndex(((x.phrase, x) for x in e.get("place_prefixes", [])), case="exact")
        self.name_breakers = PhraseIndex(((x.phrase, x) for x in e.get("name_breakers", [])), case="exact")
        self.directive_cues = PhraseIndex(((x.phrase, x) for x in e.get("directive_cues", [])), case="lower")
        self.directive_blockers = PhraseIndex(((x.phrase, x) for x in e.get("directive_blockers", [])), case="lower")
        self.directive_starts = PhraseIndex(((x.phrase, x) for x in e.get("directive_starts", [])), case="lower")
        # places: exact-case lookups (names are capitalised)
        self.places = PhraseIndex(case="exact")
        # lowest priority first: a later list overwrites an identical name ("Quảng Ninh" is a
        # ward too, but a province first)
        for name, kind in (("world", "COUNTRY"), ("wards", "WARD"), ("districts", "DIST"), ("countries", "COUNTRY"),
                           ("regions", "REGION"), ("provinces", "PROV")):
            for x in e.get(name, []):
                self.places.add(x.phrase, kind)
        self.surnames = {x.phrase for x in e.get("surnames", [])}
        self.foreign_names = {x.phrase for x in e.get("foreign_names", [])}
        self._token_flags: dict[str, str] = {}
        self._cand_cache: dict[str, tuple] = {}
        self._pfx_words = self.place_prefixes.first_words()
        self._gaz_firsts = set()
        for idx in (self.entities, self.places, self.org_heads, self.misc_heads, self.person_titles,
                    self.place_prefixes):
            self._gaz_firsts |= idx.first_words()

    @classmethod
    def load(cls, rules_dir: str | Path | None = None, gazetteers_dir: str | Path | None = None,
             extra_dir: str | Path | None = None) -> "RuleSet":
        """Load shipped rules (or ``rules_dir``) and gazetteers, then overlay ``extra_dir``."""
        rules_dir = Path(rules_dir) if rules_dir else _rules_dir()
        gazetteers_dir = Path(gazetteers_dir) if gazetteers_dir else _gaz_dir()
        entries: dict[str, list[RuleEntry]] = {}
        sources: list[str] = []
        for names, folder in ((RULE_FILES, rules_dir), (GAZETTEER_FILES, gazetteers_dir)):
            for name in names:
                p = folder / f"{name}.txt"
                if p.is_file():
                    got, _replace = parse_rule_file(p, name)
                    entries[name] = [x for x in got if not x.remove]
                    sources.append(str(p))
        if extra_dir:
            extra = Path(extra_dir)
            if extra.is_dir():
                for name in RULE_FILES + GAZETTEER_FILES:
                    p = extra / f"{name}.txt"
                    if not p.is_file():
                        continue
                    got, replace = parse_rule_file(p, name)
                    base = [] if replace else list(entries.get(name, []))
                    removed = {x.phrase for x in got if x.remove}
                    base = [x for x in base if x.phrase not in removed]
                    added = {x.phrase: x for x in got if not x.remove}
                    base = [x for x in base if x.phrase not in added] + list(added.values())
                    entries[name] = base
                    sources.append(str(p))
        return cls(entries, sources)

    # -- per token lookups (cached) ------------------------------------------
    def _firsts_union(self, *indexes) -> set:
        """The first words of several indices as one set (one lookup per token instead of
        several). First-word keys are never dropped from an index, so the cached union is
        current as long as the indices' key counts are unchanged."""
        cache = self.__dict__.setdefault("_unions", {})
        key = tuple(id(x) for x in indexes)
        sizes = tuple(len(x.firsts) for x in indexes)
        got = cache.get(key)
        if got is None or got[0] != sizes:
            union = set()
            for x in indexes:
                union.update(x.firsts)
            got = cache[key] = (sizes, union, indexes)  # (holding the indices keeps their ids unique)
        return got[1]

    def word_class(self, tok: str) -> str:
        """Cheap lexical class of a single token used by the featurizer."""
        cls_ = self._token_flags.get(tok)
        if cls_ is None:
            parts = []
            if tok in self.surnames:
                parts.append("SUR")
            if tok in self.foreign_names:
                parts.append("FOR")
            cls_ = "+".join(parts) or "-"
            if len(self._token_flags) < 500_000:
                self._token_flags[tok] = cls_
        return cls_

    def _candidates(self, tok: str) -> tuple:
        """Indices that may match at a token (cached per token string), in priority order."""
        low = tok.lower()
        out = []
        if low in self.entities.firsts and tok in self.entities._first_exact:
            out.append((self.entities, "E"))
        if tok in self.places._first_exact:
            out.append((self.places, None))
        if low in self.org_heads.firsts:
            out.append((self.org_heads, "ORGH"))
        if low in self.misc_heads.firsts:
            out.append((self.misc_heads, "MISCH"))
        if low in self.person_titles.firsts:
            out.append((self.person_titles, "TITLE"))
        if tok in self.place_prefixes._first_exact:
            out.append((self.place_prefixes, "PFX"))
        out = tuple(out)
        if len(self._cand_cache) < 300_000:
            self._cand_cache[tok] = out
        return out

    def gazetteer_tags(self, texts: list[str], lowers: list[str]) -> list[str]:
        """Per token: a tag like ``B-PROV``/``I-COUNTRY``/``B-ORGH``/``B-TITLE``/``B-PFX`` or ``O``.

        Longest match wins; scanned left to right (linear in the number of tokens).
        """
        n = len(texts)
        tags = ["O"] * n
        cand = self._cand_cache
        get = cand.get
        nxt = 0
        # only tokens that may start a match (or are not cached yet) need a look
        for i in [i for i, c in enumerate(map(get, texts)) if c != ()]:
            if i < nxt:
                continue
            tok = texts[i]
            todo = get(tok)
            if todo is None:
                todo = self._candidates(tok)
            if not todo:
                continue
            best = None
            for idx, kind in todo:
                if kind == "PFX" and best is not None:
                    continue
                m = idx.match(texts, lowers, i)
                if m and (best is None or m[0] > best[0]):
                    if kind == "E":
                        best = (m[0], "E" + m[1])  # known name: EORG, ELOC …
                    elif kind is None:
                        best = (m[0], m[1])  # place kind: PROV, DIST, WARD, REGION, COUNTRY
                    else:
                        best = (m[0], kind)
            if best is None:
                continue
            k, kind = best
            tags[i] = "B-" + kind
            for j in range(i + 1, i + k):
                tags[j] = "I-" + kind
            nxt = i + k
        return tags


def load_rules(rules_dir: str | Path | None = None, extra_dir: str | Path | None = None,
               gazetteers_dir: str | Path | None = None) -> RuleSet:
    """Shipped rules and gazetteers, optionally extended/overridden by ``extra_dir``."""
    return RuleSet.load(rules_dir=rules_dir, gazetteers_dir=gazetteers_dir, extra_dir=extra_dir)


# ---------------------------------------------------------------------------
# rule-based entity tagging

_CONNECT = {"và", "&", "-", "–"}
#: lower-case words that never bridge two capitalised parts of a MISC name
_MISC_STOP = frozenset("""của tại và với cho để do trong trên theo về nhằm từ đến các những được đã là có
này đó khi sẽ cũng vào ra bằng giữa gồm như sau trước qua nhân hướng tới cùng hay hoặc thì mà nên
được bị đang vừa thuộc""".split())
_ROMAN = set("IVXLC")


def _is_ordinal(t: str) -> bool:
    """A number or a Roman numeral ("10", "XIV")."""
    return t.isdigit() or (t.isupper() and set(t) <= _ROMAN)
_ADMIN_UNITS = {"tỉnh", "thành", "huyện", "quận", "xã", "phường", "thị"}
#: nouns whose first syllable is a verb that ends names ("dự" attend, "giao" assign): inside a
#: lower-case name they are the name's words ("Ban Quản lý dự án …", "Ban An toàn giao thông tỉnh …")
_NOUNS_OF_BREAKERS = frozenset({"dự án", "dự thảo", "dự toán", "giao thông", "giao dịch", "giao thương",
                                "đưa đón", "tiếp thị", "có thẩm quyền", "mở cửa", "gửi tiền", "trình độ",
                                "trình diễn"})
#: nouns whose second syllable is a verb that ends names ("trình" submit): "Chương trình", "công trình"
#: keep it even when a capital before it makes it look glued to a name
_COMPOUNDS_OF_BREAKERS = frozenset({"chương trình", "công trình", "quy trình", "lộ trình", "hành trình",
                                    "tiến trình", "giáo trình", "lịch trình", "phương trình", "đệ trình"})


def second_of_compound(lowers, k) -> bool:
    """The syllable at k ends a noun with the syllable before it ("Chương | trình"), so it is no verb."""
    return k > 0 and lowers[k - 1] + " " + lowers[k] in _COMPOUNDS_OF_BREAKERS
#: nouns after "các" that make a generic plural of bodies or places, never part of one body's name
_PLURAL_OF_BODIES = _ADMIN_UNITS | {"sở", "ban", "ngành", "bộ", "địa", "cơ", "đơn", "cấp", "đoàn", "hội", "tổ",
                                    "trường", "bệnh", "doanh", "nước", "thôn", "bản", "ấp"}
#: words a body's lower-case name tail never runs across (function words, plurals, "và" that
#: joins another body)
_TAIL_STOP = _MISC_STOP | {"các", "những", "mọi", "một", "hai", "ba", "vào", "lên", "xuống", "ngày", "tháng",
                           "tiếng", "người"}
#: middle names: a surname followed by one starts a person's name even when it is also an
#: organisation head ("Đoàn Văn Phước", not "Đoàn" + "Văn …")
_MIDDLE_NAMES = frozenset({"Văn", "Thị", "Hữu", "Đình", "Công", "Quốc", "Ngọc", "Minh", "Xuân", "Đức", "Trọng",
                           "Quang", "Duy", "Hồng", "Thế", "Bá", "Tiến", "Thu", "Thanh", "Kim"})
#: words that make a romanised name a company's ("Sun Group", "Lion Bridge Capital")
_COMPANY_WORDS = frozenset({"Group", "Corporation", "Corp", "Co", "Ltd", "Holdings", "Bank", "Electronics", "Capital",
                            "Motor", "Motors", "Airlines", "Air", "Energy", "Partners", "Inc", "Company", "Foundation"})
_COMPANY_WORDS = _COMPANY_WORDS | {"Bio", "Biotech", "Pharma", "Tech", "Technologies", "Technology", "Aerospace",
                                   "Racing", "Oil", "Chem", "Steel", "Solutions", "Systems", "Logistics", "Semiconductor",
                                   "Foods", "Telecom", "Networks", "Shipping", "Securities", "Industries", "Ventures"}
_COMPANY_WORDS = _COMPANY_WORDS | {"Pharmaceutical", "Pharmaceuticals", "Precision", "Metro", "Airways", "Engineering",
                                   "Construction", "Investment", "Insurance", "Chemical", "Chemicals", "Heavy",
                                   "Electric", "Power", "Petroleum", "Automotive", "Manufacturing", "Trading",
                                   "Properties", "Realty", "Media", "Entertainment", "Studios", "Software", "Labs",
                                   "Semiconductors", "Cosmetics", "Beverages", "Finance", "Express", "Railways",
                                   "Products", "Cinemas", "Cinema", "Vina", "Brands", "Retail", "Hotels", "Resorts"}
#: common nouns that name the kind of a named thing right after them, and the thing's label
_THING_NOUNS = {"vệ tinh": "MISC", "tên lửa": "MISC", "giống lúa": "MISC", "giống": "MISC", "tên quốc tế": "MISC",
                "ứng dụng": "MISC", "nền tảng": "MISC", "chỉ số": "MISC", "câu lạc bộ": "ORG", "đội bóng": "ORG",
                "mô-đun": "MISC", "tàu vũ trụ": "MISC", "trạm vũ trụ": "MISC", "kính viễn vọng": "MISC",
                "sàn": "ORG", "clb": "ORG"}
#: capitalised heads of landmarks, part of the place's name ("Quảng trường Nguyễn Tất Thành")
_LANDMARK_HEADS = frozenset({"quảng trường", "ngã ba", "ngã tư", "sân vận động", "nhà thi đấu", "công viên",
                             "quần thể danh thắng", "quần thể di tích", "khu du lịch", "cung văn hóa",
                             "khu di tích", "cung thể thao", "khu công nghệ cao", "khu kinh tế", "khu công nghiệp",
                             "khu thương mại tự do", "khu kinh tế cửa khẩu"})
#: the last words of those kinds (a cheap filter: a named thing can only follow one of them)
_KIND_LAST_WORDS = frozenset(k.split()[-1] for k in (*_THING_NOUNS, *_LANDMARK_HEADS))
#: heads of companies, whose brand after the trade may be shaped like a two-syllable person's name
_COMPANY_HEADS = frozenset({"công ty", "tổng công ty", "tập đoàn", "hợp tác xã"})
#: heads of trading companies and banks, whose trade name may hold a place and go on after it
_TRADE_HEADS = _COMPANY_HEADS | {"ngân hàng"}
#: lower-case nouns before a company's own name ("công ty KCC", "hãng Hanwha Aerospace")
_COMPANY_NOUNS = frozenset({"công ty", "tập đoàn", "hãng", "hãng tàu", "hãng xe", "nhà mạng", "tổng công ty",
                            "hãng hàng không", "hàng không", "nhà sản xuất", "quỹ đầu tư", "doanh nghiệp"})

_COMPANY_NOUN_ENDS = frozenset(x.split()[-1] for x in _COMPANY_NOUNS)


def _romanised(t: str) -> bool:
    """A romanised name or an acronym: ASCII letters, digits, hyphens, "&" ("Hanbit", "KCC", "Minh")."""
    return t.isascii() and any(c.isalpha() for c in t) and all(c.isalnum() or c in "-&" for c in t)


def _action_pair(texts, lowers, k) -> bool:
    """A capitalised action paired by a comma ("Phòng, chống thiên tai"), not a body's head ("Phòng")."""
    return k + 2 < len(texts) and texts[k + 1] == "," and (
        lowers[k + 2] in _PAIRED_NEXT or " ".join(lowers[k + 2:k + 4]) in _PAIRED_NEXT)


_VOWELS = set("aeiouy")
_VN_CODAS = ("c", "ch", "m", "n", "ng", "nh", "p", "t")


def _foreign_word(t: str) -> bool:
    """An acronym ("POSCO", "LG") or a romanised word that cannot be one Vietnamese syllable:
    two vowel groups ("Hanbit"), a letter Vietnamese lacks (f, j, w, z) or a foreign final consonant."""
    if not _romanised(t):
        return False
    letters = "".join(c for c in t if c.isalpha())
    if len(letters) >= 2 and letters.isupper():
        return True
    low = letters.lower()
    groups = sum(1 for k, c in enumerate(low) if c in _VOWELS and (k == 0 or low[k - 1] not in _VOWELS))
    if groups >= 2 or any(c in "fjwz" for c in low):
        return True
    tail = low.rstrip("aeiouy")
    coda = low[len(low.rstrip("bcdfghjklmnpqrstvwxz")):] if tail else ""
    return bool(coda) and coda not in _VN_CODAS


#: departments whose names go on in lower case without a place ("Cục Nghệ thuật biểu diễn")
_DEPARTMENT_HEADS = frozenset({"cục", "vụ", "tổng cục", "chi cục"})
#: bodies whose capitalised name goes on with the lower-case group or thing they serve ("Quỹ Hỗ trợ |
#: học sinh nghèo vượt khó", "Trung tâm Điều phối quốc gia", "Cơ quan Thanh tra, giám sát ngân hàng")
_NOUN_TAIL_HEADS = frozenset({"quỹ", "trung"})
#: the capitalised action of such a name, whose object follows in lower case
_OBJECT_VERBS = frozenset({"hỗ trợ", "bảo trợ", "vì", "bảo vệ", "chăm sóc", "khuyến khích", "phát triển",
                           "khuyến học", "cứu trợ", "tài trợ"})
#: heads whose name may go on with its remit after "về" ("Ban Chỉ đạo Trung ương về phòng, chống …",
#: "Trung tâm Điều phối quốc gia về ghép bộ phận cơ thể người")
_REMIT_HEADS = frozenset({"ban", "hội", "ủy", "uỷ", "trung", "quỹ", "cơ", "viện"})
#: the second word of a pair of actions joined by a comma inside a name ("phòng, chống", "khám, chữa
#: bệnh", "thanh tra, giám sát", "tìm kiếm, cứu nạn")
_PAIRED_NEXT = frozenset({"chống", "chữa", "chữa bệnh", "giám sát", "cứu nạn", "cứu hộ", "kiểm soát", "chăm sóc",
                          "bảo vệ", "xử lý", "kiểm tra"})
#: heads of programmes and schemes whose names go on in lower case ("Chương trình mục tiêu quốc gia …")
_RUN_HEADS = frozenset({"chương trình", "đề án", "chiến lược"})
#: people a programme serves, named after "cho" in its name ("… cho lao động nước ngoài", "… cho người nghèo")
_BENEFICIARIES = frozenset({"lao động", "người lao", "người nghèo", "người dân", "trẻ em", "học sinh", "sinh viên",
                            "phụ nữ", "đồng bào", "nông dân", "người cao", "người khuyết", "thanh niên", "doanh nghiệp"})
_RUN_STOP = (_MISC_STOP - {"và", "nhân"}) | {"khi", "nay", "này", "đó", "các", "những", "nhưng", "hay", "hoặc"}
#: action words that are also ordinary words of a body's name ("Ban Quản lý dự án đầu tư …")
_TAIL_NOUNS = frozenset({"đầu tư", "phát triển", "quản lý", "hỗ trợ", "phòng chống", "phòng", "thống kê", "xây dựng",
                         "kiểm soát", "bảo vệ", "giám sát", "thanh tra", "đổi mới", "chuyển đổi", "thúc đẩy"})


#: words that make a football club's name ("Hà Nội FC")
_CLUB_WORDS = frozenset({"FC", "F.C.", "CF", "United"})
#: club words that only ever end a club's name ("Bangkok United"; "United States" is no club)
_CLUB_TAILS = frozenset({"United"})
#: words of a match report, where a sponsor's brand before a city is a club ("SHB Đà Nẵng")
_MATCH_WORDS = frozenset({"hòa", "thắng", "thua", "trận", "đánh bại", "cầm hòa", "bàn", "v.league", "sân",
                          "câu lạc bộ", "clb", "tiền đạo", "tiền vệ", "hậu vệ", "trung vệ", "thủ môn", "thẻ",
                          "cầu thủ", "đội bóng", "huấn luyện viên", "mùa giải", "vòng đấu"})


def match_report(lowers) -> bool:
    """A sentence of a match report: a match word stands in it ("hòa", "trận", "tiền đạo" …)."""
    return any(w in _MATCH_WORDS for w in lowers) or any(
        " ".join(lowers[k:k + 2]) in _MATCH_WORDS for k in range(len(lowers) - 1))


#: match verbs between two teams
_MATCH_VERBS = frozenset({"hòa", "thắng", "thua"})
#: words that make a match verb of two syllables with the one above or on their own, between two teams
#: ("cầm hòa", "để thua", "đánh bại", "tiếp đón", "vượt qua", "gặp")
_MATCH_VERBS_2 = frozenset({"cầm hòa", "để thua", "đánh bại", "tiếp đón", "vượt qua", "tiếp đón", "gặp", "hạ",
                            "đè bẹp", "thắng đậm", "thua đậm"})
#: lower-case kind words of streets and bridges, whose name may be a person's or a date
_STREET_NOUNS = frozenset({"đường", "phố", "cầu", "đại lộ", "ngõ", "hẻm"})


_VN_LETTERS = frozenset("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


_TRADE_VERBS = frozenset(("mua", "bán", "gom", "xả", "chốt"))
_TRADE_ADVERBS = frozenset(("ròng", "mạnh", "thêm", "lời", "nhiều", "vào", "ra"))


#: words of a market report, where three capitals before a price move are a listed company's ticker
_MARKET_WORDS = frozenset(("cổ phiếu", "chứng khoán", "vn-index", "hnx-index", "upcom-index", "vn30", "khớp lệnh",
                           "thanh khoản", "vốn hóa", "khối ngoại", "tăng trần", "giảm sàn", "phiên", "mã", "bluechip",
                           "hose", "hnx", "upcom", "thị giá", "sắc xanh", "sắc đỏ", "giao dịch"))
#: a price move right after a ticker ("VIC tăng trần", "HPG giảm 2%", "MWG đứng giá")
_PRICE_MOVES = frozenset(("tăng", "giảm", "lên", "xuống", "mất", "nhích", "đứng giá", "đi ngang", "tăng trần",
                          "giảm sàn", "kịch trần", "kịch sàn", "hồi phục", "bứt phá", "lao dốc", "quay đầu", "đóng cửa",
                          "khớp lệnh", "dẫn dắt", "thoát sàn", "chạm trần", "chạm sàn", "điều chỉnh", "vượt", "kéo"))
#: a Roman numeral ("quý III tăng"), not a ticker ("VIC")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_MARKET_MOVES = frozenset(("tăng trần", "giảm sàn", "kịch trần", "kịch sàn", "đứng giá", "thoát sàn", "chạm trần",
                           "chạm sàn", "khớp lệnh"))
_MOVE_ADVERBS = frozenset(("cùng", "đồng", "loạt", "đều", "cũng", "vẫn", "tiếp", "tục", "bất", "ngờ"))
#: three-letter acronyms of economics and trade that are no tickers ("GDP tăng 7%", "USD giảm")
_NOT_TICKERS = frozenset(("GDP", "CPI", "FDI", "PMI", "ODA", "USD", "VND", "VNĐ", "EUR", "JPY", "CNY", "KRW", "THB",
                          "GBP", "AUD", "SGD", "ROE", "ROA", "EPS", "ETF", "IPO", "NPL", "CAR", "NIM", "PCI", "HDI",
                          "PAR", "KPI", "BOT", "BTO", "PPP", "FTA", "CEO", "CFO", "CTO", "GMT", "UTC", "ATM", "POS",
                          "OTP", "SMS", "API", "ESG", "ICT", "GRDP", "LNG", "LPG", "CNG", "RON", "PVC", "IUU", "CIT",
                          "VAT", "PIT", "USDT", "BTC", "ETH", "TPCP", "OMO"))


def _is_ticker(t: str) -> bool:
    """Three capital letters (or two and a digit), the shape of a stock ticker on the Vietnamese exchanges."""
    return len(t) == 3 and t.isascii() and t.isalnum() and t[0].isalpha() and t.upper() == t and not t.isdigit()


def _transliterated(t: str) -> bool:
    """A capitalised word of syllables joined by hyphens with a lower-case one after a hyphen, written
    with Vietnamese letters somewhere in the run ("Tha-ni", "Tô-ky-ô"): a foreign name spelt as Vietnamese."""
    if "-" not in t or not t[:1].isupper() or "--" in t:
        return False
    parts = t.split("-")
    return len(parts) >= 2 and all(p.isalpha() for p in parts) and any(p[:1].islower() for p in parts[1:])


def _coordinated(texts, lowers, k, length) -> bool:
    """A two-syllable verb right after "," or "và" inside a body's name is part of its remit, coordinated
    with the word before, not the verb of the sentence ("Cơ quan Thanh tra, giám sát ngân hàng")."""
    return length >= 2 and k >= 2 and lowers[k - 1] in (",", "và") and texts[k][:1].islower()


_PLACE_WORDS = frozenset(("tại", "ở", "đến", "tới", "sang", "từ", "về", "thăm", "rời", "đi", "qua", "thủ đô", "thành phố", "tỉnh", "thủ phủ",
                          "bang", "vùng", "khu vực", "quận", "huyện", "đảo", "sông", "đường", "cảng", "sân bay"))


def _hyphenated_person(texts, lowers, a, b, rules, titles_before) -> bool:
    """A Lao or Khmer person's name in the Vietnamese spelling (Nhân Dân style): a hyphenated given name and a
    hyphenated family name in a row ("Xổm-phết Vông-xa-lợi", "Cay-xỏn Phôm-vi-hản"), or a hyphenated run after
    a person's title ("đồng chí Thoòng-lun", "Chủ tịch Quốc hội Lào Xổm-phết …"); a place word before it
    keeps a place ("tỉnh U-đon Tha-ni", "tại Viêng-chăn")."""
    if a > 0 and (lowers[a - 1] in _PLACE_WORDS or " ".join(lowers[max(0, a - 2):a]) in _PLACE_WORDS):
        return False
    if rules.places.match(texts, lowers, a):
        return False
    if titles_before(a):
        return True
    return b - a >= 2 and "-" in texts[a] and "-" in texts[a + 1]


_SIZES = frozenset(("nhỏ", "vừa", "lớn"))


def _size_pair(lowers, k) -> bool:
    """"vừa" (medium) paired with another size by "và" ("doanh nghiệp nhỏ và vừa", "vừa và nhỏ") is an
    adjective in a name, not the tense marker "vừa" (just) that ends one."""
    return lowers[k] == "vừa" and (k >= 2 and lowers[k - 1] == "và" and lowers[k - 2] in _SIZES
                                   or k + 2 < len(lowers) and lowers[k + 1] == "và" and lowers[k + 2] in _SIZES)


def _is_name_start(t: str) -> bool:
    return t[:1].isupper()


def rule_entities(tokens: list[Token], rules: RuleSet, texts: list[str] | None = None,
                  lowers: list[str] | None = None) -> list[tuple[int, int, str, str]]:
    """Rule-based entities over one sentence's tokens.

    Returns ``(first_token, end_token_exclusive, label, rule_name)``; no overlaps.
    Rules, by priority:

    1. ``entities.txt`` known names (exact case);
    2. organisation head + capitalised continuation (``Sở`` + ``Y tế`` + ``Hà Nội``), also
       through ``và``/``-`` joints and a lower-case place prefix for ``place`` heads; lower-case
       words up to the place that closes the name ("Trung tâm Dự báo khí tượng thủy văn quốc
       gia", "Văn phòng Đăng ký đất đai tỉnh Hậu Giang"); a committee's remit after "về" ("Ban
       Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực");
    3. person title + capitalised run (1 to 4 syllables, optionally after an organisation or a
       bare unit word: "Chủ tịch Hội Nông dân tỉnh Lô Thị Xuân"); 3b. a known foreign family
       name + romanised syllables ("Tan Wei Ming", "Choi Seung-woo");
    2b. a MISC head + its name: capitalised words, "số <code>", "lần thứ <n>", "thứ <n>",
       "năm <year>", "(sửa đổi)", and lower-case words bridging to a capitalised part
       ("Hội thi Người đẹp Hoa Ban", "Đại hội đại biểu Đảng bộ tỉnh …"); a programme or
       scheme named in lower case mid-sentence ("Chương trình mục tiêu quốc gia giảm nghèo bền
       vững");
    4. a lower-case place prefix + capitalised run (``tỉnh Quảng Ninh``; a known place is read
       whole, a person-shaped run is no place) and capitalised gazetteer places (provinces,
       regions, countries).

    Organisation heads flagged ``named`` may be followed by a person's name ("Trường Đại học
    Phạm Văn Đồng"), ``abroad`` ones take "tại <place>"; a comma before another head ends a
    name ("Bộ Y tế, | Bộ Tài chính").

    ``texts``/``lowers``: the tokens' texts and their lower-case forms, if already at hand.
    """
    if texts is None:
        texts = [t.text for t in tokens]
    if lowers is None:
        lowers = [t.lower() for t in texts]
    n = len(tokens)
    out: list[tuple[int, int, str, str]] = []
    taken = [False] * n

    def free(a, b):
        return not any(taken[a:b])

    def take(a, b, label, why):
        out.append((a, b, label, why))
        for k in range(a, b):
            taken[k] = True

    def inside_word(k):
        """The word segmenter joined the syllable at k with the next one ("nhân lực", "nhân dân")."""
        return k + 1 < n and tokens[k + 1].word_pos == "I"

    def word_start(k):
        return tokens[k].word_pos == "B"

    def breaker(k):
        """A name breaker at k, unless it is the first syllable of a noun ("dự án", "giao thông")."""
        m = rules.name_breakers.match(texts, lowers, k)
        if m and (_coordinated(texts, lowers, k, m[0]) or second_of_compound(lowers, k)):
            return None
        if m and m[0] == 1 and k + 1 < n and tokens[k + 1].word_pos == "I" \
                and " ".join(lowers[k:k + 2]) in _NOUNS_OF_BREAKERS:
            return None
        return m

    def name_run(k, max_len=4):
        """Length of a capitalised run starting at k (person name shaped)."""
        j = k
        # a romanised Korean given name keeps its hyphen: "Kim Sang-sik", "Park Ji-hoon"
        while j < n and j - k < max_len and texts[j][:1].isupper() and (
                texts[j].isalpha() or (j > k and texts[j].replace("-", "").isalpha() and "--" not in texts[j])):
            j += 1
        return j - k

    def looks_like_person(k):
        r = name_run(k)
        if r >= 2 and texts[k] in rules.surnames:
            return True
        if r >= 1 and texts[k] in rules.foreign_names:
            return True
        return False

    def person_shaped(j):
        """Surname + middle name + name, and no known place: "Lô Thị Xuân", "Đoàn Văn Phước"."""
        return (j + 2 < n and texts[j] in rules.surnames and texts[j + 1] in _MIDDLE_NAMES
                and name_run(j) >= 3 and not rules.places.match(texts, lowers, j))

    def is_place(j):
        pl = rules.places.match(texts, lowers, j)
        return pl if pl and pl[1] in ("PROV", "REGION", "COUNTRY", "DIST") else None

    def person_ahead(j):
        """A person's name (surname-led capitalised run that is not a known place) at j."""
        return looks_like_person(j) and texts[j] in rules.surnames and not is_place(j)

    def org_extent(i, head_len, head_entry):
        j = i + head_len
        got_name = False
        after_place = False
        allow_place = "place" in head_entry.flags
        named = "named" in head_entry.flags
        while j < n:
            t = texts[j]
            if t[:1].isupper() and (t.isalnum() or "." in t):
                pl = is_place(j)
                km = rules.entities.match(texts, lowers, j) if lowers[j] in ent_f else None
                if km and km[1] == "ORG" and j == i + head_len and km[0] >= 2 and km[0] >= (pl[0] if pl else 0):
                    # "Báo | Sài Gòn Giải Phóng", "Báo | Tuổi Trẻ": a known name after the head is read whole
                    j += km[0]
                    got_name = True
                    continue
                if pl and (got_name or (allow_place and pl[1] in ("PROV", "DIST"))):
                    # a place is read whole: "Tỉnh ủy | Hà Giang", never "Tỉnh ủy Hà" + "Giang …"
                    j += pl[0]
                    after_place = True
                    got_name = True
                    continue
                if after_place and not rules.org_heads.match(texts, lowers, j) and not (
                        " ".join(lowers[i:i + head_len]) in _TRADE_HEADS and not pl and not person_ahead(j)
                        and not titles_at(j) and texts[j].isalpha()):
                    # "UBND tỉnh Long An | Võ Thành Đạt": the place ends a public body's name; a trade name
                    # goes on after one ("Ngân hàng TMCP Sài Gòn Thương Tín", "Công ty Mekong Gold")
                    break
                if rules.misc_heads.match(texts, lowers, j):
                    break  # "Ban Tổ chức | Liên hoan …": an event name is not part of the body
                if got_name and j > i + head_len and lowers[j - 1] in _CONNECT and not _action_pair(texts, lowers, j) and (
                        rules.org_heads.match(texts, lowers, j) or rules.entities.match(texts, lowers, j)):
                    j -= 1
                    break
                # stop at a person name that follows the organisation or its head (unless the
                # body is named after a person: "Trường Đại học Phạm Văn Đồng")
                if person_ahead(j) and not pl:
                    if named and not got_name:
                        j += name_run(j)
                        got_name = True
                        continue
                    r = name_run(j)
                    if got_name and " ".join(lowers[i:i + head_len]) in _COMPANY_HEADS and texts[j + 1] not in _MIDDLE_NAMES \
                            and (r == 2 or (r == 3 and not titles_before(i))
                                 or (r >= 4 and person_shaped(j + 2))):
                        # "Công ty Cổ phần Đầu tư Xây dựng | Hoàng Huy": the brand, not a person; three words too when
                        # no title before the company introduces a person after it ("Công ty … Nông Lâm Xanh"); two
                        # words before a person's full name ("Công ty … Hoàng Phát | Mạc Văn Tuyển")
                        j += r if r <= 3 else 2
                    break
                if titles_at(j):
                    break
                got_name = True
                inner = rules.org_heads.match(texts, lowers, j)
                if inner and inner[0] > 1:
                    j += inner[0]  # "Ban Dân vận | Tỉnh ủy" however the words were segmented
                    continue
                j += 1
                # lower-case syllables continuing the same word: "Y tế", "Giáo dục" (not a verb the
                # segmenter glued to a foreign name: "Tập đoàn NEC | chế tạo")
                while j < n and tokens[j].word_pos == "I" and texts[j][:1].islower() and texts[j].isalpha() \
                        and lowers[j] not in ("và",) \
                        and not (texts[j - 1].isascii() and lowers[j] in brk_f
                                 and breaker(j)):
                    j += 1
                continue
            if texts[j].isdigit() and j == i + head_len and not got_name and j + 1 < n \
                    and (texts[j + 1][:1].islower() or texts[j + 1] in (",", ".", ")")) and lowers[j + 1] != "năm":
                j += 1  # "Ban Chỉ đạo 389 | quốc gia", "Quân đoàn 12": a body known by its number
                got_name = True
                if lowers[j:j + 2] in (["quốc", "gia"], ["quốc", "tế"]):
                    j += 2
                continue
            if lowers[j] == "số" and got_name and j + 1 < n and texts[j + 1].isdigit():
                j += 2  # "Trung tâm Dữ liệu quốc gia | số 1", "Trường THPT | số 2 Bảo Thắng"
                continue
            if lowers[j] in ("các", "những") and j == i + head_len and j + 1 < n and texts[j + 1][:1].isupper() \
                    and rules.org_heads.match(texts, lowers, j + 1):
                j += 1  # "Liên hiệp | các Tổ chức Hữu nghị Việt Nam": a plural before a capital is the name's
                continue
            if t == "của" and got_name and lowers[i] in ("ủy", "uỷ") and j + 2 < n + 1 \
                    and texts[j + 1:j + 3] == ["Quốc", "hội"]:
                j += 3  # "Ủy ban Pháp luật và Tư pháp | của Quốc hội": the Assembly's committees
                break
            if t == "," and got_name and j + 1 < n and texts[j + 1][:1].islower() \
                    and (lowers[j + 1] in _PAIRED_NEXT or " ".join(lowers[j + 1:j + 3]) in _PAIRED_NEXT):
                # "Cơ quan Thanh tra, giám sát ngân hàng", "Cục Quản lý Khám, chữa bệnh": the second
                # of a pair of actions, and the lower-case object they share
                tail = department_tail(j + 1)
                if tail:
                    j = tail
                break
            if lowers[j] == "và" and _foreign_word(texts[j - 1]) and j + 1 < n and _foreign_word(texts[j + 1]):
                break  # "Công ty SGC | và Hanbit Bio": two companies' own names
            if lowers[j] in _CONNECT and got_name and j + 1 < n and texts[j + 1][:1].isupper() \
                    and not looks_like_person(j + 1) and not (len(texts[j + 1]) > 1 and texts[j + 1].isupper()):
                j += 1
                continue
            if t == "," and got_name and j + 2 < n and texts[j + 1][:1].isupper():
                # "Bộ Văn hóa, Thể thao và Du lịch": comma list closed by "và"; but a comma
                # before another body ("Bộ Y tế, Bộ Tài chính") ends the name
                if rules.org_heads.match(texts, lowers, j + 1) or rules.entities.match(texts, lowers, j + 1):
                    break
                k = j + 1
                while k < n and k < j + 8 and lowers[k] != "và" and texts[k] not in ",.;:":
                    k += 1
                if k < n and lowers[k] == "và" and k + 1 < n and texts[k + 1][:1].isupper():
                    j += 1
                    continue
                break
            if t == "tại" and got_name and "abroad" not in head_entry.flags and lowers[i] == "văn" and j + 2 < n \
                    and "Việt" in texts[i:j]:
                pl = rules.places.match(texts, lowers, j + 1)
                if pl and pl[1] == "COUNTRY":
                    # "Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc": Vietnam's office abroad
                    j = j + 1 + pl[0]
                    break
            if t == "tại" and (got_name or "alone" in head_entry.flags) and "abroad" in head_entry.flags and j + 1 < n:
                # "Đại sứ quán Nhật Bản tại Việt Nam": the host place is part of the name
                k = j + 1
                pk = rules.place_prefixes.match(texts, lowers, k)
                if pk and texts[k][:1].islower():
                    k += pk[0]
                pl = rules.places.match(texts, lowers, k) if k < n else None
                if pl and pl[1] in ("PROV", "COUNTRY", "REGION", "DIST"):
                    j = k + pl[0]
                    break
                if k < n and texts[k] in ("TP.HCM", "TPHCM"):
                    j = k + 1
                    break
                break
            pm = rules.place_prefixes.match(texts, lowers, j)
            if pm and (allow_place or got_name) and texts[j][:1].islower():
                k = j + pm[0]
                if k < n and texts[k][:1].isupper() and not person_ahead(k) and not titles_at(k):
                    j = k
                    got_name = True
                    continue
                if lowers[j] in _ADMIN_UNITS and (allow_place or person_shaped(k)):
                    # "UBND tỉnh" with no name, "Hội Nông dân tỉnh | Lô Thị Xuân": the unit word
                    # still belongs to the body
                    j = k
                    got_name = True
                break
            if t == "về" and got_name and lowers[i] in _REMIT_HEADS:
                # "Ban Chỉ đạo Trung ương | về phòng, chống tham nhũng, tiêu cực": the remit is named
                tail = remit_tail(j)
                if tail:
                    j = tail
                break
            if t[:1].islower() and (got_name or (head_len > 1 and texts[i + 1][:1].isupper())):
                # "Văn phòng Đăng ký | đất đai tỉnh Hậu Giang", "Ban Chỉ đạo | thi tốt nghiệp … tỉnh
                # Nghệ An": lower-case words up to the place that closes the name
                tail = lower_tail(j)
                if tail is None and got_name and lowers[j:j + 2] in (["quốc", "gia"], ["quốc", "tế"]) \
                        and j + 2 < n and texts[j + 2] == "về" and lowers[i] in _REMIT_HEADS:
                    tail = j + 2  # "Trung tâm Điều phối quốc gia | về …"
                if tail is None and got_name and " ".join(lowers[i:i + head_len]) in _DEPARTMENT_HEADS:
                    tail = department_tail(j)
                if tail is None and lowers[i] in _REMIT_HEADS and lowers[j:j + 3] == ["phòng", ",", "chống"]:
                    tail = department_tail(j + 3)  # "Ban Chỉ đạo | phòng, chống tham nhũng": the remit names it
                if tail is None and got_name and lowers[i] in _NOUN_TAIL_HEADS and (
                        " ".join(lowers[j - 2:j]) in _OBJECT_VERBS or lowers[j - 1] in _OBJECT_VERBS):
                    tail = department_tail(j, 7)
                    pl = rules.places.match(texts, lowers, tail) if tail and tail < n else None
                    if pl:
                        tail += pl[0]  # "… người lao động nước ngoài | Fukuoka": the place closes it
                if tail:
                    j, got_name = tail, True
                    if j + 1 < n and lowers[j] == "số" and texts[j + 1].isdigit():
                        j += 2  # "Trung tâm Dữ liệu quốc gia | số 1"
                    if j + 1 < n and texts[j] == "về" and lowers[i] in _REMIT_HEADS:
                        j = remit_tail(j) or j  # "Trung tâm Điều phối quốc gia | về ghép bộ phận …"
            break
        # trim trailing connectors
        while j > i + head_len and lowers[j - 1] in _CONNECT | {","}:
            j -= 1
        return j, got_name

    def remit_tail(j):
        """End of a committee's remit after "về": lower-case words and commas up to the end of the
        clause (a full stop, a semicolon, a bracket, a place that closes it), or up to the last comma
        before a new clause; None when a verb comes first."""
        k = j + 1
        last_comma = None
        while k < n and k - j < 20:
            t, lw = texts[k], lowers[k]
            if t == ",":
                last_comma = k
                k += 1
                continue
            if not (t[:1].islower() and t.isalpha()):
                break
            if lw in brk_f and breaker(k):
                # "… về phòng, chống thiên tai | tổ chức hội nghị": a verb that ends names
                return k if k > j + 1 and texts[k - 1] != "," else None
            if lw in start_f and lw not in _TAIL_NOUNS and " ".join(lowers[k:k + 2]) not in _NOUNS_OF_BREAKERS:
                sm = rules.directive_starts.match(texts, lowers, k)
                if sm and " ".join(lowers[k:k + sm[0]]) not in _TAIL_NOUNS and k > j + 1:
                    return None
            pm = rules.place_prefixes.match(texts, lowers, k)
            if pm and k + pm[0] < n and texts[k + pm[0]][:1].isupper():
                pl = rules.places.match(texts, lowers, k + pm[0])
                return k + pm[0] + (pl[0] if pl else 1) if pl else None
            if lw in _TAIL_STOP and lw not in ("về",) and not (
                    lw == "người" and (k + 1 >= n or not texts[k + 1][:1].isupper())):
                return None  # ("cơ thể người" is a remit's noun; "người Việt" a nationality)
            k += 1
        if k <= j + 1:
            return None
        if k >= n or texts[k] in (".", ";", ":", "(", ")", "!", "?"):
            return k
        if texts[k][:1].isdigit() and last_comma is not None and last_comma > j + 1:
            return last_comma  # "… về phòng, chống tham nhũng, lãng phí, tiêu cực | , năm 2025 tỉnh …"
        if texts[k][:1].isupper() and last_comma is not None and last_comma > j + 1:
            return last_comma
        return None

    def department_tail(j, longest=5):
        """A department's name in lower case ("Cục Quản lý | lao động ngoài nước", "Vụ Chính sách |
        tiền tệ"): at most five words, ending where a verb, a function word, punctuation or a
        capital word begins; None when no such end comes."""
        k = j
        while k < n and k - j <= longest:
            t, lw = texts[k], lowers[k]
            if lw == "trong" and k > j and k + 1 < n and lowers[k + 1] == "nước":
                k += 2  # "Cục Quản lý và Phát triển thị trường | trong nước": domestic, an adjective of the name
                continue
            if not (t[:1].islower() and t.isalpha()) or (lw in _TAIL_STOP and not (
                    lw == "người" and k > j - 1 and k + 1 < n and texts[k + 1][:1].islower())):
                break  # ("người lao động" is the group a body serves; "người Việt" a nationality)
            if lw in brk_f and breaker(k):
                break
            if lw in start_f and rules.directive_starts.match(texts, lowers, k) and k > j \
                    and " ".join(lowers[k:k + 2]) not in _NOUNS_OF_BREAKERS:
                break
            k += 1
        if k == j or k - j > longest:
            return None
        return k

    def lower_tail(j):
        """End of a body's name that runs on in lower case to the place closing it: "Trung tâm
        Dự báo | khí tượng thủy văn quốc gia", "Quỹ Bảo trợ | trẻ em Việt Nam", "Ban Chỉ đạo
        thi | tốt nghiệp trung học phổ thông tỉnh Nghệ An"; None when a verb, a function word or
        a plural comes first, or no place closes it within ten words."""
        k = j
        joined = -1  # the word right after a lower-case "và": a second action of the remit, no new clause
        while k < n and k - j < 14:
            t, lw = texts[k], lowers[k]
            if t == "," and k > j and k + 1 < n and texts[k + 1][:1].islower() and texts[k + 1].isalpha():
                k += 1  # "phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh Cà Mau"
                continue
            if lw == "và" and k > j and k + 1 < n and texts[k + 1][:1].islower() and texts[k + 1].isalpha() \
                    and lowers[k + 1] not in _TAIL_STOP and not rules.place_prefixes.match(texts, lowers, k + 1):
                k += 1  # "phòng, chống thiên tai | và tìm kiếm cứu nạn tỉnh Nghệ An" (a place must close it)
                joined = k
                continue
            if lw == "các" and k > j and k + 1 < n and texts[k + 1][:1].islower() \
                    and lowers[k + 1] not in _PLURAL_OF_BODIES:
                k += 1  # "Ban Quản lý dự án đầu tư xây dựng | các công trình giao thông tỉnh Lâm Đồng"
                continue
            if not (t[:1].islower() and t.isalpha()) or (lw in _TAIL_STOP and not inside_word(k)):
                break  # a stop word, but not the first syllable of a longer word ("nhân | lực")
            if lw in brk_f and breaker(k) and not _size_pair(lowers, k) \
                    and " ".join(lowers[k:k + 2]) not in _TAIL_NOUNS:
                return None  # (but "Trung tâm Điều hành | giám sát giao thông …": an action noun of the name)
            if lw in start_f and lw not in _TAIL_NOUNS and k != joined \
                    and " ".join(lowers[k:k + 2]) not in _NOUNS_OF_BREAKERS:
                sm = rules.directive_starts.match(texts, lowers, k)
                if sm and " ".join(lowers[k:k + sm[0]]) not in _TAIL_NOUNS:
                    return None
            if lw == "quốc" and k + 3 < n and lowers[k + 1] in ("gia", "tế") and lowers[k + 2] == "số" \
                    and texts[k + 3].isdigit():
                return k + 4  # "Trung tâm Dữ liệu | quốc gia số 1"
            if k > j and lw == "quốc" and k + 1 < n and lowers[k + 1] in ("gia", "tế") and (
                    k + 2 >= n or not texts[k + 2][:1].islower()
                    or (lowers[k + 2] in brk_f and breaker(k + 2))):
                return k + 2
            pm = rules.place_prefixes.match(texts, lowers, k)
            if pm and k > j:
                e = k + pm[0]
                r = 0
                while e + r < n and r < 4 and texts[e + r][:1].isupper() and texts[e + r].isalpha():
                    r += 1
                if r and not person_ahead(e) and not titles_at(e):
                    pl = rules.places.match(texts, lowers, e)
                    return e + (pl[0] if pl else r)  # "tỉnh Kon Tum | A Lôi"
                return None
            k += 1
        if j < k < n and texts[k][:1].isupper():
            pl = is_place(k)
            if pl and pl[1] in ("COUNTRY", "PROV") and (pl[0] > 1 or texts[k] not in ("Anh", "Đức", "Nhật", "Mỹ")):
                return k + pl[0]
            if lowers[k] == "trung" and k + 1 < n and lowers[k + 1] == "ương" and texts[k + 1].islower():
                return k + 2
        return None

    def lower_run(i, j):
        """End of a programme or scheme named in lower case after its capitalised head, mid-sentence:
        "Chương trình | mục tiêu quốc gia giảm nghèo bền vững", "Đề án | phát triển … và phát thải
        thấp"; it stops at punctuation, a function word, a verb that ends names, "năm 2025"."""
        k = j
        while k < n and k - j < 24:
            t, lw = texts[k], lowers[k]
            if t in ("-", "–") and k > j and k + 1 < n and texts[k + 1][:1].islower():
                k += 1  # "kinh tế - xã hội"
                continue
            if t.isdigit():
                if k + 1 < n and texts[k + 1][:1].islower() and lowers[k + 1] != "năm":
                    k += 1  # "ít nhất 1 triệu căn hộ"
                    continue
                if len(t) == 4 and lowers[k - 1] != "năm":
                    k += 1  # "Chương trình giáo dục phổ thông 2018"
                break
            if lw == "cho" and k > j and " ".join(lowers[k + 1:k + 3]) in _BENEFICIARIES:
                k += 1  # "Chương trình cấp phép việc làm | cho lao động nước ngoài": whom it serves
                continue
            if not t[:1].isalpha() or lw in _RUN_STOP:
                break
            if lw == "năm" and k + 1 < n and texts[k + 1].isdigit():
                break
            if lw == "giai" and k + 2 < n and lowers[k + 1] == "đoạn" and texts[k + 2][:1].isdigit():
                k += 3  # "… giai đoạn 2025-2030" closes the name
                while k + 1 < n and texts[k] in ("-", "–") and texts[k + 1].isdigit():
                    k += 2
                break
            if lw in brk_f:
                bm = breaker(k)
                if bm and (not bm[1].flags or "MISC" in bm[1].flags):
                    break
            if lw == "và" and k + 1 < n and (not texts[k + 1][:1].islower()
                                             or rules.misc_heads.match(texts, lowers, k + 1)):
                break
            if t[:1].isupper() and (rules.misc_heads.match(texts, lowers, k) or rules.org_heads.match(texts, lowers, k)):
                break
            k += 1
        while k > j and lowers[k - 1] in _CONNECT:
            k -= 1
        return k if k - j >= 2 else None

    def misc_breaker(k):
        """A name breaker that cuts MISC names ("khóa" cuts an ORG only: "Kỳ họp thứ 10 HĐND tỉnh khóa X")."""
        bm = breaker(k) if lowers[k] in brk_f else None
        return bool(bm) and (not bm[1].flags or "MISC" in bm[1].flags)

    def misc_extent(i, head_len):
        j = i + head_len
        got = False
        if j < n and texts[j][:1].islower() and texts[j].isalpha() and " ".join(lowers[i:j]) in _RUN_HEADS \
                and i > 0 and texts[i - 1][:1].isalpha():
            end = lower_run(i, j)
            if end:
                return end
        while j < n:
            t = texts[j]
            lw = lowers[j]
            if t[:1].isupper() or t[:1].isdigit():
                got = True
                j += 1
                while j < n and tokens[j].word_pos == "I" and t[:1].isupper() and texts[j][:1].islower() \
                        and texts[j].isalpha():
                    j += 1
                continue
            if lw == "số" and j + 1 < n and texts[j + 1][:1].isdigit():
                # "Nghị quyết số 57-NQ/TW": the number and its code
                j += 2
                def glued(x):  # "1719/QĐ-TTg": a code's parts touch ("TTg", "NĐ-CP", "BNN-KH")
                    return (tokens[x].start == tokens[x - 1].end and texts[x][:1].isupper()
                            and texts[x].replace("-", "").isalnum())

                while j < n and (texts[j] in "-/." or texts[j][:1].isdigit() or texts[j].isupper() or glued(j)) \
                        and not tokens[j].text.isspace():
                    if texts[j] in "-/." and not (j + 1 < n and (texts[j + 1][:1].isdigit() or texts[j + 1].isupper()
                                                                 or glued(j + 1))):
                        break
                    j += 1
                got = True
                break  # the code closes the name ("Nghị quyết số 18-NQ/TW | tỉnh Bắc Kạn" is about a place)
            if got and lw in ("-", "–", "và") and j + 1 < n and texts[j + 1][:1].isupper() \
                    and not rules.misc_heads.match(texts, lowers, j + 1):
                j += 1
                continue
            if lw == "lần" and j + 2 < n and lowers[j + 1] == "thứ" and _is_ordinal(texts[j + 2]):
                j += 3
                got = True
                if j + 1 < n and lowers[j] == "của" and texts[j + 1] == "Đảng":
                    j += 2  # "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
                continue
            if lw == "thứ" and j + 1 < n and _is_ordinal(texts[j + 1]) and j == i + head_len:
                # "Kỳ họp thứ 10", "Hội nghị thứ 5"
                j += 2
                got = True
                continue
            if got and t == "(" and j + 3 < n and lowers[j + 1] == "sửa" and lowers[j + 2] == "đổi":
                # "Luật Phòng, chống thiên tai (sửa đổi)"
                k = j + 3
                while k < n and k < j + 8 and texts[k] != ")":
                    k += 1
                if k < n and texts[k] == ")":
                    j = k + 1
                    continue
                break
            if got and t == "," and j + 4 < n and texts[j + 1] == "Quốc" and lowers[j + 2] == "hội" \
                    and lowers[j + 3] in ("khóa", "khoá") and _is_ordinal(texts[j + 4]):
                j += 5  # "Kỳ họp thứ 9, Quốc hội khóa XV": the session names its legislature
                continue
            if got and lw == "tại" and j + 1 < n and texts[j + 1][:1].isupper() and " ".join(lowers[i:i + head_len]) \
                    in ("tuần văn hóa", "tuần lễ", "ngày hội", "những ngày") and rules.places.match(texts, lowers, j + 1) \
                    and any(rules.places.match(texts, lowers, x) for x in range(i + head_len, j)):
                # "Tuần Văn hóa Hàn Quốc | tại Việt Nam 2026": one country's culture days held in another
                j += 1 + rules.places.match(texts, lowers, j + 1)[0]
                if j < n and texts[j].isdigit() and len(texts[j]) == 4:
                    j += 1
                continue
            if got and lw == "năm" and j + 1 < n and texts[j + 1].isdigit() and len(texts[j + 1]) == 4:
                j += 2
                continue
            if got and t == "," and " ".join(lowers[i:i + head_len]) in ("luật", "bộ luật", "pháp lệnh") \
                    and j + 1 < n and texts[j + 1][:1].islower():
                # "Luật Khoa học, | công nghệ và đổi mới sáng tạo": a law named by a list of fields, in
                # lower case after the first, closed by "và" and its last field
                k, seen_and = j + 1, False
                while k < n and k - j < 12 and (texts[k] == "," or (texts[k][:1].islower() and texts[k].isalpha()
                                                                     and lowers[k] not in _MISC_STOP - {"và"})):
                    if lowers[k] in brk_f and breaker(k):
                        break
                    seen_and = seen_and or lowers[k] == "và"
                    k += 1
                if seen_and and lowers[k - 1] != "và" and (k >= n or not texts[k][:1].isalpha()
                                                          or (lowers[k] in brk_f and breaker(k))
                                                          or lowers[k] in _MISC_STOP):
                    j = k
                break
            pm = rules.place_prefixes.match(texts, lowers, j)
            if got and pm and texts[j][:1].islower() and j + pm[0] < n and texts[j + pm[0]][:1].isupper():
                j += pm[0]
                continue
            if t[:1].islower() and t.isalpha() and lw not in _MISC_STOP:
                # lower-case words that bridge to a capitalised part of the name: "Hội thi Người
                # đẹp Hoa Ban", "Đại hội đại biểu Đảng bộ tỉnh …", "Kỳ thi tốt nghiệp THPT …"
                k = j
                while k < n and k < j + 4 and texts[k][:1].islower() and texts[k].isalpha() \
                        and lowers[k] not in _MISC_STOP and not rules.place_prefixes.match(texts, lowers, k) \
                        and not misc_breaker(k) and not (lowers[k] == "lần" and k + 1 < n and lowers[k + 1] == "thứ"):
                    k += 1
                # up to three words to a capital, four to "lần thứ" ("đại biểu toàn quốc lần thứ XIV")
                if k < n and k > j and (
                        (k - j <= 3 and texts[k][:1].isupper() and (texts[k].isalnum() or "." in texts[k])
                         and not rules.misc_heads.match(texts, lowers, k)
                         and not rules.person_titles.match(texts, lowers, k) and not looks_like_person(k))
                        or (lowers[k] == "lần" and k + 2 < n and lowers[k + 1] == "thứ")
                        or (k - j <= 3 and rules.place_prefixes.match(texts, lowers, k) and texts[k][:1].islower()
                            and got)):
                    j = k
                    continue
            break
        while j > i + head_len and lowers[j - 1] in _CONNECT:
            j -= 1
        return j if got else i + head_len

    def titles_at(k):
        """A capitalised multi-word title followed by a person's name ("… Giám đốc Trần …")."""
        m = rules.person_titles.match(texts, lowers, k)
        return (m is not None and texts[k][:1].isupper() and m[0] >= 2 and k + m[0] < n
                and looks_like_person(k + m[0]))

    def titles_before(a):
        """A person's title before a, maybe with its body in capitals between ("Chủ tịch Quốc hội Lào …")."""
        for j in range(a - 1, max(-1, a - 7), -1):
            m = rules.person_titles.match(texts, lowers, j)
            if m and j + m[0] <= a:
                return True
            if not texts[j][:1].isupper():
                return False
        return False

    def place_word_before(i):
        """A lower-case place prefix ends right before i ("phường", "thị trấn")."""
        for size in (1, 2, 3):
            if i >= size and texts[i - size][:1].islower():
                pm = rules.place_prefixes.match(texts, lowers, i - size)
                if pm and pm[0] == size:
                    return True
        return False

    ent_f = rules.entities.firsts
    brk_f = rules.name_breakers.firsts
    start_f = rules.directive_starts.firsts
    head_f = rules.org_heads.firsts
    title_f = rules.person_titles.firsts
    pfx_f = rules.place_prefixes.firsts
    place_f = rules.places.firsts
    pfx_words = rules._pfx_words
    # each pass below scans left to right, visiting only the tokens that may start a match
    nxt = 0
    firsts = rules._firsts_union(rules.entities, rules.org_heads)
    for i in [k for k, w in enumerate(lowers) if w in firsts]:
        if i < nxt:
            continue
        low_i = lowers[i]
        # 1. known names
        m = rules.entities.match(texts, lowers, i) if low_i in ent_f else None
        if m and m[1] == "ORG" and place_word_before(i):
            pl = rules.places.match(texts, lowers, i)
            if pl and pl[0] == m[0]:
                m = None  # "phường Bạch Mai", "xã Tiền Phong": a body's name that is also a place's, after a place word
        hm = rules.org_heads.match(texts, lowers, i) if texts[i][:1].isupper() and low_i in head_f else None
        if hm and hm[0] == 1 and person_shaped(i):
            hm = None  # "Đoàn Minh Khải", "Lương Văn Nhật": a surname that is also a head, then a person's name
        if hm:
            end, got = org_extent(i, hm[0], hm[1])
            if got or "alone" in hm[1].flags:
                if m and m[0] >= end - i:
                    take(i, i + m[0], m[1], "known")
                    nxt = i + m[0]
                    continue
                # a title such as "Bộ trưởng" is not an org: "Bộ" + "trưởng" is lower-case anyway
                take(i, end, "ORG", "org-head")
                nxt = end
                continue
        if m:
            take(i, i + m[0], m[1], "known")
            nxt = i + m[0]

    # 2b. named events, laws, programmes: MISC head + capitalised continuation / number / code
    misc_f = rules.misc_heads.firsts
    nxt = 0
    for i in [k for k, w in enumerate(lowers) if w in misc_f]:
        if i < nxt or not texts[i][:1].isupper():
            continue
        m = rules.misc_heads.match(texts, lowers, i)
        if not m:
            continue
        if i >= 2 and lowers[i - 2] == "đối" and lowers[i - 1] == "tác":
            continue  # "quan hệ Đối tác Chiến lược Toàn diện": a relationship, not a named strategy
        end = misc_extent(i, m[0])
        if end > i + m[0]:
            # replaces rule spans inside it (a place or an organisation inside an event name)
            inner = [x for x in out if x[0] >= i and x[1] <= end]
            if all(x[0] >= i and x[1] <= end for x in out if x[0] < end and i < x[1]):
                for x in inner:
                    out.remove(x)
                for k in range(i, end):
                    taken[k] = False
                take(i, end, "MISC", "misc-head")
                nxt = end

    # 3. person after a title (possibly after an ORG that follows the title)
    nxt = 0
    for i in [k for k, w in enumerate(lowers) if w in title_f]:
        if i < nxt:
            continue
        m = rules.person_titles.match(texts, lowers, i)
        if not m:
            continue
        if texts[i][:1].isupper() and any(
                (pl := rules.places.match(texts, lowers, x)) and x + pl[0] > i and pl[0] >= 2
                for x in range(max(0, i - 2), i + 1) if texts[x][:1].isupper()):
            continue  # "quận Hai Bà Trưng", "Bà Rịa": a capitalised title word inside a known place's name
        j = i + m[0]
        # skip an organisation that sits between the title and the name
        for a, b, lab, _w in out:
            if a == j and lab in ("ORG", "LOC"):
                j = b
                break
        bare = rules.org_heads.match(texts, lowers, j) if j < n and texts[j][:1].isupper() else None
        if bare and "alone" not in bare[1].flags and person_shaped(j + bare[0]):
            j += bare[0]  # "Phó Giám đốc Sở | Đoàn Minh Khải": a bare head, then the person
        pm = rules.place_prefixes.match(texts, lowers, j) if j < n and texts[j][:1].islower() else None
        if pm and person_shaped(j + pm[0]):
            j += pm[0]  # "Chủ tịch Hội Nông dân tỉnh | Lô Thị Xuân": the unit word has no name
        r = name_run(j) if j < n else 0
        if r and j + r < n and tokens[j + r].word_pos == "I" and texts[j + r][:1].islower():
            r = 0  # "Trưởng Ban Chỉ đạo": "Chỉ" continues a lower-case word
        if r and (rules.org_heads.match(texts, lowers, j) or is_place(j)):
            pl = is_place(j)
            if not pl and r >= 2 and texts[j] in rules.surnames and texts[j + 1] in _MIDDLE_NAMES:
                pl = (r, "PER")  # "Chủ tịch UBND tỉnh Đoàn Văn Phước": a surname that is also a head
            # "Chủ tịch Hồ Chí Minh": a surname-led three-syllable place name after a title is
            # the person (the city is written "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh")
            if pl and pl[1] == "PER":
                pass
            elif not (pl and pl[0] >= 3 and pl[0] == r and texts[j] in rules.surnames
                      and not rules.org_heads.match(texts, lowers, j)):
                r = 0
        if r and texts[j + r - 1] in _COMPANY_WORDS:
            r = 0  # "Tổng Giám đốc | Hanbit Bio": the company the official heads, not a name
        if r and free(j, j + r) and texts[j] not in pfx_words:
            # a single capitalised syllable after "ông"/"bà" is fine ("ông Tùng")
            take(j, j + r, "PER", "title")
            nxt = j + r
            continue
        nxt = j

    # 3b. foreign names by their shape: a known foreign family name and one or two more romanised
    # syllables ("Tan Wei Ming", "Choi Seung-woo", "Kobayashi Daiki"), not a place, not a company
    for i in [k for k, t in enumerate(texts) if t in rules.foreign_names]:
        if taken[i]:
            continue
        r = name_run(i, 3)
        pl = rules.places.match(texts, lowers, i)
        if r < 2 or not free(i, i + r) or (pl and pl[0] >= r):
            continue
        words = texts[i:i + r]
        if not all(w.replace("-", "").isascii() for w in words) or any(w in _COMPANY_WORDS for w in words) \
                or (i + r < n and texts[i + r] in _COMPANY_WORDS):
            continue
        take(i, i + r, "PER", "name-shape")

    # 3c. companies by their shape: a romanised name or an acronym after a lower-case company noun
    # ("công ty KCC", "hãng Hanwha Aerospace", "tập đoàn CJ"), or a romanised name ending with a
    # company word ("Hanbit Bio", "Lion Bridge Capital")
    company_at = [k for k, t in enumerate(texts) if t in _COMPANY_WORDS]
    for i in [k for k, t in enumerate(texts) if t.isascii() and t[:1].isupper() and (
            (k and lowers[k - 1] in _COMPANY_NOUN_ENDS) or any(k < c <= k + 3 for c in company_at))]:
        if taken[i] or not _romanised(texts[i]):
            continue
        k = i
        while k < n and k - i < 4 and texts[k][:1].isupper() and _romanised(texts[k]) and not taken[k]:
            k += 1
        if k == i:
            continue
        noun = lowers[i - 2:i] if i >= 2 else []
        after_noun = (i >= 1 and lowers[i - 1] in _COMPANY_NOUNS and (texts[i - 1][:1].islower() or i == 1)) or (
            len(noun) == 2 and " ".join(noun) in _COMPANY_NOUNS and (texts[i - 2][:1].islower() or i == 2))
        ends_company = k - i >= 2 and texts[k - 1] in _COMPANY_WORDS
        if not any(_foreign_word(x) for x in texts[i:k]):
            continue
        place_at = rules.places.match(texts, lowers, i)
        if ends_company and place_at and place_at[0] < k - i:
            place_at = None  # "Tokyo Metro", "Seoul Semiconductor": a company named after its city
        if not (after_noun or ends_company) or place_at \
                or (texts[i] in rules.foreign_names and not ends_company and not texts[i].isupper()):
            continue
        take(i, k, "ORG", "company")

    # 3d. named things after the common noun that says what they are: "vệ tinh LOTUSat-1", "tên lửa
    # Epsilon", "giống lúa OM 380", "ứng dụng VNeID", "tên quốc tế Bualoi" (MISC); "câu lạc bộ Hà Nội" (ORG)
    for i in [k for k in range(1, n) if lowers[k - 1] in _KIND_LAST_WORDS]:
        if taken[i] or not (texts[i][:1].isupper() or (texts[i][:1].isdigit() and texts[i].isalnum())) \
                or texts[i] in _NOT_TICKERS:
            continue  # ("chỉ số CPI": an indicator, no named index)
        label = None
        start = i
        for size in (5, 4, 3, 2, 1):
            if i >= size and " ".join(lowers[i - size:i]) in _LANDMARK_HEADS and texts[i - size][:1].isupper() \
                    and free(i - size, i) and (lowers[i - size] == "quần" or (
                        i > size and texts[i - size - 1] not in ".!?:;\"“-–")):
                # (not opening a sentence, where any word is capitalised: "Khu kinh tế Nhơn Hội có …"; a
                # "Quần thể …" is a name wherever it stands)
                # "Quảng trường Nguyễn Tất Thành", "Ngã ba Đồng Lộc": a landmark named after a person or place
                label, start = "LOC", i - size
                break
            if i >= size and " ".join(lowers[i - size:i]) in _THING_NOUNS and (
                    texts[i - size][:1].islower() or i == size or lowers[i - size] == "clb"):
                # ("Vệ tinh LOTUSat-1 …" opens a headline; "CLB" is the short form of "câu lạc bộ")
                label = _THING_NOUNS[" ".join(lowers[i - size:i])]
                break
        if label is None or (i >= 2 and lowers[i - 1] in ("và", ",")):
            continue
        k = i
        while k < n and k - i < 6 and not taken[k] and (
                (texts[k][:1].isupper() and texts[k].replace("-", "").replace(".", "").isalnum())
                or (label == "LOC" and start < i and texts[k] in ("-", "–") and k > i and k + 1 < n
                    and texts[k + 1][:1].isupper())  # "Khu kinh tế Đình Vũ - Cát Hải"
                or (k > i and texts[k].isdigit())
                or (label == "LOC" and k > i and tokens[k].word_pos == "I" and texts[k].isalpha()
                    and texts[k - 1][:1].isupper() and tokens[k - 1].word_pos == "B"
                    and k + 1 < n and texts[k + 1][:1].isupper())  # "Sân vận động Quốc gia Mỹ Đình": "gia" ends "Quốc gia"
                or (k > i and texts[k] == "-" and tokens[k].start == tokens[k - 1].end and k + 1 < n
                    and tokens[k + 1].start == tokens[k].end and texts[k + 1].isalnum())):
            k += 1
        if k == i or not texts[i][:1].isupper():
            continue
        if label == "MISC" and (rules.places.match(texts, lowers, i) or rules.org_heads.match(texts, lowers, i)
                                or looks_like_person(i)):
            continue
        take(start, k, label, "thing")

    # 3g. football clubs: "Hà Nội FC", "FC Barcelona" (the club word is part of the name); in a match
    # report a sponsor's brand before a city names the club whole ("SHB Đà Nẵng", "Becamex TP.HCM")
    for k in [k for k, t in enumerate(texts) if t in _CLUB_WORDS]:
        if taken[k] or (texts[k] in _CLUB_TAILS and (k == 0 or not texts[k - 1][:1].isupper())):
            continue
        a = k
        while a > 0 and k - a < 4 and not taken[a - 1] and texts[a - 1][:1].isupper() \
                and texts[a - 1].replace(".", "").isalnum():
            a -= 1
        b = k + 1
        if a == k and texts[k] not in _CLUB_TAILS:
            while b < n and b - k <= 3 and not taken[b] and texts[b][:1].isupper() and texts[b].isalpha():
                b += 1
        if b - a >= 2:
            take(a, b, "ORG", "club")
    if match_report(lowers):
        for k in range(n - 1):
            if taken[k] or taken[k + 1] or not texts[k][:1].isupper() or not _foreign_word(texts[k]):
                continue
            if k and texts[k - 1][:1].isupper() and texts[k - 1].isalpha():
                continue
            pl = is_place(k + 1)
            if pl and (pl[1] == "PROV" or texts[k + 1].startswith("TP")) and not rules.places.match(texts, lowers, k) \
                    and free(k + 1, k + 1 + pl[0]):
                take(k, k + 1 + pl[0], "ORG", "club")
        # a Vietnamese province right before or after a match verb is its club, never a national team
        # ("Hải Phòng thắng Nam Định 2-0"); a foreign country there is the national team (LOC)
        # (and so around "cầm hòa", "đánh bại", "tiếp đón" …, but not after a place word: "tỉnh Thanh Hóa tiếp đón …")
        for k in range(n):
            if not texts[k].islower():
                continue
            if lowers[k] in _MATCH_VERBS:
                vlen = 1
            elif k + 1 < n and lowers[k] + " " + lowers[k + 1] in _MATCH_VERBS_2:
                vlen = 2
            elif lowers[k] in _MATCH_VERBS_2:
                vlen = 1
            else:
                continue
            for j in (k + vlen,):
                pl = is_place(j) if j < n else None
                if pl and pl[1] == "PROV" and free(j, j + pl[0]) and not (j + pl[0] < n and texts[j + pl[0]][:1].isupper()):
                    take(j, j + pl[0], "ORG", "club")
            for size in (3, 2, 1):
                j = k - size
                pl = is_place(j) if j >= 0 else None
                if pl and pl[1] == "PROV" and pl[0] == size and free(j, k) and not place_word_before(j) and not (
                        j and texts[j - 1][:1].isupper() and texts[j - 1].isalpha()):
                    take(j, k, "ORG", "club")
                    break

    # 3h. stock tickers: three capitals after "cổ phiếu"/"mã" stand for the listed company, and so do the
    # tickers listed after them ("cổ phiếu HPG, HSG và NKG")
    # ... or a list of tickers as the object of a trading verb ("khối ngoại mua ròng mạnh VCB, PLX")
    def traded(i):
        j = i - 1
        while j > 0 and i - j <= 3 and lowers[j] in _TRADE_ADVERBS:
            j -= 1
        listed = i + 2 < n and lowers[i + 1] in (",", "và") and _is_ticker(texts[i + 2])
        # "mua ròng"/"bán ròng" (net buying) is said of securities only: one ticker after it is enough
        return j >= 0 and lowers[j] in _TRADE_VERBS and (listed or "ròng" in lowers[j + 1:i])

    for i in [k for k in range(1, n) if _is_ticker(texts[k]) and (lowers[k - 1] in ("phiếu", "mã") or traded(k))]:
        if lowers[i - 1] == "phiếu" and (i < 2 or lowers[i - 2] != "cổ"):
            continue
        k = i
        while k < n and _is_ticker(texts[k]):
            if not taken[k]:
                take(k, k + 1, "ORG", "company")
            if k + 2 < n and lowers[k + 1] in (",", "và") and _is_ticker(texts[k + 2]):
                k += 2
            else:
                break

    # 3i. in a market report a ticker is the subject of a price move ("VIC tăng trần", "HPG giảm 2%"), and
    # the tickers listed with one are companies too ("VIC, VHM và VRE cùng giảm")
    # (outside a sentence with market words: a list of tickers, or a move only prices make: "tăng trần")
    tickers = [k for k in range(n) if _is_ticker(texts[k]) and texts[k] not in _NOT_TICKERS
               and not _ROMAN_NUMERAL.fullmatch(texts[k]) and not rules.places.match(texts, lowers, k)]
    if tickers:
        market = any(w in _MARKET_WORDS for w in lowers) or any(" ".join(lowers[k:k + 2]) in _MARKET_WORDS
                                                                for k in range(n - 1))
        for k in tickers:
            v = k + 1
            while v < n and v - k <= 2 and lowers[v] in _MOVE_ADVERBS:
                v += 1  # "VHM, VRE và NVL cùng giảm", "đồng loạt tăng"
            move = " ".join(lowers[v:v + 2]) if v + 1 < n and " ".join(lowers[v:v + 2]) in _PRICE_MOVES else \
                lowers[v] if v < n else ""
            listed = k >= 2 and lowers[k - 1] in (",", "và") and _is_ticker(texts[k - 2])
            if not taken[k] and move in _PRICE_MOVES and (market or listed or move in _MARKET_MOVES):
                take(k, k + 1, "ORG", "company")
        grew = True
        while grew:
            grew = False
            for k in tickers:
                if taken[k]:
                    continue
                near = [x for x in (k - 2, k + 2) if 0 <= x < n and lowers[(k + x) // 2] in (",", "và")
                        and _is_ticker(texts[x]) and any(o[0] == x and o[2] == "ORG" for o in out)]
                if near:
                    take(k, k + 1, "ORG", "company")
                    grew = True

    # 3j. a source line ("Theo Thanh Niên", "Theo VnEconomy, Người Lao Động", "Nguồn: Reuters"): the names after
    # "Theo"/"Nguồn:" with nothing else on the line are the outlets the article comes from
    if 2 <= n <= 14 and (lowers[0] == "theo" or lowers[:2] == ["nguồn", ":"] or lowers[:2] == ["(", "theo"]):
        k = 2 if lowers[0] in ("nguồn", "(") else 1
        runs, a = [], None
        for j in range(k, n + 1):
            t = texts[j] if j < n else ","
            if j < n and (t[:1].isupper() or t[:1].isdigit() or t in ("&", "+") or (a is not None and "-" == t)):
                a = j if a is None else a
                continue
            if a is None or t not in (",", "và", ")", ".") or (t == ")" and j + 1 < n):
                runs = []
                break
            runs.append((a, j))
            a = None
        for a, b in runs:
            inner = [x for x in out if x[0] < b and a < x[1]]
            if inner and all(x[2] == "ORG" and a <= x[0] and x[1] <= b for x in inner) and (b - a) > max(
                    x[1] - x[0] for x in inner):
                for x in inner:  # "Theo Tuổi Trẻ Cười": the whole name, not the known outlet it begins with
                    out.remove(x)
                    for y in range(x[0], x[1]):
                        taken[y] = False
            if free(a, b) and not rules.places.match(texts, lowers, a) and not looks_like_person(a) \
                    and not (a + 1 < n and texts[a] in rules.surnames and texts[a + 1] in _MIDDLE_NAMES):
                take(a, b, "ORG", "known")

    # 3e. streets and bridges named after a person or a date: "đường Nguyễn Văn Linh", "cầu Trần Thị Lý",
    # "đường 3 Tháng 2" (the lower-case kind word stays outside, as for "tỉnh")
    for i in [k for k in range(n - 1) if lowers[k] in _STREET_NOUNS and texts[k][:1].islower()]:
        j = i + 1
        if tokens[i].word_pos != "B" or tokens[j].word_pos != "B" or taken[j]:
            continue  # "yêu cầu", "thành phố": a syllable of another word
        if texts[j].isdigit() and j + 2 < n and texts[j + 1] == "Tháng" and texts[j + 2].isdigit():
            take(j, j + 3, "LOC", "street")
            continue
        r = name_run(j)
        if r >= 2 and texts[j] in rules.surnames and free(j, j + r):
            take(j, j + r, "LOC", "street")

    # 3f. transliterated foreign places, Vietnamese-style (syllables joined by hyphens, with Vietnamese
    # letters): "U-đon Tha-ni", "Niu Di-lân", "Oen-linh-tơn", "Cam-pốt"; after a person's title the
    # run was taken as the person's name above ("Tổng thống Vla-đi-mia Pu-tin")
    for i in [k for k, t in enumerate(texts) if _transliterated(t)]:
        if taken[i]:
            continue
        a = i
        while a > 0 and not taken[a - 1] and texts[a - 1][:1].isupper() and texts[a - 1].isalpha() \
                and len(texts[a - 1]) <= 4 and a - 1 > 0 and i - a < 2 \
                and not rules.places.match(texts, lowers, a - 1):
            a -= 1  # "Niu Di-lân": a short capitalised syllable before it (not a country: "Lào | Xổm-phết …")
        b = i + 1
        while b < n and b - a < 4 and not taken[b] and (_transliterated(texts[b]) or (
                texts[b][:1].isupper() and texts[b].replace("-", "").isalpha() and "-" in texts[b])):
            b += 1
        if a > 0 and rules.person_titles.match(texts, lowers, a - 1) and lowers[a - 1] in ("ông", "bà", "anh", "chị"):
            take(a, b, "PER", "name-shape")
            continue
        if _hyphenated_person(texts, lowers, a, b, rules, titles_before):
            take(a, b, "PER", "name-shape")
            continue
        letters = {c for k in range(a, b) for c in texts[k].lower() if not c.isascii()}
        if not letters or not letters <= _VN_LETTERS:
            continue  # romanised ("Sang-sik") or another language's letters ("Île-de-France")
        take(a, b, "LOC", "translit")

    # 4. places
    nxt = 0
    # both indices are exact-case: a token that starts no entry of either cannot match
    pfx_x, place_x = rules.place_prefixes._first_exact, rules.places._first_exact
    for i in [k for k, t in enumerate(texts) if (t in place_x or t in pfx_x)
              and (lowers[k] in pfx_f or lowers[k] in place_f)]:
        if i < nxt or taken[i]:
            continue
        pm = rules.place_prefixes.match(texts, lowers, i)
        if pm and texts[i][:1].islower():
            j = i + pm[0]
            r = 0
            while j + r < n and texts[j + r][:1].isupper() and texts[j + r].isalpha() and r < 4:
                r += 1
            known = rules.places.match(texts, lowers, j) if r else None
            if known and known[0] > r:
                r = known[0]  # "các tỉnh | Đồng bằng sông Hồng": the known place, not "Đồng"
            # a known place of two syllables or more, read whole after its prefix, is the place even when
            # a person's name is inside it ("quận Hai Bà Trưng", "phường Nguyễn Văn Cừ")
            whole = bool(known) and known[0] == r >= 2
            if r and free(j, j + r) and (whole or not person_shaped(j)):
                take(j, j + r, "LOC", "place-known" if whole else "place-prefix")
                nxt = j + r
                continue
        gm = rules.places.match(texts, lowers, i)
        if gm and free(i, i + gm[0]) and gm[1] in ("PROV", "REGION", "COUNTRY"):
            if texts[i] not in ("Anh", "Đức", "Nhật", "Mỹ") or gm[0] > 1:
                take(i, i + gm[0], "LOC", "gazetteer")
                nxt = i + gm[0]
    out.sort()
    return out
