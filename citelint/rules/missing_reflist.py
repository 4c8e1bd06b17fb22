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
    no "References" heading and lands after navigation boxes and categories.

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
        listed = {r.group for r in model.reflists}
        first: dict[str, object] = {}
        count: dict[str, int] = {}
        for use in model.uses:
            if use.group not in listed:
                first.setdefault(use.group, use)
                count[use.group] = count.get(use.group, 0) + 1
        for group, use in first.items():
            n = count[group]
            if group:
                yield Hit(use.span, f'{n} reference(s) in group "{group}" but no reference list shows that group: '
                                    f'add <references group="{group}" /> or {{{{reflist|group={group}}}}}',
                          subject=group)
            else:
                yield Hit(use.span, f"{n} reference(s) but the page has no reference list: add a \"References\" "
                                    f"section with {{{{reflist}}}} or <references />",
                          subject="", severity=Severity.WARNING)
