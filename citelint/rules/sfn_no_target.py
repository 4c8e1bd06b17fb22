from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.shortcite import Analysis, analyse

_YEAR_TAIL = re.compile(r"\d{4}[a-z]?$")


class SfnNoTarget(Rule):
    """A short citation (``{{sfn}}``, ``{{harvnb}}``…) links to an anchor no full citation on the page has.

    The short citation's target is ``CITEREF`` followed by its names and year, run together
    (``{{sfn|Smith|Jones|2020}}`` → ``CITEREFSmithJones2020``); a CS1/CS2 full citation has the anchor
    ``CITEREF`` + the surnames of its first four authors + its year, or its ``ref=``. Wikipedia shows
    "sfn error: no target: CITEREFSmith2020" (the Harv errors script: "Harv error: link from
    CITEREFSmith2020 doesn't point to any citation"). Anchors are case-sensitive. A short citation with
    ``ignore-err=yes``, or whose anchor is listed in ``{{sfn whitelist}}``, is not reported; one whose
    target may come from a template citelint cannot expand is ``sfn-unverifiable`` instead.

    Why: the reader clicks the short citation and lands nowhere: the source it names is not on the page.

    Fix: make the names and the year agree with the full citation (spelling, capitals, the ``2020a``
    letter), add the missing full citation to the bibliography, or give the full citation a
    ``ref={{sfnref|…}}`` that matches.

    Example::

        Text.{{sfn|Smith|2021|p=4}}        ← sfn-no-target: CITEREFSmith2021 (the book is 2020)
        * {{cite book |last=Smith |first=J. |year=2020 |title=A Book}}
    """

    name = "sfn-no-target"
    code = "CL701"
    severity = Severity.WARNING
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        a = analyse(model, ctx.text)
        for sc in a.shorts:
            if sc.ignore_err:
                continue
            for target in sc.targets:
                if missing(a, target) and a.unverifiable(target) is None:
                    yield Hit(sc.span, message(a, target), subject=target)


def missing(a: Analysis, target: str) -> bool:
    return target not in a.anchors and target not in a.other_anchors and target not in a.whitelist


def message(a: Analysis, target: str) -> str:
    hint = ""
    near = [k for k in a.anchors if k.casefold() == target.casefold()]
    if not near:
        stem = _YEAR_TAIL.sub("", target)
        near = sorted(k for k in a.anchors if _YEAR_TAIL.sub("", k) == stem)
    if near:
        hint = f" (the page has {', '.join(near[:3])}: check the capitals, the names and the year)"
    return (f"no full citation on the page has the anchor {target}{hint}; Wikipedia shows "
            f"\"Harv error: link from {target} doesn't point to any citation\" (sfn error: no target: "
            f"{target}); make the names and year match the full citation, or add the full citation")
