"""Start-up: the wall time of `citelint check --offline small.wiki` against `python -c pass`, measured in
the same run (hyperfine-like: warm-up, then repeats, medians), and what it imports.

    python bench/bench_startup.py [--runs 20]

Target (issue 9): one small file offline in at most 0.25 s wall, with no network library imported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMALL = "A claim.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n\n== References ==\n{{reflist}}\n"


def wall(cmd: list[str], runs: int, cwd: str) -> list[float]:
    for _ in range(2):  # warm-up: page cache, .pyc files
        subprocess.run(cmd, cwd=cwd, capture_output=True)
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True)
        out.append(time.perf_counter() - t0)
    return out


def imports(cmd: list[str], cwd: str) -> dict[str, int]:
    """module → cumulative import time (µs), from -X importtime."""
    err = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], cwd=cwd, capture_output=True,
                         text=True).stderr
    found = {}
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            try:
                found[name.strip()] = int(cumulative)
            except ValueError:
                pass
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "small.wiki").write_text(SMALL)
        cite = [sys.executable, "-m", "citelint", "check", "--offline", "small.wiki"]
        bare = [sys.executable, "-c", "pass"]
        t_bare = wall(bare, args.runs, tmp)
        t_cite = wall(cite, args.runs, tmp)
        mods = imports(cite, tmp)
    med_b, med_c = statistics.median(t_bare), statistics.median(t_cite)
    print(f"python -c pass:                          median {med_b * 1000:6.0f} ms  (min {min(t_bare) * 1000:.0f})")
    print(f"citelint check --offline small.wiki:     median {med_c * 1000:6.0f} ms  (min {min(t_cite) * 1000:.0f})")
    print(f"citelint over bare interpreter:          {med_c - med_b:.3f} s,  ratio {med_c / med_b:.1f}x")
    print(f"target <= 0.25 s wall:                   {'met' if med_c <= 0.25 else 'NOT met'}")
    net = sorted(m for m in mods if m.split(".")[0] in ("requests", "urllib3", "http", "ssl", "socket"))
    print(f"network modules imported:                {', '.join(net) or 'none'}")
    top = sorted(((v, k) for k, v in mods.items() if k.count(".") == 0 or k.startswith("citelint.")), reverse=True)[:8]
    print("largest imports (cumulative ms):        " + ", ".join(f"{k} {v / 1000:.0f}" for v, k in top))


if __name__ == "__main__":
    main()
