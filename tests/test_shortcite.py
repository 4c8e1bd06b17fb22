"""Short citations (CL7xx) through the CLI: messages an editor can search for, exact spans, options."""

from __future__ import annotations

import json
import subprocess
import sys


def check(tmp_path, text: str, *args: str) -> list[dict]:
    p = tmp_path / "page.wiki"
    p.write_text(text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--format", "json", "--select", "CL7", *args,
                        str(p)], capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["findings"]


def cpu_check(tmp_path, text: str) -> tuple[list[dict], float]:
    """``check`` of a large page, with the CPU seconds of the child (load on a shared machine stretches wall
    time, hardly CPU time) and a parse timeout that such stretching cannot reach."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    fs = check(tmp_path, text, "--select", "unchecked-page", "--parse-timeout", "100")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return fs, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


PAGE = """Text.{{sfn|Smith|2021|p=4}} and {{harvnb|Jones|2019}}.

== Sources ==
* {{cite book |last=Smith |first=J. |date=May 2020 |title=A Book}}
* {{cite book |last=Jones |year=2019 |title=One}}
* {{cite book |last=Jones |year=2019 |title=Two}}
"""


def test_no_target_message_and_span(tmp_path):
    fs = check(tmp_path, PAGE)
    nt = [f for f in fs if f["rule"] == "sfn-no-target"]
    assert len(nt) == 1 and nt[0]["code"] == "CL701" and nt[0]["severity"] == "warning"
    f = nt[0]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 6, 1, 28)  # the {{sfn|…}} exactly
    assert "Harv error: link from CITEREFSmith2021 doesn't point to any citation" in f["message"]
    assert "the page has CITEREFSmith2020" in f["message"]


def test_multiple_targets_at_the_later_citation(tmp_path):
    fs = [f for f in check(tmp_path, PAGE) if f["rule"] == "sfn-multiple-targets"]
    assert [(f["line"], f["column"]) for f in fs] == [(6, 3)]
    assert "line 5" in fs[0]["message"] and "year=2019a, year=2019b" in fs[0]["message"]
    assert "multiple targets (2×): CITEREFJones2019" in fs[0]["message"]


def test_whitelist_and_ignore_err(tmp_path):
    page = PAGE.replace("{{sfn|Smith|2021|p=4}}", "{{sfn|Smith|2021|p=4}}{{sfn|Gone|1900|ignore-err=yes}}")
    assert any(f["rule"] == "sfn-no-target" for f in check(tmp_path, page))
    page += "{{sfn whitelist|CITEREFSmith2021|CITEREFJones2019}}\n"
    assert [f["rule"] for f in check(tmp_path, page)] == []


def test_unknown_wrapper_is_unverifiable_not_an_error(tmp_path):
    page = "Text.{{sfn|Brown|1911}}\n\n* {{cite EB1911 |wstitle=Brown, John}}\n"
    fs = check(tmp_path, page)
    assert [(f["rule"], f["severity"]) for f in fs] == [("sfn-unverifiable", "info")]
    assert "{{cite eb1911}}" in fs[0]["message"]


def test_a_page_without_short_citations_has_no_cl7_findings(tmp_path):
    page = "* {{cite book |last=Jones |year=2019 |title=One}}\n* {{cite book |last=Jones |year=2019 |title=Two}}\n"
    assert check(tmp_path, page) == []


def test_many_short_citations_are_checked(tmp_path):
    """5,000 short citations and 500 full ones: the page is checked (not timed out), the one miss found."""
    body = "".join(f"T.{{{{sfn|Name{i % 500}|{1900 + i % 100}}}}}\n" for i in range(5000))
    bib = "".join(f"* {{{{cite book |last=Name{i} |year={1900 + i % 100} |title=T}}}}\n" for i in range(500))
    fs = check(tmp_path, body + "{{sfn|Missing|2000}}\n" + bib)
    assert [f["rule"] for f in fs] == ["sfn-no-target"]


def test_short_citation_names_the_quick_look_finds():
    """A page is analysed only when a template name on it may begin "sfn", "harv" or "shortened" (most pages
    have none, and the analysis is then skipped): every short-citation name must begin so."""
    from citelint.rules.shortcite import SHORT

    assert all(name.startswith(("sfn", "harv", "shortened")) for name in SHORT)


def test_a_name_split_by_a_comment_or_written_in_capitals_is_still_a_short_citation(tmp_path):
    page = ("A.{{SF<!-- x -->N|Smith|2021}} B.{{Shortened_Footnote|Smith|2022}} "
            "C.{{ Template:Harvard_citation |Smith|2023}}\n"
            "* {{cite book |last=Smith |year=2020 |title=A Book}}\n")
    fs = check(tmp_path, page)
    assert [(f["rule"], f["column"]) for f in fs] == [("sfn-no-target", 3), ("sfn-no-target", 34),
                                                     ("sfn-no-target", 70)]


def test_a_page_of_thousands_of_sections_is_checked(tmp_path):
    """Each full citation looked for its section through every heading before it (quadratic): 45,000 sections,
    each with a short and a full citation, took about 20 s, past the parse timeout, and the page came back
    unchecked (no CL7xx finding). Now the two real findings, in about 2 s (30,000: 1.5 s, 60,000: 2.8 s)."""
    sections = "".join(f"== Section {i} ==\nText.{{{{sfn|Name{i}|{1900 + i % 100}}}}}\n"
                       f"* {{{{cite book |last=Name{i} |year={1900 + i % 100} |title=T}}}}\n" for i in range(45_000))
    page = sections + "== Last ==\nText.{{sfn|Nmae|2000}}\n* {{cite book |last=Name |year=2000 |title=T}}\n"
    fs, cpu = cpu_check(tmp_path, page)
    assert [(f["rule"], f["line"]) for f in fs] == [("sfn-no-target", 135_002), ("uncited-fullcite", 135_003)]
    assert cpu < 6, cpu


def test_thousands_of_short_citations_without_a_target_are_all_reported(tmp_path):
    """The hint of each miss ("the page has CITEREF…") compared the target with every anchor of the page
    (a regular expression per anchor): 4,000 short citations with the wrong year took about 20 s, past the
    parse timeout, and the page came back unchecked. Now each is reported with its hint, in about a second."""
    body = "".join(f"T.{{{{sfn|Name{i}|1800}}}}\n" for i in range(4000))
    bib = "".join(f"* {{{{cite book |last=Name{i} |year={1900 + i % 100} |title=T}}}}\n" for i in range(4000))
    fs, cpu = cpu_check(tmp_path, body + bib)
    assert cpu < 6, cpu
    assert [f["rule"] for f in fs] == ["sfn-no-target"] * 4000
    assert all(f"anchor CITEREFName{i}1800 (the page has CITEREFName{i}{1900 + i % 100}: check" in f["message"]
               for i, f in enumerate(fs))


def test_thousands_of_unverifiable_short_citations_are_all_reported(tmp_path):
    """Each unverifiable target's message listed the page's opaque templates again (a set and a sort of all
    of them per target): 20,000 targets beside 20,000 {{cite EB1911}} took about 16 s, past the parse timeout.
    Now every one is reported, in a few seconds."""
    body = "".join(f"T.{{{{sfn|Nm{i}|1800}}}}\n" for i in range(20_000))
    bib = "".join(f"* {{{{cite EB1911 |wstitle=T{i}}}}}\n" for i in range(20_000))
    fs, cpu = cpu_check(tmp_path, body + bib)
    assert cpu < 6, cpu
    assert [f["rule"] for f in fs] == ["sfn-unverifiable"] * 20_000
    assert all("cannot be expanded offline ({{cite eb1911}})" in f["message"] for f in fs)
