from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, describe_key


class UndefinedRef(Rule):
    """A citation is used but its content is never given.

    Wikitext: a named reference such as ``<ref name="smith"/>`` whose name never gets content
    anywhere on the page (MediaWiki: ``cite_error_references_no_text``). Names are case-sensitive,
    so ``name="Smith"`` does not define ``name="smith"``. A use in a group that no list shows is
    missing-reflist's finding, not this one (MediaWiki reports only the missing list). Plain text: a marker ``[11]`` with no entry
    11 in the reference list.

    Why: the reader sees a red "Cite error" or a footnote that leads nowhere; usually the defining
    ref was deleted or renamed while its reuses stayed.

    Fix: give the first use the full citation (``<ref name="smith">{{cite book …}}</ref>``), restore
    the deleted definition from the page history, or remove the marker.

    Example::

        Text.<ref name="smith" />        ← undefined-ref: "smith" has no content anywhere
    """

    name = "undefined-ref"
    code = "CL101"
    severity = Severity.ERROR

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        defined, empty_listed = set(), set()
        for d in model.definitions:
            if d.key is not None:
                (defined if d.content.strip() else empty_listed).add(d.ident)
        lists: dict[str, int] = {}
        for r in model.reflists:
            lists[r.group] = lists.get(r.group, 0) + 1
        seen: dict[tuple, list] = {}
        for use in model.uses:
            if use.key is None or use.ident in defined:
                continue
            if use.group and use.segment >= lists.get(use.group, 0) and model.kind == "wikitext":
                continue  # no list shows this group, so nothing looks for the text: missing-reflist's finding
            # an empty list-defined ref is empty-ref's finding, unless this use itself has blank text
            if use.ident in empty_listed and use.origin != "blank":
                continue
            seen.setdefault(use.ident, []).append(use)
        for (group, _segment, key), uses in seen.items():
            first = uses[0]
            if model.kind == "plaintext":
                label = ctx.text[first.span.start:first.span.end]  # as written: [11], [a], [note 1]
                msg = f"marker {clip(label)} points to reference {clip(key)}, but the reference list has no entry {clip(key)}"
                fix = "add the missing entry to the list or remove the marker"
            else:
                msg = f"reference {describe_key(group, key)} is used but never defined"
                fix = "give one use the full citation or restore the deleted definition"
            more = f" (used {len(uses)} times; first here)" if len(uses) > 1 else ""
            yield Hit(first.span, f"{msg}{more}: {fix}", subject=f"{group}\0{key}")
