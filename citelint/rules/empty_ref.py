from __future__ import annotations

from typing import Iterator

import re

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.fixes import Edit, Fix
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, describe_key, in_template

# the attributes end where no space is before "\s*>" (what the lazy group keeps): one try per run of spaces, not
# one per space, each scanning the run again
_EMPTY_PAIR = re.compile(r"(<ref\b[^<>]*?)(?<!\s)\s*>\s*</ref\s*>\Z", re.IGNORECASE)


class EmptyRef(Rule):
    """A reference has no content and nothing to point to.

    Wikitext: ``<ref></ref>`` or ``<ref />`` with no name (MediaWiki: ``cite_error_ref_no_input``,
    ``cite_error_ref_no_key``), or a ref defined inside ``<references>`` with a name but no text
    (``cite_error_empty_references_define``), a ``<ref follow=…>`` with nothing to add
    (``cite_error_ref_no_input``, ``cite_error_ref_no_key``). Plain text: a list entry with a number and no text.

    Why: the reader gets a footnote number that leads to an error or to nothing.

    An empty pair of tags with a name defined elsewhere, ``<ref name="x"></ref>``, works as a reuse: an info
    finding, whose safe fix writes it as one (``<ref name="x" />``).

    Fix: put the citation between the tags, name an existing reference to reuse it, or delete it.

    Example::

        Text.<ref></ref>   ← empty-ref
    """

    name = "empty-ref"
    code = "CL103"
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        if model.kind == "wikitext":
            yield from _empty_pairs(model, ctx)
        for d in model.definitions:
            if d.content.strip():
                continue
            if d.origin == "entry":
                yield Hit(d.span, f"entry {clip(d.key)} in the reference list has no text: restore the citation or "
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


def _empty_pairs(model: CitationModel, ctx: Context) -> Iterator[Hit]:
    """``<ref name="x"></ref>`` where "x" has its text elsewhere: a reuse written as an empty pair of tags."""
    defined = {d.ident for d in model.definitions if d.key is not None and d.content.strip()}
    for u in model.uses:
        if u.origin != "reuse" or u.ident not in defined:
            continue
        m = _EMPTY_PAIR.match(ctx.text, u.span.start, u.span.end)
        if m is None or m.end() != u.span.end:
            continue
        reuse = m.group(1).rstrip() + " />"
        fix = Fix.safe(f"write it as {clip(reuse)}", Edit(u.span.start, u.span.end, reuse))
        yield Hit(u.span, f"reference {describe_key(u.group, u.key)} is reused with an empty pair of tags: write "
                          f"it as {clip(reuse)}", subject=f"pair\0{u.group}\0{u.key}", severity=Severity.INFO,
                  fix=fix.as_unsafe() if in_template(model, ctx.text, u.span.start) else fix)
