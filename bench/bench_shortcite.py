"""What the short-citation rules (CL7xx) cost: the offline check of the corpus with them on and off, in one run.

Checks tests/data/corpus/wikitext with every offline rule, then with every offline rule but CL7xx, --repeat
times each (interleaved, best of), and prints both times and their ratio (the issue's bound: at most 1.5×).

    python bench/bench_shortcite.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from citelint.engine import check_document
from citelint.rules import RULES
from citelint.settings import Settings
from citelint.sources import read_document

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus" / "wikitext"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = [read_document(str(p)) for p in sorted(CORPUS.glob("*.wiki"))]
    if not docs:
        sys.exit(f"bench_shortcite: no *.wiki in {CORPUS} (tests/data/SOURCES.md)")
    offline = [r.name for r in RULES if not getattr(r, "network", False)]
    on = Settings(select=frozenset(offline))
    off = Settings(select=frozenset(n for n in offline if not n.startswith(("sfn-", "uncited-"))))
    best = {"on": float("inf"), "off": float("inf")}
    counts = {}
    for _ in range(args.repeat):
        for label, settings in (("off", off), ("on", on)):
            t = time.perf_counter()
            # a fresh Document each time: the engine's one-entry parse cache must not carry over between runs
            found = sum(len(check_document(type(d)(**{f: getattr(d, f) for f in d.__dataclass_fields__}), settings))
                        for d in docs)
            best[label] = min(best[label], time.perf_counter() - t)
            counts[label] = found
    print(f"{len(docs)} articles: without CL7xx {best['off']:.2f} s ({counts['off']} findings), "
          f"with CL7xx {best['on']:.2f} s ({counts['on']} findings), ratio {best['on'] / best['off']:.2f}×")


if __name__ == "__main__":
    main()
