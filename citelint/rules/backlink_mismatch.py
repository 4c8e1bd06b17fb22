from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule


class BacklinkMismatch(Rule):
    """Plain text: an entry's backlink labels and the markers in the text disagree.

    A rendered page shows one backlink per citation: ``↑ 2.0 2.1`` or ``^ a b`` under an entry
    cited twice, a lone ``↑`` or ``^`` under one cited once. When the text has a different number
    of markers for that entry, markers were lost or added when the text was edited or copied.

    Why: a citation the page once had is gone from the text, or a marker was pasted in by hand.

    Fix: find the passage that lost its marker (compare with the page history) or remove the
    stray marker.

    Example::

        ^ a b Smith 2001.   ← backlink-mismatch: two backlinks, but [3] appears once
    """

    name = "backlink-mismatch"
    code = "CL401"
    severity = Severity.WARNING
    formats = frozenset({"plaintext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.parsers.plaintext import marker_label  # start-up: the plain-text parser only when needed

        counts: dict[tuple, int] = {}
        for use in model.uses:
            counts[(use.group, use.key)] = counts.get((use.group, use.key), 0) + 1
        for d in model.definitions:
            if d.backlinks is None:
                continue
            shown = len(d.backlinks)
            found = counts.get((d.group, d.key), 0)
            if found == 0 or shown == found:
                continue  # no marker at all is unused-ref's finding
            label = marker_label(d.group, d.key)
            yield Hit(d.span, f"entry {d.key} has {shown} backlink(s) ({clip(' '.join(d.backlinks))}) but the text has "
                              f"{found} {label} marker(s): a marker was lost or added; compare with the page history",
                      subject=d.content)
