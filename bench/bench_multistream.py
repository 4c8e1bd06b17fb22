"""Multistream dumps: --jobs 1 against --jobs 2, and a 2-worker Dask LocalCluster against --jobs 2.

    python bench/bench_multistream.py [--mb 200]

Builds, in a temporary folder, a multistream dump from the corpus (tests/data: the XML exports' pages and
the 15 wikitext articles, repeated under new titles, one bz2 stream per 100 pages, with its index) of at
least --mb megabytes of XML, then times `citelint check --offline --format json` over it. Targets (issue 9):
--jobs 2 >= 1.8x --jobs 1; the Dask run within 1.3x of --jobs 2. All three must give the same findings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from multistream_build import build, corpus_pages  # noqa: E402


def run(args, cwd) -> tuple[float, list]:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", *args],
                          cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"citelint failed: {proc.stderr[-2000:]}")
    return wall, json.loads(proc.stdout)["findings"]


class _kept:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __enter__(self) -> str:
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        return self.folder

    def __exit__(self, *exc) -> None:
        pass


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--folder", default=None, help="build the dump here and keep it (default: a temporary folder)")
    args = ap.parse_args()
    source = corpus_pages(include_large=True, wikitext=True)
    per_copy = sum(len(p) for p in source) / len(source)
    pages = int(args.mb * 1e6 / per_copy) + 1
    with (tempfile.TemporaryDirectory() if args.folder is None else _kept(args.folder)) as tmp:
        t0 = time.perf_counter()
        dump, index, plain = build(Path(tmp), pages, 100, source)
        xml_mb = len(plain) / 1e6
        del plain
        print(f"built {dump.name}: {pages} pages, {xml_mb:.0f} MB of XML, {dump.stat().st_size / 1e6:.0f} MB bz2 "
              f"in {time.perf_counter() - t0:.0f} s")
        t1, f1 = run(["-j", "1", dump.name], tmp)
        print(f"--jobs 1: {t1:7.1f} s  {xml_mb / t1:5.2f} MB/s  {len(f1)} findings")
        t2, f2 = run(["-j", "2", dump.name], tmp)
        print(f"--jobs 2: {t2:7.1f} s  {xml_mb / t2:5.2f} MB/s  speed-up {t1 / t2:.2f}x (target >= 1.8x)")
        try:
            from distributed import LocalCluster
        except ImportError:
            print("dask: not installed (pip install 'citelint-wiki[dask]')")
            return
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            td, fd = run(["--engine", "dask", "--scheduler", cluster.scheduler_address, dump.name], tmp)
        print(f"dask, 2-worker LocalCluster: {td:7.1f} s  {td / t2:.2f}x the time of --jobs 2 (target <= 1.3x)")
        print(f"same findings: jobs 1 = jobs 2: {f1 == f2}; dask = jobs 2: {fd == f2}")


if __name__ == "__main__":
    main()
