"""What a report costs: text, json and rich rendering of 10k, 50k and 100k findings.

The findings come from the real engine: a synthetic page of long lines, each holding 20 uses of
``<ref name="xN"/>`` that nothing defines (one ``undefined-ref`` each; some lines have CJK text and tabs),
as many lines as N needs. Per N it prints:

- ``check``: the offline check that makes the findings (parse, rules, placing);
- ``render``: each reporter writing the findings to memory (rich once without colour, as in a file or a
  pipe, and once with colour, as in a terminal);
- ``report``: check + render, what ``citelint check --format F`` costs beyond start-up, and the ratio
  rich/text of that (target <= 2x), and of the bare rendering;
- seconds per finding across N for the text report and for rich rendering (linear: flat).

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


def timed(fn) -> float:
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(text: str, tmp: str, name: str) -> dict:
    path = os.path.join(tmp, name)
    Path(path).write_text(text, encoding="utf-8")
    result = None

    def check():
        nonlocal result
        result = run([path], Settings(), lambda e: sys.exit(f"input error: {e}"))

    out = {"check": timed(check)}
    out["n"] = len(result.findings)
    for fmt, color in (("text", False), ("json", False), ("rich", False), ("rich", True)):
        buf = io.StringIO()
        out[fmt + ("+colour" if color else "")] = timed(lambda: get_reporter(fmt).render(result, buf, color=color))
    return out


def table(rows: list[dict], title: str) -> None:
    print(title)
    print(f"{'findings':>9} {'check s':>8} | {'text':>7} {'json':>7} {'rich':>7} {'rich+c':>7} render s | "
          f"{'rich/text report':>16} {'render':>8} | {'text report':>11} {'rich render':>11} µs/finding")
    for r in rows:
        text_report = r["check"] + r["text"]
        rich_report = r["check"] + max(r["rich"], r["rich+colour"])
        print(f"{r['n']:>9,} {r['check']:>8.2f} | {r['text']:>7.3f} {r['json']:>7.3f} {r['rich']:>7.3f} "
              f"{r['rich+colour']:>7.3f}          | {rich_report / text_report:>15.2f}x "
              f"{max(r['rich'], r['rich+colour']) / r['text']:>7.1f}x | {text_report / r['n'] * 1e6:>11.1f} "
              f"{max(r['rich'], r['rich+colour']) / r['n'] * 1e6:>11.1f}")
    flat = [(r["check"] + r["text"]) / r["n"] for r in rows]
    print(f"  text report, µs per finding at the largest N / at the smallest: {flat[-1] / flat[0]:.2f} "
          f"(linear: about 1)")
    rich = [max(r["rich"], r["rich+colour"]) / r["n"] for r in rows]
    print(f"  rich rendering, µs per finding at the largest N / at the smallest: {rich[-1] / rich[0]:.2f}")


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
