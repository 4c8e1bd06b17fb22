"""Benchmark: stream a whole-history dump through the real `citelint check` and print throughput and memory.

    .venv/bin/python bench/bench_dump.py                  # --jobs 1 and --jobs <CPUs>, plus the read-only baseline
    .venv/bin/python bench/bench_dump.py --jobs 2         # one configuration only
    .venv/bin/python bench/bench_dump.py --dump other.xml.bz2 --namespace 0

Each configuration runs `citelint check --all-revisions --offline --format json --output …` as a child
process (the same path a user runs; --links adds the network link pass) and samples the resident memory of the child and its worker processes
with psutil every 50 ms: "peak RSS" is the largest single process (the figure the 200 MB goal is
about), "peak tree RSS" the largest sum over the main process and its workers at one moment; "main process
CPU" is the CPU time of the main process alone (the dump reader and what it does to feed the workers), and
the CPU over all processes (each one's last sample, summed) is the figure a loaded machine distorts least.
The baseline in the same run is the dump reader alone (decompress + XML parse, no checking): the
ratio says how much of the time goes to checking.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
# the test data in the repository (tests/data/SOURCES.md says where it comes from)
DEFAULT_DUMP = ROOT / "tests" / "data" / "corpus" / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"
LIMIT_MB = 200


def read_only(dump: Path) -> dict:
    """The baseline: the dump reader alone, in this process."""
    sys.path.insert(0, str(ROOT))
    from citelint.dumps import DumpStats, iter_dump

    stats = DumpStats(str(dump))
    t0 = time.perf_counter()
    chars = sum(len(d.text) for d in iter_dump(str(dump), all_revisions=True, stats=stats))
    elapsed = time.perf_counter() - t0
    return {"elapsed": elapsed, "revisions": stats.revisions, "pages": stats.pages, "xml_bytes": stats.bytes_xml,
            "chars": chars}


class Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak_single = 0
        self.peak_tree = 0
        self.processes = 0
        self.main_cpu = 0.0  # CPU seconds of the main process alone (its last sample before it exits)
        self.cpu: dict[int, float] = {}  # pid → CPU seconds at its last sample (the tree's CPU: their sum)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
            except psutil.Error:
                break
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_single = max(self.peak_single, rss)
                try:
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            self.processes = max(self.processes, len(procs))
            try:
                t = self.proc.cpu_times()
                self.main_cpu = t.user + t.system
            except psutil.Error:
                pass
            self.peak_tree = max(self.peak_tree, total)
            self.stop.wait(self.interval)


def run_check(dump: Path, jobs: int, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "citelint", "check", "--all-revisions", "--jobs", str(jobs),
               "--format", "json", "--output", str(report), *extra, str(dump)]
        print("  $ citelint " + " ".join(cmd[3:]))
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        sampler = Sampler(proc.pid)
        sampler.start()
        _, err = proc.communicate()
        elapsed = time.perf_counter() - t0
        sampler.stop.set()
        sampler.join()
        if proc.returncode not in (0, 1):
            raise SystemExit(f"citelint exited {proc.returncode}: {err.decode(errors='replace')}")
        data = json.loads(report.read_text(encoding="utf-8"))
        summary = data["summary"]
        digest = hashlib.sha256(json.dumps(data["findings"], sort_keys=True).encode()).hexdigest()[:16]
    return {"elapsed": elapsed, "summary": summary, "digest": digest, "peak_single": sampler.peak_single,
            "peak_tree": sampler.peak_tree, "processes": sampler.processes, "main_cpu": sampler.main_cpu,
            "tree_cpu": sum(sampler.cpu.values()),
            "load": os.getloadavg()}


def main() -> None:
    from citelint.parallel import default_jobs

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    ap.add_argument("--jobs", type=int, action="append", help="configurations to run (default: 1 and all CPUs)")
    ap.add_argument("--namespace", action="append", default=[])
    ap.add_argument("--links", action="store_true",
                    help="include the link pass (network; by default the run is --offline: the citation rules only)")
    args = ap.parse_args()
    jobs_list = args.jobs or sorted({1, default_jobs()})
    extra = [a for ns in args.namespace for a in ("--namespace", ns)]
    if not args.links:
        extra.append("--offline")

    if not args.dump.is_file():
        sys.exit(f"bench_dump: {args.dump}: no such file (tests/data/SOURCES.md)")
    print(f"dump: {args.dump} ({args.dump.stat().st_size / 1e6:.1f} MB stored)")
    base = read_only(args.dump)
    mb = base["xml_bytes"] / 1e6
    print(f"read only (decompress + XML parse): {base['revisions']:,} revisions, {mb:,.0f} MB of XML in "
          f"{base['elapsed']:.1f} s = {mb / base['elapsed']:.0f} MB/s, {base['revisions'] / base['elapsed']:,.0f} "
          f"revisions/s")
    results = {}
    for jobs in jobs_list:
        r = run_check(args.dump, jobs, extra)
        results[jobs] = r
        s = r["summary"]
        revs = s.get("revisions_checked", 0)
        pages = s.get("pages_checked", 0)
        ok = "OK" if r["peak_single"] < LIMIT_MB * 1e6 else f"OVER {LIMIT_MB} MB"
        print(f"check --all-revisions --jobs {jobs}: {revs:,} revisions of {pages} page(s), "
              f"{s['findings']:,} findings in {r['elapsed']:.1f} s")
        pps = pages / r["elapsed"]
        print(f"  {revs / r['elapsed']:,.1f} revisions/s ({pps:,.{1 if pps >= 10 else 4}f} pages/s), "
              f"{mb / r['elapsed']:.2f} MB/s of XML; {r['elapsed'] / base['elapsed']:.1f}x the read-only time")
        print(f"  peak RSS {r['peak_single'] / 1e6:.0f} MB (largest process; goal < {LIMIT_MB} MB: {ok}), "
              f"peak tree RSS {r['peak_tree'] / 1e6:.0f} MB over {r['processes']} process(es)")
        print(f"  findings digest {r['digest']} (sha256 of the JSON findings, sorted keys)")
        print(f"  CPU {r['tree_cpu']:.0f} s over all processes (as last sampled), of which the main process "
              f"{r['main_cpu']:.1f} s (reading the dump, sending batches, gathering findings); "
              f"load average at the end {r['load'][0]:.1f} / {r['load'][1]:.1f} / {r['load'][2]:.1f} (1/5/15 min)")
    if 1 in results and len(results) > 1:
        for jobs, r in results.items():
            if jobs != 1:
                print(f"speed-up --jobs {jobs} vs --jobs 1: {results[1]['elapsed'] / r['elapsed']:.2f}x")
        digests = {j: r["digest"] for j, r in results.items()}
        same = len(set(digests.values())) == 1
        print(f"same findings, same order, whatever --jobs: {'yes' if same else 'NO ' + str(digests)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.stdout.reconfigure(line_buffering=True)
    main()
