"""Multistream dumps: --jobs 1 against --jobs 2, and a 2-worker Dask LocalCluster against --jobs 2.

    python bench/bench_multistream.py [--mb 200] [--skip-jobs1] [--default-dask-too]

Builds, in a temporary folder, a multistream dump from the corpus (tests/data: the XML exports' pages and
the 15 wikitext articles, repeated under new titles, one bz2 stream per 100 pages, with its index) of at
least --mb megabytes of XML, then times `citelint check --offline --format json` over it. Targets (issue 9):
--jobs 2 >= 1.8x --jobs 1; the Dask run within 1.3x of --jobs 2. All three must give the same findings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from multistream_build import build, corpus_pages  # noqa: E402


class _CpuMeter(threading.Thread):
    """CPU seconds (user + system) of a process tree, sampled every 0.2 s while it runs: on a shared
    machine wall time says how much CPU the run was given, CPU time what it cost."""

    def __init__(self, roots) -> None:
        super().__init__(daemon=True)
        self.roots, self.seen, self.stop, self.own = roots, {}, threading.Event(), 0.0

    def sample(self) -> None:
        import psutil

        procs = []
        for pid in self.roots:
            try:
                root = psutil.Process(pid)
                procs += [root] + root.children(recursive=True)
            except psutil.Error:
                pass
        for p in procs:
            try:
                t = p.cpu_times()
                self.seen[p.pid] = t.user + t.system
            except psutil.Error:
                pass

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.sample()
        self.own = time.thread_time()  # this thread's sampling, not the run's (when this process is watched)

    def total(self, start: dict) -> float:
        own = self.own if os.getpid() in self.roots else 0.0
        return sum(v - start.get(pid, 0.0) for pid, v in self.seen.items()) - own


def run(args, cwd, also=()) -> tuple[float, list, float]:
    """(wall s, findings, CPU s of the citelint process tree and of the processes ``also``, e.g. a cluster)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", *args],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    meter = _CpuMeter([proc.pid, *also])
    meter.sample()
    start = {pid: v for pid, v in meter.seen.items() if pid != proc.pid}  # the cluster's CPU before the run
    meter.start()
    out, err = proc.communicate()
    meter.stop.set()
    meter.join()
    meter.sample()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"citelint failed: {err[-2000:]}")
    return wall, json.loads(out)["findings"], meter.total(start)


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
    ap.add_argument("--skip-jobs1", action="store_true", help="time only --jobs 2 and the Dask run")
    ap.add_argument("--default-dask-too", action="store_true",
                    help="also time a cluster with Dask's default worker settings (profiler, monitors on)")
    ap.add_argument("--default-last", action="store_true", help="with --default-dask-too: run it after the other")
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
        if not args.skip_jobs1:
            t1, f1, c1 = run(["-j", "1", dump.name], tmp)
            print(f"--jobs 1: {t1:7.1f} s  {xml_mb / t1:5.2f} MB/s  {c1:7.1f} CPU s  {len(f1)} findings")
        t2, f2, c2 = run(["-j", "2", dump.name], tmp)
        speed = "" if args.skip_jobs1 else f"  speed-up {t1 / t2:.2f}x (target >= 1.8x)"
        print(f"--jobs 2: {t2:7.1f} s  {xml_mb / t2:5.2f} MB/s  {c2:7.1f} CPU s{speed}")
        try:
            from distributed import LocalCluster
        except ImportError:
            print("dask: not installed (pip install 'citelint-wiki[dask]')")
            return
        from citelint.dask_engine import local_cluster

        # the cluster `citelint --engine dask` starts without --scheduler (dask_engine.local_cluster), started
        # here so that its start-up is not timed; its CPU (workers, nannies) is counted with the run's.
        # --default-dask-too: also a cluster with Dask's default worker settings (before), run first
        # (the machine's load drifts: the two orders are worth a run each)
        variants = [("dask, default worker settings", lambda: LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None))] if args.default_dask_too else []
        variants.append(("dask, 2-worker LocalCluster", lambda: local_cluster(2)))
        if args.default_last:
            variants.reverse()
        for label, make in variants:
            with make() as cluster:
                td, fd, cd = run(["--engine", "dask", "--scheduler", cluster.scheduler_address, dump.name], tmp,
                                 also=[os.getpid()])
            print(f"{label}: {td:7.1f} s  {cd:7.1f} CPU s  {td / t2:.2f}x the time of --jobs 2 (target <= 1.3x), "
                  f"{cd / c2:.2f}x its CPU; same findings: {fd == f2}")
        same = "" if args.skip_jobs1 else f"jobs 1 = jobs 2: {f1 == f2}; "
        print(f"same findings: {same}dask = jobs 2: {fd == f2}")

if __name__ == "__main__":
    main()
