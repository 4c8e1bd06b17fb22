"""The link rules' judgement: a citation's URLs and their outcomes in, a finding (or none) out."""

from __future__ import annotations

import time

import pytest

from citelint.links.config import LinkSettings
from citelint.links.outcome import Outcome, Verdict
from citelint.links.sites import collect
from citelint.model import Document, Severity
from citelint.rules import BY_NAME
from citelint.rules.link_rule import LinkContext
from citelint.settings import Settings

NOW = time.time()
CTX = LinkContext(LinkSettings())
DEAD = Outcome("u", Verdict.DEAD, "404 Not Found", status=404, checked_at=NOW)
OK = Outcome("u", Verdict.OK, "200 OK", status=200, checked_at=NOW)
WALL = Outcome("u", Verdict.NOT_VERIFIED, "429 Too Many Requests: the site is rate-limiting", status=429)
DOWN = Outcome("u", Verdict.UNREACHABLE, "connection refused", checked_at=NOW)


def sites(ref: str):
    doc = Document("p.wiki", f"X.<ref>{ref}</ref>\n<references/>\n", "wikitext")
    return collect(doc, Settings(), tuple(BY_NAME)).sites


def judge(rule: str, site, outcome, partner=None, ctx=CTX):
    j = BY_NAME[rule].judge(site, outcome, partner, ctx)
    return None if j is None else (j.severity or BY_NAME[rule].severity, j.message)


CITE = "{{cite web |url=https://e.org/a |archive-url=https://web.archive.org/web/2019/https://e.org/a %s}}"


def test_dead_url_with_working_archive_is_info():
    url, arch = sites(CITE % "")
    sev, msg = judge("dead-link", url, DEAD, OK)
    assert sev is Severity.INFO and "|archive-url= works" in msg
    sev, msg = judge("dead-link", url, DEAD, WALL)  # the archive could not be verified
    assert sev is Severity.WARNING and "check the archived copy by hand" in msg
    sev, msg = judge("dead-link", url, DEAD, DEAD)  # both dead
    assert sev is Severity.ERROR
    sev, msg = judge("dead-link", arch, DEAD)
    assert sev is Severity.ERROR and msg.startswith("|archive-url= is dead") and "another snapshot" in msg


def test_dead_without_archive_and_tagged():
    (url,) = sites("{{cite web |url=https://e.org/b}}")
    sev, msg = judge("dead-link", url, DEAD)
    assert sev is Severity.ERROR and "|url= is dead (404 Not Found)" in msg and "archive" in msg
    (tagged,) = sites("https://e.org/c {{dead link|date=May 2026}}")
    sev, msg = judge("dead-link", tagged, DEAD)
    assert sev is Severity.INFO and "already tagged" in msg
    assert judge("dead-link", url, OK) is None and judge("dead-link", url, WALL) is None


def test_unreachable_history():
    (url,) = sites("[https://e.org/d D]")
    first = DOWN.with_history(1, NOW)
    sev, msg = judge("unreachable-link", url, first)
    assert sev is Severity.WARNING and "first failure" in msg and "2 failed runs at least 20 h apart" in msg
    assert judge("dead-link", url, first) is None
    close = DOWN.with_history(3, NOW - 3600)  # three runs, but within an hour
    assert judge("dead-link", url, close) is None and "failed in 3 runs" in judge("unreachable-link", url, close)[1]
    apart = DOWN.with_history(2, NOW - 21 * 3600)
    sev, msg = judge("dead-link", url, apart)
    assert sev is Severity.ERROR and "unreachable in 2 runs since" in msg
    assert judge("unreachable-link", url, apart) is None  # reported once, as dead
    no_cache = LinkContext(LinkSettings(), history=False)
    assert judge("dead-link", url, apart, ctx=no_cache) is None
    assert "without the cache" in judge("unreachable-link", url, apart, ctx=no_cache)[1]


@pytest.mark.parametrize("status, outcome, expected", [
    ("|url-status=live", DEAD, "set |url-status=dead"),
    ("|url-status=dead", OK, "set |url-status=live"),
    ("|deadurl=no", DEAD, "|deadurl=no but |url= is dead"),
    ("|deadurl=yes", OK, "|deadurl=yes but |url= works"),
    ("|url-status=dead", DEAD, None),
    ("|url-status=live", OK, None),
    ("|url-status=usurped", OK, None),
    ("|url-status=unfit", DEAD, None),
    ("|url-status=live", WALL, None),  # not verified: no claim either way
    ("", DEAD, None),
])
def test_url_status_mismatch(status, outcome, expected):
    url, _arch = sites(CITE % status)
    got = judge("url-status-mismatch", url, outcome, OK)
    assert (got is None) if expected is None else (got[0] is Severity.WARNING and expected in got[1])


def test_url_status_without_archive_is_ignored():
    (url,) = sites("{{cite web |url=https://e.org/f |url-status=live}}")
    assert judge("url-status-mismatch", url, DEAD) is None  # CS1 ignores url-status without archive-url
