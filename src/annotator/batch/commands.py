"""The ``tag`` and ``sample`` subcommands: their parsers and handlers (hooked into :mod:`annotator.cli`).

Kept light to import: the work modules are imported by the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TAG_DESCRIPTION = """\
Run the pre-annotation pipeline over an archive: .txt files, folders of them (recursive) and
.jsonl files (one article a line: {"text": ...}, or native, Prodigy or doccano records), of
any size, streamed. Writes DIR/part-NNNNN.jsonl shards of --shard-size documents each, in
input order, in the shape of `annotator export --format native`: the model's entity and
directive suggestions with their scores and relations, and meta.confidence (the score of the
document's least certain suggestion). `annotator import --as-suggestions` reads them.

A shard appears only when it is complete. Run the same command again after an interruption
(Ctrl+C keeps finished shards) and the shards already written are skipped. A bad input line
gets one line on stderr and the rest goes on.

--engine dask runs the shards on a Dask cluster (--scheduler tcp://HOST:8786, or a local
cluster of --jobs worker processes without it); the output is byte-identical to the local
engine's. Inputs and DIR must be on paths every worker sees; the model travels to the workers.
"""

SAMPLE_DESCRIPTION = """\
Pick documents for review from shards written by `annotator tag` (files or folders):
  uncertainty  least certain first (lowest meta.confidence)
  diversity    spread over clusters of entity profiles (labels and names), least certain
               first within each cluster
  label:X      documents with an X span, least certain X span first
Writes a native JSONL file for `annotator import --as-suggestions FILE` (meta.sample says
how each document was picked).
"""


def _by(value: str) -> str:
    from annotator.batch.sample import parse_by

    try:
        return parse_by(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parsers(sub) -> None:
    p = sub.add_parser("tag", help="tag .txt/.jsonl archives into JSONL shards (no corpus needed)",
                       description=TAG_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", metavar="PATH", default=argparse.SUPPRESS,
                   help="whose active model and rules folder to use (default: the default corpus's)")
    p.add_argument("inputs", nargs="+", metavar="IN", help=".txt or .jsonl file, or a folder")
    p.add_argument("--out", required=True, metavar="DIR", help="folder of the output shards")
    p.add_argument("--model", metavar="FILE", help="entity model (.crf) instead of the active one")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")
    p.add_argument("--jobs", type=int, default=0,
                   help="worker processes, local or in the local Dask cluster (default: one per core)")
    p.add_argument("--shard-size", type=int, default=500, metavar="N", help="documents per shard (default 500)")

    p = sub.add_parser("sample", help="pick documents for review from tagged shards",
                       description=SAMPLE_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("tagged", nargs="+", metavar="TAGGED", help="a shard file or a folder of shards")
    p.add_argument("--n", type=int, default=500, help="how many documents (default 500)")
    p.add_argument("--by", type=_by, default="uncertainty", metavar="uncertainty|diversity|label:X",
                   help="how to pick them (default: uncertainty)")
    p.add_argument("--out", required=True, metavar="FILE.jsonl")
    p.add_argument("--clusters", type=int, default=0, metavar="K",
                   help="clusters for --by diversity (default: the square root of --n)")


def _print_problems(problems: list[str], total: int) -> None:
    for line in problems:
        print(f"annotator: {line}", file=sys.stderr)
    if total > len(problems):
        print(f"annotator: ... and {total - len(problems)} more", file=sys.stderr)


def cmd_tag(args) -> int:
    from annotator.cli import _fail, _progress
    from annotator.core.progress import Cancelled

    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.shard_size < 1:
        return _fail("--shard-size must be at least 1")
    if args.engine == "dask":
        try:
            import annotator.batch.dask_engine  # noqa: F401
        except ImportError:
            from annotator.batch.tag import DASK_MISSING

            return _fail(DASK_MISSING)
    from annotator.batch.tag import TagJob, shard_name
    from annotator.nlp.jobs import active_model_path, rules_dir_for
    from annotator.paths import default_corpus_path

    corpus = Path(args.corpus) if args.corpus else default_corpus_path()
    if args.model and not Path(args.model).is_file():
        return _fail(f"model file {args.model} does not exist")
    job = TagJob(args.inputs, args.out, args.model or active_model_path(corpus), rules_dir_for(corpus),
                 shard_size=args.shard_size)
    if not job.inputs.files:
        _print_problems(job.inputs.problems, len(job.inputs.problems))
        return _fail("nothing to tag")
    progress = _progress()
    try:
        report = job.run(args.engine, jobs=args.jobs, scheduler=args.scheduler, progress=progress)
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        kept = sum(1 for s in job.shards if (job.out_dir / shard_name(s.index)).is_file())
        print(f"annotator: interrupted; {kept} of {len(job.shards)} shards are complete in {job.out_dir};"
              " run the same command again to tag the rest", file=sys.stderr)
        return 130
    _print_problems(report.problems, report.rejected)
    print(report.summary())
    return 0 if report.documents or not report.rejected else 1


def cmd_sample(args) -> int:
    from annotator.batch.sample import sample

    report = sample(args.tagged, args.out, n=args.n, by=args.by, clusters=args.clusters)
    _print_problems(report.problems, len(report.problems))
    print(report.summary())
    return 0


HANDLERS = {"tag": cmd_tag, "sample": cmd_sample}
