from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.shortcite import analyse

_YEAR_TAIL = re.compile(r"(\d{4})$")


class SfnMultipleTargets(Rule):
    """Two full citations have the same ``CITEREF`` anchor, and a short citation links to it.

    Two works by the same authors in the same year make the same anchor (``CITEREFSmith2020``); every
    short citation to it links to the first. Wikipedia shows "sfn error: multiple targets (2×):
    CITEREFSmith2020". Reported at each later citation with the line of the first, only for anchors a
    short citation on the page links to (the same work cited in full in several footnotes is harmless
    otherwise); anchors listed in ``{{sfn whitelist}}`` are not reported.

    Why: the reader of ``{{sfn|Smith|2020}}`` is sent to one of the two works, perhaps the wrong one.

    Fix: add a letter to the years, ``year=2020a`` and ``year=2020b`` (or ``date=May 2020a``), and the same
    letter to the short citations (``{{sfn|Smith|2020b}}``); or give one a ``ref={{sfnref|…}}``.

    Example::

        * {{cite book |last=Smith |year=2020 |title=One}}
        * {{cite book |last=Smith |year=2020 |title=Two}}   ← sfn-multiple-targets
        Text.{{sfn|Smith|2020}}
    """

    name = "sfn-multiple-targets"
    code = "CL702"
    severity = Severity.WARNING
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        a = analyse(model, ctx.text)
        targets = {t for sc in a.shorts for t in sc.targets}
        for anchor, cites in a.anchors.items():
            if len(cites) < 2 or anchor not in targets or anchor in a.whitelist:
                continue
            first = ctx.line(cites[0].span.start)
            m = _YEAR_TAIL.search(anchor)
            how = (f"add a letter to the years (year={m.group(1)}a, year={m.group(1)}b) and to the short "
                   f"citations" if m else "give one of them a ref={{sfnref|…}} and point its short citations at it")
            for c in cites[1:]:
                yield Hit(c.span, f"this full citation has the same anchor {clip(anchor)} as the one on line {first}, "
                                  f"so short citations link to the first only; Wikipedia shows \"sfn error: "
                                  f"multiple targets ({len(cites)}×): {clip(anchor)}\"; {how}", subject=anchor)
