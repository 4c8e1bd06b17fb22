"""What ``--fix`` costs over ``check``, and what it fixes, on the 15 real articles (tests/data/corpus/wikitext).

Each repetition copies the articles to a fresh folder and runs the real command in a subprocess:
``citelint check --offline --jobs 1 --format json DIR`` (the baseline) and the same with ``--fix``, then with
``--fix --unsafe-fixes``. Prints the best time of each, the ratio to the check, the findings fixed per rule
(from the JSON summary's ``fixed``), and the unsafe suggestions left (findings whose fix needs --unsafe-fixes).

    python bench/bench_fix.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus" / "wikitext"


def run(args: list[str], folder: Path) -> tuple[float, dict]:
    env = dict(os.environ, NO_COLOR="1")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--jobs", "1", "--format", "json",
                        *args, str(folder)], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        raise SystemExit(f"citelint failed ({r.returncode}): {r.stderr}")
    return elapsed, json.loads(r.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    best: dict[str, float] = {}
    docs: dict[str, dict] = {}
    for _ in range(opts.repeat):
        for label, args in (("check", []), ("--fix", ["--fix"]), ("--fix --unsafe-fixes", ["--fix", "--unsafe-fixes"])):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "wikitext"
                shutil.copytree(CORPUS, folder)
                elapsed, doc = run(args, folder)
            best[label] = min(best.get(label, elapsed), elapsed)
            docs[label] = doc
    base = best["check"]
    print(f"{len(list(CORPUS.glob('*.wiki')))} articles, best of {opts.repeat}")
    for label, t in best.items():
        print(f"  {label:<22} {t:6.2f} s   {t / base:5.2f}x check")
    check = docs["check"]["summary"]
    print(f"  check: {check['findings']} findings, fixable: {check['fixable']['safe']} safe, "
          f"{check['fixable']['unsafe']} unsafe suggestions")
    for label in ("--fix", "--fix --unsafe-fixes"):
        s = docs[label]["summary"]
        fixed = s.get("fixed", {"findings": 0, "files": 0, "by_rule": {}})
        print(f"  {label}: fixed {fixed['findings']} in {fixed['files']} files {fixed['by_rule']}; "
              f"{s['findings']} findings remain, {s['fixable']['safe']} safe and {s['fixable']['unsafe']} unsafe "
              f"fixes left")


if __name__ == "__main__":
    main()
