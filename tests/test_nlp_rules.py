"""Reviewer-editable rule files: syntax, errors with line numbers, user overrides."""

from __future__ import annotations

import warnings

from pathlib import Path

import pytest

from annotator.nlp.pipeline import Pipeline
from annotator.nlp.rules import RuleSyntaxError, load_rules, parse_rule_text, rule_entities
from annotator.nlp.text import segment


def test_parse_entries_flags_and_comments():
    entries, replace = parse_rule_text(
        "# heads\n\nSở\nUBND | place, alone\n  Viện  \n", "org_heads", "org_heads.txt")
    assert not replace
    assert [e.phrase for e in entries] == ["Sở", "UBND", "Viện"]
    assert entries[1].flags == {"place", "alone"}
    assert entries[1].line == 4


def test_numeric_option_and_label():
    (cue,), _ = parse_rule_text("đề nghị | weight=0.9\n", "directive_cues")
    assert cue.option("weight") == 0.9
    (ent,), _ = parse_rule_text("Liên hợp quốc | ORG\n", "entities")
    assert ent.label == "ORG"


@pytest.mark.parametrize("text,line,fragment", [
    ("Sở\nBộ | bogus\n", 2, "unknown option"),
    ("Sở\n\n# c\n | place\n", 4, "empty entry"),
    ("Sở | place |\n", 1, "more than one"),
    ("Sở |\n", 1, "nothing after"),
    ("Sở | place,\n", 1, "stray comma"),
    ("[Sở]\n", 1, "invalid character"),
])
def test_syntax_errors_name_file_and_line(tmp_path, text, line, fragment):
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "org_heads.txt").write_text(text, encoding="utf-8")
    with pytest.raises(RuleSyntaxError) as info:
        load_rules(extra_dir=extra)
    err = info.value
    assert err.line == line
    assert err.path.endswith("org_heads.txt")
    assert f"line {line}" in str(err) and "org_heads.txt" in str(err)
    assert fragment in str(err)


def test_bad_weight_and_missing_label(tmp_path):
    with pytest.raises(RuleSyntaxError, match="line 2"):
        parse_rule_text("yêu cầu | weight=0.9\ngiao | weight=abc\n", "directive_cues", "x.txt")
    with pytest.raises(RuleSyntaxError, match="line 1.*missing label"):
        parse_rule_text("ASEAN\n", "entities", "entities.txt")


def test_pipeline_load_reports_rule_error(tmp_path):
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "person_titles.txt").write_text("Bộ trưởng\nông | x\n", encoding="utf-8")
    with pytest.raises(RuleSyntaxError, match="person_titles.txt, line 2"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            Pipeline.load(rules_dir=extra)


def _rule_found(rules, text):
    toks = segment(text)
    return {(text[toks[a].start:toks[b - 1].end], lab) for a, b, lab, _ in rule_entities(toks, rules)}


def test_user_folder_adds_and_removes_entries(tmp_path):
    text = "Đại diện Quỹ Bảo trợ Xanh và Hiệp sĩ Trần Văn Tâm có mặt tại làng Vạn Phúc."
    base = load_rules()
    assert ("Trần Văn Tâm", "PER") not in _rule_found(base, text)
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "person_titles.txt").write_text("# mine\nHiệp sĩ\n", encoding="utf-8")
    (extra / "place_prefixes.txt").write_text("!làng\n", encoding="utf-8")
    rules = load_rules(extra_dir=extra)
    found = _rule_found(rules, text)
    assert ("Trần Văn Tâm", "PER") in found
    assert ("Vạn Phúc", "LOC") not in found
    assert ("Vạn Phúc", "LOC") in _rule_found(base, text)
    # shipped titles are still there
    assert len(rules.person_titles) == len(base.person_titles) + 1


def test_replace_marker_replaces_shipped_list(tmp_path):
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "org_heads.txt").write_text("#! replace\nQuỹ\n", encoding="utf-8")
    rules = load_rules(extra_dir=extra)
    assert len(rules.org_heads) == 1


def test_gazetteers_shipped_and_built_from_underthesea():
    rules = load_rules()
    texts = ["Quảng", "Ninh"]
    assert rules.places.match(texts, [t.lower() for t in texts], 0) == (2, "PROV")
    assert len(rules.entries["wards"]) > 1000
    assert len(rules.entries["districts"]) > 300
    assert "Nguyễn" in rules.surnames


def _build_script():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteers.py"
    spec = importlib.util.spec_from_file_location("build_gazetteers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_gazetteers_offline_matches_shipped(tmp_path, monkeypatch):
    """The build script runs without network and reproduces the committed gazetteers exactly."""
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the gazetteer build tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    counts = _build_script().write(tmp_path)
    assert counts["provinces"] >= 34 and counts["world"] > 1000
    shipped = Path(__file__).resolve().parents[1] / "resources" / "gazetteers"
    for name in ("provinces", "districts", "wards", "world"):
        assert (tmp_path / f"{name}.txt").read_text(encoding="utf-8") == \
            (shipped / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt is stale: run scripts/build_gazetteers.py"


def test_world_gazetteer_keeps_foreign_places_and_drops_vietnamese_words():
    world = set((Path(__file__).resolve().parents[1] / "resources" / "gazetteers" / "world.txt")
                .read_text(encoding="utf-8").splitlines())
    for name in ("Seoul", "Busan", "Gyeonggi", "Osaka", "Aichi", "Savannakhet", "Chiang Mai", "Pháp",
                 "Thụy Điển", "Quảng Tây"):
        assert name in world, name
    for word in ("Trang", "Nan", "Victoria", "Kim", "Hue", "Lao"):
        assert word not in world, word


def test_world_places_are_tagged_as_places():
    from annotator.nlp.rules import load_rules

    rules = load_rules()
    texts = ["tỉnh", "Gyeonggi", "và", "thành", "phố", "Busan"]
    tags = rules.gazetteer_tags(texts, [t.lower() for t in texts])
    assert tags[1] == "B-COUNTRY" and tags[5] == "B-COUNTRY"
