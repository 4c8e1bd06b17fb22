"""Rules on pages with thousands of one thing: checked within the parse timeout, every finding reported.

Each case ran past the default parse timeout (10 s) before its fix, so the page came back as one
unchecked-page finding and nothing else; the check of a real CLI subprocess now takes a few seconds of CPU
(bound: 6 s; the quadratic versions needed 15-20 s).
(The identifier and short-citation cases are in test_identifiers.py and test_shortcite.py.)
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys


def citelint(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """``citelint check --offline --format json ARGS`` and the CPU seconds of the child (load on a shared
    machine stretches wall time, hardly CPU time), with a parse timeout such stretching cannot reach."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json",
                        "--parse-timeout", "100", *args], capture_output=True, text=True, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def test_thousands_of_duplicates_named_alike_are_each_given_a_name(tmp_path):
    """duplicate-ref names the first copy of each duplicate from its citation (Smith2001, Smith2001-2…) and
    tried every number from 1 for each new one: 10,000 such duplicates took about 15 s (1.5 s of CPU now)."""
    pairs = "".join(f"A.<ref>Smith, J. (2001). Title number {i}.</ref> B.<ref>Smith, J. (2001). Title number {i}."
                    f"</ref>\n" for i in range(10_000))
    page = tmp_path / "page.wiki"
    page.write_text(f'X.<ref name="a">a</ref>\n{pairs}== References ==\n<references/>\n', encoding="utf-8")
    r, cpu = citelint("--select", "duplicate-ref,unchecked-page", str(page))
    assert r.returncode == 1, r.stderr
    assert cpu < 6, cpu
    found = json.loads(r.stdout)["findings"]
    assert [f["rule"] for f in found] == ["duplicate-ref"] * 10_000
    names = [f["fix"]["edits"][0]["content"] for f in found]
    assert names == [' name="Smith2001"'] + [f' name="Smith2001-{n}"' for n in range(2, 10_001)]


def test_a_tag_with_tens_of_thousands_of_repeated_attributes(tmp_path):
    """malformed-ref keeps the last of repeated attributes, as MediaWiki does, and compared each with all
    after it: a <ref> with 80,000 attributes (ten names, repeated) took about 15 s."""
    attrs = " ".join(f"a{i % 10}=1 a{i % 10}=2" for i in range(40_000))
    page = tmp_path / "page.wiki"
    page.write_text(f"A.<ref {attrs}>x</ref>\n<references/>\n", encoding="utf-8")
    r, cpu = citelint("--select", "malformed-ref,unchecked-page", str(page))
    assert r.returncode == 1, r.stderr
    assert cpu < 6, cpu
    (f,) = json.loads(r.stdout)["findings"]
    assert f["rule"] == "malformed-ref" and f["message"].startswith('10 unknown attributes on <ref> ("a0", "a1"')


def test_a_page_with_twenty_thousand_references_headings(tmp_path):
    """missing-reflist's fix looks for an empty "References" section to put the list in; for each such heading
    it searched the page's headings from the first for the next one: 20,000 "==References==" sections (each
    with text in it) took about 9 s of CPU."""
    page = tmp_path / "page.wiki"
    page.write_text("A.<ref>x</ref>\n" + "==References==\nSome text.\n" * 20_000, encoding="utf-8")
    r, cpu = citelint("--select", "missing-reflist,unchecked-page", str(page))
    assert r.returncode == 1, r.stderr
    assert cpu < 6, cpu
    (f,) = json.loads(r.stdout)["findings"]
    assert f["rule"] == "missing-reflist" and f["message"].startswith("1 reference but the page has no reference list")
    (edit,) = f["fix"]["edits"]
    assert edit["content"] == "\n== References ==\n{{reflist}}\n"  # at the end: every References section has text


def test_a_reference_list_on_one_long_line(tmp_path):
    """unused-ref's fix deletes a list-defined ref standing alone on its line, and copied the whole line
    around each unused ref to find out: 10,000 of them in the middle of one 16 MB line took about 10 s of
    CPU (now under 1 s; bound 4 s)."""
    pad = "padding " * 1_000_000
    refs = "".join(f'<ref name="l{i}">x{i}</ref>' for i in range(10_000))
    page = tmp_path / "page.wiki"
    page.write_text(f"A.<ref>x</ref>\n<references>{pad}{refs}{pad}</references>\n"
                    f'<references>\n<ref name="alone">y</ref>\n</references>\n', encoding="utf-8")
    r, cpu = citelint("--select", "unused-ref,unchecked-page", str(page))
    assert r.returncode == 1, r.stderr
    assert cpu < 4, cpu
    found = json.loads(r.stdout)["findings"]
    assert [f["rule"] for f in found] == ["unused-ref"] * 10_001
    assert [f.get("fix") for f in found[:-1]] == [None] * 10_000  # not alone on their line: not deleted
    (edit,) = found[-1]["fix"]["edits"]  # the one alone on its line: deleted with its line
    assert (edit["location"], edit["end_location"], edit["content"]) == ({"row": 4, "column": 1},
                                                                         {"row": 5, "column": 1}, "")


def test_a_bibliography_line_of_thousands_of_isbns(tmp_path):
    """An ISBN magic link outside the refs counts in a list item only, and the start of its line was searched
    for from the start of the page for each: 60,000 ISBNs at the end of an 8 MB list item took about 7 s of
    CPU (now under 1 s; bound 4 s)."""
    isbns = " ".join("ISBN 978-0-306-40615-7" for _ in range(60_000))
    page = tmp_path / "page.wiki"
    page.write_text(f"A.<ref>x</ref>\n== Bibliography ==\n* {'Book. ' * 1_400_000}{isbns} ISBN 978-0-306-40615-6\n"
                    f"== Notes ==\n<references/>\n", encoding="utf-8")
    r, cpu = citelint("--select", "invalid-isbn,unchecked-page", str(page))
    assert r.returncode == 1, r.stderr
    assert cpu < 4, cpu
    (f,) = json.loads(r.stdout)["findings"]  # the last one, with the wrong check digit
    assert (f["rule"], f["line"], f["column"]) == ("invalid-isbn", 3, 3 + 6 * 1_400_000 + 23 * 60_000 + 5)
