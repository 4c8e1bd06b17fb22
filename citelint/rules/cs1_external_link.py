from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, shown, template


class Cs1ExternalLink(CS1ParamRule):
    """An external link in a CS1/CS2 parameter that holds plain text (``|title=``, ``|website=``…).

    The link may be bracketed (``[https://… label]``) or bare (``https://…``); the parameters are those such
    as ``|title=``, ``|website=``, ``|publisher=``, ``|author=``.

    As Module:Citation/CS1's ``is_parameter_ext_wikilink``: every parameter except those meant for URLs and
    locators (``|url=``, ``|archive-url=``, ``|chapter-url=``…, ``|id=``, ``|page=``, ``|pages=``, ``|at=``,
    ``|quote-page=``…) is checked for a bracketed or bare URL with a scheme and a domain name (or a
    protocol-relative ``//…``). Wikilinks are fine; templates nested in the value are left out (their output
    is not known offline). A URL in an identifier parameter (``|doi=https://doi.org/…``, ``|jstor=``…) is
    reported by ``invalid-doi`` and ``invalid-identifier``, which say what to write instead, not here.

    CS1 shows "External link in |website=" and files the page under "CS1 errors: external links"
    (``err_param_has_ext_link``; Help:CS1 errors#param_has_ext_link).

    Why: the link breaks the citation's metadata and makes a second, unlabelled link in it.

    Fix: write the plain name (``|website=BBC News``) and give the address in ``|url=``.

    Example::

        {{cite web |url=https://example.org/a |title=T |website=https://example.org}}   ← cs1-param-has-ext-link
    """

    name = "cs1-param-has-ext-link"
    code = "CL511"
    severity = Severity.ERROR
    kind = "external-link"
    anchor = "param_has_ext_link"

    def message(self, issue) -> str:
        key = issue.data["key"]
        url = issue.data["url"]
        fix = ("write the plain name of the site or work here and give the address in |url="
               if key not in ("title", "chapter", "trans-title", "script-title") else
               "write the plain title here and give the address in |url=" if key != "chapter" else
               "write the plain chapter title here and give the address in |chapter-url=")
        return (f"|{key}= of {template(issue)} holds an external link ({shown(url, 50)}): CS1 shows \"External "
                f"link in |{key}=\"; {fix}")
