"""Guards the PySide6 6.12.0 / CPython 3.11 crash (Fatal Python error: none_dealloc).

Methods returning None drop a reference to None each call on that combination; after a few
thousand calls the interpreter aborts. The pins in pyproject.toml keep 3.11 on 6.11.x; this
test proves the installed combination survives, in a subprocess so an abort is reported
instead of killing the test run.
"""

import subprocess
import sys
from pathlib import Path

import pytest

CALLS = 20_000


def test_twenty_thousand_none_returning_calls_do_not_abort():
    code = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        f"for i in range({CALLS}):\n"
        "    o.setObjectName('x')\n"
        "    o.blockSignals(False)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_pins_exclude_the_crashing_combination():
    tomllib = pytest.importorskip("tomllib")
    from packaging.markers import Marker
    from packaging.requirements import Requirement

    data = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    reqs = [Requirement(r) for r in data["project"]["dependencies"]]
    pyside = [r for r in reqs if r.name.lower().startswith("pyside6")]
    assert pyside, "PySide6 must be a dependency"
    for python in ("3.11", "3.12", "3.13"):
        env = {"python_version": python, "python_full_version": python + ".0"}
        active = [r for r in pyside if r.marker is None or Marker(str(r.marker)).evaluate(env)]
        assert len(active) == 1, f"exactly one PySide6 pin applies on {python}"
        allows_612 = active[0].specifier.contains("6.12.0", prereleases=True)
        if python == "3.11":
            assert not allows_612, "6.12.0 aborts on CPython 3.11"
        else:
            assert allows_612


def test_installed_combination_is_not_the_crashing_one():
    import PySide6

    major_minor = tuple(int(x) for x in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info[:2] == (3, 11) and major_minor >= (6, 12))
