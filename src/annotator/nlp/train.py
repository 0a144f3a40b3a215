"""Training, evaluation and model versioning for the entity model.

* :func:`train_entity_model` trains a CRF from ``(text, spans)`` examples and saves it as
  ``entity-YYYYmmdd-HHMMSS.crf`` with a JSON sidecar of metrics (``.json``) in ``out_dir``.
* :func:`evaluate` gives per-label precision/recall/F1 (exact-match entity spans) and
  sentence-level directive P/R/F1 for a :class:`~annotator.nlp.pipeline.Pipeline` or any
  callable ``text -> Annotation | list of spans``.
* :func:`set_active` / :func:`active_model` / :func:`list_models` manage the ``active`` pointer
  file in a models folder.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import time
from pathlib import Path

from annotator.nlp.entities import ENTITY_LABELS, bio_labels, train_crf
from annotator.nlp.features import FEATURE_SET_VERSION, Featurizer
from annotator.nlp.rules import RuleSet, load_rules
from annotator.nlp.text import segment_spans, sentences

__all__ = [
    "MIN_ENTITY_SENTENCES",
    "DEFAULT_PARAMS",
    "load_examples",
    "examples_to_sequences",
    "train_entity_model",
    "evaluate",
    "format_report",
    "list_models",
    "set_active",
    "active_model",
    "new_model_name",
    "default_user_models_dir",
]

#: Training refuses to run with fewer sentences that contain an entity.
MIN_ENTITY_SENTENCES = 20
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 150}


def _span_tuple(s):
    if isinstance(s, (tuple, list)):
        return int(s[0]), int(s[1]), str(s[2])
    return int(s.start), int(s.end), str(s.label)


def load_examples(folder: str | Path, paths=None) -> list[tuple[str, list]]:
    """``(text, spans)`` for every ``*.txt`` seed file in ``folder`` (sorted by name), or for ``paths``."""
    from annotator.core.markup import parse_markup

    out = []
    for p in sorted(Path(folder).glob("*.txt")) if paths is None else paths:
        text, spans = parse_markup(p.read_text(encoding="utf-8"))
        out.append((text, [(s.start, s.end, s.label) for s in spans]))
    return out


def examples_to_sequences(examples, featurizer: Featurizer):
    """Per sentence: feature lists and BIO labels. Returns ``(X, y, n_entity_sentences)``."""
    X, y = [], []
    n_ent = 0
    for text, spans in examples:
        spans = [_span_tuple(s) for s in spans]
        ents = [s for s in spans if s[2] in ENTITY_LABELS]
        sents = [(s.start, s.end) for s in sentences(text)]
        for (a, b), toks in zip(sents, segment_spans(text, sents)):
            if not toks:
                continue
            inside = [s for s in ents if s[0] < b and s[1] > a]
            labels = bio_labels(toks, inside)
            if any(lab != "O" for lab in labels):
                n_ent += 1
            X.append(featurizer.sentence_features(toks))
            y.append(labels)
    return X, y, n_ent


def default_user_models_dir() -> Path:
    """``models`` in the app's user data folder (``annotator.paths.data_dir()``)."""
    try:
        from annotator.paths import data_dir

        return Path(data_dir()) / "models"
    except Exception:  # pragma: no cover - platformdirs missing
        return Path.home() / ".annotator" / "models"


def new_model_name(now: _dt.datetime | None = None) -> str:
    now = now or _dt.datetime.now()
    return now.strftime("entity-%Y%m%d-%H%M%S.crf")


def train_entity_model(examples, dev=None, seed: int = 13, *, out_dir: str | Path | None = None,
                       rules: RuleSet | None = None, params: dict | None = None,
                       name: str | None = None, activate: bool = False,
                       min_entity_sentences: int = MIN_ENTITY_SENTENCES) -> tuple[Path, dict]:
    """Train the entity CRF on ``examples`` (list of ``(text, spans)``).

    ``dev``: optional held-out examples to report metrics on (via a full pipeline).
    ``seed``: shuffles the training order (the L-BFGS result is deterministic given the order).
    Saves ``<out_dir>/entity-YYYYmmdd-HHMMSS.crf`` plus a ``.json`` sidecar with the report and
    returns ``(model_path, report)``; ``out_dir`` defaults to ``<user data dir>/models`` (never the
    shipped resources). ``activate=True`` points ``<out_dir>/active`` at the new model.
    Raises ``ValueError`` when the data are too small (nothing is written then).
    """
    params = {**DEFAULT_PARAMS, **(params or {})}
    rules = rules or load_rules()
    featurizer = Featurizer(rules)
    examples = list(examples)
    X, y, n_ent = examples_to_sequences(examples, featurizer)
    if n_ent < min_entity_sentences:
        raise ValueError(
            f"too little training data: {n_ent} sentence(s) with entities, "
            f"at least {min_entity_sentences} needed; no model was written"
        )
    labels_seen = {lab[2:] for seq in y for lab in seq if lab != "O"}
    order = list(range(len(X)))
    random.Random(seed).shuffle(order)
    X = [X[i] for i in order]
    y = [y[i] for i in order]
    out_dir = Path(out_dir) if out_dir else default_user_models_dir()
    name = name or new_model_name()
    version = name[:-4] if name.endswith(".crf") else name
    t0 = time.perf_counter()
    model = train_crf(X, y, c1=params["c1"], c2=params["c2"], max_iterations=int(params["max_iterations"]),
                      meta={"version": version, "feature_set": FEATURE_SET_VERSION, "seed": seed,
                            "params": params, "created": _dt.datetime.now().isoformat(timespec="seconds"),
                            "train_documents": len(examples), "train_sentences": len(X),
                            "train_entity_sentences": n_ent})
    train_seconds = time.perf_counter() - t0
    report = {
        "version": version,
        "feature_set": FEATURE_SET_VERSION,
        "seed": seed,
        "params": params,
        "train_documents": len(examples),
        "train_sentences": len(X),
        "train_entity_sentences": n_ent,
        "labels": sorted(labels_seen),
        "train_seconds": round(train_seconds, 2),
    }
    if dev:
        from annotator.nlp.pipeline import Pipeline

        report["dev"] = evaluate(Pipeline(model, rules), dev)
    path = model.save(out_dir / name)
    path.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if activate:
        set_active(out_dir, path.name)
    return path, report


# ---------------------------------------------------------------------------
# evaluation


def _strip_marker(text: str, a: int, b: int) -> tuple[int, int]:
    """Directive span without a leading list marker and surrounding whitespace."""
    while a < b and text[a].isspace():
        a += 1
    if a < b and text[a] in "-–—+•*·" and a + 1 < b and text[a + 1].isspace():
        a += 1
        while a < b and text[a].isspace():
            a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _predicted_spans(system, text):
    out = system(text) if not hasattr(system, "annotate") else system.annotate(text)
    spans = out.spans if hasattr(out, "spans") else out
    return [_span_tuple(s) for s in spans]


def evaluate(pipeline_or_callable, examples, *, errors: list | None = None) -> dict:
    """Per-label P/R/F1 on ``examples``.

    Entities: exact match of ``(start, end, label)``; ``micro`` over PER/ORG/LOC/MISC.
    Directives (``DIRECTIVE``): sentence level: each gold directive sentence is matched by a
    predicted directive with the same extent, ignoring a leading list marker ("- ") and
    whitespace. ``errors`` (a list) receives ``(kind, label, text_of_span, doc_index, start, end)``.
    """
    counts = {lab: [0, 0, 0] for lab in ENTITY_LABELS + ("DIRECTIVE",)}
    for di, (text, gold) in enumerate(examples):
        gold = [_span_tuple(s) for s in gold]
        pred = _predicted_spans(pipeline_or_callable, text)
        g_ent = {s for s in gold if s[2] in ENTITY_LABELS}
        p_ent = {s for s in pred if s[2] in ENTITY_LABELS}
        for lab in ENTITY_LABELS:
            g = {s for s in g_ent if s[2] == lab}
            p = {s for s in p_ent if s[2] == lab}
            counts[lab][0] += len(g & p)
            counts[lab][1] += len(p - g)
            counts[lab][2] += len(g - p)
            if errors is not None:
                for s in sorted(p - g):
                    errors.append(("FP", lab, text[s[0]:s[1]], di, s[0], s[1]))
                for s in sorted(g - p):
                    errors.append(("FN", lab, text[s[0]:s[1]], di, s[0], s[1]))
        g_dir = {_strip_marker(text, s[0], s[1]) for s in gold if s[2] == "DIRECTIVE"}
        p_dir = {_strip_marker(text, s[0], s[1]) for s in pred if s[2] == "DIRECTIVE"}
        counts["DIRECTIVE"][0] += len(g_dir & p_dir)
        counts["DIRECTIVE"][1] += len(p_dir - g_dir)
        counts["DIRECTIVE"][2] += len(g_dir - p_dir)
        if errors is not None:
            for s in sorted(p_dir - g_dir):
                errors.append(("FP", "DIRECTIVE", text[s[0]:s[1]], di, s[0], s[1]))
            for s in sorted(g_dir - p_dir):
                errors.append(("FN", "DIRECTIVE", text[s[0]:s[1]], di, s[0], s[1]))
    report = {lab: _prf(*counts[lab]) for lab in counts}
    tp = sum(counts[lab][0] for lab in ENTITY_LABELS)
    fp = sum(counts[lab][1] for lab in ENTITY_LABELS)
    fn = sum(counts[lab][2] for lab in ENTITY_LABELS)
    report["micro"] = _prf(tp, fp, fn)
    report["documents"] = len(examples)
    return report


def format_report(report: dict, title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for lab in ENTITY_LABELS + ("micro", "DIRECTIVE"):
        r = report.get(lab)
        if not r:
            continue
        lines.append(f"{lab:<10} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                     f"{r['tp']:5d} {r['fp']:5d} {r['fn']:5d}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# versioning


def list_models(folder: str | Path) -> list[dict]:
    """Models in ``folder``, oldest first: ``{"name", "path", "active", "report"}``."""
    folder = Path(folder)
    active = active_model(folder)
    out = []
    for p in sorted(folder.glob("entity-*.crf")):
        side = p.with_suffix(".json")
        report = None
        if side.is_file():
            try:
                report = json.loads(side.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                report = None
        out.append({"name": p.name, "path": p, "active": active is not None and p == active, "report": report})
    return out


def set_active(folder: str | Path, name: str) -> Path:
    """Point ``<folder>/active`` at model file ``name`` (which must exist)."""
    folder = Path(folder)
    target = folder / Path(name).name
    if not target.is_file():
        raise FileNotFoundError(f"no model {target}")
    tmp = folder / "active.tmp"
    tmp.write_text(target.name + "\n", encoding="utf-8")
    tmp.replace(folder / "active")
    return target


def active_model(folder: str | Path) -> Path | None:
    """The model the ``active`` pointer names (or None)."""
    folder = Path(folder)
    pointer = folder / "active"
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return folder / name if name else None
