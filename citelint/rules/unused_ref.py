from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.fixes import Edit, Fix
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, describe_key


class UnusedRef(Rule):
    """A reference is defined in a reference list but nothing in the text cites it.

    Wikitext: a list-defined ref (inside ``<references>…</references>`` or ``{{reflist|refs=…}}``)
    whose name no ``<ref name=…/>`` before the list uses (MediaWiki:
    ``cite_error_references_missing_key``). Plain text: a list entry that no body marker points to.

    Why: MediaWiki shows an error in place of the entry; in plain text the entry is dead weight and
    often means a marker was lost when the text was edited or copied.

    Fix: cite it where it supports the text (``<ref name="smith" />``), or delete the definition
    (``--fix --unsafe-fixes`` deletes a ``<ref>`` that stands on its own line in the list: unsafe, since an
    editor may rather cite it).

    Example::

        <references>
        <ref name="smith">Smith 2001.</ref>   ← unused-ref: nothing cites "smith"
        </references>
    """

    name = "unused-ref"
    code = "CL102"
    severity = Severity.WARNING
    fixable = "unsafe"

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        if not any(d.list_defined for d in model.definitions):
            return
        first_use: dict[tuple, int] = {}
        for use in model.uses:
            if use.key is not None:
                first_use.setdefault(use.ident, use.span.start)
        reported = set()
        for d in model.definitions:
            if not d.list_defined or d.key is None or not d.content.strip():
                continue
            at = first_use.get(d.ident)
            # plain text: a marker anywhere cites the entry (a reference may be cited only inside a
            # notes list that comes after it)
            if at is not None and (d.list_start < 0 or at < d.list_start or model.kind == "plaintext"):
                continue
            if d.ident in reported:
                continue
            reported.add(d.ident)
            if model.kind == "plaintext":
                from citelint.parsers.plaintext import marker_label  # start-up: not for wikitext

                msg = (f"reference {clip(d.key)} is in the list but no marker {clip(marker_label(d.group, d.key))} cites it: "
                       f"cite it or remove the entry")
            else:
                msg = (f"list-defined reference {describe_key(d.group, d.key)} is not used in the text before "
                       f"the list: cite it with <ref name=\"{clip(d.key)}\" /> or delete it")
            yield Hit(d.span, msg, subject=d.content, fix=_remove(d, ctx.text) if model.kind == "wikitext" else None)


def _remove(d, text: str):
    """Delete a list-defined ``<ref>…</ref>`` with the line it stands on alone."""
    if not text.startswith("<ref", d.span.start) and not text.startswith("<REF", d.span.start):
        return None
    # alone on its line: only white space between it and the line breaks around it (read from the ref
    # outwards, not from the line's ends: a list of 100,000 refs on one line was quadratic)
    line_start = d.span.start
    while line_start > 0 and text[line_start - 1] != "\n":
        if not text[line_start - 1].isspace():
            return None
        line_start -= 1
    after = _REST_OF_LINE.match(text, d.span.end)
    if after is None:
        return None
    return Fix.unsafe(f"delete the unused definition of \"{clip(d.key)}\"", Edit(line_start, after.end(), ""))


#: white space up to the end of the line, with its line break (or the end of the text)
_REST_OF_LINE = re.compile(r"[^\S\n]*(?:\n|\Z)")
