"""annotator tag: shards in the native shape, both engines byte-identical, resume, bad lines, no network."""

from __future__ import annotations

import ipaddress
import json
import socket
import sys

import pytest

from annotator.batch.shards import collect_inputs, plan
from annotator.batch.tag import MANIFEST, TagJob, confidence, shard_name
from annotator.cli import main
from annotator.core.progress import Cancelled
from annotator.core.store import Corpus
from test_jobs import _StopAfter  # cancels (as Ctrl+C does) once n documents are done

ARTICLES = [
    "Bộ Y tế họp tại Hà Nội\n\nSáng 3/5, Bộ Y tế tổ chức hội nghị tại Hà Nội. Thứ trưởng Nguyễn Văn Minh"
    " đề nghị Sở Y tế các tỉnh khẩn trương rà soát thuốc.",
    "Mưa lớn ở Lào Cai\n\nUBND tỉnh Lào Cai yêu cầu các huyện sơ tán người dân khỏi vùng sạt lở.",
    "Đà Nẵng đón khách\n\nSở Du lịch Đà Nẵng cho biết thành phố đón 300.000 lượt khách trong tháng 4.",
    "Hội nghị xúc tiến đầu tư\n\nChủ tịch UBND tỉnh Quảng Ninh Trần Quốc Bảo đề nghị các doanh nghiệp Nhật Bản"
    " mở rộng đầu tư. Đồng thời, tỉnh sẽ hỗ trợ thủ tục.",
    "Tin vắn\n\nNgân hàng Nhà nước công bố tỷ giá trung tâm.",
]


def _inputs(folder):
    """Two .txt files in a sub-folder and a JSONL file with the other articles (one with its own id)."""
    folder.mkdir()
    (folder / "txt").mkdir()
    for i, text in enumerate(ARTICLES[:2]):
        (folder / "txt" / f"{i}.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"text": ARTICLES[2], "id": "dn-1", "meta": {"url": "x"}}, ensure_ascii=False)]
    lines += [json.dumps({"text": t}, ensure_ascii=False) for t in ARTICLES[3:]]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _read_dir(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _records(out):
    return [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text("utf-8").splitlines()]


def _local_only_sockets(monkeypatch):
    """Let sockets talk to 127.0.0.1 only (the local Dask cluster); anything else fails the test."""
    def check(address):
        if isinstance(address, tuple):
            host = address[0]
            if host not in ("", "localhost") and not ipaddress.ip_address(host).is_loopback:
                raise AssertionError(f"network access to {address} attempted")

    real_connect, real_bind, real_create = socket.socket.connect, socket.socket.bind, socket.create_connection

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    real_connect_ex = socket.socket.connect_ex

    def bind(self, address):
        if isinstance(address, tuple) and address[0] in ("", "0.0.0.0", "::"):
            raise AssertionError(f"listening on all interfaces: {address}")
        check(address)
        return real_bind(self, address)

    def create_connection(address, *args, **kwargs):
        check(address)
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "bind", bind)
    monkeypatch.setattr(socket, "create_connection", create_connection)


def test_tag_writes_native_shards_that_import_as_suggestions(tmp_path, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["--corpus", str(tmp_path / "c.db"), "tag", str(src), "--out", str(out), "--shard-size", "2",
                 "--jobs", "1"]) == 0
    assert "tagged 5 documents into 3 shards" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [shard_name(i) for i in range(3)] + [MANIFEST]
    records = _records(out)
    # input order: the .txt files (folder order puts news.jsonl before txt/), then the JSONL lines
    assert [r["text"] for r in records] == ARTICLES[2:] + ARTICLES[:2]
    first = records[0]
    assert first["id"] == "dn-1" and first["meta"]["url"] == "x" and first["status"] == "new"
    assert records[3]["source"].endswith("0.txt") and records[3]["title"] == "Bộ Y tế họp tại Hà Nội"
    for r in records:
        assert set(r) >= {"id", "text", "title", "meta", "status", "source", "spans", "relations"}
        assert all(s["state"] == "suggested" and r["text"][s["start"]:s["end"]] == s["text"] for s in r["spans"])
        assert r["meta"]["confidence"] == confidence(s["score"] for s in r["spans"])
    labels = {s["label"] for r in records for s in r["spans"]}
    assert {"ORG", "LOC", "PER", "DIRECTIVE"} <= labels
    assert any(r["relations"] for r in records)
    # the shards import as suggestions of new documents, spans and relations intact
    monkeypatch.undo()
    db = tmp_path / "review.db"
    assert main(["--corpus", str(db), "import", "--as-suggestions", *map(str, sorted(out.glob("part-*")))]) == 0
    with Corpus(db) as corpus:
        docs = {d.text: d for d in corpus.iter_documents()}
        assert len(docs) == 5
        for r in records:
            doc = docs[r["text"]]
            assert doc.status.value == "new"
            assert sorted((s.start, s.end, s.label, s.state.value) for s in doc.spans) == \
                sorted((s["start"], s["end"], s["label"], "suggested") for s in r["spans"])
            assert len(doc.relations) == len(r["relations"])


def test_shard_plan_depends_on_input_only(tmp_path):
    src = _inputs(tmp_path / "in")
    files = collect_inputs([src]).files
    shards = list(plan(files, 2))
    assert [s.size for s in shards] == [2, 2, 1]
    # a shard runs across files: shard 1 holds the JSONL's last line and the first .txt file
    assert [seg[0] for seg in shards[1].segments] == ["jsonl", "txt"]
    assert list(plan(files, 2)) == shards
    with pytest.raises(ValueError):
        list(plan(files, 0))


@pytest.mark.slow
def test_local_and_dask_engines_write_identical_bytes(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    _local_only_sockets(monkeypatch)
    src = _inputs(tmp_path / "in")
    with open(src / "news.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"text": 12}\n')  # a bad record on the workers: reported, the rest tagged
    local, dask = tmp_path / "local", tmp_path / "dask"
    report = TagJob([src], local, None, shard_size=2).run("local", jobs=2)
    assert report.documents == 5 and report.shards == 3 and report.rejected == 1
    report = TagJob([src], dask, None, shard_size=2).run("dask", jobs=2)
    assert report.documents == 5 and report.shards == 3 and report.engine == "dask"
    assert report.problems == [f"{src / 'news.jsonl'}:4: text must be a string"]
    assert _read_dir(local) == _read_dir(dask)
    assert len(_records(dask)) == 5


def test_resume_after_an_interrupted_run(tmp_path):
    src = _inputs(tmp_path / "in")
    whole = tmp_path / "whole"
    TagJob([src], whole, None, shard_size=2).run("local", jobs=1)
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        TagJob([src], out, None, shard_size=2).run("local", jobs=1, progress=_StopAfter(2))
    # the finished shard is kept, nothing half-written is left
    assert sorted(p.name for p in out.iterdir()) == [shard_name(0), MANIFEST]
    assert (out / shard_name(0)).read_bytes() == (whole / shard_name(0)).read_bytes()
    # a worker killed while writing leaves a temporary file: it never counts as a shard
    (out / f".{shard_name(1)}.tmp").write_text('{"text": "half', encoding="utf-8")
    report = TagJob([src], out, None, shard_size=2).run("local", jobs=1)
    assert report.skipped == 1 and report.shards == 2 and report.documents == 3
    assert _read_dir(out) == _read_dir(whole)
    # run again: nothing left to do
    report = TagJob([src], out, None, shard_size=2).run("local", jobs=2)
    assert report.skipped == 3 and report.shards == 0
    assert _read_dir(out) == _read_dir(whole)


def test_resume_refuses_another_jobs_folder(tmp_path, capsys):
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    TagJob([src], out, None, shard_size=2).run("local", jobs=1)
    before = _read_dir(out)
    assert main(["tag", str(src), "--out", str(out), "--shard-size", "3"]) == 1
    err = capsys.readouterr().err
    assert "holds shards of another tagging job" in err and "shard_size" in err and "Traceback" not in err
    (src / "txt" / "0.txt").write_text(ARTICLES[0] + " Thêm một câu.", encoding="utf-8")
    with pytest.raises(ValueError, match="inputs"):
        TagJob([src], out, None, shard_size=2).run("local", jobs=1)
    assert _read_dir(out) == before


def test_bad_lines_get_one_line_each_and_the_rest_is_tagged(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    good = [json.dumps({"text": t}, ensure_ascii=False).encode() for t in ARTICLES[:3]]
    lines = [
        good[0],
        b"{not json",
        b"[1, 2]",
        b'{"title": "no text"}',
        b'{"text": "   "}',
        b'{"tokens": ["Ha", "Noi"], "ner_tags": ["B-LOC", "I-LOC"]}',
        b'{"text": "bad \xff byte"}',
        good[1],
        b'{"text": "lone \\ud800 surrogate"}',
        good[2],
    ]
    (src / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "latin.txt").write_bytes("Hà Nội".encode("cp1258", errors="replace") + b"\xe0\xff")
    (src / "notes.csv").write_text("a,b\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [str(src), str(tmp_path / "missing.jsonl"), str(src / "notes.csv")]
    assert main(["tag", *args, "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    err = [line for line in captured.err.splitlines() if line.startswith("annotator:")]
    assert "Traceback" not in captured.err
    expected = {
        "missing.jsonl: no such file or folder", "a.jsonl:2: bad JSON", "a.jsonl:3: not a JSON object",
        "a.jsonl:4: missing text", "a.jsonl:5: empty text", "a.jsonl:6: a hf line is a sentence",
        "a.jsonl:7: not UTF-8", "a.jsonl:9: contains an unpaired surrogate", "empty.txt:1: empty file",
        "latin.txt:1: not UTF-8", "notes.csv: unknown file type",
    }
    for part in expected:
        assert sum(part in line for line in err) == 1, (part, err)
    assert len(err) == len(expected)
    assert "tagged 3 documents" in captured.out and "11 records rejected" in captured.out
    assert [r["text"] for r in _records(out)] == ARTICLES[:3]


def test_tag_command_errors_are_one_line(tmp_path, capsys, monkeypatch):
    src = _inputs(tmp_path / "in")
    assert main(["tag", str(src), "--out", str(tmp_path / "o"), "--model", str(tmp_path / "none.crf")]) == 1
    assert capsys.readouterr().err.strip() == f"annotator: error: model file {tmp_path / 'none.crf'} does not exist"
    bad = tmp_path / "bad.crf"
    bad.write_bytes(b"not a model")
    assert main(["tag", str(src), "--out", str(tmp_path / "o"), "--model", str(bad)]) == 1
    assert "not an annotator CRF model" in capsys.readouterr().err
    assert main(["tag", str(src), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1"]) == 1
    assert capsys.readouterr().err.strip() == "annotator: error: --scheduler needs --engine dask"
    assert main(["tag", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "annotator: error: nothing to tag"
    # without Dask installed: one line saying what to install
    for name in ("dask", "dask.bag", "distributed", "annotator.batch.dask_engine"):
        monkeypatch.setitem(sys.modules, name, None)
    assert main(["tag", str(src), "--out", str(tmp_path / "o"), "--engine", "dask"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'annotator[archive]'" in err
    assert not (tmp_path / "o").exists()


def test_ctrl_c_keeps_finished_shards_and_says_so(tmp_path, monkeypatch, capsys):
    import annotator.batch.tag as tag_module

    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    real = tag_module.tag_shard

    def interrupted_at_second(shard, out_dir, pipeline):
        if shard.index == 1:
            raise KeyboardInterrupt
        return real(shard, out_dir, pipeline)

    monkeypatch.setattr(tag_module, "tag_shard", interrupted_at_second)
    assert main(["tag", str(src), "--out", str(out), "--shard-size", "2", "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert "interrupted; 1 of 3 shards are complete" in err and "run the same command again" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == [shard_name(0), MANIFEST]
    monkeypatch.undo()
    assert main(["tag", str(src), "--out", str(out), "--shard-size", "2", "--jobs", "1"]) == 0
    assert "1 shard already done, skipped" in capsys.readouterr().out
    assert len(_records(out)) == 5
