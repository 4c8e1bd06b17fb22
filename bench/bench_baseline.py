"""What a baseline costs: write, load and apply for a wiki with many old findings, next to checking.

Checks the test corpus's wikitext (tests/data/corpus) once (the reference figure), then copies its findings onto many
made-up file paths to reach --findings findings (default 100,000: "a wiki with ten thousand old
problems", ten times over) and times writing the baseline, loading it, and applying it.

    python bench/bench_baseline.py [--findings N]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

from citelint.baseline import load, write
from citelint.runner import run
from citelint.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings", type=int, default=100_000)
    args = ap.parse_args()

    paths = sorted(str(p) for p in (CORPUS / "wikitext").glob("*.wiki"))
    if not paths:
        sys.exit(f"bench_baseline: no *.wiki in {CORPUS / 'wikitext'} (tests/data/SOURCES.md)")
    t = time.perf_counter()
    result = run(paths, Settings(), lambda e: print(e, file=sys.stderr))
    check_s = time.perf_counter() - t
    seed = result.findings
    if not seed:
        sys.exit("no findings in the corpus to copy")
    copies = -(-args.findings // len(seed))
    findings = [dataclasses.replace(f, path=f"wiki/{i:05d}/{Path(f.path).name}")
                for i in range(copies) for f in seed][: args.findings]

    with tempfile.TemporaryDirectory() as tmp:
        old = os.getcwd()
        os.chdir(tmp)
        try:
            t = time.perf_counter()
            write("baseline.json", findings)
            write_s = time.perf_counter() - t
            size = os.path.getsize("baseline.json")
            t = time.perf_counter()
            base = load("baseline.json")
            load_s = time.perf_counter() - t
            t = time.perf_counter()
            outcome = base.apply(findings)
            apply_s = time.perf_counter() - t
        finally:
            os.chdir(old)
    assert outcome.suppressed == len(findings) and not outcome.kept

    per_file_check = check_s / len(paths)
    print(f"reference: checking {len(paths)} corpus articles took {check_s:.2f}s "
          f"({per_file_check * 1000:.0f} ms per article, {len(seed)} findings)")
    print(f"baseline of {len(findings):,} findings ({size / 1e6:.1f} MB, {len(base.counts):,} entries):")
    articles = len(findings) / len(seed) * len(paths)  # how many articles at the corpus's rate of findings
    whole = articles * per_file_check
    for name, s in (("write", write_s), ("load", load_s), ("apply", apply_s)):
        print(f"  {name:<5} {s:6.3f}s  {s / len(findings) * 1e6:5.1f} µs per finding  "
              f"= {s / per_file_check:5.2f}x checking one article, {s / whole * 100:.3f}% of checking the "
              f"{articles:,.0f} articles such findings come from")


if __name__ == "__main__":
    main()
