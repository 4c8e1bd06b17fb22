"""The link cache: every check's time, verdict and status per URL, in SQLite.

One table, ``checks``, one row per network check. What it gives a run:

- reuse: the newest row of a URL, when it says the link works (or sits behind a login or bot wall) and is
  younger than ``--max-cache-age``, stands in for a request;
- history: the failed runs since the URL last worked, so an unreachable link that keeps failing becomes
  dead (runs whose network was down are stored but not counted).

Two citelint processes may share one cache: WAL journal, a busy timeout, and each run's rows written
in one short transaction. The folder gets a ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG`` (like
``.ruff_cache``) so it stays out of commits and backups.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Optional

from citelint.links.outcome import Outcome, Verdict

SCHEMA = "1"
FILENAME = "links.sqlite3"
PROJECT_MARKERS = ("pyproject.toml", "citelint.toml", ".git")
#: rows older than this are dropped (at most once a day)
KEEP_SECONDS = 400 * 86400.0
_CHUNK = 500
#: verdicts whose result is reused while fresh; failures are checked again every run
REUSABLE = (Verdict.OK, Verdict.NOT_VERIFIED)


class CacheError(Exception):
    pass


def default_cache_dir(paths: Iterable[str], cwd: Optional[Path] = None) -> Path:
    """``.citelint_cache`` in the project of the first checked path: the nearest folder upward holding
    pyproject.toml, citelint.toml or .git; without one, the current folder."""
    cwd = Path.cwd() if cwd is None else cwd
    start = None
    for p in paths:
        if p == "-":
            continue
        path = (cwd / p).resolve() if not Path(p).is_absolute() else Path(p).resolve()
        if path.exists():
            start = path if path.is_dir() else path.parent
            break
    if start is None:
        start = cwd.resolve()
    for d in (start, *start.parents):
        if any((d / m).exists() for m in PROJECT_MARKERS):
            return d / ".citelint_cache"
    return cwd.resolve() / ".citelint_cache"


class LinkCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILENAME
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name in (FILENAME, FILENAME + "-wal", FILENAME + "-shm", FILENAME + "-journal"):
                if (self.folder / name).is_symlink():  # SQLite would write through it, wherever it points
                    raise CacheError(f"cannot use the link cache at {self.path}: {name} is a symbolic link")
            self._mark_folder()
            self.db = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = 30000")
            mode = self._journal_mode()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._setup()
        except (OSError, sqlite3.Error) as e:
            raise CacheError(f"cannot use the link cache at {self.path}: {e}") from None
        self.wal = bool(mode and str(mode[0]).lower() == "wal")

    def _journal_mode(self):
        """Switch to WAL (once per cache file); another process switching at the same moment may make
        SQLite answer "locked" at once, without waiting: try again for a while."""
        for attempt in range(50):
            try:
                return self.db.execute("PRAGMA journal_mode = WAL").fetchone()
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or attempt == 49:
                    raise
                time.sleep(0.1)
        return None

    def _mark_folder(self) -> None:
        self._create(".gitignore", "# Automatically created by citelint.\n*\n")
        self._create("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                     "# This file is a cache directory tag created by citelint.\n")

    def _create(self, name: str, text: str) -> None:
        """Create a marker file unless something (a file, a link, even a dangling one) has that name."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self.folder / name, flags, 0o644)
        except FileExistsError:
            return
        with os.fdopen(fd, "w") as fh:
            fh.write(text)

    def _setup(self) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA:
                db.execute("DROP TABLE IF EXISTS checks")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            db.execute("""CREATE TABLE IF NOT EXISTS checks (
                url TEXT NOT NULL,
                checked_at REAL NOT NULL,
                verdict TEXT NOT NULL,
                status INTEGER,
                reason TEXT NOT NULL,
                final_url TEXT,
                detail TEXT NOT NULL DEFAULT '',
                counted INTEGER NOT NULL DEFAULT 1)""")
            db.execute("CREATE INDEX IF NOT EXISTS checks_by_url ON checks (url, checked_at)")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # -- reading ----------------------------------------------------------------------------
    def fresh(self, urls: list[str], max_age: float, now: Optional[float] = None) -> dict[str, Outcome]:
        """Outcomes that may stand in for a request: the newest check of each URL, when reusable and fresh."""
        now = time.time() if now is None else now
        out: dict[str, Outcome] = {}
        try:
            for chunk in _chunks(urls):
                q = ("SELECT url, max(checked_at), verdict, status, reason, final_url, detail FROM checks "
                     f"WHERE url IN ({','.join('?' * len(chunk))}) GROUP BY url")
                for url, at, verdict, status, reason, final_url, detail in self.db.execute(q, chunk):
                    try:
                        v = Verdict(verdict)
                    except ValueError:
                        continue
                    if v in REUSABLE and now - at <= max_age:
                        out[url] = Outcome(url, v, reason, status=status, final_url=final_url, checked_at=at,
                                           from_cache=True, detail=detail or "")
        except sqlite3.Error as e:
            raise CacheError(f"cannot read the link cache at {self.path}: {e}") from None
        return out

    def failures(self, urls: list[str]) -> dict[str, tuple[int, float]]:
        """url → (failed runs since it last worked, time of the first of them), counted runs only."""
        out: dict[str, tuple[int, float]] = {}
        try:
            for chunk in _chunks(urls):
                q = ("SELECT c.url, count(*), min(c.checked_at) FROM checks c "
                     f"WHERE c.url IN ({','.join('?' * len(chunk))}) AND c.counted = 1 "
                     "AND c.verdict IN ('dead', 'unreachable') AND c.checked_at > coalesce("
                     "(SELECT max(o.checked_at) FROM checks o WHERE o.url = c.url AND o.verdict = 'ok'), 0) "
                     "GROUP BY c.url")
                for url, n, first in self.db.execute(q, chunk):
                    out[url] = (n, first)
        except sqlite3.Error as e:
            raise CacheError(f"cannot read the link cache at {self.path}: {e}") from None
        return out

    # -- writing ----------------------------------------------------------------------------
    def record(self, outcomes: Iterable[Outcome], counted: bool = True) -> int:
        """Store the checks made in this run (cached outcomes are not stored again)."""
        rows = [(o.url, o.checked_at, o.verdict.value, o.status, o.reason, o.final_url, o.detail,
                 1 if counted else 0) for o in outcomes if not o.from_cache]
        if not rows:
            return 0
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                self._prune()
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise CacheError(f"cannot write the link cache at {self.path}: {e}") from None
        return len(rows)

    def _prune(self) -> None:
        now = time.time()
        row = self.db.execute("SELECT value FROM meta WHERE key = 'pruned'").fetchone()
        if row is not None and now - float(row[0]) < 86400:
            return
        self.db.execute("DELETE FROM checks WHERE checked_at < ?", (now - KEEP_SECONDS,))
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


def _chunks(items: list[str]):
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]
