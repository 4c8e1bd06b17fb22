"""What the rules about citation content (issue 10) cost: the offline check of the corpus with them on and off.

Prints, from one run, the time of ``check_document`` over tests/data/corpus/wikitext (parse, every offline
rule, placing the findings) with all offline rules selected and with the content rules left out, and
their ratio (target ≤ 1.5× for all of issue 10's rules together). Best of N rounds, the two sides
interleaved so load on the shared machine hits both alike.

    python bench/bench_content_rules.py [--rounds 5] [--corpus DIR] [--rule NAME ...]

``--rule`` names the rules counted as content rules (default: CONTENT_RULES below).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from citelint.engine import check_document
from citelint.model import Document
from citelint.rules import RULES
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus" / "wikitext"
#: issue 10's rules so far: identifiers (CL6xx) and same-source
CONTENT_RULES = ("invalid-isbn", "invalid-issn", "invalid-doi", "invalid-identifier", "same-source")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rule", action="append", dest="rules")
    args = ap.parse_args()
    content = set(args.rules or CONTENT_RULES)
    offline = [r.name for r in RULES if not getattr(r, "network", False)]
    unknown = content - set(offline)
    if unknown:
        sys.exit(f"bench_content_rules: unknown rule {sorted(unknown)[0]!r}")
    files = sorted(args.corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"bench_content_rules: no *.wiki in {args.corpus} (tests/data/SOURCES.md)")
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    on = Settings()
    off = Settings(select=frozenset(n for n in offline if n not in content))
    times: dict[str, list[float]] = {"off": [], "on": []}
    counts = {}
    for _ in range(args.rounds):
        for side, settings in (("off", off), ("on", on)):
            t0 = time.perf_counter()
            n = 0
            for p, t in zip(files, texts):
                n += sum(1 for f in check_document(Document(str(p), t, "wikitext"), settings) if f.rule in content)
            times[side].append(time.perf_counter() - t0)
            counts[side] = n
    b, f = min(times["off"]), min(times["on"])
    print(f"corpus: {len(files)} files, {mb:.2f} MB, best of {args.rounds} rounds; content rules: "
          f"{', '.join(sorted(content))}")
    print(f"offline check, content rules off : {b:.3f} s (median {statistics.median(times['off']):.3f} s)")
    print(f"offline check, content rules on  : {f:.3f} s (median {statistics.median(times['on']):.3f} s); "
          f"{counts['on']} findings of theirs")
    print(f"ratio on / off                   : {f / b:6.3f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
