"""Speed of the offline check against a bare mwparserfromhell parse of the same files.

Prints, from one run: MB/s for citelint (read, parse into the model, all offline rules, place the
findings) and for ``mwparserfromhell.parse`` alone over tests/data/corpus/wikitext, their ratio (target
≤ 1.3×), and the wall time of a whole ``citelint check`` process on one small file (target ≤ 0.3 s)
beside a bare ``python -c pass`` for scale. Best of N rounds, rounds interleaved so load on the
shared machine hits both sides alike.

    python bench/bench_parse.py [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import mwparserfromhell

from citelint.engine import check_document
from citelint.model import Document
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus" / "wikitext"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"bench_parse: no *.wiki in {args.corpus} (tests/data/SOURCES.md)")
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    settings = Settings()
    bare, full = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for t in texts:
            mwparserfromhell.parse(t)
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for p, t in zip(files, texts):
            check_document(Document(str(p), t, "wikitext"), settings)
        full.append(time.perf_counter() - t0)
    b, f = min(bare), min(full)
    print(f"corpus: {len(files)} files, {mb:.2f} MB, best of {args.rounds} rounds")
    print(f"bare mwparserfromhell.parse : {mb / b:6.2f} MB/s  ({b:.3f} s; median {statistics.median(bare):.3f} s)")
    print(f"citelint check (offline)    : {mb / f:6.2f} MB/s  ({f:.3f} s; median {statistics.median(full):.3f} s)")
    print(f"ratio citelint / bare parse : {f / b:6.3f}x  (target <= 1.3x)")

    small = REPO / "fixtures" / "golden" / "article.wiki"
    walls, bases = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bases.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "text", str(small)],
                       capture_output=True)
        walls.append(time.perf_counter() - t0)
    print(f"citelint check on one small file: {min(walls):.3f} s wall (target <= 0.3 s); "
          f"python -c pass: {min(bases):.3f} s")


if __name__ == "__main__":
    main()
