"""Command line: `annotator` opens the review window; subcommands work on a corpus without Qt."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from annotator import __version__
from annotator.batch import commands as batch_commands
from annotator.core.formats import registry
CONFLICT_MODES = ("keep", "theirs", "suggest")  # annotator.core.merge.CONFLICT_MODES (not imported: startup)

MERGE_DESCRIPTION = """\
Collect other reviewers' work into this corpus. Each SOURCE is another reviewer's corpus
file (.db, opened read-only, never changed) or a file written by
`annotator export --format native` (.jsonl).

Documents are matched by their text (the hash of the NFC text):
  - not in this corpus: added with its spans, relations, status, reviewer and time spent
  - here without human work (status new, only machine suggestions): takes the source's
    spans (the suggestions are replaced), relations, status, reviewer and time spent
  - no human work in the source: left alone
  - human work on both sides, same accepted spans and status: identical, left alone
  - human work on both sides that differs: a conflict, settled by --conflicts:
      keep     keep this corpus's work and list the conflict (default)
      theirs   replace it with the source's work
      suggest  keep it, and add the source's accepted spans it lacks as suggestions
               (origin merge:REVIEWER) to accept or reject in the review window
Human work is a status other than new, or a span that is accepted or rejected or was
made by a reviewer, an import or a merge.

Each conflict is listed with the entity span F1 between the two reviewers' accepted spans
(exact start, end and label); the summary gives it over all conflicts. Labels this corpus
lacks are added. Each source is one transaction: a source that fails leaves the corpus as
it was and the next source is merged. Merging the same source again changes nothing.
"""
MERGE_EPILOG = "exit status: 0 merged (conflicts included), 1 a source or the corpus failed, 130 interrupted"


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _corpus_arg(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--corpus", metavar="PATH", default=None if top else argparse.SUPPRESS,
        help="corpus file (default: corpus.db in the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Review Vietnamese news articles and turn them into NER and directive training data.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    _corpus_arg(parser, top=True)
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window (on a temporary corpus without --corpus), check it rendered, exit")
    parser.add_argument("--lang", choices=("vi", "en"), help="user interface language (default: system locale)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import .txt files, folders, JSON(L), CoNLL, WebAnno TSV or spaCy files")
    _corpus_arg(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--as-suggestions", action="store_true",
                   help="keep imported labels as suggestions of new documents (to review another tool's output)")
    p.add_argument("--new-labels", choices=("add", "refuse"), default="refuse",
                   help="what to do with labels the corpus does not know (default: refuse the record)")
    p.add_argument("--format", choices=registry.import_names(), default="auto",
                   help="input format (default: by file extension); a record format (native, prodigy, ...)"
                        " reads .jsonl/.json files as that shape")
    p.add_argument("--text-field", metavar="NAME",
                   help="JSON key holding the text, when not 'text' (doccano's column_data)")
    p.add_argument("--label-field", metavar="NAME",
                   help="JSON key holding the [start, end, label] list, when not 'label' (doccano's column_label)")
    p.add_argument("--reviewer", help="name recorded as the author of imported labels")
    p.add_argument("--follow-links", action="store_true",
                   help="in folders, also import files that links point to outside the folder")
    p.add_argument("--sentences-per-doc", type=_positive, default=1, metavar="N",
                   help="CoNLL files without -DOCSTART-: N sentences make a document (default: 1)")

    p = sub.add_parser("merge", help="collect other reviewers' work from their corpora or native exports",
                       description=MERGE_DESCRIPTION, epilog=MERGE_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _corpus_arg(p)
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="a reviewer's corpus file (.db) or an `annotator export --format native` file (.jsonl)")
    p.add_argument("--conflicts", choices=CONFLICT_MODES, default="keep",
                   help="when both sides worked on a document differently: keep this corpus's work (default),"
                        " take theirs, or keep ours and suggest theirs")
    p.add_argument("--dry-run", action="store_true",
                   help="report what would be merged without writing anything")

    p = sub.add_parser("export", help="export the corpus for training")
    _corpus_arg(p)
    p.add_argument("out", metavar="OUT", help="output file ('-' for stdout); with --split, a folder; hf: a dataset"
                                              " folder with a README.md card (OUT.jsonl: one JSONL file); webanno: a folder")
    p.add_argument("--format", choices=registry.export_names(), default="native")
    p.add_argument("--status", action="append", metavar="S",
                   help="only documents with this status (new, in_progress, done, skipped); repeatable")
    p.add_argument("--label", action="append", metavar="L", help="only these labels; repeatable")
    p.add_argument("--reviewer", help="only documents of this reviewer")
    p.add_argument("--state", action="append", metavar="S",
                   help="only spans in this state (suggested, accepted, rejected); repeatable")
    p.add_argument("--level", choices=("word", "syllable"), default="word",
                   help="CoNLL/hf token level (default: word, by underthesea segmentation); documents imported"
                        " with their own tokens keep them")
    p.add_argument("--split", metavar="TRAIN,DEV,TEST",
                   help="write train/dev/test files in proportions, e.g. 80,10,10")
    p.add_argument("--seed", type=int, default=13, help="seed of the reproducible split (default 13)")
    p.add_argument("--force", action="store_true", help="replace an existing output file")

    p = sub.add_parser("stats", help="documents by status, spans by label and origin, reviewers")
    _corpus_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="full-text search over documents")
    _corpus_arg(p)
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)

    p = sub.add_parser("train", help="learn from reviewed documents: train, judge against the active model, activate",
                       description="Train entity and directive models on the seed corpus, every reviewed (done) "
                                   "document and --conll files; compare them with the active models on reviewed "
                                   "documents they were not trained on (k-fold cross-validation) and on the seed's "
                                   "dev part; activate them when they are not worse.")
    _corpus_arg(p)
    p.add_argument("--conll", action="append", default=[], metavar="FILE",
                   help="extra CoNLL/BIO training file, any size (one document per sentence block); repeatable")
    p.add_argument("--new-labels", choices=("add", "refuse"), default="refuse",
                   help="labels of --conll files outside the corpus's scheme: learn them and add them to the "
                        "scheme, or leave them out (default)")
    p.add_argument("--activate", choices=("if-better", "always", "never"), default="if-better",
                   help="make the new models active (default: only when not worse than the current ones)")
    p.add_argument("--no-seed", action="store_true", help="train without the shipped seed corpus")
    p.add_argument("--reviewed-weight", type=int, default=5, metavar="N",
                   help="count each reviewed document N times, so the team's conventions win (default 5; "
                        "at most 3 for the directive classifier)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--dev-fraction", type=float, default=0.2,
                   help="part of the --conll sentences held out for judging (default 0.2)")
    p.add_argument("--shipped", action="store_true",
                   help="rebuild the shipped model from resources/seed (for maintainers)")

    p = sub.add_parser("preannotate", help="pre-highlight entities and directives as suggestions")
    _corpus_arg(p)
    p.add_argument("--only", choices=("new", "all"), default="all",
                   help="which documents: 'new' ones only, or all that are not done (default)")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    _health_commands(sub)
    batch_commands.add_parsers(sub)  # tag, sample
    return parser


def _health_commands(sub) -> None:
    """check, recover, backup, restore: the corpus's health and copies."""
    p = sub.add_parser("check", help="check the corpus file thoroughly (SQLite integrity_check)")
    _corpus_arg(p)
    p = sub.add_parser("recover", help="rescue what can be read from a damaged corpus into a NEW file",
                       description="Rebuild what SQLite can still read from a damaged corpus (the sqlite3"
                                   " tool's .recover when installed, else row by row) or, with --from-backup,"
                                   " take the newest healthy backup. The damaged corpus is not changed.")
    _corpus_arg(p)
    p.add_argument("out", metavar="OUT", help="new corpus file to write (must not exist)")
    p.add_argument("--from-backup", action="store_true", help="copy the newest healthy backup instead")
    p = sub.add_parser("backup", help="copy the corpus now into its backup folder (NAME-backups beside it)")
    _corpus_arg(p)
    p.add_argument("--keep", type=int, default=10, help="backups to keep (default 10; older ones are removed)")
    p.add_argument("--list", action="store_true", help="list the backups instead of making one")
    p = sub.add_parser("restore", help="put a backup back as the corpus (the current state is backed up first)")
    _corpus_arg(p)
    p.add_argument("backup", metavar="BACKUP", help="backup file (see `annotator backup --list`)")


_BARS: list = []


def _progress():
    """A stderr progress bar that main() closes however the command ends."""
    from annotator.core.progress import StderrProgress

    bar = StderrProgress()
    _BARS.append(bar)
    return bar


def _fail(message: str, code: int = 1) -> int:
    print(f"annotator: error: {message}", file=sys.stderr)
    return code


def lock_wait() -> float:
    """Seconds a writing command waits for another writer to finish (ANNOTATOR_LOCK_WAIT)."""
    try:
        return max(0.0, float(os.environ.get("ANNOTATOR_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def _open(args, *, create: bool = True, read_only: bool = False):
    """The corpus of ``--corpus`` (or the default one); commands that only read it open it
    read-only and never create it, so a mistyped path is an error instead of a new, empty corpus."""
    from annotator.core.store import open_corpus

    if read_only:
        return open_corpus(args.corpus, create=False, read_only=True)
    return open_corpus(args.corpus, create=create, lock_wait=lock_wait())


def _existing_corpus(args) -> str | None:
    """Why the corpus cannot be used by a command that needs an existing one, or None."""
    from annotator.paths import default_corpus_path

    path = Path(args.corpus) if args.corpus else default_corpus_path()
    if not path.exists():
        return f"corpus file {path} does not exist"
    if path.is_dir():
        return f"{path} is a folder, not a corpus file"
    return None


def cmd_import(args) -> int:
    from annotator.core.importer import import_paths
    from annotator.core.store import CorpusError

    with _open(args) as corpus:
        try:
            report = import_paths(corpus, [Path(p) for p in args.paths], as_suggestions=args.as_suggestions,
                                  new_labels=args.new_labels, fmt=args.format, who=args.reviewer,
                                  progress=_progress(), sentences_per_doc=args.sentences_per_doc,
                                  text_field=args.text_field, label_field=args.label_field,
                                  follow_links=args.follow_links)
        except CorpusError as exc:
            report = getattr(exc, "report", None)
            if report is None:
                raise
            while _BARS:
                _BARS.pop().finish()
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(report.summary())
    if report.stopped:
        for line in report.stop_lines():
            print(line)
        return _fail(report.stopped)
    return 0 if not report.failed_files and (report.added or report.duplicates or not report.problems) else 1


def cmd_merge(args) -> int:
    from annotator.core.merge import merge_sources
    from annotator.core.store import open_corpus

    # A dry run opens the corpus read-only: not a byte of it changes.
    opened = (open_corpus(args.corpus, create=False, read_only=True) if args.dry_run
              else open_corpus(args.corpus, lock_wait=lock_wait()))
    with opened as corpus:
        report = merge_sources(corpus, [Path(p) for p in args.sources], conflicts=args.conflicts,
                               dry_run=args.dry_run, progress=_progress())
    for problem in report.problems:
        print(f"annotator: error: {problem}", file=sys.stderr)
    print(report.summary())
    for line in report.conflict_lines():
        print(f"  conflict: {line}")
    return 1 if report.failed_sources else 0


def cmd_export(args) -> int:
    from annotator.core.exporter import ExportOptions, export

    options = ExportOptions(fmt=args.format, statuses=args.status, labels=args.label, reviewer=args.reviewer,
                            states=args.state, level=args.level, split=args.split, seed=args.seed)
    with _open(args, read_only=True) as corpus:
        report = export(corpus, args.out, options, progress=_progress(), overwrite=args.force)
    print(report.summary(), file=sys.stderr if args.out == "-" else sys.stdout)
    return 0


def cmd_stats(args) -> int:
    with _open(args, read_only=True) as corpus:
        stats = corpus.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"documents: {stats['documents']}")
    for status, n in stats["by_status"].items():
        print(f"  {status:<12}{n:>8}")
    print("spans by label (not rejected):")
    for label, n in sorted(stats["spans_by_label"].items()):
        print(f"  {label:<12}{n:>8}")
    print("spans by origin:")
    for origin, n in sorted(stats["spans_by_origin"].items()):
        print(f"  {origin:<24}{n:>8}")
    print("spans by state:")
    for state, n in sorted(stats["spans_by_state"].items()):
        print(f"  {state:<12}{n:>8}")
    print("done by reviewer:")
    for reviewer, n in sorted(stats["done_by_reviewer"].items()):
        print(f"  {reviewer:<24}{n:>8}")
    print(f"time spent: {stats['time_spent'] / 3600:.2f} h")
    return 0


def cmd_search(args) -> int:
    with _open(args, read_only=True) as corpus:
        hits = corpus.search(" ".join(args.query), limit=args.limit)
    for doc_id, title, snippet in hits:
        print(f"{doc_id}\t{title}\t{snippet}")
    if not hits:
        print("no match", file=sys.stderr)
    return 0


def cmd_train(args) -> int:
    if args.shipped:
        from annotator.nlp.build_shipped import main as build_shipped

        return build_shipped([])
    problem = _existing_corpus(args)
    if problem:
        return _fail(problem)
    from annotator.nlp.jobs import train_from_corpus
    from annotator.paths import default_corpus_path

    for path in args.conll:
        if not Path(path).is_file():
            return _fail(f"CoNLL file {path} does not exist")
    _sync_memory(args)
    report = train_from_corpus(args.corpus or default_corpus_path(), conll=args.conll, activate=args.activate,
                               seed=args.seed, dev_fraction=args.dev_fraction, progress=_progress(),
                               no_seed=args.no_seed, reviewed_weight=args.reviewed_weight,
                               new_labels=args.new_labels)
    print(report.summary())
    return 0


def _sync_memory(args) -> None:
    """Read an edited ``rules/memory.txt`` into the corpus (and write it out); bad lines are said."""
    from annotator.nlp.memory import sync_memory_file

    with _open(args, create=False) as corpus:
        for problem in sync_memory_file(corpus):
            print(f"annotator: warning: {problem}", file=sys.stderr)


def cmd_preannotate(args) -> int:
    problem = _existing_corpus(args)
    if problem:
        return _fail(problem)
    from annotator.core.progress import Cancelled
    from annotator.nlp.jobs import preannotate_corpus
    from annotator.paths import default_corpus_path

    _sync_memory(args)
    progress = _progress()
    try:
        with _open(args, create=False) as corpus:  # the writer lock, held for the whole run
            corpus.ensure_writable()
            n = preannotate_corpus(args.corpus or default_corpus_path(), only=args.only, progress=progress,
                                   jobs=args.jobs)
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        print(f"annotator: interrupted after {progress.done} documents; they are saved", file=sys.stderr)
        return 130
    print(f"pre-annotated {n} documents")
    return 0


def _corpus_path(args) -> Path:
    from annotator.paths import default_corpus_path

    return Path(args.corpus) if args.corpus else default_corpus_path()


def cmd_check(args) -> int:
    from annotator.core.store import CorpusError

    try:
        with _open(args, read_only=True) as corpus:
            problems = corpus.integrity_check()
    except CorpusError as exc:
        if exc.kind != "corrupt":
            raise
        problems = [str(exc)]
    path = _corpus_path(args)
    if not problems:
        print(f"{path}: ok")
        return 0
    for problem in problems[:50]:
        print(f"{path}: {problem}")
    return _fail(f"{path} is damaged ({len(problems)} problem{'s' * (len(problems) != 1)}); "
                 f"`annotator recover --corpus {path} NEW.db` rescues what can be read")


def cmd_recover(args) -> int:
    from annotator.core.backup import recover

    out = Path(args.out)
    report = recover(_corpus_path(args), out, from_backup=args.from_backup)
    for problem in report.problems:
        print(f"annotator: warning: {problem}", file=sys.stderr)
    print(report.summary(out))
    return 0


def cmd_backup(args) -> int:
    from annotator.core.backup import backup_dir, list_backups, make_backup

    path = _corpus_path(args)
    if args.list:
        backups = list_backups(path)
        for backup in backups:
            print(backup)
        if not backups:
            print(f"no backups in {backup_dir(path)}", file=sys.stderr)
        return 0
    if args.keep < 1:
        return _fail("--keep must be at least 1")
    with _open(args, read_only=True) as corpus:
        dest = make_backup(corpus, keep=args.keep)
    print(f"backed up {path} to {dest}")
    return 0


def cmd_restore(args) -> int:
    from annotator.core.backup import restore

    path = _corpus_path(args)
    before = restore(path, args.backup, lock_wait=lock_wait())
    print(f"restored {args.backup} into {path}" + (f"; its previous state is in {before}" if before else ""))
    return 0


def cmd_gui(args) -> int:
    from annotator.gui.app import run

    return run(corpus_path=args.corpus, smoke_test=args.smoke_test, lang=args.lang)


COMMANDS = {"import": cmd_import, "merge": cmd_merge, "export": cmd_export, "stats": cmd_stats, "search": cmd_search,
            "train": cmd_train, "preannotate": cmd_preannotate, "check": cmd_check, "recover": cmd_recover,
            "backup": cmd_backup, "restore": cmd_restore, **batch_commands.HANDLERS}


def main(argv: list[str] | None = None) -> int:
    from annotator.core.progress import Cancelled
    from annotator.core.store import CorpusError

    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command, cmd_gui)
    if handler is not cmd_gui:
        from annotator.core import store

        store.DEFAULT_LOCK_WAIT = lock_wait()
    try:
        try:
            return handler(args)
        finally:  # end any progress line before an error message is printed
            while _BARS:
                _BARS.pop().finish()
    except CorpusError as exc:
        return _fail(str(exc))
    except (Cancelled, KeyboardInterrupt):
        return _fail("interrupted; finished work was kept", 130)
    except BrokenPipeError:
        # the reader of stdout went away (`annotator search ... | head`): not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python would flush the dead pipe at exit
        except OSError:
            pass
        return 141
    except (OSError, ValueError) as exc:
        return _fail(str(exc))
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - no traceback reaches a user: one line and a crash report
        return _crash(exc)


def _crash(exc: BaseException) -> int:
    import sqlite3

    from annotator.crash import one_line, write_crash_report

    if isinstance(exc, sqlite3.Error):  # outside the Corpus class (should not happen): still one line
        from annotator.core.store import CorpusError

        if not isinstance(exc, CorpusError):
            report = write_crash_report(exc)
            return _fail(f"the corpus could not be used ({exc}); details in {report}")
    return _fail(one_line(exc, write_crash_report(exc)))
