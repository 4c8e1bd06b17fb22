from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, describe_key


class EmptyRef(Rule):
    """A reference has no content and nothing to point to.

    Wikitext: ``<ref></ref>`` or ``<ref />`` with no name (MediaWiki: ``cite_error_ref_no_input``,
    ``cite_error_ref_no_key``), or a ref defined inside ``<references>`` with a name but no text
    (``cite_error_empty_references_define``), a ``<ref follow=…>`` with nothing to add
    (``cite_error_ref_no_input``, ``cite_error_ref_no_key``). Plain text: a list entry with a number and no text.

    Why: the reader gets a footnote number that leads to an error or to nothing.

    Fix: put the citation between the tags, name an existing reference to reuse it, or delete it.

    Example::

        Text.<ref></ref>   ← empty-ref
    """

    name = "empty-ref"
    code = "CL103"
    severity = Severity.ERROR

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        for d in model.definitions:
            if d.content.strip():
                continue
            if d.origin == "entry":
                yield Hit(d.span, f"entry {d.key} in the reference list has no text: restore the citation or "
                                  f"remove the entry and its markers", subject=f"entry\0{d.key}")
            elif d.list_defined:
                yield Hit(d.span, f"reference {describe_key(d.group, d.key)} defined in the reference list has "
                                  f"no content: add the citation text or delete it", subject=f"{d.group}\0{d.key}")
            elif d.origin == "follow":
                yield Hit(d.span, "<ref follow=…> has no text to add to the reference it continues: put the "
                                  "continuation between <ref follow=…> and </ref>, or delete it", subject="follow")
            elif d.key is None:
                yield Hit(d.span, "reference has neither content nor a name: put the citation between <ref> and "
                                  "</ref>, name an existing reference to reuse it, or delete it", subject="")
