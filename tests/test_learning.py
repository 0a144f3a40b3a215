"""Learning from reviewers (issue 13): training data and labels, judging, instant memory, CoNLL."""

from __future__ import annotations

import re

import pytest

from annotator.cli import main
from annotator.core.markup import parse_markup
from annotator.core.model import Document, Label, Span, SpanState, Status
from annotator.core.store import Corpus
from annotator.nlp.jobs import models_dir_for, preannotate_corpus
from annotator.nlp.learner import corpus_pipeline, train_from_corpus
from annotator.nlp.memory import Memory, memory_file, sync_memory_file, teach
from annotator.nlp.resources import seed_dir


def _seed_docs(part, n=None):
    files = sorted((seed_dir() / part).glob("*.txt"))
    return [parse_markup(f.read_text(encoding="utf-8")) for f in files[:n]]


def _done(corpus, text, spans):
    corpus.add_document(Document(text=text, title=text.split("\n")[0], status=Status.DONE,
                                 spans=[Span(s[0], s[1], s[2]) for s in spans]))


# ---------------------------------------------------------------------------------- CoNLL at any size


@pytest.fixture(scope="module")
def conll_file(tmp_path_factory):
    """A word-level CoNLL file of our own labelled sentences, no -DOCSTART-, one block per sentence."""
    folder = tmp_path_factory.mktemp("conll")
    db = folder / "export.db"
    with Corpus(db) as corpus:
        for text, spans in _seed_docs("train") + _seed_docs("dev"):
            _done(corpus, text, [(s.start, s.end, s.label) for s in spans])
    out = folder / "export.conll"
    assert main(["export", "--corpus", str(db), "--format", "conll", "--level", "word", str(out)]) == 0
    lines = [ln for ln in out.read_text(encoding="utf-8").splitlines() if not ln.startswith("-DOCSTART-")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    # a label outside the default scheme, to be refused or added
    text = text.replace("\tB-MISC", "\tB-EVENT", 3)
    path = folder / "public.conll"
    path.write_text(text, encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    assert len(blocks) >= 1000
    return path, len(blocks)


def test_a_1000_sentence_conll_file_trains_with_its_own_words(conll_file, tmp_path, capsys):
    path, n_sentences = conll_file
    db = tmp_path / "empty.db"
    Corpus(db).close()
    assert main(["train", "--corpus", str(db), "--conll", str(path), "--no-seed", "--activate", "always"]) == 0
    out = capsys.readouterr().out
    got = re.search(r"CoNLL: (\d+) sentences for training, (\d+) held out", out)
    assert got and int(got[1]) + int(got[2]) == n_sentences and int(got[2]) >= n_sentences // 10
    # the label outside the scheme is named, with what was done
    assert "EVENT (3 spans)" in out and "left out" in out
    micro = re.search(r"^\s+micro\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+)", out, re.M)
    assert micro and float(micro[1]) > 0.6, out
    assert list(models_dir_for(db).glob("entity-*.crf"))
    times = re.search(r"time: featurizing ([\d.]+) s, CRF ([\d.]+) s", out)
    assert times


def test_the_1000_sentence_conll_file_imports_as_that_many_documents(conll_file, tmp_path):
    """Without -DOCSTART-, each sentence block is a document (#13.8), with every labelled span."""
    path, n_sentences = conll_file
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    assert len(blocks) == n_sentences >= 1000
    db = tmp_path / "imported.db"
    assert main(["import", "--corpus", str(db), "--new-labels", "add", str(path)]) == 0
    with Corpus(db) as corpus:
        # a sentence repeated word for word (a byline) joins the document before it: nothing is lost
        assert corpus.count_documents() == len(set(blocks))
        docs = list(corpus.iter_documents())
        kept = corpus.tokens_of([d.id for d in docs])
        assert sum(len(kept[d.id][1] or ()) for d in docs) == n_sentences
        spans = sum(len(d.spans) for d in docs)
    from annotator.core.formats.conll import read_path

    assert spans == sum(len(doc.spans) for doc in read_path(path)) >= sum(b.count("\tB-") for b in blocks)


def test_conll_labels_outside_the_scheme_are_added_when_asked(conll_file, tmp_path, capsys):
    path, _n = conll_file
    db = tmp_path / "c.db"
    Corpus(db).close()
    assert main(["train", "--corpus", str(db), "--conll", str(path), "--no-seed", "--new-labels", "add",
                 "--activate", "never"]) == 0
    out = capsys.readouterr().out
    assert "learnt and added" in out and "EVENT (3 spans)" in out
    with Corpus(db) as corpus:
        assert "EVENT" in corpus.label_names()


# ---------------------------------------------------------------------------------- labels and judging

DISEASES = ["sốt xuất huyết", "tay chân miệng", "bạch hầu", "sởi", "cúm A", "thủy đậu", "ho gà", "dại"]
PLACES = ["Nghệ An", "Gia Lai", "Đồng Tháp", "Hà Tĩnh", "Sơn La", "Cà Mau", "Lào Cai", "Bình Định"]


def _disease_doc(i):
    d, e, p = DISEASES[i % 8], DISEASES[(i + 3) % 8], PLACES[i % 8]
    parts = [f"Tỉnh {p} ghi nhận thêm ca bệnh {d}\n\n",
             f"Sở Y tế {p} cho biết trong tuần qua địa phương ghi nhận 12 ca bệnh {d}. ",
             f"Ngành y tế khuyến cáo người dân chủ động phòng bệnh {e} cho trẻ nhỏ. ",
             f"Số ca mắc {d} tăng so với cùng kỳ năm trước."]
    text = "".join(parts)
    spans = []
    for name, label in ((p, "LOC"), (d, "BENH"), (e, "BENH")):
        for m in re.finditer(re.escape(name), text):
            if label == "LOC" and text[m.start() - 5:m.start()].endswith("Y tế "):
                continue
            spans.append((m.start(), m.end(), label))
    spans.append((text.index("Sở Y tế"), text.index("Sở Y tế") + len(f"Sở Y tế {p}"), "ORG"))
    return text, sorted(set(spans))


def test_a_custom_label_is_learnt_and_predicted(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.upsert_label(Label("BENH", colour="#123456", key="6", position=6))
        for i in range(16):
            _done(corpus, *_disease_doc(i))
    report = train_from_corpus(db, activate="always", no_seed=True, reviewed_weight=1)
    summary = report.summary()
    assert re.search(r"BENH\s+reviewed \d+; no rules", summary)
    assert report.activated
    pipe = corpus_pipeline(db)
    text = "Bệnh viện tỉnh Quảng Trị tiếp nhận 5 trẻ mắc bệnh tay chân miệng."
    got = {(text[s.start:s.end], s.label) for s in pipe.annotate(text).spans}
    assert ("tay chân miệng", "BENH") in got


def test_a_scheme_without_per_gets_no_rule_made_person(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.delete_label("PER")
        corpus.add_document(Document(text="Bộ trưởng Nguyễn Văn An làm việc với UBND tỉnh Nghệ An."))
    pipe = corpus_pipeline(db)
    labels = {s.label for s in pipe.annotate("Bộ trưởng Nguyễn Văn An làm việc với UBND tỉnh Nghệ An.").spans}
    assert "PER" not in labels and "ORG" in labels


def test_a_worse_candidate_is_not_activated_by_default(tmp_path, capsys):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        for text, spans in _seed_docs("test", 6):
            _done(corpus, text, [(s.start, s.end, s.label) for s in spans])
    # trained on six documents only, the candidate is worse than the shipped model on them
    assert main(["train", "--corpus", str(db), "--no-seed"]) == 0
    out = capsys.readouterr().out
    row = re.search(r"^\s+micro\s+\S+\s+\S+\s+(\S+)\s+\S+\s+\S+\s+(\S+)", out, re.M)
    assert row and float(row[2]) < float(row[1]), out
    assert "(not activated)" in out and "rule: activate when" in out
    assert not (models_dir_for(db) / "active").exists()
    assert "95% interval" in out


# ---------------------------------------------------------------------------------- instant memory

A = "Ông Trần Hữu Phúc làm việc với Công ty Sao Mai tại Hà Nội."
B = "Công ty Sao Mai và Hà Nội ký kết hợp tác. Đại diện Công ty Sao Mai phát biểu."


def test_accepting_and_rejecting_a_string_updates_unreviewed_documents_at_once(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        a, _ = corpus.add_document(Document(text=A))
        b, _ = corpus.add_document(Document(text=B))
        done, _ = corpus.add_document(Document(text=B + " Hết.", status=Status.DONE))
    preannotate_corpus(db, jobs=1)
    with Corpus(db) as corpus:
        # a reviewer relabels the company MISC (the team's convention): both occurrences follow
        assert teach(corpus, "Công ty Sao Mai", "MISC", "+", skip=[a]) == 1
        got = [(B[s.start:s.end], s.label, s.origin) for s in corpus.spans(b) if "Sao Mai" in B[s.start:s.end]]
        assert got == [("Công ty Sao Mai", "MISC", "memory")] * 2
        assert not corpus.spans(done)  # a reviewed document is never touched
        # a rejected string is not suggested again with that label, now or after pre-annotation
        teach(corpus, "Hà Nội", "LOC", "-")
        assert not [s for s in corpus.spans(b) if B[s.start:s.end] == "Hà Nội" and s.label == "LOC"]
    preannotate_corpus(db, jobs=1)
    with Corpus(db) as corpus:
        assert not [s for s in corpus.spans(b) if B[s.start:s.end] == "Hà Nội" and s.label == "LOC"]
        # pre-annotation applies the memory too
        got = [(B[s.start:s.end], s.label, s.origin) for s in corpus.spans(b) if "Sao Mai" in B[s.start:s.end]]
        assert got == [("Công ty Sao Mai", "MISC", "memory")] * 2
        assert ("Hà Nội", "LOC", "-", 1) in corpus.memory_entries()


def test_memory_never_replaces_a_reviewers_decision_and_snaps_to_syllables(tmp_path):
    db = tmp_path / "c.db"
    text = "Sao Maixa và Sao Mai cùng tham gia. Sao Mai"
    with Corpus(db) as corpus:
        doc, _ = corpus.add_document(Document(text=text))
        kept = corpus.add_span(doc, Span(text.rindex("Sao Mai"), len(text), "LOC", state=SpanState.REJECTED))
        teach(corpus, "Sao Mai", "ORG", "+")
        spans = [(s.start, s.end, s.label, s.state.value) for s in corpus.spans(doc)]
    at = text.index("Sao Mai ")
    assert (at, at + 7, "ORG", "suggested") in spans       # the whole-syllable occurrence
    assert all(s[0] != 0 for s in spans)                     # not inside "Sao Maixa"
    assert (kept.start, kept.end, "LOC", "rejected") in spans and len(spans) == 2


def test_the_memory_rules_file_is_written_and_read_back(tmp_path, capsys):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.add_document(Document(text=B))
        corpus.remember("Công ty Sao Mai", "ORG", "+")
        sync_memory_file(corpus)
    path = memory_file(db)
    assert "Công ty Sao Mai | ORG" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "!Hà Nội | LOC\nbroken line\n", encoding="utf-8")
    assert main(["preannotate", "--corpus", str(db), "--jobs", "1"]) == 0
    assert "line" in capsys.readouterr().err  # the bad line is named; the file stays for fixing
    path.write_text("Công ty Sao Mai | ORG\n!Hà Nội | LOC\n", encoding="utf-8")
    assert main(["preannotate", "--corpus", str(db), "--jobs", "1"]) == 0
    with Corpus(db) as corpus:
        assert ("Hà Nội", "LOC", "-", 1) in corpus.memory_entries()
        doc = corpus.document_ids()[0]
        labels = {(B[s.start:s.end], s.label) for s in corpus.spans(doc)}
    assert ("Hà Nội", "LOC") not in labels and ("Công ty Sao Mai", "ORG") in labels


def test_memory_plugs_into_the_pipeline_and_overrides_the_seed():
    mem = Memory([("Sao Mai", "ORG", "+"), ("Hà Nội", "LOC", "-")])
    from annotator.nlp.pipeline import Annotation, Suggestion

    ann = Annotation("Sao Mai ở Hà Nội", [Suggestion(10, 16, "LOC", 0.9, "crf:x")])
    got = mem.apply(ann)
    assert [(s.start, s.end, s.label, s.origin) for s in got.spans] == [(0, 7, "ORG", "memory")]
    from annotator.nlp.training_data import TrainingDoc

    docs, changed = mem.override_seed([TrainingDoc("seed", "Sao Mai ở Hà Nội", [(0, 7, "LOC"), (10, 16, "LOC")])])
    assert changed == 2 and docs[0].spans == [(0, 7, "ORG")]


def test_least_certain_documents_come_first(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        ids = [corpus.add_document(Document(text=f"Văn bản số {i} ở Hà Nội."))[0] for i in range(3)]
        for doc_id, score in zip(ids, (0.9, 0.3, 0.6)):
            corpus.replace_suggestions(doc_id, [Span(14, 20, "LOC", origin="crf:x", state=SpanState.SUGGESTED,
                                                     score=score)])
        assert corpus.least_certain_documents(2) == [ids[1], ids[2]]


# ---------------------------------------------------------------------------------- directives learn


def _advice_doc(i):
    """The desk's convention: a request ("đề nghị") is a directive, public advice ("khuyến cáo") is not."""
    p, d = PLACES[i % 8], DISEASES[(i + 1) % 8]
    request = f"Sở Y tế {p} đề nghị các bệnh viện tăng cường giám sát ca bệnh {d}."
    advice = f"Ngành y tế khuyến cáo người dân giữ vệ sinh và đưa trẻ đi tiêm chủng đầy đủ."
    text = f"{p} tăng cường phòng bệnh {d}\n\nTuần qua, {p} ghi nhận {10 + i} ca bệnh {d}. {request} {advice} " \
           f"Hiện các ca bệnh đều ổn định."
    a = text.index(request)
    org = text.index(f"Sở Y tế {p}")
    spans = [(a, a + len(request), "DIRECTIVE"), (org, org + len(f"Sở Y tế {p}"), "ORG")]
    for m in re.finditer(re.escape(p), text):
        if not text[:m.start()].endswith("Sở Y tế "):
            spans.append((m.start(), m.end(), "LOC"))
    return text, spans


def test_directives_learn_the_teams_convention_from_reviewed_sentences(tmp_path):
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        for i in range(12):
            _done(corpus, *_advice_doc(i))
    report = train_from_corpus(db, no_seed=True, reviewed_weight=1, activate="always")
    # judged on the reviewed documents (cross-validated), the classifier beats the rules alone
    assert report.new_scores["DIRECTIVE"]["f1"] > report.current_scores["DIRECTIVE"]["f1"], report.summary()
    assert report.directive_activated
    text = ("Quảng Trị phòng bệnh sởi\n\nSở Y tế Quảng Trị đề nghị các bệnh viện tăng cường giám sát ca bệnh sởi. "
            "Ngành y tế khuyến cáo người dân đưa trẻ đi tiêm chủng đầy đủ.")
    rules_only = {text[s.start:s.end] for s in corpus_pipeline(None).annotate(text).directives()}
    learnt = {text[s.start:s.end] for s in corpus_pipeline(db).annotate(text).directives()}
    advice = "Ngành y tế khuyến cáo người dân đưa trẻ đi tiêm chủng đầy đủ."
    request = "Sở Y tế Quảng Trị đề nghị các bệnh viện tăng cường giám sát ca bệnh sởi."
    assert advice in rules_only            # the rules call public advice a directive ...
    assert learnt == {request}             # ... the reviewers did not, and the model learnt it
