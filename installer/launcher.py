"""Entry point of the frozen app (PyInstaller): run annotator's command line.

`annotator --bundle-check` (first argument only) checks the bundle itself instead: see
installer/annotator_bundle_check.py. It is used by the installer builds, not by users.
"""

import multiprocessing
import sys


def _run() -> int:
    if sys.argv[1:2] == ["--bundle-check"]:
        from annotator_bundle_check import main as check

        return check(sys.argv[2:])
    from annotator.cli import main

    return main()


if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of `preannotate --jobs` re-enter here
    sys.exit(_run())
