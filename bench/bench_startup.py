"""Start-up: the wall time of `citelint check --offline small.wiki` against `python -c pass`, measured in
the same run (hyperfine-like: warm-up, then repeats, medians), and what it imports.

    python bench/bench_startup.py [--runs 20]

Target (issue 9): one small file offline in at most 0.25 s wall, with no network library imported.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMALL = "A claim.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n\n== References ==\n{{reflist}}\n"


#: as an installed program runs: with its .pyc files (pip writes them at install; PYTHONDONTWRITEBYTECODE,
#: set on some machines, would have every module compiled again at every start). They are written at the
#: warm-up into a temporary PYTHONPYCACHEPREFIX (set in main), not into the checkout, where a later
#: --no-pyc run would read them. --no-pyc keeps the environment as it is.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CPU: dict[str, list[float]] = {}  # command → CPU seconds (user + system) of each run


def wall(cmd: list[str], runs: int, cwd: str) -> list[float]:
    for _ in range(2):  # warm-up: page cache, .pyc files
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=ENV)
    out = []
    cpu = CPU.setdefault(" ".join(cmd), [])
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=ENV)
        out.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return out


def imports(cmd: list[str], cwd: str) -> dict[str, int]:
    """module → cumulative import time (µs), from -X importtime."""
    err = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], cwd=cwd, capture_output=True,
                         text=True, env=ENV).stderr
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
    ap.add_argument("--no-pyc", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if it is set")
    args = ap.parse_args()
    if args.no_pyc:
        ENV.clear()
        ENV.update(os.environ)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as pycache:
        if not args.no_pyc:
            ENV["PYTHONPYCACHEPREFIX"] = pycache
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
    cpu_b, cpu_c = (statistics.median(CPU[" ".join(c)]) for c in (bare, cite))
    print(f"CPU (user + system), medians:            python -c pass {cpu_b * 1000:.0f} ms, citelint {cpu_c * 1000:.0f} ms "
          f"(on a loaded machine, what the start-up costs rather than what it was given)")
    print(f"target <= 0.25 s wall:                   {'met' if med_c <= 0.25 else 'NOT met'}")
    net = sorted(m for m in mods if m.split(".")[0] in ("requests", "urllib3", "http", "ssl", "socket"))
    print(f"network modules imported:                {', '.join(net) or 'none'}")
    top = sorted(((v, k) for k, v in mods.items() if k.count(".") == 0 or k.startswith("citelint.")), reverse=True)[:8]
    print("largest imports (cumulative ms):        " + ", ".join(f"{k} {v / 1000:.0f}" for v, k in top))


if __name__ == "__main__":
    main()
