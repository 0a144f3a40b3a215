"""WebAnno / INCEpTION TSV 3.3: one document a file, its own tokens and sentences.

Reading
-------
* The file must begin with ``#FORMAT=WebAnno TSV 3.x``. Columns follow the ``#T_SP`` /
  ``#T_CH`` / ``#T_RL`` declarations. The labels come from one span layer: the
  ``NamedEntity`` layer when declared, else the first span layer; its label feature is
  ``value`` (or ``label``, else the first feature that is not ``identifier``). Relations
  come from the first relation layer whose base type (``BT_``) is that layer, its first
  feature being the relation label. Other layers (POS, lemma, chains...) are ignored.
* Cells: ``_`` is empty, stacked annotations are separated by ``|``, ``LABEL[3]`` names a
  multi-token or stacked annotation, ``\\`` escapes as in TSV 3.2+. An annotation covers
  every token and sub-token (``1-2.1``) line it appears on. A relation sits on its target's
  token; its ``BT_`` cell gives the source's token (``1-1``, or ``1-1[3_5]`` with the source
  and target annotation ids, 0 for none).
* The text is rebuilt from the ``#Text=`` lines (one sentence each, escaped; several lines
  of one sentence are joined by a line break) at the offsets of the sentence's tokens, as
  INCEpTION does. Offsets in the file are UTF-16 code units (Java's); they are converted to
  code points. The tokens and sentences are kept (``RawRecord.tokens`` / ``sentences``).
* A document with an unreadable line is rejected, reported at that line. The uid is the
  file name (our export names each file by its document uid).

Writing
-------
One ``.tsv`` file per document, in a folder (``OUT/UID.tsv``). The span layer is INCEpTION's
built-in ``NamedEntity`` (``identifier|value``) with the label as ``value``; relations, when
the document has any, go to a ``webanno.custom.Relation`` layer (``label``, over
``NamedEntity``; create that layer in the INCEpTION project before importing). Every character
of the text belongs to a sentence (a sentence keeps the whitespace after it), so the text
comes back exactly. Tokens and sentences are the document's own when it has them (see
:mod:`annotator.core.formats.aligned`), cut at every span boundary, so every span covers
whole tokens: no span is moved, widened or dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from annotator.core.formats import aligned
from annotator.core.formats.base import BadRecord, ExportDoc, RawRecord, RawRelation, RawSpan, RecordError

NAME = "webanno"
UID_FROM_FILE_NAME = True
HEADER = "#FORMAT=WebAnno TSV 3.3"
NE_TYPE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
REL_TYPE = "webanno.custom.Relation"

_VALUE_ESCAPES = {"\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "_": "\\_", "->": "\\->", ";": "\\;",
                  "\t": "\\t", "\n": "\\n", "*": "\\*"}
_VALUE_UNESCAPE = {"\\": "\\", "[": "[", "]": "]", "|": "|", "_": "_", "-": "-", ";": ";", "t": "\t", "n": "\n",
                   "*": "*"}
_TEXT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b", "\\": "\\\\"}
_TEXT_UNESCAPE = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
_ITEM = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)
_REF = re.compile(r"^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$")


# ---------------------------------------------------------------------------------- escaping
def escape_value(value: str) -> str:
    out = value.replace("\\", "\\\\")
    for raw, esc in _VALUE_ESCAPES.items():
        if raw != "\\":
            out = out.replace(raw, esc)
    return out


def escape_text(text: str) -> str:
    out = []
    for ch in text:
        if ch in _TEXT_ESCAPES:
            out.append(_TEXT_ESCAPES[ch])
        elif ord(ch) < 32:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def unescape_text(text: str) -> str:
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in _TEXT_UNESCAPE:
                out.append(_TEXT_UNESCAPE[nxt])
                i += 2
                continue
            if ord(nxt) < 32:
                out.append(nxt)
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split_cell(cell: str) -> list[str]:
    """Stacked items of a cell, split at unescaped ``|``; escapes are kept for :func:`_item`."""
    items, cur, i = [], [], 0
    while i < len(cell):
        ch = cell[i]
        if ch == "\\" and i + 1 < len(cell):
            cur.append(cell[i:i + 2])
            i += 2
            continue
        if ch == "|":
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    items.append("".join(cur))
    return items


def _item(raw: str) -> tuple[str | None, int | None]:
    """(value or None for ``*``, disambiguation id or None) of one stacked item."""
    # the id is an unescaped [N] at the end
    value, ident = raw, None
    m = re.search(r"(?<!\\)\[(\d+)\]$", raw)
    if m:
        value, ident = raw[:m.start()], int(m.group(1))
    if value == "*":
        return None, ident
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _VALUE_UNESCAPE:
            if value[i + 1] == "-" and value[i + 2:i + 3] == ">":
                out.append("->")
                i += 3
                continue
            out.append(_VALUE_UNESCAPE[value[i + 1]])
            i += 2
            continue
        out.append(value[i])
        i += 1
    return "".join(out), ident


# ---------------------------------------------------------------------------------- reading
class _Layout:
    """Which columns hold the span label and the relation label and source."""

    def __init__(self, declarations: list[tuple[str, str, list[str]]]):
        col = 0
        spans, relations = [], []
        for kind, type_name, feats in declarations:
            n = max(len(feats), 1) if kind != "CH" else 2
            if kind == "SP":
                spans.append((type_name, feats, col))
            elif kind == "RL":
                relations.append((type_name, feats, col))
            col += n
        self.columns = col
        self.span_col = self.rel_col = self.ref_col = None
        self.span_type = None
        chosen = next((s for s in spans if s[0].endswith("NamedEntity")), spans[0] if spans else None)
        if chosen is None:
            return
        type_name, feats, col = chosen
        self.span_type = type_name
        if feats:
            pick = next((f for f in ("value", "label") if f in feats), None) or \
                next((f for f in feats if f != "identifier"), feats[0])
            self.span_col = col + feats.index(pick)
        else:
            self.span_col = col
        for rtype, rfeats, rcol in relations:
            base = [f for f in rfeats if f.startswith("BT_")]
            if base and base[0][3:] == type_name:
                self.ref_col = rcol + rfeats.index(base[0])
                labels = [f for f in rfeats if not f.startswith("BT_")]
                self.rel_col = rcol + rfeats.index(labels[0]) if labels else None
                break


def _declaration(line: str) -> tuple[str, str, list[str]]:
    kind = line[3:5]
    fields = line[6:].split("|")
    return kind, fields[0], [f for f in fields[1:] if f]


class _Doc:
    def __init__(self) -> None:
        self.sentences: list[tuple[list[str], list[tuple[str, int, int, str, list[str], int]]]] = []
        self.text_lines: list[str] = []
        self.units: list[tuple[str, int, int, str, list[str], int]] = []


def read(lines: Iterable[tuple[int, str]]) -> Iterator[RawRecord | BadRecord]:
    """The document of one TSV file (given as (line number, line) pairs)."""
    it = iter(lines)
    first = next(it, None)
    while first is not None and not first[1].strip():
        first = next(it, None)
    if first is None:
        return
    if not first[1].startswith("#FORMAT=WebAnno TSV 3"):
        raise RecordError("not a WebAnno TSV 3 file (it must begin with '#FORMAT=WebAnno TSV 3.3')")
    declarations = []
    sentences: list[tuple[list[str], list]] = []
    text_lines: list[str] = []
    units: list = []
    in_header = True
    for lineno, raw in it:
        line = raw.rstrip("\r\n")
        if in_header and line.startswith(("#T_SP=", "#T_CH=", "#T_RL=")):
            declarations.append(_declaration(line))
            continue
        in_header = False
        if not line:
            if units:
                sentences.append((text_lines, units))
                text_lines, units = [], []
            continue
        if line.startswith("#Text="):
            if units:
                sentences.append((text_lines, units))
                text_lines, units = [], []
            text_lines.append(unescape_text(line[6:]))
            continue
        if line.startswith("#"):
            continue   # #Sentence.id= and other sentence headers
        fields = line.split("\t")
        try:
            b, e = (int(x) for x in fields[1].split("-"))
        except (IndexError, ValueError):
            yield BadRecord(lineno, f"expected ID<TAB>BEGIN-END<TAB>TOKEN..., got {line[:60]!r}")
            return
        if not text_lines:
            yield BadRecord(lineno, "token line before any #Text= line")
            return
        units.append((fields[0], b, e, unescape_text(fields[2]) if len(fields) > 2 else "", fields[3:], lineno))
    if units:
        sentences.append((text_lines, units))
    if not sentences:
        return
    try:
        yield _build(_Layout(declarations), sentences)
    except RecordError as exc:
        yield BadRecord(getattr(exc, "line", sentences[0][1][0][5]), str(exc))


def _u16_to_cp(text: str) -> dict[int, int]:
    out, u = {}, 0
    for i, ch in enumerate(text):
        out[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    out[u] = len(text)
    return out


def _u16len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _build(layout: _Layout, sentences: list) -> RawRecord:
    pieces: list[str] = []
    length = 0                 # UTF-16 length of what is built
    pending_break = False
    for text_lines, units in sentences:
        body = "\n".join(text_lines)
        first = next((u for u in units if "." not in u[0]), units[0])
        lead = body.find(first[3]) if first[3] else 0
        start = first[1] - _u16len(body[:max(lead, 0)])
        if pending_break and length > start:
            pieces.pop()
            length -= 1
        if length > start:
            raise _error(units[0][5], f"sentence at {first[0]} overlaps the sentence before it")
        if length < start:
            pieces.append(" " * (start - length))
            length = start
        pieces.append(body)
        length += _u16len(body)
        pieces.append("\n")
        length += 1
        pending_break = True
    if pending_break:
        pieces.pop()
    text = "".join(pieces)
    cp = _u16_to_cp(text)

    def at(u16: int, lineno: int) -> int:
        try:
            return cp[u16]
        except KeyError:
            raise _error(lineno, f"offset {u16} is outside the text or inside a character") from None

    tokens, bounds = [], []
    spans: dict = {}          # key -> [start, end, label, line]
    token_spans: dict[str, list] = {}   # unit id -> keys of the annotations on it
    relations = []
    for text_lines, units in sentences:
        s_first = s_last = None
        for uid, b, e, token, cols, lineno in units:
            s, t = at(b, lineno), at(e, lineno)
            if "." not in uid:
                if text[s:t] != token:
                    raise _error(lineno, f"token {uid} is {token!r} but the text at {b}-{e} is {text[s:t]!r}")
                tokens.append((s, t))
                s_first = s if s_first is None else s_first
                s_last = t
            if len(cols) < layout.columns:
                raise _error(lineno, f"expected {layout.columns} annotation columns, got {len(cols)}")
            if layout.span_col is None:
                continue
            cell = cols[layout.span_col]
            keys = []
            if cell and cell != "_":
                for index, raw in enumerate(_split_cell(cell)):
                    label, ident = _item(raw)
                    key = ident if ident is not None else (uid, index)
                    keys.append(key)
                    if label is None:
                        raise _error(lineno, f"an annotation on {uid} has no label (*)")
                    entry = spans.setdefault(key, [s, t, label, lineno])
                    entry[0], entry[1] = min(entry[0], s), max(entry[1], t)
            token_spans[uid] = keys
            if layout.ref_col is not None and cols[layout.ref_col] not in ("", "_"):
                labels = _split_cell(cols[layout.rel_col]) if layout.rel_col is not None else []
                for index, ref in enumerate(_split_cell(cols[layout.ref_col])):
                    m = _REF.match(ref)
                    if not m:
                        raise _error(lineno, f"bad relation reference {ref!r}")
                    label = _item(labels[index])[0] if index < len(labels) else None
                    relations.append((m.group(1), int(m.group(2) or 0), uid, int(m.group(3) or 0),
                                      label or "relation", lineno))
        if s_first is not None:
            bounds.append((s_first, s_last))
    rec = RawRecord(text=text, line=sentences[0][1][0][5], fmt=NAME, has_annotations=True,
                    tokens=tokens, sentences=bounds)
    for key, (s, t, label, _line) in spans.items():
        rec.spans.append(RawSpan(s, t, label, key=key))

    def resolve(unit: str, ident: int, lineno: int):
        if ident:
            if ident not in spans:
                raise _error(lineno, f"relation names annotation [{ident}], which is not in the layer")
            return ident
        keys = token_spans.get(unit) or []
        if not keys:
            raise _error(lineno, f"relation names {unit}, which has no annotation")
        return keys[0]

    for src_unit, src_id, dst_unit, dst_id, label, lineno in relations:
        rec.relations.append(RawRelation(resolve(src_unit, src_id, lineno), resolve(dst_unit, dst_id, lineno),
                                         label))
    return rec


def _error(line: int, message: str) -> RecordError:
    exc = RecordError(message)
    exc.line = line
    return exc


# ---------------------------------------------------------------------------------- writing
def document_lines(ed: ExportDoc, stats: Counter | None = None) -> list[str]:
    text = ed.doc.text
    spans = sorted(ed.spans, key=lambda s: (s.start, -s.end, s.label, s.id or 0))
    starts = sorted({0, *[a for a in aligned.sentence_starts(ed) if 0 < a < len(text)]})
    span_starts, span_ends = {s.start for s in spans}, {s.end for s in spans}
    # whitespace is not a token, except where a span begins or ends on it
    toks = [t for t in aligned.tokens(ed, set(starts))
            if not t.text.isspace() or t.start in span_starts or t.end in span_ends]
    # each sentence runs from its first token to the next sentence's first token (the first
    # from 0), so every character is in one, whitespace included
    groups: list[list[int]] = []
    k = 0
    for i, t in enumerate(toks):
        while k + 1 < len(starts) and t.start >= starts[k + 1]:
            k += 1
        if not groups or groups[-1][0] != k:
            groups.append([k, i])
    firsts = [g[1] for g in groups]
    bounds = [[toks[i].start if n else 0, toks[firsts[n + 1]].start if n + 1 < len(firsts) else len(text)]
              for n, i in enumerate(firsts)]
    ids: dict[int, int] = {}
    next_id = 1
    cover: dict[int, list] = {}         # token index -> spans on it
    starts_at = {t.start: i for i, t in enumerate(toks)}
    for s in spans:
        first = starts_at[s.start] if s.start in starts_at else next(i for i, t in enumerate(toks) if t.start >= s.start)
        i = first
        while i < len(toks) and toks[i].end <= s.end:
            cover.setdefault(i, []).append(s)
            i += 1
    for i, on in cover.items():
        for s in on:
            if s.id not in ids and (len(on) > 1 or not (toks[i].start == s.start and toks[i].end == s.end)):
                ids[s.id] = next_id
                next_id += 1
    span_ids = {s.id for s in spans}
    rels = [r for r in ed.relations if r.head in span_ids and r.tail in span_ids]
    by_id = {s.id: s for s in spans}
    u16 = [0]
    for ch in text:
        u16.append(u16[-1] + (2 if ord(ch) > 0xFFFF else 1))
    address: dict[int, str] = {}
    lines = [HEADER, f"#T_SP={NE_TYPE}|identifier|value"]
    if rels:
        lines.append(f"#T_RL={REL_TYPE}|label|BT_{NE_TYPE}")
    lines += ["", ""]
    index = 0
    body: list[tuple[int, list[str]]] = []
    for sn, (a, b) in enumerate(bounds, 1):
        lines.append("#Text=" + escape_text(text[a:b]))
        tn = 0
        while index < len(toks) and toks[index].start < b:
            t = toks[index]
            tn += 1
            addr = f"{sn}-{tn}"
            for s in cover.get(index, []):
                address.setdefault(s.id, addr)
            on = cover.get(index, [])
            ident = "|".join(f"*[{ids[s.id]}]" if s.id in ids else "*" for s in on) or "_"
            value = "|".join(escape_value(s.label) + (f"[{ids[s.id]}]" if s.id in ids else "") for s in on) or "_"
            row = [addr, f"{u16[t.start]}-{u16[t.end]}", escape_text(t.text), ident, value]
            lines.append("")   # placeholder, filled once relations are known
            body.append((len(lines) - 1, row))
            index += 1
            if stats is not None:
                stats["tokens"] += 1
        lines.append("")
    rel_cells: dict[str, list[tuple[str, str]]] = {}
    for r in rels:
        head, tail = by_id[r.head], by_id[r.tail]
        target = address[tail.id]
        ref = address[head.id]
        if head.id in ids or tail.id in ids:
            ref += f"[{ids.get(head.id, 0)}_{ids.get(tail.id, 0)}]"
        rel_cells.setdefault(target, []).append((escape_value(r.label), ref))
    for pos, row in body:
        if rels:
            cells = rel_cells.get(row[0])
            row += ["|".join(c[0] for c in cells), "|".join(c[1] for c in cells)] if cells else ["_", "_"]
        lines[pos] = "\t".join(row) + "\t"
    if stats is not None:
        stats["sentences"] += len(bounds)
    return lines


class Writer:
    """One TSV file per document (see :class:`annotator.core.exporter._FolderOutput`)."""

    suffix = ".tsv"   # one file per document: the registry declares the format as a folder

    def __init__(self, level: str = "word"):
        self.stats: Counter = Counter()

    def lines(self, ed: ExportDoc) -> Iterator[str]:
        yield from document_lines(ed, self.stats)
