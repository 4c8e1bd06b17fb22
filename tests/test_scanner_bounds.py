"""The scanner's ways of reading what it once handed to mwparserfromhell stay linear on hostile pages: a
caption with thousands of refs, a template whose values hold thousands of paired tags, a table of thousands of
rows with comments in their attributes, thousands of {{r|…}}, brackets nested thousands deep. Each page is read
by the scanner itself (no handover) in a subprocess under a memory cap and a generous time bound (they take
1-3 s here; the table took 19 s before tables with comments in attributes were read as page text), and a small
one of each gives the full parser's model and findings."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from test_scanner_diff import assert_same

PAGES = {
    "caption": lambda n: "[[File:a.jpg|" + "{{x}} <small>a</small><ref>a</ref> " * n + "]]\n<references/>",
    "template-tags": lambda n: "{{a|b=" + "<span>x<ref>r</ref></span>|c=" * n + "}}\n<references/>",
    "table": lambda n: "{|\n" + "|- <!-- c -->\n| s=1 <!-- z --> | a<ref>r</ref> || t | u\n" * n + "|}\n<references/>",
    "reuse": lambda n: "x<ref name=a>b</ref>" + "{{r|a}} " * n + "\n<references/>",
    "deep-brackets": lambda n: "x<ref>a</ref> {{b|" + "{{" * n + "}}" * n + "}} [[" + "[[" * n + "]]" * n + "]]\n<references/>",
}

CHILD = """
import sys
from citelint.parsers.scanner import Ambiguous, _Scanner
from citelint.parsers.templates import default_table
text = sys.stdin.read()
try:
    _Scanner(text, default_table()).run()
    print("read")
except Ambiguous:
    print("handed over")
"""


@pytest.mark.parametrize("case", sorted(PAGES))
def test_same_model_on_a_small_page(case):
    assert_same(PAGES[case](40), case)


@pytest.mark.parametrize("case", sorted(set(PAGES) - {"deep-brackets"}))
def test_linear_on_a_hostile_page(case):
    text = PAGES[case](20000)
    t0 = time.perf_counter()
    r = subprocess.run(["prlimit", "--as=3000000000", sys.executable, "-c", CHILD], input=text, text=True,
                       capture_output=True, timeout=120)
    seconds = time.perf_counter() - t0
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "read"
    assert seconds < 15, f"{case}: {seconds:.1f} s"
