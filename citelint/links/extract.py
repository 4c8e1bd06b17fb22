"""The URLs a citation points to, found exactly where they are written.

``extract_urls(content, base)`` reads a reference's content (wikitext or a plain-text list entry) and
returns every URL a reader could follow, with its offsets in the document (``base`` is where the
content begins):

- ``|url=`` and the other ``*-url`` parameters of any template (``chapter-url``, ``transcript-url``…)
  and ``|archive-url=`` (and ``{{webarchive|url=}}``), paired within their template with the
  ``|url-status=`` (or legacy ``|deadurl=``) value, so the rules can judge a citation as a whole;
- ``[http://… title]`` external links and ``[//… title]`` protocol-relative ones;
- bare ``http://``/``https://`` URLs in the text, cut where MediaWiki cuts them (white space, ``<>[]"``,
  a ``|`` or ``{{``/``}}`` of template syntax, ``''`` quote markup, trailing ``.,;:!?`` and an
  unbalanced ``)``).

What is hidden from readers is skipped: comments, ``<nowiki>``, ``<pre>``, ``<math>`` and the other
tags whose content MediaWiki does not parse; so are values built by templates (``|url={{…}}``),
which cannot be known without expanding them. ``{{wayback|url=}}`` and ``{{webcite|url=}}`` build an
archive link out of the original URL, so their ``url`` is not a link to check either.

It never raises: a scanner over arbitrary text with no recursion, tested on garbage.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from bisect import bisect_right
from operator import attrgetter, itemgetter
from typing import NamedTuple, Optional

from citelint.links.urls import judge, plain_url
from citelint.memo import maker

MASK = "\x00"

_OPAQUE = ("nowiki", "pre", "math", "syntaxhighlight", "source", "chem", "ce", "score", "timeline", "hiero",
           "graph", "templatedata", "mapframe", "maplink", "inputbox", "categorytree")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_OPAQUE_EL = re.compile(r"<(%s)\b[^<>]*?(?:/>|>.*?</\1\s*>)" % "|".join(_OPAQUE), re.DOTALL | re.IGNORECASE)
# (each alternative starts with a literal character, so the search skips between tokens fast)
_SIMPLE_TEMPLATE = re.compile(r"\{\{[^{}\[\]]*\}\}")
# a template with no brace inside, and no bracket but whole wikilinks with none inside them: it closes at its
# "}}" whatever is around it, and only its own "|" outside the links split it. Written as text ([[text]] text)*
# with each run of text taken whole ((?=(run))\1: an atomic group), so a match that fails is not tried again
# with shorter runs: it costs one pass, not one step a character per character given back
_FLAT_TEMPLATE = re.compile(r"\{\{(?=([^{}\[\]]*))\1(?:\[\[(?=([^{}\[\]]*))\2\]\](?=([^{}\[\]]*))\3)*\}\}")
_FLAT_LINK = re.compile(r"\[\[[^{}\[\]]*\]\]")
# the inside of a flat template with brackets in it: text and whole links only
_FLAT_INNER = re.compile(r"(?=([^{}\[\]]*))\1(?:\[\[(?=([^{}\[\]]*))\2\]\](?=([^{}\[\]]*))\3)*")
_TOKENS = re.compile(r"\{\{+|\}\}+|\[\[|\]\]|\|")
# the same, with a whole link that holds no bracket or brace as one token (its "|" never split a template),
# and a run of such links with text between them that holds no token and no "=" as one token too: the run is
# one child of its template instead of one a link, and no top-level "=" is hidden by it (a list of 20,000
# links inside a template took 20,000 steps of the scan). Each run of text taken whole ((?=(run))\1), so a
# run not followed by a link is not tried again shorter
_TOKENS_FAST = re.compile(r"\{\{+|\}\}+|\[\[[^{}\[\]]*\]\](?:(?=([^{}\[\]|=]*))\1\[\[[^{}\[\]]*\]\])*|\[\[|\]\]|\|")
# (the literal "[" first and the scheme's case spelled out, so the search skips to candidates fast: a "[" not
# after another one)
_BRACKET = re.compile(r"\[(?<!\[\[)((?:[Hh][Tt][Tt][Pp][Ss]?:)?//[^\s\[\]<>\"\x00{}]+)([^\]\n]*)\]")
#: _BRACKET up to its URL: ``_bracket_links`` finds the rest with str.find (the pattern alone backtracks
#: over the URL when no "]" closes the line: ``[//`` + 100,000 letters took 46 s)
_BRACKET_HEAD = re.compile(r"\[(?<!\[\[)((?:[Hh][Tt][Tt][Pp][Ss]?:)?//[^\s\[\]<>\"\x00{}]+)")
# a bare URL: one of these not after a letter, digit, "_" or "/" (checked after the search: a lookbehind in
# front of it would be tried at every position of the text)
_BARE = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[^\s\[\]<>\"\x00{}|]+")
_BARE_NOT_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/")
_BARE_CUT = re.compile(r"''|&(?:lt|gt|quot|nbsp|#91|#93|#x5b|#x5d|#60|#62|#34);", re.IGNORECASE)
_WS = re.compile(r"[\s_]+")

#: templates whose |url= is the original URL they build an archive link from (not a link itself)
ARCHIVE_BUILDERS = frozenset({"wayback", "webcite", "wayback machine"})
#: templates whose |url= is an archive URL
ARCHIVE_TEMPLATES = frozenset({"webarchive", "web archive", "archive url"})
#: templates that tag a citation as dead
DEAD_TAGS = frozenset({"dead link", "deadlink", "dead-link", "dl", "dead", "404", "broken link", "permanent dead link",
                       "dead url", "deadurl", "link broken", "brokenlink"})
_ARCHIVE_PARAMS = frozenset({"archive-url", "archiveurl"})
_STATUS_PARAMS = frozenset({"url-status", "urlstatus", "dead-url", "deadurl"})
_NOT_URL_PARAMS = frozenset({"dead-url", "deadurl"})
_DEAD_WORDS = {"yes": "dead", "y": "dead", "true": "dead", "dead": "dead", "no": "live", "n": "live", "false": "live",
               "live": "live", "unfit": "unfit", "usurped": "usurped", "deviated": "deviated", "bot: unknown": "unknown"}


@dataclass(frozen=True, slots=True)
class CitedUrl:
    """One URL a citation gives, placed in the document."""

    start: int
    end: int
    raw: str  # as written (a parameter's value, trimmed; a link's URL)
    kind: str  # "url" (a *-url parameter), "archive" (archive-url), "link" ([http://… title]), "bare"
    param: Optional[str] = None  # the parameter name as written, for messages
    url: Optional[str] = None  # normalised http(s) URL to check; None when invalid or skipped
    problem: Optional[str] = None  # why it is not a valid URL (invalid-url)
    skipped: Optional[str] = None  # why a valid URL is not checked (another scheme)
    cite: int = -1  # the template it belongs to (pairs url, archive-url and url-status); -1: none
    template: Optional[str] = None
    url_status: Optional[str] = None  # live, dead, unfit, usurped, deviated, unknown (from the template)
    status_param: Optional[str] = None  # the parameter that gave url_status, as written (url-status, deadurl)
    tagged_dead: bool = False  # the reference carries {{dead link}}

    def describe(self) -> str:
        """How a message names it: ``|url=`` or ``the link``."""
        if self.param:
            return f"|{self.param}="
        raw = self.raw if len(self.raw) <= 70 else self.raw[:69] + "…"
        return f"the link {raw}" if self.kind == "link" else f"the URL {raw}"


_CITED = maker(CitedUrl)  # CitedUrl(*all 13 fields), made faster


@dataclass(slots=True)
class _Frame:
    kind: str  # "brace" or "link"
    start: int
    count: int = 0  # open braces left in the run
    pipes: list = field(default_factory=list)
    children: list = field(default_factory=list)  # (start, end) of closed elements inside


class Param(NamedTuple):
    """One parameter of a citation as written (immutable; a named tuple: it is made ~26,000 times for the 15
    articles of the corpus, four times faster than a frozen dataclass). ``citelint.cs1.Param``: defined here,
    since the template scan makes them as it splits a template (``Template.layout``)."""

    name: Optional[str]  # exactly as written, trimmed; None for a positional parameter (text with no "=")
    index: int  # position among the template's parameters (0 = first after the name)
    start: int  # document offset of the parameter (after its "|")
    name_end: int  # document offset just after the name (before "="); == start for a positional one
    value_start: int  # trimmed value, document offsets, comments removed from ``value``
    value_end: int
    value: str
    raw_start: int  # untrimmed value (after "=" to the next "|" or "}}")
    raw_end: int


@dataclass(frozen=True, slots=True)
class Template:
    start: int
    end: int
    name: str  # canonical, lower case
    #: (name or None, name_as_written, value_start, value_end) for each parameter; a tuple, like the
    #: template itself immutable, since a memo (``citelint.citations``) hands the same one to many revisions
    params: tuple
    #: what ``citelint.cs1`` reads, made in the same pass when the scan is given a ``base``: (base, name start,
    #: name end, (Param, …)) at document offsets (``base`` + offset in the scanned text; a memo hit at
    #: another base moves them); None when not made (no base, or a template with a comment, a template
    #: inside, or a link in its name or a parameter's name: ``cs1`` lays those out itself)
    layout: Optional[tuple] = field(default=None, compare=False, repr=False)


_TEMPLATE = maker(Template)  # Template(start, end, name, params, layout), made faster


def mask(text: str) -> str:
    """The text with comments and unparsed tags blanked out (same length, so offsets hold)."""
    if "<" not in text:
        return text

    def blank(m: re.Match) -> str:
        return MASK * (m.end() - m.start())

    out = _COMMENT.sub(blank, text) if "<!--" in text else text
    return _OPAQUE_EL.sub(blank, out)


def scan_templates(s: str, fast: bool = True, base: Optional[int] = None) -> list[Template]:
    """Every closed ``{{…}}`` in ``s`` (nested ones too), with its parameters split at top level.

    ``fast=False`` goes through every token, without the shortcuts for a template with no template inside
    and a link with no link inside (the reference the tests compare the shortcuts with). ``base``: where
    ``s`` starts in the document; given, the flat templates also get their ``layout`` (their ``Param``s)."""
    stack: list[_Frame] = []
    out: list[Template] = []
    start = s.find("{{")
    if fast:
        start = _flat_run(s, start, out, base)
    tried = start  # the "{{" _flat_run stopped at: not a flat template
    if start < 0:
        return out
    # Outside every template, a token changes nothing that is found: a link open there only ever holds
    # what is found inside it, and a stray "}}" or "|" there does nothing. So the search jumps from the end
    # of each outermost template to the next "{{" (the links and table pipes between are never looked at).
    toks = _TOKENS_FAST if fast else _TOKENS
    tokens = toks.finditer(s, start)
    while True:
        m = next(tokens, None)
        if m is None:
            break
        tok = m.group()
        c = tok[0]
        if c == "{":
            # (not tried again where _flat_run has just found no flat template)
            a = m.start()
            b = _flat_end(s, a) if (fast and tok == "{{" and a != tried) else -1
            if b >= 0:
                # no brace inside and only whole links: it closes at its "}}" whatever is around it, and
                # only its own "|" outside the links split it (split without going through the tokens)
                out.append(_make_flat(s, a, b, base))
                if stack:
                    stack[-1].children.append((a, b))
                    tokens = toks.finditer(s, b)
                else:
                    nxt = tried = _flat_run(s, s.find("{{", b), out, base)
                    if nxt < 0:
                        break
                    tokens = toks.finditer(s, nxt)
                continue
            stack.append(_Frame("brace", m.start(), count=len(tok)))
        elif c == "}":
            left = len(tok)
            pos = m.start()
            while left >= 2 and stack:
                while stack and stack[-1].kind == "link":  # an unclosed [[ inside: drop it
                    dropped = stack.pop()
                    if stack:
                        stack[-1].children.extend(dropped.children)
                if not stack:
                    break
                top = stack[-1]
                used = 3 if (left >= 3 and top.count >= 3) else 2
                if top.count < used:
                    break
                top.count -= used
                el_start = top.start + top.count
                el_end = pos + used
                if used == 2:
                    out.append(_make_template(s, el_start, el_end, top.pipes, top.children))
                left -= used
                pos += used
                top.pipes = []
                if top.count < 2:
                    stack.pop()
                    if stack:
                        stack[-1].children.append((el_start, el_end))
                else:
                    top.children = [(el_start, el_end)]
            if not any(f.kind == "brace" for f in stack):
                stack.clear()
                nxt = s.find("{{", m.end())
                if fast:
                    nxt = tried = _flat_run(s, nxt, out, base)
                if nxt < 0:
                    break
                tokens = toks.finditer(s, nxt)
        elif c == "[":
            if len(tok) > 2:  # a whole link (or a run of them): what their "]]" would do
                if stack:
                    stack[-1].children.append(m.span())
            else:
                stack.append(_Frame("link", m.start()))
        elif tok == "]]":
            if stack and stack[-1].kind == "link":
                fr = stack.pop()
                if stack:
                    stack[-1].children.append((fr.start, m.end()))
        else:  # "|"
            if stack and stack[-1].kind == "brace":
                stack[-1].pipes.append(m.start())
    out.sort(key=_START)
    return out


_START = attrgetter("start")


def _flat_end(s: str, pos: int) -> int:
    """``_FLAT_TEMPLATE.match(s, pos).end()`` for the "{{" at ``pos``, or -1 when it does not match; found
    with ``str.find`` (no brace inside means it closes at the first "}", and only whole links may be
    there), the regular expression only where a bracket is. The search for that "}" stops at the next "{"
    (which would make it not flat), so the tries at successive "{{" read each character once: linear."""
    a = pos + 2
    k = s.find("{", a)
    j = s.find("}", a, k) if k >= 0 else s.find("}", a)
    if j < 0 or s[j + 1:j + 2] != "}":
        return -1
    if s.find("[", a, j) < 0 and s.find("]", a, j) < 0:
        return j + 2
    return j + 2 if _FLAT_INNER.fullmatch(s, a, j) else -1


def _flat_run(s: str, pos: int, out: list, base: Optional[int] = None) -> int:
    """From ``pos`` (a "{{" outside every template, or -1), the flat templates that follow one another at
    top level, made at once: the position of the first "{{" that does not open one (-1: none is left)."""
    while pos >= 0:
        b = _flat_end(s, pos)
        if b < 0:
            return pos
        out.append(_make_flat(s, pos, b, base))
        pos = s.find("{{", b)
    return pos


def _blank(m: re.Match) -> str:
    return MASK * (m.end() - m.start())


def _make_flat(s: str, start: int, end: int, base: Optional[int] = None) -> Template:
    """``_make_template`` for a ``_FLAT_TEMPLATE`` match: the inner text split at its pipes outside links
    (a link's "|" and "=" are blanked out first, so they neither split nor name a parameter). With a
    ``base``, and no comment in it, its ``Param``s too, in the same pass (``_layout``)."""
    if base is not None and s.find(MASK, start, end) < 0:
        t = _flat_layout(s, start, end, base)
        if t is not None:
            return t
    inner = s[start + 2:end - 2]
    shadow = _FLAT_LINK.sub(_blank, inner) if "[[" in inner else inner
    if "|" not in shadow:
        return _TEMPLATE(start, end, _canonical(inner), (), None)
    segs = shadow.split("|")
    n = len(segs[0])
    params = []
    add = params.append
    pos = start + 3 + n
    same = shadow is inner
    for i in range(1, len(segs)):
        seg = segs[i]
        end_ = pos + len(seg)
        eq = seg.find("=")
        if eq < 0:
            add((None, None, pos, end_))
        else:
            written = (seg[:eq] if same else s[pos:pos + eq]).strip()
            add((_param_key(written), written, pos + eq + 1, end_))
        pos = end_ + 1
    return _TEMPLATE(start, end, _canonical(inner[:n]), tuple(params), None)


def _flat_layout(s: str, start: int, end: int, base: int) -> Optional[Template]:
    """``_make_flat`` of a flat template with no comment in it, and its layout (``Template.layout``): each
    parameter's name and value trimmed (``str.strip``: what ``trimmed_value`` trims when nothing is masked)
    with their document offsets, found while splitting it. None when a link is in its name or in a
    parameter's name (the layout there is ``cs1``'s own)."""
    inner = s[start + 2:end - 2]
    links = "[[" in inner
    shadow = _FLAT_LINK.sub(_blank, inner) if links else inner
    segs = shadow.split("|")
    head = segs[0]
    if links and MASK in head:
        return None
    text = head.strip()  # (no link in it: the text as written)
    ns = start + 2 + (head.find(text[0]) if text else len(head))
    name_end = ns + len(text)
    if len(segs) == 1:
        return _TEMPLATE(start, end, _canonical(inner), (), (base, base + ns, base + name_end, ()))
    params = []
    add = params.append
    lay = []
    put = lay.append
    new = tuple.__new__
    pos = start + 3 + len(head)
    del segs[0]
    for i, seg in enumerate(segs):
        end_ = pos + len(seg)
        nr, eq, vr = seg.partition("=")
        if links:  # (split where the links are blanked out: the texts are taken from s)
            if not eq:
                seg = s[pos:end_]
            elif MASK in nr:
                return None  # a link in the name
            else:
                vr = s[end_ - len(vr):end_]
        if eq:
            written = nr.strip()
            vs = end_ - len(vr)
            add((_param_key(written), written, vs, end_))
            v = vr.strip()
            n0 = base + (pos if written is nr else (pos + nr.find(written[0]) if written else vs - 1))
            a = base + (vs if v is vr else (vs + vr.find(v[0]) if v else end_))
            put(new(Param, (written, i, n0, n0 + len(written), a, a + len(v), v, base + vs, base + end_)))
        else:
            add((None, None, pos, end_))
            v = seg.strip()
            p0 = base + pos
            a = p0 if v is seg else (p0 + seg.find(v[0]) if v else base + end_)
            put(new(Param, (None, i, p0, p0, a, a + len(v), v, p0, base + end_)))
        pos = end_ + 1
    return _TEMPLATE(start, end, _canonical(head), tuple(params), (base, base + ns, base + name_end, tuple(lay)))


def _make_template(s: str, start: int, end: int, pipes: list, children: list) -> Template:
    inner_end = end - 2
    bounds = [start + 2] + [p + 1 for p in pipes] + [inner_end + 1]
    name_raw = s[bounds[0]:bounds[1] - 1]
    params = []
    kids = sorted(children)
    for i in range(1, len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1] - 1
        eq = _top_level_find(s, "=", a, b, kids)
        if eq < 0:
            params.append((None, None, a, b))
        else:
            written = s[a:eq].strip()
            params.append((_param_key(written), written, eq + 1, b))
    return _TEMPLATE(start, end, _canonical(name_raw), tuple(params), None)


def _top_level_find(s: str, ch: str, a: int, b: int, kids: list) -> int:
    pos = a
    for ks, ke in kids:
        if ke <= pos:
            continue
        if ks >= b:
            break
        i = s.find(ch, pos, min(ks, b))
        if i >= 0:
            return i
        pos = max(pos, ke)
        if pos >= b:
            return -1
    return s.find(ch, pos, b)


def _bracket_links(s: str):
    """``_BRACKET.finditer(s)`` as ``(start, end, url start, url end, url, label)``, in linear time: the URL
    (its characters as many as there are: a shorter one never lets a match through that the longest does
    not, the label taking every character a URL may hold) by ``_BRACKET_HEAD``, then whether a "]" comes
    before the line ends by the next "]" and the next newline, each found once for every link after it."""
    close = nl = -1
    pos = 0
    while True:
        m = _BRACKET_HEAD.search(s, pos)
        if m is None:
            return
        e = m.end()
        if close < e:
            close = s.find("]", e)
            if close < 0:
                return  # no "]" after here: no link can close
        if nl < e:
            nl = s.find("\n", e)
            if nl < 0:
                nl = len(s)
        if close < nl:
            yield m.start(), close + 1, m.start(1), e, m.group(1), s[e:close]
            pos = close + 1
        else:
            pos = m.start() + 1


@lru_cache(maxsize=4096)  # (pure functions of short strings that repeat: url, title, cite web…)
def _canonical(name: str) -> str:
    name = _WS.sub(" ", name.replace(MASK, "")).strip().lower()
    if name.startswith("template:"):
        name = name[9:].lstrip()
    return name


@lru_cache(maxsize=4096)
def _param_key(written: str) -> str:
    return _WS.sub("-", written.replace(MASK, "").strip().lower())


#: CS1's URL parameters written without a hyphen (with one, any ``…-url`` counts)
_URL_PARAMS = frozenset({"url", "archiveurl", "chapterurl", "contributionurl", "entryurl", "articleurl",
                         "sectionurl", "conferenceurl", "transcripturl", "layurl", "mapurl", "eventurl",
                         "episodeurl", "seriesurl", "mailinglisturl"})
_HYPHEN_URL = re.compile(r"^[a-z]+(-[a-z]+)*-url$")


@lru_cache(maxsize=4096)
def _is_url_param(key: str) -> bool:
    return (key in _URL_PARAMS or bool(_HYPHEN_URL.match(key))) and key not in _NOT_URL_PARAMS


class _KeyKinds(dict):
    """A parameter's key → 1: a URL parameter (``_is_url_param``), 2: a url-status one, 0: neither (and
    None, a positional one); filled as keys come, emptied past 4096 of them (hostile pages)."""

    def __missing__(self, key: str) -> int:
        if len(self) > 4096:
            self.clear()
            self[None] = 0
        kind = 1 if (key.endswith("url") and _is_url_param(key)) else 2 if key in _STATUS_PARAMS else 0
        self[key] = kind
        return kind


_KIND = _KeyKinds({None: 0})


def extract_urls(content: str, base: int = 0, parsed: Optional[tuple] = None, fast: bool = True) -> list[CitedUrl]:
    """Every URL in a reference's content, with document offsets (``base`` + offset in ``content``).

    ``parsed``: the content already masked and its templates scanned, ``(mask(content), scan_templates(…))``
    (``citelint.citations.ParsedRef``), so a document's refs are parsed once. ``fast=False``: search the
    links and bare URLs even where no "//" is left outside the URL parameters (what the tests compare the
    shortcut with)."""
    try:
        return _extract(content, base, parsed, fast)
    except RecursionError:  # pragma: no cover - nothing here recurses; belt and braces
        return []


#: whether "url" is in a text's lower-case copy (no other character lower-cases to one holding u, r or l)
_URL_WORD = re.compile("[Uu][Rr][Ll]")


def may_hold_urls(content: str) -> bool:
    """False when ``extract_urls`` finds nothing in ``content`` at once: no "//" and no "url" in any case."""
    return "//" in content or _URL_WORD.search(content) is not None


def _extract(content: str, base: int, parsed: Optional[tuple] = None, fast: bool = True) -> list[CitedUrl]:
    if "//" not in content and _URL_WORD.search(content) is None:
        return []
    if parsed is not None:
        s, templates = parsed
    else:
        s = mask(content)
        templates = scan_templates(s) if "{{" in s else []
    if not templates:
        tagged_dead = False
    elif len(templates) == 1:
        tagged_dead = templates[0].name in DEAD_TAGS
    else:
        tagged_dead = any(t.name in DEAD_TAGS for t in templates)
    out: list[CitedUrl] = []
    claimed: list[tuple[int, int]] = []
    kinds = _KIND
    for ti, t in enumerate(templates):
        marked = [p for p in t.params if kinds[p[0]]]  # its URL and url-status parameters, in order
        if not marked:
            continue
        status = status_param = None
        url_params = []
        for p in marked:
            if kinds[p[0]] == 1:
                url_params.append(p)
            else:
                v = trimmed_value(s, p[2], p[3])[2].strip().lower()
                status = _DEAD_WORDS.get(v, v or None)
                status_param = p[1]
        for key, written, vs, ve in url_params:
            claimed.append((vs, ve))
            if t.name in ARCHIVE_BUILDERS:
                continue
            a, b, text = trimmed_value(s, vs, ve)
            if not text or "{{" in text or "}}" in text or s.find("{{", vs, ve) >= 0:
                continue  # empty, or built by a template: nothing to check
            kind = "archive" if (key in _ARCHIVE_PARAMS or t.name in ARCHIVE_TEMPLATES) else "url"
            if "&" in text:
                text = html.unescape(text)
            if text[:1] != "[":
                url = plain_url(text)
                if url is not None:  # (the common case: valid, nothing to say)
                    out.append(_CITED(base + a, base + b, text, kind, written, url, None, None, ti, t.name, status,
                                      status_param, tagged_dead))
                    continue
                j = judge(text)
                out.append(_CITED(base + a, base + b, text, kind, written, j.url, j.problem, j.skipped, ti, t.name,
                                  status, status_param, tagged_dead))
                continue
            if text.startswith("[") and not text.startswith("[["):
                j_problem = ("holds an external link [URL title]: give the bare URL and put the title in "
                             "|title=")
                out.append(CitedUrl(base + a, base + b, text, kind, written, problem=j_problem, cite=ti,
                                    template=t.name, url_status=status, status_param=status_param,
                                    tagged_dead=tagged_dead))
                continue
            if text.startswith("[["):
                out.append(CitedUrl(base + a, base + b, text, kind, written,
                                    problem="holds a wikilink, not a URL: put the page in |title-link= instead",
                                    cite=ti, template=t.name, url_status=status, status_param=status_param,
                                    tagged_dead=tagged_dead))
                continue
            j = judge(text)
            out.append(CitedUrl(base + a, base + b, text, kind, written, url=j.url, problem=j.problem,
                                skipped=j.skipped, cite=ti, template=t.name, url_status=status,
                                status_param=status_param, tagged_dead=tagged_dead))
    claimed.sort()
    if fast and not _left_outside(s, claimed, "//"):
        # every bracketed link and bare URL has its "//" where it starts: none outside the URL parameters
        # (a parameter's value follows its "=", which no scheme holds), none to find
        if len(out) > 1:
            out.sort(key=_START)
        return out
    top_level = _top_level_spans(templates)
    taken = _Claimed(claimed)

    for start, end, us, ue, raw, label in _bracket_links(s):
        if us in taken:
            continue
        in_template = _inside(top_level, us)
        if "|" in raw:
            if in_template:
                raw = raw[:raw.index("|")]
                ue = us + len(raw)
            else:
                out.append(CitedUrl(base + us, base + ue, raw, "link", problem="separates the URL and the title "
                                    "with | : use a space ([URL title])", tagged_dead=tagged_dead))
                taken.add(start, end)
                continue
        if label and not label[0].isspace() and not in_template:
            pass  # MediaWiki would take the rest up to a space as URL; the regex already stopped at it
        text = html.unescape(raw)
        j = judge(text)
        out.append(CitedUrl(base + us, base + ue, raw, "link", url=j.url, problem=j.problem, skipped=j.skipped,
                            tagged_dead=tagged_dead))
        taken.add(us, ue)

    for m in _bare_urls(s):
        us = m.start()
        if us in taken:
            continue
        raw = _trim_bare(m.group())
        if len(raw) <= len("https://") and raw.lower() in ("http://", "https://"):
            continue
        if "://" not in raw or raw.endswith("://"):
            continue
        j = judge(html.unescape(raw))
        out.append(CitedUrl(base + us, base + us + len(raw), raw, "bare", url=j.url, problem=j.problem,
                            skipped=j.skipped, tagged_dead=tagged_dead))
    out.sort(key=_START)
    return out


def _left_outside(s: str, spans: list[tuple[int, int]], needle: str) -> bool:
    """Whether ``needle`` is in ``s`` outside the (sorted) spans."""
    pos = 0
    for a, b in spans:
        if a > pos and s.find(needle, pos, a) >= 0:
            return True
        if b > pos:
            pos = b
    return s.find(needle, pos) >= 0


#: what ``str.isspace`` holds to be white space (``str.strip()`` strips these), and the mask
_WHITE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
         "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WHITE_OR_MASK = _WHITE + MASK


def _bare_urls(s: str):
    """``_BARE``'s matches that do not follow a letter, digit, "_" or "/", as a search with that lookbehind
    finds them: after a candidate that does, the search goes on from the next character."""
    if "://" not in s:
        return
    search = _BARE.search
    pos = 0
    while True:
        m = search(s, pos)
        if m is None:
            return
        p = m.start()
        if p and s[p - 1] in _BARE_NOT_AFTER:
            pos = p + 1
            continue
        yield m
        pos = m.end()


def trimmed_value(s: str, vs: int, ve: int) -> tuple[int, int, str]:
    """(start, end, text) of a parameter value: trimmed, masked parts (comments) removed."""
    seg = s[vs:ve]
    text = seg.lstrip(_WHITE_OR_MASK)
    a = vs + len(seg) - len(text)
    text = text.rstrip(_WHITE_OR_MASK)
    return a, a + len(text), text.replace(MASK, "") if MASK in text else text


def _top_level_spans(templates: list[Template]) -> list[tuple[int, int]]:
    spans = []
    last_end = -1
    for t in templates:  # sorted by start: a template starting inside the previous one is nested
        if t.start >= last_end:
            spans.append((t.start, t.end))
            last_end = t.end
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` is in one of the spans (sorted and disjoint: the top-level templates)."""
    i = bisect_right(spans, pos, key=_FIRST)
    return i > 0 and pos < spans[i - 1][1]


_FIRST = itemgetter(0)


class _Claimed:
    """The spans of a ref already read as URLs, kept as their union (sorted, disjoint): whether a position is
    in one is a binary search, adding one a binary search and a splice (a list scanned, and sorted again, at
    every link made a ref of 10,000 bracketed links take 9 s). Empty spans hold nothing."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return
        starts, ends = self.starts, self.ends
        i = bisect_right(starts, a)
        if i and ends[i - 1] >= a:
            i -= 1
            a, b = starts[i], max(b, ends[i])
        j = i
        while j < len(starts) and starts[j] <= b:
            b = max(b, ends[j])
            j += 1
        starts[i:j] = [a]
        ends[i:j] = [b]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return i > 0 and pos < self.ends[i - 1]



def _trim_bare(url: str) -> str:
    m = _BARE_CUT.search(url)
    if m:
        url = url[:m.start()]
    while url:
        last = url[-1]
        if last in ",;.:!?'":
            url = url[:-1]
        elif last == ")" and "(" not in url:
            url = url[:-1]
        else:
            break
    return url
