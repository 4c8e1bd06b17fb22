"""What the CS1 parameter rules share: the document's parameter issues (``citelint.cs1params.issues``),
computed once per model, each rule reporting those of its kind."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar, Iterator, Optional

from citelint.findings import Hit
from citelint.model import CitationModel, Span
from citelint.rules.base import Context, Rule, shorten


class CS1ParamRule(Rule):
    #: the ``Issue.kind`` this rule reports
    kind: ClassVar[str]
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1params import issues

        for issue in issues(model, ctx.text, ctx.cs1_extra, ctx.cs1_parameters):
            if issue.kind == self.kind:
                p = issue.param
                yield Hit(Span(issue.start, issue.end), self.message(issue),
                          subject=f"{issue.cite.template}\0{p.name}\0{p.value}")

    def message(self, issue) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


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
