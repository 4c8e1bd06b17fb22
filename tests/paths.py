"""Where the tests' data lives: everything is inside the repository (see tests/data/SOURCES.md).

``need(path)`` is how a test reaches a data file: a missing one fails the test with a message that names
it, never a silent skip. ``data_files(folder, pattern)`` is how a test is parametrized over a folder of
data: when the folder is missing or holds no matching file, the test still runs once and fails naming what
is missing, instead of pytest collecting zero tests.
"""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
CORPUS = DATA / "corpus"
SCHEMAS = DATA / "schemas"
FIXTURES = REPO / "fixtures"
SEED = FIXTURES / "khojaly-massacre.military-wiki.txt"


def need(path: Path) -> Path:
    """``path``, or a failing test naming it (a file or folder of test data that is not there).

    A ``data_files`` placeholder (a path whose name is a glob pattern) fails saying that no file matched."""
    path = Path(path)
    if any(c in path.name for c in "*?["):
        if not any(path.parent.glob(path.name)):
            pytest.fail(f"test data missing: no file matches {path} (see tests/data/SOURCES.md for where the "
                        f"test data comes from)", pytrace=False)
    elif not path.exists():
        pytest.fail(f"test data missing: {path} (see tests/data/SOURCES.md for where it comes from)",
                    pytrace=False)
    return path


def data_files(folder: Path, pattern: str) -> list[Path]:
    """The files in ``folder`` matching ``pattern``, sorted, for ``pytest.mark.parametrize``.

    With none (a missing or emptied folder) it gives the one path ``folder/pattern``: the test runs once and
    its ``need()`` fails naming the folder and the pattern."""
    files = sorted(Path(folder).glob(pattern))
    return files or [Path(folder) / pattern]


def read_data(path: Path) -> str:
    """The UTF-8 text of a test data file, failing the test by name when it is missing."""
    return need(path).read_text(encoding="utf-8")
