from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
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
        index = None
        for sc in a.shorts:
            if sc.ignore_err:
                continue
            for target in sc.targets:
                if missing(a, target) and a.unverifiable(target) is None:
                    if index is None:  # built once a page has a miss (a page may have thousands)
                        index = _Near(a)
                    yield Hit(sc.span, message(a, target, index), subject=target)


def missing(a: Analysis, target: str) -> bool:
    return target not in a.anchors and target not in a.other_anchors and target not in a.whitelist


class _Near:
    """The page's anchors by their case-folded form and by their names without the year, for the hint."""

    def __init__(self, a: Analysis) -> None:
        self.folded: dict[str, list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        for k in a.anchors:
            self.folded.setdefault(k.casefold(), []).append(k)
            self.stems.setdefault(_YEAR_TAIL.sub("", k), []).append(k)

    def __call__(self, target: str) -> list[str]:
        """The anchors that differ from ``target`` in capitals only (page order), else in the year only (sorted)."""
        same_but_case = self.folded.get(target.casefold(), ())
        return list(same_but_case) or sorted(self.stems.get(_YEAR_TAIL.sub("", target), ()))


def message(a: Analysis, target: str, near_of: _Near | None = None) -> str:
    hint = ""
    near = (near_of or _Near(a))(target)
    if near:
        hint = f" (the page has {', '.join(clip(n) for n in near[:3])}: check the capitals, the names and the year)"
    target = clip(target)
    return (f"no full citation on the page has the anchor {target}{hint}; Wikipedia shows "
            f"\"Harv error: link from {target} doesn't point to any citation\" (sfn error: no target: "
            f"{target}); make the names and year match the full citation, or add the full citation")
