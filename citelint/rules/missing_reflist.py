from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
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

    Example::

        Text.<ref group="note">A note.</ref>   ← missing-reflist: no list shows group "note"
    """

    name = "missing-reflist"
    code = "CL301"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

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
                where = ("but no reference list shows that group" if group not in lists
                         else "after the last reference list of that group, so no list shows them")
                yield Hit(use.span, f'{refs} in group "{group}" {where}: add <references group="{group}" /> '
                                    f'or {{{{reflist|group={group}}}}} after them', subject=group)
            elif ctx.namespace is not None and ctx.namespace % 2 == 1:
                continue  # talk pages: MediaWiki's automatic list at the end is what they use
            elif group not in lists:
                yield Hit(use.span, f"{refs} but the page has no reference list: add a \"References\" "
                                    f"section with {{{{reflist}}}} or <references />",
                          subject="", severity=Severity.WARNING)
            else:
                yield Hit(use.span, f"{refs} after the last reference list: MediaWiki shows them in an extra list "
                                    f"at the end of the page; move the list below them or the refs above it",
                          subject="after-list", severity=Severity.WARNING)
