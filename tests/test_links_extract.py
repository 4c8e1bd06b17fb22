"""URL extraction: exact spans, wikitext's cutting rules, citation pairing, garbage, and the real corpus."""

from __future__ import annotations

import html
import random

import pytest

from citelint.engine import parse_document
from citelint.links.extract import extract_urls, scan_templates
from citelint.links.sites import collect, model_urls
from citelint.links.urls import judge
from citelint.model import Document
from citelint.settings import Settings
from citelint.sources import read_document
from paths import CORPUS, data_files, need


def spans(text: str):
    return [(text[c.start:c.end], c.kind) for c in extract_urls(text)]


def test_cite_template_parameters_are_paired():
    text = ("{{cite web |url=http://example.com/a?x=1&amp;y=2 |title=[http://t.org/x T] "
            "|archive-url=https://web.archive.org/web/2010/http://example.com/a |url-status=dead}}")
    got = extract_urls(text)
    assert [(text[c.start:c.end], c.kind, c.param) for c in got] == [
        ("http://example.com/a?x=1&amp;y=2", "url", "url"),
        ("http://t.org/x", "link", None),  # a link inside |title= is a link readers can follow
        ("https://web.archive.org/web/2010/http://example.com/a", "archive", "archive-url"),
    ]
    url, _, arch = got
    assert url.url == "http://example.com/a?x=1&y=2"  # entities decoded
    assert url.cite == arch.cite >= 0 and url.url_status == "dead"


def test_bare_urls_are_cut_where_mediawiki_cuts_them():
    text = ("See http://a.com/b). Also (http://b.org/x_(y)) and http://c.net/p, then http://d.io/q'' and "
            "http://e.com/f&lt;g and http://f.com/a|b and https://g.com/h.")
    assert [s for s, _ in spans(text)] == [
        "http://a.com/b", "http://b.org/x_(y))", "http://c.net/p", "http://d.io/q", "http://e.com/f",
        "http://f.com/a", "https://g.com/h"]


def test_bracket_links_and_protocol_relative():
    text = "[http://c.com/p label] [//d.org] [[http://wiki.link]] [https://e.com/x<!-- c -->\n]"
    got = extract_urls(text)
    assert [(text[c.start:c.end], c.kind) for c in got][:2] == [("http://c.com/p", "link"), ("//d.org", "link")]
    assert got[1].url == "https://d.org/"


def test_hidden_and_template_built_urls_are_skipped():
    text = ("<!-- http://hidden.com --> <nowiki>http://nw.com</nowiki> <pre>http://pre.com</pre> "
            "{{cite web|url={{URL|x.com}}}} {{wayback|url=http://orig.com|date=2010}} {{cite web|url=}}")
    assert spans(text) == []


def test_comments_inside_a_parameter_value():
    text = "{{cite news|url=<!--c-->http://x.com/y<!--d--> |deadurl=no}} {{dead link|date=May 2020}}"
    (c,) = extract_urls(text, base=100)
    assert (c.start, c.end) == (100 + text.index("http"), 100 + text.index("<!--d-->"))
    assert c.url == "http://x.com/y" and c.url_status == "live" and c.status_param == "deadurl"
    assert c.tagged_dead


def test_url_parameters_but_not_flags():
    text = ("{{cite book |chapter-url=https://a.org/c |chapterurl=https://b.org/c |plainurl=yes "
            "|url-access=subscription |transcript-url=https://c.org/t}}")
    assert [s for s, _ in spans(text)] == ["https://a.org/c", "https://b.org/c", "https://c.org/t"]


def test_nested_templates_and_wikilinks_do_not_split_parameters():
    text = "{{cite web |title=[[A|B]] {{lang|fr|x=y}} |url=http://ok.org/ |quote={{{1|}}}}}"
    assert spans(text) == [("http://ok.org/", "url")]
    (t, inner) = scan_templates(text)[:2]
    assert t.name == "cite web" and [p[0] for p in t.params] == ["title", "url", "quote"]
    assert inner.name == "lang"


@pytest.mark.parametrize("written, problem", [
    ("www.example.com", "no scheme"),
    ("https://example.com/a b", "white space"),
    ("http://http://example.com", "scheme twice"),
    ("https://example..com/", "empty part"),
    ("https://example.com:99999/", "invalid port"),
    ("http://a.com;b/x", "character ';'"),
    ("javascript:alert(1)", "unknown scheme"),
    ("http:/x.com", "two slashes"),
    ("http://[zz]/", "invalid host"),
])
def test_invalid_urls(written, problem):
    j = judge(written)
    assert j.url is None and problem in j.problem


def test_valid_and_other_schemes():
    assert judge("https://bücher.de/ä?q=ü").url == "https://xn--bcher-kva.de/%C3%A4?q=%C3%BC"
    assert judge("HTTP://Example.COM:80/a#frag").url == "http://example.com/a"  # no fragment, default port
    assert judge("http://a.com/%7euser?b=%zz").url == "http://a.com/%7euser?b=%zz"  # escapes left as written
    assert judge("ftp://ftp.example.org/x").skipped and judge("ftp://ftp.example.org/x").problem is None


def test_garbage_never_crashes():
    rnd = random.Random(20261125)
    alphabet = "{{}}[[]]|=<>!-/:.htps?&;#'\"\n x\x00" + "ä€"
    pieces = ["{{cite web|url=", "}}", "[http://", "http://", "<!--", "-->", "<nowiki>", "</nowiki>", "{{{",
              "}}}", "[[", "]]", "|archive-url=", "//", "&amp;", "''"]
    for _ in range(3000):
        n = rnd.randint(0, 40)
        text = "".join(rnd.choice(pieces) if rnd.random() < 0.3 else rnd.choice(alphabet) for _ in range(n))
        for c in extract_urls(text, 7):
            assert 7 <= c.start <= c.end <= 7 + len(text)
    deep = "{{" * 5000 + "http://x.org/" + "}}" * 5000
    assert len(extract_urls(deep)) <= 1  # deep nesting: no recursion, no crash
    assert extract_urls("[" * 10000 + "http://y.org/ " + "]" * 10000)


def test_placement_in_a_document():
    text = ("Line one.<ref>{{cite web |url=https://example.com/a |archive-url=https://web.archive.org/web/1/x "
            "|url-status=live}}</ref>\nTwo.<ref>http://b.org/x</ref>\n<references/>\n")
    doc = Document(path="p.wiki", text=text, kind="wikitext")
    links = collect(doc, Settings(), ("dead-link",))
    a, arch, b = links.sites
    assert (a.line, a.column) == (1, text.index("https://example.com") + 1)
    assert a.end_column - a.column == len("https://example.com/a")
    assert a.archive == 1 and arch.original == 0
    assert (b.line, b.column) == (2, len("Two.<ref>") + 1) and b.source_line == "Two.<ref>http://b.org/x</ref>"


@pytest.mark.parametrize("path", data_files(CORPUS / "wikitext", "*.wiki"), ids=lambda p: p.name)
def test_corpus_spans_are_exact(path):
    doc = read_document(str(need(path)))
    model = parse_document(doc, Settings())
    for cited in (c for lst in model_urls(model, doc.text) for c in lst):
        written = doc.text[cited.start:cited.end]
        if cited.kind in ("link", "bare"):
            assert written == cited.raw
        elif "<!--" not in written:
            assert html.unescape(written) == cited.raw
        assert cited.problem is None, (cited, written)  # the corpus has no broken citation URL
        assert cited.url is not None or cited.skipped


def test_corpus_counts():
    doc = read_document(str(need(CORPUS / "wikitext" / "wpcleaner__en_Windows_10_version_history.wiki")))
    got = [c for lst in model_urls(parse_document(doc, Settings()), doc.text) for c in lst]
    assert sum(c.kind == "url" for c in got) + sum(c.kind == "archive" for c in got) == doc.text.count("url=")
