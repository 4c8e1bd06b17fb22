"""What the CS1 parameter rules share: the document's parameter issues (``citelint.cs1params.issues``),
computed once per model, each rule reporting those of its kind."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar, Iterator, Optional

from citelint.findings import Hit
from citelint.model import CitationModel, Span
from citelint.rules.base import Context, Rule, shorten


class CS1ParamRule(Rule):
    #: the ``Issue.kind`` this rule reports
    kind: ClassVar[str]
    #: the Help:CS1 errors anchor of what CS1 shows (the error_conditions key without ``err_``)
    anchor: ClassVar[str]
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1params import issues

        for issue in issues(model, ctx.text, ctx.cs1_extra, ctx.cs1_parameters):
            if issue.kind == self.kind:
                p = issue.param
                yield Hit(Span(issue.start, issue.end), with_anchor(self.message(issue), self.anchor_for(issue)),
                          subject=f"{issue.cite.template}\0{p.name}\0{p.value}")

    def message(self, issue) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def anchor_for(self, issue) -> str:
        return self.anchor


_SHOWS = re.compile(r"CS1 shows ([\"'])(.*?)\1(?=[;:,]| and )", re.DOTALL)
_SHOWS_HEAD = re.compile(r"CS1 shows ([\"'])")


def _shows(message: str) -> Optional[re.Match]:
    """``_SHOWS.search(message)`` in linear time: tried at each "CS1 shows" + quote in turn, but not again for a
    quote that found no closing after an earlier one (none is after a later one either). The search tried each
    to the end: a parameter named "CS1 shows '" * 2,000 took 1.6 s, and the page came back unchecked at 20,000."""
    failed = ""
    for head in _SHOWS_HEAD.finditer(message):
        if head.group(1) not in failed:
            m = _SHOWS.match(message, head.start())
            if m is not None:
                return m
            failed += head.group(1)
    return None


def with_anchor(message: str, anchor: str) -> str:
    """The message with the Help:CS1 errors anchor after the CS1 text it quotes, as the CS1 content rules write
    it: ``CS1 shows "Missing pipe in: |title=" (Help:CS1 errors#missing_pipe); add …``."""
    m = _shows(message)
    if m is None:
        return message
    return f"{message[:m.end()]} (Help:CS1 errors#{anchor}){message[m.end():]}"


def template(issue) -> str:
    """How a message names the citation's template: ``{{cite web}}``."""
    return "{{" + issue.cite.template + "}}"


def shown(value: str, limit: int = 40) -> str:
    return shorten(value, limit)


@lru_cache(maxsize=1)
def _class_templates() -> dict:
    from citelint.cs1 import template_classes

    out: dict = {}
    for name, cls in template_classes().items():
        out.setdefault(cls, name)
    return out


def template_of_class(cls: str) -> Optional[str]:
    """The template (its canonical name) that passes this CitationClass: ``episode`` → ``cite episode``."""
    return _class_templates().get(cls)
