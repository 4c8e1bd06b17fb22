"""Leaked diagnostics in plain text (issue 10, item 5): the wiki's error messages copied with a rendered page
are findings named after the rule that catches the same fault in wikitext.

The messages come from the real sources: Cite's en.json (tests/data/corpus/conformance), CS1's
Configuration.lua (tests/data/corpus/cs1, through citelint/data/cs1_messages.toml, which regenerates from
it); tests/oracle/test_cs1_oracle.py checks the recogniser against pages a real MediaWiki renders.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers.diagnostics import cs1_messages, scan
from citelint.rules import BY_NAME
from citelint.rules.leaked_diagnostic import cs1_rules, rule_for
from citelint.settings import Settings
from paths import CORPUS, FIXTURES, REPO, SEED, need

SCRIPT = REPO / "scripts" / "regen_cs1_messages.py"
SHIPPED = REPO / "citelint" / "data" / "cs1_messages.toml"
CONFIG_LUA = CORPUS / "cs1" / "Configuration.lua"
SOURCE = ("en.wikipedia Module:Citation/CS1/Configuration as of 2022-09-17, copied in "
          "acli/wikipedia_mods@61ef2f4786899730d2df297d9af7fc7f2e6ed472 (Module/Citation/CS1/Configuration.lua)")


def findings(text: str, settings: Settings | None = None):
    return check_document(Document(path="page.txt", text=text, kind="plaintext"), settings or Settings())


def test_regen_script_reproduces_the_shipped_messages():
    r = subprocess.run([sys.executable, str(SCRIPT), str(need(CONFIG_LUA)), SOURCE], capture_output=True,
                       text=True, check=True)
    assert r.stdout == SHIPPED.read_text(encoding="utf-8")
    msgs = cs1_messages()
    assert msgs["err_bad_date"] == {"message": "Check date values in: $1", "anchor": "bad_date",
                                    "category": "CS1 errors: dates", "hidden": False}
    assert msgs["err_missing_periodical"]["hidden"] is True
    assert len([k for k in msgs if k.startswith("err_")]) == 76  # every err_… of the table


def test_regen_script_rejects_a_file_without_the_table(tmp_path: Path):
    bad = tmp_path / "notcs1.lua"
    bad.write_text("return {}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCRIPT), str(bad), "x"], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip() == f"regen_cs1_messages: error: {bad}: no 'local error_conditions = {{' table in the module text"


def _as_text(message: str, values=("smith", "g")) -> str:
    """A Cite message of en.json as the page shows it (tags dropped, entities decoded, $N filled in)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", message))
    return re.sub(r"\$(\d)", lambda m: values[int(m.group(1)) - 1], text)


def test_every_cite_message_is_recognised_as_its_key_and_rule():
    """Each of Cite's 23 messages (MediaWiki's wording), leaked as "Cite error: …", is recognised as its own
    key and reported as the rule tests/conformance/cite_error_map.json gives that key."""
    messages = json.loads(need(CORPUS / "conformance" / "cite_error_messages.en.json").read_text(encoding="utf-8"))
    cite_map = json.loads((REPO / "tests" / "conformance" / "cite_error_map.json").read_text(encoding="utf-8"))
    checked = 0
    for key, message in messages.items():
        if key == "cite_error":
            continue
        kind = "warning" if key.startswith("cite_warning") else "error"
        line = f"3. ^ Cite {kind}: {_as_text(message)}"
        leaks = scan(line)
        assert [(lk.source, lk.key, lk.span.start) for lk in leaks] == [("Cite", key, 5)], (key, line)
        want = cite_map.get(key, "undefined-ref" if key == "cite_warning_sectionpreview_no_text" else None)
        assert rule_for(leaks[0], frozenset(BY_NAME)) == want, key
        checked += 1
    assert checked == 22


@pytest.mark.parametrize("line,key,rule", [
    # the English Wikipedia's own wording (its MediaWiki: overrides of Cite's messages)
    ("Cite error: The named reference census was invoked but never defined (see the help page).",
     "cite_error_references_no_text", "undefined-ref"),
    ("Cite error: There are <ref group=lower-alpha> tags or {{efn}} templates on this page, but the references will "
     "not show without a {{reflist|group=lower-alpha}} template or {{notelist}} template (see the help page).",
     "cite_error_group_refs_without_references", "missing-reflist"),
    ("Cite error: There are <ref> tags on this page without content in them (see the help page).",
     "cite_error_ref_no_input", "empty-ref"),
    ("Cite error: The named reference \"smith\" was defined multiple times with different content (see the help page).",
     "cite_error_references_duplicate_key", "conflicting-ref"),
    ("Cite error: A list-defined reference named \"x\" is not used in the content (see the help page).",
     "cite_error_references_missing_key", "unused-ref"),
    ("sfn error: no target: CITEREFSmith2001", "sfn_no_target", "sfn-no-target"),
    ("Harv error: link from CITEREFSmith2001 doesn't point to any citation.", "sfn_no_target", "sfn-no-target"),
    ("sfn error: multiple targets (2×): CITEREFSmith2001", "sfn_multiple_targets", "sfn-multiple-targets"),
    ("Harv warning: There is no link pointing to this citation. The anchor is named CITEREFSmith2001.",
     "uncited_fullcite", "uncited-fullcite"),
])
def test_wikipedia_wordings(line, key, rule):
    leaks = scan(f"12. ^ {line}")
    assert [(lk.key, lk.span.start, lk.span.end) for lk in leaks] == [(key, 6, 6 + len(line))]
    assert rule_for(leaks[0], frozenset(BY_NAME)) == rule


_SAMPLES = {"$1": "|access-date=", "$2": "|url=", "$3": "4"}
_PARAMLINK = {"$1": "author-link"}
_DISPLAY = {"$1": "display-authors", "$2": "many"}


def test_every_cs1_error_message_is_recognised():
    """Each CS1 error message of Configuration.lua, as a citation shows it ("{{cite web}}: … (help)"), is
    recognised as its key (or a key with the very same message: |issue= and |pages= "has extra text"), and
    is reported as the rule data/cs1_rules.toml names when that rule exists, else as leaked-diagnostic."""
    msgs = cs1_messages()
    errors = {k: v for k, v in msgs.items() if k.startswith("err_") and v.get("message")}
    assert set(errors) == set(cs1_rules()), "data/cs1_rules.toml must name a rule for every CS1 error key"
    for key, entry in errors.items():
        samples = {"err_bad_paramlink": _PARAMLINK, "err_disp_name": _DISPLAY}.get(key, _SAMPLES)
        shown = re.sub(r"\$\d", lambda m: samples[m.group()], entry["message"])
        line = f"7. ^ \"Title\". Example. {{{{cite web}}}}: {shown} (help)"
        leaks = scan(line)
        assert len(leaks) == 1, (key, line, leaks)
        leak = leaks[0]
        assert leak.source == "CS1" and leak.template == "cite web"
        assert msgs[leak.key]["message"] == entry["message"], (key, leak.key)
        assert line[leak.span.start:leak.span.end] == f"{shown} (help)", key
        want = cs1_rules()[leak.key]
        assert rule_for(leak, frozenset(BY_NAME)) == (want if want in BY_NAME else "leaked-diagnostic")


def test_several_messages_of_one_citation():
    line = ("1. ^ \"T\". 32 May 2001. {{cite news}}: Check date values in: |date= (help); Unknown parameter "
            "|foo= ignored (help); Missing or empty |title= (help)")
    leaks = scan(line)
    assert [(lk.key, lk.template) for lk in leaks] == [("err_bad_date", "cite news"),
                                                       ("err_parameter_ignored", "cite news"),
                                                       ("err_citation_missing_title", "cite news")]
    assert [line[lk.span.start:lk.span.end] for lk in leaks] == [
        "Check date values in: |date= (help)", "Unknown parameter |foo= ignored (help)",
        "Missing or empty |title= (help)"]


@pytest.mark.parametrize("text", [
    "CS1 says \"Check date values in: |date=\" when a date is wrong; see its help page.",  # no (help) link
    "The tool reports a Cite error when a reference is broken.",
    "Our sfn error handling was rewritten (see the notes).",
    "Click the (help) link for more.",
])
def test_prose_that_talks_about_messages_is_not_a_finding(text):
    assert [f for f in findings(text) if "leaked" in f.message] == []


def test_no_false_positives_on_real_text():
    """The seed page, the sample, the prose corpus, the plain-text fixtures and the 15 real articles (read as
    text) hold no leaked diagnostic."""
    paths = [SEED, FIXTURES / "wikipedia-style-copy.sample.txt", *sorted((CORPUS / "prose").glob("*.txt")),
             *sorted((FIXTURES / "plaintext").glob("*.txt")), *sorted((CORPUS / "wikitext").glob("*.wiki"))]
    assert len(paths) > 25
    for p in paths:
        assert scan(need(p).read_text(encoding="utf-8")) == [], p


def test_findings_are_named_after_the_wikitext_rule_and_selected_as_it():
    text = need(FIXTURES / "rules" / "leaked-diagnostic.txt").read_text(encoding="utf-8")
    got = [(f.rule, f.code, f.line) for f in findings(text) if "leaked" in f.message]
    assert ("undefined-ref", "CL101", 8) in got and ("conflicting-ref", "CL202", 10) in got
    assert ("leaked-diagnostic", "CL550", 13) in got
    # selecting a rule selects its leaked messages; ignoring it drops them (leaked-diagnostic itself unselected)
    only = findings(text, Settings(select=frozenset({"undefined-ref"})))
    assert [(f.rule, f.line) for f in only] == [("undefined-ref", 8)]
    without = findings(text, Settings(select=frozenset(BY_NAME) - {"undefined-ref", "leaked-diagnostic"}))
    assert {f.rule for f in without} == {"invalid-isbn", "conflicting-ref", "sfn-no-target", "missing-reflist"}


def test_cli_reports_leaks_with_the_help_anchor(tmp_path: Path):
    page = tmp_path / "copy.txt"
    page.write_text("Text.[1]\n\nReferences\n1. ^ \"T\". {{cite web}}: Missing or empty |url= (help)\n",
                    encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", str(page)],
                       capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    found = data["findings"] if isinstance(data, dict) else data
    assert len(found) == 1
    f = found[0]
    assert (f["line"], f["column"]) == (4, 25)
    assert "Help:CS1 errors#cite_web_url" in f["message"] and "err_cite_web_url" in f["message"]
    assert f["rule"] == (cs1_rules()["err_cite_web_url"] if cs1_rules()["err_cite_web_url"] in BY_NAME
                         else "leaked-diagnostic")


@pytest.mark.parametrize("unit", [
    "Some words here and there (help) ",  # "(help)" everywhere, no message
    "Check Check Check |x= Check Check (help) ",  # every word could start one
    "Cite error: x ",  # one long line of Cite errors
    "a missing title at position (help); ",
])
def test_hostile_pages_stay_linear(tmp_path: Path, unit: str):
    """A 1 MB single-line page of near-messages is checked within seconds (the recogniser tries a few
    starts per "(help)" and never re-reads a line); bound: 30 s under a 4 GB cap (about 1 s here)."""
    page = tmp_path / "hostile.txt"
    page.write_text(unit * (1_000_000 // len(unit)), encoding="utf-8")
    r = subprocess.run(["prlimit", "--as=4000000000", "timeout", "30", sys.executable, "-m", "citelint", "check",
                        "--offline", "--format", "json", "--output", str(tmp_path / "out.json"), str(page)],
                       capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr[-2000:]


def test_every_cite_and_footnotes_rule_is_registered():
    """The Cite and Footnotes maps name rules that exist (the CS1 map may name rules still to come)."""
    from citelint.rules import BY_NAME
    from citelint.rules.leaked_diagnostic import CITE_RULES, FOOTNOTES_RULES

    names = set(CITE_RULES.values()) | set(FOOTNOTES_RULES.values()) | {"malformed-ref"}
    assert not sorted(n for n in names if n not in BY_NAME)
