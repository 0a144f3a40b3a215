"""The shipped models (issue 10): what they learn from, how they are built and loaded.

The directive rules fit the training part perfectly, so a directive model trained on it alone only
copies them. The retired test parts (read for their error classes, so no longer unseen) are text the
rules do not fit, and a sentence model trained on them as well revises the rules' hits on news they
never saw. Both shipped models learn from them; the learning bench's sections stay out.
"""

from __future__ import annotations

import warnings

import pytest

from annotator.core.markup import parse_markup
from annotator.nlp.build_shipped import build
from annotator.nlp.learner import active_directive_path
from annotator.nlp.pipeline import Pipeline, default_directive_path, default_model_path
from annotator.nlp.resources import DIRECTIVE_POINTER, models_dir, seed_dir
from annotator.nlp.train import evaluate, load_examples
from annotator.nlp.training_data import (LEARNING_BENCH_SECTIONS, RETIRED_PARTS, shipped_training_docs,
                                         shipped_training_examples)


def _sections(part):
    rows = (seed_dir() / part / "SECTIONS.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in rows if "\t" in line)


def _texts(part):
    return {parse_markup(p.read_text(encoding="utf-8"))[0] for p in (seed_dir() / part).glob("*.txt")}


def test_training_is_the_train_part_and_the_retired_parts_without_the_learning_bench_sections():
    texts = [text for text, _ in shipped_training_examples()]
    assert len(texts) == len(set(texts))
    expected = set(_texts("train"))
    for part in RETIRED_PARTS:
        sections = _sections(part)
        kept = {parse_markup(p.read_text(encoding="utf-8"))[0] for p in (seed_dir() / part).glob("*.txt")
                if sections[p.name] not in LEARNING_BENCH_SECTIONS}
        assert 0 < len(kept) < len(sections)
        expected |= kept
    assert set(texts) == expected
    assert [d.text for d in shipped_training_docs()] == texts


def test_parts_still_held_out_never_teach():
    texts = {text for text, _ in shipped_training_examples()}
    held_out = [part for part in ("test", "dev") + tuple(f"test{n}" for n in range(6, 10))
                if (seed_dir() / part).is_dir()]
    assert {"test6", "test7"} <= set(held_out) and not set(held_out) & set(RETIRED_PARTS)
    for part in held_out:
        assert not texts & _texts(part), part


def test_the_shipped_pipeline_revises_the_rules_with_the_shipped_directive_model():
    path = default_directive_path()
    assert path is not None and path.parent == models_dir()
    assert (models_dir() / DIRECTIVE_POINTER).read_text(encoding="utf-8").strip() == path.name
    pipe = Pipeline.load()
    assert pipe.directive_model is not None and pipe.directive_model.version == path.stem
    assert Pipeline.load(directive_path=None).directive_model is None
    # a fresh corpus (no model of its own) runs the shipped directive model too
    assert active_directive_path(None) == path


def test_a_corpus_model_folder_with_its_own_directive_model_wins(tmp_path):
    db = tmp_path / "c.db"
    folder = tmp_path / "models"
    folder.mkdir()
    assert active_directive_path(db) == default_directive_path()
    own = folder / "directive-own.crf"
    own.write_bytes(default_directive_path().read_bytes())
    (folder / DIRECTIVE_POINTER).write_text("directive-own.crf\n", encoding="utf-8")
    assert active_directive_path(db) == own


def test_an_unusable_directive_model_leaves_the_rules_alone_with_a_warning(tmp_path):
    broken = tmp_path / "directive-broken.crf"
    broken.write_bytes(b"\x00not a model")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe = Pipeline.load(directive_path=broken)
    assert pipe.directive_model is None
    assert any("directive model unusable" in str(w.message) for w in caught)
    text = "Chỉ đạo\n\nBộ Y tế yêu cầu các địa phương tăng cường giám sát dịch bệnh."
    assert [s.label for s in pipe.annotate(text).spans].count("DIRECTIVE") == 1


def test_the_directive_model_is_not_worse_than_the_rules_alone_on_dev():
    dev = load_examples(seed_dir() / "dev")
    with_model = evaluate(Pipeline.load(), dev)["DIRECTIVE"]
    rules_alone = evaluate(Pipeline.load(directive_path=None), dev)["DIRECTIVE"]
    assert with_model["f1"] >= rules_alone["f1"] - 0.005
    assert with_model["f1"] >= 0.95


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("models")
    (out / "entity-old.crf").write_bytes(b"old")
    (out / "directive-old.crf").write_bytes(b"old")
    path, report = build(out)
    return out, path, report


def test_build_writes_both_models_points_at_them_and_drops_old_ones(built):
    out, path, report = built
    directive = out / report["directive_model"]
    assert sorted(p.name for p in out.glob("*.crf")) == sorted([path.name, directive.name])
    assert default_model_path(out) == path and default_directive_path(out) == directive
    assert report["train_documents"] == len(shipped_training_examples())
    assert report["directive_dev"]["DIRECTIVE"]["f1"] >= 0.95
    pipe = Pipeline.load(path, directive_path=directive)
    assert pipe.directive_model.version == directive.stem
