"""The citation scanner (``--parser scan``, the default) against the full mwparserfromhell walk
(``--parser full``): the same citation model, spans and all, and the same findings (rule, severity, line,
column, end, message, fingerprint), on every kind of wikitext the project has:

- the 15 real articles (and the scanner must read each of them itself, handing nothing whole to the full
  parser: otherwise the comparison would prove nothing);
- the 255 MediaWiki Cite parser-test cases;
- the rule fixtures and golden pages (fixtures/**/*.wiki);
- the property-test generator (tests/strategies.py), the MediaWiki oracle's page grammar and its
  examples of intended differences, the Cite regressions;
- revisions of the Anarchism history (a sample here, every ``CITELINT_DIFF_STEP``-th, default 500;
  ``python scripts/scanner_diff.py`` compares all 15,180).

Any mismatch fails, naming the first difference.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os

import pytest
from hypothesis import HealthCheck, given, settings

import strategies as gen
from citelint.engine import Parsed, check_document, parse_document
from citelint.model import Document
from citelint.parsers.scanner import Ambiguous, _Scanner
from citelint.parsers.templates import default_table
from citelint.settings import Settings
from conformance_harness import CASES_FILE, case_id, load_cases
from paths import CORPUS, FIXTURES, data_files, need

FULL = Settings(parser="full")
SCAN = Settings(parser="scan")
ARTICLES = data_files(CORPUS / "wikitext", "*.wiki")
HISTORY = CORPUS / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"
STEP = int(os.environ.get("CITELINT_DIFF_STEP", "500"))
#: revisions scripts/scanner_diff.py once found different, compared in every run
HISTORY_REGRESSIONS = frozenset({"132122012"})


def first_difference(a, b) -> str:
    for f in dataclasses.fields(a):
        if not f.compare:
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if x == y:
            continue
        if isinstance(x, list):
            for i, (u, v) in enumerate(zip(x, y)):
                if u != v:
                    return f"{f.name}[{i}]: full {u!r} / scan {v!r}"
            return f"{f.name}: full has {len(x)}, scan {len(y)}"
        return f"{f.name}: full {x!r} / scan {y!r}"
    return ""


def parse_and_check(text: str, settings: Settings) -> tuple:
    """The model and the findings of ``text`` read with ``settings.parser`` (the rules are handed that model)."""
    doc = Document(path="page.wiki", text=text, kind="wikitext")
    model = parse_document(doc, settings)
    return model, [(f.rule, f.severity, f.line, f.column, f.end_line, f.end_column, f.message, f.fingerprint)
                   for f in check_document(Parsed(doc, model), settings)]


def assert_same(text: str, label: str = "page") -> None:
    full, a = parse_and_check(text, FULL)
    scan, b = parse_and_check(text, SCAN)
    assert full == scan, f"{label}: models differ: {first_difference(full, scan)}"
    if a != b:
        extra = [x for x in a if x not in b][:1] + [x for x in b if x not in a][:1]
        pytest.fail(f"{label}: findings differ ({len(a)} full, {len(b)} scan): {extra}")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_articles(path):
    text = need(path).read_text(encoding="utf-8")
    try:
        _Scanner(text, default_table()).run()
    except Ambiguous:
        pytest.fail(f"{path.name}: the scanner handed the whole page to the full parser")
    assert_same(text, path.name)


def test_cite_parser_cases():
    need(CASES_FILE)
    cases = load_cases()
    assert len(cases) >= 255
    for case in cases:
        assert_same(case["wikitext"], case_id(case))


@pytest.mark.parametrize("path", data_files(FIXTURES, "**/*.wiki"), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixtures(path):
    assert_same(need(path).read_text(encoding="utf-8"), str(path))


def test_oracle_examples_and_regressions():
    """The pages that once split citelint from MediaWiki (tests/cite_regressions.py) and the example of each
    intended difference (tests/oracle/intended_differences.json): broken markup, mostly, where the scanner
    must hand the page on rather than read it its own way (an unclosed quote in a ref tag found it)."""
    from cite_regressions import CASES
    from oracle import differential as dt

    examples = [case[1] for case in CASES] + [e.example for e in dt.load_intended()]
    assert len(examples) > 40
    for text in examples:
        assert_same(text, repr(text))


@pytest.mark.parametrize("text", [
    # a "]" in a ref's template is the ref's: the external link before it is never closed (Anarchism@132122012)
    '[http://x.org/a "<ref>{{PDFlink|[http://y.org/b.pdf]|99 KB}}</ref> z.<ref name="a"/>\n<references/>',
    # a "}}" in a ref's text is the ref's: the template goes on to the next one
    "{{a|<ref>}}</ref> b}} c\n<references/>",
    # a tag opened in a template and closed after it
    "{{a|<span>}}</span> b}}<ref>c</ref>\n<references/>",
    # a quote left open in a ref tag (an intended difference of the oracle)
    '<ref name="a" group="g nmae= v />Text.<ref name = 07">Unclosed named.',
    # a tag in a ref whose ">" is not the first one: it may run past the </ref> (the scanner hands these over)
    "x<ref>a <span b</ref> c</span>\n<references/>",
    "x<ref>a <span title={{x>y}} </ref> c</span>\n<references/>",
    'x<ref>a <span title="x\\" y>b</ref> c" d>e</span>\n<references/>',
    "x<ref>a <span class='y>b</ref> c' d>\n<references/>",
    # a stray closing tag fails the ref; one closing what opened before the ref fails it too
    "x<ref>a </span> b</ref>\n<references/>",
    "<span>x <ref>a</span> b</ref> c</span>\n<references/>",
    # in a template a tag may run past the "}}" (a name that does not start with a letter too)
    "{{a|<é>}}</é> b}}<ref>c</ref>\n<references/>",
    # a name mwparserfromhell takes that does not start with a letter; tags left open in a ref's template,
    # single tags
    "x<ref>a <é>b</ref> c</é> <ref>d <1>e</ref>\n<references/>",
    "x<ref>a <span>{{b|</span>}}</ref> <ref name=n>c <li>d</ref> <ref>e <br>f</ref>\n<references/>",
    # a "[[" that may be a link after all (a "|", a "{", a scheme), or that fails in a template or table
    "[[a|b\n<ref>c</ref>\n<references/>",
    "[[a{{b}}c\n<ref>c</ref>]]\n<references/>",
    "[[http://x.org/ <ref>c</ref>]] [[:a\n<ref>d</ref>]] [[//a\n<ref>e</ref>]]\n<references/>",
    "{{a|[[b\n|c=<ref>d</ref>}}\n{|\n|[[a\n|<ref>e</ref>\n|}\n<references/>",
    # a ref that fails where its text would not read the same in the page (attributes with an entity,
    # a template around it, a heading, a link left open, a ref inside)
    "x <ref name=a&amp;>a</br>b</ref>\n{{a|x <ref>a</br>b</ref>}}\n<references/>",
    "== x <ref>a</br>b</ref> ==\nx <ref>a</br>[[b|c</ref> d]]\n<references/>",
    "x <ref>a<ref name=q/></br>b</ref>\n<references/>",
    # a tag in a template, link or external link in a ref, closed after the "}}", "]]" or "]" (its body
    # holds them: the template runs on past the </ref>); the scanner once read these its own way
    "x<ref>{{a|<span>}} b</span></ref> c}} d<ref>e</ref>\n<references/>",
    "x<ref>{{a|<span>}} b</span></ref> c}}\n<references/>",
    "x<ref>[[a|<span>]] b</span></ref> c]] d<ref>e</ref>\n<references/>",
    "x<ref>[http://x.org <span>a] b</span> c</ref> d] e</ref>\n<references/>",
    "x<ref>{{a|<b>x}}</b> y}}</ref> <ref>{{a|<i>{{b}}</i>}} <b>c</b></ref> <ref><i>{{a|<b>x}} y</i></ref>"
    "\n<references/>",
    # … read again unquoted, where the scanner hands the page over (a space in the quotes, a "/")
    'x<ref name="a b"c d>a</ref> <ref name="a"b/c>a</ref>\n<references/>',
])
def test_region_boundaries(text):
    assert_same(text, repr(text))


#: pages the scanner once handed whole to the full parser and now reads itself: each must come out as the
#: full parser reads it, and without a handover (``_Scanner.run`` raises ``Ambiguous`` where it would hand over)
READ_BY_THE_SCANNER = [
    # "<http://…>" in a ref is no tag for mwparserfromhell: "<", a free link, ">" (Anarchism@71458465)
    "Anarchism.<ref name=\"encyclopedia\">Treatments include:\n*''Anarchism''. Britannica Student Encyclopedia."
    " 2006. 10 Sept. 2006  <http://www.britannica.com/ebi/article-9272850>.\n*''Anarchism'', The Columbia"
    " Encyclopedia.\n</ref> More.<ref name=\"encyclopedia\"/>\n\n==References==\n<references/>",
    "x<ref>a <http://x.org/a b>.</ref> <http://y.org/>\n<references/>",
    # "<a-b>", '<a"b>': the name runs into a marker, the "<" is text at once
    "x<ref>a <foo-bar>b</ref> c<ref>d <q\"r> e</ref>\n<references/>",
    # a tag left open in a ref is text: the </ref> fails it (in a template in the ref too)
    "x<ref>a <span>b</ref> c</span>\n<references/>",
    "x<ref>a <b>c </ref> d</b> e</ref>\n<references/>",
    "x<ref>a <span class=x>b</ref> c</span> d<ref>e <div>f</div> <font color=red>g</ref>\n<references/>",
    "x<ref>{{cite web|url=http://x.org/|title=<span>y}}</ref> z</span>}}\n<references/>",
    # a ref in the ref, with a tag left open before it
    "x<ref name=a>a <span>b<ref name=b/></ref>\n<references/>",
    # a "[[" whose title the tokenizer fails at once is text, and so the page goes on (Anarchism@2438150,
    # @22127269, @595956, @19437359, @250126530): a "[", "] ", "].", "}}", a line end, a "<", the end
    "[[Jason McQuinn, [[Bob Black]], [[John Zerzan]]<ref>{{cite book|title=T}}</ref>\n<references/>",
    "[[1960s ] ], gli anarchici<ref>a</ref> [[b]]\n<references/>",
    "[[anarchist groups].\n\nWhile<ref>[[a]] b</ref>\n<references/>",
    "[[Anarcho-Capitalism}}\n\n[[Category:Anarchism|*]]<ref>a</ref>\n<references/>",
    "[[a\n<ref>b</ref>]] [[c</span> [[d>e]] <ref>f</ref>\n<references/>",
    "x<ref>{{cite web|url=http://a.org/|title=T}}</ref>\n<references/>\n[[Robert",
    # a closing tag in a ref that closes nothing fails the ref: its "<" is text, what it held page text
    # (Anarchism@267434234: "</br>"); the walker's leftovers, paired by settle() as MediaWiki does
    "x<ref>Ward, Colin. p. 62\n*Goodway, David. p. 4\n</br>\n*Note: [[a|other meanings]] as well.</ref>"
    " y<ref>z</ref>\n<references/>",
    "<div>x <ref>a</br>b {{cite web|title=T}}</ref> c</div>\n<references/>",
    "<span>x <ref>a</span> b</ref> c</span> <ref>d</ref>\n<references/>",
    "x <ref name=a>a</br>b [[c|d]] {{e}} [http://x.org/ y] '''f'''</ref> g</ref> <ref name=a/>\n<references/>",
    "x <ref>a</br>{{b|c}}</ref> d}} <ref>c</ref> <ref>d</br></ref>\n<references/>",
    # a quoted value that no space follows is read again unquoted, quotes and all (Anarchism@62041449)
    'm.<ref mane="noLTV"">"A real difference."</ref> x<ref name="noLTV"/>\n<references/>',
    'x<ref name="a"b>a</ref> <ref name=\'a\'\'>b</ref> <ref name= "c""  group="g">c</ref> <ref name="c""/>'
    ' <ref name="d"e"f>g</ref>\n<references/>\n<references group="g"/>',
]

#: refs with tags in their text that the scanner reads itself, not handing them to mwparserfromhell as a
#: region: each closing closes an opening before it at the same depth of templates and links (the openings
#: it passes over are text), and no reference template (Anarchism@10000…: <br/>, <blockquote>, <http://…>)
REFS_READ_DIRECTLY = [
    "x<ref>Avrich, Paul. ''Anarchist Voices''<br/>Princeton<br>p. 5</ref> y<ref name=b>[[James Guillaume]], "
    "''[http://www.marxists.org/x Ideas]'' <blockquote>q</blockquote></ref> <ref name=b/>\n<references/>",
    "x<ref>Encyclop{{IPA|æ}}dia Britannica. 29 Aug. 2006  <http://www.britannica.com/eb/article-9117285>.</ref>"
    "\n<references/>",
    "x<ref>{{a|<i>{{b}}</i>}} <b>c</b></ref> <ref><i>{{a|<b>x}} y</i></ref>\n<references/>",
    "x<ref>a <b>b <i>c</b> d</ref>\n<references/>",
    "x<ref>{{cite web|url=http://x.org/|title=<span>y}}</ref> z</span>}} <ref>a <span class=x>b</ref>\n<references/>",
]


@pytest.mark.parametrize("text", REFS_READ_DIRECTLY)
def test_refs_read_directly(text, monkeypatch):
    def no_region(*args, **kwargs):
        raise AssertionError("handed to mwparserfromhell as a region")

    monkeypatch.setattr(_Scanner, "delegate", no_region)
    _Scanner(text, default_table()).run()
    monkeypatch.undo()
    assert_same(text, repr(text))


#: regions the scanner once handed to mwparserfromhell (``mwparserfromhell.parse``: its tokenizer and builder) and
#: now reads from the tokenizer's tokens alone: a reference template that holds only text ({{r|…}}, {{reflist|…}};
#: Windows 10 version history has 99), a wikilink whose caption holds only refs the scanner reads and plain tags
#: (2020 in science: 44 image captions), a table whose attributes hold comments or whose cells' styles are dead
READ_WITHOUT_THE_BUILDER = [
    "x<ref name=a>t</ref> {{r|a}} {{r|a|b}} {{r| a |group=g}} {{r|a|g=h|group=k}} {{r|1}} {{r|}} {{R|a}} {{r|a=b}}"
    ' {{r|=b}} {{ r |a}} {{r\n|a}} {{r|"a"}} {{r|a|b|}} {{r|a|group=" g "}}\n<references/>\n<references group=g/>'
    "{{reflist|group=k}}",
    "x<ref name=a>t</ref>\n<references>{{r|a}}{{r|b|group=g}}{{r|3}}</references>",
    "x<ref group=note>a</ref><ref group=lower-alpha>b</ref>{{reflist|group=note}}{{reflist|group=\"note\"}}"
    "{{notelist}}{{reflist|30em}}{{reflist|group=}}{{Reflist}}",
    '[[File:a.jpg|thumb|A <small>b</small>.<ref>c</ref> d<ref name="xy"/>]] <ref name="xy">e</ref>\n<references/>',
    "[[File:a.jpg|{{x}} <ref>c</ref> [[b|c]] <ref>d</ref> <span style=\"color:red\">e<ref>f</ref></span>]]"
    "\n<references/>",
    "[[File:a.jpg|x\n== h <ref>d</ref> ==\ny<ref>e</ref>]]\n<references/>",
    "<references>[[File:a|<ref name=bb>c</ref>]]</references> x<ref name=bb/>",
    '[[File:a.jpg|a <ref name="q" group="g"/> b <ref group=g>c</ref> <br> <br/> <hr />]]\n<references group=g/>',
    # tables read as page text: a comment in attributes (the walk does not meet it), a cell's style from the
    # cell's start ("||", a header line's "!!") to its first "|" (United Kingdom, Toronto)
    "{|\n|- <!-- x -->\n| a<ref>r</ref>\n|}\n<references/>",
    "{| class=x <!-- y -->\n| a<ref>r</ref>\n|}\n<references/>",
    "{|\n| s=1 <!-- z --> | a<ref>r</ref>\n|}\n<references/>",
    "{|\n! a || s=<!--q--> | b<ref>r</ref>\n|}\n<references/>",
    '{|\n! style="x" rowspan="5" | Asian /<br>Asian British || style="y" | Indian<ref>r</ref> || 1 || {{0}}2 %'
    "\n|}\n<references/>",
    "{|\n| a<br>b || c | d<ref>r</ref> | e <!-- f --> g\n|}\n<references/>",
    "{|\n| a | <ref>x</ref> | d || e\n|}\n<references/>",
    "{|\n|-\n| a\n| b <!-- c --> | d <ref>e</ref>\n|}\n<references/>",
    "{|\n|+ cap <!-- c --> | d <ref>e</ref>\n|}\n<references/>",
    "{|\n|- <!-- a --> <!-- b -->\n| <!--c--> x | y<ref>e</ref> <!-- d -->\n|}\n<references/>",
    "{|\n| {{a|b}} <!-- c --> | x<ref>e</ref>\n|}\n<references/>",
    # a template whose values hold tags (United Kingdom's infobox: <div>): read as page text where each tag is
    # paired in it, and owns the "|" and "=" inside it as mwparserfromhell's node does
    "{{a|b=<div>x|c=y<ref>r</ref></div>|d=e<ref>s</ref>}}\n<references/>",
    "{{a|<div>x=y<ref>r</ref></div>|c}}\n<references/>",
    '{{a|b=<span title="p|q">x<ref>r</ref></span>|c=y}}\n<references/>',
    "{{a|b=<div><span>x</span></div><ref>r</ref>|c=<small>y</small><ref>t</ref>}}\n<references/>",
    "{{a|b=<div>x<!-- c | d -->y<ref>r</ref></div>|c=y}}\n<references/>",
    "{{a|b=<div>{{c|<ref>r</ref>}}</div>|c=y}}\n<references/>",
    "{{a|b=<div>[[c|d<ref>r</ref>]]</div>|c=y}}\n<references/>",
    "{{a|b=<DIV>x|y</div><ref>r</ref>|c=y}}\n<references/>",
    "{{a|b=<div>x\n|y</div><ref>r</ref>\n|c=y}}\n<references/>",
    "{{a|b=<div>x</div >|y<ref>r</ref>}}\n<references/>",
    "{{a|b=<p>x|c=<ref>r</ref></p>}}\n<references/>",
    "{{a|b=<div>x</div>|c=<ref name=r/>}}<ref name=r>y</ref>\n<references/>",
    # a reference-list template whose parameters hold refs (Anarchism's {{Reflist|refs=…}}): each value walked as
    # a list's text, the list its template's (its group the template's own), refs before and after it
    "x<ref name=a/> y<ref name=b/>\n{{reflist|refs=\n<ref name=a>A</ref>\n<ref name=b>{{cite web|url=http://x.org|"
    "title=t}}</ref>\n<ref name=c>unused</ref>\n}}",
    "x<ref name=a/>{{Reflist|30em|refs=<ref name=a>A</ref>}} y<ref name=a/> z<ref name=d/>",
    "x<ref name=a/>{{reflist|\n<ref name=a>A</ref>\n<ref>anonymous in a list</ref>\n<ref name=a>again</ref>}}",
    "x<ref group=lower-alpha name=a/> y<ref name=b/>{{notelist|refs=<ref name=a>A</ref>}}{{reflist|refs="
    "<ref name=b>B {{cite book|title=x}}</ref>}}",
    "x<ref name=a>t</ref>{{reflist}} y<ref name=a/>{{reflist|refs=<ref name=c>q</ref><ref name=a>u</ref>}}",
    "x<ref name=a/>{{reflist|colwidth=30em|refs=<ref name=a>A</ref> <!-- c --> <ref name=b/>}}",
    "x<ref name=a/>{{reflist|refs=<ref name=a>A<br/>b</ref>|liststyle=<span>x</span>}}",
]

#: … and what they still hand over: a node in the template (an entity, a comment, a template), a ref in a template
#: or in an external link in the caption, a template argument, an unparsed tag, a comment, a table, a reference list
#: template or a tag left open in the caption, a ref in a link's title
BUILDER_STILL = [
    "{{r|a&amp;b}} {{r|a<!--c-->}} {{r|{{x}}}} {{\nr|a}} {{r|a}}}\n<references/>",
    "[[File:a.jpg|{{x|<ref>c</ref>}}]] [[File:a.jpg|{{x|<ref>c</ref>=d}}]]\n<references/>",
    "[[File:a.jpg|[[b<ref>d</ref>]] e]]\n<references/>",
    "[[File:a.jpg|[http://x.org y <ref>d</ref>] e]]\n<references/>",
    "[[File:a.jpg|{{{1}}} <ref>d</ref>]]\n<references/>",
    "[[File:a.jpg|<nowiki>x</nowiki> <ref>d</ref>]] [[File:a.jpg|<math>x</math> <ref>d</ref>]]\n<references/>",
    "[[a<ref>b</ref>|c]] [[File:a|<ref name=a/>]] [[File:a|<ref name=a/ >]]\n<references/>",
    '[[File:a.jpg|<span title="<ref>x</ref>">y</span>]]\n<references/>',
    "[[File:a.jpg|<div>x<ref>y</ref>]] z</div>\n<references/>",
    "[[File:a.jpg|x <ref>y</ref> ]]]\n<references/>",
    "[[File:a.jpg|x <ref>y</ref> {|\n|a\n|}]]\n<references/>",
    "[[File:a.jpg|x <ref>y</ref> <!-- c --> ]]\n<references/>",
    "[[File:a.jpg|x <ref>y</ref> {{reflist}} ]]\n<references/>",
    "[[http://x.org|x <ref>y</ref>]]\n<references/>",
    "[[File:a.jpg|x <ref>y</ref> <small>z]]\n<references/>",
    # a comment in a cell's style that the tokenizer does not read whole there ("|", "="); a tag or a ref in a
    # style ("!!" is text on a line of cells); a style over a line end; a reference template in attributes
    "{|\n| <!-- a | b --> | c<ref>r</ref>\n|}\n<references/>",
    "{|\n| <!-- a = b --> | c<ref>r</ref>\n|}\n<references/>",
    "{|\n| a !! <b>c</b> | d<ref>r</ref>\n|}\n<references/>",
    "{|\n! a !! <b>c</b> | d<ref>r</ref>\n|}\n<references/>",
    "{|\n| a <ref>x</ref> | d\n|}\n<references/>",
    "{|\n| a || <ref>x</ref> | d\n|}\n<references/>",
    "{|\n| a\nb | c<ref>e</ref>\n|}\n<references/>",
    "{|\n|- <!-- a\n-->\n| x<ref>e</ref>\n|}\n<references/>",
    "{|\n| {{r|b}} | x<ref name=b>e</ref>\n|}\n<references/>",
    "{|\n|- {{r|b}}\n| x<ref name=b>e</ref>\n|}\n<references/>",
    # a tag in a template's parameter name, in a tag's attributes, single or not paired ("<li>", a closing out of
    # order or not closed in the template, "</ div>"), a name mwparserfromhell does not take ("foo-bar"), a quote
    "{{a|<div>x|y=w<ref>r</ref></div>=z}}\n<references/>",
    "{{a|<div>b</div>=x<ref>r</ref>|c=y}}\n<references/>",
    "{{a|b=<div class={{c}}>x<ref>r</ref></div>|c=y}}\n<references/>",
    "{{a|b=x < y <ref>r</ref>|c=y}}\n<references/>",
    "{{a|b=<div>x}}</div><ref>r</ref>\n<references/>",
    "{{a|b=<div>x<ref>r</ref>|c=y}}\n<references/>",
    "{{a|b=<div><span>x</div></span><ref>r</ref>|c=y}}\n<references/>",
    "{{a|b=<li>x<ref>r</ref>|c=y}}\n<references/>",
    '{{a|b=<div class="x>y">x<ref>r</ref></div>|c=y}}\n<references/>',
    "{{a|b=<foo-bar>x|<ref>r</ref></foo-bar>|c=y}}\n<references/>",
    "{{a|b=<div>x</ div>|y<ref>r</ref>}}\n<references/>",
    # a reference-list template with a group parameter, markup in a parameter name or its name, a list in it
    "x<ref group=note name=a/>{{reflist|group=note|refs=<ref name=a>A</ref>}}",
    "x<ref name=a/>{{reflist|refs=<ref name=a>A</ref>|<!--c-->b=x}}",
    "x<ref name=a/>{{reflist<!--c-->|refs=<ref name=a>A</ref>}}",
    "x<ref name=a/>{{reflist|refs=<ref name=a>A</ref><references/>}}",
]


@pytest.mark.parametrize("text", READ_WITHOUT_THE_BUILDER)
def test_read_without_the_builder(text, monkeypatch):
    from citelint.parsers import scanner

    def no_parse(*args, **kwargs):
        raise AssertionError("handed to mwparserfromhell.parse")

    monkeypatch.setattr(scanner.mwparserfromhell, "parse", no_parse)
    _Scanner(text, default_table()).run()
    monkeypatch.undo()
    assert_same(text, repr(text))


@pytest.mark.parametrize("text", BUILDER_STILL)
def test_builder_still(text):
    assert_same(text, repr(text))


@pytest.mark.parametrize("text", READ_BY_THE_SCANNER)
def test_read_by_the_scanner(text):
    _Scanner(text, default_table()).run()
    assert_same(text, repr(text))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_oracle_grammar(seed):
    """400 pages per seed from the MediaWiki oracle's grammar of citation constructs (no MediaWiki needed)."""
    from oracle import differential as dt

    for i in range(400):
        assert_same(dt.join(dt.page_parts(seed, i)), f"oracle page {seed}/{i}")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(text=gen.wikitext())
def test_generated(text):
    assert_same(text)


def history_sample(step: int):
    """Every ``step``-th distinct revision text of the Anarchism history."""
    from citelint.dumps import iter_dump

    seen: set[bytes] = set()
    for i, doc in enumerate(iter_dump(str(need(HISTORY)), all_revisions=True)):
        if i % step and doc.revision not in HISTORY_REGRESSIONS:
            continue
        key = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if key not in seen:
            seen.add(key)
            yield doc


def test_anarchism_history_sample():
    n = 0
    for doc in history_sample(STEP):
        assert_same(doc.text, f"Anarchism@{doc.revision}")
        n += 1
    assert n >= 15180 // STEP // 2


def test_cli_parser_option_and_config_key(tmp_path):
    """``--parser full|scan`` and the ``parser`` key reach the engine: a real run of each gives the same report."""
    import json
    import subprocess
    import sys

    page = need(CORPUS / "wikitext" / "wtf__United-Kingdom.wiki")
    out = {}
    for parser in ("full", "scan"):
        r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--isolated", "--format", "json",
                            "--parser", parser, str(page)], capture_output=True, text=True)
        assert r.returncode == 1, r.stderr
        out[parser] = json.loads(r.stdout)["findings"]
    assert out["full"] == out["scan"] and out["full"]
    (tmp_path / "citelint.toml").write_text('parser = "fast"\n')
    (tmp_path / "a.wiki").write_text("x<ref>y</ref>\n")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", str(tmp_path / "a.wiki")],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2 and "parser" in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--parser", "fast",
                        str(tmp_path / "a.wiki")], capture_output=True, text=True)
    assert r.returncode == 2 and "--parser" in r.stderr, r.stderr
