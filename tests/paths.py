"""Where the shared, read-only corpus lives (../shared from the repo; CITELINT_SHARED overrides)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CITELINT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
FIXTURES = SHARED / "fixtures"
