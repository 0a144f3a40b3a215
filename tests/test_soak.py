"""Issue 9, item 11: the kill -9 soak (bench/soak.py) runs and loses nothing (two short rounds here;
the figures in the report come from longer runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).resolve().parents[1] / "bench" / "soak.py"


def test_two_soak_rounds_lose_no_acknowledged_edit():
    result = subprocess.run([sys.executable, str(SOAK), "--rounds", "2", "--via", "both", "--min-ms", "300",
                             "--max-ms", "600", "--seed", "7"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines() if line.startswith(
        ("rounds", "acknowledged", "lost", "integrity")))
    assert figures["rounds"] == "2" and int(figures["acknowledged edits"]) > 0
    assert figures["lost edits"] == "0" and figures["integrity failures"] == "0"
