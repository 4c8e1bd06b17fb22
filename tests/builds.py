"""This repository built as a release is: ``python -m build`` on a copy of the tracked files (the wheel from
the sdist), and a wheelhouse (that wheel, its dependencies and the build tools) for pip runs that may use
nothing else (``PIP_NO_INDEX``), so that a requirement on ``citelint-wiki`` can only resolve to this
project. The session fixtures ``dists`` and ``wheelhouse`` (conftest.py) build each once per run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import REPO


def tracked_copy(dest: Path) -> Path:
    """The files git tracks, as they are in the working tree (tests/data included), copied to ``dest``:
    the build sees what a clone holds and writes nothing into this checkout."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for rel in files.decode().split("\0"):
        if rel and (REPO / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / rel).write_bytes((REPO / rel).read_bytes())
    return dest


def build_dists(tmp: Path) -> tuple[Path, Path]:
    """(sdist, wheel) of the tracked files, built into ``tmp / "dist"``."""
    src = tracked_copy(tmp / "src")
    assert (src / "tests" / "data" / "SOURCES.md").is_file(), "the copy lacks the test data the build must leave out"
    r = subprocess.run([sys.executable, "-m", "build", "--outdir", str(tmp / "dist"), str(src)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"python -m build failed (pip install -e '.[test]' brings build):\n{r.stdout}{r.stderr}"
    [sdist] = (tmp / "dist").glob("*.tar.gz")
    [wheel] = (tmp / "dist").glob("*.whl")
    return sdist, wheel


def build_wheelhouse(wheel: Path, dest: Path) -> Path:
    """``dest`` holding ``wheel``, wheels of its dependencies, and setuptools and wheel (pre-commit builds a
    placeholder package for a ``repo: local`` hook), all from the index pip is configured with."""
    for args in ([str(wheel)], ["setuptools", "wheel"]):
        r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--wheel-dir", str(dest), *args],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
    return dest
