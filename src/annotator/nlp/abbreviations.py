"""An abbreviation in brackets right after a name names the same thing.

"Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO)", "Lễ hội Pháo hoa Quốc tế Đà Nẵng 2026 (DIFF 2026)":
the bracketed short form gets the label of the name before it (ORG or MISC), whatever the model
made of it alone (an acronym looks like an organisation to it, a programme's acronym too). A
country or a word in brackets ("Công ty Nordkaffee (Đức)") is no abbreviation and is left alone.

An acronym found as an organisation once names the same organisation wherever else it stands alone in
the article ("Tổng công ty Cảng hàng không Việt Nam (ACV) … ACV bố trí …", "cổ phiếu HPG … HPG tăng 2%").
"""

from __future__ import annotations

import re

from annotator.nlp.rules import _NOT_TICKERS

__all__ = ["label_abbreviations", "with_repeated_acronyms"]

_BRACKET = re.compile(r" \(([^()\n]{2,40})\)")
_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9.&-]*[A-Z0-9]")


def _is_abbreviation(inner: str) -> bool:
    """"JETP", "UK PACT", "IMO 2026", "Becamex IDC": a token with two capitals or a capital and a digit."""
    if not inner[:1].isupper():
        return False
    for word in inner.split():
        caps = sum(ch.isupper() for ch in word)
        if _ACRONYM.fullmatch(word) and (caps >= 2 or (caps == 1 and any(ch.isdigit() for ch in word))):
            return True
    return False


def label_abbreviations(text: str, ents: list[tuple]) -> list[tuple]:
    """``ents``: ``(start, end, label, score, origin)`` tuples; returns them with bracketed
    abbreviations after ORG/MISC names labelled like the name (added when missing)."""
    out = sorted(ents)
    for a, b, label, *_rest in list(out):
        if label not in ("ORG", "MISC"):
            continue
        m = _BRACKET.match(text, b)
        if not m or not _is_abbreviation(m.group(1)):
            continue
        ia, ib = m.span(1)
        inside = [e for e in out if e[0] < ib and ia < e[1]]
        if any(e[0] < ia or e[1] > ib for e in inside):
            continue  # something else runs across the bracket: leave it
        if len(inside) == 1 and inside[0][:2] == (ia, ib):
            if inside[0][2] != label:
                out[out.index(inside[0])] = (ia, ib, label) + tuple(inside[0][3:])
            continue
        for e in inside:
            out.remove(e)
        out.append((ia, ib, label, 0.6, "rules"))
    out.sort()
    return out


_CAPS_WORD = re.compile(r"(?<![\w.&-])[A-ZĐ][A-ZĐ0-9]{1,5}(?![\w&-])")


def with_repeated_acronyms(text: str, ents: list[tuple]) -> list[tuple]:
    """``ents`` with the other lone occurrences of an acronym the article already has as an ORG span
    (the whole span) added as ORG spans ``(start, end, "ORG", 0.6, "rules")``; an occurrence inside or
    touching another span is left alone."""
    acronyms = {text[a:b] for a, b, label, *_r in ents
                if label == "ORG" and _CAPS_WORD.fullmatch(text, a, b) and sum(c.isalpha() for c in text[a:b]) >= 2
                and text[a:b] not in _NOT_TICKERS}
    if not acronyms:
        return ents
    taken = sorted((e[0], e[1]) for e in ents)
    added = []
    for m in _CAPS_WORD.finditer(text):
        if m.group() not in acronyms:
            continue
        a, b = m.span()
        if any(x < b and a < y for x, y in taken):
            continue
        added.append((a, b, "ORG", 0.6, "rules"))
    return sorted(ents + added) if added else ents
