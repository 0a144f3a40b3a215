"""Linear-time token featurizer for the entity CRF.

One feature list per syllable token (see :class:`annotator.nlp.text.Token`), 16 to 19 strings:

* the token: lower-case form (``w=``) and character shape (``s=``: ``Hà`` -> ``Xx``, ``UBND`` -> ``X``,
  ``57-NQ/TW`` -> ``d-X/X``; title/upper/digit information is folded into the shape), and a
  3-letter suffix (``suf=``) for non-Vietnamese-looking words (foreign names);
* neighbours: lower-case forms at -2..+2 and the bigrams (-1,0) and (0,+1) (``b-=``, ``b+=``),
  shape bigrams (-1,0) and (0,+1);
* word segmentation: the syllable's position in its word with the next one's (``p=BI``) and the
  whole lower-cased word for multi-syllable words (``ww=``);
* gazetteers and rules (:meth:`RuleSet.gazetteer_tags`, longest match): BIO tags at -1..+1 for
  provinces/districts/wards/regions/countries, organisation heads, MISC heads (events, laws,
  programmes), person titles, place
  prefixes and known names (``g=B-PROV`` …), and a lexical class (``c=SUR`` Vietnamese surname,
  ``c=FOR`` foreign name).

No previous-tag features (the CRF's transition weights model label sequences) and no chunking.
Per-token-type strings are cached, so a token costs a few concatenations and list items.
For tagging, ``Featurizer(rules, known=model.attributes)`` gives the same lists without the
strings the model has no weight for (same output, a fraction of the tagger's work).
"""

from __future__ import annotations

import re

from annotator.nlp.text import Token

__all__ = ["FEATURE_SET_VERSION", "Featurizer", "shape"]

#: Bump when the feature templates change: a model trained with another version is refused.
FEATURE_SET_VERSION = "f5"

_SHAPE_CACHE: dict[str, str] = {}


def shape(tok: str) -> str:
    """Compressed character-class shape: ``Hà`` -> ``Xx``, ``UBND`` -> ``X``, ``57`` -> ``d``."""
    s = _SHAPE_CACHE.get(tok)
    if s is not None:
        return s
    out = []
    prev = ""
    for c in tok:
        if c.isupper():
            k = "X"
        elif c.islower():
            k = "x"
        elif c.isdigit():
            k = "d"
        elif c.isalpha():
            k = "x"
        else:
            k = c if c in ".,-/()&:;\"'" else "p"
        if k != prev:
            out.append(k)
            prev = k
    s = "".join(out) or "_"
    if len(_SHAPE_CACHE) < 200_000:
        _SHAPE_CACHE[tok] = s
    return s


_VN_MARKS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


class Featurizer:
    """Build CRF feature lists for a sentence's tokens, given a :class:`RuleSet` (or None)."""

    version = FEATURE_SET_VERSION

    def __init__(self, rules=None, known=None):
        self.rules = rules
        self._tok_cache: dict[str, tuple] = {}
        #: the feature strings the model has weights for (``EntityModel.attributes``): when
        #: given, :meth:`sentence_features` leaves out all other strings (they change neither
        #: labels nor probabilities, and cost the tagger time); for tagging only, not training
        self.known = known
        self._known = _KnownTables(known) if known is not None else None

    def _token_info(self, tok: str) -> tuple:
        """Cached per token type: lower form, shape and the prefixed unigram feature strings."""
        info = self._tok_cache.get(tok)
        if info is None:
            low = tok.lower()
            sh = shape(tok)
            cls_ = self.rules.word_class(tok) if self.rules is not None else "-"
            foreign = tok.isalpha() and len(tok) > 3 and not any(c in _VN_MARKS for c in low)
            extra = []
            if cls_ != "-":
                extra.append("c=" + cls_)
            if foreign:
                extra.append("suf=" + low[-3:])
            info = (low, sh, "w=" + low, "s=" + sh, "w-1=" + low, "w+1=" + low, "w-2=" + low,
                    "w+2=" + low, "s-2=" + sh, "s+2=" + sh, tuple(extra))
            if len(self._tok_cache) < 300_000:
                self._tok_cache[tok] = info
        return info

    def sentence_features(self, tokens: list[Token]) -> list[list[str]]:
        n = len(tokens)
        if n == 0:
            return []
        if self._known is not None:
            return self._known_features(tokens)
        tinfo = self._token_info
        infos = [tinfo(t.text) for t in tokens]
        low = [x[0] for x in infos]
        shp = [x[1] for x in infos]
        if self.rules is not None:
            gaz = self.rules.gazetteer_tags([t.text for t in tokens], low)
        else:
            gaz = ["O"] * n
        wpos = [t.word_pos for t in tokens]
        # word strings per token (multi-syllable words only)
        word_of = [None] * n
        for i, j in word_runs(wpos):
            word_of[i:j] = ["ww=" + " ".join(low[i:j])] * (j - i)
        L = _PAD_L + low + _PAD_R
        S = _PAD_L + shp + _PAD_R
        G = [_gaz_strings(g) for g in gaz]
        I = [_PAD_INFO, _PAD_INFO] + infos + [_END_INFO, _END_INFO]
        GG = [_GAZ_PAD, _GAZ_PAD] + G + [_GAZ_PAD, _GAZ_PAD]
        P = _PAD_L + wpos + _PAD_R
        out = []
        append = out.append
        for i in range(n):
            k = i + 2
            me = I[k]
            lk = L[k]
            sk = S[k]
            f = [
                "b", me[2], me[3], I[k - 1][4], I[k + 1][5], I[k - 2][6], I[k + 2][7],
                "b-=" + L[k - 1] + "|" + lk,
                "b+=" + lk + "|" + L[k + 1],
                "s-1=" + S[k - 1] + "|" + sk,
                "s+1=" + sk + "|" + S[k + 1],
                GG[k][0], GG[k - 1][1], GG[k + 1][2],
                _P_STR[P[k] + P[k + 1]],
            ]
            w = word_of[i]
            if w is not None:
                f.append(w)
            if me[10]:
                f.extend(me[10])
            append(f)
        return out

    def _known_info(self, tok: str) -> tuple:
        """:meth:`_token_info` with unknown strings blanked, plus the token's bigram table."""
        kt = self._known
        info = kt.cache.get(tok)
        if info is None:
            base = self._token_info(tok)
            info = kt.info(base)
            if len(kt.cache) < 300_000:
                kt.cache[tok] = info
        return info

    def _known_features(self, tokens: list[Token]) -> list[list[str]]:
        """:meth:`sentence_features` restricted to the known strings (same order)."""
        kt = self._known
        n = len(tokens)
        texts = [t[0] for t in tokens]
        cache = kt.cache
        infos = [cache.get(x) or self._known_info(x) for x in texts]
        low = [x[0] for x in infos]
        if self.rules is not None:
            gaz = self.rules.gazetteer_tags(texts, low)
        else:
            gaz = ["O"] * n
        wpos = [t[3] for t in tokens]
        ww = kt.ww
        word_of = [""] * n
        for i, j in word_runs(wpos):
            w = ww.get(" ".join(low[i:j]))
            if w is not None:
                word_of[i:j] = [w] * (j - i)
        I = kt.pad_l + infos + kt.pad_r
        L = _PAD_L + low + _PAD_R
        # bigram strings of each adjacent pair (b-= for the right token's row, b+= for the left's)
        none2 = _NONE2
        B = [u[11].get(b, none2) for u, b in zip(I, L[1:])]
        S = [u[12].get(b[1], none2) for u, b in zip(I, I[1:])]
        gs = kt.gaz
        pad = kt.gaz_pad
        GG = [pad, pad] + [gs.get(g) or kt.gaz_strings(g) for g in gaz] + [pad, pad]
        P = _PAD_L + wpos + _PAD_R
        pstr = kt.pstr
        PC = [pstr[a + b] for a, b in zip(P[2:], P[3:])]
        b0 = kt.b
        return [
            [*filter(None, (b0, me[2], me[3], m1[4], p1[5], m2[6], p2[7], bl[0], br[1], sl[0], sr[1],
                            g0[0], gm[1], gp[2], pc, w)), *me[10]]
            for me, m1, p1, m2, p2, bl, br, sl, sr, g0, gm, gp, pc, w in zip(
                I[2:], I[1:], I[3:], I, I[4:], B[1:], B[2:], S[1:], S[2:], GG[2:], GG[1:], GG[3:], PC, word_of)
        ]


_NONE2 = ("", "")
_WORD_RUN = re.compile(".I+", re.S)


def word_runs(wpos: list[str]):
    """(start, end) of each multi-syllable word: a token and the "I" tokens after it."""
    joined = "".join(wpos)
    if len(joined) == len(wpos):  # one-letter positions (B/I): a regex scan
        for m in _WORD_RUN.finditer(joined):
            yield m.span()
        return
    n, i = len(wpos), 0
    while i < n:  # pragma: no cover - word positions other than B/I
        j = i + 1
        while j < n and wpos[j] == "I":
            j += 1
        if j - i > 1:
            yield i, j
        i = j


class _KnownTables:
    """Lookup tables of the feature strings a model knows (see ``Featurizer(known=...)``)."""

    def __init__(self, known):
        self.known = known
        self.cache: dict[str, tuple] = {}
        k = self.k
        # adjacent pairs: "b-=a|b" / "b+=a|b" and "s-1=x|y" / "s+1=x|y" as nested tables
        # first -> second -> (string for the right token's row, string for the left token's row)
        self.bigrams = self._pairs("b-=", "b+=")
        self.shapes = self._pairs("s-1=", "s+1=")
        self.ww = {a[3:]: a for a in known if a.startswith("ww=")}
        self.b = k("b")
        self.pstr = {key: k(v) for key, v in _P_STR.items()}
        self.gaz: dict[str, tuple] = {}
        self.gaz_pad = tuple(k(x) for x in _GAZ_PAD[:3])  # g=<s>, g-1=<s>, g+1=</s>
        self.pad_l = [self.info(_PAD_INFO), self.info(_PAD_INFO)]
        self.pad_r = [self.info(_END_INFO), self.info(_END_INFO)]

    def k(self, s: str) -> str:
        return s if s in self.known else ""

    def _pairs(self, left: str, right: str) -> dict:
        out: dict[str, dict[str, tuple]] = {}
        for a in self.known:
            if a.startswith(left):
                slot = 0
            elif a.startswith(right):
                slot = 1
            else:
                continue
            v = a[len(left if slot == 0 else right):]
            # every split at a "|" (a token may itself be "|"): exact lookups either way
            i = v.find("|")
            while i >= 0:
                d = out.setdefault(v[:i], {})
                cur = d.get(v[i + 1:], _NONE2)
                d[v[i + 1:]] = (a, cur[1]) if slot == 0 else (cur[0], a)
                i = v.find("|", i + 1)
        return out

    def info(self, base: tuple) -> tuple:
        """Known-only copy of a ``Featurizer._token_info`` tuple, with the token's bigram tables."""
        k = self.k
        return (base[0], base[1], *(k(x) for x in base[2:10]), tuple(x for x in base[10] if k(x)),
                self.bigrams.get(base[0], {}), self.shapes.get(base[1], {}))

    def gaz_strings(self, tag: str) -> tuple:
        t = _gaz_strings(tag)
        t = self.gaz[tag] = (self.k(t[0]), self.k(t[1]), self.k(t[2]))
        return t


_PAD_L = ["<s>", "<s>"]
_PAD_R = ["</s>", "</s>"]


def _info_pad(v: str) -> tuple:
    return (v, v, "w=" + v, "s=" + v, "w-1=" + v, "w+1=" + v, "w-2=" + v, "w+2=" + v,
            "s-2=" + v, "s+2=" + v, ())


_PAD_INFO = _info_pad("<s>")
_END_INFO = _info_pad("</s>")
_GAZ_CACHE: dict[str, tuple] = {}


def _gaz_strings(tag: str) -> tuple:
    t = _GAZ_CACHE.get(tag)
    if t is None:
        t = _GAZ_CACHE[tag] = ("g=" + tag, "g-1=" + tag, "g+1=" + tag, "g-2=" + tag, "g+2=" + tag)
    return t


_GAZ_PAD_L = None
_GAZ_PAD = None


def _init_pads():
    global _GAZ_PAD
    # the padding rows of the gazetteer column: g-1/g+1/g-2/g+2 of a padding position
    _GAZ_PAD = ("g=<s>", "g-1=<s>", "g+1=</s>", "g-2=<s>", "g+2=</s>")


_init_pads()
_P_STR = {a + b: "p=" + a + b for a in ("B", "I", "<s>", "</s>") for b in ("B", "I", "<s>", "</s>")}
