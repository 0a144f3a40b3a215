"""Kill -9 soak: edits are acknowledged only once committed, and no acknowledged edit is lost.

Each round starts an editor process that opens the corpus (taking over the writer lock the
previous, killed editor left behind) and edits as fast as it can: new spans, relabels,
deletions, document statuses. After every edit returns it prints an acknowledgement. After a
random time the parent kills it with SIGKILL, then checks the corpus: ``integrity_check``
and every acknowledged edit present as acknowledged. Editors alternate between the review
session of the real window (offscreen Qt, the same code path as a reviewer's keys) and the
Corpus API.

    .venv/bin/python bench/soak.py [--rounds 20] [--seed 1] [--min-ms 200] [--max-ms 1500]

prints rounds, acknowledged edits, lost edits, integrity failures and stale-lock takeovers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXTS = [
    "Thủ tướng Phạm Minh Chính yêu cầu UBND TP Hà Nội khẩn trương hoàn thành báo cáo trước ngày 30/6.",
    "Bộ Y tế đề nghị Sở Y tế các tỉnh tăng cường kiểm tra an toàn thực phẩm trong dịp Tết Nguyên đán.",
    "Chủ tịch UBND tỉnh Quảng Ninh chỉ đạo Sở Giao thông vận tải rà soát các tuyến đường ven biển.",
    "Ngân hàng Nhà nước yêu cầu các tổ chức tín dụng báo cáo tình hình nợ xấu hằng quý.",
]
LABELS = ["PER", "ORG", "LOC", "MISC"]
STATUSES = ["in_progress", "done", "skipped"]


def _editor(corpus_path: str, seed: int, via: str) -> None:
    """The child: edit forever, one acknowledgement line per committed edit."""
    from annotator.core.model import Span, Status
    from annotator.core.store import Corpus

    rng = random.Random(seed)
    out = sys.stdout
    corpus = Corpus(corpus_path, lock_wait=10.0)
    session = None
    if via == "window":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from annotator.gui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        window = MainWindow(corpus, "soak", restore_state=False)
        session = window.session
        app.processEvents()
    print(json.dumps({"op": "ready", "pid": os.getpid()}), flush=True)  # the kill timer starts now
    ids = corpus.document_ids()
    while True:
        doc_id = rng.choice(ids)
        # before each edit: which document it touches (killed before the acknowledgement, the edit
        # may or may not be committed; both are correct)
        out.write(json.dumps({"op": "try", "doc": doc_id}) + "\n")
        out.flush()
        if session is not None:
            session.show_document(doc_id)
            spans = session.spans.spans()
            text = session.spans.text
        else:
            spans = corpus.spans(doc_id)
            text = corpus.document(doc_id, with_spans=False).text
        roll = rng.random()
        if roll < 0.45 or not spans:
            start = rng.randrange(0, len(text) - 12)
            end = start + rng.randrange(2, 12)
            label = rng.choice(LABELS)
            if session is not None:
                span = session.create_span(start, end, label)
            else:
                try:
                    span = corpus.add_span(doc_id, Span(start, end, label), who="soak")
                except ValueError:
                    span = None
            if span is not None:
                ack = {"op": "span", "id": span.id, "doc": doc_id, "label": span.label, "start": span.start,
                       "end": span.end}
            else:
                continue
        elif roll < 0.7:
            span = rng.choice(spans)
            label = rng.choice([x for x in LABELS if x != span.label])
            if session is not None:
                session.relabel(span.id, label)
                if session.spans.get(span.id) is None or session.spans.get(span.id).label != label:
                    continue
            else:
                corpus.update_span(span.id, label=label, who="soak")
            ack = {"op": "span", "id": span.id, "doc": doc_id, "label": label, "start": span.start, "end": span.end}
        elif roll < 0.85:
            span = rng.choice(spans)
            if session is not None:
                session.delete(span.id)
                if session.spans.get(span.id) is not None:
                    continue
            else:
                corpus.delete_span(span.id, who="soak")
            ack = {"op": "gone", "id": span.id}
        else:
            status = rng.choice(STATUSES)
            if session is not None:
                if not session.set_status(Status(status)):
                    continue
            else:
                corpus.set_status(doc_id, Status(status), who="soak")
            ack = {"op": "status", "doc": doc_id, "status": status}
        if session is not None:  # the window may also replace overlapping spans: acknowledge what it shows
            ack = {"op": "doc", "doc": doc_id, "status": session.refresh_status().value,
                   "spans": [[s.id, s.label, s.start, s.end] for s in session.spans.spans()]}
        out.write(json.dumps(ack) + "\n")
        out.flush()


def _read_acks(proc: subprocess.Popen, seconds: float) -> list[dict]:
    """Acknowledgements read for ``seconds``; then the editor is killed and the rest drained."""
    acks: list[dict] = []
    buffer = b""
    deadline = time.monotonic() + seconds
    fd = proc.stdout.fileno()
    killed = False
    while True:
        timeout = max(0.0, deadline - time.monotonic()) if not killed else 0.5
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            if killed:
                break
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            if not killed:  # the editor died by itself: a failure of the soak
                raise RuntimeError("editor ended by itself (see editor-errors.txt in the soak folder)")
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")  # a line cut by the kill has no newline: not acknowledged
        for line in lines:
            acks.append(json.loads(line))
    return acks


def _verify(path: Path, expected_spans: dict, expected_status: dict, unsure: int | None) -> tuple[int, list[str]]:
    """Lost acknowledged edits and integrity problems; the document of an edit that was cut by
    the kill before its acknowledgement (``unsure``) is taken as stored."""
    from annotator.core.store import Corpus

    lost = 0
    details: list[str] = []
    with Corpus(path, create=False, read_only=True) as corpus:
        problems = corpus.integrity_check()
        for span_id, want in expected_spans.items():
            try:
                span = corpus.span(span_id)
            except KeyError:
                span = None
            got = None if span is None else (span.doc_id, span.label, span.start, span.end)
            if got != want and unsure is not None and (want or got)[0] == unsure:
                expected_spans[span_id] = got
            elif got != want:
                lost += 1
                details.append(f"span {span_id}: acknowledged {want}, stored {got}")
        for doc_id, status in expected_status.items():
            stored = corpus.document(doc_id, with_spans=False).status.value
            if stored != status and doc_id == unsure:
                expected_status[doc_id] = stored
            elif stored != status:
                lost += 1
                details.append(f"document {doc_id}: acknowledged status {status}, stored {stored}")
    for line in details[:3]:
        print(f"  lost: {line}")
    return lost, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-ms", type=int, default=200)
    parser.add_argument("--max-ms", type=int, default=1500)
    parser.add_argument("--via", choices=("both", "window", "corpus"), default="both")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "SEED", "VIA"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _editor(args.child[0], int(args.child[1]), args.child[2])
        return 0

    from annotator.core.model import Document
    from annotator.core.store import Corpus
    from annotator.core.writer_lock import lock_path

    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="annotator-soak-"))
    path = tmp / "soak.db"
    with Corpus(path) as corpus:
        for i, text in enumerate(TEXTS * 3):
            corpus.add_document(Document(text=f"{text} (bài {i})"))
    expected_spans: dict[int, tuple | None] = {}
    expected_status: dict[int, str] = {}
    acknowledged = lost_total = integrity_failures = takeovers = 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    for round_no in range(args.rounds):
        via = args.via if args.via != "both" else ("window" if round_no % 2 else "corpus")
        stale = lock_path(path).exists()
        errors = open(tmp / "editor-errors.txt", "wb")  # noqa: SIM115 - a file, never a full pipe
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), str(rng.randrange(1 << 30)), via],
                                stdout=subprocess.PIPE, stderr=errors, env=env,
                                bufsize=0)  # unbuffered: the first readline must not swallow acknowledgements
        first = proc.stdout.readline()
        if not first:
            raise SystemExit(f"editor did not start: {(tmp / 'editor-errors.txt').read_text(errors='replace')[-2000:]}")
        takeovers += stale
        lines = _read_acks(proc, rng.uniform(args.min_ms, args.max_ms) / 1000)
        unsure = lines[-1]["doc"] if lines and lines[-1]["op"] == "try" else None
        acks = [ack for ack in lines if ack["op"] != "try"]
        errors.close()
        for ack in acks:
            if ack["op"] == "span":
                expected_spans[ack["id"]] = (ack["doc"], ack["label"], ack["start"], ack["end"])
            elif ack["op"] == "gone":
                expected_spans[ack["id"]] = None
            elif ack["op"] == "status":
                expected_status[ack["doc"]] = ack["status"]
            elif ack["op"] == "doc":
                shown = {span_id: (ack["doc"], label, start, end) for span_id, label, start, end in ack["spans"]}
                for span_id, want in list(expected_spans.items()):
                    if want is not None and want[0] == ack["doc"] and span_id not in shown:
                        expected_spans[span_id] = None
                expected_spans.update(shown)
                expected_status[ack["doc"]] = ack["status"]
        acknowledged += len(acks)
        lost, problems = _verify(path, expected_spans, expected_status, unsure)
        lost_total += lost
        integrity_failures += bool(problems)
        print(f"round {round_no + 1:3d} ({via:6s}): {len(acks):5d} edits acknowledged, {lost} lost,"
              f" integrity {'ok' if not problems else problems[0]}", flush=True)
    print(f"rounds: {args.rounds}")
    print(f"acknowledged edits: {acknowledged}")
    print(f"lost edits: {lost_total}")
    print(f"integrity failures: {integrity_failures}")
    print(f"stale locks taken over: {takeovers}")
    print(f"time: {time.monotonic() - started:.0f} s; corpus: {path}")
    return 0 if not lost_total and not integrity_failures else 1


if __name__ == "__main__":
    sys.exit(main())
