"""The scanner's quick forms of the full parser's pre-passes give the same answers as the pre-passes:
``wikitext._defuse_needed(text)`` is ``wikitext._defuse(text) is not text`` (the page the full parser would
change goes to it), and the scanner's forward search for a line end after ``<ref``/``<references`` finds
what ``wikitext._NEWLINE_AFTER_NAME`` finds, on every kind of page the project has and on pages built to sit
on each edge of the pairing (one opening left over or two; per kind of bracket; a closing before its
opening; tags in comments and ``<nowiki>``; tables at the page's start)."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies as gen
from citelint.parsers import scanner, wikitext
from paths import CORPUS, FIXTURES, data_files, need

HISTORY = CORPUS / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"


def same_answers(text: str) -> None:
    assert wikitext._defuse_needed(text) is (wikitext._defuse(text) is not text), repr(text[:200])
    assert (scanner._NEWLINE_AFTER_NAME.search(text) is None) is (
        wikitext._NEWLINE_AFTER_NAME.search(text) is None), repr(text[:200])


EDGES = [
    "", "plain text", "{{a", "{{a {{b", "{{a}} {{b", "}} {{a", "}} {{a {{b", "{{a}}}} {{b {{c",
    "[[a", "[[a [[b", "]] [[a [[b]]", "{{a [[b", "{{{a", "{{{a}}} {{b", "{|\n|x", "{|\n|x\n{|",
    "x\n{|\n|a\n|}\n|}\n{|", " {|\n{|\n|}", "<ref>a", "<ref>a <ref>b", "<ref>a</ref><ref>b", "</ref><ref>a<ref>b",
    "<ref name=a/> <ref>b", "<div>a", "<div>a <div>b", "<div>a</div> <span>b", "</div><div>a<div>b",
    "<div class='a\nb' <span>", "<div class='a\nb' <span class='c\nd' <b>", "<br> <br> <li>a <li>b",
    "<!-- <div> <div> -->", "<nowiki><div><div></nowiki>", "<!-- {{a {{b -->", "<nowiki>[[a [[b</nowiki>",
    "<ref>a\n</references>\n<references>", "<REF>a <Ref>b", "<div/> <div />", "<div> {{a",
    "<ref\nname=a>b</ref>", "<references\n/>", "<ref name=a>b<ref\n", "<REF\r\nname=x/>", "<refx\n", "<reference\n",
    "\ue000 {{a {{b", "{{a\ue001 [[b [[c",
    # nested deeper than the passes that take pairs out go (wikitext._runs_left_open), and not UTF-8 alone
    "{{" * 40 + "}}" * 39, "{{" * 40 + "}}" * 38, "[[" * 30 + "]]" * 31 + "[[x", "}} " + "{{" * 20 + "}}" * 20 + " {{",
    "{{é\ud800{{x}}}} [[a]] {{b", "{{{{{a}}}}} [[[b]]] {{{c}}",
    # tables' marks found by str.find (wikitext._table_steps): at a line's start after spaces, tabs, colons; after
    # another mark on the line; "|}}"; "{|}"; and more than it looks at one by one (the patterns then)
    "{|\n{|", " \t:{|\n{|", "\n :|}\n{|\n{|", "\n\t|}}\n{|\n{|", "{|}\n{|", "{|\n|}}\n{|", " {|\n\t|}}\n:{|", "x{|\n{|\n", "{| {|\n{|",
    "{|\n|} |}\n{|\n{|", "{|\n" * 300 + "|}\n" * 299, "{|\n" * 300 + "|}\n" * 298, "x" * 50 + "{|" * 600 + "\n{|",
    "{|\n" * 10 + "|}|}" * 400 + "\n|}" * 9,
]


@pytest.mark.parametrize("text", EDGES)
def test_edges(text):
    same_answers(text)


def test_articles_fixtures_and_cases():
    from conformance_harness import CASES_FILE, load_cases

    texts = [need(p).read_text(encoding="utf-8") for p in data_files(CORPUS / "wikitext", "*.wiki")]
    texts += [p.read_text(encoding="utf-8") for p in data_files(FIXTURES, "**/*.wiki")]
    need(CASES_FILE)
    texts += [case["wikitext"] for case in load_cases()]
    assert len(texts) > 300
    for text in texts:
        same_answers(text)


def test_anarchism_history_sample():
    """Every 25th distinct revision of the Anarchism history (the ones _defuse changes among them)."""
    from citelint.dumps import iter_dump

    seen, changed = set(), 0
    for i, doc in enumerate(iter_dump(str(need(HISTORY)), all_revisions=True)):
        if i % 25:
            continue
        key = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if key in seen:
            continue
        seen.add(key)
        same_answers(doc.text)
        changed += wikitext._defuse(doc.text) is not doc.text
    assert len(seen) > 400 and changed > 0


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(text=gen.wikitext())
def test_generated(text):
    same_answers(text)


@settings(deadline=None, max_examples=400)
@given(parts=st.lists(st.sampled_from(["{{", "}}", "[[", "]]", "\n{|", "\n|}", "<div>", "</div>", "<ref>", "</ref>",
                                       "<ref/>", "<!--", "-->", "<nowiki>", "</nowiki>", "<br>", "<div\n", "a", " ",
                                       "\n", "<references>", "</references>", "<ref\n"]), max_size=14))
def test_pieces(parts):
    same_answers("".join(parts))
