"""What a training run learns from: the seed corpus, the reviewed documents and CoNLL files.

Each source gives :class:`TrainingDoc` objects: a text with its accepted spans (seed articles,
reviewed documents) or ready-made tokenised sentences (CoNLL files keep their own words, which is
also what makes a 5,000-sentence file featurize in seconds: no word segmentation is run).
:func:`sequences` turns a document into per-sentence feature lists and BIO tags once; the judge
then picks documents per cross-validation fold without featurizing again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.text import content_hash
from annotator.nlp.entities import bio_labels
from annotator.nlp.text import Token, segment_spans, sentences

__all__ = ["TrainingDoc", "seed_docs", "shipped_training_docs", "shipped_training_examples", "RETIRED_PARTS",
           "LEARNING_BENCH_SECTIONS", "reviewed_docs", "read_conll", "ConllData", "sequences",
           "directive_sentences", "label_sources"]

DIRECTIVE = "DIRECTIVE"


@dataclass
class TrainingDoc:
    """One unit of training data. ``source``: "seed", "reviewed" or "conll:<file name>"."""

    source: str
    text: str
    spans: list[tuple[int, int, str]]
    key: str = ""
    #: tokenised sentences given by the source (CoNLL); None: segment the text
    token_sentences: list[list[Token]] | None = None
    #: directive sentences are labelled in this source (seed and reviewed documents)
    has_directives: bool = True
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        if not self.key:
            self.key = content_hash(self.text)


def seed_docs(part: str = "train") -> list[TrainingDoc]:
    """The shipped seed corpus (``resources/seed/<part>``), written for this project."""
    from annotator.nlp.resources import seed_dir
    from annotator.nlp.train import load_examples

    return [TrainingDoc("seed", text, [tuple(s) for s in spans]) for text, spans in
            load_examples(seed_dir() / part)]


#: held-out parts that judged a tuning round and were then read for their error classes: they no longer
#: measure anything unseen, so they teach. The parts still held out are ``test`` and the newest ones.
RETIRED_PARTS = ("test2", "test3", "test4", "test5")
#: the sections the learning bench (bench/data/learning) measures learning on: kept out of the shipped
#: models, so that what a reviewer teaches there is still new to them
LEARNING_BENCH_SECTIONS = frozenset({"law", "health"})


def shipped_training_examples() -> list[tuple[str, list]]:
    """``(text, spans)`` the shipped models learn from: the training part, then the retired test parts
    without the learning bench's sections."""
    from annotator.nlp.resources import seed_dir
    from annotator.nlp.train import load_examples

    out = load_examples(seed_dir() / "train")
    for part in RETIRED_PARTS:
        folder = seed_dir() / part
        sections = {}
        tsv = folder / "SECTIONS.tsv"
        if tsv.is_file():
            for line in tsv.read_text(encoding="utf-8").splitlines():
                name, _, section = line.partition("\t")
                sections[name.strip()] = section.strip()
        kept = sorted(p for p in folder.glob("*.txt") if sections.get(p.name) not in LEARNING_BENCH_SECTIONS)
        out.extend(load_examples(folder, kept))
    return out


def shipped_training_docs() -> list[TrainingDoc]:
    """:func:`shipped_training_examples` as training documents (what retraining starts from, so that a
    retrained model knows at least what the shipped one knew)."""
    return [TrainingDoc("seed", text, [tuple(s) for s in spans]) for text, spans in shipped_training_examples()]


def reviewed_docs(corpus) -> list[TrainingDoc]:
    """Done documents with the spans reviewers accepted (every label of the scheme)."""
    from annotator.core.model import SpanState, Status
    from annotator.core.store import DocumentFilter

    out = []
    for doc in corpus.iter_documents(DocumentFilter(status=[Status.DONE])):
        if not doc.text.strip():
            continue
        spans = [(s.start, s.end, s.label) for s in doc.spans if s.state == SpanState.ACCEPTED]
        out.append(TrainingDoc("reviewed", doc.text, spans, key=doc.hash or ""))
    return out


@dataclass
class ConllData:
    docs: list[TrainingDoc]
    #: labels found in the files but not in the scheme: label -> number of spans
    outside: Counter
    sentences: int = 0


def read_conll(paths, scheme: set[str] | None = None, new_labels: str = "refuse") -> ConllData:
    """CoNLL/BIO files as one :class:`TrainingDoc` per sentence block, any size.

    Blocks are read by the importer's CoNLL reader (:mod:`annotator.core.formats.conll`), one
    block at a time; the file's own words become the tokens (syllables of a word joined by
    ``_`` or a space keep their word position). Labels outside ``scheme`` are learnt with
    ``new_labels='add'`` and dropped (tagged O) with ``'refuse'``; :attr:`ConllData.outside`
    counts them so the caller can say what it did.
    """
    from annotator.core.formats import conll

    docs: list[TrainingDoc] = []
    outside: Counter = Counter()
    for path in paths:
        path = Path(path)
        name = f"conll:{path.name}"
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            block: list[tuple[int, str]] = []
            for lineno, line in enumerate(fh, 1):
                stripped = line.strip()
                if stripped and not stripped.startswith(conll.DOCSTART):
                    block.append((lineno, line))
                    continue
                if block:
                    _conll_block(block, name, scheme, new_labels, docs, outside)
                    block = []
            if block:
                _conll_block(block, name, scheme, new_labels, docs, outside)
    return ConllData(docs, outside, len(docs))


def _conll_block(block, name, scheme, new_labels, docs, outside) -> None:
    from annotator.core.formats import conll

    for record in conll.read(block):
        if not hasattr(record, "text"):  # a bad line: this sentence only is left out
            continue
        text = record.text
        spans = []
        for s in record.spans:
            if scheme is not None and s.label not in scheme and s.label != DIRECTIVE:
                outside[s.label] += 1
                if new_labels != "add":
                    continue
            spans.append((int(s.start), int(s.end), str(s.label)))
        docs.append(TrainingDoc(name, text, spans, token_sentences=[_tokens_of(text, block)],
                                has_directives=False))
        return  # one sentence block is one record


def _tokens_of(text: str, block) -> list[Token]:
    """Syllable tokens of a rebuilt CoNLL sentence with the file's own words: a syllable inside
    the same CoNLL token (``Hà_Nội``) as the one before it continues that word (``I``)."""
    from annotator.core.formats import conll
    from annotator.nlp.text import syllables

    words = []
    pos = 0
    for _lineno, line in block:
        cols = line.split("\t") if "\t" in line else line.split()
        token = cols[0].strip() if cols else ""
        if not token or (len(cols) == 1 and conll._MARKUP.match(token)):
            continue
        token = conll._UNDERSCORE.sub(" ", token)
        at = text.find(token, pos)
        if at < 0:
            continue
        words.append((at, at + len(token)))
        pos = at + len(token)
    out = []
    wi = 0
    prev_word = -1
    for t in syllables(text):
        while wi < len(words) and words[wi][1] <= t.start:
            wi += 1
        inside = wi < len(words) and words[wi][0] <= t.start
        word = wi if inside else -1
        out.append(t._replace(word_pos="I" if word >= 0 and word == prev_word else "B"))
        prev_word = word
    return out


def sequences(doc: TrainingDoc, featurizer, trainable) -> list[tuple[list, list]]:
    """Per sentence ``(features, BIO tags)`` of a document, computed once and cached."""
    key = (id(featurizer), frozenset(trainable))
    got = doc._cache.get(key)
    if got is not None:
        return got
    out = []
    for toks in _token_sentences(doc):
        if not toks:
            continue
        a, b = toks[0].start, toks[-1].end
        inside = [s for s in doc.spans if s[0] < b and s[1] > a]
        out.append((featurizer.sentence_features(toks), bio_labels(toks, inside, trainable)))
    doc._cache.clear()
    doc._cache[key] = out
    return out


def _token_sentences(doc: TrainingDoc) -> list[list[Token]]:
    if doc.token_sentences is not None:
        return doc.token_sentences
    got = doc._cache.get("tokens")
    if got is None:
        sents = [(s.start, s.end) for s in sentences(doc.text)]
        got = doc._cache["tokens"] = (sents, segment_spans(doc.text, sents))
    return got[1]


def sentence_bounds(doc: TrainingDoc) -> list[tuple[int, int]]:
    if doc.token_sentences is not None:
        return [(t[0].start, t[-1].end) for t in doc.token_sentences if t]
    _token_sentences(doc)
    return doc._cache["tokens"][0]


def directive_sentences(doc: TrainingDoc) -> list[bool]:
    """Per sentence of the document: is it (inside) a directive span?"""
    dirs = [(s[0], s[1]) for s in doc.spans if s[2] == DIRECTIVE]
    return [any(a < e and s < b for a, b in dirs) for s, e in sentence_bounds(doc)]


def label_sources(docs, trainable) -> dict[str, Counter]:
    """label -> Counter(source kind -> spans): which labels came from where."""
    out: dict[str, Counter] = {}
    for d in docs:
        kind = "conll" if d.source.startswith("conll:") else d.source
        for s in d.spans:
            if s[2] in trainable:
                out.setdefault(s[2], Counter())[kind] += 1
    return out
