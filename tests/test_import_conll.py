"""Importing CoNLL/BIO files (VLSP, PhoNER style)."""

from __future__ import annotations

from annotator.core.formats import conll
from annotator.core.importer import import_paths
from annotator.core.model import SpanState, Status


def spans_of(doc):
    return [(doc.text[s.start:s.end], s.label) for s in doc.spans]


def test_word_level_vlsp_with_docstart(corpus, tmp_path):
    path = tmp_path / "vlsp.conll"
    path.write_text(
        "-DOCSTART- -X- O\n\n"
        "Chủ_tịch\tN\tB-NP\tO\nUBND\tNp\tB-NP\tB-ORG\ntỉnh\tN\tI-NP\tI-ORG\nQuảng_Ninh\tNp\tI-NP\tI-ORG\n"
        "Nguyễn_Văn_A\tNp\tB-NP\tB-PER\nphát_biểu\tV\tB-VP\tO\n.\tCH\tO\tO\n\n"
        "Ông\tN\tB-NP\tO\nđề_nghị\tV\tB-VP\tO\n(\tCH\tO\tO\nHà_Nội\tNp\tB-NP\tB-LOC\n)\tCH\tO\tO\n,\tCH\tO\tO\n"
        "“\tCH\tO\tO\ntăng_tốc\tV\tO\tO\n”\tCH\tO\tO\n!\tCH\tO\tO\n\n"
        "-DOCSTART- -X- O\n\nHuế\tNp\tB-NP\tB-LOC\n\n", encoding="utf-8")
    report = import_paths(corpus, [path])
    assert report.added == 2 and not report.problems, report.problems
    a, b = corpus.iter_documents()
    assert a.text == ("Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn A phát biểu. "
                      "Ông đề nghị (Hà Nội), “tăng tốc”!")
    assert a.title == "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn A phát biểu."
    assert spans_of(a) == [("UBND tỉnh Quảng Ninh", "ORG"), ("Nguyễn Văn A", "PER"), ("Hà Nội", "LOC")]
    assert a.status == Status.DONE and all(s.state == SpanState.ACCEPTED and s.origin == "import" for s in a.spans)
    assert b.text == "Huế" and spans_of(b) == [("Huế", "LOC")]


def test_syllable_level_space_separated_without_docstart(corpus, tmp_path):
    path = tmp_path / "phoner.bio"
    path.write_text("Bệnh B-MISC\nnhân I-MISC\n91 I-MISC\nở O\nTP. B-LOC\nHCM I-LOC\n\n"
                    "Sức O\nkhỏe O\nổn O\nđịnh O\n\n", encoding="utf-8")
    report = import_paths(corpus, [path], sentences_per_doc=2)
    assert report.added == 1
    [doc] = corpus.iter_documents()
    assert doc.text == "Bệnh nhân 91 ở TP. HCM Sức khỏe ổn định"
    assert spans_of(doc) == [("Bệnh nhân 91", "MISC"), ("TP. HCM", "LOC")]


def test_double_blank_line_splits_documents(corpus, tmp_path):
    path = tmp_path / "a.iob"
    path.write_text("Hà_Nội\tB-LOC\n\n\nHuế\tB-LOC\n\n\n\n", encoding="utf-8")
    assert import_paths(corpus, [path]).added == 2


def test_iob1_and_bioes_tolerated():
    rec = conll.build([[("A", "I-PER"), ("B", "I-PER"), ("C", "I-LOC"), ("D", "O"), ("E", "I-ORG"),
                        ("F", "B-ORG"), ("G", "S-LOC"), ("H", "B-MISC"), ("I", "E-MISC"), ("J", "I-MISC")]])
    assert rec.text == "A B C D E F G H I J"
    got = [(rec.text[s.start:s.end], s.label) for s in rec.spans]
    assert got == [("A B", "PER"), ("C", "LOC"), ("E", "ORG"), ("F", "ORG"), ("G", "LOC"), ("H I", "MISC"),
                   ("J", "MISC")]


def test_entities_do_not_cross_sentences():
    rec = conll.build([[("Hà", "B-LOC")], [("Nội", "I-LOC")]])
    assert [(s.start, s.end) for s in rec.spans] == [(0, 2), (3, 6)]


def test_rebuild_rules():
    rec = conll.build([[("(", "O"), ("a", "O"), (")", "O"), ("b", "O"), (",", "O"), ("c", "O"), (".", "O"),
                        ("“", "O"), ("d", "O"), ("”", "O"), ("10", "O"), ("%", "O"), ('"', "O"), ("e", "O"),
                        ('"', "O")], [(",", "O"), ("f", "O")]])
    assert rec.text == '(a) b, c. “d” 10% " e " , f'


def test_bad_line_rejects_its_document_with_line_number(corpus, tmp_path):
    path = tmp_path / "a.conll"
    path.write_text("-DOCSTART-\tO\n\nHuế\tB-LOC\n\n-DOCSTART-\tO\n\nHà\tB-LOC\nNội\tX-LOC\n\n"
                    "-DOCSTART-\tO\n\nĐà_Nẵng\n\n-DOCSTART-\tO\n\nVinh\tB-LOC\n", encoding="utf-8")
    report = import_paths(corpus, [path])
    assert report.added == 2 and report.rejected == 2
    assert report.problems[0].startswith(f"{path}:8: bad tag 'X-LOC'")
    assert report.problems[1].startswith(f"{path}:12: expected a token and a tag column")
    assert sorted(d.text for d in corpus.iter_documents()) == ["Huế", "Vinh"]


def test_unknown_conll_label(corpus, tmp_path):
    path = tmp_path / "a.conll"
    path.write_text("COVID-19\tB-DISEASE\n", encoding="utf-8")
    report = import_paths(corpus, [path])
    assert report.added == 0 and "unknown label 'DISEASE'" in report.problems[0]
    assert report.problems[0].startswith(f"{path}:1:")
    assert import_paths(corpus, [path], new_labels="add").added == 1


def test_conll_as_suggestions(corpus, tmp_path):
    path = tmp_path / "a.conll"
    path.write_text("Hà_Nội\tB-LOC\n", encoding="utf-8")
    import_paths(corpus, [path], as_suggestions=True)
    [doc] = corpus.iter_documents()
    assert doc.status == Status.NEW and doc.spans[0].state == SpanState.SUGGESTED


def test_crlf_and_bom_conll(corpus, tmp_path):
    path = tmp_path / "a.conll"
    path.write_bytes("\ufeffHà_Nội\tB-LOC\r\nđẹp\tO\r\n".encode("utf-8"))
    assert import_paths(corpus, [path]).added == 1
    [doc] = corpus.iter_documents()
    assert doc.text == "Hà Nội đẹp" and spans_of(doc) == [("Hà Nội", "LOC")]


def test_underscore_only_tokens_stay():
    rec = conll.build([[("_", "O"), ("a_b", "O"), ("__init__", "O")]])
    assert rec.text == "_ a b __init__"


def test_vlsp2016_five_columns_words_with_spaces_and_sentence_marks(corpus, tmp_path):
    """VLSP 2016: word (syllables joined by spaces), POS, chunk, NE, nested NE; <s> ... </s> around sentences."""
    path = tmp_path / "vlsp2016.txt"
    path.write_text(
        "<s>\n"
        "Anh\tN\tB-NP\tO\tO\nThanh\tNp\tB-NP\tB-PER\tO\nlà\tV\tB-VP\tO\tO\ncán bộ\tN\tB-NP\tO\tO\n"
        "Uỷ ban\tN\tB-NP\tB-ORG\tO\nnhân dân\tN\tI-NP\tI-ORG\tO\nthành phố\tN\tI-NP\tI-ORG\tB-LOC\n"
        "Hà Nội\tNp\tI-NP\tI-ORG\tI-LOC\n.\tCH\tO\tO\tO\n"
        "</s>\n<s>\n"
        "Ông\tNc\tB-NP\tO\tO\nđến\tV\tB-VP\tO\tO\nHuế\tNp\tB-NP\tB-LOC\tO\n"
        "</s>\n", encoding="utf-8")
    report = import_paths(corpus, [path], fmt="conll")
    assert report.added == 1 and not report.problems, report.problems
    [doc] = corpus.iter_documents()
    assert doc.text == "Anh Thanh là cán bộ Uỷ ban nhân dân thành phố Hà Nội. Ông đến Huế"
    assert doc.title == "Anh Thanh là cán bộ Uỷ ban nhân dân thành phố Hà Nội."
    # the NE column, not the nested one (which is last)
    assert spans_of(doc) == [("Thanh", "PER"), ("Uỷ ban nhân dân thành phố Hà Nội", "ORG"), ("Huế", "LOC")]


def test_conll2003_four_columns_use_the_last_one(corpus, tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("Bộ_Y_tế\tNp\tB-NP\tB-ORG\nhọp\tV\tB-VP\tO\ntại\tE\tB-PP\tO\nHuế\tNp\tB-NP\tB-LOC\n",
                    encoding="utf-8")
    assert import_paths(corpus, [path]).added == 1
    [doc] = corpus.iter_documents()
    assert spans_of(doc) == [("Bộ Y tế", "ORG"), ("Huế", "LOC")]
