from __future__ import annotations

from typing import Iterator

import re

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.fixes import Edit, Fix
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule


class MissingReflist(Rule):
    """References of a group are used but no reference list shows that group.

    A named group (``<ref group="note">``, ``{{efn}}`` notes) with no ``<references group="note"/>``,
    ``{{reflist|group=note}}`` or ``{{notelist}}`` is an error: MediaWiki shows "Cite error: <ref> tags
    exist for a group named …" (``cite_error_group_refs_without_references``). The default group
    with no list is a warning: MediaWiki appends a list at the very end of the page, but it then has
    no "References" heading and lands after navigation boxes and categories. On talk pages (dump
    pages in odd namespaces) the automatic list is normal, so the warning is not given there.

    Why: notes and citations the reader cannot see.

    Fix: add a "References" (or "Notes") section with ``{{reflist}}`` / ``<references />`` for the
    group. A wiki whose own template renders the list (``{{Verwysings}}``) declares it under
    ``[tool.citelint.templates.reflist]``.

    ``--fix --unsafe-fixes`` adds the missing default-group list: ``{{reflist}}`` under an empty
    "References" heading if the page has one, else a ``== References ==`` section before "Further reading"
    and "External links", or before the categories and navigation boxes at the end of the page (unsafe: it
    changes the page's layout).

    Example::

        Text.<ref group="note">A note.</ref>   ← missing-reflist: no list shows group "note"
    """

    name = "missing-reflist"
    code = "CL301"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})
    fixable = "unsafe"

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        lists: dict[str, int] = {}
        for r in model.reflists:
            lists[r.group] = lists.get(r.group, 0) + 1
        first: dict[str, object] = {}
        count: dict[str, int] = {}
        for use in model.uses:
            if use.segment >= lists.get(use.group, 0):  # no list of its group comes after it
                first.setdefault(use.group, use)
                count[use.group] = count.get(use.group, 0) + 1
        for group, use in first.items():
            n = count[group]
            refs = f"{n} reference{'s' if n != 1 else ''}"
            if group:
                shown = clip(group)
                where = ("but no reference list shows that group" if group not in lists
                         else "after the last reference list of that group, so no list shows them")
                yield Hit(use.span, f'{refs} in group "{shown}" {where}: add <references group="{shown}" /> '
                                    f'or {{{{reflist|group={shown}}}}} after them', subject=group)
            elif ctx.namespace is not None and ctx.namespace % 2 == 1:
                continue  # talk pages: MediaWiki's automatic list at the end is what they use
            elif group not in lists:
                yield Hit(use.span, f"{refs} but the page has no reference list: add a \"References\" "
                                    f"section with {{{{reflist}}}} or <references />",
                          subject="", severity=Severity.WARNING, fix=_add_list(ctx.text))
            else:
                yield Hit(use.span, f"{refs} after the last reference list: MediaWiki shows them in an extra list "
                                    f"at the end of the page; move the list below them or the refs above it",
                          subject="after-list", severity=Severity.WARNING)


_HEADING = re.compile(r"^(=+)[ \t]*([^=\n]*?)[ \t]*\1[ \t]*$", re.MULTILINE)  # what _headings finds (tests)
# _HEADING in linear time: its opening run whole (the title cannot begin with "="), the spaces around the title
# whole; a line of "=" alone apart (_HEADING halves it by trying every split of the run: quadratic, 100,000 "="
# took 3 s; and "= " + 2,000 spaces + "x" took 16 s, cubic, the lazy title and the two space runs around it)
_HEADING_RUN = re.compile(r"^(=+)(?!=)[ \t]*(?![ \t])((?:[^=\n]*[^=\n \t])?)[ \t]*\1[ \t]*$", re.MULTILINE)
_EQUALS_LINE = re.compile(r"^(?:==)+[ \t]*$", re.MULTILINE)


def _headings(text: str) -> list[re.Match]:
    """``list(_HEADING.finditer(text))``, in linear time."""
    out = list(_HEADING_RUN.finditer(text))
    equals = [_half(len(m.group(0).rstrip(" \t")) // 2).match(text, m.start(), m.end())
              for m in _EQUALS_LINE.finditer(text)]
    return sorted(out + equals, key=re.Match.start) if equals else out


def _half(k: int) -> re.Pattern:
    """What _HEADING matches on a line of 2k "=": k of them, an empty title, k of them."""
    return re.compile(rf"(={{{k}}})()={{{k}}}[ \t]*$", re.MULTILINE)


_REFS_HEADING = re.compile(r"references|notes|footnotes|citations|sources|notes and references|"
                           r"references and notes|einzelnachweise|références|referencias|note", re.IGNORECASE)
_AFTER_REFS = re.compile(r"further reading|external links|bibliography|literature|weblinks|liens externes|"
                         r"enlaces externos|collegamenti esterni", re.IGNORECASE)
#: what ends a page, after its sections: categories, interlanguage links, navigation boxes, sort keys, stubs
#: (the leading spaces taken whole: each item begins with a non-space; tried from each of them, the second run
#: scanned the rest again, quadratic on a long line of spaces)
_TRAILER = re.compile(r"[ \t]*(?![ \t])(?:\[\[[^\[\]\n]+\]\]|\{\{[^{}\n]*\}\}|__[A-Z]+__|<!--[^\n]*?-->)?[ \t]*")


def _add_list(text: str):
    """An unsafe fix: a reference list at the conventional place."""
    headings = _headings(text)
    for i, h in enumerate(headings):
        if _REFS_HEADING.fullmatch(h.group(2)):
            nxt = text.find("\n", h.end())
            # the next heading (each match ends its line, the next begins a later one): not searched from the
            # first heading again for each References heading (20,000 of them were quadratic)
            body_end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
            if text[h.end():body_end].strip():
                continue  # a References section with something in it (a bibliography): leave it be
            at = len(text) if nxt < 0 else nxt + 1
            insert = ("\n" if nxt < 0 else "") + "{{reflist}}\n"
            return Fix.unsafe(f'add {{{{reflist}}}} under the "{h.group(2)}" heading', Edit(at, at, insert))
    level = "=" * min((len(h.group(1)) for h in headings), default=2)
    level = "==" if len(level) < 2 else level
    at = next((h.start() for h in headings if len(h.group(1)) == len(level) and _AFTER_REFS.fullmatch(h.group(2))),
              None)
    if at is None:
        at = len(text)
        # step back over the trailer: whole lines of categories, navboxes, magic words, comments, blanks
        while at > 0:
            start = text.rfind("\n", 0, at - 1) + 1 if at > 0 else 0
            line = text[start:at].rstrip("\n")
            if _TRAILER.fullmatch(line) and not _headings(line) and "[[" + "File:" not in line:
                at = start
            else:
                break
        while at < len(text) and text[at] == "\n":  # the section goes after the blank lines, before the trailer
            at += 1
    before = text[:at]
    lead = "" if before.endswith("\n\n") or not before else ("\n" if before.endswith("\n") else "\n\n")
    insert = f"{lead}{level} References {level}\n{{{{reflist}}}}\n" + ("\n" if at < len(text) else "")
    return Fix.unsafe("add a References section with {{reflist}}", Edit(at, at, insert))
