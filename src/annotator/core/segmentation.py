"""One segmentation for the whole application: syllables, sentences, words and tokens.

Everything here keeps exact code-point offsets into the (NFC) text, and every part of the
application cuts text the same way: the window snaps a reviewer's selection to these
syllables (or words), the engine tags them, and every exporter writes them.

* :func:`syllables` cuts a text into the same tokens as underthesea's regex tokenizer
  (syllables, numbers such as ``1.000,5``, abbreviations such as ``TP.HCM``, ``Tp.``, ``v.v.``,
  punctuation; ``57-NQ/TW`` is five tokens), each with ``(start, end)``. Two repairs make
  them safe as span edges: a sentence-final period is split off (``UBND.``, ``A.``; not
  off ``Tp.``, ``v.v.``, ``Q.``), and a token never starts on a combining mark, a joiner,
  a variation selector or an emoji modifier, nor inside a flag (``👍🏻``, ``🇻🇳`` and NFD ``Hà``
  are one token each).
* :func:`segment` groups those tokens into words with underthesea's word segmentation model,
  i.e. the model behind ``underthesea.word_tokenize``. The fast path feeds the model directly
  (one regex pass, no re-alignment); if underthesea's internals are not importable it calls
  the public ``word_tokenize`` and maps its words back onto the tokens by counting them.
* :func:`sentences` splits a text into sentence spans (directive spans are whole sentences).
* :func:`snap_to_syllables` / :func:`word_units` snap a reviewer's selection (the window).
* :func:`tokenize` gives spaCy-compatible tokens with trailing whitespace (Prodigy export).
* :func:`split_units` cuts tokens or words at span boundaries, so that a word-level export
  never moves a span (a word that crosses a span edge is written as two tokens).

underthesea is imported on first use, so importing this module stays cheap.
"""

from __future__ import annotations

import bisect
import re
import struct
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "Token",
    "Sentence",
    "Tok",
    "TokenIndex",
    "syllables",
    "syllable_spans",
    "segment",
    "segment_spans",
    "words",
    "word_units",
    "words_by_sentence",
    "sentences",
    "sentence_spans",
    "snap_span",
    "snap_to_syllables",
    "split_units",
    "tokenize",
    "token_span",
    "is_word_char",
]


class Token(NamedTuple):
    """A syllable-level token: ``text == source[start:end]``; ``word_pos`` is B or I."""

    text: str
    start: int
    end: int
    word_pos: str = "B"


# ``Token(a, b, c, d)`` without the Python-level ``__new__`` of a named tuple (hot paths)
_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


# ---------------------------------------------------------------------------
# syllable tokens

_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_PATTERNS = None


def underthesea_patterns():
    """underthesea's tokenizer regex (loaded once, on first use)."""
    global _PATTERNS
    if _PATTERNS is None:
        try:
            from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

            _PATTERNS = patterns
        except Exception:  # pragma: no cover - depends on the installed underthesea
            _PATTERNS = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]", re.UNICODE)
    return _PATTERNS


def _prepare(text: str) -> str:
    # underthesea's character normalisation on NFC text is length preserving (ð -> đ)
    if "ð" in text or "Ð" in text:
        text = text.replace("ð", "đ").replace("Ð", "Đ")
    return text


_CHUNK = re.compile(r"\S+")
_SAFE_TAIL = frozenset(",;:!?")
_DOT_ABBR = frozenset({"Tp", "Mr", "Mrs", "Ms", "Dr", "ThS"})


# abbreviations that keep their final period ("TP. Hồ Chí Minh", "PGS.TS.", "Q. 1", "P. 5")
_KEEP_DOT = frozenset({"TP", "Tp", "TS", "ThS", "Th.S", "PGS", "GS", "PGS.TS", "GS.TS", "BS", "Mr", "Mrs", "Ms",
                       "Dr", "St", "v.v", "TT", "Q", "P"})
# characters that belong to the character before them: combining marks, joiner, variation
# selectors, emoji skin tones, tag characters
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\ufe00-\ufe0f\u200d" \
         "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_MARK = re.compile(f"[{_MARKS}]")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]")   # regional indicators: two make a flag
_MARK_OR_FLAG = re.compile(f"[{_MARKS}\U0001f1e6-\U0001f1ff]")


def _glued(text: str, prev: tuple, a: int) -> bool:
    """Whether a token starting at ``a`` right after the token ``prev`` continues it (it starts
    on a mark or after a joiner, continues a letter that carries marks, or completes a flag)."""
    if prev[2] != a or a == 0:
        return False
    ch, before = text[a], text[a - 1]
    if _MARK.match(ch) or unicodedata.combining(ch) or before == "\u200d":
        return True
    if _FLAG.match(ch):
        return prev[2] - prev[1] == 1 and _FLAG.match(before) is not None
    return unicodedata.combining(before) != 0 and ch.isalnum()


def _regex_tokens(src: str, text: str, s: int, e: int, out: list) -> None:
    first = len(out)
    append = out.append
    for m in (_PATTERNS or underthesea_patterns()).finditer(src, s, e):
        a, b = m.span()
        if a == b:
            continue
        piece = text[a:b]
        if piece[-1] == "." and (len(piece) > 2 or piece[0].isupper()) and piece[-2] != "." \
                and piece[:-1] not in _KEEP_DOT and (b >= len(text) or text[b].isspace()):
            # underthesea keeps a final period on "UBND." / "TP.HCM." / "A.": split it off so that
            # names end before the punctuation
            append(_new(Token, (piece[:-1], a, b - 1, "B")))
            append(_new(Token, (".", b - 1, b, "B")))
            continue
        if len(piece.split()) != 1:
            # never happens with underthesea's patterns, but keep tokens whitespace-free
            for sub in _FALLBACK_TOKEN.finditer(text, a, b):
                append(Token(sub.group(0), sub.start(), sub.end(), "B"))
            continue
        append(_new(Token, (piece, a, b, "B")))
    if _MARK_OR_FLAG.search(text, s, e):
        _merge_marks(text, out, first)


def _merge_marks(text: str, out: list, first: int) -> None:
    """Join tokens that would separate a character from its marks (emoji sequences, flags, NFD)."""
    merged: list = out[first:first + 1]
    for tok in out[first + 1:]:
        last = merged[-1]
        if _glued(text, last, tok[1]):
            merged[-1] = _new(Token, (text[last[1]:tok[2]], last[1], tok[2], "B"))
        else:
            merged.append(tok)
    out[first:] = merged


def syllables(text: str, start: int = 0, end: int | None = None, *, _src: str | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Equivalent to running underthesea's tokenizer regex over ``text[start:end]`` (no pattern
    crosses whitespace), with the two repairs of the module documentation. Whitespace-separated
    chunks made of letters only (optionally followed by one of ``, ; : ! ?``, or by ``.`` after a
    word that has a lower-case letter) take a fast path; everything else goes through the regex.
    """
    if end is None:
        end = len(text)
    src = _src if _src is not None else _prepare(text)
    out: list[Token] = []
    append = out.append
    for m in _CHUNK.finditer(src, start, end):
        a, b = m.span()
        chunk = m.group()
        if chunk.isalpha():
            append(_new(Token, (text[a:b], a, b, "B")))
            continue
        head = chunk[:-1]
        tail = chunk[-1]
        if head.isalpha() and (tail in _SAFE_TAIL or (
                tail == "." and not head.isupper() and head not in _DOT_ABBR)):
            append(_new(Token, (text[a:b - 1], a, b - 1, "B")))
            append(_new(Token, (text[b - 1:b], b - 1, b, "B")))
            continue
        # let look-aheads see the following whitespace, as in a whole-text scan
        _regex_tokens(src, text, a, b + 1 if b < end else end, out)
    return out


def syllable_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every syllable: the units a reviewer's span begins and ends on."""
    return [(t[1], t[2]) for t in syllables(text)]


# ---------------------------------------------------------------------------
# word segmentation


_WS_TEMPLATES = [
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]",
    "T[-1,1]", "T[0,2]", "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower", "T[-1].isdigit", "T[0].isdigit",
    "T[1].isdigit", "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle", "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict",
    "T[1].is_in_dict", "T[2].is_in_dict", "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict",
    "T[0,1].is_in_dict", "T[1,2].is_in_dict", "T[-2,0].is_in_dict", "T[-1,1].is_in_dict",
    "T[0,2].is_in_dict",
]
_SELF_CHECK = [
    "Ngày 10/11 , tại TP.HCM , PGS.TS Nguyễn Văn A ( Nghị quyết số 57 - NQ / TW ) 😀 e-mail".split(),
    "UBND tỉnh Quảng Ninh đề nghị các sở , ngành 1.000 ² iPhone X1 Đ".split(),
    ["Hà"], ["Hà", "Nội"],
]


def _make_ws_featurizer(D):
    """A pure-Python twin of underthesea's ``CRFFeaturizer`` for the word segmentation
    templates (``_WS_TEMPLATES``), several times faster because per-token strings are cached.
    Its output is checked against the Rust featurizer when the segmenter starts (see
    ``_Segmenter._init``); on any difference the Rust featurizer is used."""
    ucache: dict[str, tuple] = {}
    offs = (-2, -1, 0, 1, 2)

    def strings(w: str, low: str, dg: str, tt: str, dd: str) -> tuple:
        """(raw, lower, isdigit, istitle, is_in_dict) feature strings of a token at each offset."""
        return (
            tuple(f"T[{k}]={w}" for k in offs),
            tuple(f"T[{k}].lower={low}" for k in offs),
            ("", f"T[-1].isdigit={dg}", f"T[0].isdigit={dg}", f"T[1].isdigit={dg}", ""),
            tuple(f"T[{k}].istitle={tt}" for k in offs),
            tuple(f"T[{k}].is_in_dict={dd}" for k in offs),
        )

    def tokinfo(w: str) -> tuple:
        r = ucache.get(w)
        if r is None:
            low = w.lower()
            tt = not w[:1].islower()  # underthesea's istitle: first character not lower-case
            r = (low, *strings(w, low, str(w.isascii() and w.isdigit()), str(tt), str(low in D)), tt)
            if len(ucache) < 300_000:
                ucache[w] = r
        return r

    BOS = (None, *strings("BOS", "BOS", "BOS", "BOS", "BOS"), None)
    EOS = (None, *strings("EOS", "EOS", "EOS", "EOS", "EOS"), None)

    def feats(ws):
        n = len(ws)
        U = [BOS, BOS] + [tokinfo(w) for w in ws] + [EOS, EOS]
        low = [u[0] for u in U[2:n + 2]]
        tit = [u[6] for u in U[2:n + 2]]
        # joins of 2 and 3 tokens starting at each token
        P2 = [a + " " + b for a, b in zip(ws, ws[1:])]
        L2 = [a + " " + b for a, b in zip(low, low[1:])]
        P3 = [a + " " + b for a, b in zip(P2, ws[2:])]
        L3 = [a + " " + b for a, b in zip(L2, low[2:])]
        D2 = [str(x in D) for x in L2]
        D3 = [str(x in D) for x in L3]
        T2 = [str(a and b) for a, b in zip(tit, tit[1:])]
        T3 = [str(a and b and c) for a, b, c in zip(tit, tit[1:], tit[2:])]
        B1, B2, E1, E2 = ["BOS"], ["BOS", "BOS"], ["EOS"], ["EOS", "EOS"]
        # window (a, b) columns, padded so that row i reads index i (BOS/EOS outside)
        c_m2m1 = ["T[-2,-1]=" + x for x in B2 + P2]
        c_m10 = ["T[-1,0]=" + x for x in B1 + P2]
        c_01 = ["T[0,1]=" + x for x in P2 + E1]
        c_12 = ["T[1,2]=" + x for x in P2[1:] + E2]
        c_m20 = ["T[-2,0]=" + x for x in B2 + P3]
        c_m11 = ["T[-1,1]=" + x for x in B1 + P3 + E1]
        c_02 = ["T[0,2]=" + x for x in P3 + E2]
        l_m2m1 = ["T[-2,-1].lower=" + x for x in B2 + L2]
        l_m10 = ["T[-1,0].lower=" + x for x in B1 + L2]
        l_01 = ["T[0,1].lower=" + x for x in L2 + E1]
        l_12 = ["T[1,2].lower=" + x for x in L2[1:] + E2]
        t_01 = ["T[0,1].istitle=" + x for x in T2 + E1]
        t_02 = ["T[0,2].istitle=" + x for x in T3 + E2]
        d_m2m1 = ["T[-2,-1].is_in_dict=" + x for x in B2 + D2]
        d_m10 = ["T[-1,0].is_in_dict=" + x for x in B1 + D2]
        d_01 = ["T[0,1].is_in_dict=" + x for x in D2 + E1]
        d_12 = ["T[1,2].is_in_dict=" + x for x in D2[1:] + E2]
        d_m20 = ["T[-2,0].is_in_dict=" + x for x in B2 + D3]
        d_m11 = ["T[-1,1].is_in_dict=" + x for x in B1 + D3 + E1]
        d_02 = ["T[0,2].is_in_dict=" + x for x in D3 + E2]
        out = [
            [um2[1][0], um1[1][1], u0[1][2], up1[1][3], up2[1][4],
             c_m2m1[i], c_m10[i], c_01[i], c_12[i], c_m20[i], c_m11[i], c_02[i],
             um2[2][0], um1[2][1], u0[2][2], up1[2][3], up2[2][4],
             l_m2m1[i], l_m10[i], l_01[i], l_12[i],
             um1[3][1], u0[3][2], up1[3][3],
             um2[4][0], um1[4][1], u0[4][2], up1[4][3], up2[4][4],
             t_01[i], t_02[i],
             um2[5][0], um1[5][1], u0[5][2], up1[5][3], up2[5][4],
             d_m2m1[i], d_m10[i], d_01[i], d_12[i], d_m20[i], d_m11[i], d_02[i]]
            for i, (um2, um1, u0, up1, up2) in enumerate(zip(U, U[1:], U[2:], U[3:], U[4:]))
        ]
        return out
    return feats


def _crfsuite_attributes(data: bytes):
    """The attribute (feature) strings that carry a state weight in a CRFsuite model file, as
    a frozenset, or None if the file cannot be read that way.

    underthesea_core's tagger drops every feature string that is not one of the model's
    attributes, and an attribute without a (non-zero) state weight adds nothing to any label's
    score, so leaving all those strings out of the tagger's input gives the same labels and
    probabilities (the remaining strings keep their order) for less work: every string costs
    a conversion, a hash lookup and, per label, a weight lookup on the Rust side."""
    try:
        if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            return None
        num_attrs, off_feat, _off_labels, off = struct.unpack_from("<4I", data, 24)
        # features: (type, source, target, weight); type 0 = state (attribute -> label)
        if data[off_feat:off_feat + 4] != b"FEAT":
            return None
        size, num = struct.unpack_from("<2I", data, off_feat + 4)
        if size != 12 + 20 * num:
            return None
        used = set()
        for typ, src, _dst, w in struct.iter_unpack("<3Id", data[off_feat + 12:off_feat + size]):
            if typ == 0:
                if w != 0.0:
                    used.add(src)
            elif typ != 1:
                return None
        # attribute strings: the CQDB's backward links (id -> record: id, size, key + NUL)
        if data[off:off + 4] != b"CQDB":
            return None
        _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<5I", data, off + 4)
        if bwd_size != num_attrs or max(used, default=-1) >= num_attrs:
            return None
        links = struct.unpack_from(f"<{bwd_size}I", data, off + bwd_off)
        out = set()
        for k in used:
            p = links[k]
            ident, ksize = struct.unpack_from("<2I", data, off + p)
            key = data[off + p + 8:off + p + 8 + ksize]
            if ident != k or not key.endswith(b"\0"):
                return None
            out.add(key[:-1].decode("utf-8"))
        return frozenset(out) if len(out) == len(used) else None
    except Exception:  # noqa: BLE001 - any surprise: no filtering
        return None


def _make_ws_known_featurizer(D, known):
    """:func:`_make_ws_featurizer` restricted to the model's attributes ``known``: the same
    rows minus the strings the tagger would ignore, in the same order. Window features
    (2- and 3-token joins) come from tables built from ``known`` and the dictionary ``D``, so a
    row is a handful of lookups, and every string handed to the tagger is a long-lived object."""
    def k(s: str) -> str:
        return s if s in known else ""

    offs = (-2, -1, 0, 1, 2)
    by: dict[str, dict[str, str]] = {}
    for a in known:
        t, sep, v = a.partition("=")
        if sep:
            by.setdefault(t, {})[v] = a

    def vals(*templates):
        out = set()
        for t in templates:
            out |= by.get(t, {}).keys()
        return out

    def getter(*templates):
        maps = [by.get(t, {}) for t in templates]
        return lambda v: tuple(m.get(v, "") for m in maps)

    # raw 2-token joins: (T[-2,-1], T[-1,0], T[0,1], T[1,2]) strings, and whether a known
    # 3-token join starts with this pair
    tri_raw = ("T[-2,0]", "T[-1,1]", "T[0,2]")
    tri_pfx = {v.rsplit(" ", 1)[0] for v in vals(*tri_raw) if " " in v}
    g2 = getter("T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]")
    raw2 = {v: (*g2(v), v in tri_pfx) for v in vals("T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]") | tri_pfx}
    g3 = getter(*tri_raw)
    raw3 = {v: g3(v) for v in vals(*tri_raw)}
    # lower-cased 2-token joins: lower strings, is_in_dict strings, and whether a 3-syllable
    # dictionary word starts with this pair
    ds2 = [tuple(k(f"T[{w}].is_in_dict={b}") for w in ("-2,-1", "-1,0", "0,1", "1,2")) for b in (False, True)]
    ds3 = [tuple(k(f"T[{w}].is_in_dict={b}") for w in ("-2,0", "-1,1", "0,2")) for b in (False, True)]
    d_pfx = {e.rsplit(" ", 1)[0] for e in D if e.count(" ") == 2}
    gl = getter("T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower")
    # joins without a known lower string share their record (only the two flags vary)
    shared = {(d, f): ("", "", "", "", *ds2[d], f) for d in (False, True) for f in (False, True)}
    low2 = {v: shared[v in D, True] for v in d_pfx}
    low2.update((e, shared[True, e in d_pfx]) for e in D if e.count(" ") == 1)
    low2.update((v, (*gl(v), *ds2[v in D], v in d_pfx))
                for v in vals("T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower"))
    R2_NONE = ("", "", "", "", False)
    R3_NONE = ("", "", "")
    L2_NONE = ("", "", "", "", *ds2[False], False)
    D3_FALSE, D3_TRUE = ds3
    R2_BOS = (k("T[-2,-1]=BOS"), k("T[-1,0]=BOS"), "", "", False)
    R2_EOS = ("", "", k("T[0,1]=EOS"), k("T[1,2]=EOS"), False)
    R3_BOS = (k("T[-2,0]=BOS"), k("T[-1,1]=BOS"), "")
    R3_EOS = ("", k("T[-1,1]=EOS"), k("T[0,2]=EOS"))
    L2_BOS = (k("T[-2,-1].lower=BOS"), k("T[-1,0].lower=BOS"), "", "",
              k("T[-2,-1].is_in_dict=BOS"), k("T[-1,0].is_in_dict=BOS"), "", "", False)
    L2_EOS = ("", "", k("T[0,1].lower=EOS"), k("T[1,2].lower=EOS"),
              "", "", k("T[0,1].is_in_dict=EOS"), k("T[1,2].is_in_dict=EOS"), False)
    D3_BOS = (k("T[-2,0].is_in_dict=BOS"), k("T[-1,1].is_in_dict=BOS"), "")
    D3_EOS = ("", k("T[-1,1].is_in_dict=EOS"), k("T[0,2].is_in_dict=EOS"))
    # istitle of 2- and 3-token windows, indexed by the sum of the tokens' title codes
    # (1 title, 0 not, 4 EOS): any sum >= 4 has an EOS in the window
    f01, t01, e01 = k("T[0,1].istitle=False"), k("T[0,1].istitle=True"), k("T[0,1].istitle=EOS")
    f02, t02, e02 = k("T[0,2].istitle=False"), k("T[0,2].istitle=True"), k("T[0,2].istitle=EOS")
    T01 = (f01, f01, t01, None, e01, e01)
    T02 = (f02, f02, f02, t02, e02, e02, e02, e02, e02, e02)

    def strings(w: str, low: str, dg: str, tt: str, dd: str) -> tuple:
        return (*(k(f"T[{o}]={w}") for o in offs), *(k(f"T[{o}].lower={low}") for o in offs),
                *(k(f"T[{o}].isdigit={dg}") for o in (-1, 0, 1)), *(k(f"T[{o}].istitle={tt}") for o in offs),
                *(k(f"T[{o}].is_in_dict={dd}") for o in offs))

    # per token: (lower, istitle, 23 feature strings: raw / lower / isdigit / istitle /
    # is_in_dict at each offset)
    ucache: dict[str, tuple] = {}
    spaced: set[str] = set()

    def tokinfo(w: str) -> tuple:
        r = ucache.get(w)
        if r is None:
            low = w.lower()
            tt = not w[:1].islower()  # underthesea's istitle: first character not lower-case
            r = (low, int(tt), *strings(w, low, str(w.isascii() and w.isdigit()), str(tt), str(low in D)))
            if " " in w:
                spaced.add(w)
            if len(ucache) < 300_000:
                ucache[w] = r
        return r

    BOS = (None, None, *strings("BOS", "BOS", "BOS", "BOS", "BOS"))
    EOS = (None, 4, *strings("EOS", "EOS", "EOS", "EOS", "EOS"))
    full = _make_ws_featurizer(D)
    r2get, r3get, l2get = raw2.get, raw3.get, low2.get

    uget = ucache.get

    def feats(ws):
        n = len(ws)
        U = [BOS, BOS] + [uget(w) or tokinfo(w) for w in ws] + [EOS, EOS]
        if spaced and not spaced.isdisjoint(ws):
            # the tables assume space-free tokens (always the case for our tokens)
            return [[f for f in row if f in known] for row in full(ws)]
        low = [u[0] for u in U[2:n + 2]]
        # 2-token joins: table records (rare 3-token joins only where a known one can start)
        RR2 = [R2_BOS, R2_BOS] + [r2get(f"{a} {b}", R2_NONE) for a, b in zip(ws, ws[1:])] + [R2_EOS, R2_EOS]
        R3 = [r3get(f"{a} {b} {c}", R3_NONE) if r[4] else R3_NONE
              for a, b, c, r in zip(ws, ws[1:], ws[2:], RR2[2:])]
        LL2 = [L2_BOS, L2_BOS] + [l2get(f"{a} {b}", L2_NONE) for a, b in zip(low, low[1:])] + [L2_EOS, L2_EOS]
        D3 = [(D3_TRUE if f"{a} {b} {c}" in D else D3_FALSE) if r[8] else D3_FALSE
              for a, b, c, r in zip(low, low[1:], low[2:], LL2[2:])]
        RR3 = [R3_BOS, R3_BOS] + R3 + [R3_EOS, R3_EOS]
        DD3 = [D3_BOS, D3_BOS] + D3 + [D3_EOS, D3_EOS]
        return [
            list(filter(None, (
                um2[2], um1[3], u0[4], up1[5], up2[6],
                ra[0], rb[1], rc[2], rd[3], ta[0], tb[1], tc[2],
                um2[7], um1[8], u0[9], up1[10], up2[11],
                la[0], lb[1], lc[2], ld[3],
                um1[12], u0[13], up1[14],
                um2[15], um1[16], u0[17], up1[18], up2[19],
                # istitle of the 2- and 3-token windows (title codes: 1/0, EOS 4)
                T01[u0[1] + up1[1]], T02[u0[1] + up1[1] + up2[1]],
                um2[20], um1[21], u0[22], up1[23], up2[24],
                la[4], lb[5], lc[6], ld[7], da[0], db[1], dc[2],
            )))
            for um2, um1, u0, up1, up2, ra, rb, rc, rd, ta, tb, tc, la, lb, lc, ld, da, db, dc
            in zip(U, U[1:], U[2:], U[3:], U[4:], RR2, RR2[1:], RR2[2:], RR2[3:], RR3, RR3[1:], RR3[2:],
                   LL2, LL2[1:], LL2[2:], LL2[3:], DD3, DD3[1:], DD3[2:])
        ]
    return feats


class _DictCache:
    """Memoise a one-argument function in a plain dict (bounded); faster than lru_cache."""

    def __init__(self, fn, limit: int = 200_000):
        self.fn = fn
        self.limit = limit
        self.data: dict = {}

    def __call__(self, key):
        v = self.data.get(key)
        if v is None:
            v = self.fn(key)
            if len(self.data) < self.limit:
                self.data[key] = v
        return v


class _Segmenter:
    """underthesea's word segmentation CRF, fed with our own offset-carrying tokens."""

    def __init__(self):
        self._lock = threading.Lock()
        self._ready = False
        self._fast = False
        self._featurizer = None
        self._tagger = None
        self._normalize = None
        self._py_features = None
        self._py_known = None

    def _known_featurizer(self, model_path, dictionary, ref):
        """The fast featurizer restricted to the model's attributes, if the model file can be
        read and the featurizer passes the self-check; else None."""
        try:
            with open(model_path, "rb") as fh:
                known = _crfsuite_attributes(fh.read())
            if not known:
                return None
            pyk = _make_ws_known_featurizer(dictionary, known)
            got = [pyk(ws) for ws in _SELF_CHECK]
            if got != [[[f for f in row if f in known] for row in r] for r in ref]:
                return None
            tag = self._tagger.tag
            if [tag(f) for f in got] != [tag(f) for f in ref]:
                return None
            return pyk
        except Exception:  # pragma: no cover - unexpected model layout
            return None

    def _init(self):
        with self._lock:
            if self._ready:
                return
            try:
                from os.path import dirname, join

                import joblib
                import underthesea.pipeline.word_tokenize as wt
                from underthesea.pipeline.text_normalize import token_normalize
                from underthesea_core import CRFFeaturizer, CRFTagger

                base = join(dirname(wt.__file__), "models", "ws_crf_vlsp2013_20230727")
                features = joblib.load(join(base, "features.bin"))
                dictionary = joblib.load(join(base, "dictionary.bin"))
                tagger = CRFTagger()
                tagger.load(join(base, "models.bin"))
                self._featurizer = CRFFeaturizer(features, dictionary)
                self._tagger = tagger
                self._py_features = self._py_known = None
                if list(features) == _WS_TEMPLATES:
                    py = _make_ws_featurizer(dictionary)
                    ref = self._featurizer.process([[[w] for w in ws] for ws in _SELF_CHECK])
                    if [py(ws) for ws in _SELF_CHECK] == ref:
                        self._py_features = py
                        self._py_known = self._known_featurizer(join(base, "models.bin"), dictionary, ref)
                self._normalize = _DictCache(token_normalize)
                self._fast = True
            except Exception:  # pragma: no cover - older/newer underthesea layouts
                self._fast = False
            self._ready = True

    def word_positions(self, tokens: list[Token]) -> list[str]:
        """B/I word position for each token."""
        return self.word_positions_many([tokens])[0]

    def word_positions_many(self, batches: list[list[Token]]) -> list[list[str]]:
        """B/I word positions for several token lists (one featurizer call for all)."""
        if not self._ready:
            self._init()
        if not self._fast:
            return [_positions_from_word_tokenize(toks) if toks else [] for toks in batches]
        norm = self._normalize
        if self._py_features is not None:
            py = self._py_known or self._py_features
            nd = norm.data
            feats = iter([py([nd.get(t[0]) or norm(t[0]) for t in toks]) for toks in batches if toks])
        else:
            todo = [[[norm(t.text)] for t in toks] for toks in batches if toks]
            feats = iter(self._featurizer.process(todo)) if todo else iter(())
        tag = self._tagger.tag
        out = []
        for toks in batches:
            if not toks:
                out.append([])
                continue
            tags = tag(next(feats))
            pos = ["I" if t == "I-W" else "B" for t in tags]
            pos[0] = "B"
            out.append(pos)
        return out


def _positions_from_word_tokenize(tokens: list[Token]) -> list[str]:
    """Map ``underthesea.word_tokenize`` output onto our tokens by counting tokens per word."""
    from underthesea import word_tokenize

    words = word_tokenize(" ".join(t.text for t in tokens))
    counts = [w.count(" ") + 1 for w in words]
    if sum(counts) != len(tokens):  # cannot align: every token its own word
        return ["B"] * len(tokens)
    out: list[str] = []
    for n in counts:
        out.append("B")
        out.extend("I" * (n - 1))
    return out


_SEGMENTER = _Segmenter()


def segment(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with their word position (B = first syllable of a word)."""
    toks = syllables(text, start, end)
    pos = _SEGMENTER.word_positions(toks)
    return [t if p == "B" else t._replace(word_pos=p) for t, p in zip(toks, pos)]


def segment_spans(text: str, spans) -> list[list[Token]]:
    """:func:`segment` for several ``(start, end)`` spans of ``text`` at once."""
    src = _prepare(text)
    toks = [syllables(text, a, b, _src=src) for a, b in spans]
    positions = _SEGMENTER.word_positions_many(toks)
    return [
        [t if p == "B" else _new(Token, (t[0], t[1], t[2], "I")) for t, p in zip(ts, ps)]
        for ts, ps in zip(toks, positions)
    ]


def words(tokens: list[Token]) -> list[tuple[int, int]]:
    """Group token indices into words: list of (first_index, end_index_exclusive)."""
    out = []
    for i, t in enumerate(tokens):
        if t.word_pos == "B" or not out:
            out.append([i, i + 1])
        else:
            out[-1][1] = i + 1
    return [(a, b) for a, b in out]


# ---------------------------------------------------------------------------
# sentences

# Abbreviations after which a period does not end a sentence.
_NO_BREAK_BEFORE_DOT = {
    "tp", "ts", "ths", "pgs", "gs", "bs", "ks", "mr", "mrs", "ms", "dr", "st", "no", "tr", "q", "p",
}
_BULLETS = "-–—+•*·"
_CLOSERS = "\"'”’»)]}"
_END = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")


def _line_sentences(text: str, a: int, b: int, out: list[Sentence]) -> None:
    # strip the line
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return
    # a list marker ("- ", "• ") is not part of the sentence
    if text[a] in _BULLETS and a + 1 < b and text[a + 1].isspace():
        a += 1
        while a < b and text[a].isspace():
            a += 1
    start = a
    for m in _END.finditer(text, a, b):
        e = m.end()
        if e >= b:
            break
        # what follows: must look like a sentence start
        j = e
        while j < b and text[j].isspace():
            j += 1
        if j >= b:
            break
        nxt = text[j]
        if nxt.islower():
            continue
        if text[m.start()] == ".":
            # abbreviation such as "TP. Hồ Chí Minh" or an initial "A. Smith"
            k = m.start()
            w = k
            while w > a and (text[w - 1].isalpha()):
                w -= 1
            word = text[w:k]
            if word.lower() in _NO_BREAK_BEFORE_DOT:
                continue
        out.append(Sentence(start, e))
        start = j
    out.append(Sentence(start, b))


def sentences(text: str) -> list[Sentence]:
    """Sentence spans: lines are split at sentence-final punctuation followed by a capital.

    A line break always ends a sentence (list items, headings, bylines). Spans exclude
    surrounding whitespace, so a sentence runs from its first character through its final
    punctuation mark (or the end of the line).
    """
    out: list[Sentence] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        _line_sentences(text, pos, nl, out)
        pos = nl + 1
    return out


# ---------------------------------------------------------------------------
# syllable snapping


def is_word_char(c: str) -> bool:
    """A character that belongs to a syllable (letters, digits, underscore)."""
    return c.isalnum() or c == "_"


def _joined(text: str, i: int) -> bool:
    """True when position ``i`` lies strictly inside a run of word characters
    (or inside a combining sequence)."""
    if i <= 0 or i >= len(text):
        return False
    a, b = text[i - 1], text[i]
    if a.isspace() or b.isspace():
        return b in "\u200d\ufe0f\ufe0e" or unicodedata.combining(b) != 0
    if is_word_char(a) and is_word_char(b):
        return True
    # never separate a combining mark / joiner / variation selector from its base
    if unicodedata.combining(b) or b in "\u200d\ufe0f\ufe0e" or a == "\u200d":
        return True
    if 0xD800 <= ord(b) <= 0xDFFF:
        return True
    return False


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it never cuts inside a syllable, then trim whitespace."""
    n = len(text)
    start = max(0, min(start, n))
    end = max(start, min(end, n))
    while start > 0 and _joined(text, start):
        start -= 1
    while end < n and _joined(text, end):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_syllables(text: str, start: int, end: int,
                      units: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """Grow a selection to whole units (syllables by default, or words) and drop punctuation
    at its edges; None when the selection holds no unit at all."""
    units = syllable_spans(text) if units is None else units
    starts = [u[0] for u in units]
    lo = bisect.bisect_right(starts, start) - 1
    if lo < 0 or units[lo][1] <= start:
        lo += 1
    hits = []
    i = max(lo, 0)
    while i < len(units) and units[i][0] < end:
        if units[i][1] > start:
            hits.append(units[i])
        i += 1
    if not hits:
        return None
    wordlike = [u for u in hits if unicodedata.category(text[u[0]])[0] in "LN"]
    chosen = wordlike or hits
    return chosen[0][0], chosen[-1][1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """:func:`sentences` as ``(start, end)`` pairs."""
    return [(s.start, s.end) for s in sentences(text)]


# ---------------------------------------------------------------------------
# word layer


def word_units(text: str, bounds: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the words (underthesea word segmentation) of each sentence of
    ``text`` (or of each ``(start, end)`` of ``bounds``): the units of "snap to words" in the
    window and of word-level exports."""
    return [w for sentence in words_by_sentence(text, bounds) for w in sentence]


def words_by_sentence(text: str, bounds: Iterable[tuple[int, int]] | None = None) -> list[list[tuple[int, int]]]:
    """:func:`word_units` of each sentence (or each of ``bounds``), segmented in one batch."""
    bounds = sentence_spans(text) if bounds is None else list(bounds)
    return [[(toks[a][1], toks[b - 1][2]) for a, b in words(toks)] for toks in segment_spans(text, bounds)]


def split_units(units: Iterable[tuple[int, int]], cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Units (sorted, non-overlapping) cut at every offset of ``cuts`` that falls strictly
    inside one, so that a span whose edges are in ``cuts`` starts and ends on unit edges."""
    cut_list = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    for a, z in units:
        i = bisect.bisect_right(cut_list, a)
        while i < len(cut_list) and cut_list[i] < z:
            out.append((a, cut_list[i]))
            a = cut_list[i]
            i += 1
        out.append((a, z))
    return out


# ---------------------------------------------------------------------------
# spaCy-compatible tokens (Prodigy)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token that knows whether one space follows it; tokens rebuild the text exactly:
    ``"".join(t.text + " " * t.ws for t in tokens) == text``."""

    text: str
    start: int
    end: int
    ws: bool

    def as_dict(self, index: int) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "id": index, "ws": self.ws}


_GAP = re.compile(r"\s+|\S+")


_SPACE = re.compile(r"\s")


def _pieces(text: str, units: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """The units plus the whitespace runs and uncovered characters between them, in order
    (a unit with whitespace inside, such as an imported word, is cut there)."""
    pos = 0
    for a, z in units:
        if a > pos:
            yield from (m.span() for m in _GAP.finditer(text, pos, a))
        if _SPACE.search(text, a, z):
            yield from (m.span() for m in _GAP.finditer(text, a, z))
        else:
            yield a, z
        pos = z
    if pos < len(text):
        yield from (m.span() for m in _GAP.finditer(text, pos))


def tokenize(text: str, boundaries: Iterable[tuple[int, int]] | None = None,
             units: Iterable[tuple[int, int]] | None = None) -> list[Tok]:
    """spaCy-compatible tokens of ``text``: the syllables (or the given ``units``, e.g. a
    document's imported tokens), with whitespace as spaCy keeps it: one space after a token
    is its ``ws``, any other whitespace is a token of its own. Tokens are also cut at every
    ``(start, end)`` of ``boundaries``, so that each span begins on a token start and ends on
    a token end (a span that starts or ends on a space gets that space as a token)."""
    starts: set[int] = set()
    ends: set[int] = set()
    for s, e in boundaries or ():
        starts.add(s)
        ends.add(e)
    cuts = starts | ends
    out: list[Tok] = []
    pieces = _pieces(text, syllable_spans(text) if units is None else units)
    for a, z in split_units(pieces, cuts):
        if text[a].isspace():
            # a single space after a token is its trailing whitespace, unless a span needs it
            if out and text[a] == " " and out[-1].end == a and not out[-1].ws \
                    and a not in starts and (a + 1) not in ends:
                last = out[-1]
                out[-1] = Tok(last.text, last.start, last.end, True)
                a += 1
            if a >= z:
                continue
        out.append(Tok(text[a:z], a, z, False))
    return out


def token_span(tokens: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    """Indices of the first and last token (inclusive) of a character span, None if it does not align."""
    return TokenIndex(tokens).span(start, end)


class TokenIndex:
    """token_span for many spans over the same tokens, without rebuilding the start list."""

    def __init__(self, tokens: list[Tok]):
        self.tokens = tokens
        self._starts = {t.start: i for i, t in enumerate(tokens)}
        self._ends = {t.end: i for i, t in enumerate(tokens)}

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        i = self._starts.get(start)
        j = self._ends.get(end)
        if i is None or j is None or j < i:
            return None
        return i, j
