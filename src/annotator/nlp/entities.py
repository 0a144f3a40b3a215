"""Named-entity recognition: syllable-level BIO CRF (underthesea_core) plus rules.

Tokens come from :mod:`annotator.nlp.text` (underthesea's tokenizer and word segmentation,
with exact offsets); the CRF tags every syllable token B-X/I-X/O, X in PER, ORG, LOC, MISC.

Model file format (one file, ``*.crf``)::

    ANNOTATOR-CRF 1\\n
    {"version": ..., "feature_set": "f3", "labels": [...], "sha256": ..., "size": N, ...}\\n
    <N bytes: the CRFsuite model written by underthesea_core.CRFModel.save>

:func:`load_model` raises :class:`ModelError` for a missing, truncated, corrupt or incompatible
file; the pipeline catches it, warns and falls back to rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from annotator.nlp.features import FEATURE_SET_VERSION, Featurizer
from annotator.nlp.text import Token, _crfsuite_attributes

__all__ = [
    "ENTITY_LABELS",
    "ModelError",
    "EntityModel",
    "EntitySpan",
    "load_model",
    "read_model_file",
    "bio_labels",
    "decode_bio",
    "train_crf",
]

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
#: a model tag: any label of a corpus's scheme (custom labels too), with its B-/I- prefix
_BIO_LABEL = re.compile(r"^[BI]-[^\s]+$")
MAGIC = b"ANNOTATOR-CRF 1\n"


class ModelError(RuntimeError):
    """The entity model file cannot be used."""


@dataclass
class EntitySpan:
    start: int
    end: int
    label: str
    score: float
    origin: str
    first: int = 0  # token indices within the sentence
    last: int = 0
    attrs: dict = field(default_factory=dict)


def _panic_types():
    try:
        from pyo3_runtime import PanicException  # type: ignore

        return (Exception, PanicException)
    except Exception:
        return (Exception,)


class EntityModel:
    """A trained CRF with its metadata."""

    def __init__(self, tagger, meta: dict, payload: bytes | None = None):
        self.tagger = tagger
        self.meta = dict(meta)
        self.payload = payload

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    @property
    def labels(self) -> list[str]:
        return list(self.tagger.labels())

    @property
    def label_index(self) -> dict[str, int]:
        idx = getattr(self, "_label_index", None)
        if idx is None:
            idx = self._label_index = {n: k for k, n in enumerate(self.tagger.labels())}
        return idx

    @property
    def attributes(self) -> frozenset | None:
        """The attribute (feature) strings that carry a state weight in the model, read from the
        CRFsuite payload; None if unknown. Feature strings outside this set do not change the
        tagger's labels or marginals (see :func:`annotator.nlp.text._crfsuite_attributes`)."""
        attrs = getattr(self, "_attributes", False)
        if attrs is False:
            attrs = self._attributes = _crfsuite_attributes(self.payload) if self.payload else None
        return attrs

    def tag(self, features: list[list[str]]) -> list[str]:
        return self.tagger.tag(features)

    def marginals(self, features: list[list[str]]):
        return self.tagger.marginals(features)

    # -- persistence -----------------------------------------------------
    @classmethod
    def from_payload(cls, payload: bytes, meta: dict) -> "EntityModel":
        from underthesea_core import CRFTagger

        fd, tmp = tempfile.mkstemp(suffix=".crfsuite")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            tagger = CRFTagger()
            try:
                tagger.load(tmp)
            except BaseException as exc:  # noqa: BLE001 - Rust panics are BaseException
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                raise ModelError(f"CRF payload does not load: {exc}") from None
        finally:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return cls(tagger, meta, payload)

    def save(self, path: str | Path) -> Path:
        if self.payload is None:
            raise ModelError("model has no serialisable payload")
        path = Path(path)
        meta = dict(self.meta)
        meta["sha256"] = hashlib.sha256(self.payload).hexdigest()
        meta["size"] = len(self.payload)
        header = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(MAGIC)
            fh.write(header + b"\n")
            fh.write(self.payload)
        os.replace(tmp, path)
        return path


def read_model_file(path: str | Path) -> tuple[dict, bytes]:
    """Metadata and CRFsuite payload of a ``.crf`` file (entity or directive model), checked
    for truncation and corruption; raises :class:`ModelError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}") from None
    if not data.startswith(MAGIC):
        raise ModelError(f"{path} is not an annotator CRF model (bad header)")
    nl = data.find(b"\n", len(MAGIC))
    if nl < 0:
        raise ModelError(f"{path} is truncated (no metadata line)")
    try:
        meta = json.loads(data[len(MAGIC):nl].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path} has corrupt metadata: {exc}") from None
    if not isinstance(meta, dict):
        raise ModelError(f"{path} has corrupt metadata")
    payload = data[nl + 1:]
    if meta.get("size") != len(payload):
        raise ModelError(f"{path} is truncated or padded ({len(payload)} bytes, expected {meta.get('size')})")
    if meta.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise ModelError(f"{path} is corrupt (checksum mismatch)")
    return meta, payload


def load_model(path: str | Path) -> EntityModel:
    """Load a ``.crf`` model file; raises :class:`ModelError` if it cannot be used."""
    path = Path(path)
    meta, payload = read_model_file(path)
    if meta.get("feature_set") != FEATURE_SET_VERSION:
        raise ModelError(
            f"{path} was trained with feature set {meta.get('feature_set')!r}, "
            f"this version uses {FEATURE_SET_VERSION!r}: retrain the model"
        )
    model = EntityModel.from_payload(payload, meta)
    labels = set(model.labels)
    if not labels or not all(lab == "O" or _BIO_LABEL.match(lab) for lab in labels):
        raise ModelError(f"{path} has unexpected labels {sorted(labels)}")
    return model


# ---------------------------------------------------------------------------
# BIO helpers


def bio_labels(tokens: list[Token], spans, trainable=ENTITY_LABELS) -> list[str]:
    """BIO label per token for entity spans ``(start, end, label)`` whose label is in
    ``trainable`` (default PER/ORG/LOC/MISC; a corpus's scheme may add its own labels)."""
    labels = ["O"] * len(tokens)
    for s in spans:
        start, end, label = s[0], s[1], s[2]
        if label not in trainable:
            continue
        first = True
        for i, t in enumerate(tokens):
            if t.end <= start or t.start >= end:
                continue
            labels[i] = ("B-" if first else "I-") + label
            first = False
    return labels


def decode_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, end_exclusive, label)`` from BIO labels (lenient on stray I-)."""
    out = []
    cur = None
    for i, lab in enumerate(labels):
        if lab == "O" or len(lab) < 3:
            if cur:
                out.append(tuple(cur))
                cur = None
            continue
        pre, typ = lab[0], lab[2:]
        if pre == "B" or cur is None or cur[2] != typ:
            if cur:
                out.append(tuple(cur))
            cur = [i, i + 1, typ]
        else:
            cur[1] = i + 1
    if cur:
        out.append(tuple(cur))
    return out


# ---------------------------------------------------------------------------
# training


def train_crf(X: list[list[list[str]]], y: list[list[str]], *, c1: float = 0.05, c2: float = 0.01,
              max_iterations: int = 200, meta: dict | None = None) -> EntityModel:
    """Train a CRF (L-BFGS, elastic net) and return it as an :class:`EntityModel`."""
    from underthesea_core import CRFTrainer

    trainer = CRFTrainer(loss_function="lbfgs", l1_penalty=c1, l2_penalty=c2,
                         max_iterations=max_iterations, verbose=0)
    crf = trainer.train(X, y)
    fd, tmp = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        crf.save(tmp)
        payload = Path(tmp).read_bytes()
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    meta = dict(meta or {})
    meta.setdefault("feature_set", FEATURE_SET_VERSION)
    meta.setdefault("params", {"c1": c1, "c2": c2, "max_iterations": max_iterations})
    return EntityModel.from_payload(payload, meta)


#: Score of a CRF span that a rule or gazetteer span agrees with exactly.
CONFIRMED_SCORE = 0.95


#: Tokens of context on each side of a span when its marginals are computed.
MARGINAL_WINDOW = 4


def predict_spans(model: EntityModel, featurizer: Featurizer, tokens: list[Token],
                  with_scores: bool = True, confirmed=frozenset()) -> list[EntitySpan]:
    """CRF entity spans for one sentence's tokens.

    Labels are the Viterbi path (``tag``). Scores: a span listed in ``confirmed`` (a set of
    ``(start, end, label)``, e.g. the rule spans) scores :data:`CONFIRMED_SCORE`; any other
    span scores the lowest marginal probability of its labels, computed by forward-backward
    over the span plus :data:`MARGINAL_WINDOW` tokens of context on each side (a local
    approximation of the sentence marginals, much cheaper on long sentences).
    ``with_scores=False`` gives 1.0 everywhere.
    """
    if not tokens:
        return []
    feats = featurizer.sentence_features(tokens)
    labels = model.tag(feats)
    spans = decode_bio(labels)
    if not spans:
        return []
    n = len(tokens)
    origin = "crf:" + model.version
    idx = model.label_index
    out = []
    windows: list[list[int]] = []
    keyed = []
    for a, b, lab in spans:
        key = (tokens[a].start, tokens[b - 1].end, lab)
        need = with_scores and key not in confirmed
        keyed.append((key, a, b, need))
        if need:
            lo, hi = max(0, a - MARGINAL_WINDOW), min(n, b + MARGINAL_WINDOW)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
    probs: dict[int, float] = {}
    for lo, hi in windows:
        marg = model.marginals(feats[lo:hi])
        for k in range(lo, hi):
            probs[k] = marg[k - lo][idx[labels[k]]]
    for (s, e, lab), a, b, need in keyed:
        if not with_scores:
            score = 1.0
        elif not need:
            score = CONFIRMED_SCORE
        else:
            score = min(probs[k] for k in range(a, b))
        out.append(EntitySpan(s, e, lab, round(float(score), 4), origin, a, b))
    return out
