"""Batch pre-annotation and training on a corpus, as the CLI and the GUI run them."""

from __future__ import annotations

import socket

import pytest

from annotator.cli import main
from annotator.core.model import Document, Span, SpanState, Status
from annotator.core.progress import Cancelled, NullProgress
from annotator.core.store import Corpus
from annotator.nlp.jobs import models_dir_for, preannotate_corpus, train_from_corpus

TEXTS = [
    "Sở Y tế tỉnh Nghệ An họp bàn phòng chống sốt xuất huyết\n\n"
    "Ngày 12/5, tại thành phố Vinh, Sở Y tế tỉnh Nghệ An tổ chức hội nghị triển khai công tác phòng chống dịch. "
    "Bà Nguyễn Thị Hoa, Giám đốc Sở Y tế, yêu cầu các địa phương tăng cường giám sát ổ dịch. "
    "Đồng thời, tổ chức phun hóa chất tại các khu vực có ca bệnh.",
    "Hà Tĩnh đón đoàn doanh nghiệp Nhật Bản\n\n"
    "Chiều 3/4, UBND tỉnh Hà Tĩnh tiếp đoàn doanh nghiệp Nhật Bản do ông Tanaka Hiroshi dẫn đầu. "
    "Hai bên trao đổi về cơ hội đầu tư vào khu kinh tế Vũng Áng.",
    "Quảng Bình tổng kết năm học\n\n"
    "Sở Giáo dục và Đào tạo Quảng Bình tổ chức tổng kết năm học. Học sinh cần cù, chăm chỉ.",
    "Bình Định khai trương tuyến du lịch mới\n\n"
    "Trung tâm Xúc tiến Du lịch Bình Định cho biết tuyến du lịch mới sẽ đón khách từ tháng 6.",
]


def _fill(path, status=Status.NEW):
    with Corpus(path) as corpus:
        return [corpus.add_document(Document(text=t, title=t.split("\n")[0], status=status))[0] for t in TEXTS]


def test_preannotate_suggests_entities_directives_and_relations(tmp_path):
    path = tmp_path / "c.db"
    ids = _fill(path)
    assert preannotate_corpus(path, jobs=1) == len(TEXTS)
    with Corpus(path) as corpus:
        spans = corpus.spans(ids[0])
        text = corpus.document(ids[0]).text
        found = {(text[s.start:s.end], s.label) for s in spans}
        assert ("Nguyễn Thị Hoa", "PER") in found
        assert any(label == "DIRECTIVE" and t.startswith("Bà Nguyễn Thị Hoa") for t, label in found)
        assert all(s.state == SpanState.SUGGESTED for s in spans)
        assert corpus.relations(ids[0]), "a directive is linked to its issuer or addressee"
        third = corpus.spans(ids[2])
        assert not [s for s in third if s.label == "DIRECTIVE"], "'cần cù' is not a directive"
        # pre-annotation does not start the review: documents stay new
        assert corpus.document(ids[0]).status == Status.NEW


def test_preannotate_never_overrides_a_reviewer(tmp_path):
    path = tmp_path / "c.db"
    ids = _fill(path)
    preannotate_corpus(path, jobs=1)
    with Corpus(path) as corpus:
        text = corpus.document(ids[0]).text
        per = next(s for s in corpus.spans(ids[0]) if text[s.start:s.end] == "Nguyễn Thị Hoa")
        corpus.update_span(per.id, state=SpanState.REJECTED, who="lan")
        start = text.index("Vinh")
        mine = corpus.add_span(ids[0], Span(start, start + 4, "MISC"), who="lan")
    preannotate_corpus(path, jobs=1)
    with Corpus(path) as corpus:
        spans = corpus.spans(ids[0])
        assert corpus.span(per.id).state == SpanState.REJECTED
        assert corpus.span(mine.id).label == "MISC"
        overlapping = [s for s in spans if s.state == SpanState.SUGGESTED and s.label != "DIRECTIVE"
                       and (s.overlaps(per) or s.overlaps(mine))]
        assert overlapping == [], "a suggestion must not reappear over a reviewer's decision"


def test_preannotate_only_new_skips_documents_in_review(tmp_path):
    path = tmp_path / "c.db"
    ids = _fill(path)
    with Corpus(path) as corpus:
        corpus.set_status(ids[1], Status.IN_PROGRESS, who="lan")
        corpus.set_status(ids[2], Status.DONE, who="lan")
    assert preannotate_corpus(path, only="new", jobs=1) == 2
    with Corpus(path) as corpus:
        assert corpus.spans(ids[1]) == [] and corpus.spans(ids[2]) == []
        assert corpus.spans(ids[0]) and corpus.spans(ids[3])


class _StopAfter(NullProgress):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def advance(self, k=1):
        super().advance(k)
        if self.done >= self.n:
            self.cancel()


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_preannotation_keeps_finished_documents(tmp_path, jobs):
    many, full = tmp_path / "many.db", tmp_path / "full.db"
    for target in (many, full):
        with Corpus(target) as corpus:
            for i in range(12):
                corpus.add_document(Document(text=f"{TEXTS[i % 4]}\n\nBài số {i}.", title=f"Bài {i}"))
    preannotate_corpus(full, jobs=1)
    progress = _StopAfter(3)
    with pytest.raises(Cancelled):
        preannotate_corpus(many, progress=progress, jobs=jobs)
    with Corpus(many) as corpus, Corpus(full) as reference:
        annotated = [d for d in corpus.document_ids() if corpus.spans(d)]
        assert len(annotated) >= 3, "documents finished before the interrupt are saved"
        assert len(annotated) < 12
        for doc_id in annotated:  # none is half-written
            assert len(corpus.spans(doc_id)) == len(reference.spans(doc_id))
            assert len(corpus.relations(doc_id)) == len(reference.relations(doc_id))


def test_preannotation_and_training_open_no_socket(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = tmp_path / "c.db"
    _fill(path)
    assert preannotate_corpus(path, jobs=1) == len(TEXTS)
    # a real training run (not one refused for too little data): train, evaluate both models, write
    trained = tmp_path / "trained.db"
    _done_corpus(trained)
    report = train_from_corpus(trained, activate="never", no_seed=True)
    assert report.model_path.is_file() and report.train_docs > 0 and report.dev_docs > 0


def _done_corpus(path, n_docs=12):
    from annotator.core.markup import parse_markup
    from annotator.nlp.resources import seed_dir

    files = sorted((seed_dir() / "train").glob("*.txt"))[:n_docs]
    with Corpus(path) as corpus:
        for f in files:
            text, spans = parse_markup(f.read_text(encoding="utf-8"))
            corpus.add_document(Document(text=text, title=text.split("\n")[0], status=Status.DONE,
                                         spans=[Span(s.start, s.end, s.label) for s in spans]))


def test_train_refuses_too_little_data(tmp_path, capsys):
    path = tmp_path / "c.db"
    _fill(path, status=Status.DONE)
    assert main(["train", "--corpus", str(path), "--no-seed"]) == 1
    assert "too little training data" in capsys.readouterr().err
    assert not list(models_dir_for(path).glob("*.crf"))


def test_train_cli_compares_and_versions_models(tmp_path, capsys):
    path = tmp_path / "c.db"
    _done_corpus(path)
    assert main(["train", "--corpus", str(path), "--activate", "always", "--no-seed"]) == 0
    out = capsys.readouterr().out
    assert "current" in out and "new" in out and "ORG" in out
    folder = models_dir_for(path)
    models = list(folder.glob("entity-*.crf"))
    assert len(models) == 1
    assert (folder / "active").read_text().strip() == models[0].name
    # the corpus folder's active model is now what pre-annotation uses
    from annotator.nlp.jobs import active_model_path

    assert active_model_path(path) == models[0]


def test_preannotate_command_in_its_own_process(tmp_path):
    """The CLI as a user runs it: a fresh process that forks its workers (no Qt loaded)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        for i in range(10):
            corpus.add_document(Document(text=f"{TEXTS[i % 4]}\n\nBài số {i}.", title=f"Bài {i}"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-m", "annotator", "preannotate", "--corpus", str(path), "--jobs", "2"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "pre-annotated 10 documents" in result.stdout
    with Corpus(path) as corpus:
        assert all(corpus.spans(d) for d in corpus.document_ids())


def test_preannotation_keeps_imported_and_merged_suggestions(tmp_path):
    """Another tool's predictions (import --as-suggestions) and a merge's spans wait for a human."""
    path = tmp_path / "c.db"
    ids = _fill(path)
    with Corpus(path) as corpus:
        text = corpus.document(ids[1]).text
        start = text.index("Vũng Áng")
        imported = corpus.add_span(ids[1], Span(start, start + 8, "LOC", origin="import",
                                                state=SpanState.SUGGESTED))
        start = text.index("Tanaka Hiroshi")
        merged = corpus.add_span(ids[1], Span(start, start + 14, "PER", origin="merge:lan",
                                              state=SpanState.SUGGESTED))
    preannotate_corpus(path, jobs=1)
    preannotate_corpus(path, jobs=1)
    with Corpus(path) as corpus:
        spans = corpus.spans(ids[1])
        assert corpus.span(imported.id).origin == "import"
        assert corpus.span(merged.id).origin == "merge:lan"
        same_place = [s for s in spans if s.overlaps(merged) and s.label == "PER"]
        assert [s.id for s in same_place] == [merged.id], "no machine duplicate over a merged span"
