"""Speed of the offline check against a bare mwparserfromhell parse of the same files.

Prints, from one run: MB/s over tests/data/corpus/wikitext for the offline check (parse into the model,
all offline rules, place the findings) with the citation scanner (``--parser scan``, the default) and with
the full mwparserfromhell walk (``--parser full``), for the parse into the model alone on each path, and for
``mwparserfromhell.parse`` alone in the mode the full path uses (``skip_style_tags=True``); then the ratios
(target, issue 9: the scanner's check >= 10 MB/s and >= 10x the bare parse); and the wall time of a whole
``citelint check`` process on one small file beside a bare ``python -c pass`` for scale. Best of N rounds,
rounds interleaved so load on the shared machine hits every side alike.

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
    scan_settings, full_settings = Settings(parser="scan"), Settings(parser="full")
    from citelint.parsers.scanner import scan_wikitext
    from citelint.parsers.wikitext import parse_wikitext

    table = scan_settings.templates
    times: dict[str, list[float]] = {k: [] for k in ("bare", "scan", "full", "scan-parse", "full-parse")}

    def timed(key, fn) -> None:
        t0 = time.perf_counter()
        fn()
        times[key].append(time.perf_counter() - t0)

    for _ in range(args.rounds):
        timed("bare", lambda: [mwparserfromhell.parse(t, skip_style_tags=True) for t in texts])
        timed("scan", lambda: [check_document(Document(str(p), t, "wikitext"), scan_settings)
                               for p, t in zip(files, texts)])
        timed("full", lambda: [check_document(Document(str(p), t, "wikitext"), full_settings)
                               for p, t in zip(files, texts)])
        timed("scan-parse", lambda: [scan_wikitext(t, table) for t in texts])
        timed("full-parse", lambda: [parse_wikitext(t, table) for t in texts])
    best = {k: min(v) for k, v in times.items()}
    b = best["bare"]
    print(f"corpus: {len(files)} files, {mb:.2f} MB, best of {args.rounds} rounds")
    rows = [("bare mwparserfromhell.parse", "bare"), ("check, --parser scan", "scan"), ("check, --parser full", "full"),
            ("  parse only, scanner", "scan-parse"), ("  parse only, full walk", "full-parse")]
    for label, key in rows:
        t = best[key]
        print(f"{label:28}: {mb / t:6.2f} MB/s  ({t:.3f} s; median {statistics.median(times[key]):.3f} s; "
              f"{b / t:5.2f}x the bare parse's speed)")
    print(f"scanner check vs full check: {best['full'] / best['scan']:.2f}x faster; parse only: "
          f"{best['full-parse'] / best['scan-parse']:.2f}x (target: check >= 10 MB/s and >= 10x the bare parse)")

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
