"""citelint's CS1 rules against the English Wikipedia's Module:Citation/CS1 run by a real MediaWiki (issue 10).

Needs php, MediaWiki with Scribunto and Lua 5.1 (``.ci/install-mediawiki`` installs them); elsewhere every
test here skips with one reason. Generated citations: 300 for seed 1 (6 pages of 50;
``CITELINT_CS1_ORACLE_CITATIONS=5000`` runs more, ``CITELINT_CS1_ORACLE_SEEDS=2,3`` other seeds;
``python tests/oracle/cs1_oracle.py --citations 5000`` prints the agreement table).
"""

from __future__ import annotations

import html
import os
import re

import pytest

from citelint.parsers.diagnostics import scan
from oracle import cs1_oracle as co
from oracle.mediawiki import Wiki, scribunto_unavailable

REASON = scribunto_unavailable()
if REASON is not None:
    pytest.skip(f"MediaWiki CS1 oracle: {REASON}", allow_module_level=True)
CITATIONS = int(os.environ.get("CITELINT_CS1_ORACLE_CITATIONS", "300"))
SEEDS = [int(s) for s in os.environ.get("CITELINT_CS1_ORACLE_SEEDS", "1").split(",") if s.strip()]


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    w = Wiki(tmp_path_factory.mktemp("mediawiki-cs1"))
    co.prepare(w)
    yield w
    w.close()


def test_the_module_runs_and_its_categories_are_read_per_citation(wiki):
    """The pinned module renders; each citation's error categories are its own (a clean citation has
    none), and the rendered page's categories are their union (co.judge checks that on every page)."""
    verdicts = co.judge(wiki, [
        "{{cite web |url=https://example.org/ |title=T |date=32 May 2001 |foo=bar}}",
        "{{cite book |title=T |isbn=978-0-306-40615-8}}",
        "{{cite web |url=https://example.org/ |title=T |date=12 May 2001 |access-date=2020-01-01}}",
        "{{cite journal |title=T |doi=10.1000/182}}",
    ])
    assert [v.cs1 for v in verdicts] == [
        {"CS1 errors: dates", "CS1 errors: unsupported parameter"}, {"CS1 errors: ISBN"}, set(),
        {"CS1 errors: missing periodical"}]
    assert verdicts[0].keys == {"err_bad_date", "err_parameter_ignored"}
    assert verdicts[3].keys == {"err_missing_periodical"}  # a hidden message: still read
    assert verdicts[1].citelint == {"CS1 errors: ISBN"} and verdicts[2].citelint == set()


def test_intended_differences_are_real(wiki):
    """Each intended difference's example disagrees with CS1, and that entry explains it (an entry whose
    rules this citelint does not have is not in force)."""
    entries = co.load_intended()
    assert len({e.id for e in entries}) == len(entries)
    compared = co.compared_categories()
    for e, v in zip(entries, co.judge(wiki, [e.example for e in entries])):
        if not e.in_force:
            continue
        assert v.diff(compared) != ((), ()), f"{e.id}: its example agrees with CS1"
        ok, used = co.explained(v, entries, compared)
        assert ok and e.id in used, f"{e.id}: example {e.example!r} differs by {v.diff(compared)}, used {used}"


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_citations_agree_or_differ_as_intended(wiki, seed):
    result = co.run(wiki, seed, CITATIONS)
    print(f"\nCS1 oracle, seed {seed}: {result.summary()}")
    assert result.citations == CITATIONS
    if result.unexplained:
        lines = [f"{len(cits)} citations: CS1 only {list(diff[0])}, citelint only {list(diff[1])}; e.g. {cits[0]}"
                 for diff, cits in sorted(result.unexplained.items(), key=lambda kv: -len(kv[1]))[:10]]
        pytest.fail("disagreements no intended difference explains:\n" + "\n".join(lines))
    assert sum(result.both.values()) > CITATIONS // 20, "the grammar should provoke the compared categories"


_NOTE = re.compile(r'<li id="cite&#95;note-\d+"')


def test_leaked_diagnostic_reads_the_messages_cs1_renders(wiki):
    """Rule leaked-diagnostic's recogniser, on the text of pages the real module rendered (tags dropped, as
    a copy from a browser reads): for each reference, exactly the CS1 errors whose messages it shows."""
    citations = co.generate(7, 100)
    text = "\n".join(f"Claim.<ref>{c}</ref>" for c in citations) + "\n<references />\n"
    page_html, _ = wiki.parse(text)
    starts = [m.start() for m in _NOTE.finditer(page_html)] + [len(page_html)]
    assert len(starts) == len(citations) + 1
    seen = set()
    for (a, b), keys in zip(zip(starts, starts[1:]), co.cs1_keys_by_note(page_html)):
        chunk = re.sub(r"<(?:li|/li|br)\b[^>]*>", "\n", page_html[a:b])
        as_text = html.unescape(re.sub(r"<[^>]+>", "", chunk))
        shown = {k for k in keys if k.startswith("err_")}
        read = {leak.key for leak in scan(as_text) if leak.source == "CS1"}
        assert read == shown, as_text
        seen |= shown
    assert len(seen) >= 15, sorted(seen)
