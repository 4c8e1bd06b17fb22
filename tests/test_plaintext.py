"""The plain-text rendering parser: markers, reference lists, backlink labels, groups.

The seed page and the sample page are checked through the real command line; the fixtures in
fixtures/plaintext/ list their expected findings (``line:column rule``) in a sidecar ``.expected``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import FIXTURES, REPO, SEED, data_files, need, read_data

from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers.plaintext import marker_label, parse_plaintext
from citelint.settings import Settings

CITELINT = [sys.executable, "-m", "citelint.cli"] if not (REPO / ".venv/bin/citelint").exists() \
    else [str(REPO / ".venv/bin/citelint")]
SAMPLE = FIXTURES / "wikipedia-style-copy.sample.txt"
OWN = REPO / "fixtures" / "plaintext"


def cli_findings(*args: str) -> tuple[int, list[tuple[str, int, int]], str]:
    """Run the real CLI with the text report: (exit status, [(rule, line, column)], stdout)."""
    proc = subprocess.run([*CITELINT, "check", *args, "--format", "text", "--offline"],
                          capture_output=True, text=True, timeout=120)
    got = []
    for line in proc.stdout.splitlines():
        # path:line:col: CODE rule message
        head, _, rest = line.partition(": ")
        parts = head.rsplit(":", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        rule = rest.split()[1]
        got.append((rule, int(parts[1]), int(parts[2])))
    return proc.returncode, got, proc.stdout + proc.stderr


def findings(text: str) -> set[tuple[str, int, int]]:
    return {(f.rule, f.line, f.column) for f in check_document(Document("t.txt", text, "plaintext"), Settings())}


def read(path: Path) -> str:
    return read_data(path)


# -- the seed page and the sample page, through the CLI -----------------------------------------
def test_seed_page_exact_findings():
    status, got, out = cli_findings(str(need(SEED)))
    assert sorted(got) == sorted([
        ("undefined-ref", 17, 126),
        ("undefined-ref", 118, 70),
        ("undefined-ref", 119, 62),
        ("undefined-ref", 127, 310),
        ("duplicate-ref", 278, 3),
    ]), out
    assert status == 1
    assert "[11]" in out and "entry 102 repeats entry 101 (line 277)" in out


def test_sample_page_exact_findings():
    status, got, out = cli_findings(str(need(SAMPLE)))
    assert sorted(got) == sorted([
        ("backlink-mismatch", 19, 3),
        ("duplicate-ref", 22, 3),
        ("unused-ref", 23, 3),
    ]), out
    assert status == 1


def test_seed_page_model():
    text = read(SEED)
    model = parse_plaintext(text)
    assert [(r.group, r.origin) for r in model.reflists] == [("", "list")]
    keys = [d.key for d in model.definitions]
    assert keys == [str(n) for n in range(1, 108) if n not in (11, 76, 77, 95)]
    by_key = {d.key: d for d in model.definitions}
    assert by_key["1"].backlinks == ("1.0", "1.1", "1.2", "1.3", "1.4")
    assert by_key["2"].backlinks == ("2.0", "2.1", "2.2", "2.3", "2.4", "2.5")
    assert by_key["3"].backlinks is None  # the copy shows no label for a single citation
    assert by_key["1"].content == "Human Rights Watch World Report 1993 – The Former Soviet Union."
    # entry 13 goes on over indented lines
    assert by_key["13"].content.startswith("Human Rights Watch/Helsinki. Bloodshed")
    assert by_key["13"].content.endswith("intended as anti-personnel weapons.")
    assert text[by_key["102"].span.start:by_key["102"].span.end].startswith("102. ")
    for d in model.definitions:
        assert d.origin == "entry" and d.list_defined and d.list_start == model.reflists[0].span.start
    # every marker span is exactly the marker, and there are as many as the backlinks say
    uses = model.uses
    assert all(text[u.span.start:u.span.end] == f"[{u.key}]" and u.origin == "marker" for u in uses)
    for d in model.definitions:
        if d.backlinks:
            assert sum(1 for u in uses if u.key == d.key) == len(d.backlinks), d.key


def test_seed_undefined_marker_spans():
    text = read(SEED)
    model = parse_plaintext(text)
    defined = {d.key for d in model.definitions}
    missing = [u for u in model.uses if u.key not in defined]
    assert [text[u.span.start:u.span.end] for u in missing] == ["[11]", "[76]", "[77]", "[95]"]
    # the body's "[i.e., …]", "[stereotype]", "[W]hen" and "(1)" are not markers
    assert all(u.group == "" for u in model.uses)
    assert len(model.uses) == 129


def test_sample_page_model():
    text = read(SAMPLE)
    model = parse_plaintext(text)
    assert [r.group for r in model.reflists] == ["lower-alpha", ""]
    notes = [d for d in model.definitions if d.group == "lower-alpha"]
    assert [(d.key, d.backlinks, d.content) for d in notes] == [
        ("a", ("^",), "Passengers were carried from 1889 only."),
        ("b", ("^",), "Some sources give 1949."),
    ]
    refs = {d.key: d for d in model.definitions if d.group == ""}
    assert refs["1"].backlinks == ("a", "b") and refs["1"].content.startswith("Lowe, P. (1968).")
    assert refs["2"].backlinks == ("^",)
    letters = [u for u in model.uses if u.group == "lower-alpha"]
    assert [text[u.span.start:u.span.end] for u in letters] == ["[a]", "[b]"]


# -- fixtures ---------------------------------------------------------------------------------
def own_fixtures() -> list[Path]:
    return data_files(OWN, "*.txt")


def expected(path: Path) -> set[tuple[str, int, int]]:
    out = set()
    for line in read_data(path.with_suffix(".expected")).splitlines():
        if line.strip() and not line.startswith("#"):
            pos, rule = line.split()
            ln, col = pos.split(":")
            out.add((rule, int(ln), int(col)))
    return out


@pytest.mark.parametrize("path", own_fixtures(), ids=lambda p: p.name)
def test_fixture(path: Path):
    got = {(f.rule, f.line, f.column) for f in check_document(Document(str(path), read(path), "plaintext"),
                                                               Settings())}
    assert got == expected(path)


def test_fixtures_through_cli():
    """The whole folder at once through the CLI (JSON report): the same findings as the engine."""
    proc = subprocess.run([*CITELINT, "check", str(need(OWN)), "--format", "json", "--offline"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    got: dict[str, set] = {}
    for f in json.loads(proc.stdout)["findings"]:
        got.setdefault(Path(f["path"]).name, set()).add((f["rule"], f["line"], f["column"]))
    for path in own_fixtures():
        assert got.get(path.name, set()) == expected(path), path.name


@pytest.mark.parametrize("path", [SEED, SAMPLE, *own_fixtures()], ids=lambda p: p.name)
def test_spans_are_exact(path: Path):
    text = read(path)
    model = parse_plaintext(text)
    for u in model.uses:
        assert text[u.span.start:u.span.end] == marker_label(u.group, u.key)
    for d in model.definitions:
        first_line = text[d.span.start:d.span.end]
        assert "\n" not in first_line and first_line == first_line.strip()
        if d.content:
            assert text[d.content_start:].startswith(d.content)
    for r in model.reflists:
        assert r.span.start == min(d.span.start for d in model.definitions if d.group == r.group)


# -- what is not a marker, and silence without a list ------------------------------------------
def test_bracketed_text_is_not_a_marker():
    text = ("He said the committee [i.e., the parish council] met.[1] It was unanimous.[citation needed]\n"
            "Printed in [1994].[2] Section [edit] and [edit source]. \"[W]hen [sic] we [T]ried\" [ii] [x] [Fig 2]\n"
            "\nReferences\n\n1. ^ Minutes.\n2. ^ Report.\n")
    model = parse_plaintext(text)
    assert [text[u.span.start:u.span.end] for u in model.uses] == ["[1]", "[2]"]
    assert findings(text) == set()


def test_no_reference_list_means_silence():
    body = " ".join(f"Claim number {n}.[{n}]" for n in range(1, 401))
    text = f"A page copied without its references\n\n{body}\n\nSee also\n\n  • Another page\n"
    model = parse_plaintext(text)
    assert model.uses == [] and model.reflists == []
    assert findings(text) == set()


def test_list_without_any_marker_is_not_checked():
    # a copy that lost every marker: "nothing cites entry n" for every entry would be noise
    text = "Body text with no markers.\n\nReferences\n\n1. ^ One.\n2. ^ Two.\n3. ^ Three.\n"
    assert findings(text) == set()


def test_ordinary_numbered_list_is_not_a_reference_list():
    text = ("Steps.[1]\n\n1. Open the gate.\n2. Close the gate.\n3. Go home.\n\nMore text.[2]\n\n"
            "References\n\n1. ^ Manual.\n2. ^ Guide.\n")
    model = parse_plaintext(text)
    assert [d.content for d in model.definitions] == ["Manual.", "Guide."]
    assert findings(text) == set()


# -- backlink labels --------------------------------------------------------------------------
@pytest.mark.parametrize("line, labels, content", [
    ("1. ↑ 1.0 1.1 Smith.", ("1.0", "1.1"), "Smith."),
    ("1. 1.0 1.1 1.2 Smith.", ("1.0", "1.1", "1.2"), "Smith."),
    ("1. ↑ Smith.", ("↑",), "Smith."),
    ("1. ^ Smith.", ("^",), "Smith."),
    ("1. ^ a b c Smith.", ("a", "b", "c"), "Smith."),
    ("1. ^ Jump up to: a b Smith.", ("a", "b"), "Smith."),
    ("1. ↑ Jump up to: 1.0 1.1 Smith.", ("1.0", "1.1"), "Smith."),
    ("1. Jump up ^ Smith.", ("^",), "Smith."),
    ("1. ^ a study of mills.", ("^",), "a study of mills."),  # one "a" is the text, not a label
    ("1. ^ a b. Smith.", ("^",), "a b. Smith."),
    ("1. Smith.", None, "Smith."),
    ("1) ^ Smith.", ("^",), "Smith."),
    ("1 ^ Smith.", ("^",), "Smith."),
    ("1. 2.0 2.1 Smith.", None, "2.0 2.1 Smith."),  # labels name their own entry
    ("1. 1.0 Smith.", None, "1.0 Smith."),  # a lone N.0 is not shown by MediaWiki
    ("1. " + " ".join(f"1.{k:02d}" for k in range(12)) + " Smith.", tuple(f"1.{k:02d}" for k in range(12)),
     "Smith."),
])
def test_backlink_labels(line, labels, content):
    text = f"Text.[1]\n\nReferences\n\n{line}\n"
    (d,) = parse_plaintext(text).definitions
    assert (d.key, d.backlinks, d.content) == ("1", labels, content)


def test_alphabetic_labels_go_past_z():
    labels = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["aa", "ab"]
    text = "Text" + "[1]" * 28 + "\n\nReferences\n\n1. ^ " + " ".join(labels) + " Smith.\n"
    (d,) = parse_plaintext(text).definitions
    assert d.backlinks == tuple(labels) and d.content == "Smith."
    assert findings(text) == set()


def test_unnumbered_list_counts_through_and_resyncs_on_dotted_labels():
    text = ("A.[1][1] B.[2] D.[4][4]\n\nReferences\n\n"
            "↑ 1.0 1.1 First.\n↑ Second.\n↑ 4.0 4.1 Fourth.\n")
    model = parse_plaintext(text)
    assert [(d.key, d.content) for d in model.definitions] == [("1", "First."), ("2", "Second."), ("4", "Fourth.")]
    assert findings(text) == set()


def test_several_lists_each_numbered_from_one():
    text = ("Text.[1][note 1] More.[2][note 2] End.[1]\n\nNotes\n\n1. ^ Note one.\n2. ^ Note two.\n\n"
            "References\n\n1. ^ a b Ref one.\n2. ^ Ref two.\n")
    model = parse_plaintext(text)
    assert [(r.group) for r in model.reflists] == ["note", ""]
    assert [(d.group, d.key) for d in model.definitions] == [("note", "1"), ("note", "2"), ("", "1"), ("", "2")]
    assert findings(text) == set()


def test_upper_alpha_notes():
    text = ("Text.[A][1] More.[B]\n\nNotes\n\nA. ^ First note.\nB. ^ Second note.\nC. ^ Third.\n\n"
            "References\n\n1. ^ R.\n")
    model = parse_plaintext(text)
    assert [r.group for r in model.reflists] == ["upper-alpha", ""]
    assert findings(text) == {("unused-ref", 7, 1)}  # note C is never cited


def test_entry_continuation_stops_at_next_section():
    text = ("Text.[1][2]\n\nReferences\n\n  1. ^ First line\n     goes on here.\n  2. ^ Second.\n\n"
            "External links\n\n    • Official site\n")
    model = parse_plaintext(text)
    assert [d.content for d in model.definitions] == ["First line\n     goes on here.", "Second."]
    text2 = text.replace("External links\n\n", "")
    assert [d.content for d in parse_plaintext(text2).definitions][-1] == "Second."


def test_crlf_free_and_empty_inputs():
    assert parse_plaintext("").uses == []
    assert parse_plaintext("[1]").uses == []
    assert parse_plaintext("\n\n1.\n").definitions == []


# -- scale ------------------------------------------------------------------------------------
def synthetic_page(size: int) -> tuple[str, int]:
    para = ("The line was opened in 1887 [i.e., the first section] and carried salt.{m} Passenger traffic "
            "peaked in 1913,{m2} when eleven trains ran daily.[a]\n\n")
    parts, total, n, refs = ["Big page\n\n"], 0, 0, 2000
    while total < size:
        p = para.format(m=f"[{n % refs + 1}]", m2=f"[{(n * 7) % refs + 1}]")
        parts.append(p)
        total += len(p)
        n += 1
    parts.append("Notes\n\n  a. ^ A note.\n\nReferences\n\n")
    for i in range(1, refs + 1):
        parts.append(f"  {i}. ^ Author, A. ({1800 + i % 200}). Title number {i}. Publisher. p. {i}.\n")
    return "".join(parts), n


def test_five_megabyte_page_parses():
    text, paragraphs = synthetic_page(5_000_000)
    assert len(text) >= 5_000_000
    model = parse_plaintext(text)
    assert len(model.definitions) == 2001
    assert len(model.uses) == 3 * paragraphs


@pytest.mark.parametrize("text", [
    "[" * 1_000_000,
    "[1" * 500_000,
    "Notes" + " " * 200_000 + "x\n\n1. ^ A.\n",
    "1. ^ " + "a " * 200_000 + "\n",
    "1. " + "1.0 " * 200_000 + "\n",
    "".join(f"{i % 20 + 1}. ^ x\n" for i in range(50_000)),
    "[a]" * 200_000 + "\n\na. ^ n\n",
    " " * 500_000 + "1. ^ a\n",
], ids=["brackets", "open-markers", "heading-spaces", "alpha-labels", "dotted-labels", "restarting-lists",
        "letter-markers", "indent"])
def test_pathological_inputs_finish(text):
    parse_plaintext(text)  # linear scanner: each of these takes well under a second
