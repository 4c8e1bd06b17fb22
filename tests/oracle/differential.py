"""Differential testing of citelint against MediaWiki: random pages, both judges, shrunk disagreements.

``generate(seed, n)`` makes ``n`` small pages, each a list of citation constructs drawn from the grammar
below (inline, named and reused refs, groups, every quoting style and spacing in names and between
attributes, lists with and without groups, ``responsive``, ``{{#tag:references}}``, list-defined refs in
``<references>`` and ``refs=``, ``{{#tag:ref}}``, efn/notelist/refn/r/rp, comments, nowiki, unclosed and
stray tags, opening tags without their ``>``, empty refs, numeric names, unknown attributes, follow=, dir=,
nested refs (also in ``{{#tag:ref}}``), refs in headings and template parameters). ``compare(wiki, page)`` renders it with MediaWiki and checks it with citelint,
each side as a set of rule names (Cite keys through tests/conformance/cite_error_map.json).
``shrink`` reduces a disagreeing page to a minimal list of constructs (delta debugging) that still
disagrees the same way. ``explained`` says whether tests/oracle/intended_differences.json accounts
for a disagreement.

Run it larger from the command line::

    python tests/oracle/differential.py --pages 20000 --seed 1
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from citelint.engine import check_document  # noqa: E402
from citelint.model import Document, Severity  # noqa: E402
from citelint.settings import Settings  # noqa: E402

MAP = {k: v for k, v in json.loads((HERE.parent / "conformance" / "cite_error_map.json").read_text()).items()
       if not k.startswith("_")}
INTENDED_FILE = HERE / "intended_differences.json"
SETTINGS = Settings(sub_referencing=False)  # MediaWiki 1.39's Cite has no details= sub-references


# -- both judges -------------------------------------------------------------------------------

def cite_rules(errors) -> frozenset[str]:
    """Cite errors as citelint rule names (an unmapped key stays visible as ``cite:KEY``)."""
    return frozenset(MAP.get(k, f"cite:{k}") for k, _ in errors)


def citelint_rules(text: str) -> frozenset[str]:
    """The rules citelint reports that Cite also judges (as tests/conformance_harness.py counts them)."""
    out = set()
    for f in check_document(Document(path="page.wiki", text=text, kind="wikitext"), SETTINGS):
        if f.rule in ("duplicate-ref", "same-source", "unused-suppression") or f.code.startswith(("CL5", "CL6", "CL7")):
            continue  # citelint's own advice, not a Cite error (CL6: CS1's identifier errors; CL7: Module:Footnotes')
        if f.rule == "missing-reflist" and f.severity < Severity.ERROR:
            continue  # the default group without a list: MediaWiki appends one
        if f.severity == Severity.INFO:
            continue  # advice on markup Cite accepts (<ref name="x"></ref> as a reuse: empty-ref's info finding)
        out.add(f.rule)
    return frozenset(out)


@dataclass(frozen=True)
class Outcome:
    text: str
    keys: tuple  # Cite's (key, params), as rendered
    cite: frozenset
    citelint: frozenset

    @property
    def agrees(self) -> bool:
        return self.cite == self.citelint

    @property
    def diff(self) -> tuple:
        """(rules only MediaWiki reports, rules only citelint reports)."""
        return tuple(sorted(self.cite - self.citelint)), tuple(sorted(self.citelint - self.cite))


def compare(wiki, text: str) -> Outcome:
    errors = wiki.cite_errors(text)
    return Outcome(text, tuple(errors), cite_rules(errors), citelint_rules(text))


# -- the grammar -------------------------------------------------------------------------------

NAMES = ["a", "b", "x y", "Smith 2001", "1", "07", "a_b", "é", "c", "x  y", "a ", "&amp;c"]
GROUPS = ["", "g", "note", "lower-alpha", "g 1"]
TEXTS = ["Smith 2001.", "Jones 1999.", "Smith 2001. ", "Smith 2001.\n", "Smith  2001.", "<!-- c -->", "",
         " ", "{{cite web|title=T|url=http://example.org/}}", "Smith 2001.<!-- x -->", "[[Page|link]]"]


def _quote(r: random.Random, value: str) -> str:
    style = r.choice(['"%s"', "'%s'", "%s", '"%s"', ' "%s" ', '"%s', "%s\"", "“%s”"])
    if " " in value and style in ("%s",):
        style = '"%s"'
    eq = r.choice(["=", "=", " = ", "= "])
    return eq + style % value


def _attr(r: random.Random, name: str, value: str) -> str:
    return f"{r.choice(' ' * 8 + chr(10) + chr(9))}{name}{_quote(r, value)}"


def _text(r: random.Random) -> str:
    return r.choice(TEXTS)


def _name(r: random.Random) -> str:
    return r.choice(NAMES[:4] if r.random() < 0.7 else NAMES)


def _group(r: random.Random) -> str:
    return r.choice(GROUPS[:3] if r.random() < 0.8 else GROUPS)


def _ref_attrs(r: random.Random, named: bool) -> str:
    attrs = _attr(r, "name", _name(r)) if named else ""
    if r.random() < 0.25:
        g = _group(r)
        if g:
            attrs += _attr(r, "group", g)
    if r.random() < 0.05:
        attrs += _attr(r, "dir", r.choice(["rtl", "ltr", "xyz", "RTL"]))
    if r.random() < 0.05:
        attrs += _attr(r, r.choice(["nmae", "foo", "grup", "Name"]), "v")
    return attrs


def _inline(r):
    return f"<ref{_ref_attrs(r, False)}>{_text(r)}</ref>"


def _named(r):
    return f"<ref{_ref_attrs(r, True)}>{_text(r)}</ref>"


def _reuse(r):
    return r.choice(["<ref%s />", "<ref%s/>", "<ref%s></ref>"]) % _ref_attrs(r, True)


def _references(r):
    g = _group(r) if r.random() < 0.4 else ""
    ga = _attr(r, "group", g) if g else ""
    if r.random() < 0.1:
        ga += r.choice([" responsive", ' responsive="0"'])
    if r.random() < 0.15:
        return "{{#tag:references|" + (_named(r) if r.random() < 0.5 else "") + ("|group=" + g if g else "") + "}}"
    return r.choice(["<references%s />", "<references%s/>", "<references%s></references>"]) % ga


def _ldr(r):
    g = _group(r) if r.random() < 0.3 else ""
    ga = _attr(r, "group", g) if g else ""
    inner = "".join(f"\n<ref{_ref_attrs(r, r.random() < 0.9)}>{_text(r)}</ref>" for _ in range(r.randint(1, 3)))
    return f"<references{ga}>{inner}\n</references>"


def _reflist_tpl(r):
    name = r.choice(["reflist", "Reflist", "References", "Refs", "Reference list", "notelist", "Notelist-ua",
                     "Verwysings", "reflist "])
    parts = []
    if r.random() < 0.3:
        parts.append("group=" + _group(r))
    if r.random() < 0.4:
        refs = "".join(f"\n<ref{_ref_attrs(r, r.random() < 0.9)}>{_text(r)}</ref>" for _ in range(r.randint(1, 2)))
        parts.append(f"refs={refs}\n")
    if r.random() < 0.2:
        parts.append("30em")
    return "{{" + "|".join([name] + parts) + "}}"


def _tag_ref(r):
    parts = ["#tag:ref", _text(r)]
    if r.random() < 0.6:
        parts.append("name=" + _name(r))
    if r.random() < 0.3:
        parts.append("group=" + _group(r))
    return "{{" + "|".join(parts) + "}}"


def _efn(r):
    name = r.choice(["efn", "Efn", "efn-ua", "refn", "NoteTag", "Efn-lr"])
    parts = [name]
    if r.random() < 0.4:
        parts.append("name=" + _name(r))
    if name == "refn" and r.random() < 0.3:
        parts.append("group=" + _group(r))
    if r.random() < 0.9:
        parts.append(_text(r))
    return "{{" + "|".join(parts) + "}}"


def _r(r):
    names = [_name(r) for _ in range(r.randint(1, 2))]
    g = "|group=" + _group(r) if r.random() < 0.15 else ""
    return "{{" + r.choice(["r", "R"]) + "|" + "|".join(names) + g + "}}"


def _comment(r):
    return r.choice(["<!-- <ref>Hidden.</ref> -->", "<!-- note -->", f"<!-- {_named(r)} -->"])


def _nowiki(r):
    return r.choice([f"<nowiki>{_inline(r)}</nowiki>", f"<pre>{_named(r)}</pre>", "<nowiki><ref></nowiki>"])


def _broken(r):
    return r.choice(["<ref>Unclosed.", "</ref>", "<ref></ref>", "<ref/>", "<ref />", "<ref name=a",
                     f"<ref{_ref_attrs(r, True)}>Unclosed named.", "<refname=a>x</ref>", "<ref  >x</ref >",
                     "<references>", "</references>", "<REF>Upper.</REF>", '<ref name="b"',
                     "<references group=g"])


def _follow(r):
    return r.choice([f"<ref follow={_name(r)}>{_text(r)}</ref>", f"<ref follow={_name(r)} />",
                     f"<ref follow={_name(r)} name={_name(r)}>x</ref>",
                     f"<ref follow={_name(r)} group={_group(r) or 'g'}>More.</ref>"])


def _nested(r):
    inner = _inline(r) if r.random() < 0.7 else _named(r)
    if r.random() < 0.3:  # the way to put a ref in a note
        return "{{#tag:ref|Outer " + inner + " tail." + ("|name=" + _name(r) if r.random() < 0.4 else "") + "}}"
    return f"<ref{_ref_attrs(r, r.random() < 0.5)}>Outer {inner} tail.</ref>"


def _heading(r):
    return f"\n== Heading{_inline(r) if r.random() < 0.5 else _named(r)} ==\n"


def _in_template(r):
    inner = r.choice([_inline, _named, _reuse, _tag_ref])(r)
    return r.choice(["{{Infobox thing|caption=%s}}", "{{1x|%s}}", "{{Quote|text=Q.%s}}",
                     "{{Infobox thing|name=X|footnote=%s|image=}}"]) % inner


def _tpl_close(r):
    return r.choice(["<ref> foo {{1x|</ref> B C}}", "<ref>A {{1x|b}}</ref>", "{{1x|<ref>x</ref>}}"])


def _text_only(r):
    return r.choice(["Some text.", "Text\n\nMore text.", "* item", "''italic''", "{{rp|12}}", "{{Rp|p. 4}}"])


CONSTRUCTS = [
    (_inline, 10), (_named, 12), (_reuse, 8), (_references, 6), (_ldr, 3), (_reflist_tpl, 5), (_tag_ref, 4),
    (_efn, 4), (_r, 3), (_comment, 2), (_nowiki, 2), (_broken, 3), (_follow, 2), (_nested, 2), (_heading, 2),
    (_in_template, 3), (_tpl_close, 1), (_text_only, 4),
]
_FUNCS, _WEIGHTS = zip(*CONSTRUCTS)


def page_parts(seed: int, index: int) -> list[str]:
    r = random.Random(seed * 1_000_003 + index)
    return [r.choices(_FUNCS, _WEIGHTS)[0](r) for _ in range(r.randint(1, 7))]


def join(parts: list[str]) -> str:
    return "Text.".join(parts) if parts else ""


def generate(seed: int, n: int) -> list[list[str]]:
    return [page_parts(seed, i) for i in range(n)]


# -- shrinking ---------------------------------------------------------------------------------

def shrink(wiki, parts: list[str], diff: tuple, intended: list | None = None) -> list[str]:
    """Delta debugging (ddmin) over the constructs: the smallest list that still disagrees with ``diff``
    (and, given the intended differences, that they still do not explain)."""
    def still(ps):
        if not ps:
            return False
        o = compare(wiki, join(ps))
        return o.diff == diff and (intended is None or not explained(o, intended)[0])
    n = 2
    while len(parts) >= 2:
        chunk = max(1, len(parts) // n)
        subsets = [parts[i:i + chunk] for i in range(0, len(parts), chunk)]
        for i, sub in enumerate(subsets):
            if still(sub):
                parts, n = sub, 2
                break
            rest = [p for j, s in enumerate(subsets) if j != i for p in s]
            if len(subsets) > 2 and still(rest):
                parts, n = rest, max(n - 1, 2)
                break
        else:
            if n >= len(parts):
                break
            n = min(len(parts), n * 2)
    return parts


# -- intended differences ----------------------------------------------------------------------
#
# Each entry of intended_differences.json names a recogniser: a regular expression the page matches
# ("pattern") or one of the predicates below ("predicate"), which read the page as MediaWiki's
# preprocessor does (comments and nowiki first, an extension tag closes at the first </ref>, an
# opening tag with no closing one is literal text).

_OPAQUE = re.compile(r"<!--.*?(?:-->|\Z)|<(nowiki|pre)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_OPEN = re.compile(r"<(ref|references)(?=[\s/>])([^>]*)>|<(/?)(ref|references)\b[^>]*>", re.IGNORECASE)


def _tags(text: str):
    """(kind, match) as MediaWiki's preprocessor sees the ref tags: "open" (paired), "self",
    "unclosed" (literal text), "stray" (a closing tag nothing opened), "nospace" (<refname=…>)."""
    raw, text = text, _OPAQUE.sub(lambda m: " " * len(m.group()), text)
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if m is None:
            return
        if m.group(1):
            name = m.group(1).lower()
            if m.group(2).endswith("/"):
                yield "self", m
                pos = m.end()
                continue
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(raw, m.end())  # comments too
            if close is None:
                yield "unclosed", m
                pos = m.end()
            else:
                yield "open", m
                pos = close.end()
        else:
            yield ("stray" if m.group(3) else "nospace"), m
            pos = m.end()


def literal_tag(text: str) -> bool:
    """A ref tag MediaWiki shows as literal text: unclosed, a stray closing tag, ``<refname=…>``."""
    return (any(kind in ("unclosed", "stray", "nospace") for kind, _ in _tags(text))
            or re.search(r"<ref(?:name|group|follow|dir)\s*=", text, re.IGNORECASE) is not None)


_ANY_OPEN = re.compile(r"<(?:ref|references)(?=[\s/>])([^>]*)>", re.IGNORECASE)


def _attribute_texts(text: str):
    return (m.group(1) for m in _ANY_OPEN.finditer(_OPAQUE.sub(lambda x: " " * len(x.group()), text)))


_WELL_QUOTED = re.compile(r"""(?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?""")


def broken_quoting(text: str) -> bool:
    """A ref tag whose attributes have an unpaired quote (MediaWiki's Sanitizer reads on silently)."""
    return any(("'" in a or '"' in a) and not _WELL_QUOTED.fullmatch(a) for a in _attribute_texts(text))


def curly_quotes(text: str) -> bool:
    """A ref tag with curly quotes around a value (MediaWiki keeps them as part of it)."""
    return any(re.search("[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]", a) for a in _attribute_texts(text))


_LIST = re.compile(r"<references\b(?:[^>]*[^/>])?>.*?(?:</references\s*>|\Z)|\|\s*refs\s*=.*?(?:\}\}|\Z)"
                   r"|\{\{\s*#tag:\s*references\s*\|.*?(?:\}\}|\Z)",
                   re.IGNORECASE | re.DOTALL)


def _list_refs(text: str):
    """The attribute texts and contents of the refs inside reference lists (<references>…, refs=)."""
    for lst in _LIST.finditer(_OPAQUE.sub(lambda x: " " * len(x.group()), text)):
        yield from re.finditer(r"<ref(?=[\s/>])([^>]*)>(.*?)</ref\s*>", lst.group(), re.IGNORECASE | re.DOTALL)


def list_ref_unknown_attribute(text: str) -> bool:
    """A list-defined ref with an attribute Cite does not know."""
    from citelint.parsers.wikitext import sanitizer_attributes

    return any(any(k not in ("name", "group", "follow", "dir") for k, _ in sanitizer_attributes(m.group(1)))
               for m in _list_refs(text))


def _refs_params(text: str):
    """The values of refs= parameters and of ``{{#tag:references|…}}``, each up to the ``|`` or ``}}`` that
    ends it (nested templates and links kept)."""
    for m in re.finditer(r"\|\s*refs\s*=|\{\{\s*#tag:\s*references\s*\|", text, re.IGNORECASE):
        depth, i = 0, m.end()
        while i < len(text):
            if text.startswith("[[", i):  # a link's "|" does not end the parameter
                end = text.find("]]", i)
                i = end + 2 if end > 0 else i + 2
                continue
            if text.startswith("{{", i):
                depth, i = depth + 1, i + 2
                continue
            if text.startswith("}}", i):
                if depth == 0:
                    break
                depth, i = depth - 1, i + 2
                continue
            if text[i] == "|" and depth == 0:
                break
            i += 1
        yield m.start(), i, text[m.end():i]


def _refs_param_refs(text: str):
    for _start, _end, value in _refs_params(text):
        yield from re.finditer(r"<ref(?=[\s/>])([^>]*)>(.*?)</ref\s*>", value, re.IGNORECASE | re.DOTALL)


def rejected_ref_in_refs(text: str) -> bool:
    """A ref Cite rejects (numeric name, unknown attribute, empty without a name) inside a
    {{reflist|refs=…}} parameter."""
    from citelint.parsers.wikitext import sanitizer_attributes

    for m in _refs_param_refs(text):
        attrs = dict(sanitizer_attributes(m.group(1)))
        if (any(k not in ("name", "group", "follow", "dir") for k in attrs) or attrs.get("name", "").isdigit()
                or attrs.get("dir", "rtl").lower() not in ("ltr", "rtl")
                or (not attrs.get("name") and not m.group(2).strip())):
            return True
    return False


def name_in_refs_and_text(text: str) -> bool:
    """A name given text both in a {{reflist|refs=…}} parameter and in a ref outside it."""
    from citelint.parsers.wikitext import sanitizer_attributes

    inside = {dict(sanitizer_attributes(m.group(1))).get("name") for m in _refs_param_refs(text)} - {None, ""}
    outside, cut = "", 0
    for start, end, _value in _refs_params(text):
        outside, cut = outside + text[cut:start], end
    outside += text[cut:]
    names = {dict(sanitizer_attributes(m.group(1))).get("name")
             for m in re.finditer(r"<ref(?=[\s>])([^>]*[^/])>", outside, re.IGNORECASE)}
    names |= set(re.findall(r"\|\s*name\s*=\s*([^|}]+?)\s*[|}]", outside))
    return bool(inside & names)


def empty_list_ref_used(text: str) -> bool:
    """A list-defined ref with a name and no text."""
    from citelint.parsers.wikitext import sanitizer_attributes

    return any(dict(sanitizer_attributes(m.group(1))).get("name") and not m.group(2).strip()
               for m in _list_refs(text))


def quote_past_tag_end(text: str) -> bool:
    """An opening ref tag with an unclosed double quote and another quote later on the page:
    mwparserfromhell lets the quoted value run past the ``>`` to it, MediaWiki ends the tag at the ``>``."""
    for m in _ANY_OPEN.finditer(text):
        if m.group(1).count('"') % 2 and '"' in text[m.end():]:
            return True
    return False


def lt_in_opening_tag(text: str) -> bool:
    """A ``<`` inside a ref's opening tag (``<ref name=aText.<ref>``): the ``>`` is missing, and
    MediaWiki ends the tag at the next ``>``, often with no error (citelint reports the missing ``>``)."""
    return bool(re.search(r"<ref(?:erences)?\b[^>]*<", text,
                          re.IGNORECASE | re.DOTALL))


def list_closed_late(text: str) -> bool:
    """A ``<references>`` with another list tag before the next ``</references>``, which closes it."""
    scan = _OPAQUE.sub(lambda x: " " * len(x.group()), text)
    for m in re.finditer(r"<references(?=[\s/>])[^>]*>", scan, re.IGNORECASE):
        if m.group().endswith("/>"):
            continue
        close = re.compile(r"</references\s*>", re.IGNORECASE).search(text, m.end())
        if close and re.search(r"<references(?=[\s/>])", scan[m.end():close.start()], re.IGNORECASE):
            return True
    return False


def _has_list(text: str) -> bool:
    from citelint.parsers.templates import default_table

    if re.search(r"<references\b|\{\{\s*#tag:\s*references", text, re.IGNORECASE):
        return True
    table = default_table()
    return any((spec := table.lookup(m.group(1).strip())) is not None and spec.kind == "reflist"
               for m in re.finditer(r"\{\{([^{}|]+)", text))


def conflict_in_group_without_list(text: str) -> bool:
    """One name given two texts in a group (not the default one) that has no reference list."""
    from citelint.parsers.wikitext import parse_wikitext

    model = parse_wikitext(text)
    lists, first = {r.group for r in model.reflists}, {}
    for d in model.definitions:
        if d.key and d.group and d.group not in lists and d.content.strip():
            if first.setdefault(d.ident, d.content) != d.content:
                return True
    return False


def ref_inside_tag_ref(text: str) -> bool:
    """A ``<ref>`` inside the text of a ``{{#tag:ref}}``."""
    return re.search(r"\{\{\s*#tag:\s*ref\s*\|[^|}]*<ref\b", text, re.IGNORECASE) is not None


def close_in_template_then_ref(text: str) -> bool:
    """A ref whose first ``</ref>`` is inside a template argument, with another ref tag after it."""
    m = re.search(r"<ref(?=[\s>])[^>]*>(?:(?!</ref)[^{])*\{\{[^}]*</ref\s*>", text, re.IGNORECASE)
    return m is not None and re.search(r"<ref(?=[\s/>])", text[m.end():], re.IGNORECASE) is not None


def list_swallowed(text: str) -> bool:
    """A reference list inside the text an unclosed ref swallows up to the next </ref>."""
    return any(kind == "open" and _has_list(text[m.end():text.lower().find("</ref", m.end())])
               for kind, m in _tags(text))


PREDICATES = {f.__name__: f for f in (literal_tag, broken_quoting, curly_quotes, list_ref_unknown_attribute,
                                      rejected_ref_in_refs, name_in_refs_and_text, empty_list_ref_used,
                                      lt_in_opening_tag, list_swallowed, quote_past_tag_end,
                                      list_closed_late, conflict_in_group_without_list,
                                      ref_inside_tag_ref, close_in_template_then_ref)}


@dataclass
class Intended:
    id: str
    reason: str
    example: str
    matches: object  # text -> bool
    cite_only: frozenset = field(default_factory=frozenset)
    citelint_only: frozenset = field(default_factory=frozenset)


def load_intended(path: Path = INTENDED_FILE) -> list[Intended]:
    out = []
    for e in json.loads(path.read_text(encoding="utf-8"))["differences"]:
        if "predicate" in e:
            matches = PREDICATES[e["predicate"]]
        else:
            matches = re.compile(e["pattern"], re.DOTALL).search
        out.append(Intended(e["id"], e["reason"], e["example"], matches,
                            frozenset(e.get("cite_only", ())), frozenset(e.get("citelint_only", ()))))
    return out


def explained(outcome: Outcome, intended: list[Intended]) -> tuple[bool, list[str]]:
    """Whether every rule on which the two sides differ is accounted for by an intended difference
    whose recogniser matches the page (and which ones)."""
    cite_only, citelint_only = (set(x) for x in outcome.diff)
    used = []
    for e in intended:
        if (cite_only & e.cite_only or citelint_only & e.citelint_only) and e.matches(outcome.text):
            used.append(e.id)
            cite_only -= e.cite_only
            citelint_only -= e.citelint_only
    return not cite_only and not citelint_only, used


# -- a run -------------------------------------------------------------------------------------

@dataclass
class Run:
    pages: int = 0
    agree: int = 0
    explained: int = 0
    by_intended: Counter = field(default_factory=Counter)
    unexplained: dict = field(default_factory=lambda: defaultdict(list))  # diff → [parts]

    def summary(self) -> str:
        lines = [f"{self.pages} pages: {self.agree} agree ({100 * self.agree / max(self.pages, 1):.1f}%), "
                 f"{self.explained} differ as intended, {sum(map(len, self.unexplained.values()))} unexplained"]
        for k, n in self.by_intended.most_common():
            lines.append(f"  intended {k}: {n} pages")
        for diff, pages in sorted(self.unexplained.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"  UNEXPLAINED cite-only={list(diff[0])} citelint-only={list(diff[1])}: {len(pages)} pages")
        return "\n".join(lines)


def run(wiki, seed: int, n: int, intended: list[Intended] | None = None) -> Run:
    intended = load_intended() if intended is None else intended
    result = Run()
    for parts in generate(seed, n):
        result.pages += 1
        o = compare(wiki, join(parts))
        if o.agrees:
            result.agree += 1
            continue
        ok, used = explained(o, intended)
        if ok:
            result.explained += 1
            result.by_intended.update(used)
        else:
            result.unexplained[o.diff].append(parts)
    return result


def main(argv=None) -> int:
    import argparse
    import tempfile

    from oracle.mediawiki import Wiki, unavailable

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shrink", type=int, default=3, help="pages to shrink per unexplained kind")
    ap.add_argument("--no-intended", action="store_true", help="count every disagreement (the 'before' figure)")
    args = ap.parse_args(argv)
    reason = unavailable()
    if reason:
        print(f"differential.py: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="citelint-oracle-") as tmp:
        wiki = Wiki(Path(tmp))
        intended = [] if args.no_intended else load_intended()
        result = run(wiki, args.seed, args.pages, intended)
        print(result.summary())
        for diff, pages in sorted(result.unexplained.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== cite-only={list(diff[0])} citelint-only={list(diff[1])}: {len(pages)} pages")
            for parts in pages[:args.shrink]:
                small = join(shrink(wiki, list(parts), diff, intended))
                o = compare(wiki, small)
                print(f"   {small!r}\n      cite={[k for k, _ in o.keys]} citelint={sorted(o.citelint)}")
        wiki.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
