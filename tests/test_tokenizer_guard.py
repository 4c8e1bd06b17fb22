"""The parse timeout holds inside mwparserfromhell's C tokenizer (``citelint.parsers.guard``).

Some broken markup makes one call into the C tokenizer super-linear: 200,000 characters of ``<a b=`` (an
attribute opened and never closed, by the thousand) take it hours, and the interval timer behind
``--parse-timeout`` could not stop that call. Before the guard, ``citelint check`` on such a page ran on
past any timeout (killed here after 60 s); with it, the page gets its unchecked-page finding at the limit and
the run goes on. Each case is a real CLI subprocess (tests/test_bounded.py's ``citelint``) or a real thread.
"""

from __future__ import annotations

import os
import sys
import time

import pytest

from citelint.deadline import PageTimeout, deadline, remaining
from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers import guard
from citelint.settings import Settings
from test_bounded import citelint

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not sys.platform.startswith("linux"),
                                reason="the guard forks; the runs measure Linux children")

CITED = "Intro.<ref>{{cite web |url=http://a.org/ |title=T}}</ref>\n"
# shapes the C tokenizer is slowest on (20,000 characters of each took it 12-22 s), 200,000 characters each
HOSTILE = {"attribute": "<a b=", "quoted-attribute": '<a b="', "span-attributes": "<span a='x' "}


def _page(tmp_path, name, unit, n=200_000):
    p = tmp_path / f"{name}.wiki"
    p.write_text(CITED + unit * (n // len(unit)) + "\n<references/>\n")
    return p


@pytest.mark.parametrize("shape", sorted(HOSTILE))
@pytest.mark.parametrize("parser", ["scan", "full"])
def test_a_page_that_hangs_the_c_tokenizer_comes_back_unchecked_at_the_timeout(tmp_path, shape, parser):
    page = _page(tmp_path, shape, HOSTILE[shape])
    r = citelint("--parser", parser, "--parse-timeout", "1.5", str(page), timeout=60)
    assert not r.killed, f"still running after 60 s (parse-timeout 1.5 s): {r.stderr[-300:]}"
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "unchecked-page" in r.stdout and "parse-timeout of 1.5 s" in r.stdout
    assert r.seconds < 15, f"{r.seconds:.1f} s for a 1.5 s timeout"


def test_the_run_goes_on_with_the_other_files_in_worker_processes(tmp_path, good):
    """Two hostile pages and a good one, ``--jobs 2``: the hostile ones unchecked, the good one's finding kept."""
    a = _page(tmp_path, "a", HOSTILE["attribute"])
    b = _page(tmp_path, "b", HOSTILE["quoted-attribute"])
    r = citelint("--jobs", "2", "--parse-timeout", "1.5", str(a), str(b), str(good), timeout=60)
    assert not r.killed and r.returncode == 1, r.stderr[-300:]
    assert r.stdout.count("CL902 unchecked-page") == 2
    assert "undefined-ref" in r.stdout  # good.wiki's one true finding


def test_a_dump_page_that_hangs_the_c_tokenizer(tmp_path):
    from test_bounded import _dump

    dump = tmp_path / "dump.xml.gz"
    _dump(dump, [("Hostile", CITED + "<a b=" * 40_000), ("Fine", 'Text.<ref name="x" />\n{{reflist}}\n')])
    r = citelint("--parse-timeout", "1.5", str(dump), timeout=60)
    assert not r.killed and r.returncode == 1, r.stderr[-300:]
    assert "unchecked-page" in r.stdout and "undefined-ref" in r.stdout


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.wiki"
    p.write_text('Text.<ref name="x" />\n\n{{reflist}}\n')  # one true finding: undefined-ref
    return p


_IN_A_THREAD = """
import threading, time
from citelint.engine import check_document
from citelint.model import Document
from citelint.settings import Settings
text = "Intro.<ref>{{cite web |url=http://a.org/ |title=T}}</ref>\\n" + "<a b=" * 40_000
out = {}
def run():
    t0 = time.perf_counter()
    out["rules"] = [f.rule for f in check_document(Document("t.wiki", text, "wikitext"), Settings(parse_timeout=1.0))]
    out["seconds"] = time.perf_counter() - t0
t = threading.Thread(target=run)
t.start()
t.join()
print(out["rules"], round(out["seconds"], 1))
"""


def test_the_timeout_holds_in_a_thread_other_than_the_main_one():
    """A Dask worker checks pages in threads, where no interval timer can be set: the guard alone holds the
    limit there (before it, such a page ran to its end whatever the timeout, holding the interpreter's lock
    all along). In a child process, so that a regression fails the test instead of hanging the suite."""
    import subprocess

    try:
        r = subprocess.run([sys.executable, "-c", _IN_A_THREAD], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("still running after 60 s (parse-timeout 1 s)")
    assert r.returncode == 0, r.stderr[-500:]
    rules, seconds = r.stdout.rsplit(" ", 1)
    assert rules == "['unchecked-page']" and float(seconds) < 10


def test_an_ordinary_long_text_passes_the_guard_and_leaves_no_child():
    from paths import CORPUS

    text = sorted((CORPUS / "wikitext").glob("*.wiki"))[0].read_text(encoding="utf-8")
    assert len(text) > guard.GUARD_MIN
    before = _children()
    with deadline(30):
        assert remaining() is not None and remaining() > 0
        guard.tokenizable(text)
        guard.tokenizable(text)
    assert remaining() is None
    assert _children() <= before  # every probe reaped (a zombie would still be listed): no child left


def _children() -> set:
    """The pids of this process's children, living or zombie (Linux: /proc/self/task/*/children)."""
    from pathlib import Path

    return {int(pid) for f in Path("/proc/self/task").glob("*/children") for pid in f.read_text().split()}


def test_the_guard_raises_when_the_time_is_already_up_and_does_nothing_without_a_deadline():
    with pytest.raises(PageTimeout):
        with deadline(0.05):
            time.sleep(0.1) if not hasattr(os, "setitimer") else None
            guard.tokenizable("<a b=" * 1000) if remaining() > 0 else guard.tokenizable("x" * guard.GUARD_MIN)
            guard.tokenizable("<a b=" * 40_000)  # (hours of tokenizing without the guard)
    t0 = time.perf_counter()
    guard.tokenizable("<a b=" * 40_000)  # no deadline: returns at once (the tokenizer is then not guarded)
    assert time.perf_counter() - t0 < 0.5


def test_findings_are_the_same_with_the_guard_on_a_page_the_scanner_hands_over():
    """A real article read whole by mwparserfromhell (``--parser full``) goes through the guard: the same
    findings under a deadline as with no deadline (which skips the guard)."""
    from paths import CORPUS

    path = sorted((CORPUS / "wikitext").glob("*.wiki"))[1]
    doc = Document(str(path), path.read_text(encoding="utf-8"), "wikitext")
    with_guard = check_document(doc, Settings(parser="full", parse_timeout=60))
    without = check_document(doc, Settings(parser="full", parse_timeout=None))
    assert [f.fingerprint for f in with_guard] == [f.fingerprint for f in without] and with_guard
