"""``citelint check`` with links, end to end: real processes, real servers on loopback, a real cache."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from links_server import Server, can_bind, free_port, ok, redirect, status

pytestmark = pytest.mark.skipif(not all(can_bind(h) for h in ("127.0.0.2", "127.0.0.3")),
                                reason="needs the loopback addresses 127.0.0.2-3")


def citelint(*args, cwd, env=None, stderr=subprocess.PIPE):
    e = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CITELINT_NO_PROGRESS")}
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "citelint", "check", *args], cwd=cwd, capture_output=stderr is
                          subprocess.PIPE, stdout=None if stderr is subprocess.PIPE else subprocess.PIPE,
                          stderr=None if stderr is subprocess.PIPE else stderr, text=True, env=e, timeout=120)


@pytest.fixture(scope="module")
def servers():
    a = Server("127.0.0.2", {"/ok": ok(), "/missing": status(404), "/archived": ok(), "/forbidden": status(403),
                             "/moved": redirect("/ok"), "/live": ok(), "/also-live": ok(),
                             "/slow": lambda h, n, m: (time.sleep(0.6), h.reply(200, b"ok"))}).start()
    b = Server("127.0.0.3", {"/ok": ok()}).start()
    yield a, b
    a.stop()
    b.stop()


def page(a, b, refused: str) -> str:
    return f"""Archived.<ref>{{{{cite web |url={a.url('/missing')} |archive-url={b.url('/ok')} |url-status=live |title=A}}}}</ref>
Fine.<ref>[{a.url('/moved')} Moved] and {a.url('/forbidden')}.</ref>
Broken.<ref>{{{{cite web |url=www.example.com |title=X}}}} {refused}</ref>
Dead.<ref name="m">{a.url('/missing')}?q=1</ref>
<!-- citelint-disable-next-line dead-link -- known, being replaced -->
Silenced.<ref>{a.url('/missing')}?q=2</ref>
Tagged.<ref>{a.url('/missing')}?q=3 {{{{dead link|date=May 2026}}}}</ref>

== References ==
<references/>
"""


@pytest.fixture()
def project(tmp_path, servers):
    a, b = servers
    (tmp_path / "citelint.toml").write_text("")
    (tmp_path / "wiki").mkdir()
    refused = f"http://127.0.0.3:{free_port('127.0.0.3')}/down"
    (tmp_path / "wiki" / "a.wiki").write_text(page(a, b, refused))
    (tmp_path / "wiki" / "live.wiki").write_text(
        f"One.<ref>{a.url('/live')}</ref> Two.<ref>[{a.url('/also-live')} two]</ref>\n<references/>\n")
    return tmp_path


def findings(r) -> tuple[set, dict]:
    doc = json.loads(r.stdout)
    return {(f["rule"], f["line"], f["column"], f["severity"]) for f in doc["findings"]}, doc


#: the CS1 content rules on line 1's |archive-url= (a loopback server: no archive date, not a web archive)
ARCHIVE_CS1 = {("cs1-archive-missing-date", 1, 63, "error"), ("cs1-archive-url", 1, 75, "warning")}


def test_report_exit_status_and_cache(project, servers):
    a, _b = servers
    r = citelint("wiki/a.wiki", "--allow-private-hosts", "--timeout", "2", "--format", "json", cwd=project)
    got, doc = findings(r)
    assert r.returncode == 1, r.stderr
    col = len("Archived.<ref>{{cite web |url=") + 1
    assert got == {
        ("dead-link", 1, col, "info"),  # dead, but the archive works
        ("url-status-mismatch", 1, col, "warning"),  # url-status=live on a dead URL
        ("invalid-url", 3, len("Broken.<ref>{{cite web |url=") + 1, "error"),
        ("unreachable-link", 3, len("Broken.<ref>{{cite web |url=www.example.com |title=X}} ") + 1, "warning"),
        ("dead-link", 4, len('Dead.<ref name="m">') + 1, "error"),
        ("dead-link", 7, len("Tagged.<ref>") + 1, "info"),  # already tagged {{dead link}}
    } | ARCHIVE_CS1
    messages = {f["rule"] + str(f["line"]): f["message"] for f in doc["findings"]}
    assert "404 Not Found" in messages["dead-link4"] and "archived copy" in messages["dead-link4"]
    assert "connection refused" in messages["unreachable-link3"]
    links = doc["summary"]["links"]
    assert (links["urls"], links["ok"], links["dead"], links["unreachable"], links["not_verified"], links["invalid"]) \
        == (8, 2, 4, 1, 1, 1)
    assert (project / ".citelint_cache" / "links.sqlite3").exists()  # beside the project's citelint.toml
    assert (project / ".citelint_cache" / ".gitignore").exists()

    hits = dict(a.hits)
    again = citelint("wiki/a.wiki", "--allow-private-hosts", "--timeout", "2", "--format", "json", cwd=project)
    assert findings(again)[0] == got
    links2 = json.loads(again.stdout)["summary"]["links"]
    assert links2["from_cache"] == 3  # the working links and the 403 were not requested again …
    assert a.hits["/moved"] == hits["/moved"] and a.hits["/forbidden"] == hits["/forbidden"]
    assert a.hits["/missing"] > hits["/missing"]  # … the failures were


def test_warm_cache_makes_no_request(project, servers):
    a, _ = servers
    first = citelint("wiki/live.wiki", "--allow-private-hosts", "--format", "json", cwd=project)
    assert first.returncode == 0, first.stderr
    hits = dict(a.hits)
    t0 = time.monotonic()
    second = citelint("wiki/live.wiki", "--allow-private-hosts", "--format", "json", cwd=project)
    assert second.returncode == 0 and a.hits == hits
    links = json.loads(second.stdout)["summary"]["links"]
    assert (links["from_cache"], links["checked"], links["requests"]) == (2, 0, 0)
    assert time.monotonic() - t0 < 5
    expired = citelint("wiki/live.wiki", "--allow-private-hosts", "--max-cache-age", "0s", "--format", "json",
                       cwd=project)
    assert json.loads(expired.stdout)["summary"]["links"]["checked"] == 2


def test_offline_and_no_cache(project, servers):
    a, _ = servers
    hits = dict(a.hits)
    r = citelint("wiki/a.wiki", "--offline", "--format", "json", cwd=project)
    got, doc = findings(r)
    assert got == {("invalid-url", 3, len("Broken.<ref>{{cite web |url=") + 1, "error")} | ARCHIVE_CS1  # offline too
    assert a.hits == hits and "links" not in doc["summary"]
    assert not (project / ".citelint_cache").exists()
    r = citelint("wiki/live.wiki", "--allow-private-hosts", "--no-cache", cwd=project)
    assert r.returncode == 0 and not (project / ".citelint_cache").exists()
    assert a.hits["/live"] == hits.get("/live", 0) + 1


def test_unreachable_becomes_dead_after_runs_apart(project):
    args = ("wiki/a.wiki", "--allow-private-hosts", "--select", "CL502,CL501", "--format", "json",
            "--dead-after-hours", "0")
    first = {(f[0], f[1]) for f in findings(citelint(*args, cwd=project))[0]}
    assert ("unreachable-link", 3) in first and ("dead-link", 3) not in first
    second, doc = findings(citelint(*args, cwd=project))
    assert ("dead-link", 3, len("Broken.<ref>{{cite web |url=www.example.com |title=X}} ") + 1, "error") in second
    msg = next(f["message"] for f in doc["findings"] if f["line"] == 3)
    assert "unreachable in 2 runs" in msg and "connection refused" in msg
    # the default (20 hours apart) does not promote two runs a minute apart
    third = {(f[0], f[1]) for f in findings(citelint(*args[:-2], cwd=project))[0]}
    assert ("unreachable-link", 3) in third


def test_selection_and_private_hosts(project, servers):
    a, _ = servers
    only_dead = findings(citelint("wiki/a.wiki", "--allow-private-hosts", "--select", "dead-link", "--format",
                                  "json", cwd=project))[0]
    assert {f[0] for f in only_dead} == {"dead-link"}
    hits = dict(a.hits)
    none = citelint("wiki/a.wiki", "--allow-private-hosts", "--ignore", "CL5", "--format", "json", cwd=project)
    assert findings(none)[0] == set() and a.hits == hits  # no link rule selected: no request at all
    blocked = citelint("wiki/live.wiki", "--format", "json", cwd=project)  # loopback, not allowed
    assert blocked.returncode == 0 and findings(blocked)[0] == set()
    assert json.loads(blocked.stdout)["summary"]["links"]["blocked"] == 2 and a.hits == hits


def test_verbose_lists_what_could_not_be_verified(project):
    quiet = citelint("wiki/a.wiki", "--allow-private-hosts", "--select", "CL501", cwd=project)
    assert "links: 8 URLs" in quiet.stdout and "--verbose lists" in quiet.stdout
    loud = citelint("wiki/a.wiki", "--allow-private-hosts", "--select", "CL501", "-v", cwd=project)
    assert "could not be verified" in loud.stdout and "/forbidden  403 Forbidden" in loud.stdout
    assert "checking links" not in quiet.stderr + loud.stderr  # no progress bar off a terminal


def test_progress_bar_on_a_terminal(project, servers):
    a, _ = servers
    (project / "wiki" / "slow.wiki").write_text(f"S.<ref>{a.url('/slow')}</ref>\n<references/>\n")
    master, slave = pty.openpty()
    try:
        r = citelint("wiki/slow.wiki", "--allow-private-hosts", "--no-cache", cwd=project, stderr=slave)
        os.close(slave)
        out = b""
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
    assert r.returncode == 0
    assert b"checking links" in out


def test_suppressions_around_links(project, servers):
    """A rule-less suppression that silences only a dead link is used (online), and cannot be judged
    unused offline; one above a working link is unused online."""
    a, _ = servers
    (project / "wiki" / "s.wiki").write_text(
        f"<!-- citelint-disable-next-line -->\nA.<ref>{a.url('/missing')}?s</ref>\n"
        f"<!-- citelint-disable-next-line -->\nB.<ref>{a.url('/ok')}?s</ref>\n<references/>\n")
    online = findings(citelint("wiki/s.wiki", "--allow-private-hosts", "--format", "json", cwd=project))[0]
    assert online == {("unused-suppression", 3, 1, "warning")}
    offline = citelint("wiki/s.wiki", "--offline", "--format", "json", cwd=project)
    assert findings(offline)[0] == set() and offline.returncode == 0


def test_bad_option_is_one_line_and_exit_2(project):
    r = citelint("wiki/a.wiki", "--max-cache-age", "soon", cwd=project)
    assert r.returncode == 2 and "max-cache-age" in r.stderr and "Traceback" not in r.stderr
