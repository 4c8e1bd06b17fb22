"""``--engine dask``: a multistream dump's units checked as tasks on a Dask cluster (dask.distributed).

One task per unit (a group of streams, :mod:`citelint.multistream`); each worker opens the dump
itself (a path on storage every worker sees, at the same path), so only byte ranges go out and findings come back, gathered in file order into the same
report as a local run. With ``--output-dir DIR`` the workers write each unit's findings as JSON Lines
(``DIR/part-<first byte>.jsonl``; ``part-<first byte>-<k>of<n>.jsonl`` for the parts of a unit read in
parts) and only counts come back, for runs with millions of findings; a
part already there (from an earlier, interrupted run) is kept and not computed again.

Without ``--scheduler`` a ``distributed.LocalCluster`` of ``--jobs`` worker processes is started for
the run. Inputs that are not multistream dumps are checked here, as with the local engine.
"""

from __future__ import annotations

import json
import os
from typing import Optional

from citelint.multistream import Checked, Plan, UnitResult, check_unit, checked_items


#: Dask settings for the workers of a cluster started for the run (and by ``bench/bench_multistream.py``):
#: a worker's statistical profiler (a thread walking the running task's stack every 10 ms), its memory
#: monitor (every 100 ms), system monitor (500 ms) and event-loop tick (20 ms) each wake a thread that takes
#: the GIL from the task; with one task thread a worker they cost it several per cent of its CPU (measured:
#: a worker spent 9.3 s of CPU where the same units took 7.9 s in one process; 8.6 s without the profiler
#: and monitors).
#: A cluster of your own keeps its own settings: set these in its Dask configuration for the same effect.
QUIET_WORKERS = {
    # one task per worker thread, the rest queued on the scheduler (Dask's 1.1 gives a one-thread worker two:
    # the second can wait there while another worker has gone idle, at the end of a run of few units)
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
    # Dask's default also sets MALLOC_TRIM_THRESHOLD_=65536, which makes a parsing worker page-fault six
    # times as often (2-3 % of its CPU); a unit's memory is bounded anyway
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def local_cluster(workers: int):
    """A ``distributed.LocalCluster`` of ``workers`` single-threaded worker processes (no GIL shared between
    two tasks), no dashboard, quiet workers (:data:`QUIET_WORKERS`)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(QUIET_WORKERS):
        return LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                            dashboard_address=None)


def _part_name(unit) -> str:
    """``part-<first byte>.jsonl``; a unit read in parts (``multistream.Unit.split``): ``part-<first byte>-<k>of<n>.jsonl``.
    The names sort in file order."""
    if unit.parts > 1:
        return f"part-{unit.start:015d}-{unit.part + 1}of{unit.parts}.jsonl"
    return f"part-{unit.start:015d}.jsonl"


def check_unit_to_dir(path, header, unit, display, settings, links, output_dir) -> UnitResult:
    """A task with ``--output-dir``: the unit's findings written as JSON Lines, the results returned without them."""
    target = os.path.join(output_dir, _part_name(unit))
    done = target + ".done"
    if os.path.exists(done):
        with open(done, encoding="utf-8") as fh:
            counts = json.load(fh)
        res = UnitResult(unit.key, [], counts["skipped"], counts["bytes_xml"], counts["bytes_in"])
        res.written = counts["findings"]  # type: ignore[attr-defined]
        return res
    res = check_unit(path, header, unit, display, settings, links)
    n = 0
    tmp = f"{target}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for item in res.items:
            if isinstance(item, Checked) and isinstance(item.result, list):
                for f in item.result:
                    fh.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
                    n += 1
                item.result = []
    os.replace(tmp, target)
    with open(done + ".tmp", "w", encoding="utf-8") as fh:
        json.dump({"findings": n, "skipped": res.skipped, "bytes_xml": res.bytes_xml, "bytes_in": res.bytes_in}, fh)
    os.replace(done + ".tmp", done)
    res.written = n  # type: ignore[attr-defined]
    return res


class DaskEngine:
    """The ``submitter`` of a ``scale.DumpEngine``: units go to a Dask client as tasks."""

    def __init__(self, scheduler: Optional[str], jobs: int, output_dir: Optional[str] = None) -> None:
        from citelint.scale import ScaleError

        self.jobs = jobs
        self.output_dir = output_dir
        self.cluster = None
        self.written = 0
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - the CLI says so first
            from citelint.scale import DASK_INSTALL

            raise ScaleError(f"--engine dask needs Dask's distributed scheduler: {DASK_INSTALL}") from None
        if output_dir:
            try:
                os.makedirs(output_dir, exist_ok=True)
            except OSError as e:
                raise ScaleError(f"{output_dir}: cannot create the output folder: {e.strerror or e}") from None
        try:
            if scheduler is None:
                self.cluster = local_cluster(jobs)
                self.client = Client(self.cluster)
                # our own workers are set for checking as those of --jobs are (an existing cluster's are
                # its owner's: left as they are)
                from citelint.gcsetup import for_checking

                self.client.run(for_checking)
            else:
                self.client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise ScaleError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn, *args):
        if self.output_dir:
            args = args + (self.output_dir,)
            fn = check_unit_to_dir
        return _Counted(self, self.client.submit(fn, *args, pure=False))

    def items(self, p: Plan, display: str, settings, links: str, progress=None, totals=None):
        """The checked items of a multistream dump, from the cluster, in file order."""
        n = self.workers()

        def submit(fn, path, header, unit, display, settings, links, _opener=None):
            return self.submit(fn, path, header, unit, display, settings, links)

        try:
            yield from checked_items(p, display, settings, n, links, progress, totals, None, submit=submit,
                                     window=4 * n + 2)
        finally:
            self.close()

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
                self.cluster = None


class _Counted:
    """A task's future that adds the findings it wrote (``--output-dir``) to the engine's count."""

    def __init__(self, engine: DaskEngine, future) -> None:
        self.engine, self.future = engine, future

    def result(self):
        res = self.future.result()
        self.engine.written += getattr(res, "written", 0)
        return res

    def cancel(self):
        return self.future.cancel()
