from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.shortcite import analyse


class UncitedFullcite(Rule):
    """A bibliography entry no short citation links to, on a page that uses short citations.

    A CS1/CS2 full citation outside any ``<ref>`` has an anchor (``CITEREFSmith2020``) that no
    ``{{sfn}}``/``{{harv}}`` on the page points to. The Harv errors script says "There is no link
    pointing to this citation. The anchor is named CITEREFSmith2020." Citations under "Further
    reading", "External links" or "See also", with ``ref=none``, or whose anchor is in
    ``{{sfn whitelist}}`` are not reported, nor any on a page with a short citation whose target cannot
    be known offline (one built by a template, ``{{harvc}}``); and only when short citations link to at
    least half of the bibliography entries (a page with one ``{{harvnb}}`` among a hundred hand-written
    short citations is not using them to cite its bibliography).

    Why: the work is listed as a source but nothing in the text cites it; or a short citation meant for
    it is misspelt (then ``sfn-no-target`` names that one).

    Fix: cite it with a short citation, move it to "Further reading", or remove it; give a deliberately
    uncited entry ``ref=none``.

    Example::

        Text.{{sfn|Smith|2020}}
        * {{cite book |last=Smith |year=2020 |title=One}}
        * {{cite book |last=Jones |year=2019 |title=Two}}   ← uncited-fullcite: CITEREFJones2019
    """

    name = "uncited-fullcite"
    code = "CL703"
    severity = Severity.INFO
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        a = analyse(model, ctx.text)
        if not a.shorts or any(sc.unknown for sc in a.shorts) or "harvc" in a.opaque:
            return
        cited = {t for sc in a.shorts for t in sc.targets}
        entries = [c for c in a.fulls if c.anchor is not None and not c.in_ref and not c.reading
                   and c.anchor not in a.whitelist]
        if 2 * sum(c.anchor in cited for c in entries) < len(entries):
            return  # short citations are not how this page cites its bibliography (a few among many)
        for c in entries:
            if c.anchor in cited:
                continue
            yield Hit(c.span, f"no short citation links to this full citation (anchor {clip(c.anchor)}); the Harv "
                              f"errors script says \"There is no link pointing to this citation. The anchor is "
                              f"named {clip(c.anchor)}.\"; cite it with a short citation, move it to Further reading, "
                              f"or remove it (ref=none keeps it without an anchor)", subject=c.anchor)
