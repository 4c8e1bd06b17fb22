from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Definition, Severity
from citelint.rules.base import Context, Rule, describe_key, normalize_ws


def _expanded(d: Definition) -> bool:
    """Cite gets the text of {{#tag:ref}} and of note templates with their templates expanded, the
    text of a <ref> tag as written."""
    return d.origin == "template"


class ConflictingRef(Rule):
    """One reference name is defined with different content in two places.

    MediaWiki keeps only the first text and shows "Cite error: … defined multiple times with
    different content" (``cite_error_references_duplicate_key``). Names are compared within their
    group; texts are compared as written, so a copy that differs only in spacing is flagged too
    (the message says so: that one is safe to fix by deleting the copy's text), and so is a text with
    templates given once in a ``<ref>`` and once through ``{{#tag:ref}}``, which expands them. List-defined refs
    that nothing cites are unused-ref's finding only.

    Why: every reuse of the name points to the first text; the second text is silently lost.

    Fix: keep one definition and turn the others into reuses (``<ref name="x" />``); if the texts
    cite different sources, give the second one its own name.

    Example::

        <ref name="a">Smith 2001.</ref>
        <ref name="a">Jones 1999.</ref>   ← conflicting-ref: "a" already defined on line 1
    """

    name = "conflicting-ref"
    code = "CL202"
    severity = Severity.ERROR

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        first: dict[tuple, Definition] = {}
        used = {u.ident for u in model.uses if u.key is not None}
        for d in model.definitions:
            if d.key is None or not d.content.strip():
                continue
            if d.list_defined and d.ident not in used:
                continue  # a list-defined ref nothing cites is not shown at all: unused-ref's finding
            k = d.ident
            prev = first.get(k)
            if prev is None:
                first[k] = d
                continue
            if prev.content == d.content and not (_expanded(prev) != _expanded(d) and "{{" in d.content) \
                    and not (_expanded(d) and "<ref" in d.content.lower()):  # each inner ref: its own marker
                continue  # Cite compares the text as written: a trailing space or newline is a conflict
            line = ctx.line(prev.span.start)
            if normalize_ws(prev.content) == normalize_ws(d.content):
                how = "with text that differs only in whitespace"
                fix = "replace this copy with a reuse"
            else:
                how = "with different content"
                fix = "keep one definition and reuse it, or give this source its own name"
            if prev.content == d.content:
                how = "with the same text, but one gets its templates expanded ({{#tag:ref}} or a template) and " \
                      "the other not (<ref>), so MediaWiki sees different text"
                fix = "replace this copy with a reuse"
            yield Hit(d.span, f"reference {describe_key(d.group, d.key)} was already defined on line {line} {how}; "
                              f"MediaWiki shows only the first text: {fix}", subject=d.content)
