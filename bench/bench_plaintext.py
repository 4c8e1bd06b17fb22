"""Speed of the plain-text scanner, against a bare scan of the same text, and its linearity.

Prints, from one run:

- MB/s for ``parse_plaintext`` and for the whole offline check (parse + rules + placing findings),
  and for the baseline: ``str.splitlines`` plus one ``re.finditer`` for ``[n]`` markers over the same
  text (the least any scanner of this input must do). Ratios are against that baseline.
- seconds per MB at 1, 2, 4 and 8 MB of synthetic page: a linear scanner keeps this flat.

Inputs: a synthetic page in the shape of a Wikipedia copy (prose with ``[n]`` and ``[a]`` markers and
``[i.e., …]`` brackets, a Notes list, a References list with ``^ a b`` labels), and the seed fixture
(fixtures/khojaly-massacre.military-wiki.txt) repeated to the same size. Best of N rounds,
rounds interleaved so load on the shared machine hits both sides alike.

    python bench/bench_plaintext.py [--rounds 5] [--mb 5]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers.plaintext import parse_plaintext
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "fixtures" / "khojaly-massacre.military-wiki.txt"
_BASE = re.compile(r"\[(\d+)\]")


def synthetic(size: int, refs: int = 2000) -> str:
    para = ("The line was opened in 1887 [i.e., the first section] and carried salt.{m} Passenger traffic "
            "peaked in 1913,{m2} when eleven trains ran daily.[a]\n\n")
    parts, total, n = ["Big page\n\n"], 0, 0
    while total < size:
        p = para.format(m=f"[{n % refs + 1}]", m2=f"[{(n * 7) % refs + 1}]")
        parts.append(p)
        total += len(p)
        n += 1
    parts.append("Notes\n\n  a. ^ A note.\n\nReferences\n\n")
    for i in range(1, refs + 1):
        parts.append(f"  {i}. ^ a b Author, A. ({1800 + i % 200}). Title number {i}. Publisher. p. {i}.\n")
    return "".join(parts)


def baseline(text: str) -> int:
    lines = text.splitlines()
    return len(lines) + sum(1 for _ in _BASE.finditer(text))


def check(text: str) -> int:
    return len(check_document(Document("bench.txt", text, "plaintext"), Settings()))


def best(fn, text: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--mb", type=float, default=5.0, help="size of each input in MB (default 5)")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    inputs = {"synthetic": synthetic(size)}
    seed = SEED.read_text(encoding="utf-8")  # part of the repository: missing is an error, not a skipped row
    inputs["seed x%d" % (size // len(seed) + 1)] = "\n\n".join([seed] * (size // len(seed) + 1))

    print(f"{'input':16s} {'MB':>5s} {'baseline MB/s':>14s} {'parse MB/s':>11s} {'check MB/s':>11s} "
          f"{'parse/base':>10s} {'check/base':>10s}")
    for name, text in inputs.items():
        mb = len(text.encode("utf-8")) / 1e6
        tb = tp = tc = float("inf")
        for _ in range(args.rounds):  # interleaved
            tb = min(tb, best(baseline, text, 1))
            tp = min(tp, best(parse_plaintext, text, 1))
            tc = min(tc, best(check, text, 1))
        print(f"{name:16s} {mb:5.1f} {mb / tb:14.1f} {mb / tp:11.1f} {mb / tc:11.1f} {tp / tb:9.1f}x {tc / tb:9.1f}x")

    print("\nlinearity (synthetic page): seconds per MB should stay flat")
    for mb in (1, 2, 4, 8):
        text = synthetic(mb * 1_000_000, refs=400 * mb)
        t = best(parse_plaintext, text, max(1, args.rounds // 2))
        print(f"  {mb} MB  parse {t:6.3f} s  {t / mb:6.3f} s/MB")


if __name__ == "__main__":
    main()
