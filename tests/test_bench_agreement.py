"""bench/agreement.py: agreement between two annotators of the same articles (issue 10).

It is the ceiling the pre-highlights are read against, so it must count exactly like the engine's
score, refuse copies whose plain text differs, and say so in one line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AGREEMENT = Path(__file__).resolve().parents[1] / "bench" / "agreement.py"

FIRST = ("Bộ Y tế yêu cầu các tỉnh\n\n"
         "<D>[Bộ Y tế]{ORG} yêu cầu [Sở Y tế Hà Nội]{ORG} phun thuốc diệt muỗi.</D> "
         "Ông [Trần Văn An]{PER} cho biết dịch giảm.\n")
# the second annotator agrees on the directive and the person, cuts the department at "Sở Y tế"
SECOND = ("Bộ Y tế yêu cầu các tỉnh\n\n"
          "<D>[Bộ Y tế]{ORG} yêu cầu [Sở Y tế]{ORG} Hà Nội phun thuốc diệt muỗi.</D> "
          "Ông [Trần Văn An]{PER} cho biết dịch giảm.\n")


def _run(tmp_path, first_text, second_text, *extra):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(exist_ok=True)
    b.mkdir(exist_ok=True)
    (a / "001-x.txt").write_text(first_text, encoding="utf-8")
    (b / "001-x.txt").write_text(second_text, encoding="utf-8")
    return subprocess.run([sys.executable, str(AGREEMENT), str(a), str(b), *extra],
                          capture_output=True, text=True, timeout=120)


def test_identical_labels_agree_fully(tmp_path):
    done = _run(tmp_path, FIRST, FIRST)
    assert done.returncode == 0, done.stderr
    micro = next(line for line in done.stdout.splitlines() if line.startswith("micro"))
    assert micro.split()[1:4] == ["1.000", "1.000", "1.000"]


def test_a_cut_name_is_one_disagreement_each_way(tmp_path):
    done = _run(tmp_path, FIRST, SECOND, "--errors", "10")
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines() if line and line[0].isupper()}
    assert rows["ORG"][:3] == ["0.500", "0.500", "0.500"]
    assert rows["DIRECTIVE"][:3] == ["1.000", "1.000", "1.000"]
    assert "only first  ORG" in done.stdout and "'Sở Y tế Hà Nội'" in done.stdout
    assert "only second ORG" in done.stdout and "'Sở Y tế'" in done.stdout


def test_copies_with_different_text_are_refused_in_one_line(tmp_path):
    done = _run(tmp_path, FIRST, SECOND.replace("dịch giảm", "dịch tăng"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "differ in their plain text" in done.stderr and "Traceback" not in done.stderr
