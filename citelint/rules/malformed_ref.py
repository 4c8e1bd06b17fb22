from __future__ import annotations

import bisect
import html
import re
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.fixes import Edit, Fix
from citelint.model import Attr, CitationModel, RefTag, Severity, Span
from citelint.rules.base import Context, Rule, in_template

REF_ATTRS = ("name", "group", "follow", "dir")
REFERENCES_ATTRS = ("group", "responsive")
DIRS = ("ltr", "rtl", "auto")
QUOTES = "\"'“”„‘’«»"


class MalformedRef(Rule):
    """A ``<ref>`` or ``<references>`` tag is broken, so MediaWiki cannot read it as meant.

    Flags, with the matching MediaWiki Cite error:

    - an unclosed ``<ref>`` (it swallows the text after it) and a stray ``</ref>`` whose opening tag
      was lost, and a ``<ref>`` inside another ref's text (``cite_error_included_ref``); an unclosed or nested ``<references>``
      (``cite_error_included_references``);
    - text that is meant as a ref tag but is not one to MediaWiki (``<refname=a>``, no space);
    - an opening tag without its ``>`` (``<ref name=a Text.<ref>…``), whose attributes MediaWiki
      reads up to the next ``>``, swallowing what lies between;
    - a name that is a plain number, ``name="1"``, ``{{r|1}}``, ``{{efn|name=07|…}}``
      (``cite_error_ref_numeric_key``);
    - an unknown attribute, with a did-you-mean (``cite_error_ref_too_many_keys``,
      ``cite_error_ref_parameter_suggestion``, ``cite_error_references_invalid_parameters``);
    - unbalanced or curly quotes in a name (Check Wikipedia #104);
    - a ref inside a reference list without a name, or with another group
      (``cite_error_references_no_key``, ``cite_error_references_group_mismatch``);
    - ``dir=`` other than ltr/rtl/auto, and reuses of one name with different ``dir``
      (``cite_error_ref_invalid_dir``, ``cite_error_ref_conflicting_dir``);
    - ``follow=`` together with ``name=`` (``cite_error_ref_follow_conflicts``);
    - misuse of ``details=`` sub-references (``cite_error_details_missing_parent``,
      ``cite_error_ref_with_details_no_name``, ``cite_error_details_unsupported_context``).

    Why: a broken tag renders as red error text or eats the sentences after it.

    Fix: the message says what to change at the tag. ``--fix`` repairs what has one reading: unbalanced or
    curly quotes around a name (``name=“smith”`` → ``name="smith"``), the missing space of ``<refname=…>``,
    and a closing tag missing its bracket (``/ref>`` or ``</ref``) when it is the only one before the next ref.

    Example::

        Text.<ref>Smith 2001.       ← malformed-ref: <ref> is never closed
        <ref name="smith>Smith</ref> ← malformed-ref: unbalanced quote in name
    """

    name = "malformed-ref"
    code = "CL302"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})
    fixable = "safe"

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        closes: list[int] | None = None  # where each </ref> starts, found once (not once per unclosed <ref>)
        for p in model.problems:
            message = _PROBLEMS[p.kind]
            if p.kind == "unclosed-ref":
                if closes is None:
                    closes = [m.start() for m in _NEXT_CLOSE.finditer(ctx.text)]
                i = bisect.bisect_left(closes, p.span.end)
                if i < len(closes):
                    message = (f"<ref> has no </ref> of its own: MediaWiki closes it with the </ref> on line "
                               f"{ctx.line(closes[i])} and swallows the text between; add </ref> after "
                               f"the citation")
            if p.kind == "missing-gt":
                name = p.detail[1:].split(None, 1)[0].lower()
                message = (f"this <{name}> tag has no closing > of its own: MediaWiki reads everything up to the "
                           f"next > (line {ctx.line(p.span.end - 1)}) as its attributes, swallowing the text, "
                           f"templates and tags there; add > after the attributes")
            elif p.kind == "list-closed-late":
                close = _NEXT_LIST_CLOSE.search(ctx.text, p.span.end)
                message = (f"<references> has no </references> of its own: MediaWiki closes it with the "
                           f"</references> on line {ctx.line(close.start()) if close else '?'}, so the list tag on "
                           f"line {ctx.line(int(p.detail))} and the text between are swallowed into it; write "
                           f"<references /> or add </references>")
            yield Hit(p.span, message, subject=p.kind, fix=_problem_fix(p, model, ctx))
        dirs: dict[tuple, tuple[str, int]] = {}
        lacking_gt = {p.span.start for p in model.problems if p.kind == "missing-gt"}
        for tag in model.tags:
            if tag.span.start in lacking_gt:
                continue  # its "attributes" are the text the missing ">" let in: one finding, above
            if tag.name == "references":
                yield from self._references(tag)
            elif tag.attrs or tag.in_list:  # (a bare <ref> in the text: nothing below applies to it)
                yield from self._ref(tag, ctx, dirs, model)

    def _references(self, tag: RefTag) -> Iterator[Hit]:
        for a in tag.attrs:
            if a.name not in REFERENCES_ATTRS:
                yield Hit(a.span, f'unknown attribute "{clip(a.name)}" on <references>; it supports only group and '
                                  f'responsive: remove it{_suggest(a.name, REFERENCES_ATTRS)}', subject=a.name)

    def _ref(self, tag: RefTag, ctx: Context, dirs: dict, model: CitationModel) -> Iterator[Hit]:
        allowed = REF_ATTRS + (("details",) if ctx.sub_referencing else ())
        values = {}
        attrs = tag.attrs
        if tag.read is not None and attrs and _misread(tag):
            # a lost quote: say so, with what MediaWiki makes of it, and judge what it reads
            shown = " ".join(f'{k}="{v}"' for k, v in tag.read) or "no attributes at all"
            span = Span(attrs[0].span.start, attrs[-1].span.end)
            yield Hit(span, f"broken quoting in the attributes of <ref>: MediaWiki reads them as {clip(shown)}; put one "
                            f"straight quote on each side of every value", subject=shown,
                      fix=_reading_fix(tag, span, model, ctx))
            attrs = tuple(Attr(k, v, '"', span) for k, v in tag.read)
        if len({a.name for a in attrs}) < len(attrs):  # a repeated attribute: MediaWiki keeps the last
            last = {a.name: i for i, a in enumerate(attrs)}  # (not each compared with all after it)
            attrs = tuple(a for i, a in enumerate(attrs) if last[a.name] == i)
        unknown = [a for a in attrs if a.name not in allowed]
        if len(unknown) == 1:
            a = unknown[0]
            yield Hit(a.span, f'unknown attribute "{clip(a.name)}" on <ref>; supported: {", ".join(allowed)}'
                              f'{_suggest(a.name, allowed)}', subject=a.name)
        elif unknown:  # many: usually a lost ">" or quote turned the text into attributes
            names = ", ".join(f'"{clip(a.name)}"' for a in unknown[:4]) + (", …" if len(unknown) > 4 else "")
            yield Hit(Span(unknown[0].span.start, unknown[-1].span.end),
                      f"{len(unknown)} unknown attributes on <ref> ({names}): the tag is probably missing a "
                      f"closing > or quote; supported: {', '.join(allowed)}", subject=" ".join(a.name for a in unknown))
        for a in attrs:
            if a.name not in allowed:
                continue
            value = (a.value or "").strip()
            values[a.name] = value
            if a.name in ("name", "follow") and value:
                shown = clip(value)
                if a.quote is None and (value[0] in QUOTES or value[-1] in QUOTES):
                    yield Hit(a.span, f'unbalanced quotes in {a.name}={shown}: MediaWiki takes the quote as part '
                                      f'of the name ({a.name}=\'{shown}\'); use a straight quote on both sides, '
                                      f'like {a.name}="{clip(value.strip(QUOTES))}"', subject=value,
                              fix=_quote_fix(a, value, tag, model, ctx))
                elif any(q in value for q in "“”„«»"):
                    yield Hit(a.span, f'curly quotes in {a.name}="{shown}": MediaWiki keeps them as part of the name; '
                                      f'use straight quotes', subject=value, fix=_quote_fix(a, value, tag, model, ctx))
                elif value.isdigit():
                    yield Hit(a.span, f'{a.name}="{shown}" is a plain number, which MediaWiki rejects: use a '
                                      f'descriptive name such as "smith2001"', subject=value)
            if a.name == "dir" and value.lower() not in DIRS:
                yield Hit(a.span, f'dir="{clip(value)}" is not valid: use "ltr", "rtl" or "auto", or remove it',
                          subject=value)
        name = values.get("name") or None
        if "follow" in values and name is not None:
            yield Hit(tag.span, f'<ref follow="{clip(values["follow"])}"> continues another reference and cannot also '
                                f'have name="{clip(name)}": remove one of them', subject=name)
        if "details" in values and ctx.sub_referencing and (values["details"] or tag.in_list):
            if tag.in_list and name:
                yield Hit(tag.span, f'reference "{clip(name)}" cannot use details= inside the reference list: move it '
                                    f'into the text', subject=name)
            elif name is None:
                yield Hit(tag.span, "a <ref> with details= needs a name= naming its parent reference",
                          subject=values["details"])
        if tag.in_list:
            if name is None:
                yield Hit(tag.span, "reference inside the reference list has no name, so nothing can cite it: "
                                    "add name=\"…\" and cite it in the text, or move it into the text",
                          subject=tag.content or "")
            group = values.get("group")
            if group is not None and tag.list_group is not None and group != tag.list_group:
                yield Hit(tag.span, f'reference in the list for group "{clip(tag.list_group)}" says group="{clip(group)}": '
                                    f'remove the group attribute or move it to its own list', subject=group)
        if name is not None and "dir" in values and values["dir"].lower() in DIRS:
            key = (values.get("group", tag.list_group or ""), name)
            first = dirs.setdefault(key, (values["dir"].lower(), tag.span.start))
            if first[0] != values["dir"].lower():
                yield Hit(tag.span, f'reference "{clip(name)}" has dir="{values["dir"]}" but line {ctx.line(first[1])} '
                                    f'gave it dir="{first[0]}": use one direction', subject=name)


def _misread(tag: RefTag) -> bool:
    """Whether MediaWiki reads the tag's attributes otherwise than they look (an unclosed quote, junk)."""
    seen = {}
    for a in tag.attrs:
        value = _RUNS.sub(" ", a.value).strip() if a.value else ""
        seen[a.name] = html.unescape(value) if "&" in value else value
    return seen != dict(tag.read)


_RUNS = re.compile(r"[\t\r\n ]+")


_NEXT_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)
_NEXT_LIST_CLOSE = re.compile(r"</references\s*>", re.IGNORECASE)


def _suggest(name: str, allowed) -> str:
    import difflib  # start-up: only for a misspelt attribute

    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


_PROBLEMS = {
    "unclosed-ref": "<ref> is never closed, so it swallows the text after it: add </ref> after the citation",
    "stray-close": "</ref> without an opening <ref>: the opening tag was probably deleted; restore <ref> "
                   "before the citation text or remove this tag",
    "unclosed-references": "<references> is never closed: write <references /> or add </references>",
    "nested-references": "a reference list inside another reference list: remove the inner one",
    "nested-ref": "a <ref> inside another ref's text: MediaWiki ends the outer ref at the first </ref> and "
                  "shows an error instead of it; close the outer ref first, or write it as {{#tag:ref|…}} to "
                  "put a ref in a note",
    "numeric-name": "a reference name that is a plain number, which MediaWiki rejects: use a descriptive "
                    "name such as \"smith2001\"",
    "no-space": "this is not a ref tag to MediaWiki, which shows it as text: put a space after \"ref\" "
                "(<ref name=…>)",
    "missing-gt": "",  # worded in check()
    "list-closed-late": "",  # worded in check()
    "malformed-tag": "this <ref> tag is malformed (MediaWiki cannot read its attributes): write it as "
                     "<ref name=\"…\" />",
}


# -- fixes: broken tag syntax with one reading -------------------------------------------------------
_ATTR_AS_WRITTEN = re.compile(r"(name|follow)\s*=\s*", re.IGNORECASE)
_NEXT_OPEN = re.compile(r"<ref(?=[\s/>])|<references\b|\n\s*\n", re.IGNORECASE)
#: "/ref>" with its "<" lost, and "</ref" with its ">" lost (not "</references", not "</ref>")
_BROKEN_CLOSE = re.compile(r"(?<![<\w])/ref\s*>|</ref(?![\w\s>])|</ref(?=\s+[^\s>])|</ref\s*\Z", re.IGNORECASE)
_ANY_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)
#: how far a lost bracket is looked for after an unclosed <ref>
_CLOSE_WINDOW = 5000


def _fixed(fix: Fix, model: CitationModel, ctx: Context, at: int) -> Fix:
    return fix.as_unsafe() if in_template(model, ctx.text, at) else fix


def _quote_fix(a: Attr, value: str, tag: RefTag, model: CitationModel, ctx: Context) -> Fix | None:
    """``name=“smith”``, ``name=smith"``, ``name="“smith”"`` → ``name="smith"``."""
    clean = value.strip(QUOTES).strip()
    written = ctx.text[a.span.start:a.span.end]
    m = _ATTR_AS_WRITTEN.match(written)
    if (not clean or clean.isdigit() or any(q in clean for q in QUOTES) or any(c in clean for c in "<>")
            or m is None or m.group(1).lower() != a.name or tag.read is None or _misread(tag)):
        return None
    fixed = f'{a.name}="{clean}"'
    return _fixed(Fix.safe(f"write it as {clip(fixed)}", Edit(a.span.start, a.span.end, fixed)), model, ctx, a.span.start)


def _reading_fix(tag: RefTag, span: Span, model: CitationModel, ctx: Context) -> Fix | None:
    """``<ref name="smith>``: one name, with one quote lost, read by MediaWiki as ``name="smith"``."""
    if len(tag.attrs) != 1 or len(tag.read) != 1 or tag.read[0][0] not in ("name", "group"):
        return None
    key, value = tag.read[0]
    if tag.attrs[0].name != key or not value or value.isdigit() or any(c in value for c in QUOTES + "<>=&"):
        return None
    fixed = f'{key}="{value}"'
    return _fixed(Fix.safe(f"write it as {clip(fixed)}", Edit(span.start, span.end, fixed)), model, ctx, span.start)


def _problem_fix(p, model: CitationModel, ctx: Context) -> Fix | None:
    text = ctx.text
    if p.kind == "no-space":  # "<refname=…>": the space after "ref"
        at = p.span.start + 4
        return _fixed(Fix.safe('put a space after "<ref"', Edit(at, at, " ")), model, ctx, p.span.start)
    if p.kind != "unclosed-ref" or not text.startswith(">", p.span.end - 1):
        return None
    # the only broken closing tag between this <ref> and the next one (or a blank line): it is the one meant
    stop = _NEXT_OPEN.search(text, p.span.end, p.span.end + _CLOSE_WINDOW)
    end = stop.start() if stop else min(len(text), p.span.end + _CLOSE_WINDOW)
    if stop is None and end < len(text):
        return None
    region = text[p.span.end:end]
    found = list(_BROKEN_CLOSE.finditer(region))
    if len(found) != 1 or _ANY_CLOSE.search(region) or "<!--" in region or "{{" in region[:found[0].start()] \
            and "}}" not in region[:found[0].start()]:
        return None
    m = found[0]
    at = p.span.end + m.start()
    if m.group().startswith("/"):
        return _fixed(Fix.safe('close the ref with "</ref>" (the "<" was lost)', Edit(at, at, "<")),
                      model, ctx, p.span.start)
    return _fixed(Fix.safe('close the ref with "</ref>" (the ">" was lost)', Edit(at + 5, at + 5, ">")),
                  model, ctx, p.span.start)
