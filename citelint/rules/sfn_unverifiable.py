from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.sfn_no_target import missing
from citelint.rules.shortcite import analyse


class SfnUnverifiable(Rule):
    """A short citation whose target no full citation citelint can read has, but one it cannot read might.

    As ``sfn-no-target``, but the page has something that may make the anchor and that citelint cannot
    expand offline: a citation template it does not know (``{{cite EB1911}}``, ``{{cite Q}}``, a
    ``{{vcite book}}``), ``{{harvc}}``, a ``ref=`` built by a template, or a full citation whose names or
    year it does not read as CS1 does (a name with markup, ``date=n.d.``, a range of years, ``c. 1900``).
    The short citation may be fine; it may also be broken.

    Why: a broken short citation is a dead link for the reader; this one could not be checked.

    Fix: preview the page (a broken one shows "sfn error: no target"), or give the full citation an
    explicit ``ref={{sfnref|…}}``; when it is fine, list its anchor in ``{{sfn whitelist}}``.

    Example::

        Text.{{sfn|Brown|1911}}            ← sfn-unverifiable: CITEREFBrown1911
        * {{cite EB1911 |wstitle=Brown, John}}
    """

    name = "sfn-unverifiable"
    code = "CL704"
    severity = Severity.INFO
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        a = analyse(model, ctx.text)
        for sc in a.shorts:
            if sc.ignore_err:
                continue
            for target in sc.targets:
                why = a.unverifiable(target) if missing(a, target) else None
                if why is not None:
                    yield Hit(sc.span, f"no full citation citelint can read has the anchor {clip(target)}, but {why}; "
                                       f"preview the page: a broken link shows \"sfn error: no target: "
                                       f"{clip(target)}\"", subject=target)
