"""annotator merge: collecting reviewers' work from their corpora and native exports.

Every test builds real corpora in a temporary folder and reads the result back with plain
sqlite3, so what is asserted is what is stored.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.exporter import ExportOptions, export
from annotator.core.merge import MergeReport, has_human_work, merge_sources, span_f1
from annotator.core.model import Document, Label, LabelKind, Relation, Span, SpanState, Status
from annotator.core.progress import Cancelled, NullProgress
from annotator.core.store import Corpus, CorpusError
from annotator.core.text import content_hash

A, S, R = SpanState.ACCEPTED, SpanState.SUGGESTED, SpanState.REJECTED

T_NEW = "Bộ Y tế đề nghị các địa phương tăng cường phòng chống dịch."
T_TAKE = "Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội hoàn thành trước ngày 30/6."
T_NOWORK = "Đà Nẵng đón khách quốc tế."
T_SAME = "Ông Nguyễn Văn An làm việc tại Huế."
T_CONFLICT = "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng yêu cầu Sở Y tế báo cáo trước thứ Sáu."


def sp(text: str, part: str, label: str, **kw) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label, **kw)


# ---------------------------------------------------------------------------------- fixtures
def make_lead(path):
    """The lead's corpus: T_TAKE only pre-annotated, the others reviewed by the lead."""
    with Corpus(path) as c:
        c.add_document(Document(text=T_TAKE, title="Thủ tướng", spans=[
            sp(T_TAKE, "Phạm Minh Chính", "PER", origin="model", state=S, score=0.4),
            sp(T_TAKE, "UBND TP Hà Nội", "LOC", origin="model", state=S, score=0.3)]))
        c.add_document(Document(text=T_NOWORK, status=Status.DONE, reviewer="lead", spans=[
            sp(T_NOWORK, "Đà Nẵng", "LOC", author="lead")]))
        c.add_document(Document(text=T_SAME, status=Status.DONE, reviewer="lead", spans=[
            sp(T_SAME, "Nguyễn Văn An", "PER", author="lead"), sp(T_SAME, "Huế", "LOC", author="lead")]))
        c.add_document(Document(text=T_CONFLICT, title="Quảng Ninh", status=Status.DONE, reviewer="lead",
                                time_spent=50.0, spans=[
            sp(T_CONFLICT, "Nguyễn Văn Thắng", "PER", author="lead"),
            sp(T_CONFLICT, "UBND tỉnh Quảng Ninh", "ORG", author="lead"),
            sp(T_CONFLICT, "Quảng Ninh", "LOC", state=R, author="lead")]))
    return path


def make_lan(path, reviewer="lan"):
    """A reviewer's corpus: one text the lead lacks, and her own work on the lead's texts."""
    with Corpus(path) as c:
        c.upsert_label(Label("REQUEST", LabelKind.DIRECTIVE, "#123456", "", 9))
        c.ensure_label("DATE")
        c.add_document(Document(text=T_NEW, uid="new-1", title="Bộ Y tế", status=Status.DONE, reviewer=reviewer,
                                time_spent=42.0, meta={"url": "http://x"}, spans=[
            sp(T_NEW, "Bộ Y tế", "ORG", author=reviewer),
            sp(T_NEW, T_NEW, "REQUEST", author=reviewer),
            sp(T_NEW, "địa phương", "MISC", origin="model", state=S, score=0.2)],
            relations=[Relation(0, 1, "issuer", author=reviewer)]))
        c.add_document(Document(text=T_TAKE, status=Status.DONE, reviewer=reviewer, time_spent=30.0, spans=[
            sp(T_TAKE, "Phạm Minh Chính", "PER", author=reviewer),
            sp(T_TAKE, "UBND TP Hà Nội", "ORG", author=reviewer),
            sp(T_TAKE, T_TAKE, "DIRECTIVE", author=reviewer)],
            relations=[Relation(0, 2, "issuer", author=reviewer), Relation(1, 2, "addressee", author=reviewer)]))
        c.add_document(Document(text=T_NOWORK, spans=[sp(T_NOWORK, "Đà Nẵng", "LOC", origin="model", state=S)]))
        c.add_document(Document(text=T_SAME, status=Status.DONE, reviewer=reviewer, spans=[
            sp(T_SAME, "Nguyễn Văn An", "PER", origin="import"), sp(T_SAME, "Huế", "LOC")]))
        c.add_document(Document(text=T_CONFLICT, status=Status.DONE, reviewer=reviewer, time_spent=70.0, spans=[
            sp(T_CONFLICT, "Nguyễn Văn Thắng", "PER", author=reviewer),
            sp(T_CONFLICT, "Sở Y tế", "ORG", author=reviewer),
            sp(T_CONFLICT, "Quảng Ninh", "LOC", author=reviewer),
            sp(T_CONFLICT, "thứ Sáu", "DATE", author=reviewer),
            sp(T_CONFLICT, "Nguyễn Văn Thắng yêu cầu Sở Y tế báo cáo trước thứ Sáu.", "DIRECTIVE", author=reviewer)],
            relations=[Relation(0, 4, "issuer", author=reviewer), Relation(1, 4, "addressee", author=reviewer)]))
    return path


def as_jsonl(db_path, out):
    with Corpus(db_path, read_only=True) as c:
        export(c, str(out), ExportOptions(fmt="native"))
    return out


@pytest.fixture
def lead(tmp_path):
    return make_lead(tmp_path / "lead.db")


@pytest.fixture(params=["corpus", "jsonl"])
def source(request, tmp_path):
    """Lan's work as a corpus file or as her native export: merge must treat them alike."""
    db = make_lan(tmp_path / "lan.db")
    return db if request.param == "corpus" else as_jsonl(db, tmp_path / "lan.jsonl")


def merge(path, sources, **kw) -> MergeReport:
    with Corpus(path) as c:
        return merge_sources(c, [str(s) for s in sources], **kw)


def fingerprint(path) -> str:
    """The corpus file's bytes, plus any WAL content.

    (A read-only ``Corpus`` of a WAL database leaves an empty ``-wal`` and a ``-shm`` beside it
    after closing: SQLite's doing, not a change to the corpus.)
    """
    wal = path.with_name(path.name + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


def stored(path, text):
    """A document as SQLite holds it: row, spans and relations (by span key), or None."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id, uid, title, status, reviewer, time_spent, span_count, suggested_count, meta"
                           " FROM documents WHERE hash=?", (content_hash(text),)).fetchone()
        if row is None:
            return None
        doc_id = row[0]
        spans = conn.execute('SELECT id, start, "end", label, state, origin, author, attrs, score FROM spans'
                             ' WHERE doc_id=? ORDER BY start, "end", label', (doc_id,)).fetchall()
        key = {s[0]: (text[s[1]:s[2]], s[3]) for s in spans}
        relations = conn.execute("SELECT head, tail, label, origin, author FROM relations WHERE doc_id=?",
                                 (doc_id,)).fetchall()
        history = conn.execute("SELECT action, who, before, after FROM history WHERE doc_id=? AND action='merge'",
                               (doc_id,)).fetchall()
    finally:
        conn.close()
    return {
        "id": doc_id, "uid": row[1], "title": row[2], "status": row[3], "reviewer": row[4], "time_spent": row[5],
        "counts": (row[6], row[7]), "meta": json.loads(row[8]),
        "spans": [(text[s[1]:s[2]], s[3], s[4], s[5]) for s in spans],
        "authors": {(text[s[1]:s[2]], s[3]): s[6] for s in spans},
        "attrs": {(text[s[1]:s[2]], s[3]): json.loads(s[7]) for s in spans},
        "relations": sorted((key[h], key[t], label, origin, author) for h, t, label, origin, author in relations),
        "history": [(a, w, json.loads(b) if b else None, json.loads(af)) for a, w, b, af in history],
    }


def labels(path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, kind FROM labels"))
    finally:
        conn.close()


def count(path, sql="SELECT count(*) FROM documents") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------------------------- the cases
def test_new_document_is_added_with_its_work(lead, source):
    report = merge(lead, [source])
    assert report.added == 1 and not report.failed_sources
    doc = stored(lead, T_NEW)
    assert (doc["status"], doc["reviewer"], doc["time_spent"]) == ("done", "lan", 42.0)
    assert (doc["uid"], doc["title"], doc["meta"]) == ("new-1", "Bộ Y tế", {"url": "http://x"})
    assert doc["spans"] == [("Bộ Y tế", "ORG", "accepted", "reviewer"),
                            (T_NEW, "REQUEST", "accepted", "reviewer"),
                            ("địa phương", "MISC", "suggested", "model")]
    assert doc["authors"][("Bộ Y tế", "ORG")] == "lan" and doc["authors"][("địa phương", "MISC")] is None
    assert doc["counts"] == (3, 1)
    # the relation joins the same spans, under the target's new span ids
    assert doc["relations"] == [(("Bộ Y tế", "ORG"), (T_NEW, "REQUEST"), "issuer", "reviewer", "lan")]
    [(action, _who, before, after)] = doc["history"]
    assert action == "merge" and before is None and after["action"] == "added"


def test_unknown_labels_are_added(lead, tmp_path):
    report = merge(lead, [make_lan(tmp_path / "lan.db")], conflicts="suggest")
    assert report.labels_added == ["REQUEST", "DATE"]  # in the order the documents needed them
    kinds = labels(lead)
    assert kinds["DATE"] == "entity"
    assert kinds["REQUEST"] == "directive"  # the source corpus says so, though the name does not


def test_document_without_human_work_in_the_target_takes_the_source_work(lead, source):
    report = merge(lead, [source])
    assert report.taken == 1
    doc = stored(lead, T_TAKE)
    assert (doc["status"], doc["reviewer"], doc["time_spent"], doc["title"]) == ("done", "lan", 30.0, "Thủ tướng")
    # the machine suggestions (PER suggested, LOC) are gone; lan's spans are in
    assert doc["spans"] == [(T_TAKE, "DIRECTIVE", "accepted", "reviewer"),
                            ("Phạm Minh Chính", "PER", "accepted", "reviewer"),
                            ("UBND TP Hà Nội", "ORG", "accepted", "reviewer")]
    assert doc["counts"] == (3, 0)
    assert doc["relations"] == [
        (("Phạm Minh Chính", "PER"), (T_TAKE, "DIRECTIVE"), "issuer", "reviewer", "lan"),
        (("UBND TP Hà Nội", "ORG"), (T_TAKE, "DIRECTIVE"), "addressee", "reviewer", "lan")]
    [(_, _, before, after)] = doc["history"]
    assert after["action"] == "taken" and before["status"] == "new" and len(before["spans"]) == 2


def test_source_without_human_work_changes_nothing(lead, source):
    before = stored(lead, T_NOWORK)
    report = merge(lead, [source])
    assert report.no_work == 1
    assert stored(lead, T_NOWORK) == before


def test_identical_work_is_not_a_conflict(lead, source):
    before = stored(lead, T_SAME)
    report = merge(lead, [source])
    assert report.identical == 1
    assert T_SAME not in {c.title for c in report.conflicts}
    assert stored(lead, T_SAME) == before
    assert report.skipped == report.identical + report.no_work == 2


def test_conflict_keep_is_the_default_and_reports_agreement(lead, source):
    before = stored(lead, T_CONFLICT)
    report = merge(lead, [source])
    [conflict] = report.conflicts
    assert stored(lead, T_CONFLICT) == before
    assert (conflict.title, conflict.doc_id, conflict.ours, conflict.theirs, conflict.resolution) == (
        "Quảng Ninh", before["id"], "lead", "lan", "kept")
    # lead's entities: PER, ORG(UBND); lan's: PER, ORG(Sở Y tế), LOC, DATE. One agreed of 2 and 4.
    assert (conflict.matched, conflict.ours_spans, conflict.theirs_spans) == (1, 2, 4)
    assert conflict.f1 == pytest.approx(1 / 3) and report.agreement == pytest.approx(1 / 3)
    summary = report.summary()
    assert "\n" not in summary
    assert "1 added, 1 taken, 1 conflict (kept ours), 2 skipped" in summary
    assert "entity F1 between reviewers on conflicts 0.33" in summary
    [line] = report.conflict_lines()
    assert "'Quảng Ninh'" in line and "lead vs lan" in line and "F1 0.33" in line and line.endswith("kept ours")
    assert report.labels_added == ["REQUEST"]  # for the added document; DATE stayed in the kept conflict


def test_conflict_theirs_replaces_the_target_work(lead, source):
    report = merge(lead, [source], conflicts="theirs")
    assert [c.resolution for c in report.conflicts] == ["theirs"]
    doc = stored(lead, T_CONFLICT)
    assert (doc["status"], doc["reviewer"], doc["time_spent"]) == ("done", "lan", 70.0)
    assert {(t, lab) for t, lab, state, _ in doc["spans"] if state == "accepted"} == {
        ("Nguyễn Văn Thắng", "PER"), ("Sở Y tế", "ORG"), ("Quảng Ninh", "LOC"), ("thứ Sáu", "DATE"),
        ("Nguyễn Văn Thắng yêu cầu Sở Y tế báo cáo trước thứ Sáu.", "DIRECTIVE")}
    assert len(doc["spans"]) == 5 and len(doc["relations"]) == 2
    [(_, _, before, after)] = doc["history"]
    assert after["action"] == "theirs"
    assert before["reviewer"] == "lead" and sorted(s[2] for s in before["spans"]) == ["LOC", "ORG", "PER"]


def test_conflict_suggest_adds_the_missing_accepted_spans_as_suggestions(lead, source):
    report = merge(lead, [source], conflicts="suggest")
    [conflict] = report.conflicts
    assert conflict.resolution == "suggested" and conflict.suggested == 3 and report.suggested == 3
    doc = stored(lead, T_CONFLICT)
    assert (doc["status"], doc["reviewer"], doc["time_spent"]) == ("done", "lead", 50.0)  # the target is kept
    directive = "Nguyễn Văn Thắng yêu cầu Sở Y tế báo cáo trước thứ Sáu."
    assert sorted(doc["spans"]) == sorted([
        ("Nguyễn Văn Thắng", "PER", "accepted", "reviewer"),
        ("UBND tỉnh Quảng Ninh", "ORG", "accepted", "reviewer"),
        ("Quảng Ninh", "LOC", "rejected", "reviewer"),  # lan accepted it, the lead rejected it: not re-offered
        ("Sở Y tế", "ORG", "suggested", "merge:lan"),
        ("thứ Sáu", "DATE", "suggested", "merge:lan"),
        (directive, "DIRECTIVE", "suggested", "merge:lan")])
    source_name = source.name
    assert doc["attrs"][("Sở Y tế", "ORG")] == {"merged_from": source_name}
    assert doc["authors"][("Sở Y tế", "ORG")] == "lan"
    assert doc["counts"] == (5, 3)
    # lan's relations come along: the issuer joins the lead's own PER span to the suggested directive
    assert doc["relations"] == [
        (("Nguyễn Văn Thắng", "PER"), (directive, "DIRECTIVE"), "issuer", "merge:lan", "lan"),
        (("Sở Y tế", "ORG"), (directive, "DIRECTIVE"), "addressee", "merge:lan", "lan")]
    [(_, _, _, after)] = doc["history"]
    assert after == {"source": source_name, "action": "suggested", "reviewer": "lan", "suggestions": 3}
    assert "DATE" in labels(lead)


def test_merging_again_changes_nothing(lead, source):
    merge(lead, [source], conflicts="suggest")
    after_first = {t: stored(lead, t) for t in (T_NEW, T_TAKE, T_NOWORK, T_SAME, T_CONFLICT)}
    report = merge(lead, [source], conflicts="suggest")
    assert (report.added, report.taken, report.suggested, report.spans) == (0, 0, 0, 0)
    assert report.identical == 3 and len(report.conflicts) == 1  # still a disagreement, nothing new to suggest
    assert {t: stored(lead, t) for t in after_first} == after_first
    assert count(lead) == 5


def test_a_second_reviewer_conflicts_with_what_the_first_brought(lead, tmp_path):
    lan = make_lan(tmp_path / "lan.db")
    minh = tmp_path / "minh.db"
    with Corpus(minh) as c:
        c.add_document(Document(text=T_NEW, status=Status.DONE, reviewer="minh", spans=[sp(T_NEW, "Bộ Y tế", "ORG")]))
    report = merge(lead, [lan, minh])
    assert report.sources == 2 and report.added == 1
    [first, second] = report.conflicts
    assert (second.title, second.ours, second.theirs, second.source) == ("Bộ Y tế", "lan", "minh", "minh.db")
    assert second.f1 == 1.0  # the same entities; the difference is lan's REQUEST directive
    assert stored(lead, T_NEW)["reviewer"] == "lan"


def test_text_is_matched_after_nfc_normalisation(lead, tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", T_NEW)
    assert nfd != T_NEW
    start = nfd.index(unicodedata.normalize("NFD", "Bộ Y tế"))
    out = tmp_path / "nfd.jsonl"
    out.write_text(json.dumps({"text": nfd, "status": "done", "reviewer": "hoa", "spans": [
        {"start": start, "end": start + len(unicodedata.normalize("NFD", "Bộ Y tế")), "label": "ORG",
         "state": "accepted", "origin": "reviewer"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    merge(lead, [make_lan(tmp_path / "lan.db")])
    report = merge(lead, [out])
    assert report.added == 0 and len(report.conflicts) == 1 and report.conflicts[0].theirs == "hoa"
    assert count(lead) == 5


def test_human_work_predicate():
    assert not has_human_work(Document(text="x", spans=[Span(0, 1, "PER", origin="model", state=S)]))
    assert has_human_work(Document(text="x", status=Status.SKIPPED))
    assert has_human_work(Document(text="x", spans=[Span(0, 1, "PER", origin="model", state=R)]))
    assert has_human_work(Document(text="x", spans=[Span(0, 1, "PER", origin="import", state=S)]))
    assert has_human_work(Document(text="x", spans=[Span(0, 1, "PER", origin="merge:lan", state=S)]))
    assert span_f1(0, 0, 0) is None and span_f1(2, 2, 2) == 1.0


# ---------------------------------------------------------------------------------- dry run and failures
def test_dry_run_changes_nothing_and_reports_the_same(lead, tmp_path):
    lan = make_lan(tmp_path / "lan.db")
    minh = tmp_path / "minh.db"
    with Corpus(minh) as c:
        c.add_document(Document(text=T_NEW, status=Status.DONE, reviewer="minh", spans=[sp(T_NEW, "Bộ Y tế", "ORG")]))
    before = fingerprint(lead)
    with Corpus(lead, read_only=True) as c:
        dry = merge_sources(c, [lan, minh], conflicts="suggest", dry_run=True)
    assert fingerprint(lead) == before
    real = merge(lead, [lan, minh], conflicts="suggest")
    assert dry.summary() == "dry run, nothing written: would " + real.summary().replace("merged", "merge", 1)
    assert [c.line() for c in dry.conflicts][:1] == real.conflict_lines()[:1]
    assert (dry.added, dry.taken, dry.suggested, dry.labels_added) == (1, 1, 3, ["REQUEST", "DATE"])


def test_newer_schema_source_is_refused_in_one_line(lead, tmp_path):
    newer = make_lan(tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = fingerprint(lead)
    report = merge(lead, [newer])
    assert fingerprint(lead) == before
    [problem] = report.problems
    assert "\n" not in problem and "newer annotator" in problem and "newer.db" in problem
    assert report.failed_sources == [str(newer)] and report.added == 0


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 200, b"hello, not a corpus\n" * 20])
def test_corrupt_source_is_refused_in_one_line(lead, tmp_path, content):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    before = fingerprint(lead)
    report = merge(lead, [bad])
    [problem] = report.problems
    assert "\n" not in problem and "bad.db" in problem and ("corrupt" in problem or "not an annotator" in problem)
    assert fingerprint(lead) == before


def test_corpus_failing_half_way_leaves_the_target_as_it_was(lead, tmp_path):
    lan = make_lan(tmp_path / "lan.db")
    conn = sqlite3.connect(lan)  # a span past the end of the last document: found only when it is read
    conn.execute('INSERT INTO spans(doc_id, start, "end", label, created_at, updated_at)'
                 " VALUES ((SELECT max(id) FROM documents), 0, 10000, 'PER', 'x', 'x')")
    conn.commit()
    conn.close()
    ok = make_lan(tmp_path / "ok.db", reviewer="hoa")
    before = fingerprint(lead)
    with Corpus(lead) as c:
        report = merge_sources(c, [lan])
        assert report.failed_sources == [str(lan)] and report.documents == 0
        assert "lan.db" in report.problems[0] and "\n" not in report.problems[0]
    assert fingerprint(lead) == before  # the four documents merged before the bad one were rolled back
    report = merge(lead, [lan, ok])  # the next source is still merged
    assert report.failed_sources == [str(lan)] and report.added == 1
    assert stored(lead, T_NEW)["reviewer"] == "hoa"


def test_jsonl_with_a_bad_line_leaves_the_target_as_it_was(lead, tmp_path):
    out = as_jsonl(make_lan(tmp_path / "lan.db"), tmp_path / "lan.jsonl")
    lines = out.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[3])
    bad["spans"][0]["end"] = 10000
    out.write_text("\n".join(lines[:3] + [json.dumps(bad, ensure_ascii=False)] + lines[4:]) + "\n", encoding="utf-8")
    before = fingerprint(lead)
    report = merge(lead, [out])
    [problem] = report.problems
    assert problem.startswith(f"{out}:4: span") and "out of range" in problem and "nothing" in problem
    assert fingerprint(lead) == before


def test_other_jsonl_shapes_are_refused(lead, tmp_path):
    prodigy = tmp_path / "p.jsonl"
    prodigy.write_text(json.dumps({"text": T_NEW, "answer": "accept", "spans": []}) + "\n", encoding="utf-8")
    [problem] = merge(lead, [prodigy]).problems
    assert "prodigy record" in problem and "--format native" in problem


def test_merging_the_corpus_into_itself_is_refused(lead):
    [problem] = merge(lead, [lead]).problems
    assert "being merged into" in problem


def test_cancel_rolls_back_the_source_being_merged(lead, tmp_path):
    lan = make_lan(tmp_path / "lan.db")
    hoa = tmp_path / "hoa.db"
    with Corpus(hoa) as c:
        for i in range(5):
            c.add_document(Document(text=f"Tin {i} của Hoà.", status=Status.DONE, reviewer="hoa"))

    class StopAfter(NullProgress):
        def advance(self, n=1):
            super().advance(n)
            if self.done >= 7:  # lan's five documents, then two of hoa's
                self.cancel()

    with Corpus(lead) as c, pytest.raises(Cancelled):
        merge_sources(c, [lan, hoa], progress=StopAfter())
    assert stored(lead, T_NEW)["reviewer"] == "lan"  # the first source is kept
    assert count(lead, "SELECT count(*) FROM documents WHERE reviewer='hoa'") == 0


def test_progress_counts_source_documents(lead, tmp_path):
    lan = make_lan(tmp_path / "lan.db")
    progress = NullProgress()
    merge(lead, [lan, as_jsonl(lan, tmp_path / "lan.jsonl")], progress=progress)
    assert (progress.total, progress.done) == (10, 10)


def test_read_only_target_and_bad_mode(lead, tmp_path):
    with Corpus(lead, read_only=True) as c:
        with pytest.raises(CorpusError, match="read-only"):
            merge_sources(c, [make_lan(tmp_path / "lan.db")])
        with pytest.raises(ValueError, match="conflicts must be"):
            merge_sources(c, [], conflicts="mine", dry_run=True)


# ---------------------------------------------------------------------------------- the command line
def test_cli_merge_prints_summary_and_conflicts(lead, tmp_path, capsys):
    lan = make_lan(tmp_path / "lan.db")
    assert main(["merge", "--corpus", str(lead), str(lan), "--conflicts", "suggest"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("merged 1 source (5 documents): 1 added, 1 taken, 1 conflict")
    assert out[1].startswith("  conflict: 'Quảng Ninh'") and "3 suggestions added" in out[1]
    assert len(out) == 2
    assert stored(lead, T_CONFLICT)["counts"] == (5, 3)


def test_cli_dry_run_leaves_the_file_untouched(lead, tmp_path, capsys):
    lan = make_lan(tmp_path / "lan.db")
    before = fingerprint(lead)
    assert main(["merge", "--corpus", str(lead), "--dry-run", str(lan), "--conflicts", "theirs"]) == 0
    assert capsys.readouterr().out.startswith("dry run, nothing written: would merge 1 source")
    assert fingerprint(lead) == before
    assert count(lead, "SELECT count(*) FROM history WHERE action='merge'") == 0


def test_cli_failed_source_exits_1_with_one_line(lead, tmp_path, capsys):
    newer = make_lan(tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = fingerprint(lead)
    assert main(["merge", "--corpus", str(lead), str(newer)]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("annotator: error: corpus ") and "newer annotator" in err[0]
    assert fingerprint(lead) == before


def test_cli_usage_errors(lead, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["merge", "--corpus", str(lead), str(lead), "--conflicts", "mine"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["merge", "--help"])
    assert info.value.code == 0
    assert "--conflicts" in capsys.readouterr().out
    missing = tmp_path / "missing.db"
    assert main(["merge", "--corpus", str(missing), "--dry-run", str(lead)]) == 1
    assert "does not exist" in capsys.readouterr().err and not missing.exists()


def test_cli_both_source_kinds_at_once(lead, tmp_path, capsys):
    lan = make_lan(tmp_path / "lan.db")
    hoa = as_jsonl(make_lan(tmp_path / "hoa.db", reviewer="hoa"), tmp_path / "hoa.jsonl")
    assert main(["merge", "--corpus", str(lead), str(lan), str(hoa)]) == 0
    out = capsys.readouterr().out
    assert "merged 2 sources (10 documents)" in out and out.count("  conflict: ") == 2
