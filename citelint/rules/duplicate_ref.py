from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, quoted

# Content that is meant to repeat: "Ibid." and friends refer to the citation before them.
_REPEATABLE = re.compile(r"^\W*(ibid|ibidem|id|op\.?\s*cit|loc\.?\s*cit)\b", re.IGNORECASE)


class DuplicateRef(Rule):
    """The same citation is written out twice instead of being defined once and reused.

    Two references (or two plain-text list entries) have the same content once whitespace is
    normalised (Check Wikipedia #81); two citation templates that differ only in the order of their
    parameters or in white space are the same citation too. Reported at the later one, naming the line of the earlier.
    A name defined twice with the same text is not flagged (MediaWiki accepts it), and neither is
    content meant to repeat, such as "Ibid.".

    Why: the reference list shows the source twice under two numbers; readers and editors cannot
    tell they are the same, and a fix to one copy misses the other.

    Fix: name the first (``<ref name="smith">…</ref>``) and replace the copy with ``<ref name="smith" />``.

    Example::

        A.<ref>Smith, J. (2001). Title.</ref>
        B.<ref>Smith, J. (2001). Title.</ref>   ← duplicate-ref: same as line 1
    """

    name = "duplicate-ref"
    code = "CL201"
    severity = Severity.WARNING

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        first: dict[tuple, object] = {}
        canonical: dict[int, str] = {}
        if model.kind == "wikitext":
            canonical = _canonical_where_needed(model, ctx.text)
        for i, d in enumerate(model.definitions):
            norm = d.normalized
            if not norm or _REPEATABLE.match(norm):
                continue
            k = (d.group, d.segment, canonical.get(i, norm))
            prev = first.get(k)
            if prev is None:
                first[k] = d
                continue
            if prev.key is not None and prev.key == d.key:
                continue  # same name, same text: a harmless redefinition
            line = ctx.line(prev.span.start)
            if model.kind == "plaintext":
                msg = (f"entry {d.key} repeats entry {prev.key} (line {line}): {quoted(norm)}; "
                       f"merge them into one entry and point both markers at it")
            else:
                if prev.key:
                    how = f'reuse it here with <ref name="{prev.key}" />'
                else:
                    how = 'give the first a name (<ref name="…">) and reuse it here with <ref name="…" />'
                msg = f"same citation as line {line}: {quoted(norm)}; {how}"
            yield Hit(d.span, msg, subject=norm)


def _canonical_where_needed(model: CitationModel, text: str) -> dict[int, str]:
    """Canonical content (parameter order and white space ignored) of the refs that could have a twin.

    Reordering parameters and changing white space keep the multiset of the other characters, so refs are
    first bucketed by the length and byte sum of their content without white space (lower case: a template
    name's first letter is case-insensitive); only refs sharing a bucket are parsed into canonical form."""
    from citelint.citations import canonical_content, parsed_refs

    buckets: dict[tuple, list] = {}
    for r in parsed_refs(model, text):
        if r.templates:
            b = "".join(r.definition.normalized.split()).lower().encode("utf-8")
            buckets.setdefault((len(b), sum(b)), []).append(r)
    return {r.index: canonical_content(r) for refs in buckets.values() if len(refs) > 1 for r in refs}
