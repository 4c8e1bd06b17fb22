"""Hypothesis strategies for the property tests: citation-heavy wikitext, plain-text renderings of wiki
pages, and small MediaWiki XML dumps (several pages and revisions, namespaces, compressed or not).

The generators build documents from the pieces real pages are made of (refs inline, named, reused and
list-defined, in groups, with every quoting style; reference lists in every form; notes templates;
comments, ``<nowiki>``, ``<pre>``; broken markup) glued with hostile text: astral characters,
combining marks, right-to-left text, tabs, CRLF and lone CR line ends, very long lines.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from dataclasses import dataclass
from xml.sax.saxutils import escape

from hypothesis import strategies as st

# -- text ---------------------------------------------------------------------------------------------------

#: characters that stress offsets and columns: astral (two UTF-16 units, four UTF-8 bytes), combining
#: marks, zero-width and bidirectional marks, a no-break space, a tab, CJK, RTL, an emoji with a modifier
ODD_CHARS = ["𝔘", "😀", "👍🏽", "e\u0301", "a\u0308\u0323", "\u200b", "\u200f", "\u00a0", "\t", "中文", "עברית",
             "ﷺ", "\u0301", "𐍈", "ß", "İ", "ﬁ", "&amp;", "&lt;ref&gt;", "&#91;1&#93;", "\\", "%", "|", "="]
NEWLINES = ["\n", "\n", "\n", "\r\n", "\r"]
#: what ends a line somewhere (editors, Python's splitlines)
EOL_CHARS = frozenset("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")

words = st.sampled_from(["Smith", "Jones", "(2001)", "Title.", "p. 12", "the", "claim", "Publisher", "vol.",
                         "http", "ref", "name", "references", "[1]", "[[Link]]", "[[Link|label]]", "''it''",
                         "'''bold'''", "{{!}}", "—", "“quoted”", "«guillemets»", "…"])
# any text at all, printable or not (but no NUL: a NUL byte makes a file binary, not wiki text)
_any_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
plain = st.lists(st.one_of(words, st.sampled_from(ODD_CHARS), _any_text, st.just(" ")), max_size=8).map(" ".join)

NAMES = ["a", "smith", "b c", "Ω", "𝔘", "1", "x'y", 'x"y', "", " a ", "n:1", "&amp;"]
GROUPS = ["", "note", "lower-alpha", "n b", "𝔘"]

names = st.sampled_from(NAMES)
groups = st.sampled_from(GROUPS)


@st.composite
def attr(draw, key: str, value_st) -> str:
    value = draw(value_st)
    style = draw(st.sampled_from(['"', "'", "", '"', "unbalanced", "spaced"]))
    if style == "unbalanced":
        return f' {key}="{value}'
    if style == "spaced":
        return f' {key} = "{value}"'
    if style == "" and (" " in value or not value):
        style = '"'
    return f" {key}={style}{value}{style}"


@st.composite
def ref_attrs(draw) -> str:
    out = ""
    if draw(st.booleans()):
        out += draw(attr("name", names))
    if draw(st.integers(0, 3)) == 0:
        out += draw(attr("group", groups))
    extra = draw(st.integers(0, 9))
    if extra == 0:
        out += draw(attr("follow", names))
    elif extra == 1:
        out += draw(attr("details", plain))
    elif extra == 2:
        out += draw(st.sampled_from([" nmae=x", " dir=rtl", " dir=up", " Name=a", " name", " extends=a"]))
    return out


URLS = ["http://example.org/a", "https://example.org/𝔘?q=1&x=2#f", "http://[::1]/", "example.org/no-scheme",
        "http://exa mple.org/", "https://https://twice", "ftp://example.org/", "http://example.org:99999/",
        "https://xn--d1acufc.xn--p1ai/", "http://10.0.0.1/admin", "//example.org/rel"]
urls = st.sampled_from(URLS)


@st.composite
def cite_template(draw) -> str:
    name = draw(st.sampled_from(["cite web", "Cite book", "cite news", "citation", "sfn", "harvnb", "dead link"]))
    params = []
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(["url", "archive-url", "title", "last", "first", "url-status", "deadurl",
                                    "access-date", "chapter-url", "", "1"]))
        value = draw(st.one_of(urls, plain, st.sampled_from(["live", "dead", "no", "[http://x.org y]",
                                                              "[[Wiki link]]", "{{!}}"])))
        params.append(f"{key}={value}" if key else value)
    close = draw(st.sampled_from(["}}", "}}", "}}", "}", ""]))  # sometimes never closed
    return "{{" + name + "".join("|" + p for p in params) + close


def content(depth: int = 0):
    pieces = [plain, cite_template(), urls, urls.map(lambda u: f"[{u} a title]")]
    if depth < 1:
        pieces.append(st.deferred(lambda: fragment(depth + 1)))
    return st.lists(st.one_of(*pieces), max_size=4).map("".join)


@st.composite
def inline_ref(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["ref", "ref", "ref", "REF", "Ref"]))
    attrs = draw(ref_attrs())
    shape = draw(st.integers(0, 9))
    if shape == 0:
        return f"<{tag}{attrs} />"  # a reuse (or an empty ref without a name)
    if shape == 1:
        return f"<{tag}{attrs}/>"
    if shape == 2:
        return f"<{tag}{attrs}></{tag}>"  # empty
    if shape == 3:
        return f"<{tag}{attrs}>{draw(content(depth))}"  # never closed
    close = draw(st.sampled_from([f"</{tag}>", "</ref>", "</ref >", "</ ref>"]))
    return f"<{tag}{attrs}>{draw(content(depth))}{close}"


@st.composite
def reflist(draw) -> str:
    group = draw(groups)
    g = f" group={group}" if group and " " not in group else (f' group="{group}"' if group else "")
    shape = draw(st.integers(0, 8))
    if shape == 0:
        return f"<references{g} />"
    if shape == 1:
        return f"<references{g}/>"
    if shape in (2, 3):
        body = "".join(draw(st.lists(list_defined_ref(), max_size=3)))
        close = "</references>" if shape == 2 or draw(st.booleans()) else ""
        return f"<references{g}>{body}{close}"
    if shape == 4:
        name = draw(st.sampled_from(["reflist", "Reflist", "refs", "notelist", "Notelist", "notes", "Verwysings"]))
        return "{{" + name + (f"|group={group}" if group else "") + draw(st.sampled_from(["", "|30em", "|2"])) + "}}"
    if shape == 5:
        body = "".join(draw(st.lists(list_defined_ref(), max_size=3)))
        return "{{reflist|refs=" + body + (f"|group={group}" if draw(st.booleans()) and group else "") + "}}"
    if shape == 6:
        return "{{#tag:references|" + "".join(draw(st.lists(list_defined_ref(), max_size=2))) + "}}"
    if shape == 7:
        return "{{notelist|notes=" + "".join(draw(st.lists(list_defined_ref(), max_size=2))) + "}}"
    return "<references></references>"


@st.composite
def list_defined_ref(draw) -> str:
    attrs = draw(ref_attrs())
    if draw(st.integers(0, 5)) == 0:
        return f"<ref{attrs} />"
    return f"<ref{attrs}>{draw(content(1))}</ref>"


@st.composite
def note_template(draw) -> str:
    shape = draw(st.integers(0, 5))
    if shape == 0:
        name = draw(st.sampled_from(["efn", "efn-ua", "efn-lr", "NoteTag", "refn"]))
        named = f"|name={draw(names)}" if draw(st.booleans()) else ""
        grp = f"|group={draw(groups)}" if draw(st.integers(0, 3)) == 0 else ""
        return "{{" + name + named + grp + "|" + draw(content(1)) + "}}"
    if shape == 1:
        named = f"|name={draw(names)}" if draw(st.booleans()) else ""
        grp = f"|group={draw(groups)}" if draw(st.booleans()) else ""
        return "{{#tag:ref|" + draw(content(1)) + named + grp + "}}"
    if shape == 2:
        return "{{r|" + "|".join(draw(st.lists(names, min_size=1, max_size=3))) + "}}"
    if shape == 3:
        return "{{r|" + draw(names) + "|p=12}}"
    if shape == 4:
        return "{{sfn|" + draw(plain) + "|2001|p=3}}"
    return "{{efn|}}"


@st.composite
def opaque(draw) -> str:
    inner = draw(st.deferred(lambda: fragment(1)))
    shape = draw(st.integers(0, 7))
    if shape == 0:
        return f"<!--{inner}-->"
    if shape == 1:
        return f"<!--{inner}"  # unclosed comment: runs to the end of the page
    if shape == 2:
        return f"<nowiki>{inner}</nowiki>"
    if shape == 3:
        return f"<pre>{inner}</pre>"
    if shape == 4:
        return f'<syntaxhighlight lang="xml">{inner}</syntaxhighlight>'
    if shape == 5:
        return "<!-- citelint-disable-next-line " + draw(st.sampled_from(["undefined-ref", "CL2", "", "bogus",
                                                                           "duplicate-ref -- a reason"])) + " -->"
    if shape == 6:
        return "<!-- citelint-" + draw(st.sampled_from(["disable", "enable", "disable-file", "disable-line"])) \
            + " " + draw(st.sampled_from(["unused-ref", "CL101", "", "empty-ref, malformed-ref"])) + " -->"
    return "<nowiki/>" + inner


@st.composite
def stray(draw) -> str:
    return draw(st.sampled_from(["</ref>", "</references>", "<ref", "ref>", "<ref name=", "<references",
                                 "{{", "}}", "{{{", "[[", "]]", "<div>", "</div>", "<span", "<!--", "-->",
                                 "<ref name=\"a\">", "<", ">", "'''", "{|", "|}", "__NOTOC__", "&"]))


@st.composite
def heading(draw) -> str:
    level = "=" * draw(st.integers(1, 6))
    return f"{level} {draw(plain)}{draw(st.one_of(st.just(''), inline_ref()))} {level}"


@st.composite
def long_line(draw) -> str:
    piece = draw(st.one_of(plain, inline_ref(), st.just("x")))
    return piece * draw(st.integers(50, 400))


def fragment(depth: int = 0):
    parts = [plain, inline_ref(depth), inline_ref(depth), cite_template(), stray(), note_template(),
             st.sampled_from(NEWLINES)]
    if depth < 1:
        parts += [reflist(), opaque(), heading(), st.sampled_from(NEWLINES)]
    return st.one_of(*parts)


@st.composite
def wikitext(draw, min_size: int = 0, max_size: int = 40) -> str:
    """A citation-heavy wikitext page (never empty)."""
    parts = draw(st.lists(st.one_of(fragment(), fragment(), fragment(), long_line(), reflist()),
                          min_size=min_size, max_size=max_size))
    text = "".join(parts)
    return text if text.strip() else "Text.<ref>x</ref>"


# -- plain text -------------------------------------------------------------------------------------------

MARKERS = ["[{n}]", "[{n}]", "[note {n}]", "[nb {n}]", "[{a}]", "[{r}]", "[citation needed]", "[1994]",
           "[edit]", "[i.e., this]", "[W]", "[{n}][{m}]", "[ {n} ]", "[{big}]"]
ENTRY_PREFIXES = ["{n}. ", "{n}) ", "{a}. ", "^ ", "↑ ", "Jump up ^ ", "^ a b ", "^ a b c ", "^ Jump up to: a b ",
                  "{n}.0 {n}.1 ", "↑ {n}.0 {n}.1 ", "^ {n}.00 {n}.01 ", "", "\t{n}. ", "^ a ", "{n}.{n} "]
ROMAN = ["i", "ii", "iii", "iv", "x"]
LETTERS = ["a", "b", "c", "z"]


@st.composite
def marker(draw) -> str:
    n, m = draw(st.integers(0, 12)), draw(st.integers(1, 12))
    return draw(st.sampled_from(MARKERS)).format(n=n, m=m, a=draw(st.sampled_from(LETTERS)),
                                                   r=draw(st.sampled_from(ROMAN)), big=10 ** 20)


@st.composite
def entry(draw, n: int) -> str:
    prefix = draw(st.sampled_from(ENTRY_PREFIXES)).format(n=n, a=draw(st.sampled_from(LETTERS)))
    body = draw(st.one_of(plain, st.just(""), urls.map(lambda u: f"Smith (2001). {u} Retrieved 2020.")))
    cont = draw(st.sampled_from(["", "", "\n   continued on an indented line", "\nwrapped line"]))
    return prefix + body + cont


@st.composite
def plaintext(draw) -> str:
    """A plain-text rendering of a wiki page, as a browser copies it."""
    nl = draw(st.sampled_from(NEWLINES))
    body = []
    for _ in range(draw(st.integers(0, 8))):
        words_and_markers = draw(st.lists(st.one_of(plain, marker(), marker()), max_size=10))
        body.append(" ".join(words_and_markers))
    lists = []
    for _ in range(draw(st.integers(0, 2))):
        head = draw(st.sampled_from(["References", "Notes", "References[edit]", "", "Footnotes", "Sources"]))
        entries = [draw(entry(i + 1)) for i in range(draw(st.integers(0, 12)))]
        if draw(st.integers(0, 4)) == 0 and entries:
            entries.insert(draw(st.integers(0, len(entries))), draw(entry(draw(st.integers(0, 99)))))
        lists.append("\n".join(([head] if head else []) + entries))
    text = "\n\n".join(["Title of the page"] + body + lists)
    text = text.replace("\n", nl)
    if draw(st.integers(0, 3)) == 0:  # a very long line
        text += nl + " ".join(draw(marker()) for _ in range(200))
    return text


# -- XML dumps --------------------------------------------------------------------------------------------

_XML_INVALID = {c for c in map(chr, range(0x20)) if c not in "\t\n\r"} | {"\ufffe", "\uffff"}


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry at all."""
    return "".join(" " if c in _XML_INVALID else c for c in text)


def xml_read(text: str) -> str:
    """What an XML parser hands back for ``text`` written raw in an element: line ends normalised."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Dump:
    data: bytes  # the file's bytes, compressed or not
    suffix: str  # ".xml", ".xml.gz", …
    #: (title, revision id) → the revision's text as the reader sees it (line ends normalised)
    texts: dict


TITLES = ["Alpha", "Talk:Alpha", "Help:𝔘 page", "User:Ω", "Beta & <gamma>", "Wikipedia:Sandbox", "Ünïcode",
          "Category:Cat"]
COMPRESSIONS = [".xml", ".xml", ".xml.gz", ".xml.bz2", ".xml.xz", ".xml.lzma"]


def compress(data: bytes, suffix: str) -> bytes:
    if suffix.endswith(".gz"):
        return gzip.compress(data, mtime=0)
    if suffix.endswith(".bz2"):
        return bz2.compress(data)
    if suffix.endswith(".xz"):
        return lzma.compress(data, format=lzma.FORMAT_XZ)
    if suffix.endswith(".lzma"):
        return lzma.compress(data, format=lzma.FORMAT_ALONE)
    return data


@st.composite
def dumps(draw, max_pages: int = 4, max_revisions: int = 3, text=None, compressed: bool = True,
          min_pages: int = 1, min_revisions: int = 1) -> Dump:
    """A small MediaWiki export: a few pages in several namespaces, each with a few revisions."""
    text = text if text is not None else st.one_of(wikitext(max_size=15), wikitext(max_size=15), plaintext())
    version = draw(st.sampled_from(["0.10", "0.11", "0.3", "0.8"]))
    siteinfo = ("<siteinfo><sitename>W</sitename><namespaces>"
                '<namespace key="0" /><namespace key="1">Talk</namespace><namespace key="4">Wikipedia</namespace>'
                '<namespace key="12">Help</namespace><namespace key="2">User</namespace>'
                '<namespace key="14">Category</namespace></namespaces></siteinfo>\n') if draw(st.booleans()) else ""
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=min_pages, max_size=max_pages,
                           unique=True))
    out, texts, rev_id = [], {}, 100
    for title in titles:
        ns = {"Talk": 1, "Help": 12, "User": 2, "Wikipedia": 4, "Category": 14}.get(title.partition(":")[0], 0)
        ns_el = f"<ns>{ns}</ns>" if draw(st.booleans()) else ""
        revs = []
        for i in range(draw(st.integers(min_revisions, max_revisions))):
            rev_id += draw(st.integers(1, 50))
            body = xml_safe(draw(text))
            model = draw(st.sampled_from(["", "", "<model>wikitext</model><format>text/x-wiki</format>"]))
            revs.append(f"<revision><id>{rev_id}</id><timestamp>2020-01-{i + 1:02d}T00:00:00Z</timestamp>{model}"
                        f'<text xml:space="preserve">{escape(body)}</text></revision>')
            texts[(title, str(rev_id))] = xml_read(body)
        out.append(f"<page><title>{escape(title)}</title>{ns_el}<id>{len(out) + 1}</id>{''.join(revs)}</page>\n")
    xml = (f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-{version}/" version="{version}" xml:lang="en">\n'
           f"{siteinfo}{''.join(out)}</mediawiki>\n")
    suffix = draw(st.sampled_from(COMPRESSIONS)) if compressed else ".xml"
    return Dump(compress(xml.encode("utf-8"), suffix), suffix, texts)
