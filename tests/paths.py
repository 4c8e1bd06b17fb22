"""Where the tests' data lives: everything is inside the repository (see tests/data/SOURCES.md).

``need(path)`` is how a test reaches a data file: a missing one fails the test with a message that names
it, never a silent skip.
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
    """``path``, or a failing test naming it (a file or folder of test data that is not there)."""
    if not Path(path).exists():
        pytest.fail(f"test data missing: {path} (see tests/data/SOURCES.md for where it comes from)",
                    pytrace=False)
    return Path(path)
