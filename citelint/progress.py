"""A Rich progress bar for dumps being read: revisions, MB of XML, MB/s.

Shown on standard error, and only when standard error is a terminal: piped or redirected runs
(CI logs, ``2>file``) stay silent.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Optional


def wanted(stream=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("CITELINT_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class DumpProgress:
    """What ``citelint.dumps.dump_documents`` reports to: one bar per dump, removed when done."""

    def __init__(self, stream=None, min_interval: float = 0.1) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

        self._console = Console(file=stream if stream is not None else sys.stderr, stderr=stream is None)
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(bar_width=16),
            TaskProgressColumn(),
            TextColumn("{task.fields[revisions]:,} revisions"),
            TextColumn("{task.fields[mb]:,.0f} MB"),
            TextColumn("{task.fields[rate]:.1f} MB/s"),
            TimeElapsedColumn(),
            console=self._console,
            transient=True,
        )
        self._task: Optional[int] = None
        self._t0 = 0.0
        self._last = 0.0
        self._min = min_interval
        self._started = False

    def start(self, stats) -> None:
        if not self._started:
            self._progress.start()
            self._started = True
        self._t0 = time.perf_counter()
        self._last = 0.0
        name = os.path.basename(stats.path) or stats.path
        if len(name) > 24:
            name = name[:11] + "…" + name[-12:]
        self._task = self._progress.add_task(name, total=stats.size, revisions=0, mb=0.0, rate=0.0)

    def update(self, stats) -> None:
        now = time.perf_counter()
        if now - self._last < self._min or self._task is None:
            return
        self._last = now
        elapsed = max(now - self._t0, 1e-6)
        self._progress.update(self._task, completed=stats.bytes_in, total=stats.size, revisions=stats.revisions,
                              mb=stats.bytes_xml / 1e6, rate=stats.bytes_xml / 1e6 / elapsed)

    def finish(self, stats) -> None:
        if self._task is not None:
            self._progress.remove_task(self._task)
            self._task = None

    def close(self) -> None:
        if self._started:
            self._progress.stop()
            self._started = False
