"""MediaWiki wikitext → citation model in one linear pass, without building a parse tree.

The main path for wikitext (``--parser scan``, the default). A candidate search (``<``, ``{{``,
``[[``, ``[``, ``{|`` at a line start) is followed by an anchored match at each candidate:

- comments are recorded; opaque tags (``<nowiki>``, ``<pre>``, ``<math>``… whatever
  ``wikitext.OPAQUE_TAGS`` and mwparserfromhell's unparsed tags are) are stepped over;
- ``<ref>`` tags and ``<references>`` lists are read directly (attributes, content, spans), and
  the model is built with the same code as the full parser's (``_Walker._emit_ref``,
  ``_Walker._close_list``), so segments, list-defined refs and follows come out the same;
- a template, link or table that holds nothing the model needs (no ``<``, no reference template:
  ``citelint/data/templates.toml``) is stepped over whole; one that does is a *region*: it alone is
  parsed by mwparserfromhell and walked by the full parser's walker, at its offset. A ref whose text
  holds a comment, a nested tag or a reference template is a region too. Templates whose values hold
  paired tags, and tables whose attributes hold only comments, are read as page text all the same;
  a reference template that holds only text (``{{r|a}}``) and a wikilink whose caption holds only refs
  the scanner reads are read from mwparserfromhell's tokenizer alone, without its builder's nodes.

Whatever the scanner is not sure of (an unclosed ``<ref>``, ``{{`` or ``[[``; a ref tag without
its ``>``; markup that ``wikitext._defuse`` or the other pre-passes would change; a region that does
not parse as the one node it should) raises ``Ambiguous``, and the page goes to the full parser.
Correctness first: ``tests/test_scanner_diff.py`` checks that both give the same model and findings.
"""

from __future__ import annotations

import re
from typing import Optional

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, Tag, Template, Text, Wikilink
from mwparserfromhell.parser import tokens as _tokens

try:  # the tokenizer alone (mwparserfromhell.parse is it and the builder, which costs most of the time)
    from mwparserfromhell.parser._tokenizer import CTokenizer as _Tokenizer
except ImportError:  # pragma: no cover (no C extension)
    from mwparserfromhell.parser.tokenizer import Tokenizer as _Tokenizer

from citelint.model import DEFAULT_GROUP, Attr, CitationModel, Problem, RefTag, Span
from citelint.parsers.guard import tokenizable
from citelint.parsers.templates import TemplateTable, default_table
from citelint.parsers.wikitext import (
    _HIDDEN_LB, _HIDDEN_LSQ, _HIDDEN_LT, _LEFTOVER, _OPAQUE_SPAN, OPAQUE_TAGS, _defuse_needed,
    _SINGLE, _lists_closed_late, _made_quickly, _open_tags_without_gt, _Span, _strip_quotes,
    _Walker, parse_wikitext, sanitizer_attributes,
)


_MAX_DEPTH = 40  # stretches scanned inside each other (templates in templates…), passes of masking


class Ambiguous(Exception):
    """The scanner is not sure how the full parser reads this page: let it."""


# tags whose content mwparserfromhell does not parse (mwparserfromhell.definitions.PARSER_BLACKLIST)
_UNPARSED = frozenset({"categorytree", "ce", "chem", "gallery", "graph", "hiero", "imagemap", "inputbox", "math",
                       "nowiki", "pre", "score", "section", "source", "syntaxhighlight", "templatedata", "timeline"})
_SKIPPED = OPAQUE_TAGS | _UNPARSED
_SCHEMES = ("bitcoin|ftp|ftps|geo|git|gopher|http|https|irc|ircs|magnet|mailto|mms|news|nntp|redis|sftp|sip|sips|"
            "sms|ssh|svn|tel|telnet|urn|worldwind|xmpp")

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^<>]*?)(/?)>")
_CANDIDATE = re.compile(
    # (a link that holds no bracket, brace or tag holds nothing for the model: not a candidate; a whole tag as
    # _TAG reads it, its groups _TAG's, before the "<" of any other, which _Scanner.tag looks at again)
    r"<!--|<(?-i:" + _TAG.pattern[1:] + r")|<\s*(?:/\s*)?[A-Za-z]|\{\{|\[\[(?![^\[\]{}<\ue000-\ue002]*\]\])|\[(?=[bfghimnrstuwx/])(?=(?:" + _SCHEMES
    + r"):|//)|\n[ \t:]*\{\|",
    re.IGNORECASE)  # (a table's "{|" after its "\n", every alternative a literal first: a "^" or a class
# there would make the search try every position; the first letters of the schemes, tried before the
# schemes are, make a "[" that starts no URL cheap; the full parser's stand-ins (wikitext._HIDDEN_LT…) need
# no alternative: a page that holds one goes to the full parser before the scan. The tag's "<" outside its
# "(?-i:…)": a group first, even one of flags only, leaves the engine no set of first characters to skip to,
# and it tried every alternative at every character, a third of the scanner's time on the 15 articles)
# wikitext._NEWLINE_AFTER_NAME's "<ref" or "<references" before a line end, found forwards (its
# look-behind tries every position of the page)
_NEWLINE_AFTER_NAME = re.compile(r"<ref(?:erences)?[\r\n]", re.IGNORECASE)
_TABLE_AT = re.compile(r"[ \t:]*\{\|")
_TAG_TEXT = re.compile(r"</?[A-Za-z][^<>]*>?")
# an opening as mwparserfromhell's tokenizer reads one: a name of anything but spaces and its markers
# ({}[]<>|=&'"#*;:/-!, and a backslash), then a space, ">" or "/>"; a closing "</" and a letter
_OPEN_TAG = re.compile(r"""<([^\s{}\[\]<>|=&'"#*;:/\\!-]+)(?=\s|>|/>)[^<>]*>?""")
_CLOSE_EXACT = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")
_REF_TEXT_TOKEN = re.compile(r"\{\{|\}\}|\[\[|\]\]|<")
_SINGLE_ONLY = frozenset({"br", "wbr", "hr", "meta", "link", "img"})  # (definitions.SINGLE_ONLY) no body
_CLOSE_TAG = re.compile(r"</([A-Za-z][^\s<>/]*)[^<>]*>?")
_QUOTED = re.compile(r"=\s*([\"'])")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# the parts of the page mwparserfromhell does not read as markup: comments and unparsed tags
_BLANK = re.compile(  # (the first letters looked at first, as in wikitext._OPAQUE_SPAN)
    r"<(?=[!" + "".join(sorted({n[0] for n in _UNPARSED})) + r"])(?:!--.*?-->|!--|("
    + "|".join(sorted(_UNPARSED)) + r")(?=[\s/>])[^<>]*?(?<!/)>.*?</\1\s*>)",
    re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""(\s*)([^\s=<>"'/]+)(?:(\s*)=(\s*)(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>/=][^\s<>/]*|"[^"\s<>/]*"[^\s<>/]+|'[^'\s<>/]*'[^\s<>/]+))(?=\s|/?\Z)|(\s*))""")
# (an unquoted value may hold a quote or "=" after its first character: name=APJ-2020" is the value APJ-2020";
# a quoted one closed before a space but not followed by one is read again unquoted, quotes and all, to the
# next space: name="a"" is the value "a""; one not closed in the tag runs on past it: not read here)
_TITLE_STOP = re.compile(r"[|\[\]{}<>\n]")  # what ends or fails a wikilink's title
_URI_AT = re.compile(r"//|[A-Za-z0-9+.-]*:")
_RUN_BREAKER = re.compile(r"[{}\[\]&<>:\n]")  # what may make a node in a tag's attributes read as text
_TRAIL = re.compile(r"\s*/?\Z")
_BRACES = re.compile(r"\{\{|\}\}")
_SQUARE = re.compile(r"\[\[|\]\]")
_MARKUP_OPEN = re.compile(r"[<{\[]")  # what may start a stretch that structure() masks
_PAIRED = {_BRACES: ("{{", "}}"), _SQUARE: ("[[", "]]")}  # (match: an opening at "at", its closing)
_TABLE = re.compile(r"\n[ \t:]*\{\||\n[ \t]*\|\}(?!\})")
_TEMPLATE_NAME = re.compile(r"\{\{([^{}|]*)")
_TEMPLATE_NAMES = re.compile(r"\{\{([^{}|]*)(\{?)")  # … and whether a "{" follows the name
_REFISH = re.compile(r"<\s*(?:/\s*)?ref", re.IGNORECASE)
_REF_START = re.compile(r"<ref(?=[\s/>])", re.IGNORECASE)
_LIST_START = re.compile(r"<\s*references", re.IGNORECASE)
# (the text up to the first "</ref>" as a run of anything but "<", then each "<" that starts no "</ref>" and
# the run after it: one step of the regex engine per run, where ".*?" takes one per character)
_REF_ELEMENT = re.compile(r"<ref(?=[\s/>])[^<>]*?/>|<ref(?=[\s/>])[^<>]*>[^<]*(?:<(?!/ref\s*>)[^<]*)*</ref\s*>",
                          re.IGNORECASE)
# a ref or list opening with a "<" before its ">": what wikitext._open_tags_without_gt looks for, all of them
# ruled out at once on most pages (the first "<" or ">" after the name: linear)
_LACKING_GT = re.compile(r"<ref(?:erences)?(?=[\s/>])[^<>]*<", re.IGNORECASE)
# wikitext.parse_wikitext's test for a list's closing tag, '"</references" in scan.lower()', without the
# lowered copy of the page (only ASCII letters lower to those of "references")
_LIST_CLOSING = re.compile(r"</references", re.IGNORECASE | re.ASCII)
# an innermost template or link: no "{{" or "}}" in it (a single brace is text), one run at a time
_INNER_TEMPLATE = re.compile(r"\{\{(?:[^{}]++|\{(?!\{)|\}(?!\}))*+\}\}")
_INNER_LINK = re.compile(r"\[\[(?:[^\[\]]++|\[(?!\[)|\](?!\]))*+\]\]")
# a table's lines that hold a "|" after their marker (a cell's style, perhaps), and those of "{|" and "|-" that
# hold attributes, or comments (blanked: spaces) (the marker taken whole: "|}" is no "|" and "}")
_TABLE_LINE = re.compile(r"^[ \t]*(?:(?:\{\||\|-)([^\n]+)|(?>(\{\||\|\}|\|-|\|\+|\||!)?)([^\n]*\|[^\n]*))",
                         re.MULTILINE)
_SINGLE_PIPE = re.compile(r"(?<!\|)\|(?!\|)")
_TD_CELLS = re.compile(r"\|\|")  # what starts a cell on a line of cells, after its first marker
_TH_CELLS = re.compile(r"\|\||!!")  # … on a line of header cells
_ATTR_COMMENT = re.compile(r"<!--[^|\"'=<>\n{}\[\]]*-->")
_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("ref", "references")}
_CLOSE_REF = _CLOSE["ref"]
_EXT_OPEN = re.compile(r"\[(?=[bfghimnrstuwx/])(?:(?:" + _SCHEMES + r"):|//)", re.IGNORECASE)  # (see _CANDIDATE)
_FREE_LINK = re.compile(r"(?:" + _SCHEMES + r"):", re.IGNORECASE)
_URL_STOP = frozenset(" \t\n\r\x0b\x0c<>[]{}|\"'")
_SKIPPED_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _SKIPPED}
_Attr, _RefTag = _made_quickly(Attr), _made_quickly(RefTag)
# a ref's one attribute, a name with nothing in it that either reading could take another way
_ONE_NAME = re.compile(r"""(\s+)name=(?:"([^\s"'<>&=/]+)"|([^\s"'<>&=/]+))\s*\Z""")
_PLAIN_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>{}\[\]|]*)?/?>")  # no markup in its attributes
_PLAIN_TITLE = re.compile(r"\[\[[^\[\]{}<>|\n]*\|")  # a wikilink's title that holds no markup, and its "|"
_PLAIN_TOKENS = (_tokens.Text, _tokens.TemplateParamSeparator, _tokens.TemplateParamEquals)
_VOID_TAG = re.compile(r"</?(?:br|hr|wbr|img)\b[^<>]*>|<[A-Za-z][A-Za-z0-9-]*\b[^<>]*/>", re.IGNORECASE)


def scan_wikitext(text: str, table: Optional[TemplateTable] = None) -> CitationModel:
    """The page's citation model: from the scanner, or from the full parser where it is not sure."""
    table = table or default_table()
    try:
        return _Scanner(text, table).run()
    except Ambiguous:
        return parse_wikitext(text, table)


class _ScanWalker(_Walker):
    """The full parser's walker, for the regions the scanner hands over; a ``<pre>`` that stands in for a
    ref the scanner reads itself (``_Scanner.masked``) goes back to the scanner where the walk meets it."""

    __slots__ = ("masked",)

    def __init__(self, table: TemplateTable, raw: str) -> None:
        super().__init__(table, raw)
        self.masked: dict[int, tuple] = {}

    def _tag(self, tag, s: str, offset: int, in_list: Optional[str]) -> None:
        if self.masked:
            aside = self.masked.pop(offset, None)
            if aside is not None:
                read, m, end = aside
                read(m, end, in_list)
                return
        super()._tag(tag, s, offset, in_list)


class _Scanner:
    __slots__ = ("text", "blank", "rblank", "table", "walker", "names", "depth", "line_at", "unwalked", "failed")

    def __init__(self, text: str, table: TemplateTable) -> None:
        self.text = text
        self.table = table
        self.walker = _ScanWalker(table, text)
        self.names: dict[str, bool] = {}  # template name → does it make refs or lists (a table entry)
        self.depth = 0  # stretches being scanned inside each other
        self.line_at = (0, 0)  # (an offset, where its line starts): found forwards, so linear in all
        self.unwalked: set[int] = set()  # comments the walk does not meet (in a table's attributes)
        self.failed = False  # a failed ref has been put back into rblank (failed_ref)

    def run(self) -> CitationModel:
        text = self.text
        if "<" in text and "\n" in text and _NEWLINE_AFTER_NAME.search(text):
            raise Ambiguous  # "<ref\nname=…>": the full parser's pre-pass rewrites it
        if _HIDDEN_LT in text or _HIDDEN_LB in text or _HIDDEN_LSQ in text:
            raise Ambiguous  # the full parser's stand-ins, written in the page
        scan = None
        if "<" in text:  # the full parser's other pre-passes: a ref tag without its ">", a list closed late
            scan = _OPAQUE_SPAN.sub(_spaces_plain, text)
            if _LACKING_GT.search(text) and _open_tags_without_gt(text, scan):
                raise Ambiguous
            if _LIST_CLOSING.search(scan) and _lists_closed_late(text, scan):
                raise Ambiguous
        if _defuse_needed(text, scan, no_stand_ins=True):
            raise Ambiguous  # unclosed markup the full parser hides first
        self.blank = _BLANK.sub(_spaces, text) if "<" in text else text
        # … and refs masked too: where a template, link or table ends (a "}}" or "]" in a ref's text is the
        # ref's: mwparserfromhell reads the tag whole)
        self.rblank = _REF_ELEMENT.sub(_filler, self.blank) if _REF_START.search(self.blank) else self.blank
        self.scan(0, len(text), None)
        model = self.walker.model
        if any(p.kind == "unclosed-ref" for p in model.problems):
            self.walker.settle(text)
        return model

    # -- the pass -------------------------------------------------------------------------
    def scan(self, pos: int, end: int, in_list: Optional[str]) -> None:
        """Everything in [pos, end) that the full parser's walker would walk as page text."""
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise Ambiguous  # templates in templates by the thousand: the full parser's bounds apply
        try:
            self._scan(pos, end, in_list)
        finally:
            self.depth -= 1

    def _scan(self, pos: int, end: int, in_list: Optional[str]) -> None:
        text, blank = self.text, self.blank
        find = _CANDIDATE.search
        first = None
        if pos == 0 or text[pos - 1] == "\n":
            first = _TABLE_AT.match(text, pos, end)  # a table on the stretch's first line
        while True:
            m, first = first or find(text, pos, end), None
            if m is None:
                return
            at = m.start()
            tok = m.group()
            c = tok[0]
            if c == "<":
                if tok == "<!--":
                    close = text.find("-->", at + 4, end)
                    if close < 0:
                        raise Ambiguous
                    if at not in self.unwalked:  # (a comment in a table's attributes is not walked)
                        self.walker.model.comments.append(_Span(at, close + 3))
                    pos = close + 3
                else:
                    pos = self.tag(at, end, in_list, m if m.lastindex else None)
            elif tok == "{{":
                if text.startswith("{{{", at):
                    raise Ambiguous
                close = self.match(_BRACES, at, end)
                if self.dead(at, close):
                    pass
                else:
                    inner = self.template_inner(at, close)
                    if inner is not None:
                        self.scan(inner, close - 2, in_list)  # its values, read as page text: the same walk
                    elif in_list is None and (listed := self.reflist_inner(at, close)) is not None:
                        inner, group = listed  # its values, each a list's text, then the list (_Walker._template)
                        w = self.walker
                        saved, w._list_start = w._list_start, at
                        self.scan(inner, close - 2, group)
                        w._list_start = saved
                        w._close_list(group, Span(at, close), "template")
                    else:
                        self.region(at, close, in_list, Template)
                pos = close
            elif c == "[":
                if tok == "[[":
                    if self.depth == 1 and _wikilink_fails(text, at):
                        pos = at + 2  # text, and what follows it page text
                        continue
                    close = self.match(_SQUARE, at, end)
                    self.region(at, close, in_list, Wikilink)
                    pos = close
                else:
                    nl = blank.find("\n", at, end)
                    stop = nl if nl >= 0 else end
                    close = blank.find("]", at, stop)
                    if close < 0 or _MARKUP_OPEN.search(blank, at + 1, close):
                        # (markup before the first "]": what it masks may hold the "]")
                        line = self.structure(at, stop)
                        close = -1 if line is None else line.find("]")
                        if close >= 0:
                            close += at
                    if close < 0:
                        pos = at + 1  # no "]" on the line: "[" is text, the URL a free link
                    else:
                        self.region(at, close + 1, in_list, ExternalLink)
                        pos = close + 1
            else:  # a table
                start = text.index("{|", at)
                close = self.match(_TABLE, start + 2, end, 1)
                if self.dead(start, close):
                    pass
                elif "{{{" not in blank[start:close] and (skip := self.table_ok(start, close)) is not None:
                    self.unwalked.update(skip)
                    self.scan(start + 2, close, in_list)  # read as page text: the same walk
                else:
                    self.region(start, close, in_list, Tag)
                pos = close

    def match(self, pattern: re.Pattern, at: int, end: int, depth: int = 0) -> int:
        """The end of the bracket pair that opens at ``at`` (nested pairs counted), in [at, end); ``depth``:
        how many are open at ``at``."""
        pair = _PAIRED.get(pattern)
        if pair is not None and depth == 0:  # (most: no opening before the first closing, found by str.find)
            opening, closing = pair
            close = self.rblank.find(closing, at + 2, end)
            if close >= 0 and self.rblank.find(opening, at + 2, close) < 0:
                return close + 2
        for m in pattern.finditer(self.rblank, at, end):
            tok = m.group()
            if "{" in tok or "[" in tok:
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return m.end()
        raise Ambiguous  # never closed

    def dead(self, start: int, end: int) -> bool:
        """Whether [start, end) holds nothing the walker would take from it: no tag or comment,
        no reference template."""
        if self.text.find("<", start, end) >= 0:
            return False
        return self.names_dead(start, end)

    def names_dead(self, start: int, end: int) -> bool:
        """Whether [start, end) holds no reference template (``dead`` without its look for tags)."""
        text = self.text
        if text.startswith("{", end):  # (a name may run on to it, past the stretch: looked at one by one)
            for m in _TEMPLATE_NAME.finditer(text, start, end):
                if self.known(m.group(1)) or text.startswith("{", m.end()):
                    return False
            return True
        names = self.names
        for name, brace in _TEMPLATE_NAMES.findall(text, start, end):
            known = names.get(name)
            if known is None:
                known = self.known(name)
            if known or brace:
                return False  # a reference template, or a template name made by a template
        return True

    def known(self, name: str) -> bool:
        """Whether a template of that name (as written, spaces and all) makes refs or lists."""
        known = self.names.get(name)
        if known is None:
            lname = name.strip().lower()
            known = lname.startswith("#tag") or self.table.lookup(name.strip()) is not None
            self.names[name] = known
        return known

    def template_inner(self, start: int, end: int) -> Optional[int]:
        """Where the parameters of the template at [start, end) begin, when the walker's reading of it is that
        of page text: a template that makes no refs or lists, whose name and parameter names (which are not
        walked) hold nothing the model needs. None: hand it to mwparserfromhell."""
        text = self.text
        name = _TEMPLATE_NAME.match(text, start, end)
        if name is None or not self.dead(start, name.end()) or text.startswith("{", name.end()):
            return None
        return self.params_inner(start, end)

    def reflist_inner(self, start: int, end: int) -> Optional[tuple]:
        """(where its parameters begin, its group) for a reference-list template at [start, end) (``{{reflist|
        refs=<ref name="a">…</ref>…}}``) whose parameters the walker walks as it walks page text, each a list's
        text (``_Walker._template``): a plain name, no ``group`` parameter (its group is the template's
        own), parameter names that hold nothing the model needs. None: hand it to mwparserfromhell."""
        text = self.text
        name = _TEMPLATE_NAME.match(text, start, end)
        if name is None or text.find("<", start, name.end()) >= 0 or text.startswith("{", name.end()):
            return None
        spec = self.table.lookup(name.group(1).strip())
        if spec is None or spec.kind != "reflist":
            return None
        inner = self.params_inner(start, end, "group")
        return None if inner is None else (inner, spec.group or DEFAULT_GROUP)

    def params_inner(self, start: int, end: int, refused: Optional[str] = None) -> Optional[int]:
        """``template_inner`` once the name is known to be read so: where the parameters begin, or None.
        ``refused``: a parameter name that sends the template to mwparserfromhell all the same."""
        text = self.text
        if "{{{" in self.blank[start:end]:
            return None
        if _free_link_before(text, start):
            raise Ambiguous  # perhaps inside a free link ("http://x/{{y}}"), which the walker skips
        st = self.structure(start + 2, end - 2)
        if st is None or _EXT_OPEN.search(st):
            return None  # a link whose "|" are its own: mwparserfromhell knows which
        if "<" in st:
            st = self.tags_masked(st, start + 2)  # tags own their "|" and "=" too
            if st is None:
                return None
        first = st.find("|")
        if first < 0:
            return end - 2
        base = start + 2
        pos = first
        while pos >= 0:
            nxt = st.find("|", pos + 1)
            stop = nxt if nxt >= 0 else len(st)
            eq = st.find("=", pos + 1, stop)
            if eq >= 0 and not self.dead(base + pos + 1, base + eq):
                return None  # a parameter name with markup in it: not walked
            if eq >= 0 and refused is not None and text[base + pos + 1:base + eq].strip() == refused:
                return None
            pos = nxt
        return base + first

    def tags_masked(self, st: str, base: int) -> Optional[str]:
        """``st`` (a template's text from ``base``, its nested templates, links, refs, comments and void tags
        masked: ``structure``) with its tags masked too, each pair from its opening to its closing, where
        mwparserfromhell surely reads them so, as nodes that own the ``|`` and ``=`` in them: every ``<`` a
        tag (a name of letters and digits, attributes with no quote left open, no backslash, nothing masked
        in them), paired and nested, none single (``<li>``…), unparsed, a ref's or self-closing; the scan
        then reads each one as page text (``tag``). None: not so."""
        text = self.text
        stack: list[tuple[str, int]] = []
        outer = []  # the outermost pairs: [start, end) in st
        pos = st.find("<")
        while pos >= 0:
            m = _TAG.match(st, pos)
            if m is None:
                return None
            closing, name, _attrs, selfclose = m.groups()
            lname = name.lower()
            raw = m.group()
            if (selfclose or "-" in lname or lname in _SINGLE or lname in _SKIPPED or lname.startswith("ref")
                    or text[base + pos:base + m.end()] != raw or "\\" in raw or _unclosed_quote(raw)):
                return None
            if not closing:
                stack.append((lname, pos))
            elif not stack or stack[-1][0] != lname:
                return None  # a closing that closes nothing, or not the last one opened: the tag fails
            else:
                opened = stack.pop()[1]
                if not stack:
                    outer.append((opened, m.end()))
            pos = st.find("<", m.end())
        if stack:
            return None
        out, copied = [], 0
        for a, b in outer:
            out.append(st[copied:a])
            piece = st[a:b]
            out.append(_masked(piece))
            copied = b
        out.append(st[copied:])
        return "".join(out)

    def structure(self, start: int, end: int) -> str:
        """[start, end) of the page with comments, unparsed tags, refs, templates, links and void tags
        masked (same length, line ends kept): what is left is the markup at the top level of the stretch."""
        st = self.blank[start:end]
        if "<" in st:
            st = _REF_ELEMENT.sub(_filler, st)
            if "<" in st:
                st = _VOID_TAG.sub(_filler, st)
        return _masked_nested(st)

    def table_structure(self, start: int, end: int) -> Optional[str]:
        """``structure`` for a table the scan met in page text: its refs are those ``rblank`` masks (the
        table starts and ends outside any: ``match`` finds its end in ``rblank``), so they are not
        looked for again, unless ``failed_ref`` has changed ``rblank``."""
        if self.failed:
            return self.structure(start, end)
        st = self.rblank[start:end]
        if "<" in st:
            st = _VOID_TAG.sub(_filler, st)
        return _masked_nested(st)

    def table_ok(self, start: int, end: int) -> Optional[list]:
        """Whether the walker's reading of the table at [start, end) is that of page text: what it does not
        walk (the attributes after ``{|`` and ``|-``, a cell's style: from the cell's start, after its line's
        marker or a ``||``, or a ``!!`` on a header line, to its first ``|``; the ``|`` after that one are
        the cell's text) holds nothing the model needs but comments, which the walk does not meet there.
        Templates, links, refs and comments are masked first (their ``|`` are their own). The comments in
        those attributes (to be stepped over, not recorded), or None: not so."""
        st = self.table_structure(start, end)
        if st is None or "|||" in st:
            return None
        skip: list[int] = []
        for line in _TABLE_LINE.finditer(st):  # (only the lines that hold something to look at)
            attrs, marker, rest = line.groups()
            if attrs is not None:  # "{|" or "|-" and attributes
                if not self.attrs_dead(start + line.start(1), start + line.end(1), skip):
                    return None
                continue
            a = start + line.start(3)
            if marker is None or marker == "|}":
                if _SINGLE_PIPE.search(rest):
                    return None  # a "|" on a line of its own: perhaps a cell's style after all
                continue
            cell = 0
            for sep in (_TH_CELLS if marker == "!" else _TD_CELLS).finditer(rest):
                pipe = rest.find("|", cell, sep.start())
                if pipe >= 0 and not self.attrs_dead(a + cell, a + pipe, skip):
                    return None
                cell = sep.end()
            pipe = rest.find("|", cell)
            if pipe >= 0 and not self.attrs_dead(a + cell, a + pipe, skip):
                return None
        return skip

    def attrs_dead(self, start: int, end: int, skip: list) -> bool:
        """``dead``, for attributes the walker does not walk: comments in them are not its (their starts
        go to ``skip``), so long as the tokenizer reads them whole as attribute text (no ``|``, quote, ``=``
        or bracket in them)."""
        text = self.text
        lt = text.find("<", start, end)
        while lt >= 0:
            c = _ATTR_COMMENT.match(text, lt, end)
            if c is None:
                return False
            skip.append(lt)
            lt = text.find("<", c.end(), end)
        return self.names_dead(start, end)

    def region(self, start: int, end: int, in_list: Optional[str], kind) -> None:
        """Hand [start, end) to mwparserfromhell and the walker, unless it holds nothing for them."""
        if self.dead(start, end):
            return
        if kind is Template:
            if "{{{" in self.blank[start:end]:
                raise Ambiguous  # template arguments: their braces pair differently
            if _free_link_before(self.text, start):
                raise Ambiguous  # perhaps inside a free link ("http://x/{{y}}"), which the walker skips
        self.delegate(start, end, in_list, kind)

    def delegate(self, start: int, end: int, in_list: Optional[str], kind, may_fail: bool = False) -> bool:
        """Parse [start, end) alone with mwparserfromhell and walk it with the full parser's walker. Alone
        it must be the one node it is in the page, and hold no tag with a quote left open (which, in the
        page, mwparserfromhell may run on past the region's end).

        Tags are found the way mwparserfromhell's tokenizer finds them (``_tag_opens``): ``<name`` is an
        opening only where the name runs up to a space, ``>`` or ``/>``; ``<http://x>``, ``<a-b>`` are text
        at once. In a ref (``<ref …>…</ref>``, the region ending at the first ``</ref>``) a tag left open
        never runs past that ``</ref>``: a closing tag met in a tag's body that is not its own fails the
        tag, which is then read as text (so ``<ref>a <b>c</ref>`` is a ref whose text is ``a <b>c``), and
        a stray closing tag fails the ref itself, which the one-node check sees. Only an opening whose
        ``>`` is not where the scanner sees it (a ``<``, a quote or a ``\\`` before it, or a template or
        link in its attributes) could run past. Elsewhere (a template, a link, a table: their contents are
        not a tag's body) every opening must be closed in the region and every closing close one of them.
        """
        blank = self.blank
        if kind is Tag and self.text[start] == "<":
            for at, closing, name, tag in _tag_opens(blank, start, end):
                if not closing and (tag[-1] != ">" or "\\" in tag or "{{" in tag or "[[" in tag
                                    or _unclosed_quote(tag) or (at > start and name.lower() in _UNPARSED)):
                    raise Ambiguous  # an opening that may end elsewhere: past the </ref>, perhaps
            opening = _TAG.match(self.text, start, end)
            if opening is not None and not opening.group(4):
                _ref_text_tags(blank, opening.end(), blank.rfind("</", start, end))  # tags across templates
        else:
            open_tags: list[str] = []
            for at, closing, name, tag in _tag_opens(blank, start, end):
                if "\\" in tag or _unclosed_quote(tag):
                    raise Ambiguous
                name = name.lower()
                if name in _SINGLE or tag.endswith("/>"):
                    continue
                if not closing:
                    open_tags.append(name)
                elif not open_tags or open_tags.pop() != name:
                    raise Ambiguous  # a tag closed in the region that opened before it, or paired otherwise
            if open_tags:
                raise Ambiguous  # a tag that the page may close after the region (mwparserfromhell reads it whole)
        if kind is Wikilink and self.caption_refs(start, end, in_list):
            return True
        masked = self.masked(start, end) if kind is not Tag or self.text[start] != "<" else None
        if masked is None and kind is Template and self.plain_template(start, end, in_list):
            return True
        region = masked or self.text[start:end]
        tokenizable(region)  # the time limit, held inside the C tokenizer too
        code = mwparserfromhell.parse(region, skip_style_tags=True)
        nodes = code.nodes
        if len(nodes) != 1 or type(nodes[0]) is not kind:
            if may_fail and type(nodes[0]) is Text and _REF_START.search(blank, start + 1, end) is None:
                return False  # a ref that fails (a stray closing tag in it): text, in the page too
            raise Ambiguous  # not the one node it is in the page
        self.walker.walk(code, start, in_list)
        if self.walker.masked:
            raise Ambiguous  # a ref set aside that the walk did not reach: it might count after all
        return True
        
    def one_node(self, s: str, opening, closing) -> Optional[list]:
        """The tokens of ``s``, if ``mwparserfromhell.parse(s, skip_style_tags=True)`` gives one node of
        the kind that ``opening`` starts and ``closing`` ends (the builder makes one node of the tokens
        from an opening to its closing): found by the tokenizer alone, without the builder's nodes."""
        tokenizable(s)
        toks = _Tokenizer().tokenize(s, 0, True)
        if not toks or type(toks[0]) is not opening or type(toks[-1]) is not closing:
            return None
        depth, last = 0, len(toks) - 1
        for i, t in enumerate(toks):
            tt = type(t)
            if tt is opening:
                depth += 1
            elif tt is closing:
                depth -= 1
                if depth == 0:
                    return toks if i == last else None
        return None

    def plain_template(self, start: int, end: int, in_list: Optional[str]) -> bool:
        """A reference template that holds only text (``{{r|name1|name2}}``, ``{{reflist|30em}}``): what
        the walker's ``_template`` makes of it, from the tokens of its name and parameters (the builder
        makes its parameters of them so: a key where an "=" is, else the next number). False: not such a
        template, left to mwparserfromhell."""
        s = self.text[start:end]
        if "<" in s:
            return False
        toks = self.one_node(s, _tokens.TemplateOpen, _tokens.TemplateClose)
        if toks is None:
            return False
        name_parts: list[str] = []
        params: list[list] = []  # [key or None (positional), text]
        for t in toks[1:-1]:
            tt = type(t)
            if tt is _tokens.Text:
                (params[-1] if params else name_parts).append(t.text)
            elif tt is _tokens.TemplateParamSeparator:
                params.append([None])
            elif tt is _tokens.TemplateParamEquals and params and params[-1][0] is None:
                params[-1][0] = "".join(params[-1][1:])
                del params[-1][1:]
            else:
                return False  # a node in it (an entity, a template…): the builder's nodes are needed
        name = "".join(name_parts).strip()
        if name.lower().startswith("#tag") or "{" in name:
            return False
        spec = self.table.lookup(name)
        if spec is None or spec.kind not in ("reuse", "reflist"):
            return False
        named = {}
        for p in params:
            if p[0] is not None:
                named[p[0].strip()] = "".join(p[1:])
        span = Span(start, end)
        w = self.walker
        if spec.kind == "reflist":
            group = _strip_quotes(named["group"]) if "group" in named else (spec.group or DEFAULT_GROUP)
            w._close_list(group, span, "template")  # (its parameters hold no ref: nothing to walk)
            return True
        group = DEFAULT_GROUP
        for key in ("group", "g"):
            if key in named:
                group = _strip_quotes(named[key])
        for p in params:
            if p[0] is None:
                w._reuse_key(group, "".join(p[1:]).strip(), span, in_list)
        return True

    def caption_refs(self, start: int, end: int, in_list: Optional[str]) -> bool:
        """A wikilink whose refs ``ref`` reads itself (``simple_refs``) and whose other text the walker takes
        nothing from (``[[File:x.jpg|thumb|A <small>caption</small>.<ref>…</ref>]]``): a plain title, and
        around the refs no comment, reference template, template argument, external link or table, no
        tag but plain ones (whose text is walked; ``delegate`` has paired them), and no ref inside a
        template (whose parameter names are not walked). The walk would meet just those refs, in order:
        they are read here, once the tokenizer finds the region, each ref a ``<pre>`` (``masked``), one
        wikilink, without the builder's nodes. False: left to mwparserfromhell and the walker."""
        text = self.text
        title = _PLAIN_TITLE.match(text, start, end)
        if title is None:
            return False
        cap = title.end()
        refs = self.simple_refs(cap, end)
        if not refs:
            return False
        prev, pieces = cap, []
        for t, stop in refs:
            pieces.append((prev, t.start()))
            prev = stop
        pieces.append((prev, end - 2))
        for a, b in pieces:
            if (text.find("{|", a, b) >= 0 or text.find("{{{", a, b) >= 0 or not self.names_dead(a, b)
                    or _EXT_OPEN.search(text, a, b)):
                return False
            lt = text.find("<", a, b)
            while lt >= 0:  # formatting tags (<small>…</small>): their text is walked, as the refs in it
                t = _PLAIN_TAG.match(text, lt, b)
                if t is None or t.group(1).lower() in _SKIPPED or t.group(1).lower().startswith("ref"):
                    return False
                lt = text.find("<", t.end(), b)
        if text.find("{{", cap, end) >= 0:  # a ref in a template: the braces before it left open (one pass)
            starts = iter([t.start() for t, _stop in refs] + [end])
            nxt, depth = next(starts), 0
            for b in _BRACES.finditer(text, cap, end):
                while b.start() >= nxt:
                    if depth:
                        return False
                    nxt = next(starts)
                depth = depth + 1 if b.group() == "{{" else max(depth - 1, 0)
            while nxt < end:
                if depth:
                    return False
                nxt = next(starts)
        shape = [text[start:cap]]
        for (t, _stop), (a, b) in zip(refs, pieces[1:]):
            shape.append("<pre></pre>")
            shape.append(text[a:b])
        shape.append("]]")
        if self.one_node("".join(shape), _tokens.WikilinkOpen, _tokens.WikilinkClose) is None:
            return False
        for t, _stop in refs:
            self.ref(t, end, in_list)
        return True

    def failed_ref(self, m: re.Match, stop: int) -> int:
        """A ref in the page's own text whose tag mwparserfromhell fails (``delegate``: a closing tag in its
        text that closes nothing there, ``<ref>a</br>b</ref>``; the failure is met before the region's end,
        and all before it reads the same alone as in the page): its ``<`` is text, and the tokenizer goes on
        after it, so what the ref held is page text and its ``</ref>`` a stray one. The walker's findings for
        both (``_leftovers``; ``settle`` pairs them later); the scan goes on after the opening tag. Only with
        attributes that stay one run of text in the page (no entity, link, template)."""
        at = m.start()
        if _RUN_BREAKER.search(m.group(3)):
            raise Ambiguous
        self.rblank = self.rblank[:at] + self.blank[at:stop] + self.rblank[stop:]  # no longer a ref
        self.failed = True
        return self.leftover(at, "unclosed-ref")

    def masked(self, start: int, end: int) -> Optional[str]:
        """The region with each ref the scanner reads itself swapped for a ``<pre>`` of the same length,
        (``<pre>{{xx…</pre>``), which mwparserfromhell reads as cheaply as text (the contents of a tag are parsed apart from what
        is around it, so the region's structure does not change); the walker hands each back to
        ``ref`` where it meets it (``_ScanWalker``). None: nothing to swap, or a region where what a ref's
        text is matters to what holds it (a reference list, ``{{#tag:…}}``, a note template)."""
        text, blank = self.text, self.blank
        if _REF_START.search(blank, start, end) is None:
            return None
        if _LIST_START.search(blank, start, end) is not None:
            return None
        for m in _TEMPLATE_NAME.finditer(text, start, end):
            name = m.group(1).strip()
            if name.lower().startswith("#tag") or "{" in name:
                return None
            spec = self.table.lookup(name) if name else None
            if spec is not None and spec.kind == "ref":
                return None
        refs = self.simple_refs(start, end)
        if not refs:
            return None
        out, copied = [], start  # copied: how far out reaches
        aside = {}
        for t, pos in refs:
            if pos - t.start() < 13:
                continue  # too short for the <pre>: left to mwparserfromhell
            out.append(text[copied:t.start()])
            # (the "{{" makes the walker look: _WORTH_A_LOOK; in a <pre> it is text)
            out.append("<pre>{{" + "x" * (pos - t.start() - 13) + "</pre>")
            aside[t.start()] = (self.ref, t, end)
            copied = pos
        if not aside:
            return None
        out.append(text[copied:end])
        self.walker.masked.update(aside)
        return "".join(out)

    def simple_refs(self, start: int, end: int) -> Optional[list]:
        """The refs in [start, end) that ``ref`` reads itself, as page text, with no region of their own
        (no tag or comment in their text, no reference template, attributes read simply; self-closing
        ones too): (the opening tag's match, where the ref ends) each. None: a ref not closed there."""
        text, blank = self.text, self.blank
        out, pos = [], start  # pos: where the search goes on
        for r in _REF_START.finditer(blank, start, end):
            if r.start() < pos:
                continue
            t = _TAG.match(text, r.start(), end)
            if t is None:
                continue
            if t.group(4):  # self-closing: a tag as the <pre> is (<ref name="a"/>, in a caption)
                pos = t.end()
                if self._attrs(t) is None:
                    continue
            else:
                close = _CLOSE_REF.search(blank, t.end(), end)
                if close is None:
                    return None
                inner = blank[t.end():close.start()]
                content = text[t.end():close.start()]
                pos = close.end()
                if (not _plain_content(inner) or _REFISH.search(inner) or "<!--" in content
                        or "<" in inner or ("{{" in content and not self.dead(t.end(), close.start()))
                        or self._attrs(t) is None):
                    continue  # what it holds is left to mwparserfromhell
            out.append((t, pos))
        return out

    # -- tags -------------------------------------------------------------------------------
    def tag(self, at: int, end: int, in_list: Optional[str], m: Optional[re.Match] = None) -> int:
        """Read the tag at ``at``; return where scanning goes on. ``m``: ``_TAG``'s match there, if the
        candidate search has made it (its groups are ``_TAG``'s); else it is looked for here."""
        text = self.text
        if m is None:
            m = _TAG.match(text, at, end)
        if m is None and (text[at + 1].isspace() or text[at + 1] == "/" and text[at + 2: at + 3].isspace()):
            if _REFISH.match(text, at):
                raise Ambiguous  # "< ref>": leftover ref markup
            return at + 1  # "a < b": text
        if m is None:
            n = _TAG_NAME.match(text, at, end)
            if n is None or n.group(2).lower().startswith("ref"):
                raise Ambiguous  # "< ref", "<ref" without its ">", "<refname=…>"
            gt = text.find(">", at, end)
            stretch = text[at + 1:gt if gt >= 0 else end]
            if "<" in stretch or "{{" in stretch or "[[" in stretch:
                raise Ambiguous  # a tag whose attributes hold markup
            return n.end()
        closing, name, attrs, selfclose = m.groups()
        lname = name.lower()
        if lname.startswith("ref"):
            if lname not in ("ref", "references"):
                raise Ambiguous  # "<refs>", "<refname=…>"
            if closing:
                return self.leftover(at, "stray-close")  # a </ref> that closes nothing
            if lname == "ref":
                return self.ref(m, end, in_list)
            return self.references(m, end, in_list)
        if closing:
            return m.end()
        if lname in _SKIPPED:
            if selfclose:
                return m.end()
            close = _SKIPPED_CLOSE[lname].search(text if lname in _UNPARSED else self.blank, m.end(), end)
            if close is None:
                raise Ambiguous
            inner = text[m.end():close.start()]
            if lname not in _UNPARSED and ("<" + lname) in inner.lower():
                raise Ambiguous  # nested
            if lname not in OPAQUE_TAGS and _REFISH.search(inner):
                raise Ambiguous  # unparsed text the walker reads for leftover ref tags (<gallery>)
            return close.end()
        if "{{" in attrs or "[[" in attrs:
            raise Ambiguous  # attributes are not walked: what is in them does not count
        if ('"' in attrs or "'" in attrs) and _unclosed_quote(attrs):
            raise Ambiguous  # mwparserfromhell may run the value on past the ">" to a quote further on
        return m.end()  # any other tag: its contents are walked as page text

    def leftover(self, at: int, kind: str) -> int:
        """Ref markup the full parser leaves as text: the walker's finding for it (``_leftovers``)."""
        text = self.text
        m = _LEFTOVER.match(text, at)
        if m is None or "\n" in m.group() or text.startswith("=", self.line_start(at)):
            raise Ambiguous  # (a heading ends at the last "=" of its line, in the middle of this text)
        self.walker.model.problems.append(Problem(kind, Span(at, m.end()), m.group(2).lower()))
        return m.end()

    def line_start(self, at: int) -> int:
        """Where the line of ``at`` starts; asked in page order, the search never goes back over a line."""
        last, start = self.line_at
        if at >= last:
            nl = self.text.rfind("\n", last, at)
            if nl >= 0:
                start = nl + 1
        else:
            start = self.text.rfind("\n", 0, at) + 1
        self.line_at = (at, start)
        return start

    def _attrs(self, m: re.Match) -> Optional[tuple]:
        """The tag's attributes as mwparserfromhell reads them (a bare name keeps the spaces after it),
        or None where the simple reading might differ from it."""
        raw = m.group(3)
        if not raw:
            return ()
        out = []
        base = m.start(3)
        i, after_bare = 0, False
        while _TRAIL.match(raw, i) is None:
            a = _ATTR.match(raw, i)
            if a is None:
                return None
            pad, name, _b, _e, dq, sq, bare, _tail = a.groups()
            if not pad and not after_bare:
                return None
            if dq is not None:
                value, quote = dq, '"'
            elif sq is not None:
                value, quote = sq, "'"
            else:
                value, quote = bare, None
            after_bare = _e is None
            out.append(_Attr(name.lower(), value, quote, _Span(base + i + len(pad), base + a.end())))
            i = a.end()
        return tuple(out)

    def ref(self, m: re.Match, end: int, in_list: Optional[str]) -> int:
        text = self.text
        at = m.start()
        selfclose = bool(m.group(4))
        if selfclose:
            stop, cstart, content = m.end(), -1, None
        else:
            blank = self.blank
            cstart = m.end()
            close = _CLOSE_REF.search(blank, cstart, end)
            if close is None:
                if end != len(text):
                    raise Ambiguous
                return self.leftover(at, "unclosed-ref")  # never closed: text, to mwparserfromhell
            cend, stop = close.span()
            content = text[cstart:cend]
            if "<" not in content:
                # (no comment, tag or unparsed tag in it: the blanked page reads the same here)
                if not _plain_content(content):
                    raise Ambiguous  # markup that may run past the </ref>: the ref may end elsewhere
                if "{{" in content and not self.names_dead(cstart, cend):
                    self.delegate(at, stop, in_list, Tag)  # a reference template: numeric names
                    return stop
            else:
                inner = blank[cstart:cend]
                if not _plain_content(inner):
                    raise Ambiguous
                if (_REFISH.search(inner) or "<!--" in content
                        or "<" in inner and not (_ref_text_tags(blank, cstart, cend)
                                                 and ("{{" not in content or self.names_dead(cstart, cend)))):
                    if not self.delegate(at, stop, in_list, Tag, self.depth == 1):
                        return self.failed_ref(m, stop)
                    return stop
                if "<" in inner:
                    pass  # tags that leave the ref one tag to its </ref>, and no reference template: read here
                elif "{{" in content and not self.dead(cstart, cend):
                    self.delegate(at, stop, in_list, Tag)
                    return stop
        raw = m.group(3)
        if not raw:
            attrs = read = ()  # (most refs)
        elif (plain := _name_only(m)) is not None:  # (most of the others)
            attrs, read = plain
        else:
            attrs = self._attrs(m)
            if attrs is None:
                raise Ambiguous  # attributes read another way (a quote not closed in the tag runs on past it)
            read = sanitizer_attributes(raw) if attrs else ()
        span = _Span(at, stop)
        w = self.walker
        w.model.tags.append(_RefTag("ref", span, attrs, in_list is not None, selfclose, content, in_list, read))
        w._emit_ref(dict(read), content, span, cstart, in_list)
        return stop

    def references(self, m: re.Match, end: int, in_list: Optional[str]) -> int:
        if in_list is not None:
            raise Ambiguous
        text, blank = self.text, self.blank
        at = m.start()
        selfclose = bool(m.group(4))
        attrs = self._attrs(m)
        if selfclose:
            stop, content = m.end(), None
        else:
            close = _CLOSE["references"].search(blank, m.end(), end)
            if close is None:
                if end != len(text):
                    raise Ambiguous
                return self.leftover(at, "unclosed-references")
            if _LIST_START.search(blank, m.end(), close.start()):
                raise Ambiguous  # a list in a list: closed late
            stop = close.end()
            content = text[m.end():close.start()]
        if attrs is None:
            raise Ambiguous
        span = Span(at, stop)
        w = self.walker
        read = sanitizer_attributes(m.group(3)) if attrs else ()
        w.model.tags.append(RefTag("references", span, attrs, False, selfclose, content, None, read))
        values = dict(read)
        group = _decode(values.get("group")) or ""
        if any(k not in ("group", "responsive") for k in values):
            return stop
        if content is not None:
            saved, w._list_start = w._list_start, at
            self.scan(m.end(), m.end() + len(content), group)
            w._list_start = saved
        w._close_list(group, span, "references")
        return stop


def _masked_nested(st: str) -> Optional[str]:
    """``st`` with its templates and links masked, innermost first (same length, line ends kept); None
    where they nest too deep to mask in a few passes."""
    for pattern, token in ((_INNER_TEMPLATE, "{{"), (_INNER_LINK, "[[")):
        for _ in range(_MAX_DEPTH):
            if token not in st:
                break
            st, n = pattern.subn(_filler, st)
            if not n:
                break
        else:
            return None
    return st


def _name_only(m: re.Match) -> Optional[tuple]:
    """(``_Scanner._attrs``, ``sanitizer_attributes``) of a ref tag (``_TAG``'s match) whose one attribute is
    a plain name (``name="a"``, ``name=a``: nothing in it that either could read another way), made at once;
    None: another kind of attributes."""
    one = _ONE_NAME.match(m.group(3))
    if one is None:
        return None
    quoted, bare = one.group(2), one.group(3)
    value = quoted if quoted is not None else bare
    start = m.start(3) + len(one.group(1))
    end = start + 5 + len(value) + (2 if quoted is not None else 0)  # name= and the value, quotes and all
    return (_Attr("name", value, '"' if quoted is not None else None, _Span(start, end)),), (("name", value),)


def _decode(value):
    from citelint.parsers.wikitext import _decode as decode

    return decode(value)


def _plain_content(inner: str) -> bool:
    """Whether a ref's text (comments and unparsed tags blanked) surely ends at the first ``</ref>``:
    every ``{{`` and ``[[`` in it is closed in it (a closing one too many is text), and it holds no
    template argument, table, heading or external link left open."""
    if "{{" in inner:
        if "{{{" in inner or not _balanced(inner, "{{", "}}", _BRACES):
            return False
    if "[[" in inner and not _balanced(inner, "[[", "]]", _SQUARE):
        return False
    if "\n" in inner and ("{|" in inner or "\n=" in inner):
        return False
    if "[" in inner:
        for m in _EXT_OPEN.finditer(inner):
            close, nl = inner.find("]", m.end()), inner.find("\n", m.end())
            if close < 0 or 0 <= nl < close:
                return False  # a link that may run past the </ref>
    return True


def _balanced(inner: str, opening: str, closing: str, pattern: re.Pattern) -> bool:
    """``_closed``, for a text that holds ``opening``: with one opening (most refs hold one template), it is
    closed where a closing follows it (the closings before it are text); with more openings than closings
    it cannot be."""
    n = inner.count(opening)
    if n == 1:
        return inner.find(closing, inner.find(opening) + 2) >= 0
    if n > inner.count(closing):
        return False
    return _closed(pattern, inner)


def _closed(pattern: re.Pattern, inner: str) -> bool:
    """Whether every opening in ``inner`` is closed in it, pairing as the tokenizer does (a closing that
    finds none open is text)."""
    depth = 0
    for m in pattern.finditer(inner):
        if m.group()[0] in "{[":
            depth += 1
        elif depth:
            depth -= 1
    return depth == 0


def _tag_opens(blank: str, start: int, end: int):
    """The tags in [start, end) of the blanked page as mwparserfromhell's tokenizer sees them: each
    ``(at, closing, name, text)``, ``text`` running to the first ``>`` (or to the next ``<``, or ``end``).
    An opening ``<name`` counts only where the name (up to a space or one of the tokenizer's markers) is
    followed by a space, ``>`` or ``/>``: anything else fails the tag at once, and the ``<`` is text. A
    closing ``</`` counts where a letter follows (one that does not fails too: ``</ b>`` is no tag)."""
    pos = blank.find("<", start, end)
    while pos >= 0:
        if blank.startswith("/", pos + 1):
            m = _CLOSE_TAG.match(blank, pos, end)
            if m is not None:
                yield pos, "/", m.group(1), m.group()
        else:
            m = _OPEN_TAG.match(blank, pos, end)
            if m is not None:
                yield pos, "", m.group(1), m.group()
        pos = blank.find("<", pos + 1, end)


def _ref_text_tags(blank: str, start: int, end: int) -> bool:
    """How mwparserfromhell reads the tags in a ref's text [start, end) of the blanked page: True when
    the ref stays one tag to its ``</ref>`` whatever they are (each closing closes an opening before it,
    and the openings it passes over are text: they fail at it), False when a closing closes nothing, which
    fails the ref. Raises ``Ambiguous`` where the tokenizer may read them otherwise: an opening whose
    ``>`` may lie elsewhere; a closing that is not ``</name>``; and a tag closed whose body holds the end
    of a template, link or external link the tag is in (a tag's body is read apart from what holds it, so
    the ``}}`` or ``]]`` in it is text there, and the template runs on, past the ``</ref>`` perhaps): its
    closing comes at another depth of templates and links than its opening."""
    links = []
    if "[" in blank[start:end]:
        links = [(m.start(), blank.find("]", m.end(), end)) for m in _EXT_OPEN.finditer(blank, start, end)]
    depth = 0  # templates and links open around the token
    stack: list[tuple[str, int]] = []  # the tags open, with the depth at which each opened
    for t in _REF_TEXT_TOKEN.finditer(blank, start, end):
        tok, at = t.group(), t.start()
        if tok == "{{" or tok == "[[":
            depth += 1
        elif tok != "<":
            # (in the body of a tag opened inside, it is text; and that tag, closed later, is caught below:
            # a tag left open fails at the </ref>, and the "}}" closes the template after all)
            depth -= depth > 0
        elif blank.startswith("/", at + 1):
            c = _CLOSE_EXACT.match(blank, at, end)
            if c is None:
                raise Ambiguous  # "</ b>", "</a b>": a closing that fails what it meets
            name = c.group(1).lower()
            i = len(stack) - 1
            while i >= 0 and stack[i][0] != name:
                i -= 1
            if i < 0 or stack[i][1] != depth or (depth and i != len(stack) - 1):
                if depth == 0 and i < 0:
                    return False  # it closes nothing: met in the ref's own text, it fails the ref
                raise Ambiguous
            del stack[i:]
        else:
            o = _OPEN_TAG.match(blank, at, end)
            if o is None:
                continue  # text at once
            tag, name = o.group(), o.group(1).lower()
            if (tag[-1] != ">" or "\\" in tag or "{{" in tag or "[[" in tag or _unclosed_quote(tag)
                    or name in _UNPARSED):
                raise Ambiguous  # an opening that may end elsewhere
            if tag.endswith("/>") or name in _SINGLE_ONLY:
                continue
            if any(a < at < b for a, b in links):
                raise Ambiguous  # in an external link's text: its body may hold the "]"
            stack.append((name, depth))
    return True


def _unclosed_quote(tag: str) -> bool:
    """Whether a value in a tag's attributes opens a quote that the tag does not close."""
    pos = 0
    while True:
        m = _QUOTED.search(tag, pos)
        if m is None:
            return False
        close = tag.find(m.group(1), m.end())
        if close < 0:
            return True
        pos = close + 1


def _wikilink_fails(text: str, at: int) -> bool:
    """Whether mwparserfromhell reads the ``[[`` at ``at`` as text at once (and goes on after it): no URI
    scheme after it (``[[http://x]]`` is tried as an external link first), and before any ``|`` its title
    meets a character the tokenizer does not allow there (``_verify_safe``): ``[``, ``}``, ``>``, a line
    end, a ``<`` not of a comment, a ``]`` not of ``]]``, or the end of the page. (A ``{`` may be a
    template in the title; after a ``|`` the link's text may run on to a later ``]]``: left to the parser.)
    Only for the page's own text: in a template the ``|`` around such a link are read apart from it."""
    if _URI_AT.match(text, at + 2):
        return False
    m = _TITLE_STOP.search(text, at + 2)
    if m is None:
        return True
    c, i = m.group(), m.start()
    if c == "<":
        return not text.startswith("!", i + 1)
    if c == "]":
        return not text.startswith("]", i + 1)
    return c in "[}>\n"


def _free_link_before(text: str, at: int) -> bool:
    """Whether the run of URL characters just before ``at`` holds a scheme (``http://x/{{y}}``)."""
    i, lo = at, max(0, at - 300)
    while i > lo and text[i - 1] not in _URL_STOP:
        i -= 1
    return i < at and ":" in text[i:at] and _FREE_LINK.search(text, i, at) is not None


def _filler(m: re.Match) -> str:
    """Same length, line ends kept, nothing of the markup left (``_masked``, in one call)."""
    s = m.group()
    return "x" * len(s) if "\n" not in s else "\n".join(map("x".__mul__, map(len, s.split("\n"))))


def _masked(s: str) -> str:
    """``s`` as x's, its line ends kept (each line's x's made at once, not a regex step per character)."""
    return "x" * len(s) if "\n" not in s else "\n".join(map("x".__mul__, map(len, s.split("\n"))))


def _spaces_plain(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def _spaces(m: re.Match) -> str:
    s = m.group()
    if s == "<!--":
        raise Ambiguous  # a comment never closed
    return " " * len(s)


__all__ = ["Ambiguous", "scan_wikitext", "Problem"]
