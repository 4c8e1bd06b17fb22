"""Inline suppressions (<!-- citelint-… --> comments) and the unused-suppression rule.

Most cases check one page with the real parser and engine; the CLI cases run the real command on
real files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import cli
from citelint.engine import check_document
from citelint.model import Document
from citelint.selection import resolve
from citelint.settings import Settings
from paths import CORPUS, read_data


def check(text: str, select=None, ignore=(), **kw):
    settings = Settings(select=resolve(select, ignore), **kw)
    return check_document(Document(path="t.wiki", text=text, kind="wikitext"), settings)


def found(text: str, **kw) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in check(text, **kw)}


UNDEF = '<ref name="gone" />'


# -- each form ------------------------------------------------------------------------------------

def test_without_suppression_the_finding_is_there():
    assert found(f"Text.{UNDEF}\n<references />\n") == {(1, "undefined-ref")}


def test_disable_next_line_alone_on_its_line():
    text = f"<!-- citelint-disable-next-line undefined-ref -->\nText.{UNDEF}\n<references />\n"
    assert found(text) == set()


def test_disable_next_line_skips_blank_lines_and_comment_lines():
    text = (f"<!-- citelint-disable-next-line undefined-ref -->\n\n<!-- an editor's note -->\n"
            f"Text.{UNDEF}\n<references />\n")
    assert found(text) == set()


def test_stacked_next_line_directives_cover_the_same_line():
    text = ("<!-- citelint-disable-next-line undefined-ref -->\n<!-- citelint-disable-next-line duplicate-ref -->\n"
            f"A.{UNDEF} B.<ref>Same.</ref> C.<ref>Same.</ref>\n<references />\n")
    assert found(text) == set()


def test_disable_next_line_covers_only_one_line():
    text = f"<!-- citelint-disable-next-line undefined-ref -->\nText.{UNDEF}\nMore.<ref name=\"lost\" />\n<references />\n"
    assert found(text) == {(3, "undefined-ref")}


def test_disable_next_line_at_the_end_of_a_line_covers_the_next_line_not_its_own():
    text = (f'First.<ref name="a" /> <!-- citelint-disable-next-line undefined-ref -->\n'
            f"Second.{UNDEF}\n<references />\n")
    assert found(text) == {(1, "undefined-ref")}


def test_disable_next_line_with_text_after_it_covers_the_rest_of_its_line():
    text = (f'Before.<ref name="a" /> <!-- citelint-disable-next-line undefined-ref --> After.{UNDEF}\n'
            f'Next.<ref name="b" />\n<references />\n')
    fs = check(text)
    assert {(f.line, f.column) for f in fs} == {(1, 8), (2, 6)}  # "a" before the comment, "b" on the next line


def test_disable_line():
    text = f"Text.{UNDEF} <!-- citelint-disable-line undefined-ref -->\nMore.<ref name=\"b\" />\n<references />\n"
    assert found(text) == {(2, "undefined-ref")}


def test_disable_enable_range():
    text = ("<!-- citelint-disable undefined-ref -->\n"
            f'A.<ref name="a" />\nB.<ref name="b" />\n'
            "<!-- citelint-enable undefined-ref -->\n"
            'C.<ref name="c" />\n<references />\n')
    assert found(text) == {(5, "undefined-ref")}


def test_disable_without_enable_runs_to_the_end():
    text = f'A.<ref name="a" />\n<!-- citelint-disable undefined-ref -->\nB.<ref name="b" />\n<references />\n'
    assert found(text) == {(1, "undefined-ref")}


def test_disable_all_then_enable_one_rule():
    text = ("<!-- citelint-disable -->\n"
            'A.<ref name="a" /> B.<ref>Same.</ref> C.<ref>Same.</ref>\n'
            "<!-- citelint-enable undefined-ref -->\n"
            'D.<ref name="d" /> E.<ref>Same.</ref>\n<references />\n')
    assert found(text) == {(4, "undefined-ref")}  # duplicate-ref stays disabled after the enable


def test_enable_without_rules_closes_everything():
    text = ("<!-- citelint-disable undefined-ref duplicate-ref -->\n"
            'A.<ref name="a" /> B.<ref>Same.</ref> C.<ref>Same.</ref>\n'
            "<!-- citelint-enable -->\n"
            'D.<ref name="d" /> E.<ref>Same.</ref>\n<references />\n')
    assert found(text) == {(4, "undefined-ref"), (4, "duplicate-ref")}


def test_disable_file_anywhere_on_the_page():
    text = f'A.<ref name="a" />\nB.<ref name="b" />\n<references />\n<!-- citelint-disable-file undefined-ref -->\n'
    assert found(text) == set()


@pytest.mark.parametrize("rules", ["undefined-ref", "CL101", "cl101", "CL1", "undefined-ref, duplicate-ref",
                                   "undefined-ref duplicate-ref", "CL101,CL201", "",
                                   "undefined-ref -- defined in a transcluded template"])
def test_rule_spellings(rules):
    text = (f"<!-- citelint-disable-next-line {rules} -->\nA.{UNDEF} B.<ref>Same.</ref> C.<ref>Same.</ref>\n"
            "<references />\n")
    got = found(text)
    if rules in ("undefined-ref", "CL101", "cl101", "CL1") or rules.startswith("undefined-ref --"):
        assert got == {(2, "duplicate-ref")}
    else:
        assert got == set()


def test_directive_keyword_is_case_insensitive_and_spacing_is_free():
    text = f"<!--CITELINT-DISABLE-NEXT-LINE   undefined-ref-->\nText.{UNDEF}\n<references />\n"
    assert found(text) == set()


@pytest.mark.parametrize("tag", ["nowiki", "pre", "syntaxhighlight"])
def test_comments_inside_nowiki_and_pre_are_not_suppressions(tag):
    text = f"<{tag}><!-- citelint-disable-file --></{tag}>\nText.{UNDEF}\n<references />\n"
    assert found(text) == {(2, "undefined-ref")}


def test_a_comment_inside_a_refs_text_is_a_suppression():
    text = ('A.<ref>Same.</ref> B.<ref>Same.<!-- citelint-disable-line duplicate-ref --></ref>\n'
            "<references />\n")
    assert found(text) == set()


def test_ignore_suppressions_setting_reports_everything():
    text = f"<!-- citelint-disable-next-line undefined-ref -->\nText.{UNDEF}\n<references />\n"
    assert found(text, inline_suppressions=False) == {(2, "undefined-ref")}


# -- unused-suppression -----------------------------------------------------------------------------

def test_stale_suppression_is_reported_where_the_comment_is():
    text = "Intro.\n<!-- citelint-disable-next-line undefined-ref -->\nText.<ref name=\"a\">A.</ref>\n<references />\n"
    (f,) = check(text)
    assert (f.rule, f.code, f.severity.label, f.line, f.column, f.end_line, f.end_column) == \
        ("unused-suppression", "CL901", "warning", 2, 1, 2, 50)
    assert f.message == ("unused suppression: no undefined-ref finding on the next line of text for "
                         "citelint-disable-next-line to silence: remove the comment")


def test_partly_used_suppression_names_the_rule_not_needed():
    text = f"<!-- citelint-disable-next-line undefined-ref, duplicate-ref -->\nText.{UNDEF}\n<references />\n"
    (f,) = check(text)
    assert f.rule == "unused-suppression" and f.line == 1
    assert "no duplicate-ref finding" in f.message and "remove duplicate-ref from it" in f.message


@pytest.mark.parametrize("comment,words", [
    ("<!-- citelint-disable-line -->", "citelint-disable-line silences nothing"),
    ("<!-- citelint-disable-file undefined-ref -->", "no undefined-ref finding in this page"),
    ("<!-- citelint-disable duplicate-ref -->", "no duplicate-ref finding before the matching citelint-enable"),
    ("<!-- citelint-enable -->", "citelint-enable closes no citelint-disable before it"),
    ("<!-- citelint-enable undefined-ref -->", "undefined-ref was not disabled before it"),
    ("<!-- citelint-disabel undefined-ref -->", "citelint-disabel is not a citelint directive, so it silences "
                                                "nothing: did you mean citelint-disable?"),
    ("<!-- citelint-disable-next-line undefined-reff -->", "names no rule called undefined-reff"),
])
def test_each_kind_of_unused_directive(comment, words):
    text = f"Clean.<ref>A.</ref>\n{comment}\nMore.\n<references />\n"
    fs = check(text)
    assert [(f.rule, f.line) for f in fs] == [("unused-suppression", 2)], fs
    assert words in fs[0].message, fs[0].message


def test_used_directives_are_not_reported():
    text = ("<!-- citelint-disable undefined-ref -->\n"
            f"A.{UNDEF}\n"
            "<!-- citelint-enable undefined-ref -->\n"
            f'B.<ref name="b" /> <!-- citelint-disable-line -->\n'
            "<!-- citelint-disable-file duplicate-ref -->\nX.<ref>S.</ref> Y.<ref>S.</ref>\n<references />\n")
    assert found(text) == set()


def test_not_reported_when_the_rule_did_not_run():
    text = "<!-- citelint-disable-next-line duplicate-ref -->\nText.<ref>A.</ref>\n<references />\n"
    assert found(text) == {(1, "unused-suppression")}
    assert found(text, select=["undefined-ref", "unused-suppression"]) == set()
    assert found(text, ignore=["duplicate-ref"]) == set()
    # a directive for every rule is judged only when every rule ran
    text = "<!-- citelint-disable-next-line -->\nText.<ref>A.</ref>\n<references />\n"
    assert found(text) == {(1, "unused-suppression")}
    assert found(text, ignore=["malformed-ref"]) == set()
    assert found(text, ignore=["backlink-mismatch"]) == {(1, "unused-suppression")}  # plain text only: n/a here


def test_unused_suppression_can_be_ignored_or_suppressed():
    text = "<!-- citelint-disable-next-line undefined-ref -->\nText.<ref>A.</ref>\n<references />\n"
    assert found(text, ignore=["unused-suppression"]) == set()
    assert found(text, ignore=["CL9"]) == set()
    kept = "<!-- citelint-disable-file unused-suppression -->\n" + text
    assert found(kept) == set()
    # a directive for every rule does not hide stale directives (nor its own staleness)
    blanket = f"<!-- citelint-disable-file -->\nA.{UNDEF}\n" + text
    assert found(blanket) == {(3, "unused-suppression")}


def test_suppressed_rules_still_do_not_leak_into_other_rules():
    text = f"<!-- citelint-disable-next-line duplicate-ref -->\nText.{UNDEF} A.<ref>S.</ref> B.<ref>S.</ref>\n<references />\n"
    assert found(text) == {(2, "undefined-ref")}


def test_corpus_page_with_a_suppression_loses_exactly_that_finding(tmp_path):
    """A real page: silence one finding in place and check nothing else changes."""
    src = read_data(CORPUS / "wikitext" / "wtf__Mark-Behr.wiki")
    doc = Document(path="p.wiki", text=src, kind="wikitext")
    before = check_document(doc, Settings())
    target = next(f for f in before if f.rule == "duplicate-ref")
    lines = src.split("\n")
    lines.insert(target.line - 1, "<!-- citelint-disable-next-line duplicate-ref -- reviewed -->")
    after = check_document(Document(path="p.wiki", text="\n".join(lines), kind="wikitext"), Settings())
    moved = {(f.rule, f.line - (f.line > target.line - 1), f.column) for f in after}
    assert moved == {(f.rule, f.line, f.column) for f in before if f is not target}


# -- through the command line -----------------------------------------------------------------------

def test_cli_ignore_suppressions_and_selection(tmp_path):
    page = tmp_path / "a.wiki"
    page.write_text("<!-- citelint-disable-next-line undefined-ref -->\n"
                    f"Text.{UNDEF}\n<!-- citelint-disable-line duplicate-ref -->\n<references />\n", encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        def rules(*args):
            r = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", "--jobs", "1", *args, "a.wiki"])
            return r.exit_code, sorted((f["line"], f["rule"]) for f in json.loads(r.stdout)["findings"])

        assert rules() == (1, [(3, "unused-suppression")])
        assert rules("--ignore-suppressions") == (1, [(2, "undefined-ref")])
        assert rules("--select", "undefined-ref,unused-suppression") == (0, [])
        assert rules("--fail-on", "error") == (0, [(3, "unused-suppression")])
        Path("citelint.toml").write_text('[severity]\nunused-suppression = "error"\n')
        r = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "1", "a.wiki"])
        assert r.exit_code == 1 and json.loads(r.stdout)["findings"][0]["severity"] == "error"
    finally:
        os.chdir(old)
