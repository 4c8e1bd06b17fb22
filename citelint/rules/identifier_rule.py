"""What the identifier rules share: find the identifiers of the refs once, check those of their kinds."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar, Iterator

from citelint.findings import Hit
from citelint.identifiers import LABELS, check, limits, model_identifiers
from citelint.model import CitationModel, Severity, Span
from citelint.rules.base import Context, Rule, shorten


class IdentifierRule(Rule):
    #: identifier kinds this rule checks (citelint.identifiers.KINDS)
    kinds: ClassVar[frozenset[str]]
    severity = Severity.ERROR

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        lim = limits(ctx.identifier_limits)
        for _ref, iv in model_identifiers(model, ctx.text):
            if iv.kind not in self.kinds or iv.accepted:
                continue
            value = iv.value.upper() if iv.where in ("magic", "text") and iv.kind == "isbn" else iv.value
            if len(value) <= 256 and iv.kind != "bibcode":  # (a bibcode's year is judged against today's)
                problem = _verdict(iv.kind, value, ctx.identifier_limits)
            else:
                problem = check(iv.kind, value, lim)
            if problem is None:
                continue
            yield Hit(Span(iv.start, iv.end), message(iv, problem), subject=f"{iv.kind}\0{iv.value}",
                      severity=Severity.WARNING if problem.stale_limit else None)


@lru_cache(maxsize=4096)
def _verdict(kind: str, value: str, overrides: tuple):
    """``identifiers.check`` under the limits ``overrides`` configure, kept for the values that recur (the
    same identifiers in every revision of a page's history)."""
    return check(kind, value, limits(overrides))


def message(iv, problem) -> str:
    label = LABELS[iv.kind]
    shown = shorten(iv.value, 50)
    if iv.where == "param":
        name = "arxiv" if iv.kind == "arxiv" else iv.param.lower()  # CS1 names |eprint= as |arxiv=
        cs1 = f"Check |{name}= value" + (f": {problem.detail}" if problem.detail else "")
        if iv.kind == "bibcode":
            cs1 = f"Check |bibcode= {problem.detail or 'value'}"
        return f'|{iv.param}= value "{shown}" {problem.what} (CS1: "{cs1}"); {problem.fix}'
    if iv.where == "template":
        return f'{{{{ISBN}}}} value "{shown}" {problem.what} ({{{{ISBN}}}}: "Invalid ISBN"); {problem.fix}'
    if iv.where == "magic":
        return f'{label} magic link "{label} {shown}" {problem.what}; {problem.fix}'
    return f'{label} "{shown}" {problem.what}; {problem.fix}'
