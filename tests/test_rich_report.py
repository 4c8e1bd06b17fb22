"""The Rich report laid out for a terminal of 80 and 120 columns (issue 7, section 8).

Golden files at both widths (colour off), then the properties they show, each checked against what the
JSON report says of the same findings: every line fits the width, messages are wrapped at spaces with a
hanging indent, the columns line up, the source line is cut to the width around the span and the ``^``
marks sit under the span in terminal cells (CJK, emoji, combining marks, tabs), colour changes nothing
but the colour, and a page cannot send escape sequences to the terminal.

Regenerate the golden files after an intended change with
``CITELINT_UPDATE_GOLDEN=1 pytest tests/test_rich_report.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter

import pytest
from rich.cells import cell_len

from paths import CORPUS, FIXTURES, REPO, SEED, need

GOLDEN = REPO / "tests" / "golden"
WIDE = FIXTURES / "golden" / "wide.wiki"  # CJK, emoji, combining marks, tabs, control characters
FILES = [FIXTURES / "golden" / "article.wiki", WIDE, SEED, CORPUS / "wikitext" / "wtf__United-Kingdom.wiki"]
DUMPS = [CORPUS / "xml" / "wikiwho__Anarchism_selected_revisions.xml", CORPUS / "xml" / "pywikibot__dummy-reflinks.xml"]
HEADER = re.compile(r"^( +)(\d+):(\d+)( +)(error|warning|info) +(CL\d+) ([a-z0-9-]+) +(.*)$")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def citelint(*args, width: int, color: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS")}
    env["COLUMNS"] = str(width)
    if color:
        env["FORCE_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--all-revisions", *args],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def rel(paths) -> list[str]:
    return [str(need(p).relative_to(REPO)) for p in paths]


@pytest.fixture(scope="module")
def reports() -> dict:
    """The rich report of the corpus at each width, and the JSON report of the same run."""
    args = rel(FILES + DUMPS)
    out = {w: citelint(*args, width=w) for w in (80, 120)}
    for r in out.values():
        assert r.returncode == 1, r.stderr
    js = citelint("--format", "json", *args, width=80)
    out["json"] = json.loads(js.stdout)["findings"]
    return out


def without_elapsed(report: str) -> str:
    return re.sub(r", \d+\.\d\ds$", ", <elapsed>s", report, flags=re.M)


@pytest.mark.parametrize("width", [80, 120])
def test_golden(reports, width):
    actual = without_elapsed(reports[width].stdout)
    path = GOLDEN / f"corpus.rich.{width}"
    if os.environ.get("CITELINT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def findings_in(report: str) -> list[dict]:
    """Each finding of a rich report: its header, message lines and source lines, with the columns
    where its parts start."""
    out: list[dict] = []
    path = None
    for line in report.splitlines():
        m = HEADER.match(line)
        if m:
            indent, ln, col, _, sev, code, rule, first = m.groups()
            out.append({"path": path, "line": int(ln), "column": int(col), "code": code, "rule": rule,
                        "header": line, "severity_at": line.index(sev, len(indent) + len(ln) + len(col)),
                        "message_at": len(line) - len(first) if first else None,
                        "message": [first] if first else [], "continued": [], "source": []})
        elif line and not line.startswith(" "):
            path = line.split("  ")[0]
        elif out and "│" in line:
            out[-1]["source"].append(line)
        elif out and line.strip() and not out[-1]["source"] and not line.lstrip().startswith("revision "):
            out[-1]["message"].append(line.strip())
            out[-1]["continued"].append(len(line) - len(line.lstrip(" ")))
    return out


@pytest.mark.parametrize("width", [80, 120])
def test_every_line_fits_the_width(reports, width):
    lines = reports[width].stdout.splitlines()
    assert len(lines) > 100
    too_long = [line for line in lines if cell_len(line) > width]
    assert not too_long


@pytest.mark.parametrize("width", [80, 120])
def test_messages_wrap_at_spaces_with_a_hanging_indent(reports, width):
    shown = findings_in(reports[width].stdout)
    # the golden corpus report: 35 structural findings, 7 same-source, 2 invalid-isbn, 10 CS1 content findings
    # (4 in United Kingdom; 6 in the Anarchism revisions: |ref=harv, no title, access dates without URL), and 77
    # of the CS1 parameter rules (51 in United Kingdom, 26 in the Anarchism revisions of 2008–2010: |month=,
    # |editors=, missing pipes…)
    assert len(shown) == len(reports["json"]) == 131
    # joined at spaces, the wrapped lines give back every message: no word was broken
    # (a fixable finding's message starts with the [*] mark: see test_fix)
    assert Counter(" ".join(f["message"]).removeprefix("[*] ").removeprefix("[-] ") for f in shown) == \
        Counter(" ".join(f["message"].split()) for f in reports["json"])
    wrapped = [f for f in shown if f["continued"]]
    assert len(wrapped) > 20
    for f in wrapped:  # continuation lines hang: all at one column, under the message or the severity
        assert set(f["continued"]) <= {f["message_at"], f["severity_at"]}, f["header"]
        assert len(set(f["continued"])) == 1
    hang = {f["continued"][0] == f["message_at"] for f in wrapped}
    # at 120 columns there is room beside the rule; at 80 messages hang under the severity
    assert hang == ({True} if width == 120 else {False})


@pytest.mark.parametrize("width", [80, 120])
def test_columns_line_up_within_a_file(reports, width):
    shown = findings_in(reports[width].stdout)
    groups: dict = {}
    for f in shown:
        groups.setdefault(f["path"], []).append(f)
    assert len(groups) == 6
    for path, group in groups.items():
        assert len({f["severity_at"] for f in group}) == 1, path
        assert len({f["message_at"] for f in group}) == 1, path
        # the ":" of every location in one column
        assert len({f["header"].index(":") for f in group}) == 1, path
    seed = groups[str(SEED.relative_to(REPO))]
    assert {f["line"] for f in seed} >= {17, 278} and seed[0]["header"].startswith("   17:126  error")


def displayed(text: str) -> str:
    """Source text as the report shows it: a tab as 4 spaces, a C0 control as its control picture."""
    return "".join("    " if c == "\t" else chr(0x2400 + ord(c)) if ord(c) < 0x20 else c for c in text)


def cells_slice(line: str, start: int, count: int) -> str:
    """The characters of ``line`` that occupy terminal cells ``[start, start + count)``."""
    out, at, inside = [], 0, False
    for ch in line:
        w = cell_len(ch)
        if w:
            inside = start <= at < start + count
        if inside:  # a zero-width character (a combining mark) goes with the one before it
            out.append(ch)
        at += w
    return "".join(out)


@pytest.mark.parametrize("width", [80, 120])
def test_the_marks_sit_under_the_span(reports, width):
    lines = {str(p.relative_to(REPO)): p.read_text(encoding="utf-8").split("\n") for p in FILES}
    checked = wide = 0
    for f in findings_in(reports[width].stdout):
        if f["path"] not in lines:
            continue  # a dump page: its lines are not lines of the file
        j = next(j for j in reports["json"] if (j["path"], j["line"], j["column"], j["code"])
                 == (f["path"], f["line"], f["column"], f["code"]))
        source = lines[f["path"]][f["line"] - 1]
        text, marks = f["source"]
        gutter = text.index("│") + 2
        assert marks[:gutter] == text[:gutter]
        caret_at = cell_len(marks[:len(marks) - len(marks[gutter:].lstrip(" "))])
        carets = marks[gutter:].strip()
        assert set(carets) == {"^"}
        under = cells_slice(text, caret_at, len(carets))
        end = j["end_column"] - 1 if j["end_line"] == j["line"] else len(source)
        span = displayed(source[j["column"] - 1:end])
        if under != span:  # a span wider than the line shown: its start, then the cut
            assert span.startswith(under) and text.endswith(under + "…"), (f["header"], under, span)
        checked += 1
        wide += any(cell_len(c) == 2 for c in source) or "\t" in source
    assert checked >= 20 and wide >= 5


def snippet_lines(report: str) -> dict:
    return {(f["path"], f["line"], f["column"], f["code"]): f["source"][0] for f in findings_in(report)}


def test_the_source_line_is_fitted_to_the_width_and_centred(reports):
    at80, at120 = snippet_lines(reports[80].stdout), snippet_lines(reports[120].stdout)
    uk = "tests/data/corpus/wikitext/wtf__United-Kingdom.wiki"
    cut_both_sides = 0
    for key in at80:
        for width, text in ((80, at80[key]), (120, at120[key])):
            assert cell_len(text) <= width
            body = text[text.index("│") + 2:]
            if body.startswith("…") and body.endswith("…"):  # a long line: it fills the width ...
                cut_both_sides += 1
                assert cell_len(text) >= width - 2, text
        assert cell_len(at120[key]) >= cell_len(at80[key])
    assert cut_both_sides >= 10
    # ... and the span is in its middle: the malformed </ref> at 367:1487 of the UK page
    for report, width in ((reports[80].stdout, 80), (reports[120].stdout, 120)):
        f = next(f for f in findings_in(report) if (f["path"], f["line"]) == (uk, 367))
        text, marks = f["source"]
        gutter = text.index("│") + 2
        left = len(marks) - gutter - len(marks[gutter:].lstrip(" "))
        right = cell_len(text) - gutter - left - len(marks[gutter:].strip())
        assert abs(left - right) <= 2, (left, right)
        assert text[gutter:].startswith("…") and text.endswith("…")


def test_colour_changes_only_the_colour():
    args = rel(FILES + DUMPS)
    plain = citelint(*args, width=80)
    coloured = citelint(*args, width=80, color=True)
    assert "\x1b[" not in plain.stdout
    assert SGR.search(coloured.stdout)
    # the severity, rule and marks are coloured ...
    assert re.search(r"\x1b\[[0-9;]*31m\w*error\x1b\[", coloured.stdout)
    assert re.search(r"\x1b\[[0-9;]*35mCL101 undefined-ref\x1b\[", coloured.stdout)
    assert re.search(r"\x1b\[[0-9;]*m\^+\x1b\[", coloured.stdout)
    # ... and without its colour codes the report is the same, line for line
    assert without_elapsed(SGR.sub("", coloured.stdout)) == without_elapsed(plain.stdout)


def test_a_page_cannot_send_escape_sequences_to_the_terminal():
    assert "\x1b[31m" in need(WIDE).read_text(encoding="utf-8")
    for color in (False, True):
        out = citelint(*rel([WIDE]), width=120, color=color).stdout
        assert "\x07" not in out
        assert SGR.sub("", out).count("\x1b") == 0  # no escape but the report's own colour codes
        assert '<ref name="esc"/>␛[31m red?␛[0m and a bell ␇.' in SGR.sub("", out)


def test_a_long_line_costs_what_a_short_one_does():
    """The report reads a window of a finding's line, not the line: 10,000 findings on one 2 MB line
    take about as long as on short lines (main before: 175 µs per finding plus a copy of the whole line
    with its tabs expanded per finding, 20 s and more here)."""
    from citelint.report import RunResult
    from citelint.report.rich_report import render
    from citelint.runner import run
    from citelint.settings import Settings

    found = run([str(need(FIXTURES / "golden" / "article.wiki"))], Settings(), print).findings
    short = [found[i % len(found)] for i in range(10_000)]
    line = "".join(f'Text of the page <ref name="n{i}"/> ' for i in range(60_000))  # 2.2 MB, one line
    assert len(line) > 2_000_000
    long = [dataclasses.replace(f, column=1 + 36 * i, end_column=17 + 36 * i, source_line=line)
            for i, f in enumerate(short)]

    def timed(findings) -> float:
        t = time.perf_counter()
        render(RunResult(findings=findings, files_checked=1, elapsed=0.0), io.StringIO(), color=True)
        return time.perf_counter() - t

    timed(short[:100])
    t_short, t_long = timed(short), timed(long)
    assert t_long < 3 * t_short + 1.0, (t_short, t_long)
