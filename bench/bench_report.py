"""What a report costs: text, json and rich rendering of 10k, 50k and 100k findings.

The findings come from the real engine: a synthetic page of long lines, each holding 20 uses of
``<ref name="xN"/>`` that nothing defines (one ``undefined-ref`` each; some lines have CJK text and tabs),
as many lines as N needs. Per N it prints:

- ``check``: the offline check that makes the findings (parse, rules, placing), and beside it a bare
  ``mwparserfromhell.parse`` of the same page, for reference;
- ``render``: each reporter writing the findings to memory (best of 2, of 5 for text; rich once without colour, as in a
  file or a pipe, and once with colour, as in a terminal);
- the ratio rich/text of the report (check + render: what ``citelint check --format F`` costs beyond
  start-up; target <= 2x) and of the bare rendering;
- microseconds per finding across N for text rendering, rich rendering and the check (linear: flat).

``--one-line`` adds pages made of ONE line (``--one-line-n`` findings, default 1,000, 2,000, 4,000):
there a reporter that touches the whole line per finding is quadratic.

    python bench/bench_report.py [--n 10000,50000,100000] [--one-line] [--width 120]
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import mwparserfromhell

from citelint.report import get_reporter
from citelint.runner import run
from citelint.settings import Settings

PER_LINE = 20
PLAIN = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt"
WIDE = "東京都は日本の首都であり、\t人口は約千四百万人である。 Lorem ipsum dolor sit amet"


def page(n: int, per_line: int = PER_LINE) -> str:
    lines, i = [], 0
    while i < n:
        pad = WIDE if len(lines) % 10 == 3 else PLAIN
        k = min(per_line, n - i)
        lines.append(" ".join(f'{pad} <ref name="x{i + j}"/>' for j in range(k)))
        i += k
    return "\n".join(lines) + "\n"


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def measure(text: str, tmp: str, name: str) -> dict:
    path = os.path.join(tmp, name)
    Path(path).write_text(text, encoding="utf-8")
    result = None

    def check():
        nonlocal result
        result = run([path], Settings(), lambda e: sys.exit(f"input error: {e}"))

    out = {"parse": timed(lambda: mwparserfromhell.parse(text)), "check": timed(check)}
    out["n"] = len(result.findings)
    for fmt, color in (("text", False), ("json", False), ("rich", False), ("rich", True)):
        def render():
            get_reporter(fmt).render(result, io.StringIO(), color=color)
        out[fmt + ("+colour" if color else "")] = timed(render, repeat=5 if fmt == "text" else 2)
    out["rich*"] = max(out["rich"], out["rich+colour"])
    return out


def table(rows: list[dict], title: str) -> None:
    print(title)
    print(f"{'findings':>9} | {'parse':>6} {'check':>6} | {'text':>6} {'json':>6} {'rich':>6} {'rich+c':>6} | "
          f"{'rich/text':>9} {'rich/text':>9} | {'text':>5} {'rich':>5} {'check':>6}")
    print(f"{'':>9} | {'(bare)':>6} {'':>6} | {'render, s':^27} | {'report':>9} {'render':>9} | "
          f"{'µs per finding':^18}")
    for r in rows:
        n = r["n"]
        report = (r["check"] + r["rich*"]) / (r["check"] + r["text"])
        print(f"{n:>9,} | {r['parse']:>6.2f} {r['check']:>6.2f} | {r['text']:>6.3f} {r['json']:>6.3f} "
              f"{r['rich']:>6.3f} {r['rich+colour']:>6.3f} | {report:>8.2f}x {r['rich*'] / r['text']:>8.0f}x | "
              f"{r['text'] / n * 1e6:>5.2f} {r['rich*'] / n * 1e6:>5.1f} {r['check'] / n * 1e6:>6.0f}")
    first, last = rows[0], rows[-1]

    def growth(key: str) -> float:
        return (last[key] / last["n"]) / (first[key] / first["n"])

    print(f"  per finding, largest N / smallest N (linear: 1): text rendering {growth('text'):.2f}, "
          f"rich rendering {growth('rich*'):.2f}, check {growth('check'):.2f} "
          f"(bare mwparserfromhell.parse of the page, per ref: {growth('parse'):.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", default="10000,50000,100000", help="findings per page, comma-separated")
    ap.add_argument("--one-line", action="store_true", help="also pages made of one long line")
    ap.add_argument("--one-line-n", default="1000,2000,4000")
    ap.add_argument("--width", type=int, default=120, help="terminal width the rich report is laid out for")
    args = ap.parse_args()
    os.environ["COLUMNS"] = str(args.width)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(page(int(n)), tmp, f"many-lines-{n}.wiki") for n in args.n.split(",")]
        table(rows, f"lines of {PER_LINE} findings (~{len(page(PER_LINE)) // 1000} KB each), rich at "
                    f"{args.width} columns")
        if args.one_line:
            rows = [measure(page(int(n), per_line=int(n)), tmp, f"one-line-{n}.wiki")
                    for n in args.one_line_n.split(",")]
            print()
            table(rows, "one line holding every finding")


if __name__ == "__main__":
    main()
