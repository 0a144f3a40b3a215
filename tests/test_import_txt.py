"""Importing .txt files and folders; file-level failures."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from annotator.core.importer import import_paths
from annotator.core.model import Status
from annotator.core.progress import Cancelled, NullProgress
from annotator.core.text import normalize

ARTICLE = "Hà Nội đẩy mạnh chuyển đổi số\n\nNgày 12/3, UBND thành phố Hà Nội tổ chức hội nghị.\n"


def _docs(corpus):
    return list(corpus.iter_documents())


def test_txt_whole_file_with_title(corpus, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n\n  " + ARTICLE, encoding="utf-8")
    report = import_paths(corpus, [path])
    assert report.added == 1 and not report.problems
    [doc] = _docs(corpus)
    assert doc.text == "\n\n  " + ARTICLE  # the whole file, so offsets match it
    assert doc.title == "Hà Nội đẩy mạnh chuyển đổi số"
    assert doc.status == Status.NEW and doc.spans == []
    assert doc.source == str(path)


def test_txt_crlf_bom_nfd_are_normalised(corpus, tmp_path):
    raw = "\ufeff" + unicodedata.normalize("NFD", ARTICLE).replace("\n", "\r\n")
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    report = import_paths(corpus, [tmp_path / "a.txt"])
    assert report.added == 1
    [doc] = _docs(corpus)
    assert doc.text == ARTICLE
    assert unicodedata.is_normalized("NFC", doc.text)


def test_folder_recursive_mixed_and_hidden_skipped(corpus, tmp_path):
    (tmp_path / "in" / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "in" / ".hidden").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Bài một\nNội dung một.", encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.TXT").write_text("Bài hai\nNội dung hai.", encoding="utf-8")
    (tmp_path / "in" / "sub" / "deeper" / "c.jsonl").write_text(
        '{"text": "Bài ba", "spans": []}\n', encoding="utf-8")
    (tmp_path / "in" / "sub" / "d.conll").write_text("Hà_Nội\tB-LOC\n", encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "in" / ".hidden" / "e.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "in" / "._f.txt").write_bytes(b"\x00\x05\x16\x07\xff")  # macOS resource fork
    report = import_paths(corpus, [tmp_path / "in"])
    assert report.files == 4, report.summary()
    assert report.added == 4 and not report.problems
    assert sorted(d.text for d in _docs(corpus)) == ["Bài ba", "Bài hai\nNội dung hai.", "Bài một\nNội dung một.",
                                                      "Hà Nội"]


def test_same_file_twice_is_read_once(corpus, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"])
    assert report.files == 1 and report.added == 1 and report.duplicates == 0


def test_duplicate_txt_is_counted_not_an_error(corpus, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")  # same text once normalised
    report = import_paths(corpus, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert (report.added, report.duplicates, report.problems) == (1, 1, [])
    assert "already in the corpus" in report.notes[0] and "b.txt:1" in report.notes[0]
    again = import_paths(corpus, [tmp_path / "a.txt"])
    assert (again.added, again.duplicates) == (0, 1)
    assert "1 duplicate skipped" in again.summary()


def _hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_non_utf8_file_fails_whole_and_names_file(corpus, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Bài tốt\nNội dung.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Bài\nCà phê".encode("latin-1"))  # what a legacy editor writes
    report = import_paths(corpus, [bad, good])
    assert report.added == 1
    assert report.failed_files == [str(bad)]
    [problem] = report.problems
    assert problem.startswith(f"{bad}:") and "not UTF-8" in problem and "nothing from this file" in problem
    assert [d.text for d in _docs(corpus)] == ["Bài tốt\nNội dung."]


def test_utf16_with_a_bom_is_read(corpus, tmp_path):
    """The BOM names the encoding (Notepad's "Unicode"): the file is read, not refused."""
    path = tmp_path / "u16.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-16"))
    be = tmp_path / "u16be.jsonl"
    be.write_bytes(b"\xfe\xff" + '{"text": "Bộ Y tế họp tại Huế."}\n'.encode("utf-16-be"))
    report = import_paths(corpus, [path, be])
    assert report.added == 2 and not report.failed_files, report.problems
    texts = sorted(d.text for d in _docs(corpus))
    assert texts == sorted([normalize(ARTICLE)[0], "Bộ Y tế họp tại Huế."])


def test_broken_utf16_is_refused_with_its_name(corpus, tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfe" + "Bài".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate half
    report = import_paths(corpus, [path])
    assert report.failed_files == [str(path)] and "UTF-16" in report.problems[0]


def test_bytes_like_a_bom_on_a_later_line_are_not_called_utf16(corpus, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Tiêu đề\n".encode("utf-8") + b"\xff\xfe ab")
    report = import_paths(corpus, [path])
    assert report.failed_files == [str(path)]
    assert report.problems[0].startswith(f"{path}:2: file is not UTF-8 text (byte 0xff at column 1)")


def test_non_utf8_jsonl_late_line_rolls_back_whole_file(corpus, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "m\xe1\xbb\x99t"}\n{"text": "hai"}\n{"text": "ba \xe9"}\n{"text": "b\xe1\xbb\x91n"}\n')
    before = corpus.count_documents()
    report = import_paths(corpus, [path], new_labels="add")
    assert report.failed_files == [str(path)]
    assert report.problems[-1].startswith(f"{path}:3: ")
    assert report.added == 0
    assert corpus.count_documents() == before == 0


def test_empty_files_are_reported(corpus, tmp_path):
    for name, content in [("a.txt", ""), ("b.txt", "  \n\n"), ("c.jsonl", "\n\n"), ("d.conll", "\n")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    report = import_paths(corpus, [tmp_path])
    assert report.added == 0 and len(report.empty_files) == 4
    assert all("empty file" in p for p in report.problems)
    assert not report.failed_files


def test_missing_path_and_unknown_type(corpus, tmp_path):
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    report = import_paths(corpus, [tmp_path / "nope.txt", tmp_path / "x.csv"])
    assert len(report.failed_files) == 2
    assert "no such file" in report.problems[0] and "unknown file type" in report.problems[1]
    # an explicit format reads any extension
    (tmp_path / "y.data").write_text('{"text": "Xin chào"}\n', encoding="utf-8")
    assert import_paths(corpus, [tmp_path / "y.data"], fmt="jsonl").added == 1


def test_bad_arguments(corpus, tmp_path):
    with pytest.raises(ValueError):
        import_paths(corpus, [tmp_path], new_labels="maybe")
    with pytest.raises(ValueError):
        import_paths(corpus, [tmp_path], fmt="xml")


def test_cancel_keeps_finished_files_only(corpus, tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Bài {i}\nNội dung {i}.", encoding="utf-8")

    class StopAfterTwo(NullProgress):
        def advance(self, n=1):
            super().advance(n)
            if self.done > 0 and corpus.count_documents() >= 2:
                raise Cancelled()

    with pytest.raises(Cancelled):
        import_paths(corpus, [tmp_path], progress=StopAfterTwo())
    assert corpus.count_documents() == 2


def test_progress_reports_bytes(corpus, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    progress = NullProgress()
    import_paths(corpus, [tmp_path / "a.txt"], progress=progress)
    assert progress.total == progress.done == len(ARTICLE.encode())
