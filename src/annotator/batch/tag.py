"""``annotator tag``: run the pre-annotation pipeline over an archive of files into JSONL shards.

Each output shard ``part-NNNNN.jsonl`` holds the documents of one input shard (see
:mod:`annotator.batch.shards`) in input order, one line each in the native export shape
(:mod:`annotator.core.formats.native`): status ``new``, the model's entity and directive
spans as suggestions with their scores, their relations, and ``meta.confidence``, the
document's confidence (see :func:`confidence`). A shard is written under a hidden temporary
name and renamed when complete, so a shard file that exists is whole: a run that stops (Ctrl+C,
a lost worker) keeps the finished shards, and the next run with the same inputs skips them.
``tag.json`` records what the shards were made from (inputs, shard size, model, rules); a
run on a folder holding another job's shards is refused instead of mixing them.

The same function (:func:`tag_shard`) runs in local worker processes (the pool of
:mod:`annotator.nlp.jobs`) or on Dask workers (:mod:`annotator.batch.dask_engine`), so the
output is byte-identical whichever engine ran it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.batch.shards import Shard, collect_inputs, plan, read_shard
from annotator.core import formats
from annotator.core.formats import native
from annotator.core.formats.base import ExportDoc, RecordError, title_of
from annotator.core.model import Document, Relation, Status
from annotator.core.progress import NullProgress
from annotator.core.text import content_hash, normalize

MANIFEST = "tag.json"
MANIFEST_FORMAT = "annotator-tag/1"
DEFAULT_SHARD_SIZE = 500
_PROBLEMS_KEPT = 10000
DASK_MISSING = "--engine dask needs Dask: pip install 'annotator[archive]' (or 'dask[distributed]')"


def shard_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def _temp_name(index: int) -> str:
    return f".{shard_name(index)}.tmp"


def confidence(scores) -> float:
    """How sure the pipeline is of a document, from its suggestions' scores: the score of the
    least certain one (entities and directives alike), 1.0 for a document without any. A reviewer
    has to check the weakest suggestion, so the weakest one says how much a look is needed."""
    scores = [s for s in scores if s is not None]
    return round(min(scores), 4) if scores else 1.0


def tagged_record(obj: dict, source: str, line: int, pipeline) -> dict:
    """One input record (native, Prodigy or doccano shape, or ``{"text": ...}``) tagged, as a native record.

    The record's own spans are not kept: the output holds the model's suggestions only.
    Raises :class:`RecordError` for a record that is not an article.
    """
    from annotator.nlp.jobs import to_spans

    reader = formats.detect(obj)
    if not hasattr(reader, "parse"):
        raise RecordError(f"a {reader.NAME} line is a sentence, not an article; tag whole articles")
    rec = reader.parse(obj, line)
    if rec.text is None:
        raise RecordError("missing text")
    if not isinstance(rec.text, str):
        raise RecordError("text must be a string")
    if not rec.text.strip():
        raise RecordError("empty text")
    text = normalize(rec.text)[0]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RecordError(f"contains an unpaired surrogate {exc.object[exc.start:exc.end]!r}") from None
    spans, relations = to_spans(pipeline.annotate(text))
    for number, span in enumerate(spans, 1):
        span.id = number
    relations = [Relation(head=spans[r.head].id, tail=spans[r.tail].id, label=r.label, origin=r.origin)
                 for r in relations]
    meta = dict(rec.meta or {})
    meta["confidence"] = confidence(s.score for s in spans)
    title = normalize(rec.title)[0].strip() if rec.title else title_of(text)
    doc = Document(text=text, title=title, source=rec.source or source, meta=meta, status=Status.NEW,
                   uid=rec.uid or content_hash(text)[:16])
    return native.record(ExportDoc(doc, spans, relations, {}))


@dataclass
class ShardResult:
    index: int
    documents: int = 0
    problems: list[str] = field(default_factory=list)


def tag_shard(shard: Shard, out_dir: str, pipeline) -> ShardResult:
    """Tag one shard into ``out_dir/part-NNNNN.jsonl`` (temporary name, then renamed)."""
    out = Path(out_dir)
    result = ShardResult(shard.index)
    tmp = out / _temp_name(shard.index)
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for path, line, obj, problem in read_shard(shard):
                if obj is not None:
                    try:
                        record = tagged_record(obj, path, line, pipeline)
                    except RecordError as exc:
                        problem = str(exc)
                    except Exception as exc:  # noqa: BLE001 - one bad record never stops the rest
                        problem = f"could not be tagged ({type(exc).__name__}: {exc})"
                    else:
                        fh.write(json.dumps(record, ensure_ascii=False))
                        fh.write("\n")
                        result.documents += 1
                        continue
                result.problems.append(f"{path}:{line}: {problem}")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out / shard_name(shard.index))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _local_task(args: tuple[Shard, str]) -> ShardResult:
    from annotator.nlp.jobs import worker_pipeline

    shard, out_dir = args
    return tag_shard(shard, out_dir, worker_pipeline())


# -- the job ---------------------------------------------------------------------------------
def _digest_file(path: Path | None) -> str | None:
    if path is None:
        return None
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rules_files(rules_dir: Path | None) -> dict[str, bytes]:
    """The files of a rules folder by relative path (what a remote worker needs to rebuild it)."""
    if rules_dir is None:
        return {}
    return {p.relative_to(rules_dir).as_posix(): p.read_bytes()
            for p in sorted(Path(rules_dir).rglob("*")) if p.is_file()}


@dataclass
class TagReport:
    out_dir: Path
    shards: int = 0
    skipped: int = 0
    documents: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"

    def add(self, result: ShardResult) -> None:
        self.shards += 1
        self.documents += result.documents
        self.rejected += len(result.problems)
        room = _PROBLEMS_KEPT - len(self.problems)
        if room > 0:
            self.problems.extend(result.problems[:room])

    def summary(self) -> str:
        text = (f"tagged {self.documents} document{'s' * (self.documents != 1)} into {self.shards} "
                f"shard{'s' * (self.shards != 1)} in {self.out_dir} ({self.engine}, {self.seconds:.1f} s)")
        if self.skipped:
            text += f"; {self.skipped} shard{'s' * (self.skipped != 1)} already done, skipped"
        if self.rejected:
            text += f"; {self.rejected} record{'s' * (self.rejected != 1)} rejected"
        return text


class TagJob:
    """Inputs, output folder, model and rules of one tagging job; :meth:`run` runs what is left of it."""

    def __init__(self, inputs, out_dir, model_path: str | os.PathLike | None, rules_dir=None,
                 shard_size: int = DEFAULT_SHARD_SIZE):
        from annotator.nlp.entities import ModelError, load_model
        from annotator.nlp.pipeline import default_model_path

        self.out_dir = Path(out_dir)
        model_path = model_path or default_model_path()
        self.model_path = Path(model_path) if model_path else None
        self.rules_dir = Path(rules_dir) if rules_dir else None
        self.shard_size = shard_size
        if self.model_path is not None:
            try:
                self.model_version = load_model(self.model_path).version  # a bad model fails here, once
            except ModelError as exc:
                raise ValueError(str(exc)) from None
        else:
            self.model_version = "rules"
        self.inputs = collect_inputs(inputs)
        self.shards = list(plan(self.inputs.files, shard_size))

    @property
    def documents(self) -> int:
        return sum(s.size for s in self.shards)

    def manifest(self) -> dict:
        return {"format": MANIFEST_FORMAT, "shard_size": self.shard_size, "shards": len(self.shards),
                "documents": self.documents, "files": len(self.inputs.files),
                "inputs": self.inputs.fingerprint(), "model": self.model_version,
                "model_sha256": _digest_file(self.model_path),
                "rules_sha256": hashlib.sha256(json.dumps(
                    {k: hashlib.sha256(v).hexdigest() for k, v in rules_files(self.rules_dir).items()},
                    sort_keys=True).encode()).hexdigest()}

    def prepare(self) -> list[Shard]:
        """Create the folder, check or write ``tag.json``, drop stale temporary files; the shards left to do."""
        out = self.out_dir
        if out.exists() and not out.is_dir():
            raise ValueError(f"{out} is a file, not a folder")
        out.mkdir(parents=True, exist_ok=True)
        wanted = self.manifest()
        path = out / MANIFEST
        if path.exists():
            try:
                found = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                found = None
            if found != wanted:
                differ = sorted(k for k in wanted if not isinstance(found, dict) or found.get(k) != wanted[k])
                raise ValueError(f"{out} holds shards of another tagging job (different {', '.join(differ)});"
                                 " choose another --out folder or empty this one")
        else:
            tmp = out / f".{MANIFEST}.tmp"
            tmp.write_text(json.dumps(wanted, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            os.replace(tmp, path)
        for stale in out.glob(".part-*.jsonl.tmp"):
            stale.unlink(missing_ok=True)
        return [s for s in self.shards if not (out / shard_name(s.index)).is_file()]

    def run(self, engine: str = "local", jobs: int = 0, scheduler: str | None = None, progress=None) -> TagReport:
        """Tag the shards not yet written; ``engine`` is ``local`` (worker processes) or ``dask``."""
        progress = progress or NullProgress()
        started = time.monotonic()
        todo = self.prepare()
        report = TagReport(self.out_dir, skipped=len(self.shards) - len(todo), engine=engine)
        report.problems.extend(self.inputs.problems)
        report.rejected += len(self.inputs.problems)
        progress.start(self.documents, "tagging")
        progress.advance(self.documents - sum(s.size for s in todo))

        def finished(result: ShardResult, size: int) -> None:
            report.add(result)
            progress.advance(size)

        try:
            if engine == "dask":
                from annotator.batch.dask_engine import run_on_dask

                run_on_dask(self, todo, finished, jobs=jobs, scheduler=scheduler, progress=progress)
            elif engine == "local":
                self._run_local(todo, finished, jobs, progress)
            else:
                raise ValueError(f"unknown engine {engine!r} (use local or dask)")
        finally:
            for stale in self.out_dir.glob(".part-*.jsonl.tmp"):
                stale.unlink(missing_ok=True)
        progress.finish()
        report.seconds = time.monotonic() - started
        return report

    def _run_local(self, todo: list[Shard], finished, jobs: int, progress) -> None:
        from annotator.nlp.jobs import _worker_init, worker_pipeline, worker_pool

        if not todo:
            return
        sizes = {s.index: s.size for s in todo}
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        out = str(self.out_dir)
        if jobs == 1:
            _worker_init(str(self.model_path) if self.model_path else None,
                         str(self.rules_dir) if self.rules_dir else None)
            for shard in todo:
                progress.check()
                finished(tag_shard(shard, out, worker_pipeline()), shard.size)
            return
        with worker_pool(jobs, self.model_path, self.rules_dir) as pool:
            for result in pool.imap_unordered(_local_task, [(s, out) for s in todo]):
                finished(result, sizes[result.index])
