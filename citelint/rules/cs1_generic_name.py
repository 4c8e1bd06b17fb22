from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import cites, on_value, subject

_LISTS = ("AuthorList", "ContributorList", "EditorList", "InterviewerList", "TranslatorList")


@lru_cache(maxsize=1024)
def _is_name_param(name: str) -> bool:
    return _name_params().match(name) is not None


@lru_cache(maxsize=1)
def _name_sets() -> tuple[set, set, set]:
    """(the names met that hold a person's name, those that do not, both): ``_is_name_param`` once per name
    (bounded)."""
    return set(), set(), set()


@lru_cache(maxsize=1)
def _name_params() -> re.Pattern:
    """The name-holding parameters CS1 checks (lists' last and first names, numbered or not)."""
    from citelint.cs1config import config

    names = config().names(*(f"{l}-{part}" for l in _LISTS for part in ("Last", "First")))
    alts = sorted({re.escape(n).replace("\\#", "#").replace("#", "[0-9]*") for n in names}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(alts) + r")\Z")


class Cs1GenericName(Rule):
    """A CS1/CS2 author, editor, contributor, interviewer or translator name is not a person's name.

    CS1 shows "|author1= has generic name" (error key ``err_generic_name``, Help:CS1 errors ``#generic_name``)
    when a ``|last=``/``|first=`` (``|author=``, ``|editor-last=``, ``|translator=``…, numbered or not)
    matches Module:Citation/CS1/Configuration's ``generic_names`` list: words such as "Author", "Editor(s)",
    "Contributor", "Staff"-like site furniture ("About us", "Contact us", "Home page", "Privacy", "Policy",
    "Site name", "Submitted"), "ed."/"eds." as a name, "User", and platform names (Facebook, Google,
    Instagram, Twitter, Tumblr, Pinterest). As CS1 does, one per citation; a name in CS1's accept-as-written
    markup ``((…))`` is left alone.

    Why: such "names" were copied from a page's template or byline by a tool; they credit no one and make
    the citation's anchor (CITEREF…) wrong.

    Fix: put the real author's name, or the organisation in ``|author=`` (or none: use ``|website=`` or
    ``|publisher=`` for the site); move "ed." to ``|editor=``.

    Example::

        {{cite web |url=https://example.org/a |title=A |author=Site name |date=2020-05-04}}   ← cs1-generic-name
    """

    name = "cs1-generic-name"
    code = "CL531"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config, generic, generic_candidates

        cfg = config()
        text = ctx.text
        yes, no, known = _name_sets()
        given = []  # (citation, param): the name-holding parameters CS1 tests, in order
        for c in cites(model, ctx):
            last = c.last
            if no.issuperset(last):
                continue  # no name-holding parameter (the most citations: a set test at C speed)
            if not known.issuperset(last):
                if len(known) >= 4096:
                    yes.clear()
                    no.clear()
                    known.clear()
                for name in last.keys() - known:
                    (yes if _is_name_param(name) else no).add(name)
                    known.add(name)
                if no.issuperset(last):
                    continue
            for p in c.params:
                if p.name not in yes:
                    continue
                v = p.value
                if not v or "{{" in v or (v.startswith("((") and v.endswith("))")):  # expandable, accept-as-written
                    continue
                given.append((c, p))
        done = None  # the citation already reported: CS1 shows one per citation
        for k in generic_candidates(cfg.generic_names, [p.value for _c, p in given]):
            c, p = given[k]
            if c is done or generic(cfg.generic_names, p.value) is None:
                continue
            done = c
            yield Hit(on_value(p), f"|{p.name}={clip(p.value)} is not a person's name: CS1 shows "
                      f"{cfg.shows('err_generic_name', p.name)}; give the real author (or none: the site "
                      f"goes in |website= or |publisher=)", subject=subject(c, text, "generic-name\0" + p.name))
