"""A learnt directive sentence classifier that works with the directive rules.

The rules (:mod:`annotator.nlp.directives`) find cue verbs, modals and continuation openers.
Reviewers then accept, create and reject directive sentences; this model learns from those
decisions. It is a CRF over the sentences of a document (labels ``D``/``O``), so the chain of a
request and the sentences continuing it is learnt from the transitions; its features are the
rules' own verdict (kind and cue), cue words and modals anywhere in the sentence, the first words
(subject patterns), whether a named body or person comes before the cue, the sentence's place
(after a sentence ending in ":", a list item, a new paragraph) and what the previous sentence was.

:meth:`DirectiveModel.revise` turns the rules' hits into the model's: a sentence the model
calls a directive without a rule hit is added (kind ``model``), a rule hit the model calls
``O`` is dropped. Saved as ``directive-<time>.crf`` beside the entity models (same file format).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from annotator.nlp.directives import DirectiveHit
from annotator.nlp.entities import EntityModel, ModelError, read_model_file

__all__ = ["DirectiveModel", "train_directive_model", "load_directive_model", "DIRECTIVE_FEATURES"]

DIRECTIVE_FEATURES = "d1"
_LIST_MARKS = ("-", "+", "•", "–", "*")
#: words whose presence anywhere in a sentence says something about a request
_CUE_WORDS = frozenset("""đề nghị yêu cầu chỉ đạo giao kiến nghị đề xuất cần phải chủ động khẩn trương
tăng cường đẩy mạnh tập trung rà soát triển khai chỉ thị quán triệt kêu gọi mong muốn khuyến cáo lưu ý
đôn đốc tổ chức bảo đảm đảm bảo nghiêm túc thực hiện giao cho phối hợp sớm không được nghiêm cấm
báo cáo cho biết nói nhấn mạnh theo đã sẽ đang""".split())


def _sentence_features(text, bounds, toks_per, words, hits, entity_spans=()):
    """Per sentence feature lists (see the module docstring)."""
    by_sentence = {h.sentence_index: h for h in hits}
    ents = sorted((a, b) for a, b, *_ in entity_spans)
    out = []
    prev_end = 0
    prev_kind = "<s>"
    for si, ((s, e), toks) in enumerate(zip(bounds, toks_per)):
        if words is not None:
            texts, low = words[si]
        else:
            texts = [t[0] for t in toks]
            low = [x.lower() for x in texts]
        hit = by_sentence.get(si)
        kind = hit.kind if hit is not None else "none"
        f = ["b", "r=" + kind, "pr=" + prev_kind, "pr|r=" + prev_kind + "|" + kind]
        if hit is not None and hit.cue:
            f.append("cue=" + hit.cue.lower())
        gap = text[prev_end:s]
        if "\n\n" in gap:
            f.append("para")
        elif "\n" in gap:
            f.append("line")
        prev_char = text[prev_end - 1] if prev_end > 0 else ""
        if prev_char in ":;":
            f.append("after" + prev_char)
        if texts and texts[0] in _LIST_MARKS:
            f.append("list")
        k = 1 if texts and texts[0] in _LIST_MARKS else 0
        if k < len(low):
            f.append("w0=" + low[k])
            f.append("cap0=" + str(texts[k][:1].isupper()))
        if k + 1 < len(low):
            f.append("w01=" + low[k] + "|" + low[k + 1])
        seen = set()
        for j, w in enumerate(low):
            if w in _CUE_WORDS and w not in seen:
                seen.add(w)
                f.append("has=" + w)
            if j + 1 < len(low):
                pair = w + " " + low[j + 1]
                if pair in _CUE_WORDS_2 and pair not in seen:
                    seen.add(pair)
                    f.append("has=" + pair)
        if hit is not None and hit.cue_start >= 0:
            before = any(a >= s and b <= hit.cue_start for a, b in ents)
            f.append("named_subject=" + str(before))
        last = text[e - 1] if e > s else ""
        f.append("end=" + (last if last in ".:;!?" else "p"))
        f.append("len=" + str(min(len(toks) // 10, 5)))
        out.append(f)
        prev_end = e
        prev_kind = kind
    return out


_CUE_WORDS_2 = frozenset({"đề nghị", "yêu cầu", "chỉ đạo", "kiến nghị", "đề xuất", "chủ động", "khẩn trương",
                          "tăng cường", "đẩy mạnh", "tập trung", "rà soát", "triển khai", "chỉ thị", "quán triệt",
                          "kêu gọi", "mong muốn", "khuyến cáo", "lưu ý", "đôn đốc", "bảo đảm", "đảm bảo",
                          "thực hiện", "phối hợp", "không được", "nghiêm cấm", "cho biết", "nhấn mạnh"})


class DirectiveModel:
    """A trained sentence CRF plus its metadata."""

    def __init__(self, model: EntityModel):
        self.model = model

    @property
    def version(self) -> str:
        return self.model.version

    def revise(self, text, bounds, toks_per, words, hits, entity_spans=()) -> list[DirectiveHit]:
        """The model's directive sentences, keeping the rules' hit (cue, kind) where both agree."""
        if not bounds:
            return hits
        feats = _sentence_features(text, bounds, toks_per, words, hits, entity_spans)
        labels = self.model.tag(feats)
        marg = self.model.marginals(feats)
        d = self.model.label_index.get("D")
        by_sentence = {h.sentence_index: h for h in hits}
        out = []
        for si, lab in enumerate(labels):
            hit = by_sentence.get(si)
            if lab != "D":
                continue
            p = round(float(marg[si][d]), 4) if d is not None else 0.5
            if hit is not None:
                hit.score = max(hit.score, p) if hit.score else p
                out.append(hit)
            else:
                s, e = bounds[si]
                out.append(DirectiveHit(s, e, p, "model", sentence_index=si))
        return out

    def save(self, path) -> Path:
        return self.model.save(path)


def train_directive_model(examples, *, rules, seed: int = 13, name: str | None = None,
                          max_iterations: int = 100) -> DirectiveModel | None:
    """Train on ``examples``: ``(text, bounds, toks_per, entity_spans, gold_flags)`` per document.

    Returns None when the examples hold no directive sentence (nothing to learn)."""
    import random

    from annotator.nlp.directives import DirectiveDetector, without_list_marks
    from annotator.nlp.entities import train_crf

    detector = DirectiveDetector(rules)
    X, y = [], []
    for text, bounds, toks_per, ents, gold in examples:
        if not bounds:
            continue
        _keep, bounds, toks_per, gold = without_list_marks(text, bounds, toks_per, list(gold))
        hits = detector.detect(text, bounds, toks_per, [tuple(s[:3]) for s in ents])
        X.append(_sentence_features(text, bounds, toks_per, None, hits, ents))
        y.append(["D" if g else "O" for g in gold])
    if not any("D" in seq for seq in y) or not any("O" in seq for seq in y):
        return None
    order = list(range(len(X)))
    random.Random(seed).shuffle(order)
    X = [X[i] for i in order]
    y = [y[i] for i in order]
    name = name or _dt.datetime.now().strftime("directive-%Y%m%d-%H%M%S")
    model = train_crf(X, y, c1=0.1, c2=0.05, max_iterations=max_iterations,
                      meta={"version": name, "feature_set": DIRECTIVE_FEATURES, "kind": "directive",
                            "train_documents": len(X)})
    return DirectiveModel(model)


def load_directive_model(path) -> DirectiveModel:
    """Load a ``directive-*.crf`` file; raises :class:`ModelError` if it cannot be used."""
    meta, payload = read_model_file(path)
    if meta.get("feature_set") != DIRECTIVE_FEATURES:
        raise ModelError(f"{path} is not a directive model of feature set {DIRECTIVE_FEATURES}")
    model = EntityModel.from_payload(payload, meta)
    if not set(model.labels) <= {"D", "O"}:
        raise ModelError(f"{path} has unexpected labels {sorted(model.labels)}")
    return DirectiveModel(model)
