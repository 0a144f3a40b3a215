"""Opening an article fast without losing anything (issue 12, point 9): the span index in reading
order, spans loaded without provenance for the window, directive cards dropped at once, and an
undo after such a load still restoring the span exactly as it was stored."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.core.model import Document, Span, SpanState
from annotator.core.store import SCHEMA_VERSION, Corpus
from test_gui_window_support import (  # noqa: F401 - fixtures
    DOC1,
    at,
    gui_settings,
    key,
    news,
    open_window,
    window,
)

SPANS_QUERY = 'SELECT * FROM spans WHERE doc_id=? ORDER BY start, "end" DESC, id'


def _filled(corpus: Corpus) -> int:
    doc_id, _ = corpus.add_document(Document(text=DOC1, title="t"), who="An")
    corpus.add_span(doc_id, Span(*at(DOC1, "Hà Nội"), "LOC", attrs={"note": "x"}, score=0.5), who="An")
    corpus.add_span(doc_id, Span(*at(DOC1, "Nguyễn Văn An"), "PER", state=SpanState.SUGGESTED, origin="model"))
    start = DOC1.index("Chủ tịch UBND")
    corpus.add_span(doc_id, Span(start, len(DOC1), "DIRECTIVE"), who="Bình")
    corpus.add_span(doc_id, Span(start, start + len("Chủ tịch"), "MISC"), who="Bình")
    return doc_id


def test_spans_keep_every_field_and_come_in_reading_order(corpus):
    doc_id = _filled(corpus)
    spans = corpus.spans(doc_id)
    # positional construction: each field read back is the one stored (Span's field order)
    assert spans == [corpus.span(s.id) for s in spans]
    assert {s.author for s in spans} == {"An", "Bình", None} and all(s.created_at for s in spans)
    assert [(s.start, -s.end) for s in spans] == sorted((s.start, -s.end) for s in spans)
    # the window's load leaves out only author and times
    lean = corpus.spans(doc_id, provenance=False)
    assert lean == [replace(s, author=None, created_at=None, updated_at=None) for s in spans]


def test_reading_order_comes_from_the_index_not_a_sort(corpus):
    doc_id = _filled(corpus)
    plan = " ".join(str(row) for row in corpus.db.conn.execute("EXPLAIN QUERY PLAN " + SPANS_QUERY, (doc_id,)))
    assert "spans_doc" in plan and "TEMP B-TREE" not in plan


def test_a_schema_4_corpus_gets_the_reading_order_index(tmp_path):
    path = tmp_path / "old.db"
    with Corpus(path) as corpus:
        doc_id = _filled(corpus)
        before = corpus.spans(doc_id)
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX spans_doc")
    conn.execute("CREATE INDEX spans_doc ON spans(doc_id, start)")  # as schema 4 had it
    conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with Corpus(path, create=False) as corpus:
        assert corpus.meta("schema_version") == str(SCHEMA_VERSION)
        sql = corpus.db.conn.execute("SELECT sql FROM sqlite_master WHERE name='spans_doc'").fetchone()[0]
        assert '"end" DESC' in sql
        assert corpus.spans(doc_id) == before
        assert corpus.integrity_check() == []


def test_undo_after_a_lean_load_restores_author_and_times(open_window, tmp_path, qtbot):
    path = tmp_path / "authored.db"
    with Corpus(path) as corpus:
        doc_id = _filled(corpus)
        span = next(s for s in corpus.spans(doc_id) if s.label == "LOC")
    assert span.author == "An"
    win = open_window(path)  # the reviewer here is "Tester"
    win.show_document(doc_id)
    assert win.session.spans.get(span.id).created_at is None  # the window loaded it lean
    win.session.select(span.id)
    key(qtbot, win, Qt.Key.Key_Delete)
    with Corpus(path, create=False, read_only=True) as reader:
        assert span.id not in [s.id for s in reader.spans(doc_id)]
    win.undo_stack.undo()
    with Corpus(path, create=False, read_only=True) as reader:
        assert reader.span(span.id) == replace(span, updated_at=reader.span(span.id).updated_at)


def test_switching_articles_leaves_only_the_new_cards(open_window, tmp_path, qtbot):
    from annotator.gui.directive_panel import DirectiveCard

    path = tmp_path / "cards.db"
    sentences = [f"Chủ tịch yêu cầu xã số {i} khẩn trương sơ tán người dân." for i in range(40)]
    text = " ".join(sentences)
    with Corpus(path) as corpus:
        many, _ = corpus.add_document(Document(text=text, title="nhiều"))
        pos = 0
        for sentence in sentences:
            corpus.add_span(many, Span(pos, pos + len(sentence), "DIRECTIVE", state=SpanState.SUGGESTED))
            pos += len(sentence) + 1
        one, _ = corpus.add_document(Document(text=DOC1, title="một"))
        start = DOC1.index("Chủ tịch UBND")
        corpus.add_span(one, Span(start, len(DOC1), "DIRECTIVE"))
    win = open_window(path)
    win.show_document(many)
    qtbot.waitUntil(lambda: len(win.directives.cards) == 40 and not win.directives._pending, timeout=5000)
    win.show_document(one)
    assert win.directives.cards == []  # the old cards went at once, with the box that held them
    qtbot.waitUntil(lambda: len(win.directives.cards) == 1, timeout=5000)
    qtbot.wait(50)  # deferred deletes run
    alive = [c for c in win.directives.body.findChildren(DirectiveCard) if c.isVisibleTo(win.directives)]
    assert alive == win.directives.cards
    assert alive[0].directive.start == DOC1.index("Chủ tịch UBND")


# ------------------------------------------------------------------ progressive open
def _long_article(path, *, first_screen_suggestions: bool = True):
    """A 40-paragraph article with a LOC on every paragraph (accepted on the first screen unless
    asked otherwise) and a directive on the last one."""
    from annotator.gui.span_model import first_screen_end

    paragraphs = [f"Đoạn {i}: Ủy ban nhân dân tỉnh Quảng Ninh họp bàn kế hoạch năm {2000 + i}." for i in range(40)]
    text = "\n\n".join(paragraphs)
    cut = first_screen_end(text)
    assert cut is not None and cut < len(text) // 2
    with Corpus(path) as corpus:
        doc_id, _ = corpus.add_document(Document(text=text, title="dài"))
        pos = 0
        for paragraph in paragraphs:
            a = pos + paragraph.index("Quảng Ninh")
            early = a < cut
            state = SpanState.SUGGESTED if (not early or first_screen_suggestions) else SpanState.ACCEPTED
            corpus.add_span(doc_id, Span(a, a + len("Quảng Ninh"), "LOC", state=state, origin="model"))
            pos += len(paragraph) + 2
        last = text.rindex("Đoạn 39")
        corpus.add_span(doc_id, Span(last, len(text), "DIRECTIVE", state=SpanState.SUGGESTED, origin="model"))
    return doc_id, text, cut


def test_a_long_article_reads_its_first_screen_first_and_the_rest_before_anything_else(qtbot, tmp_path):
    from annotator.gui.span_model import SpanModel

    path = tmp_path / "long.db"
    doc_id, text, cut = _long_article(path)
    with Corpus(path, create=False) as corpus:
        everything = corpus.spans(doc_id, provenance=False)
        model = SpanModel()
        model.set_labels(corpus.labels())
        early = corpus.spans(doc_id, provenance=False, starts=(0, cut))
        assert 0 < len(early) < len(everything)
        model.set_document(doc_id, text, early, [], rest=lambda: corpus.spans(doc_id, provenance=False,
                                                                               starts=(cut, None)),
                           loaded_until=cut)
        assert model.partial and model.has_spans
        assert model.overlapping(0, cut)[1] == early  # the first screen needs nothing more
        assert model.partial
        with qtbot.waitSignal(model.spansLoaded):
            directives, entities = model.overlapping(cut, len(text))  # beyond it: the rest comes first
        assert not model.partial and len(directives) == 1 and len(model) == len(everything)
        assert sorted(s.id for s in model.entities() + model.directives()) == sorted(s.id for s in everything)

        # an edit before the rest arrived: the rest is read first, and nothing comes twice
        model.set_document(doc_id, text, early, [], rest=lambda: corpus.spans(doc_id, provenance=False,
                                                                               starts=(cut, None)),
                           loaded_until=cut)
        extra = Span(cut + 5, cut + 9, "PER", id=10_000)
        model.add(extra)
        assert not model.partial and len(model) == len(everything) + 1
        # and left alone, the event loop reads the rest right after the first paint
        model.set_document(doc_id, text, early, [], rest=lambda: corpus.spans(doc_id, provenance=False,
                                                                               starts=(cut, None)),
                           loaded_until=cut)
        qtbot.waitUntil(lambda: not model.partial, timeout=2000)
        assert len(model) == len(everything)


def test_a_reviewer_works_through_a_long_article_at_once(open_window, tmp_path, qtbot):
    """Keys pressed before the rest of the spans arrived still reach every span, and the panels
    end up with all of them."""
    path = tmp_path / "long.db"
    doc_id, text, cut = _long_article(path, first_screen_suggestions=False)
    win = open_window(path)
    win.show_document(doc_id)
    # no suggestion on the first screen: the first to review is the first after it
    first = win.session.selected
    assert first is not None and first.start >= cut and first.state == SpanState.SUGGESTED
    for _ in range(60):  # Enter accepts and moves on, through every suggestion
        if win.session.selected is None or win.session.selected.state != SpanState.SUGGESTED:
            break
        key(qtbot, win, Qt.Key.Key_Return)
    with Corpus(path, create=False, read_only=True) as reader:
        states = {s.state for s in reader.spans(doc_id)}
    assert states == {SpanState.ACCEPTED}
    qtbot.waitUntil(lambda: win.span_list.model.rowCount() == 41, timeout=3000)
    qtbot.waitUntil(lambda: len(win.directives.cards) == 1, timeout=3000)
