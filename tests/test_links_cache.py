"""The link cache: reuse, failure history, where it lives, and two processes writing at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citelint.links.cache import FILENAME, CacheError, LinkCache, default_cache_dir
from citelint.links.outcome import Outcome, Verdict

NOW = time.time()


def o(url, verdict, at, **kw):
    return Outcome(url, verdict, kw.pop("reason", verdict.value), checked_at=at, **kw)


def test_reuse_only_fresh_working_results(tmp_path):
    c = LinkCache(tmp_path / "c")
    c.record([o("http://ok/", Verdict.OK, NOW - 100, status=200), o("http://old/", Verdict.OK, NOW - 9 * 86400),
              o("http://dead/", Verdict.DEAD, NOW - 100, status=404),
              o("http://wall/", Verdict.NOT_VERIFIED, NOW - 100, status=403),
              o("http://down/", Verdict.UNREACHABLE, NOW - 100)])
    fresh = c.fresh(["http://ok/", "http://old/", "http://dead/", "http://wall/", "http://down/", "http://new/"],
                    max_age=7 * 86400)
    assert sorted(fresh) == ["http://ok/", "http://wall/"]  # failures are always checked again
    assert fresh["http://ok/"].from_cache and fresh["http://ok/"].status == 200
    c.record([o("http://ok/", Verdict.DEAD, NOW - 10, status=404)])  # the newest check decides
    assert "http://ok/" not in c.fresh(["http://ok/"], max_age=7 * 86400)
    c.close()


def test_failure_history_since_the_link_last_worked(tmp_path):
    c = LinkCache(tmp_path)
    u = "http://flaky/"
    c.record([o(u, Verdict.UNREACHABLE, NOW - 50 * 3600)])
    c.record([o(u, Verdict.OK, NOW - 30 * 3600)])  # worked: the streak starts again
    c.record([o(u, Verdict.UNREACHABLE, NOW - 21 * 3600)])
    c.record([o(u, Verdict.NOT_VERIFIED, NOW - 10 * 3600)])  # neutral: neither breaks nor counts
    c.record([o(u, Verdict.UNREACHABLE, NOW - 5 * 3600)], counted=False)  # the network was down
    c.record([o(u, Verdict.DEAD, NOW)])
    assert c.failures([u, "http://other/"]) == {u: (2, pytest.approx(NOW - 21 * 3600))}
    c.close()


def test_cached_outcomes_are_not_stored_twice(tmp_path):
    c = LinkCache(tmp_path)
    c.record([o("http://a/", Verdict.OK, NOW)])
    again = c.fresh(["http://a/"], max_age=3600)["http://a/"]
    assert c.record([again]) == 0
    c.close()


def test_folder_is_marked_and_schema_is_versioned(tmp_path):
    c = LinkCache(tmp_path / "x")
    c.record([o("http://a/", Verdict.OK, NOW)])
    c.close()
    assert (tmp_path / "x" / ".gitignore").read_text().strip().endswith("*")
    assert (tmp_path / "x" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    db = sqlite3.connect(tmp_path / "x" / FILENAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute("UPDATE meta SET value = 'old' WHERE key = 'schema'")
    db.commit()
    db.close()
    c = LinkCache(tmp_path / "x")  # another schema: started afresh, not misread
    assert c.fresh(["http://a/"], max_age=3600) == {}
    c.close()


def test_unusable_cache_is_a_clear_error(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match="cannot use the link cache"):
        LinkCache(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CacheError):
        LinkCache(blocker / "sub")


def test_default_folder_is_the_project_of_the_checked_files(tmp_path):
    proj = tmp_path / "wiki"
    (proj / "pages" / "deep").mkdir(parents=True)
    (proj / "citelint.toml").write_text("")
    page = proj / "pages" / "deep" / "a.wiki"
    page.write_text("x")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert default_cache_dir([str(page)], cwd=elsewhere) == proj / ".citelint_cache"
    assert default_cache_dir(["pages"], cwd=proj) == proj / ".citelint_cache"
    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "b.wiki").write_text("x")
    # no project marker anywhere above (tmp_path is not in a git repository): the current folder
    if not any((p / m).exists() for p in (tmp_path, *tmp_path.parents) for m in ("pyproject.toml", ".git",
                                                                                    "citelint.toml")):
        assert default_cache_dir([str(tmp_path / "loose" / "b.wiki")], cwd=elsewhere) == elsewhere / ".citelint_cache"
    assert default_cache_dir(["-"], cwd=proj / "pages") == proj / ".citelint_cache"


WRITER = """
import sys, time
from citelint.links.cache import LinkCache
from citelint.links.outcome import Outcome, Verdict
c = LinkCache(sys.argv[1])
tag = sys.argv[2]
for i in range(150):
    c.record([Outcome(f"http://{tag}/{i}/{j}", Verdict.OK, "ok", checked_at=time.time()) for j in range(4)])
    c.fresh([f"http://{tag}/{i}/0"], 3600)
c.close()
"""


def test_two_processes_share_one_cache(tmp_path):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), tag], stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b")]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in results] == [0, 0], results
    db = sqlite3.connect(Path(tmp_path) / FILENAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM checks").fetchone()[0] == 2 * 150 * 4
