from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template


class Cs1RedundantParameters(CS1ParamRule):
    """Two CS1/CS2 parameters given together that are one parameter (aliases), so CS1 shows only one.

    The alias groups are Module:Citation/CS1/Configuration's (pinned in ``cs1_whitelist.toml``): ``|url=`` and
    ``|URL=``, ``|access-date=`` and ``|accessdate=``, ``|work=``/``|website=``/``|journal=``/
    ``|newspaper=``/``|magazine=``/``|periodical=``, ``|chapter=``/``|section=``/``|contribution=``…,
    ``|location=``/``|place=``, ``|issue=``/``|number=``, ``|author=``/``|last=``/``|last1=``/``|author1=`` (each
    name position), and more. Also one of ``|page=``, ``|p=``, ``|pp=``, ``|pages=``, ``|at=``; ``|minutes=``
    with ``|time=``; ``|vauthors=``, ``|authors=`` and a ``|lastN=`` list together; ``|encyclopedia=`` with a
    periodical in ``{{cite encyclopedia}}``. (``|title=`` and ``|script-title=`` are not aliases: both are shown.)
    Only parameters with a value count. Reported at each parameter CS1 ignores: it takes the first of a group
    in CS1's order, not in the order written.

    CS1 shows "More than one of |URL= and |url= specified" and files the page under "CS1 errors: redundant
    parameter" (``err_redundant_parameters``; Help:CS1 errors#redundant_parameters).

    Why: one of the two values is silently dropped, often the one an editor corrected last.

    Fix: keep one parameter (with the right value) and delete the other.

    Example::

        {{cite web |url=https://example.org/a |title=T |website=Example |work=Example News}}   ← cs1-redundant-parameters (|work=)
    """

    name = "cs1-redundant-parameters"
    code = "CL507"
    severity = Severity.ERROR
    kind = "redundant"
    anchor = "redundant_parameters"

    def message(self, issue) -> str:
        name = issue.param.name
        sel = issue.data["selected"]
        shown = issue.data["shown"]
        if shown.endswith("name-list parameters"):
            return (f"|{name}= and |{sel}= both give the {shown.split('-')[0]} list of {template(issue)}: CS1 "
                    f"shows \"More than one of {shown} specified\" and uses only |{sel}=; keep one kind of name "
                    f"list")
        return (f"|{name}= and |{sel}= are one parameter of {template(issue)}: CS1 shows \"More than one of "
                f"{shown} specified\" and ignores |{name}=; keep one of them")
